package optimise

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim/experiment"
)

// Write writes optimise.csv, optimise.json, the frontier charts (SVG,
// and PNG too if png) and report.html into dir.
func (p *Problem) Write(dir string, r *Result, version string, elapsed time.Duration, png bool) error {
	if err := output.WriteFile(filepath.Join(dir, "optimise.csv"), func(w io.Writer) error { return p.writeCSV(w, r) }); err != nil {
		return err
	}
	if err := output.WriteFile(filepath.Join(dir, "optimise.json"), func(w io.Writer) error { return p.writeJSON(w, r, version) }); err != nil {
		return err
	}
	figs, err := p.Figures(r)
	if err != nil {
		return err
	}
	if err := output.WriteFigures(dir, figs, png); err != nil {
		return err
	}
	rep, err := p.report(r, figs, version, elapsed, png)
	if err != nil {
		return err
	}
	return output.WriteFile(filepath.Join(dir, "report.html"), func(w io.Writer) error { return output.WriteReport(w, rep) })
}

// writeCSV writes one row per candidate checked, in the order checked.
func (p *Problem) writeCSV(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	head := []string{"order"}
	for _, l := range p.Levers {
		head = append(head, l.Key)
	}
	head = append(head, "planned_cost", "decision", "role", "replications", "replications_used")
	for _, k := range p.KPIs {
		head = append(head, k+"_mean", k+"_ci_low", k+"_ci_high")
	}
	cw.Write(head)
	for n, c := range r.Checked {
		rec := append([]string{strconv.Itoa(n + 1)}, r.Candidates[c.Index].Levers...)
		rec = append(rec, output.Num(r.Candidates[c.Index].Cost), decisionWord(c.Decision), r.role(c.Index), strconv.Itoa(c.Reps), strconv.Itoa(c.Used))
		for _, k := range c.KPIs {
			rec = append(rec, output.Num(k.Estimate.Mean), output.Num(k.Estimate.Low), output.Num(k.Estimate.High))
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

type jsonKPI struct {
	KPI      string   `json:"kpi"`
	Mean     *float64 `json:"mean"`
	Low      *float64 `json:"ci_low"`
	High     *float64 `json:"ci_high"`
	Decision string   `json:"decision,omitempty"`
}

type jsonCandidate struct {
	Levers       map[string]string `json:"levers"`
	PlannedCost  float64           `json:"planned_cost"`
	Decision     string            `json:"decision"`
	Role         string            `json:"role,omitempty"`
	Replications int               `json:"replications"`
	Used         int               `json:"replications_used"`
	KPIs         []jsonKPI         `json:"kpis"`
}

func (p *Problem) jcandidate(r *Result, c Checked) jsonCandidate {
	jc := jsonCandidate{Levers: map[string]string{}, PlannedCost: output.Round(r.Candidates[c.Index].Cost), Decision: decisionWord(c.Decision),
		Role: r.role(c.Index), Replications: c.Reps, Used: c.Used}
	for f, v := range r.Candidates[c.Index].Levers {
		jc.Levers[p.Levers[f].Key] = v
	}
	for t, k := range c.KPIs {
		jk := jsonKPI{KPI: k.KPI, Mean: output.JSONNum(k.Estimate.Mean), Low: output.JSONNum(k.Estimate.Low), High: output.JSONNum(k.Estimate.High)}
		if t < len(p.Targets) {
			jk.Decision = decisionWord(k.Decision)
		}
		jc.KPIs = append(jc.KPIs, jk)
	}
	return jc
}

func (p *Problem) writeJSON(w io.Writer, r *Result, version string) error {
	type jtarget struct {
		KPI       string  `json:"kpi"`
		Op        string  `json:"op"`
		Value     float64 `json:"value"`
		Tolerance float64 `json:"tolerance"`
	}
	type jlever struct {
		Key    string   `json:"key"`
		Values []string `json:"values"`
	}
	out := struct {
		Scenario   string          `json:"scenario"`
		Seed       uint64          `json:"seed"`
		Confidence float64         `json:"confidence"`
		Beta       float64         `json:"error_per_check"`
		Procedure  string          `json:"procedure"`
		Levers     []jlever        `json:"levers"`
		Targets    []jtarget       `json:"targets"`
		Objective  *jsonObjective  `json:"objective,omitempty"`
		Candidates int             `json:"candidates"`
		OverBudget int             `json:"over_budget"`
		Spent      int             `json:"replications_spent"`
		Sentences  []string        `json:"sentences"`
		Plan       *jsonCandidate  `json:"plan"`
		RunnerUp   *jsonCandidate  `json:"runner_up"`
		Checked    []jsonCandidate `json:"checked"`
		Version    string          `json:"spsim_version"`
	}{Scenario: p.Base.Name, Seed: p.Base.Run.Seed, Confidence: r.Options.Confidence, Beta: r.Beta,
		Procedure:  p.procedure(r),
		Candidates: len(r.Candidates), OverBudget: len(r.OverBudget), Spent: r.Spent(), Sentences: p.Sentences(r), Version: version}
	for _, l := range p.Levers {
		out.Levers = append(out.Levers, jlever{l.Key, l.Values})
	}
	for _, t := range p.Targets {
		op := ">="
		if t.AtMost {
			op = "<="
		}
		out.Targets = append(out.Targets, jtarget{t.KPI, op, t.Value, t.Tolerance})
	}
	out.Objective = newJSONObjective(r)
	for _, c := range r.Checked {
		jc := p.jcandidate(r, c)
		out.Checked = append(out.Checked, jc)
		switch c.Index {
		case r.Plan:
			out.Plan = &jc
		case r.RunnerUp:
			out.RunnerUp = &jc
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// jsonObjective is a selection's objective in optimise.json: the KPI, its
// sense, δ as used, and the plan's paired lead over the runner-up.
type jsonObjective struct {
	KPI       string   `json:"kpi"`
	Sense     string   `json:"sense"`
	Tolerance float64  `json:"tolerance"`
	LeadMean  *float64 `json:"plan_minus_runner_up_mean,omitempty"`
	LeadLow   *float64 `json:"plan_minus_runner_up_ci_low,omitempty"`
	LeadHigh  *float64 `json:"plan_minus_runner_up_ci_high,omitempty"`
}

// newJSONObjective is r's objective for optimise.json, or nil for a
// search of targets.
func newJSONObjective(r *Result) *jsonObjective {
	o := r.Objective
	if o == nil {
		return nil
	}
	jo := &jsonObjective{KPI: o.KPI, Sense: "minimise", Tolerance: r.Delta}
	if o.Maximise {
		jo.Sense = "maximise"
	}
	if l := r.Lead; l != nil {
		jo.LeadMean, jo.LeadLow, jo.LeadHigh = output.JSONNum(l.Mean), output.JSONNum(l.Low), output.JSONNum(l.High)
	}
	return jo
}

// procedure names the search's method, for optimise.json.
func (p *Problem) procedure(r *Result) string {
	if r.Objective != nil {
		return "fully sequential selection of the best (Kim & Nelson 2001) on common random numbers, among the candidates within the budget"
	}
	return "fully sequential feasibility check (Andradóttir & Kim 2010; Batur & Kim 2010), candidates in order of planned cost, Bonferroni over candidates and targets"
}

func (p *Problem) report(r *Result, figs []output.Figure, version string, elapsed time.Duration, png bool) (output.Report, error) {
	head := []string{"order"}
	for f := range p.Levers {
		head = append(head, p.LeverName(f))
	}
	head = append(head, "planned cost", "decision", "replications")
	for _, k := range p.KPIs {
		head = append(head, output.KPILabel(k))
	}
	var rows [][]string
	for n, c := range r.Checked {
		row := append([]string{strconv.Itoa(n + 1)}, r.Candidates[c.Index].Levers...)
		d := decisionWord(c.Decision)
		if role := r.role(c.Index); role != "" {
			d += " (" + strings.ReplaceAll(role, "_", "-") + ")"
		}
		row = append(row, experiment.Money(r.Candidates[c.Index].Cost), d, strconv.Itoa(c.Reps))
		for _, k := range c.KPIs {
			row = append(row, output.EstimateWords(k.KPI, k.Estimate))
		}
		rows = append(rows, row)
	}
	question, facts := p.questionAndFacts(r)
	sources, resolved, err := output.ScenarioListings(p.Base, p.Files, "fully resolved (before the levers' values are applied)")
	if err != nil {
		return output.Report{}, err
	}
	method := output.StudyMethod(p.Base, version, elapsed, p.Jobs, true)
	method.Level = r.Options.Confidence
	method.Replications = fmt.Sprintf("%d in all, added only while a decision was uncertain; replication i of every combination shares its random numbers.", r.Spent())
	return output.Report{
		Title:     "spsim optimise: " + p.Base.Name,
		Question:  question,
		Answer:    p.Sentences(r),
		Facts:     facts,
		Warnings:  p.Warnings,
		Headline:  output.Table{Caption: "Every combination checked, cheapest first, with means and 95% intervals", Head: head, Rows: rows},
		Sources:   sources,
		Scenarios: resolved,
		Method:    method,
	}.WithFigures(figs, png), nil
}

// questionAndFacts are the report's question and what it should know of
// the search.
func (p *Problem) questionAndFacts(r *Result) (string, []string) {
	names := make([]string, len(p.Levers))
	for f := range p.Levers {
		names[f] = output.Uncapitalise(p.LeverName(f)) // "FTE per post" keeps its capitals
	}
	levers := names[len(names)-1]
	if len(names) > 1 {
		levers = strings.Join(names[:len(names)-1], "; ") + " and " + levers
	}
	if o := r.Objective; o != nil {
		q := "Which combination of " + levers
		if r.Options.Budget > 0 {
			q += " costing at most " + budgetMoney(r.Options.Budget) + " a year"
		}
		unit, gap := unitOf(o.KPI)
		return q + " has the " + o.Sense() + " " + kpiWords(o.KPI) + "?", []string{
			fmt.Sprintf("%d combinations, %d within the budget; every one checked, %d replications in all (seed %d, common random numbers).",
				len(r.Candidates), len(r.Order), r.Spent(), p.Base.Run.Seed),
			fmt.Sprintf("The best is chosen by the fully sequential procedure of Kim & Nelson (2001): a first batch of %d replications of each combination fixes the variance of each pair's differences; then, replication by replication, a combination is dropped when its mean falls behind another's by more than a margin that narrows as replications are added. With the indifference zone δ = %s, each pair may err with probability %.2g (%s split over the others), so that if one combination is at least δ better than every other it is chosen with probability at least %s.",
				r.Options.N0, experiment.Quantity(r.Delta, unit, gap), r.Beta, experiment.LevelWords(1-r.Options.Confidence), experiment.LevelWords(r.Options.Confidence)),
		}
	}
	var targets []string
	for _, t := range p.Targets {
		unit, gap := unitOf(t.KPI)
		targets = append(targets, fmt.Sprintf("%s %s (tolerance ±%s)", kpiWords(t.KPI), t.Bound(), experiment.Quantity(t.Tolerance, unit, gap)))
	}
	return "What is the cheapest combination of " + levers + " that meets " + strings.Join(targets, " and ") + "?", []string{
		fmt.Sprintf("%d combinations; %d checked in order of planned cost (posts at salary and on-costs, plus services' funding), %d replications in all (seed %d, common random numbers).",
			len(r.Candidates), len(r.Checked), r.Spent(), p.Base.Run.Seed),
		fmt.Sprintf("Each target is checked by the fully sequential feasibility procedure of Andradóttir & Kim (2010) and Batur & Kim (2010): a first batch of %d replications fixes the variance, then replications are added one at a time until the running sum of (value − threshold) leaves a triangular region. Each check may err with probability %.2g (%s split over %s and %s, Bonferroni), so every decision is right together with probability at least %s for candidates further than the tolerance from a threshold.",
			r.Options.N0, r.Beta, experiment.Percent(1-r.Options.Confidence), experiment.Count(len(r.Order), "candidate"), experiment.Count(len(p.Targets), "target"), experiment.Percent(r.Options.Confidence)),
	}
}

// sameResults reports whether two checked candidates' every KPI has the
// same estimate to the last digit, over the same replications: on common
// random numbers, what sets them apart changes nothing measured.
func sameResults(a, b Checked) bool {
	if a.Reps != b.Reps || len(a.KPIs) != len(b.KPIs) {
		return false
	}
	for i := range a.KPIs {
		x, y := a.KPIs[i].Estimate, b.KPIs[i].Estimate
		if a.KPIs[i].KPI != b.KPIs[i].KPI || x.Mean != y.Mean || x.Low != y.Low || x.High != y.High || x.N != y.N {
			return false
		}
	}
	return true
}
