package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// defaultMaxReplications caps a --precision run.
const defaultMaxReplications = 200

func cmdRun(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ef := addExpFlags(fs)
	precision := fs.Float64("precision", 0, "add replications until every headline KPI's 95% half-width is within this percentage of its mean")
	maxReps := fs.Int("max-replications", defaultMaxReplications, "with --precision, stop after this many replications")
	shardSpec := fs.String("shard", "", "run only part `i/n` of the replications (1/n to n/n), to combine later with spsim merge")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	ref := "baseline"
	switch len(pos) {
	case 0:
	case 1:
		ref = pos[0]
	default:
		return fmt.Errorf("run takes at most one scenario, got %d", len(pos))
	}
	cfg, err := scenarios.Load(ref)
	if err != nil {
		return err
	}
	if err := ef.apply(cfg); err != nil {
		return err
	}
	sequential := ef.isSet("precision")
	if sequential {
		if !(*precision > 0 && *precision < 100) {
			return fmt.Errorf("--precision is a percentage of the mean between 0 and 100, got %g", *precision)
		}
		if *maxReps < 2 || *maxReps > 10000 {
			return fmt.Errorf("--max-replications must be between 2 and 10000, got %d", *maxReps)
		}
		if cfg.Run.Replications > *maxReps {
			return fmt.Errorf("%d replications in the first batch exceed --max-replications %d", cfg.Run.Replications, *maxReps)
		}
	} else if ef.isSet("max-replications") {
		return fmt.Errorf("--max-replications applies only with --precision")
	}
	var sh *shard
	if ef.isSet("shard") {
		if sequential {
			return fmt.Errorf("--shard and --precision do not mix: a shard cannot know when the whole run is precise enough")
		}
		if sh, err = parseShard(*shardSpec, cfg.Run.Replications); err != nil {
			return err
		}
	}
	reps := cfg.Run.Replications
	if sequential {
		reps = *maxReps
	}
	if err := checkLimits(cfg, reps, ef.workers(), *ef.allowLarge); err != nil {
		return err
	}
	dir := *ef.dir
	if dir == "" {
		dir = defaultDir(cfg.Name)
	}
	if err := output.PrepareDir(dir, *ef.force); err != nil {
		return err
	}

	ctx, stop := interruptible()
	defer stop()
	start := time.Now()
	var (
		results []*sim.Result
		prec    *output.PrecisionMeta
		runErr  error
	)
	if sequential {
		bar := newProgress(stderr, *ef.quiet, cfg.Name, *maxReps)
		if bar != nil {
			bar.noLimit = true
		}
		var out *experiment.PrecisionOutcome
		out, runErr = experiment.Sequential(ctx, cfg, experiment.PrecisionOptions{
			Target: *precision / 100, KPIs: output.Headline, Level: level,
			Initial: max(cfg.Run.Replications, 2), Max: *maxReps, Jobs: *ef.jobs, Progress: bar.callback(),
		})
		bar.finish()
		if out != nil {
			results = out.Results
			prec = output.NewPrecisionMeta(*precision, *maxReps, out)
		}
	} else {
		opt := experiment.Options{Replications: cfg.Run.Replications, Jobs: *ef.jobs}
		if sh != nil {
			opt.First, opt.Replications = sh.First, sh.Count
		}
		bar := newProgress(stderr, *ef.quiet, cfg.Name, opt.Replications)
		opt.Progress = bar.callback()
		results, runErr = experiment.Replicate(ctx, cfg, opt)
		bar.finish()
	}
	partial := runErr != nil && errors.Is(runErr, context.Canceled)
	if runErr != nil && !partial {
		return runErr
	}
	if len(results) == 0 {
		return &exitError{exitInterrupted, errors.New("interrupted before any replication finished; nothing written")}
	}
	if sh != nil {
		if partial {
			return &exitError{exitInterrupted, fmt.Errorf("interrupted: a shard is all or nothing, nothing written to %s", dir)}
		}
		if err := sh.write(dir, ref, cfg, results); err != nil {
			return err
		}
		if !*ef.quiet {
			fmt.Fprintf(stdout, "%s: shard %d/%d, replications %d-%d, written to %s; combine the shards with spsim merge\n",
				cfg.Name, sh.Index, sh.Of, sh.First, sh.First+sh.Count-1, dir)
		}
		return nil
	}
	return finishRun(runOutputs{dir: dir, ref: ref, cfg: cfg, results: results, partial: partial, precision: prec}, start, ef, stdout, stderr)
}

