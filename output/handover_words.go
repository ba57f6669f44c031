package output

import (
	"fmt"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// The wait to first contact ends at anyone's first session: a care
// navigator's too. People a navigator hands on to link workers then wait
// again, and a verdict on waits alone would count a navigator's quick
// first contact as the whole wait. These sentences say the second wait.

// handoverWords says how long people handed on wait for the next role, or
// "" when nobody is handed on.
func handoverWords(get func(string) (experiment.Summary, bool)) string {
	n, okN := get(sim.KPIRoleHandovers)
	wait, okW := get(sim.KPIHandoverWaitMean)
	if !okN || !okW || !(n.Estimate.Mean > 0) || !defined(wait.Estimate.Mean) {
		return ""
	}
	return fmt.Sprintf("people handed on to another role (%s) wait %s more for its first session: a second wait, which the wait to first contact leaves out",
		withInterval(n), withInterval(wait))
}

// HandoverWaits says, of each scenario of a comparison that hands people
// from one role to another, how long they wait again.
func HandoverWaits(c *experiment.Comparison) []string {
	var out []string
	for s, name := range c.Names {
		get := func(kpi string) (experiment.Summary, bool) {
			k := c.KPI(kpi)
			if k == nil || s >= len(k.Estimates) {
				return experiment.Summary{}, false
			}
			return experiment.Summary{Name: k.Name, Unit: k.Unit, Estimate: k.Estimates[s], Values: k.Values[s]}, true
		}
		if w := handoverWords(get); w != "" {
			out = append(out, "In "+name+", "+w+".")
		}
	}
	return out
}

// CompareNotes are what a comparison says after its verdicts: where added
// places stand empty, the waits after a handover, savings that are posts
// standing empty, community places become the limit, and session hours
// taken that do not bind.
func CompareNotes(c *experiment.Comparison, cfgs []*sim.Config) []string {
	out := append(EmptyPlaces(c, cfgs), HandoverWaits(c)...)
	out = append(out, VacancySavings(c, cfgs)...)
	out = append(out, CommunityLimit(c)...)
	return append(out, SessionHoursWords(c, cfgs)...)
}
