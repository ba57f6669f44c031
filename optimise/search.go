package optimise

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/sim/experiment"
)

// Candidate is one combination of lever values and its known cost a year.
type Candidate struct {
	Levers []string // one value per lever
	Cost   float64
}

// Evaluate returns replications first..first+n−1 of candidate i: one row
// per replication, one column per KPI asked of Search (the targets' KPIs
// first, in order). Replication j must draw the same random numbers for
// every candidate (common random numbers) and must not depend on how the
// replications are batched.
type Evaluate func(ctx context.Context, i, first, n int) ([][]float64, error)

// Options control a search.
type Options struct {
	Confidence float64 // that every decision is right, e.g. 0.95
	// N0 is the first batch of replications of each candidate, from which
	// the variance is fixed (at least 2; default 10).
	N0 int
	// MaxReps caps a candidate's replications; a candidate still undecided
	// there is reported as uncertain and not taken as a plan (default 500).
	MaxReps int
	// Batch is how many replications run at once after the first batch
	// (default 4). Decisions use replications one at a time in order, so
	// the plan does not depend on it; the replications run may.
	Batch int
	// Budget, if above 0, leaves out candidates costing more a year.
	Budget float64
	// Exhaustive checks every candidate instead of stopping at the
	// runner-up: the full grid, for comparison and a complete frontier.
	Exhaustive bool
}

// fill gives the unset options their defaults.
func (o *Options) fill() {
	if o.N0 == 0 {
		o.N0 = 10
	}
	if o.MaxReps == 0 {
		o.MaxReps = 500
	}
	if o.Batch == 0 {
		o.Batch = 4
	}
}

// defaults fills the unset options and checks them all.
func (o *Options) defaults() error {
	o.fill()
	return o.Check()
}

// Check checks the options as they are, 0 included: a command line that
// gives --first 0 has set it, and is refused rather than given the
// default that 0 stands for in a Spec.
func (o Options) Check() error {
	switch {
	case !(o.Confidence > 0 && o.Confidence < 1):
		return usage.Errorf("--confidence %g: want a level between 0 and 1, such as 0.95", o.Confidence)
	case o.N0 < 2:
		return usage.Errorf("--first %d: a first batch of %s has no variance; want at least 2", o.N0, experiment.Count(o.N0, "replication"))
	case o.MaxReps < o.N0:
		return usage.Errorf("--max-replications %d: fewer than the first batch (--first %d); want at least %d", o.MaxReps, o.N0, o.N0)
	}
	return nil
}

// KPIResult is one KPI of a checked candidate: its mean over the
// replications run, with a confidence interval within the KPI's range.
type KPIResult struct {
	KPI      string
	Estimate experiment.Estimate
	Decision Decision // for a target; Undecided for other KPIs
}

// Checked is a candidate the search simulated.
type Checked struct {
	Index    int // into the candidates
	Decision Decision
	Reps     int // replications run
	Used     int // replications the decision needed
	KPIs     []KPIResult
}

// Result is a finished search.
type Result struct {
	Targets    []Target
	KPIs       []string
	Candidates []Candidate
	Order      []int     // candidate indices by cost, cheapest first, within budget
	OverBudget []int     // candidates left out by the budget
	Checked    []Checked // in the order checked
	Plan       int       // index into Candidates, −1 if none is feasible
	RunnerUp   int       // the next feasible candidate by cost, −1 if none
	Beta       float64   // the error allowed each target check, or each pair of a selection
	Options    Options
	// Objective is set for a selection (Select): the best within the
	// budget, rather than the cheapest meeting targets. Delta is its
	// indifference zone as used, and Lead the plan's paired difference
	// from the runner-up, plan minus runner-up, on their common
	// replications.
	Objective *Objective
	Delta     float64
	Lead      *experiment.Estimate
	// AllSame is set for a selection of two or more candidates that all
	// gave the plan's value of the objective in every replication they
	// share: no number of replications can tell them apart.
	AllSame bool
	// Cheaper is, for a selection, the cheapest candidate costing less
	// than the plan (other than the runner-up) whose paired difference
	// from it lies within the tolerance or is not detectable, −1 if none;
	// CheaperLead is the plan minus it. The procedure promises only a
	// plan within δ of the best, so it may take the dearest of several
	// that do as well.
	Cheaper     int
	CheaperLead *experiment.Estimate
}

