package optimise

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Lever is a scenario key and the values the search may give it.
type Lever struct {
	Key    string
	Values []string
}

// ParseLever reads KEY=LO..HI[:STEP] (whole numbers or decimals, STEP 1 by
// default) or KEY=V1,V2,... (any values, such as support models).
func ParseLever(s string) (Lever, error) {
	key, spec, ok := strings.Cut(s, "=")
	key, spec = strings.TrimSpace(key), strings.TrimSpace(spec)
	if !ok || key == "" || spec == "" {
		return Lever{}, usage.Errorf("--lever %q: want KEY=LO..HI[:STEP] or KEY=V1,V2,..., such as workforce.link_workers=3..8", s)
	}
	if err := scenarios.CommonRunKey("--lever", key); err != nil {
		return Lever{}, err
	}
	// The whole list, before it is split at commas: a comment may hold one.
	if err := scenarios.NoComment("--lever", key, spec); err != nil {
		return Lever{}, err
	}
	values, isRange, err := experiment.Steps(spec)
	if err != nil {
		return Lever{}, fmt.Errorf("--lever %s: %w", key, err)
	}
	if isRange {
		return Lever{Key: key, Values: values}, nil
	}
	l := Lever{Key: key}
	for _, v := range strings.Split(spec, ",") {
		if v = strings.TrimSpace(v); v == "" {
			return Lever{}, usage.Errorf("--lever %s: an empty value in %q", key, spec)
		}
		l.Values = append(l.Values, v)
	}
	if v, twice := experiment.Repeated(l.Values); twice {
		return Lever{}, usage.Errorf("--lever %s: %s is given twice; give each value once", key, v)
	}
	return l, nil
}

// PlannedCost is what a scenario's levers cost to fund a year, known
// before any simulation: every funded link-worker post at its FTE, salary
// and on-costs (and supervision), and every community service's places at
// its grant per place. It leaves out what
// only the simulation knows (recruitment after leavers, vacant posts).
func PlannedCost(c *sim.Config) float64 {
	w := c.Workforce
	cost := float64(w.LinkWorkers) * w.FTE * (c.Costs.SalaryPerFTEYear*(1+c.Costs.OnCostShare) + w.Supervision.CostPerFTEYear)
	names := make([]string, 0, len(c.Services))
	for n := range c.Services {
		names = append(names, n)
	}
	sort.Strings(names) // a fixed order of summation
	for _, n := range names {
		cost += c.Services[n].CostPerYear() // places × grant per place
	}
	return cost
}

// Spec asks for the cheapest plan meeting the targets, or with Maximise or
// Minimise, the combination with the best mean of one KPI within the
// budget.
type Spec struct {
	Ref     string   // scenario
	Levers  []string // KEY=LO..HI[:STEP] or KEY=V1,V2,...
	Targets []string // KPI<=X or KPI>=X [±E]
	// Maximise or Minimise is a KPI, optionally KPI±E: choose the
	// combination with the highest or lowest mean instead of the cheapest
	// meeting targets.
	Maximise, Minimise string
	Sets               []string // KEY=VALUE, set before the levers
	// Report are further KPIs to report for each candidate checked.
	Report []string
	Seed   *uint64
	Jobs   int
	// AllowLarge lifts the limits on estimated events and memory
	// (experiment.CheckLimits); Limits are those limits, the command
	// line's when zero.
	AllowLarge bool
	Limits     experiment.Limits
	Options
}

// Problem is a search ready to run: the candidates' scenarios and costs.
type Problem struct {
	Ref  string
	Base *sim.Config
	// Files are the scenario's files as written, read when it was
	// planned: the report lists them, and a server's copy may be gone.
	Files   []scenarios.File
	Levers  []Lever
	Targets []Target
	// Objective, for a selection, replaces the targets.
	Objective *Objective
	KPIs      []string // the targets' KPIs (or the objective's), then cost_total and the reported ones
	Configs   []*sim.Config
	Cands     []Candidate
	Jobs      int
	Options   Options
	// Progress, if set, is told the replications run so far.
	Progress func(done int)
	// Warnings are about values the scenario, --set or a lever allows
	// but that are unlikely to be meant (on-costs of 28 for 0.28).
	Warnings []string
	// Labels name levers in words by key, such as "Link-worker posts" for
	// workforce.link_workers, in the sentences and charts: Plan takes them
	// from scenarios.KeyLabel. A lever without one is named by its key.
	Labels map[string]string
}

// maxCombinations is the most combinations of levers a search takes:
// each is a scenario built before anything runs.
const maxCombinations = 2000

