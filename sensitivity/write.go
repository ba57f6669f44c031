package sensitivity

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Row is one measure of one input's influence on one KPI, as in
// sensitivity.csv.
type Row struct {
	KPI     string  `json:"kpi"`
	Input   string  `json:"input"`
	Measure string  `json:"measure"` // mu_star, mu, sigma; first_order, total
	Value   float64 `json:"value"`
	Low     float64 `json:"ci_low"`
	High    float64 `json:"ci_high"`
}

// Rows lists every measure, KPI by KPI, inputs in the order given.
func (r *Result) Rows() []Row {
	var rows []Row
	nan := math.NaN()
	for k, kpi := range r.KPIs {
		for i, in := range r.Inputs {
			if r.Method == Morris {
				m := r.Morris[k][i]
				rows = append(rows, Row{kpi, in.Key, "mu_star", m.MuStar.Value, m.MuStar.Low, m.MuStar.High},
					Row{kpi, in.Key, "mu", m.Mu, nan, nan}, Row{kpi, in.Key, "sigma", m.Sigma, nan, nan})
				continue
			}
			s := r.Sobol[k][i]
			rows = append(rows, Row{kpi, in.Key, "first_order", s.First.Value, s.First.Low, s.First.High},
				Row{kpi, in.Key, "total", s.Total.Value, s.Total.Low, s.Total.High})
		}
	}
	return rows
}

// Ranked is the inputs by their influence on KPI k, largest first: μ* for
// Morris, the total index for Sobol.
func (r *Result) Ranked(k int) []int {
	idx := make([]int, len(r.Inputs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return r.influence(k, idx[a]) > r.influence(k, idx[b]) })
	return idx
}

// moves reports whether any input has an effect on KPI k.
func (r *Result) moves(k int) bool {
	for i := range r.Inputs {
		if r.influence(k, i) > 0 {
			return true
		}
	}
	return false
}

func (r *Result) influence(k, i int) float64 {
	if r.Method == Morris {
		return r.Morris[k][i].MuStar.Value
	}
	return r.Sobol[k][i].Total.Value
}

// Sentences say in plain words which inputs matter most for each KPI.
func (r *Result) Sentences() []string {
	var out []string
	for k, kpi := range r.KPIs {
		if r.undefined(k) {
			out = append(out, fmt.Sprintf("%s has no value at %s of the %s points (where nobody is seen, it is not defined), so what drives it cannot be measured over these ranges: narrow them.",
				output.KPILabel(kpi), experiment.Number(float64(r.Undefined[k])), experiment.Number(float64(r.Points))))
			continue
		}
		if !r.moves(k) {
			out = append(out, fmt.Sprintf("No input moves %s over these ranges: it is the same at every point, on common random numbers; check that the scenario uses them (a tiered share does nothing under short-term support).",
				output.Uncapitalise(output.KPILabel(kpi))))
			continue
		}
		rank := r.Ranked(k)
		var parts []string
		for _, i := range rank[:min(3, len(rank))] {
			if !(r.influence(k, i) > 0) && len(parts) > 0 {
				break // an input without effect is not a driver
			}
			if r.Method == Morris {
				m := r.Morris[k][i]
				parts = append(parts, fmt.Sprintf("%s (μ* %s, σ %s)", output.Uncapitalise(r.name(i)), r.MuStarWords(k, i), r.effect(k, m.Sigma)))
			} else {
				s := r.Sobol[k][i]
				parts = append(parts, fmt.Sprintf("%s (total %s [%s, %s], first order %s)", output.Uncapitalise(r.name(i)), fixed(s.Total.Value),
					fixed(s.Total.Low), fixed(s.Total.High), fixed(s.First.Value)))
			}
		}
		s := fmt.Sprintf("%s is driven most by %s; %s%s.", output.KPILabel(kpi), strings.Join(parts, ", then "), r.tiedWords(k, rank[:len(parts)]), noiseWords(r.Noise[k]))
		if r.Noise[k] > 0.3 {
			s += " That is large: add replications (spsim sensitivity --reps) before trusting the ranking."
		}
		out = append(out, s)
	}
	return out
}

