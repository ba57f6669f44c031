package output

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// ChangeAnswer says, for each of the scenario's timeline changes inside the
// KPIs' weeks, how the wait, the waiting list, people giving up and needs
// met compare after it with before it, each with the 95% interval of the
// paired difference; a difference whose interval covers 0 is said to be no
// detectable change. The KPIs average over both periods, so without this a
// run of "what happens when the funding ends?" would not say. With growth
// in referrals it says the same of the last year against the first ("how
// long does the team hold up?"). Results without the weekly columns it
// reads get no answer.
func ChangeAnswer(cfg *sim.Config, results []*sim.Result, level float64) []string {
	var out []string
	changes := experiment.ChangeWindows(cfg)
	for _, cw := range changes {
		what := fmt.Sprintf("week %d", cw.Week)
		if cw.Note != "" {
			what += " (" + cw.Note + ")"
		}
		caveat := ""
		if cfg.Demand.SeasonalAmplitude != 0 || cfg.Demand.AnnualGrowth != 0 {
			caveat = "Seasons and growth in referrals also differ between the two periods; comparing with the scenario without the change (spsim compare) isolates the change."
		}
		out = appendParagraph(out, experiment.ChangeEffects(results, cw, level), beforeAfterWords, caveat,
			"From %s, weeks %d to %d against weeks %d to %d before it:", what, cw.After[0], cw.After[1]-1, cw.Before[0], cw.Before[1]-1)
	}
	if cw, ok := experiment.GrowthWindow(cfg); ok {
		way := map[bool]string{true: "growing", false: "shrinking"}[cfg.Demand.AnnualGrowth > 0]
		caveat := ""
		if len(changes) > 0 {
			caveat = "The timeline's changes between them are in the difference too."
		}
		out = appendParagraph(out, experiment.ChangeEffects(results, cw, level), beforeAfterWords, caveat,
			"With referrals %s by %s a year, the last year (weeks %d to %d) against the first after the warm-up (weeks %d to %d):",
			way, experiment.Percent(math.Abs(cfg.Demand.AnnualGrowth)), cw.After[0], cw.After[1]-1, cw.Before[0], cw.Before[1]-1)
	}
	return out
}

// appendParagraph adds one paragraph of effects, led by the formatted
// lead and closed by caveat, if there are effects: one paragraph a change,
// as a comparison's verdict is one a scenario, so that it leads the
// report's first page with the rest.
func appendParagraph(out []string, effects []experiment.BeforeAfter, say func(experiment.BeforeAfter) string, caveat, lead string, args ...any) []string {
	if len(effects) == 0 {
		return out
	}
	words := []string{fmt.Sprintf(lead, args...)}
	for _, e := range effects {
		words = append(words, say(e))
	}
	if caveat != "" {
		words = append(words, caveat)
	}
	return append(out, strings.Join(words, " "))
}

// beforeAfterWords says how one measure goes from before a change to after.
func beforeAfterWords(e experiment.BeforeAfter) string {
	before := experiment.Quantity(e.Before.Mean, e.Unit, false)
	after := experiment.Quantity(e.After.Mean, e.Unit, false)
	diff := differenceWords(e.Unit, e.Difference)
	switch d := e.Difference; {
	case d.Low > 0:
		return fmt.Sprintf("%s: rises from %s to %s (%s).", KPILabel(e.KPI), before, after, diff)
	case d.High < 0:
		return fmt.Sprintf("%s: falls from %s to %s (%s).", KPILabel(e.KPI), before, after, diff)
	}
	return fmt.Sprintf("%s: no detectable change (%s and %s; %s).", KPILabel(e.KPI), before, after, diff)
}

// CompareChangeAnswer says, for each compared scenario's timeline change
// inside the KPIs' weeks that the reference does not make, how the same
// measures compare with the reference's over the weeks after it, paired
// replication by replication: on common random numbers, the change's
// effect in those weeks. The comparison's KPIs average over every week
// after the warm-up, before the change as well as after it.
func CompareChangeAnswer(c *experiment.Comparison, cfgs []*sim.Config) []string {
	if len(cfgs) != len(c.Results) || len(cfgs) < 2 {
		return nil
	}
	refChanges := experiment.ChangeWindows(cfgs[0])
	var out []string
	for i := 1; i < len(cfgs); i++ {
		for _, cw := range experiment.ChangeWindows(cfgs[i]) {
			if slices.ContainsFunc(refChanges, func(r experiment.ChangeWindow) bool { return r.Week == cw.Week && r.Note == cw.Note }) {
				continue // both make it: not a difference between them
			}
			what := fmt.Sprintf("week %d in %s", cw.Week, c.Names[i])
			if cw.Note != "" {
				what += " (" + cw.Note + ")"
			}
			out = appendParagraph(out, experiment.AfterEffects(c.Results[0], c.Results[i], cw, c.Level), againstWords, "",
				"From %s, weeks %d to %d, against %s in the same weeks:", what, cw.After[0], cw.After[1]-1, c.Names[0])
		}
	}
	return out
}

// againstWords says how one measure in a scenario compares with the
// reference's over the same weeks.
func againstWords(e experiment.BeforeAfter) string {
	ref := experiment.Quantity(e.Before.Mean, e.Unit, false)
	alt := experiment.Quantity(e.After.Mean, e.Unit, false)
	diff := differenceWords(e.Unit, e.Difference)
	if d := e.Difference; d.Low > 0 || d.High < 0 {
		return fmt.Sprintf("%s: %s against %s (%s).", KPILabel(e.KPI), alt, ref, diff)
	}
	return fmt.Sprintf("%s: no detectable difference (%s against %s; %s).", KPILabel(e.KPI), alt, ref, diff)
}
