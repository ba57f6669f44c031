package workbench

import (
	"cmp"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/spsim/spsim/optimise"
	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// optimiseRequest asks for the cheapest combination of one or two levers'
// values that meets a target, as spsim optimise does; or, with Best, the
// combination within a budget with the best mean of a KPI, as spsim
// optimise --maximise or --minimise does.
type optimiseRequest struct {
	TOML   string         `json:"toml"`
	Levers []leverValues  `json:"levers"`
	Target optimiseTarget `json:"target"`
	Best   *optimiseBest  `json:"best,omitempty"`
}

// optimiseBest is a KPI to make best (higher or lower, as the KPI is
// better) and the budget a year.
type optimiseBest struct {
	KPI    string  `json:"kpi"`
	Budget float64 `json:"budget"`
}

type leverValues struct {
	Key    string    `json:"key"`
	Label  string    `json:"label"` // its name on the page
	Values []float64 `json:"values"`
}

type optimiseTarget struct {
	KPI   string  `json:"kpi"`
	Op    string  `json:"op"` // "<=" or ">="
	Value float64 `json:"value"`
}

// optimiseView is a search as the page shows it.
type optimiseView struct {
	// Notes are the warnings about the levers, as spsim optimise prints
	// them (a value the timeline sets again, areas keeping their own).
	Notes     []string   `json:"notes,omitempty"`
	Sentences []string   `json:"sentences"`
	Seconds   float64    `json:"seconds"`
	Spent     int        `json:"replications"`
	Head      []string   `json:"head"`
	Rows      [][]string `json:"rows"`
	Plan      int        `json:"plan"` // the plan's row, −1 if none
	Chart     chart      `json:"chart"`
	Command   string     `json:"command"` // the spsim command line that writes its files
}

// targetKPIs are the outcomes a plan can be asked to reach on the page.
var targetKPIs = []string{sim.KPIWaitP90, sim.KPIWaitMean, sim.KPIReneged, sim.KPINeedsMetShare,
	sim.KPINeedsMetPer1000Referrals, sim.KPIUtilisation, sim.KPILeavers}

// bestKPIs are the outcomes the page can ask a budget to make best.
var bestKPIs = []string{sim.KPINeedsMet, sim.KPINeedsMetPer1000Referrals, sim.KPIPeopleNeedsMet,
	sim.KPIWaitP90, sim.KPIWaitMean, sim.KPIReneged}

// handleOptimise finds the cheapest plan and streams its progress and
// answer.
func (s *Server) handleOptimise(w http.ResponseWriter, r *http.Request) {
	var req optimiseRequest
	if err := readJSON(r, &req); err != nil {
		fail(w, err)
		return
	}
	s.serveJob(w, r, func() (*job, error) { return s.optimiseJob(req) }, func(j *job, res any, seconds float64) (any, error) {
		v, err := newOptimiseView(j.optimise, res.(*optimise.Result), req.Levers)
		if err == nil {
			v.Seconds, v.Command = seconds, j.command
			for _, w := range j.optimise.Warnings {
				if strings.HasPrefix(w, "--lever ") {
					v.Notes = append(v.Notes, leverNote(w, req.Levers))
				}
			}
		}
		return v, err
	})
}

// leverNote is spsim optimise's note about a lever in the page's words,
// the lever by its name on the page: a warning ("--lever
// workforce.link_workers = 3: warning: the scenario's timeline sets it
// again ...") as the warnings above the results say theirs, "Warning: at
// link-worker posts 3: ..." (flagWarning), and any other note without the
// flag: "Caseload cap changes no planned cost, ...".
func leverNote(w string, levers []leverValues) string {
	label := func(key string) string {
		for _, l := range levers {
			if l.Key == key && l.Label != "" {
				return output.Uncapitalise(l.Label)
			}
		}
		return leverLabel(key)
	}
	if said, ok := flagWarning(w, "--lever", label); ok {
		return said
	}
	w = strings.TrimPrefix(w, "--lever ")
	for _, l := range levers {
		rest, ok := strings.CutPrefix(w, l.Key)
		if !ok || rest != "" && !strings.ContainsAny(rest[:1], " =:") {
			continue
		}
		name := l.Label
		if name == "" {
			name = cmp.Or(scenarios.KeyLabel(l.Key), l.Key)
		}
		if v, ok := strings.CutPrefix(rest, " = "); ok {
			rest = " at " + v
		} else if v, ok := strings.CutPrefix(rest, "="); ok {
			rest = " at " + v
		}
		w = name + rest
		break
	}
	return strings.Replace(w, ": warning: ", ": ", 1)
}

// optimiseJob plans a plan request: the page's live search and its
// downloads.
func (s *Server) optimiseJob(req optimiseRequest) (*job, error) {
	spec, err := s.optimiseSpec(req)
	if err != nil {
		return nil, err
	}
	cfg, _, err := s.prepare(scenarioRequest{TOML: req.TOML})
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(req.Levers))
	for i, l := range req.Levers {
		keys[i] = l.Key
	}
	if err := cliffFollows(cfg, keys...); err != nil {
		return nil, err
	}
	return s.planOptimise(cfg, spec)
}

