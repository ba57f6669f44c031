package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// WriteRun writes the outputs of a run: tables, charts and the report,
// those in outs.
func WriteRun(dir string, r *study.RunResult, outs study.Outputs) error {
	cfg := r.Config
	files := when(outs.Has(study.Weekly), file{"weekly.csv", func(w io.Writer) error { return WriteWeekly(w, r.Results) }})
	files = append(files, when(outs.Has(study.Summary),
		file{"summary.csv", func(w io.Writer) error { return WriteSummaryCSV(w, r.Summaries) }},
		file{"summary.json", func(w io.Writer) error { return WriteSummaryJSON(w, runMeta(r), r.Summaries) }})...)
	files = append(files, when(outs.Has(study.Scenario),
		file{"scenario.toml", func(w io.Writer) error { return scenarios.Encode(w, cfg) }})...)
	files = append(files, when(outs.Has(study.XLSX), file{"results.xlsx", func(w io.Writer) error { return workbook.WriteRun(w, runWorkbook(r)) }})...)
	files = append(files, when(outs.Has(study.Areas) && len(r.Results[0].Areas) > 0,
		file{"areas.csv", func(w io.Writer) error { return WriteAreas(w, r.Results, r.Level) }})...)
	// The tables and the charts are written side by side: weekly.csv is
	// the largest file and the charts the most drawing.
	return writeAll(dir, files, func() ([]file, error) { return runFigureFiles(r, outs) })
}

