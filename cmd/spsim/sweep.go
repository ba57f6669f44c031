package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// listFlag collects a repeatable flag's values.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// cmdSweep runs a scenario at every point of a grid of parameter values.
func cmdSweep(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sweep", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ef := addExpFlags(fs)
	var vary, kpis, sets listFlag
	fs.Var(&vary, "vary", "`KEY=V1,V2,...`: a scenario key path and its values (repeat for a grid)")
	fs.Var(&sets, "set", "`KEY=VALUE`: a value for every point, set before the varied ones (repeatable)")
	fs.Var(&kpis, "kpi", "a KPI to chart and print (repeatable; default "+strings.Join(output.SweepKPIs, ", ")+")")
	shardSpec := fs.String("shard", "", "run only part `i/n` of the sweep's points (1/n to n/n), to combine later with spsim merge")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("sweep takes one scenario, got %d", len(pos))
	}
	if len(vary) == 0 {
		return fmt.Errorf("sweep needs at least one --vary KEY=V1,V2,... (for example --vary workforce.link_workers=2,3,4)")
	}
	ref := pos[0]
	var factors []experiment.Factor
	for _, v := range vary {
		f, err := parseVary(v)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(factors, func(g experiment.Factor) bool { return g.Key == f.Key }) {
			return fmt.Errorf("--vary %s given twice: give all its values at once", f.Key)
		}
		factors = append(factors, f)
	}
	if len(kpis) == 0 {
		kpis = output.SweepKPIs
	}
	var fixed [][2]string
	for _, kv := range sets {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return fmt.Errorf("--set %q: want KEY=VALUE such as initial.active=80", kv)
		}
		fixed = append(fixed, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
	}
	// load is the scenario with the --set values, fresh for each point.
	load := func() (*sim.Config, error) {
		c, err := scenarios.Load(ref)
		if err != nil {
			return nil, err
		}
		for _, kv := range fixed {
			if err := scenarios.Set(c, kv[0], kv[1]); err != nil {
				return nil, fmt.Errorf("--set %s=%s: %w", kv[0], kv[1], err)
			}
		}
		return c, nil
	}
	base, err := load()
	if err != nil {
		return err
	}
	if err := ef.apply(base); err != nil {
		return err
	}
	points := experiment.Grid(factors)
	cfgs := make([]*sim.Config, len(points))
	for i, p := range points {
		// Each point starts from a fresh copy of the scenario.
		c, err := load()
		if err != nil {
			return err
		}
		for f, v := range p {
			if err := scenarios.Set(c, factors[f].Key, v); err != nil {
				return fmt.Errorf("sweep point %s: %w\n(a value the sweep does not vary can be set for every point with --set KEY=VALUE)", pointLabel(factors, p), err)
			}
		}
		// The command line's seed and replications win; one seed for all
		// points gives common random numbers.
		c.Run.Seed, c.Run.Replications = base.Run.Seed, base.Run.Replications
		cfgs[i] = c
	}
	// One replication of the first point names the KPIs, so that a
	// mistyped --kpi fails before the sweep rather than after it.
	probe, err := sim.Run(cfgs[0], 0)
	if err != nil {
		return err
	}
	for _, k := range kpis {
		if _, ok := probe.KPI(k); !ok {
			var names []string
			for _, pk := range probe.KPIs {
				names = append(names, pk.Name)
			}
			return fmt.Errorf("--kpi %s: no such KPI (KPIs: %s)", k, strings.Join(names, ", "))
		}
	}
	// Refuse an oversized run before anything is written.
	for _, c := range cfgs {
		if err := checkLimits(c, base.Run.Replications, ef.workers(), *ef.allowLarge); err != nil {
			return err
		}
	}
	dir := *ef.dir
	if dir == "" {
		dir = defaultDir("sweep-" + base.Name)
	}
	if err := output.PrepareDir(dir, *ef.force); err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	start := time.Now()
	reps := base.Run.Replications
	if ef.isSet("shard") {
		sh, err := parseShard(*shardSpec, len(points))
		if err != nil {
			return fmt.Errorf("%w (a sweep is sharded by its %d points)", err, len(points))
		}
		return runSweepShard(ctx, sh, dir, ref, base, factors, kpis, sets, cfgs, ef, stdout, stderr)
	}
	bar := newProgress(stderr, *ef.quiet, "sweep", reps*len(cfgs))
	sw, err := experiment.RunSweep(ctx, factors, cfgs, experiment.Options{Replications: reps, Jobs: *ef.jobs, Progress: bar.callback()}, level)
	bar.finish()
	if err != nil {
		if ctx.Err() != nil {
			return &exitError{exitInterrupted, fmt.Errorf("interrupted: nothing written to %s", dir)}
		}
		return err
	}
	if err := writeSweep(dir, ref, base, sw, kpis, sets, start, ef.workers()); err != nil {
		return err
	}
	if !*ef.quiet {
		var keys []string
		for _, f := range factors {
			keys = append(keys, f.Key)
		}
		fmt.Fprintf(stdout, "sweep %s over %s: %d points, %d replications each of %d weeks (warm-up %d), seed %d, common random numbers\n",
			base.Name, strings.Join(keys, " × "), len(points), reps, base.Run.HorizonWeeks, base.Run.WarmupWeeks, base.Run.Seed)
		output.PrintSweepHeadline(stdout, sw, kpis)
		fmt.Fprintf(stdout, "outputs in %s (report: %s) in %.1fs\n", dir, filepath.Join(dir, "report.html"), time.Since(start).Seconds())
	}
	return nil
}