// finishRun summarises results and writes and prints a run's outputs; run
// and merge share it, so a merged run's files are the single run's.
func finishRun(r runOutputs, start time.Time, ef *expFlags, stdout, stderr io.Writer) error {
	results, partial, dir := r.results, r.partial, r.dir
	r.sums = experiment.Summarise(results, level)
	if sug, err := experiment.SuggestWarmup(results); err == nil {
		r.warmup = &sug
	} else {
		r.warnings = append(r.warnings, "no warm-up suggestion: "+err.Error())
	}
	r.warnings = append(r.warnings, r.warmupWarning()...)
	r.warnings = append(r.warnings, r.precisionWarnings()...)
	if err := r.write(start, ef.workers()); err != nil {
		return err
	}
	if !*ef.quiet {
		for _, w := range r.warnings {
			fmt.Fprintln(stderr, "warning:", w)
		}
		r.print(stdout, start)
	}
	if partial {
		return &exitError{exitInterrupted, fmt.Errorf("interrupted: kept %d replications in %s, marked partial", len(results), dir)}
	}
	return nil
}

// callback is the progress callback for experiment options, nil without a bar.
func (p *progress) callback() func(int) {
	if p == nil {
		return nil
	}
	return p.update
}

// runOutputs is a finished run and what it writes.
type runOutputs struct {
	dir, ref  string
	cfg       *sim.Config
	results   []*sim.Result
	sums      []experiment.Summary
	partial   bool
	precision *output.PrecisionMeta
	warmup    *experiment.WarmupSuggestion
	warnings  []string
}

func (r *runOutputs) warmupWarning() []string {
	if r.warmup == nil || r.warmup.Weeks <= r.cfg.Run.WarmupWeeks {
		return nil
	}
	var parts []string
	for _, s := range r.warmup.PerSeries {
		parts = append(parts, fmt.Sprintf("%s %d", s.Column, s.Weeks))
	}
	return []string{fmt.Sprintf("MSER-5 suggests a warm-up of %d weeks (%s), longer than the scenario's run.warmup_weeks = %d; KPIs may carry some of the initial state",
		r.warmup.Weeks, strings.Join(parts, ", "), r.cfg.Run.WarmupWeeks)}
}

func (r *runOutputs) precisionWarnings() []string {
	if r.precision == nil {
		return nil
	}
	var ws []string
	for _, s := range r.precision.Skipped {
		ws = append(ws, fmt.Sprintf("precision: %s skipped, %s", s.KPI, s.Reason))
	}
	if !r.precision.Reached {
		var short []string
		for _, k := range r.precision.KPIs {
			if !k.Met {
				short = append(short, k.KPI)
			}
		}
		ws = append(ws, fmt.Sprintf("precision: target ±%s%% not reached after %d replications (cap %d) for %s",
			trimFloat(r.precision.TargetPercent), len(r.results), r.precision.MaxReplications, strings.Join(short, ", ")))
	}
	return ws
}

func trimFloat(v float64) string { return fmt.Sprintf("%g", v) }

