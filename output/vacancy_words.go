package output

import (
	"fmt"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// VacancySavings says, of each scenario that detectably costs less than
// the reference while its posts detectably stand empty longer, that the
// saving is pay not spent on empty posts, and how much pay falls: a
// verdict of "cheaper" would otherwise credit a service that loses its
// link workers.
func VacancySavings(c *experiment.Comparison) []string {
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
				experiment.Signed(dl.Mean, "", true), experiment.Bounds(dl.Low, dl.High, "", true))
		}
		out = append(out, fmt.Sprintf("In %s, the lower cost is pay not spent on posts standing empty: they stand empty %s more weeks a year %s, and pay is %s %s lower%s. Pay not spent on an empty post is not a saving the service chose.",
			c.Names[s], experiment.Number(dv.Mean), experiment.Bounds(dv.Low, dv.High, "", true),
			experiment.WordsWithin(-dp.Mean, -dp.High, -dp.Low, sim.UnitGBPPerYear, false), experiment.Bounds(-dp.High, -dp.Low, sim.UnitGBPPerYear, false), why))
	}
	return out
}