// parseVary reads KEY=V1,V2,... Values are split at commas outside
// quotes, braces and brackets, so a distribution such as
// {dist = "gamma", mean = 13, sd = 4} is one value.
func parseVary(s string) (experiment.Factor, error) {
	key, list, ok := strings.Cut(s, "=")
	key = strings.TrimSpace(key)
	if !ok || key == "" || strings.TrimSpace(list) == "" {
		return experiment.Factor{}, fmt.Errorf("--vary %q: want KEY=V1,V2,... such as workforce.link_workers=2,3,4", s)
	}
	var values []string
	depth, quote, startAt := 0, byte(0), 0
	for i := 0; i <= len(list); i++ {
		if i == len(list) || list[i] == ',' && depth == 0 && quote == 0 {
			v := strings.TrimSpace(list[startAt:i])
			if v == "" {
				return experiment.Factor{}, fmt.Errorf("--vary %s: an empty value in %q", key, list)
			}
			values = append(values, v)
			startAt = i + 1
			continue
		}
		switch c := list[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		}
	}
	if depth != 0 || quote != 0 {
		return experiment.Factor{}, fmt.Errorf("--vary %s: unbalanced quotes or brackets in %q", key, list)
	}
	return experiment.Factor{Key: key, Values: values}, nil
}

func pointLabel(factors []experiment.Factor, values []string) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = factors[i].Key + "=" + v
	}
	return strings.Join(parts, ", ")
}

// writeSweep writes the sweep's table, chart and report.
func writeSweep(dir, ref string, base *sim.Config, sw *experiment.Sweep, kpis, sets []string, start time.Time, workers int) error {
	fig, err := output.SweepFigure(sw, kpis)
	if err != nil {
		return err
	}
	err = writeAll(dir, []outFile{
		{"sweep.csv", func(w io.Writer) error { return output.WriteSweepCSV(w, sw) }},
		{"scenario.toml", func(w io.Writer) error { return scenarios.Encode(w, base) }},
	})
	if err != nil {
		return err
	}
	if err := output.WriteFigures(dir, []output.Figure{fig}); err != nil {
		return err
	}
	resolved, err := encoded(base)
	if err != nil {
		return err
	}
	var varied []string
	for _, f := range sw.Factors {
		varied = append(varied, f.Key+" = "+strings.Join(f.Values, ", "))
	}
	head, rows := output.SweepTable(sw, kpis)
	reps := base.Run.Replications
	rep := output.Report{
		Title:    "spsim sweep: " + base.Name,
		Question: fmt.Sprintf("How do the KPIs of %s change with %s?", base.Name, strings.Join(keysOf(sw.Factors), " and ")),
		Facts: []string{
			"Varied: " + strings.Join(varied, "; ") + fmt.Sprintf(" (%d points).", len(sw.Points)),
			fmt.Sprintf("%d replications at each point, %d weeks (warm-up %d weeks), seed %d, on common random numbers.", reps, base.Run.HorizonWeeks, base.Run.WarmupWeeks, base.Run.Seed),
			"Scenario question: " + base.Question,
			"Set for every point: " + orNone(sets) + ".",
			"Every KPI at every point is in sweep.csv.",
		},
		Headline:  output.Table{Caption: "KPIs at each point: mean with 95% CI", Head: head, Rows: rows},
		Figures:   []output.Figure{fig},
		Sources:   sources(ref),
		Scenarios: []output.Listing{{Name: base.Name + " (before the swept values are applied)", Text: resolved}},
		Method: output.Method{
			Assumptions:  output.Assumptions(base),
			Warmup:       output.WarmupMethod(base.Run.WarmupWeeks, nil) + " Run a point with spsim run for its MSER-5 warm-up suggestion.",
			RunLength:    fmt.Sprintf("%d weeks per replication, of which %d are warm-up.", base.Run.HorizonWeeks, base.Run.WarmupWeeks),
			Replications: fmt.Sprintf("%d replications per point; replication i of every point shares its random numbers.", reps),
			Random:       output.RandomMethod(base.Run.Seed, true),
			Level:        level,
			Version:      version,
			GoVersion:    runtime.Version(),
			RunTime:      runTime(start, workers),
		},
	}
	return writeReport(dir, rep)
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "nothing beyond the scenario"
	}
	return strings.Join(xs, ", ")
}

func keysOf(fs []experiment.Factor) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Key
	}
	return out
}