// tiedWords says which neighbours in the ranking named on KPI k (rank,
// the inputs the sentence names in order) cannot be told apart, by the
// bootstrap interval of the difference of their μ*s (Morris) or total
// indices (Sobol) over the same trajectories or rows: "the first two
// cannot be told apart with these runs (…); ", "the second and third …",
// or "the order of the first three cannot be told apart …". A "then"
// between two such inputs is a ranking the runs do not settle.
func (r *Result) tiedWords(k int, rank []int) string {
	ordinal := []string{"first", "second", "third"}
	var tied []int    // j: rank[j] and rank[j+1] cannot be told apart
	var gaps []string // their differences in words
	for j := 0; j+1 < len(rank) && j+1 < len(ordinal); j++ {
		if !(r.influence(k, rank[j+1]) > 0) {
			break
		}
		g, ok := r.gap(k, j, rank)
		if !ok || g.Low > 0 {
			continue
		}
		tied = append(tied, j)
		if r.Method == Sobol {
			gaps = append(gaps, "total index "+fixed(g.Value)+" more ["+fixed(g.Low)+", "+fixed(g.High)+"]")
		} else {
			gaps = append(gaps, "μ* "+experiment.QuantityWithin(g.Value, g.Low, g.High, r.unit(k), true)+" more "+
				experiment.Bounds(g.Value, g.Low, g.High, r.unit(k), true))
		}
	}
	more := "more trajectories (spsim sensitivity --trajectories)"
	if r.Method == Sobol {
		more = "more samples (spsim sensitivity --samples)"
	}
	switch {
	case len(tied) == 0:
		return ""
	case len(tied) == 2:
		return "the order of the first three cannot be told apart with these runs (the first's " + gaps[0] + " than the second's, the second's " +
			gaps[1] + " than the third's; " + more + " may tell them apart); "
	case tied[0] == 0:
		return "the first two cannot be told apart with these runs (" + gaps[0] + "; " + more + " may tell them apart); "
	}
	return "the " + ordinal[tied[0]] + " and " + ordinal[tied[0]+1] + " cannot be told apart with these runs (" + gaps[0] + "; " + more + " may tell them apart); "
}

// gap is the difference between the inputs ranked j and j+1 on KPI k,
// the first's μ* (Morris) or total index (Sobol) minus the second's, with
// its bootstrap interval; ok is false where it is not known.
func (r *Result) gap(k, j int, rank []int) (g Interval, ok bool) {
	if r.Method == Sobol {
		if k >= len(r.SobolGaps) || j >= len(r.SobolGaps[k]) {
			if j == 0 && k < len(r.SobolGap) { // a result made without SobolGaps
				g = r.SobolGap[k]
				return g, !math.IsNaN(g.Low)
			}
			return g, false
		}
		g = r.SobolGaps[k][j]
		return g, !math.IsNaN(g.Low)
	}
	seed := r.Seed + uint64(k)
	if j > 0 {
		seed += uint64(j) << 32 // the first pair's draws as before; the others' their own
	}
	g = MuStarGap(r.Morris[k][rank[j]], r.Morris[k][rank[j+1]], r.Level, gapBoot, seed)
	return g, !math.IsNaN(g.Low)
}

// gapBoot is how many bootstrap samples judge whether the first two
// inputs are apart.
const gapBoot = 2000

// undefined reports whether KPI k had no value at some point.
func (r *Result) undefined(k int) bool { return k < len(r.Undefined) && r.Undefined[k] > 0 }

// effect is a change in KPI k, in its unit: 6.73 weeks, 125 a year, and a
// share's in percentage points.
func (r *Result) effect(k int, v float64) string { return experiment.Quantity(v, r.unit(k), true) }

// unit is KPI k's unit.
func (r *Result) unit(k int) string {
	m, _ := sim.LookupKPI(r.KPIs[k])
	return m.Unit
}

// MuStarWords is input i's μ* on KPI k with its interval, in the KPI's
// unit: "6.73 weeks [5.54, 8.06]", "5.2 percentage points [3.0, 6.0]".
func (r *Result) MuStarWords(k, i int) string {
	e := r.Morris[k][i].MuStar
	return experiment.WithBounds(e.Value, e.Low, e.High, r.unit(k), true)
}

