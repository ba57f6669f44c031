package optimise

import (
	"fmt"
	"math"
	"strings"

	"github.com/spsim/spsim/sim/experiment"
)

// selectionSentences state a selection's answer: the combination with the
// best mean within the budget, the runner-up and what separates them, and
// what the procedure promises.
func (p *Problem) selectionSentences(r *Result) []string {
	o := r.Objective
	within := fmt.Sprintf("Of the %s", experiment.Count(len(r.Order), "combination"))
	if r.Options.Budget > 0 {
		within += " costing at most " + budgetMoney(r.Options.Budget) + " a year"
	}
	if r.Plan < 0 {
		if len(r.Order) == 0 {
			return []string{capital(r.NoPlan(p.Label)) + "."}
		}
		return []string{within + ", none has a defined " + kpiWords(o.KPI) + "."}
	}
	plan := r.checked(r.Plan)
	unit, gap := unitOf(o.KPI)
	e := plan.KPIs[0].Estimate
	if r.AllSame {
		// Nothing to choose: which is "best" would be the order of the
		// grid, and a range of a lever that changes nothing is not worth
		// widening.
		return []string{fmt.Sprintf("%s, none can be told from another: every one gives the same %s, %s, in every replication, on common random numbers, so what the levers change reaches nothing %s measures.",
			within, kpiWords(o.KPI), experiment.WithBounds(e.Mean, e.Low, e.High, unit, gap), kpiWords(o.KPI)),
			fmt.Sprintf("%s, %s, costing %s a year as funded, does as well as any; check that the scenario uses what the levers change.",
				cheapestWords(r), p.Label(r.Plan), experiment.Money(r.Candidates[r.Plan].Cost))}
	}
	out := []string{fmt.Sprintf("%s, %s has the %s %s: %s (%s), costing %s a year as funded.", within, p.Label(r.Plan), o.Sense(), kpiWords(o.KPI),
		experiment.WithBounds(e.Mean, e.Low, e.High, unit, gap), experiment.Count(plan.Reps, "replication"),
		experiment.Money(r.Candidates[r.Plan].Cost))}
	if len(r.Order) == 1 {
		// One candidate is not a choice: "has the highest" would claim one.
		only := "Only one combination was searched"
		if len(r.OverBudget) > 0 {
			only = "Only one combination costs at most " + budgetMoney(r.Options.Budget) + " a year"
		}
		out[0] = fmt.Sprintf("%s, so there is nothing to choose between: %s, costing %s a year as funded, gives %s %s (%s).", only, p.Label(r.Plan),
			experiment.Money(r.Candidates[r.Plan].Cost), kpiWords(o.KPI), experiment.WithBounds(e.Mean, e.Low, e.High, unit, gap), experiment.Count(plan.Reps, "replication"))
	}
	if s := p.atEdge(r, true); s != "" {
		out = append(out, s)
	}
	if s := p.undefinedWords(r); s != "" {
		out = append(out, s)
	}
	if plan.Decision == Undecided {
		out = append(out, fmt.Sprintf("After %s, other combinations could still not be told from it; it has the %s mean of those left.",
			experiment.Count(plan.Used, "replication"), map[bool]string{true: "highest", false: "lowest"}[o.Maximise]))
	}
	if r.RunnerUp >= 0 && r.Lead != nil {
		out = append(out, p.runnerUpWords(r))
	}
	if r.Cheaper >= 0 && r.CheaperLead != nil {
		out = append(out, p.cheaperWords(r))
	}
	if len(r.Order) > 1 {
		out = append(out, fmt.Sprintf("If one combination is better than every other by at least %s in %s, it is chosen with probability at least %s; one within %s of the best may be chosen in its place.",
			experiment.Quantity(r.Delta, unit, gap), kpiWords(o.KPI), experiment.LevelWords(r.Options.Confidence), experiment.Quantity(r.Delta, unit, gap)))
	}
	return out
}

