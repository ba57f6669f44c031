package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// WriteSweep writes a sweep's table, chart and report, those in outs.
func WriteSweep(dir string, r *study.SweepResult, outs study.Outputs) error {
	files := when(outs.Has(study.Summary), file{"sweep.csv", func(w io.Writer) error { return WriteSweepCSV(w, r.Sweep) }},
		file{"sweep.json", func(w io.Writer) error { return WriteSweepJSON(w, r) }})
	files = append(files, when(outs.Has(study.Scenario),
		file{"scenario.toml", func(w io.Writer) error { return scenarios.Encode(w, r.Base) }})...)
	files = append(files, when(outs.Has(study.XLSX), file{"results.xlsx", func(w io.Writer) error {
		return workbook.WriteSweep(w, workbook.Sweep{Title: "spsim sweep: " + r.Base.Name, Question: sweepQuestion(r.Base.Name, r.Sweep),
			Facts: append(warningFacts(r.LoadWarnings), SweepComparisons(r.Sweep, r.KPIs)), Answer: SweepAnswer(r.Sweep, r.KPIs, ""), S: r.Sweep, KPIs: r.KPIs})
	}})...)
	return writeAll(dir, files, func() ([]file, error) {
		if !outs.Figures() {
			return nil, nil
		}
		fig, err := SweepFigure(r.Sweep, r.KPIs)
		if err != nil {
			return nil, err
		}
		return figureFiles([]Figure{fig}, outs, func([]Figure) (Report, error) { return sweepReport(r, fig) }), nil
	})
}

// SweepMeta describes a sweep in sweep.json.
type SweepMeta struct {
	LoadWarnings []string `json:"load_warnings,omitempty"`
	Scenario     string   `json:"scenario"`
	Seed         uint64   `json:"seed"`
	Replications int      `json:"replications"`
	HorizonWeeks int      `json:"horizon_weeks"`
	WarmupWeeks  int      `json:"warmup_weeks"`
	Level        float64  `json:"confidence_level"`
	Version      string   `json:"spsim_version"`
	// CommonRandomNumbers: replication i of every point draws the same
	// random numbers, so values of one replication at two points pair.
	CommonRandomNumbers bool          `json:"common_random_numbers"`
	Sets                []string      `json:"sets"` // KEY=VALUE, for every point before the varied values
	Factors             []sweepFactor `json:"factors"`
}

type sweepFactor struct {
	Key    string   `json:"key"`
	Values []string `json:"values"`
}

type sweepPoint struct {
	Values []string  `json:"values"` // one per factor
	KPIs   []jsonKPI `json:"kpis"`
}