// noiseWords says how much of the variance between points is replication
// noise. The share is capped at 1: beyond it the points differ no more
// than replications of one point would, and "100%" would understate it.
func noiseWords(share float64) string {
	switch {
	case math.IsNaN(share):
		return "replication noise cannot be measured with one replication a point"
	case share >= 1:
		return "replication noise is as large as the variance between points"
	}
	return "replication noise is " + experiment.Percent(share) + " of the variance between points"
}

// fixed writes an index to two decimals, with a typographic minus.
func fixed(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		if rest == "0.00" {
			return rest
		}
		return "−" + rest
	}
	return s
}

// Write writes sensitivity.csv, sensitivity.json, the charts (SVG, and
// PNG too if png) and report.html into dir.
func Write(dir string, r *Result, version string, png bool) error {
	if err := output.WriteFile(filepath.Join(dir, "sensitivity.csv"), func(w io.Writer) error { return r.writeCSV(w) }); err != nil {
		return err
	}
	if err := output.WriteFile(filepath.Join(dir, "sensitivity.json"), func(w io.Writer) error { return r.writeJSON(w, version) }); err != nil {
		return err
	}
	figs, err := r.Figures()
	if err != nil {
		return err
	}
	if err := output.WriteFigures(dir, figs, png); err != nil {
		return err
	}
	rep, err := r.report(figs, version, png)
	if err != nil {
		return err
	}
	return output.WriteFile(filepath.Join(dir, "report.html"), func(w io.Writer) error { return output.WriteReport(w, rep) })
}

func (r *Result) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"kpi", "input", "method", "measure", "value", "ci_low", "ci_high", "noise_share"})
	for _, row := range r.Rows() {
		k := indexOf(r.KPIs, row.KPI)
		cw.Write([]string{row.KPI, row.Input, string(r.Method), row.Measure, output.Num(row.Value), output.Num(row.Low), output.Num(row.High), output.Num(r.Noise[k])})
	}
	cw.Flush()
	return cw.Error()
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// jpoint is a point of the design in sensitivity.json: its inputs'
// values as set, and each KPI's mean over the point's replications.
type jpoint struct {
	Values []string   `json:"values"`
	Means  []*float64 `json:"means"`
}

// jsonDesign is every point of the design, as sensitivity.json writes it.
func (r *Result) jsonDesign() []jpoint {
	var out []jpoint
	for p, vals := range r.Design {
		jp := jpoint{Values: vals}
		for _, m := range r.Means[p] {
			jp.Means = append(jp.Means, output.JSONNum(m))
		}
		out = append(out, jp)
	}
	return out
}