// runnerUpWords sets the runner-up against the plan: what it costs, and
// the paired difference.
func (p *Problem) runnerUpWords(r *Result) string {
	o := r.Objective
	unit, _ := unitOf(o.KPI)
	ru := experiment.Estimate{Mean: -r.Lead.Mean, Low: -r.Lead.High, High: -r.Lead.Low, N: r.Lead.N} // runner-up minus plan
	s := "The runner-up is " + p.Label(r.RunnerUp)
	dc := r.Candidates[r.RunnerUp].Cost - r.Candidates[r.Plan].Cost
	switch {
	case dc < 0:
		s += ", costing " + experiment.Money(-dc) + " less a year"
	case dc > 0:
		s += ", costing " + experiment.Money(dc) + " more a year"
	default:
		s += ", at the same cost"
	}
	s += "; " + kpiWords(o.KPI) + ": "
	switch {
	case ru.N >= 2 && ru.High < 0:
		s += "lower by " + experiment.WithBounds(-ru.Mean, -ru.High, -ru.Low, unit, true)
	case ru.N >= 2 && ru.Low > 0:
		s += "higher by " + experiment.WithBounds(ru.Mean, ru.Low, ru.High, unit, true)
	default:
		s += "not detectably different (" + experiment.WithBounds(ru.Mean, ru.Low, ru.High, unit, true) + ")"
	}
	s += ", paired on common random numbers."
	if dc < 0 {
		s += cheaperRunnerUp(ru, r.Delta, -dc, unit)
	}
	return s
}

// cheaperRunnerUp is what a commissioner should weigh when the runner-up
// costs less: a difference within the tolerance, or one the replications
// cannot detect, may not be worth the money. It is "" when the runner-up
// is detectably worse by more than the tolerance could cover.
func cheaperRunnerUp(ru experiment.Estimate, delta, saving float64, unit string) string {
	tol := experiment.Quantity(delta, unit, true)
	switch {
	case ru.N >= 2 && delta > 0 && -delta <= ru.Low && ru.High <= delta:
		return " The whole interval lies within the tolerance of " + tol + ": if a difference that small does not matter, the runner-up does as well for " + experiment.Money(saving) + " a year less."
	case ru.N < 2:
		return " The two cannot be told apart on one replication: if a difference of up to " + tol + " does not matter, the runner-up may do as well for " + experiment.Money(saving) + " a year less."
	case ru.Low <= 0 && ru.High >= 0:
		// The interval says how large the difference may be: it may reach
		// past the tolerance.
		reach := experiment.Quantity(max(delta, -ru.Low, ru.High), unit, true)
		return " The two cannot be told apart on these replications: the difference may be as large as " + reach + ", so if a difference that large does not matter, the runner-up may do as well for " + experiment.Money(saving) + " a year less."
	}
	return ""
}

// cheapestWords names the plan among candidates that cannot be told apart:
// "The cheapest", or "The first" when every one costs the same.
func cheapestWords(r *Result) string {
	for _, i := range r.Order {
		if r.Candidates[i].Cost != r.Candidates[r.Plan].Cost {
			return "The cheapest"
		}
	}
	return "Every one costing the same, the first"
}

// cheaperWords sets against the plan the cheapest combination that does
// as well within the tolerance, or that the replications cannot tell from
// it, when that is not the runner-up.
func (p *Problem) cheaperWords(r *Result) string {
	o := r.Objective
	unit, _ := unitOf(o.KPI)
	l := r.CheaperLead
	c := experiment.Estimate{Mean: -l.Mean, Low: -l.High, High: -l.Low, N: l.N} // it minus the plan
	saving := r.Candidates[r.Plan].Cost - r.Candidates[r.Cheaper].Cost
	s := "Cheaper still, " + p.Label(r.Cheaper) + ", costing " + experiment.Money(saving) + " a year less than the plan; " + kpiWords(o.KPI) + ": "
	switch {
	case c.High < 0:
		s += "lower by " + experiment.WithBounds(-c.Mean, -c.High, -c.Low, unit, true)
	case c.Low > 0:
		s += "higher by " + experiment.WithBounds(c.Mean, c.Low, c.High, unit, true)
	default:
		s += "not detectably different (" + experiment.WithBounds(c.Mean, c.Low, c.High, unit, true) + ")"
	}
	s += ", paired on common random numbers."
	return s + strings.Replace(cheaperRunnerUp(c, r.Delta, saving, unit), "the runner-up", "it", 1)
}

// undefinedWords names the combinations whose objective was undefined in
// a replication (nothing it measures happened), which are never the best:
// left out, not weighed. "" if none.
func (p *Problem) undefinedWords(r *Result) string {
	var names []string
	for _, c := range r.Checked {
		if c.Index != r.Plan && len(c.KPIs) > 0 && math.IsNaN(c.KPIs[0].Estimate.Mean) {
			names = append(names, p.Label(c.Index))
		}
	}
	if len(names) == 0 {
		return ""
	}
	verb := "has"
	if len(names) > 1 {
		verb = "have"
	}
	return fmt.Sprintf("%s %s no defined %s (in one or more of its replications nothing it measures happened), so it is left out, not weighed.",
		capital(strings.Join(names, "; ")), verb, kpiWords(r.Objective.KPI))
}