// runFigureFiles draws the run's charts: the files of them and the report.
func runFigureFiles(r *study.RunResult, outs study.Outputs) ([]file, error) {
	if !outs.Figures() {
		return nil, nil
	}
	// The areas' chart, the largest for England, is drawn alongside the
	// others rather than after them.
	var figs []Figure
	var area *Figure
	err := concurrently(2, func(i int) (err error) {
		if i == 0 {
			figs, err = RunFigures(r.Results, r.Summaries, r.Config, r.Level)
			return err
		}
		if len(r.Results) > 0 && len(r.Results[0].Areas) > 0 {
			af, err := AreaFigure(r.Results, r.Level)
			area = &af
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if area != nil {
		figs = append(figs, *area)
	}
	return figureFiles(figs, outs, func(figs []Figure) (Report, error) { return runReport(r, figs) }), nil
}

// RunFound is what a run found, in sentences, as its terminal output, report
// and workbook lead with: the run's answer, what changed at each timeline
// change, and, with several areas, where it is most strained.
//
// A timeline change inside the KPIs' weeks (a funding cliff) is what the
// run asks about, and the KPIs average its before and after: its reading
// then leads, and the answer over the whole window follows, said to be
// that.
func RunFound(r *study.RunResult) []string {
	answer, change := RunAnswer(r.Summaries), ChangeAnswer(r.Config, r.Results, r.Level)
	var out []string
	if len(change) > 0 && len(answer) > 0 && len(experiment.ChangeWindows(r.Config)) > 0 {
		changes := "the change"
		if len(experiment.ChangeWindows(r.Config)) > 1 {
			changes = "the changes"
		}
		whole := fmt.Sprintf(" over the whole window (weeks %d to %d, before and after %s together)", r.Config.Run.WarmupWeeks, r.Config.Run.HorizonWeeks-1, changes)
		if i := strings.Index(answer[0], ": "); i >= 0 {
			answer[0] = answer[0][:i] + whole + answer[0][i:]
		} else {
			answer[0] = strings.TrimSpace(whole) + ": " + Uncapitalise(answer[0])
		}
		out = append(change, answer...)
	} else {
		out = append(answer, change...)
	}
	return append(out, AreaAnswer(r.Results, r.Level)...)
}

// runWorkbook is what the run's workbook shows.
func runWorkbook(r *study.RunResult) workbook.Run {
	return workbook.Run{Title: "spsim run: " + r.Config.Name, Question: r.Config.Question, Facts: append(runFacts(r), warningFacts(r.LoadWarnings, r.Warnings)...),
		Verdict:  RunFound(r),
		Headline: Headline, Summaries: r.Summaries, Results: r.Results, Level: r.Level}
}

// runMeta is the run's description in summary.json.
func runMeta(r *study.RunResult) Meta {
	cfg := r.Config
	meta := Meta{Scenario: cfg.Name, Question: cfg.Question, Seed: cfg.Run.Seed,
		Replications: len(r.Results), HorizonWeeks: cfg.Run.HorizonWeeks, WarmupWeeks: cfg.Run.WarmupWeeks,
		Level: r.Level, Partial: r.Partial, Version: r.Version, Precision: precisionMeta(r), LoadWarnings: r.LoadWarnings}
	if r.Warmup != nil {
		meta.WarmupSuggestion = NewWarmupMeta(*r.Warmup, cfg.Run.WarmupWeeks)
	}
	meta.Changes = changeMetas(runReadings(cfg, r.Results, r.Level))
	return meta
}

func precisionMeta(r *study.RunResult) *PrecisionMeta {
	if r.Precision == nil {
		return nil
	}
	return NewPrecisionMeta(r.Precision.TargetPercent, r.Precision.MaxReplications, r.Precision.Outcome)
}

func runReport(r *study.RunResult, figs []Figure) (Report, error) {
	cfg := r.Config
	resolved, err := encoded(cfg)
	if err != nil {
		return Report{}, err
	}
	rep := Report{
		Title:      "spsim run: " + cfg.Name,
		Question:   cfg.Question,
		Answer:     RunFound(r),
		KeyNumbers: KeyNumbers(r.Summaries),
		Facts:      runFacts(r),
		Warnings:   append(append([]string(nil), r.LoadWarnings...), r.Warnings...),
		Headline:   HeadlineTable(r.Summaries, Headline, r.Level),
		Figures:    figs,
		Sources:    listings(r.Sources),
		Scenarios:  []Listing{{Name: cfg.Name + ", fully resolved", Text: resolved}},
		Method:     method(cfg, r.Version, r.Elapsed, r.Workers, false),
	}
	// The demand-against-supply chart leads, on the summary page.
	if len(figs) > 0 && figs[0].Name == "demand_supply" {
		rep.Lead, rep.Figures = &figs[0], figs[1:]
	}
	if r.Shards > 0 {
		rep.Method.RunTime = mergedRunTime(r.Elapsed, r.Shards, "replications")
	}
	rep.Method.Warmup = WarmupMethod(cfg.Run.WarmupWeeks, r.Warmup)
	rep.Method.RunLength = fmt.Sprintf("%d weeks per replication, of which %d are warm-up; KPIs cover the last %d weeks.",
		cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.HorizonWeeks-cfg.Run.WarmupWeeks)
	rep.Method.Replications = ReplicationsMethod(r)
	rep.Headline.Caption = "Headline KPIs after the warm-up"
	if t, ok := ServicesTable(r.Summaries, r.Level); ok {
		rep.Tables = append(rep.Tables, t)
	}
	if len(r.Results) > 0 && len(r.Results[0].Areas) > 0 {
		rep.Tables = append(rep.Tables, AreaTable(r.Results, r.Level))
	}
	if p := precisionMeta(r); p != nil {
		rep.Tables = append(rep.Tables, p.Table())
	}
	return rep, nil
}

func runFacts(r *study.RunResult) []string {
	cfg := r.Config
	f := []string{fmt.Sprintf("%s of %d weeks (warm-up %d weeks), seed %d.", experiment.Count(len(r.Results), "replication"), cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.Seed)}
	if len(r.Sets) > 0 {
		f = append(f, "Set on the command line (in scenario.toml): "+strings.Join(r.Sets, "; ")+".")
	}
	if r.Partial {
		f = append(f, "The run was interrupted: these results are partial.")
	}
	if r.Precision != nil {
		f = append(f, ReplicationsMethod(r))
	}
	return f // the report gives the warnings apart; the workbook adds them
}

// warningFacts are a study's warnings as a workbook's facts, as the
// report and the terminal give them: a workbook shared alone must not lose
// them.
func warningFacts(lists ...[]string) []string {
	var out []string
	for _, ws := range lists {
		for _, w := range ws {
			out = append(out, "Warning: "+w)
		}
	}
	return out
}

// ReplicationsMethod says how the number of replications was chosen.
func ReplicationsMethod(r *study.RunResult) string {
	p := r.Precision
	if p == nil {
		return fmt.Sprintf("%s (run.replications or --replications); intervals are across replications.", experiment.Count(len(r.Results), "replication"))
	}
	verb := "reached"
	if !p.Outcome.Reached {
		verb = "not reached"
	}
	return fmt.Sprintf("Replications were added in batches (totals %s) until the %.0f%% half-width of every figure the answer leads with (waits, people giving up, caseloads, needs met, cost) was within ±%g%% of its mean, or %d replications: the target was %s after %d replications.",
		JoinInts(p.Outcome.Batches), 100*r.Level, p.TargetPercent, p.MaxReplications, verb, len(r.Results))
}

// JoinInts lists whole numbers: "4, 9, 18".
func JoinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}