// orderByCost puts the candidates within the budget in Order, cheapest
// first (ties in their given order), and the rest in OverBudget.
func (r *Result) orderByCost() {
	for i, c := range r.Candidates {
		if r.Options.Budget > 0 && c.Cost > r.Options.Budget {
			r.OverBudget = append(r.OverBudget, i)
			continue
		}
		r.Order = append(r.Order, i)
	}
	sort.SliceStable(r.Order, func(a, b int) bool { return r.Candidates[r.Order[a]].Cost < r.Candidates[r.Order[b]].Cost })
}

// Spent is the replications run over all candidates checked.
func (r *Result) Spent() int {
	n := 0
	for _, c := range r.Checked {
		n += c.Reps
	}
	return n
}

// Search checks candidates in order of cost for the targets and returns
// the cheapest feasible one and the runner-up. kpis are the KPIs Evaluate
// returns: each target's KPI first, then any others to report. A
// candidate is feasible when every target's check says so; it is dropped
// as soon as one says infeasible.
//
// Each target check is allowed an error β = (1 − Confidence)/(k·s) for k
// candidates within budget and s targets (Bonferroni), so that with
// probability at least Confidence every decision made is right, for
// candidates outside the tolerance of their thresholds; then the plan is
// the cheapest feasible candidate.
func Search(ctx context.Context, cands []Candidate, targets []Target, kpis []string, eval Evaluate, opt Options) (*Result, error) {
	if err := opt.defaults(); err != nil {
		return nil, err
	}
	if len(targets) == 0 || len(kpis) < len(targets) {
		return nil, fmt.Errorf("optimise needs at least one --target")
	}
	r := &Result{Targets: targets, KPIs: kpis, Candidates: cands, Plan: -1, RunnerUp: -1, Cheaper: -1, Options: opt}
	r.orderByCost()
	if len(r.Order) == 0 {
		return r, nil
	}
	r.Beta = (1 - opt.Confidence) / float64(len(r.Order)*len(targets))
	for _, i := range r.Order {
		c, err := checkCandidate(ctx, i, targets, kpis, eval, opt, r.Beta)
		if err != nil {
			return nil, err
		}
		r.Checked = append(r.Checked, c)
		if c.Decision == Feasible {
			if r.Plan < 0 {
				r.Plan = i
			} else if r.RunnerUp < 0 {
				r.RunnerUp = i
			}
		}
		if r.RunnerUp >= 0 && !opt.Exhaustive {
			break
		}
	}
	return r, nil
}

// checkCandidate runs candidate i until every target is decided, one
// target is infeasible, or the cap.
func checkCandidate(ctx context.Context, i int, targets []Target, kpis []string, eval Evaluate, opt Options, beta float64) (Checked, error) {
	checks := make([]*check, len(targets))
	for t, tg := range targets {
		checks[t] = newCheck(tg, opt.N0, beta)
	}
	var rows [][]float64
	decision, used := Undecided, 0
	for decision == Undecided && len(rows) < opt.MaxReps {
		n := opt.N0
		if len(rows) > 0 {
			n = min(opt.Batch, opt.MaxReps-len(rows))
		}
		batch, err := eval(ctx, i, len(rows), n)
		if err != nil {
			return Checked{}, err
		}
		rows = append(rows, batch...)
		for _, row := range batch {
			if decision != Undecided {
				break
			}
			used++
			decision = decide(checks, row)
		}
	}
	c := Checked{Index: i, Decision: decision, Reps: len(rows), Used: used, KPIs: estimates(rows, kpis, opt.Confidence)}
	for t := range targets {
		c.KPIs[t].Decision = checks[t].result
	}
	return c, nil
}

// decide feeds one replication to every undecided check: infeasible as
// soon as one target is missed, feasible once every target is met.
func decide(checks []*check, row []float64) Decision {
	all := true
	for t, c := range checks {
		switch c.add(row[t]) {
		case Infeasible:
			return Infeasible
		case Undecided:
			all = false
		}
	}
	if all {
		return Feasible
	}
	return Undecided
}

// Best is the checked candidate closest to meeting every target: the one
// whose worst shortfall, in tolerances, is smallest. ok is false when
// nothing was checked.
func (r *Result) Best() (c Checked, ok bool) {
	best := math.Inf(1)
	for _, ch := range r.Checked {
		worst := math.Inf(-1)
		for t, tg := range r.Targets {
			short := (ch.KPIs[t].Estimate.Mean - tg.Value) / tg.Tolerance
			if !tg.AtMost {
				short = -short
			}
			if math.IsNaN(short) {
				short = math.Inf(1)
			}
			worst = math.Max(worst, short)
		}
		if worst < best || !ok {
			best, c, ok = worst, ch, true
		}
	}
	return c, ok
}

