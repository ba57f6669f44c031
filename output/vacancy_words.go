package output

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// VacancySavings says, of each scenario that detectably costs less than
// the reference while its posts detectably stand empty longer, that the
// saving is pay not spent on empty posts (part of it, where the two fund
// different posts), and how much pay falls: a verdict of "cheaper" would
// otherwise credit a service that loses its link workers.
func VacancySavings(c *experiment.Comparison, cfgs []*sim.Config) []string {
	cost, vac, pay := c.KPI(sim.KPICostTotal), c.KPI(sim.KPIVacancyWeeks), c.KPI(sim.KPICostLW)
	if cost == nil || vac == nil || pay == nil {
		return nil
	}
	leaving := c.KPI(sim.KPILeaversPerFTE)
	var out []string
	for s := 1; s < len(c.Names) && s < len(cost.Paired) && s < len(vac.Paired) && s < len(pay.Paired); s++ {
		dc, dv, dp := cost.Paired[s], vac.Paired[s], pay.Paired[s]
		if !(dc.N >= 2 && dc.High < 0 && dv.Low > 0 && dp.High < 0) {
			continue
		}
		why := ""
		if leaving != nil && s < len(leaving.Paired) && leaving.Paired[s].Low > 0 {
			dl := leaving.Paired[s]
			why = fmt.Sprintf(", as more link workers leave (%s per FTE a year %s)",
				signed(dl.Mean, experiment.QuantityWithin(dl.Mean, dl.Low, dl.High, "", true)), experiment.Bounds(dl.Mean, dl.Low, dl.High, "", true))
		}
		what := "the lower cost is"
		if s >= len(cfgs) || !sameFunding(cfgs[0], cfgs[s]) {
			what = "part of the lower cost is" // posts funded differently pay differently too
		}
		out = append(out, fmt.Sprintf("In %s, %s pay not spent on posts standing empty: they stand empty %s more post-weeks a year %s, and pay is %s %s lower%s. Pay not spent on an empty post is not a saving the service chose.",
			c.Names[s], what, experiment.QuantityWithin(dv.Mean, dv.Low, dv.High, "", true), experiment.Bounds(dv.Mean, dv.Low, dv.High, "", true),
			experiment.QuantityWithin(-dp.Mean, -dp.High, -dp.Low, sim.UnitGBPPerYear, false), experiment.Bounds(-dp.Mean, -dp.High, -dp.Low, sim.UnitGBPPerYear, false), why))
	}
	return out
}

// sameFunding reports whether a and b fund the same posts throughout:
// the same link workers, FTE and roles, and the same changes to the posts
// on the timeline.
func sameFunding(a, b *sim.Config) bool {
	steps := func(c *sim.Config) [][2]int {
		var out [][2]int
		for _, ch := range c.Timeline {
			if ch.LinkWorkers != nil {
				out = append(out, [2]int{ch.Week, *ch.LinkWorkers})
			}
		}
		return out
	}
	posts := func(c *sim.Config) map[string][2]float64 {
		out := map[string][2]float64{}
		for n, r := range c.Roles {
			if r != nil {
				out[n] = [2]float64{float64(r.Posts), r.FTE}
			}
		}
		return out
	}
	return a.Workforce.LinkWorkers == b.Workforce.LinkWorkers && a.Workforce.FTE == b.Workforce.FTE &&
		slices.Equal(steps(a), steps(b)) && maps.Equal(posts(a), posts(b))
}

// signed puts a plus sign on an increase written as s.
func signed(v float64, s string) string {
	if math.Round(v*1e9) > 0 { // not rounding's residue
		return "+" + s
	}
	return s
}