// write writes every output of the run: tables, charts and the report.
func (r *runOutputs) write(start time.Time, workers int) error {
	cfg := r.cfg
	meta := output.Meta{Scenario: cfg.Name, Question: cfg.Question, Seed: cfg.Run.Seed,
		Replications: len(r.results), HorizonWeeks: cfg.Run.HorizonWeeks, WarmupWeeks: cfg.Run.WarmupWeeks,
		Level: level, Partial: r.partial, Version: version, Precision: r.precision}
	if r.warmup != nil {
		meta.WarmupSuggestion = output.NewWarmupMeta(*r.warmup, cfg.Run.WarmupWeeks)
	}
	figs, err := output.RunFigures(r.results, r.sums, cfg.Run.WarmupWeeks, level)
	if err != nil {
		return err
	}
	files := []outFile{
		{"weekly.csv", func(w io.Writer) error { return output.WriteWeekly(w, r.results) }},
		{"summary.csv", func(w io.Writer) error { return output.WriteSummaryCSV(w, r.sums) }},
		{"summary.json", func(w io.Writer) error { return output.WriteSummaryJSON(w, meta, r.sums) }},
		{"scenario.toml", func(w io.Writer) error { return scenarios.Encode(w, cfg) }},
	}
	if len(r.results[0].Areas) > 0 {
		files = append(files, outFile{"areas.csv", func(w io.Writer) error { return output.WriteAreas(w, r.results, level) }})
	}
	err = writeAll(r.dir, files)
	if err != nil {
		return err
	}
	if err := output.WriteFigures(r.dir, figs); err != nil {
		return err
	}
	resolved, err := encoded(cfg)
	if err != nil {
		return err
	}
	rep := output.Report{
		Title:     "spsim run: " + cfg.Name,
		Question:  cfg.Question,
		Facts:     r.facts(),
		Warnings:  r.warnings,
		Headline:  output.HeadlineTable(r.sums, output.Headline, level),
		Figures:   figs,
		Sources:   sources(r.ref),
		Scenarios: []output.Listing{{Name: cfg.Name, Text: resolved}},
		Method: output.Method{
			Assumptions:  output.Assumptions(cfg),
			Warmup:       output.WarmupMethod(cfg.Run.WarmupWeeks, r.warmup),
			RunLength:    fmt.Sprintf("%d weeks per replication, of which %d are warm-up; KPIs cover the last %d weeks.", cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.HorizonWeeks-cfg.Run.WarmupWeeks),
			Replications: r.replicationsMethod(),
			Random:       output.RandomMethod(cfg.Run.Seed, false),
			Level:        level,
			Version:      version,
			GoVersion:    runtime.Version(),
			RunTime:      runTime(start, workers),
		},
	}
	rep.Headline.Caption = "Headline KPIs after the warm-up"
	if r.precision != nil {
		rep.Tables = append(rep.Tables, r.precision.Table())
	}
	return writeReport(r.dir, rep)
}

func (r *runOutputs) facts() []string {
	cfg := r.cfg
	f := []string{fmt.Sprintf("%d replications of %d weeks (warm-up %d weeks), seed %d.", len(r.results), cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.Seed)}
	if r.partial {
		f = append(f, "The run was interrupted: these results are partial.")
	}
	if r.precision != nil {
		f = append(f, r.replicationsMethod())
	}
	return f
}

func (r *runOutputs) replicationsMethod() string {
	if r.precision == nil {
		return fmt.Sprintf("%d replications (run.replications or --replications); intervals are across replications.", len(r.results))
	}
	p := r.precision
	verb := "reached"
	if !p.Reached {
		verb = "not reached"
	}
	return fmt.Sprintf("Replications were added in batches (totals %s) until every headline KPI's %.0f%% half-width was within ±%s%% of its mean, or %d replications: the target was %s after %d replications.",
		joinInts(p.Batches), 100*level, trimFloat(p.TargetPercent), p.MaxReplications, verb, len(r.results))
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}

// print writes the headline to stdout and, last, where the outputs are.
func (r *runOutputs) print(w io.Writer, start time.Time) {
	cfg := r.cfg
	fmt.Fprintf(w, "%s: %d replications of %d weeks (warm-up %d), seed %d\n",
		cfg.Name, len(r.results), cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.Seed)
	if p := r.precision; p != nil {
		state := "reached"
		if !p.Reached {
			state = "NOT reached"
		}
		fmt.Fprintf(w, "precision ±%s%% of the mean %s after %d replications (batches %s, cap %d)\n",
			trimFloat(p.TargetPercent), state, len(r.results), joinInts(p.Batches), p.MaxReplications)
	}
	if r.warmup != nil {
		fmt.Fprintf(w, "warm-up: scenario %d weeks, MSER-5 suggests %d\n", cfg.Run.WarmupWeeks, r.warmup.Weeks)
	}
	output.PrintHeadline(w, r.sums, output.Headline)
	fmt.Fprintf(w, "outputs in %s (report: %s) in %.1fs\n", r.dir, filepath.Join(r.dir, "report.html"), time.Since(start).Seconds())
}
