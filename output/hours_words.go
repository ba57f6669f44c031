package output

import (
	"fmt"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// hoursUnbound is the share of session hours below which hours are not
// what limits link workers: caseload caps fill first.
const hoursUnbound = 0.9

// SessionHoursWords says, of each scenario that gives link workers fewer
// session hours a week than the reference (more supervision or admin,
// shorter contracts), whether those hours bind: where link workers use
// detectably under nine in ten of their session hours, the hours taken
// cost no one a place, and a commissioner asking what supervision costs
// in session time should hear that the answer here is nothing.
func SessionHoursWords(c *experiment.Comparison, cfgs []*sim.Config) []string {
	util := c.KPI(sim.KPIHoursUtilisation)
	if util == nil || len(cfgs) == 0 {
		return nil
	}
	var out []string
	for s := 1; s < len(c.Names) && s < len(cfgs); s++ {
		// With several roles the hours utilisation is the whole team's,
		// not the link workers' the sentence would speak of.
		if sessionHoursPerFTE(cfgs[s]) >= sessionHoursPerFTE(cfgs[0]) || s >= len(util.Estimates) || len(cfgs[s].Roles) > 0 || len(cfgs[0].Roles) > 0 {
			continue
		}
		e := util.Estimates[s]
		if !(e.N >= 2 && e.High < hoursUnbound) {
			continue
		}
		out = append(out, fmt.Sprintf("In %s, link workers have %s fewer session hours a week per FTE than in %s, yet those hours do not bind: they use %s %s of them, so the time taken costs no one a place (caseload caps fill first).",
			c.Names[s], experiment.Number(sessionHoursPerFTE(cfgs[0])-sessionHoursPerFTE(cfgs[s])), c.Names[0],
			experiment.WordsWithin(e.Mean, e.Low, e.High, sim.UnitShare, false), experiment.Bounds(e.Mean, e.Low, e.High, sim.UnitShare, false)))
	}
	return out
}

// sessionHoursPerFTE is a link worker's hours a week for sessions.
func sessionHoursPerFTE(cfg *sim.Config) float64 {
	return sim.SessionHoursPerFTE(&cfg.Workforce, cfg.Workforce.Supervision.HoursPerWeek)
}