// optimiseSpec checks a request and writes it as the command line's
// --lever and --target.
func (s *Server) optimiseSpec(req optimiseRequest) (optimise.Spec, error) {
	var spec optimise.Spec
	if len(req.Levers) < 1 || len(req.Levers) > 2 {
		return spec, fmt.Errorf("%w: a plan takes one or two levers, got %d", errBadRequest, len(req.Levers))
	}
	combinations := 1
	for i, l := range req.Levers {
		lever, err := s.leverSpec(l)
		if err != nil {
			return spec, err
		}
		if i == 1 && l.Key == req.Levers[0].Key { // a scenario key, checked
			return spec, fmt.Errorf("%w: the two levers are both %s: choose a different second lever, or none", errBadRequest, l.Key)
		}
		combinations *= len(l.Values)
		spec.Levers = append(spec.Levers, lever)
	}
	if combinations > s.lim.Candidates {
		return spec, &tooLarge{fmt.Sprintf("%d combinations of levers; the workbench searches at most %d (use spsim optimise for more)", combinations, s.lim.Candidates)}
	}
	if b := req.Best; b != nil {
		if req.Target != (optimiseTarget{}) {
			return spec, fmt.Errorf("%w: give a target or the best within a budget, not both", errBadRequest)
		}
		if !slices.Contains(bestKPIs, b.KPI) {
			words := make([]string, len(bestKPIs))
			for i, k := range bestKPIs {
				words[i] = strings.ToLower(output.KPILabel(k))
			}
			return spec, fmt.Errorf("%w: the best within a budget is judged on one of: %s", errBadRequest, strings.Join(words, "; "))
		}
		if !(b.Budget > 0) || math.IsInf(b.Budget, 0) {
			return spec, fmt.Errorf("%w: enter a budget above £0 a year", errBadRequest)
		}
		if m, _ := sim.LookupKPI(b.KPI); m.Direction == sim.HigherIsBetter {
			spec.Maximise = b.KPI
		} else {
			spec.Minimise = b.KPI
		}
		spec.Options.Budget = b.Budget
		return spec, nil
	}
	target, err := targetSpec(req.Target)
	spec.Targets = []string{target}
	return spec, err
}

// leverSpec checks one lever and writes it as KEY=V1,V2,...
func (s *Server) leverSpec(l leverValues) (string, error) {
	if !sweepKey.MatchString(l.Key) {
		return "", fmt.Errorf("%w: a lever is a scenario key such as workforce.link_workers, got %s", errBadRequest, short(l.Key))
	}
	if err := canVary(l.Key); err != nil {
		return "", err
	}
	if len(l.Values) < 1 || len(l.Values) > s.lim.SweepPoints {
		return "", fmt.Errorf("%w: a lever takes 1 to %d values, got %d", errBadRequest, s.lim.SweepPoints, len(l.Values))
	}
	vs := make([]string, len(l.Values))
	for i, v := range l.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "", fmt.Errorf("%w: %s: a value is not a number", errBadRequest, l.Key)
		}
		vs[i] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	if v, twice := experiment.Repeated(vs); twice {
		return "", fmt.Errorf("%w: %s: %s is among the values twice: give each value once", errBadRequest, l.Key, v)
	}
	return l.Key + "=" + strings.Join(vs, ","), nil
}

// targetSpec checks the target and writes it as KPI<=X or KPI>=X.
func targetSpec(t optimiseTarget) (string, error) {
	if !slices.Contains(targetKPIs, t.KPI) || (t.Op != "<=" && t.Op != ">=") || math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
		return "", fmt.Errorf("%w: a target is one of %s, <= or >=, and a number", errBadRequest, strings.Join(targetKPIs, ", "))
	}
	// Said as the page's target, not as the command line's --target.
	if msg := optimise.OutOfRange(t.KPI, t.Value); msg != "" {
		return "", fmt.Errorf("%w: Target: %s", errBadRequest, msg)
	}
	return t.KPI + t.Op + strconv.FormatFloat(t.Value, 'g', -1, 64), nil
}