// NoPlan says in plain words why there is no plan, or "" when there is
// one: "no plan within these levers meets the target; the best reaches
// wait_first_contact_mean_weeks 0.215 [0.2, 0.23] (target <= 0.05), with
// link_workers=11".
func (r *Result) NoPlan(label func(int) string) string {
	if r.Plan >= 0 {
		return ""
	}
	if len(r.Order) == 0 {
		return fmt.Sprintf("no plan within the budget of %s a year: the cheapest of the %d combinations costs %s",
			budgetMoney(r.Options.Budget), len(r.Candidates), experiment.Money(r.cheapest()))
	}
	if o := r.Objective; o != nil {
		return fmt.Sprintf("no combination within these levers has a defined %s", kpiWords(o.KPI))
	}
	what := "the target"
	if len(r.Targets) > 1 {
		what = "every target"
	}
	b, _ := r.Best()
	var reach []string
	for t, tg := range r.Targets {
		e := b.KPIs[t].Estimate
		unit, gap := unitOf(tg.KPI)
		zone := ""
		if math.Abs(e.Mean-tg.Value) <= tg.Tolerance {
			// Inside the indifference zone the search may judge either way.
			zone = fmt.Sprintf(", within its tolerance of ±%s, where the search may judge either way: give a smaller one (%s±%s) to decide",
				experiment.Quantity(tg.Tolerance, unit, gap), tg, strconv.FormatFloat(tg.Tolerance/4, 'g', 2, 64))
		}
		reach = append(reach, fmt.Sprintf("%s %s (target %s%s)", kpiWords(tg.KPI),
			experiment.WithBounds(e.Mean, e.Low, e.High, unit, gap), tg.Bound(), zone))
	}
	if names := r.undecided(true); len(names) > 0 {
		// Not shown to miss, and on average meeting the targets: left
		// undecided at the cap, one may well meet them.
		if len(r.Targets) > 1 {
			what = "the targets"
		}
		return fmt.Sprintf("no plan was shown to meet %s within %d replications each: %s left uncertain at that limit (%s), %s meeting %s, and more replications would decide (--max-replications); the best reaches %s, with %s",
			what, r.Options.MaxReps, combinationsWere(len(names)), joinLabels(names, label), theirMeans(len(names)), what, strings.Join(reach, "; and "), label(b.Index))
	}
	msg := fmt.Sprintf("no plan within these levers meets %s; the best reaches %s, with %s", what, strings.Join(reach, "; and "), label(b.Index))
	if names := r.undecided(false); len(names) > 0 {
		msg += fmt.Sprintf(" (%s left uncertain at the limit of %d replications each, %s, %s missing %s)",
			combinationsWere(len(names)), r.Options.MaxReps, joinLabels(names, label), theirMeans(len(names)), what)
	}
	return msg
}

// undecided are the candidates left undecided at the replications' limit
// whose means meet every target (meeting), or miss one (!meeting).
func (r *Result) undecided(meeting bool) []int {
	var out []int
	for _, c := range r.Checked {
		if c.Decision != Undecided {
			continue
		}
		meets := true
		for t, tg := range r.Targets {
			m := c.KPIs[t].Estimate.Mean
			if tg.AtMost && !(m <= tg.Value) || !tg.AtMost && !(m >= tg.Value) {
				meets = false
			}
		}
		if meets == meeting {
			out = append(out, c.Index)
		}
	}
	return out
}

// combinationsWere is "1 combination was" or "3 combinations were".
func combinationsWere(n int) string {
	if n == 1 {
		return "1 combination was"
	}
	return fmt.Sprintf("%d combinations were", n)
}

// theirMeans is "its mean" or "their means".
func theirMeans(n int) string {
	if n == 1 {
		return "its mean"
	}
	return "their means"
}

func joinLabels(is []int, label func(int) string) string {
	var names []string
	for _, i := range is {
		names = append(names, label(i))
	}
	return strings.Join(names, "; ")
}

func (r *Result) cheapest() float64 {
	c := math.Inf(1)
	for _, x := range r.Candidates {
		c = math.Min(c, x.Cost)
	}
	return c
}

// budgetMoney writes a budget as given: in whole pounds, or with its pence
// when it has some, so that a budget of £259,735.50 is not written
// £259,736, the cost of a plan it leaves out.
func budgetMoney(b float64) string {
	cents := math.Round(b * 100)
	if b < 100 || math.Mod(cents, 100) == 0 {
		return experiment.Money(b)
	}
	return experiment.Money(math.Floor(cents/100)) + fmt.Sprintf(".%02d", int(math.Mod(cents, 100)))
}