// WriteSweepJSON writes the sweep's description and, at every point, each
// KPI with its interval and its replications' values in order: the points
// share their random numbers, so a researcher can pair any two points
// replication by replication, as the answer pairs the ends.
func WriteSweepJSON(w io.Writer, r *study.SweepResult) error {
	sw := r.Sweep
	out := struct {
		SweepMeta
		Points []sweepPoint `json:"points"`
	}{SweepMeta: SweepMeta{LoadWarnings: r.LoadWarnings, Scenario: r.Base.Name, Seed: r.Base.Run.Seed,
		Replications: r.Base.Run.Replications, HorizonWeeks: r.Base.Run.HorizonWeeks, WarmupWeeks: r.Base.Run.WarmupWeeks,
		Level: sw.Level, Version: r.Version, CommonRandomNumbers: true, Sets: append([]string{}, r.Sets...)}}
	for _, f := range sw.Factors {
		out.Factors = append(out.Factors, sweepFactor{Key: f.Key, Values: f.Values})
	}
	for _, p := range sw.Points {
		out.Points = append(out.Points, sweepPoint{Values: p.Values, KPIs: jsonKPIs(p.Summaries)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func sweepReport(r *study.SweepResult, fig Figure) (Report, error) {
	base, sw := r.Base, r.Sweep
	resolved, err := encoded(base)
	if err != nil {
		return Report{}, err
	}
	var varied []string
	for _, f := range sw.Factors {
		varied = append(varied, f.Key+" = "+strings.Join(f.Values, ", "))
	}
	head, rows := SweepTable(sw, r.KPIs)
	reps := base.Run.Replications
	rep := Report{
		Title:    "spsim sweep: " + base.Name,
		Question: sweepQuestion(base.Name, sw),
		Facts: []string{
			"Varied: " + strings.Join(varied, "; ") + " (" + experiment.Count(len(sw.Points), "point") + ").",
			fmt.Sprintf("%s at each point, %d weeks (warm-up %d weeks), seed %d, on common random numbers.", experiment.Count(reps, "replication"), base.Run.HorizonWeeks, base.Run.WarmupWeeks, base.Run.Seed),
			"Scenario question: " + base.Question,
			"Set for every point: " + orNone(r.Sets) + ".",
			"Every KPI at every point is in sweep.csv, and every replication's value in sweep.json.",
			SweepComparisons(sw, r.KPIs),
		},
		Warnings:  r.LoadWarnings,
		Answer:    SweepAnswer(sw, r.KPIs, ""),
		Headline:  Table{Caption: "KPIs at each point: mean with 95% CI", Head: head, Rows: rows},
		Lead:      &fig, // the sweep's one chart leads, on the summary page
		Sources:   listings(r.Sources),
		Scenarios: []Listing{{Name: base.Name + ", fully resolved (before the swept values are applied)", Text: resolved}},
		Method:    method(base, r.Version, r.Elapsed, r.Workers, true),
	}
	if r.Shards > 0 {
		rep.Method.RunTime = mergedRunTime(r.Elapsed, r.Shards, "points")
	}
	rep.Method.Warmup = WarmupMethod(base.Run.WarmupWeeks, nil) + " Run a point with spsim run for its MSER-5 warm-up suggestion."
	rep.Method.Replications = experiment.Count(reps, "replication") + " per point; replication i of every point shares its random numbers."
	return rep, nil
}

// SweepComparisons says that a sweep reads many intervals at once, each
// at 95% on its own and not adjusted for their number, and how many: the
// table's, points × KPIs shown (the answer's paired changes are among the
// same KPIs). By chance alone about one in twenty misses, so a single
// surprising point is no finding until more replications or a comparison
// confirm it.
func SweepComparisons(sw *experiment.Sweep, kpis []string) string {
	shown := 0
	for _, k := range kpis {
		if len(sw.Points) > 0 {
			if _, ok := experiment.FindSummary(sw.Points[0].Summaries, k); ok {
				shown++
			}
		}
	}
	n := len(sw.Points) * shown
	return fmt.Sprintf("Every interval here, and every paired change the answer reads, is at %s%% on its own, not adjusted for their number: "+
		"of the %s in the table (%s × %s), about one in twenty may miss by chance alone, so confirm a single surprising point with more replications or with spsim compare.",
		strconv.FormatFloat(sw.Level*100, 'f', -1, 64), experiment.Count(n, "interval"), experiment.Count(len(sw.Points), "point"), experiment.Count(shown, "KPI"))
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "nothing beyond the scenario"
	}
	return strings.Join(xs, ", ")
}

// factorWords names the factors in words where the lever vocabulary has
// them ("link-worker posts"), else by key.
func factorWords(fs []experiment.Factor) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Key
		if l := scenarios.KeyLabel(f.Key); l != "" {
			out[i] = Uncapitalise(l)
		}
	}
	return out
}

// sweepQuestion is a sweep's question, for its report and workbook: the
// study's, not the base scenario's own.
func sweepQuestion(base string, sw *experiment.Sweep) string {
	return fmt.Sprintf("How do the KPIs of %s change with %s?", base, strings.Join(factorWords(sw.Factors), " and "))
}