func (r *Result) writeJSON(w io.Writer, version string) error {
	type jin struct {
		Key     string  `json:"key"`
		Lo      float64 `json:"lo"`
		Hi      float64 `json:"hi"`
		Integer bool    `json:"integer"`
	}
	type jrow struct {
		Input   string   `json:"input"`
		Measure string   `json:"measure"`
		Value   *float64 `json:"value"`
		Low     *float64 `json:"ci_low"`
		High    *float64 `json:"ci_high"`
	}
	type jkpi struct {
		KPI        string   `json:"kpi"`
		NoiseShare *float64 `json:"noise_share"`
		Measures   []jrow   `json:"measures"`
		Sentence   string   `json:"sentence"`
	}
	out := struct {
		Scenario     string   `json:"scenario"`
		Method       Method   `json:"method"`
		Inputs       []jin    `json:"inputs"`
		Points       int      `json:"points"`
		Replications int      `json:"replications_per_point"`
		Seed         uint64   `json:"seed"`
		Level        float64  `json:"confidence_level"`
		Version      string   `json:"spsim_version"`
		Sets         []string `json:"sets"`
		KPIs         []jkpi   `json:"kpis"`
		Design       []jpoint `json:"design"`
	}{Sets: append([]string{}, r.Sets...), Scenario: r.Base.Name, Method: r.Method, Points: r.Points, Replications: r.Reps, Seed: r.Seed, Level: r.Level, Version: version}
	for _, in := range r.Inputs {
		out.Inputs = append(out.Inputs, jin{in.Key, in.Lo, in.Hi, in.Integer})
	}
	sentences := r.Sentences()
	rows := r.Rows()
	for k, kpi := range r.KPIs {
		jk := jkpi{KPI: kpi, NoiseShare: output.JSONNum(r.Noise[k]), Sentence: sentences[k]}
		for _, row := range rows {
			if row.KPI == kpi {
				jk.Measures = append(jk.Measures, jrow{row.Input, row.Measure, output.JSONNum(row.Value), output.JSONNum(row.Low), output.JSONNum(row.High)})
			}
		}
		out.KPIs = append(out.KPIs, jk)
	}
	out.Design = r.jsonDesign()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func (r *Result) report(figs []output.Figure, version string, png bool) (output.Report, error) {
	head := []string{"KPI", "input", "key", "range"}
	if r.Method == Morris {
		head = append(head, "μ* [95% CI]", "μ", "σ")
	} else {
		head = append(head, "total [95% CI]", "first order [95% CI]")
	}
	var rows [][]string
	for k, kpi := range r.KPIs {
		for _, i := range r.Ranked(k) {
			in := r.Inputs[i]
			row := []string{output.KPILabel(kpi), r.name(i), in.Key, in.At(0) + " to " + in.At(1)}
			if r.Method == Morris {
				m := r.Morris[k][i]
				row = append(row, r.MuStarWords(k, i), r.effect(k, m.Mu), r.effect(k, m.Sigma))
			} else {
				s := r.Sobol[k][i]
				row = append(row, fixed(s.Total.Value)+" ["+fixed(s.Total.Low)+", "+fixed(s.Total.High)+"]",
					fixed(s.First.Value)+" ["+fixed(s.First.Low)+", "+fixed(s.First.High)+"]")
			}
			rows = append(rows, row)
		}
	}
	method := "Morris elementary effects (Morris 1991; μ* of Campolongo et al. 2007): " + strconv.Itoa(len(r.Inputs)+1) + " points on each of " +
		strconv.Itoa(r.Points/(len(r.Inputs)+1)) + " trajectories on a 4-level grid; intervals for μ* are percentile bootstraps over trajectories."
	if r.Method == Sobol {
		method = "Sobol indices by Saltelli's design (Saltelli et al. 2010) on a scrambled Halton sequence, with Jansen's estimators; " +
			strconv.Itoa(r.Points) + " points; intervals are percentile bootstraps over the base samples."
	}
	intervals := "Every interval on μ* is a " + experiment.LevelWords(r.Level) + " percentile bootstrap over the trajectories, the unit of independence here; μ and σ have none."
	if r.Method == Sobol {
		intervals = "Every interval on a Sobol index is a " + experiment.LevelWords(r.Level) + " percentile bootstrap over the base samples."
	}
	sources, resolved, err := output.ScenarioListings(r.Base, r.Files, "fully resolved (before the inputs' values are applied)")
	if err != nil {
		return output.Report{}, err
	}
	m := output.StudyMethod(r.Base, version, r.Elapsed, r.Jobs, true)
	m.Intervals, m.Level = intervals, r.Level
	m.Replications = fmt.Sprintf("%d per point, %s; replication i of every point shares its random numbers.", r.Reps, experiment.Count(r.Points, "point"))
	return output.Report{
		Title:    "spsim sensitivity: " + r.Base.Name,
		Question: "Which of these assumptions drive " + kpiList(r.KPIs) + "?",
		Answer:   r.Sentences(),
		Facts: []string{
			method,
			fmt.Sprintf("%s at every point on common random numbers (seed %d); the analysis uses each point's mean. The share of variance that is noise is the mean within-point variance over %d, against the variance between points.", experiment.Count(r.Reps, "replication"), r.Seed, r.Reps),
		},
		Warnings:  r.Warnings,
		Headline:  output.Table{Caption: "Inputs by influence, for each KPI", Head: head, Rows: rows, Code: "key"},
		Sources:   sources,
		Scenarios: resolved,
		Method:    m,
	}.WithFigures(figs, png), nil
}

// kpiList names KPIs in words for a sentence: "link workers leaving and
// needs met".
func kpiList(kpis []string) string {
	words := make([]string, len(kpis))
	for i, k := range kpis {
		words[i] = output.Uncapitalise(output.KPILabel(k)) // "VCSE occupancy" keeps its capitals
	}
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
