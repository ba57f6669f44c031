package optimise

import (
	"fmt"
	"math"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Sentences state the answer in plain words: the plan, its cost and its
// outcomes with intervals, and the runner-up; or why there is no plan.
func (p *Problem) Sentences(r *Result) []string {
	if r.Objective != nil {
		return p.selectionSentences(r)
	}
	if r.Plan < 0 {
		return []string{capital(r.NoPlan(p.Label)) + "."}
	}
	plan := r.checked(r.Plan)
	lead := "The cheapest plan meeting %s at %s confidence is %s, costing %s a year as funded: %s."
	if len(r.Candidates) == 1 {
		// Nothing to be cheaper than.
		lead = "Only one combination was searched, and it meets %s at %s confidence: %s, costing %s a year as funded: %s."
	}
	out := []string{fmt.Sprintf(lead,
		p.targetWords(), experiment.LevelWords(r.Options.Confidence), p.Label(r.Plan), experiment.Money(r.Candidates[r.Plan].Cost), p.outcomes(plan))}
	if s := p.cheaperUncertain(r); s != "" {
		out = append(out, s)
	}
	if s := p.atEdge(r, false); s != "" {
		out = append(out, s)
	}
	if r.RunnerUp >= 0 {
		ru := r.checked(r.RunnerUp)
		more := r.Candidates[r.RunnerUp].Cost - r.Candidates[r.Plan].Cost
		cost := "costing " + experiment.Money(more) + " more a year"
		if math.Round(more) == 0 {
			cost = "at the same cost"
		}
		out = append(out, fmt.Sprintf("The runner-up is %s, %s: %s.", p.Label(r.RunnerUp), cost, p.outcomes(ru)))
		if sameResults(plan, ru) {
			out = append(out, "The two give the same results to the last digit, on the same random numbers: what differs between them reaches nothing the run measures; check that the scenario uses it (a tiered share does nothing under short-term support).")
		}
	} else if len(r.Candidates) > 1 {
		out = append(out, "No other combination within the levers was shown to meet the targets.")
	}
	return out
}

// cheaperUncertain says which combinations cheaper than the plan were left
// uncertain at the replications' limit: one of them may meet the targets,
// so the plan is the cheapest shown to, not the cheapest there is.
func (p *Problem) cheaperUncertain(r *Result) string {
	var names []string
	for _, c := range r.Checked {
		if c.Decision == Undecided && c.Index != r.Plan && r.Candidates[c.Index].Cost <= r.Candidates[r.Plan].Cost {
			names = append(names, p.Label(c.Index))
		}
	}
	if len(names) == 0 {
		return ""
	}
	what, may := "a combination costing no more was", "it may meet"
	if len(names) > 1 {
		what, may = "combinations costing no more were", "one of them may meet"
	}
	targets := "the targets"
	if len(p.Targets) == 1 {
		targets = "the target"
	}
	return fmt.Sprintf("But %s left uncertain at the limit of %d replications each (%s): %s %s too, and more replications would decide.",
		what, r.Options.MaxReps, strings.Join(names, "; "), may, targets)
}

// targetWords names the targets in words: "the target on wait to first
// contact, 90th percentile (at most 4 weeks)".
func (p *Problem) targetWords() string {
	var ts []string
	for _, t := range p.Targets {
		ts = append(ts, fmt.Sprintf("%s (%s)", kpiWords(t.KPI), t.Bound()))
	}
	if len(ts) == 1 {
		return "the target on " + ts[0]
	}
	return "the targets on " + strings.Join(ts, " and ")
}

// outcomes lists a checked candidate's KPIs with their intervals, in words;
// semicolons part them, since a KPI's name may hold a comma.
func (p *Problem) outcomes(c Checked) string {
	var parts []string
	for _, k := range c.KPIs {
		if k.KPI == sim.KPICostTotal {
			continue
		}
		unit, gap := unitOf(k.KPI)
		e := k.Estimate
		parts = append(parts, fmt.Sprintf("%s %s", kpiWords(k.KPI), experiment.WithBounds(e.Mean, e.Low, e.High, unit, gap)))
	}
	return strings.Join(parts, "; ") + fmt.Sprintf(" (%d replications)", c.Reps)
}

// kpiWords is a KPI's name for a sentence: "wait to first contact, mean".
func kpiWords(name string) string {
	l := output.KPILabel(name)
	return strings.ToLower(l[:1]) + l[1:]
}

// unitOf is a KPI's unit, and whether it is a gap between groups' shares
// (written in percentage points).
func unitOf(name string) (unit string, gap bool) {
	if m, ok := sim.LookupKPI(name); ok {
		return m.Unit, m.Gap
	}
	return "", false
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (r *Result) checked(i int) Checked {
	for _, c := range r.Checked {
		if c.Index == i {
			return c
		}
	}
	return Checked{}
}

// role is "plan", "runner_up" or "".
func (r *Result) role(i int) string {
	switch i {
	case r.Plan:
		return "plan"
	case r.RunnerUp:
		return "runner_up"
	}
	return ""
}

func decisionWord(d Decision) string {
	if d == Undecided {
		return "uncertain"
	}
	return d.String()
}