// Plan builds every candidate's scenario and cost; nothing runs.
func Plan(spec Spec) (*Problem, error) {
	if b := spec.Options.Budget; b < 0 || math.IsNaN(b) || math.IsInf(b, 0) {
		return nil, usage.Errorf("--budget %v: a sum in £ a year, above 0 (or 0 for no limit)", b)
	}
	p := &Problem{Ref: spec.Ref, Jobs: spec.Jobs, Options: spec.Options}
	var err error
	p.Files = scenarios.Files(spec.Ref)
	if p.Base, p.Warnings, err = scenarios.LoadWithSets(spec.Ref, spec.Seed, spec.Sets); err != nil {
		return nil, err
	}
	if err := p.parse(spec); err != nil {
		return nil, err
	}
	var factors []experiment.Factor
	p.Labels = map[string]string{}
	for _, l := range p.Levers {
		factors = append(factors, experiment.Factor{Key: l.Key, Values: l.Values})
		if w := scenarios.KeyLabel(l.Key); w != "" {
			p.Labels[l.Key] = w
		}
	}
	grid := experiment.Grid(factors)
	if len(grid) > maxCombinations {
		return nil, usage.Errorf("%s of levers: narrow the ranges or take larger steps (at most %s)",
			experiment.Count(len(grid), "combination"), experiment.Number(maxCombinations))
	}
	for _, pt := range grid {
		c, err := p.candidate(spec, pt)
		if err != nil {
			return nil, err
		}
		p.Configs = append(p.Configs, c)
		p.Cands = append(p.Cands, Candidate{Levers: pt, Cost: PlannedCost(c)})
	}
	for _, f := range p.freeLevers() {
		p.Warnings = append(p.Warnings, fmt.Sprintf("--lever %s changes no planned cost, so the search weighs it by its outcomes alone: check what the plan's value does to link workers (pressure, leavers), not only the targets", p.Levers[f].Key))
	}
	if !spec.AllowLarge {
		if err := p.checkLimits(spec.Limits); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// freeLevers are the levers of two or more values that change no
// candidate's planned cost, the others held: a caseload cap, say, which a
// cheapest plan would raise as far as the targets allow at no cost.
func (p *Problem) freeLevers() []int {
	var out []int
	for f, l := range p.Levers {
		if len(l.Values) < 2 {
			continue
		}
		cost := map[string]float64{} // by the other levers' values
		free := true
		for _, c := range p.Cands {
			rest := strings.Join(slices.Delete(slices.Clone(c.Levers), f, f+1), "\x00")
			if x, ok := cost[rest]; ok && x != c.Cost {
				free = false
				break
			}
			cost[rest] = c.Cost
		}
		if free {
			out = append(out, f)
		}
	}
	return out
}

// checkLimits refuses a search too large to run, before any replication:
// every candidate's first batch together, or any one candidate's most
// replications (a mistaken million referrals a week would otherwise run
// for hours).
func (p *Problem) checkLimits(lim experiment.Limits) error {
	o := p.Options
	o.fill()
	what := "optimise " + p.Base.Name
	if err := experiment.CheckLimits(what, p.Configs, o.N0, p.Jobs, lim); err != nil {
		return remedy(err, fmt.Sprintf("use fewer lever values, a smaller --first (each candidate's first batch, %d) or a shorter horizon", o.N0))
	}
	for _, c := range p.Configs {
		if err := experiment.CheckLimits(what, []*sim.Config{c}, o.MaxReps, p.Jobs, lim); err != nil {
			return remedy(err, fmt.Sprintf("use a lower --max-replications (most replications of one candidate, %d) or a shorter horizon", o.MaxReps))
		}
	}
	return nil
}

// remedy gives a limit error the remedies optimise has: the general one
// names --replications, which optimise does not take.
func remedy(err error, what string) error {
	var big *experiment.LimitError
	if errors.As(err, &big) {
		big.Remedy = what
	}
	return err
}

// parse reads the spec's levers, targets and reported KPIs into p.
func (p *Problem) parse(spec Spec) error {
	if len(spec.Levers) == 0 {
		return usage.Errorf("optimise needs at least one --lever KEY=LO..HI, such as workforce.link_workers=3..8")
	}
	if err := p.parseGoal(spec); err != nil {
		return err
	}
	for _, s := range spec.Levers {
		l, err := ParseLever(s)
		if err != nil {
			return err
		}
		for _, prev := range p.Levers {
			if prev.Key == l.Key {
				return usage.Errorf("--lever %s given twice: give all its values at once", l.Key)
			}
		}
		if err := scenarios.Unreached(p.Base, "--lever", l.Key); err != nil {
			return err
		}
		if err := scenarios.SetAndVaried(spec.Sets, "--lever", []string{l.Key}); err != nil {
			return err
		}
		if scenarios.EveryAreaSets(p.Base, l.Key) {
			// No lever reaches one area's value, so say what to do, as
			// a sweep does.
			return fmt.Errorf("--lever %s: every area of %s sets %s itself, so the lever would change nothing: a lever sets a key in every area at once. To search it in every area, remove it from the areas (a column of the areas file, or each area's set); to try other values in some areas, write a scenario for each (its areas file changed) and run spsim compare on them",
				l.Key, p.Base.Name, l.Key)
		}
		if w := scenarios.AreasWarning(p.Base, "--lever", l.Key); w != "" {
			p.Warnings = append(p.Warnings, w)
		}
		p.Levers = append(p.Levers, l)
	}
	for _, k := range append([]string{sim.KPICostTotal}, spec.Report...) {
		if err := sim.CheckKPI(p.Base, k); err != nil {
			return fmt.Errorf("--kpi %w", err)
		}
		if !slices.Contains(p.KPIs, k) { // a KPI targeted and reported is one column
			p.KPIs = append(p.KPIs, k)
		}
	}
	return nil
}

// parseGoal reads the targets, or the objective, into p: one or the
// other.
func (p *Problem) parseGoal(spec Spec) error {
	switch {
	case spec.Maximise != "" && spec.Minimise != "":
		return usage.Errorf("--maximise and --minimise together: choose one KPI to make best")
	case (spec.Maximise != "" || spec.Minimise != "") && len(spec.Targets) > 0:
		return usage.Errorf("--target with --maximise or --minimise: ask for the cheapest plan meeting targets, or the best within a --budget, not both")
	case spec.Maximise != "" || spec.Minimise != "":
		o, err := ParseObjective(spec.Maximise+spec.Minimise, spec.Maximise != "")
		if err != nil {
			return err
		}
		if err := sim.CheckKPI(p.Base, o.KPI); err != nil {
			flag := "--minimise"
			if o.Maximise {
				flag = "--maximise"
			}
			return fmt.Errorf("%s %w", flag, err)
		}
		m, _ := sim.LookupKPI(o.KPI)
		// Making a KPI worse is never the question: it is a slip.
		if o.Maximise && m.Direction == sim.LowerIsBetter {
			return usage.Errorf("--maximise %s: lower is better for %s; use --minimise", o.KPI, output.Uncapitalise(output.KPILabel(o.KPI)))
		}
		if !o.Maximise && m.Direction == sim.HigherIsBetter {
			return usage.Errorf("--minimise %s: higher is better for %s; use --maximise", o.KPI, output.Uncapitalise(output.KPILabel(o.KPI)))
		}
		what := fmt.Sprintf("--%s %s±%g", map[bool]string{true: "maximise", false: "minimise"}[o.Maximise], o.KPI, o.Tolerance)
		if err := shareTolerance(o.KPI, o.Tolerance, what, o.KPI); err != nil {
			return err
		}
		p.Objective = &o
		p.KPIs = append(p.KPIs, o.KPI)
		return nil
	case len(spec.Targets) == 0:
		return usage.Errorf("optimise needs at least one --target KPI<=X, such as 'wait_first_contact_p90_weeks<=4', or a KPI to make best within a --budget, such as --maximise needs_met")
	}
	given := map[string]string{} // a target's words as given, by KPI and side
	for _, s := range spec.Targets {
		t, err := ParseTarget(s)
		if err != nil {
			return err
		}
		if err := sim.CheckKPI(p.Base, t.KPI); err != nil {
			return fmt.Errorf("--target %s: %w", s, err)
		}
		if msg := OutOfRange(t.KPI, t.Value); msg != "" {
			return usage.Errorf("--target %s: %s", s, msg)
		}
		bound := fmt.Sprintf("%s%s%g", t.KPI, map[bool]string{true: "<=", false: ">="}[t.AtMost], t.Value)
		if err := shareTolerance(t.KPI, t.Tolerance, "--target "+s, bound); err != nil {
			return err
		}
		for _, prev := range p.Targets {
			if prev.KPI == t.KPI && prev.AtMost == t.AtMost {
				return usage.Errorf("--target %s: %s already has a bound on that side (%s); give the one you mean", s, t.KPI, prev)
			}
		}
		given[t.String()] = s
		p.Targets = append(p.Targets, t)
		p.KPIs = append(p.KPIs, t.KPI)
	}
	return p.contradiction(given)
}

// contradiction refuses an upper bound below a lower bound on the same
// KPI, given being each target's words as given: no plan can meet both,
// so the search would run every candidate to answer "no plan meets every
// target" to a slip.
func (p *Problem) contradiction(given map[string]string) error {
	for _, hi := range p.Targets {
		for _, lo := range p.Targets {
			if hi.KPI != lo.KPI || !hi.AtMost || lo.AtMost || hi.Value >= lo.Value {
				continue
			}
			return usage.Errorf("--target %s and --target %s: no value of %s is %s and %s; give the lower bound below the upper",
				given[hi.String()], given[lo.String()], output.Uncapitalise(output.KPILabel(hi.KPI)), hi.Bound(), lo.Bound())
		}
	}
	return nil
}

// shareTolerance refuses a share's tolerance of 1 or more (5 for 0.05),
// what naming the flag and its value, and suggests the fraction after
// stem ("needs_met_share" or "needs_met_share>=0.5") when it is under 1.
func shareTolerance(kpi string, tol float64, what, stem string) error {
	if m, ok := sim.LookupKPI(kpi); !ok || m.Unit != sim.UnitShare || tol < 1 {
		return nil
	}
	msg := what + ": a share's tolerance is a fraction, as its values are (0.05 is 5 percentage points), and under 1"
	if tol/100 < 1 {
		msg += fmt.Sprintf("; did you mean %s±%g?", stem, tol/100)
	}
	return usage.Errorf("%s", msg)
}

// OutOfRange says why a target's value is outside what the KPI can be
// (a share of 85 where 0.85 was meant, a wait below 0), or "": such a
// bound is always met or never, and the search would answer a question
// nobody asked.
func OutOfRange(kpi string, v float64) string {
	m, ok := sim.LookupKPI(kpi)
	if !ok {
		return ""
	}
	// A share past 1 is possible only as a ratio that may exceed it (a
	// caseload over its places), and then not twice over: 2 to 100 are
	// percentages.
	if m.Unit == sim.UnitShare && math.Abs(v) >= 2 && math.Abs(v) <= 100 {
		return fmt.Sprintf("a share is written as a fraction (0.85 for 85%%); did you mean %g?", v/100)
	}
	if v >= m.Min && v <= m.Max {
		return ""
	}
	if math.IsInf(m.Max, 1) {
		return fmt.Sprintf("%s is never below %g", output.Uncapitalise(output.KPILabel(kpi)), m.Min)
	}
	return fmt.Sprintf("%s is between %g and %g", output.Uncapitalise(output.KPILabel(kpi)), m.Min, m.Max)
}

// candidate is the scenario with the levers set to the grid point pt; the
// warnings of setting them join p's, once each.
func (p *Problem) candidate(spec Spec, pt []string) (*sim.Config, error) {
	c, _, err := scenarios.LoadWithSets(spec.Ref, spec.Seed, spec.Sets)
	if err != nil {
		return nil, err
	}
	for f, v := range pt {
		ws, err := scenarios.SetWarn(c, p.Levers[f].Key, v)
		if err != nil {
			return nil, fmt.Errorf("--lever %s=%s: %w", p.Levers[f].Key, v, err)
		}
		for _, w := range ws {
			if s := w.After("--lever", p.Levers[f].Key, v); !slices.Contains(p.Warnings, s) {
				p.Warnings = append(p.Warnings, s)
			}
		}
	}
	return c, nil
}

// Solve runs the search on the problem's scenarios.
func (p *Problem) Solve(ctx context.Context) (*Result, error) {
	spent := 0
	eval := func(ctx context.Context, i, first, n int) ([][]float64, error) {
		rs, err := experiment.Replicate(ctx, p.Configs[i], experiment.Options{Replications: n, First: first, Jobs: p.Jobs})
		if err != nil {
			return nil, err
		}
		if spent += n; p.Progress != nil {
			p.Progress(spent)
		}
		rows := make([][]float64, len(rs))
		for j, r := range rs {
			rows[j] = make([]float64, len(p.KPIs))
			for k, name := range p.KPIs {
				rows[j][k], _ = r.KPI(name)
			}
		}
		return rows, nil
	}
	if p.Objective != nil {
		return Select(ctx, p.Cands, *p.Objective, p.KPIs, eval, p.Options)
	}
	return Search(ctx, p.Cands, p.Targets, p.KPIs, eval, p.Options)
}

// LeverName is lever f in words (Labels), or by its key.
func (p *Problem) LeverName(f int) string {
	if l := p.Labels[p.Levers[f].Key]; l != "" {
		return l
	}
	return p.Levers[f].Key
}

// Label names candidate i by its lever values: "link_workers=5, places=60",
// or with Labels "link-worker posts 5, wellbeing groups: places 60".
func (p *Problem) Label(i int) string {
	var parts []string
	for f, v := range p.Cands[i].Levers {
		parts = append(parts, p.leverValue(f, v))
	}
	return strings.Join(parts, ", ")
}

// leverValue names lever f at value v: "link-worker posts 4", or
// "places=40" for a key without words.
func (p *Problem) leverValue(f int, v string) string {
	key := p.Levers[f].Key
	if l := p.Labels[key]; l != "" {
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			v = strings.ReplaceAll(v, "_", "-") // a choice in words: short-term, not short_term
		}
		return output.Uncapitalise(l) + " " + v
	}
	if j := strings.LastIndex(key, "."); j >= 0 && !strings.HasPrefix(key, "services.") {
		key = key[j+1:]
	}
	return key + "=" + v
}