// newOptimiseView lays out a finished search: the answer in words, then
// every combination checked, cheapest first, with its target outcome.
func newOptimiseView(p *optimise.Problem, r *optimise.Result, levers []leverValues) (*optimiseView, error) {
	// The levers are named in words, as the page names them.
	p.Labels = map[string]string{}
	for _, l := range levers {
		if l.Label != "" {
			p.Labels[l.Key] = l.Label
		}
	}
	// Rows is never null: with every combination over the budget there
	// are none to show, and the page maps over them.
	v := &optimiseView{Spent: r.Spent(), Plan: -1, Rows: [][]string{}}
	kpi, judged := "", ""
	if o := r.Objective; o != nil {
		kpi, judged = o.KPI, "The "+o.Sense()+" within "+experiment.Money(r.Options.Budget)+" a year"
	} else {
		kpi, judged = p.Targets[0].KPI, "Target: "+p.Targets[0].Bound()
	}
	unit := ""
	if m, ok := sim.LookupKPI(kpi); ok {
		unit = m.Unit
	}
	outcome := func(c optimise.Checked) string {
		value, between := kpiWords(kpi, unit, c.KPIs[0].Estimate)
		return value + " (" + between + ")"
	}
	for i := range p.Levers {
		v.Head = append(v.Head, p.LeverName(i))
	}
	v.Head = append(v.Head, "Planned cost", output.KPILabel(kpi), judged, "Replications")
	checked := slices.Clone(r.Checked)
	slices.SortStableFunc(checked, func(a, b optimise.Checked) int {
		return cmp.Compare(r.Candidates[a.Index].Cost, r.Candidates[b.Index].Cost)
	})
	for _, c := range checked {
		d := c.KPIs[0].Decision // the target's
		if r.Objective != nil {
			d = c.Decision // the selection's
		}
		row := append([]string(nil), r.Candidates[c.Index].Levers...)
		said := decisionWords[d]
		if d == optimise.Undecided && c.Reps >= r.Options.MaxReps {
			// Said in words: the cap, not the outcome, left it open.
			said = fmt.Sprintf("not decided in %d replications", c.Reps)
		}
		row = append(row, experiment.Money(r.Candidates[c.Index].Cost)+" a year", outcome(c), said, strconv.Itoa(c.Reps))
		if c.Index == r.Plan {
			v.Plan = len(v.Rows)
			v.Sentences = append(v.Sentences, planWords(p, r, outcome(c)))
		}
		v.Rows = append(v.Rows, row)
	}
	v.Sentences = append(v.Sentences, p.Sentences(r)...)
	figs, err := p.Figures(r)
	if err != nil {
		return nil, err
	}
	if len(figs) > 0 {
		f := figs[0]
		v.Chart = chart{Name: f.Name, Title: f.Title, Caption: f.Caption, SVG: string(f.SVG)}
	}
	return v, nil
}

// decisionWords say whether a combination meets the target, or is the
// best within the budget.
var decisionWords = map[optimise.Decision]string{
	optimise.Feasible:   "meets it",
	optimise.Infeasible: "misses it",
	optimise.Undecided:  "uncertain",
	optimise.Chosen:     "the best",
	optimise.Eliminated: "behind",
}

// planWords leads the answer in the page's words: the plan by the levers'
// names, its cost, and its outcome (in words) against the target.
func planWords(p *optimise.Problem, r *optimise.Result, outcome string) string {
	var set []string
	for i, val := range r.Candidates[r.Plan].Levers {
		set = append(set, p.LeverName(i)+" "+val)
	}
	if o := r.Objective; o != nil {
		return fmt.Sprintf("Best within %s a year: %s, costing %s a year as funded. %s: %s.", experiment.Money(r.Options.Budget),
			strings.Join(set, " and "), experiment.Money(r.Candidates[r.Plan].Cost), output.KPILabel(o.KPI), outcome)
	}
	tg := p.Targets[0]
	return fmt.Sprintf("Plan: %s, costing %s a year as funded. %s: %s, against a target of %s.",
		strings.Join(set, " and "), experiment.Money(r.Candidates[r.Plan].Cost), output.KPILabel(tg.KPI), outcome, tg.Bound())
}
