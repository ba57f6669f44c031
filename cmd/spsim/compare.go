package main

import (
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

// cmdCompare runs two or more scenarios on common random numbers and
// compares each with the first.
func cmdCompare(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ef := addExpFlags(fs)
	refs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(refs) < 2 {
		return fmt.Errorf("compare takes two or more scenarios (the first is the reference), got %d", len(refs))
	}
	cfgs := make([]*sim.Config, len(refs))
	seen := map[string]string{}
	for i, ref := range refs {
		if cfgs[i], err = scenarios.Load(ref); err != nil {
			return err
		}
		if prev, dup := seen[cfgs[i].Name]; dup {
			return fmt.Errorf("%s and %s are both named %q: compare needs distinct scenario names", prev, ref, cfgs[i].Name)
		}
		seen[cfgs[i].Name] = ref
	}
	// Common random numbers: one seed and one number of replications, the
	// reference's unless given.
	if err := ef.apply(cfgs[0]); err != nil {
		return err
	}
	var warnings []string
	for _, c := range cfgs[1:] {
		c.Run.Seed, c.Run.Replications = cfgs[0].Run.Seed, cfgs[0].Run.Replications
		if c.Run.HorizonWeeks != cfgs[0].Run.HorizonWeeks || c.Run.WarmupWeeks != cfgs[0].Run.WarmupWeeks {
			warnings = append(warnings, fmt.Sprintf("%s runs %d weeks with %d of warm-up and %s %d with %d: its KPIs cover a different period",
				c.Name, c.Run.HorizonWeeks, c.Run.WarmupWeeks, cfgs[0].Name, cfgs[0].Run.HorizonWeeks, cfgs[0].Run.WarmupWeeks))
		}
	}
	names := make([]string, len(cfgs))
	for i, c := range cfgs {
		names[i] = c.Name
	}
	// Refuse an oversized run before anything is written.
	for _, c := range cfgs {
		if err := checkLimits(c, cfgs[0].Run.Replications, ef.workers(), *ef.allowLarge); err != nil {
			return err
		}
	}
	dir := *ef.dir
	if dir == "" {
		dir = defaultDir("compare-" + strings.Join(names, "-vs-"))
	}
	if err := output.PrepareDir(dir, *ef.force); err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	start := time.Now()
	reps := cfgs[0].Run.Replications
	bar := newProgress(stderr, *ef.quiet, "compare", reps*len(cfgs))
	cmp, err := experiment.Compare(ctx, cfgs, experiment.Options{Replications: reps, Jobs: *ef.jobs, Progress: bar.callback()}, level)
	bar.finish()
	if err != nil {
		if ctx.Err() != nil {
			return &exitError{exitInterrupted, fmt.Errorf("interrupted: a comparison needs every scenario, nothing written to %s", dir)}
		}
		return err
	}
	if err := writeCompare(dir, refs, cfgs, cmp, warnings, start, ef.workers()); err != nil {
		return err
	}
	if !*ef.quiet {
		for _, w := range warnings {
			fmt.Fprintln(stderr, "warning:", w)
		}
		c := cfgs[0]
		fmt.Fprintf(stdout, "compare %s (reference) with %s: %d replications each of %d weeks (warm-up %d), seed %d, common random numbers\n",
			names[0], strings.Join(names[1:], ", "), reps, c.Run.HorizonWeeks, c.Run.WarmupWeeks, c.Run.Seed)
		fmt.Fprintf(stdout, "mean ±95%% CI half-width; diff: the scenario minus %s, paired, ±95%% CI half-width\n", names[0])
		output.PrintCompareHeadline(stdout, cmp, output.Headline)
		fmt.Fprintf(stdout, "outputs in %s (report: %s) in %.1fs\n", dir, filepath.Join(dir, "report.html"), time.Since(start).Seconds())
	}
	return nil
}

// writeCompare writes the comparison's tables, charts and report.
func writeCompare(dir string, refs []string, cfgs []*sim.Config, cmp *experiment.Comparison, warnings []string, start time.Time, workers int) error {
	ref := cfgs[0]
	meta := output.CompareMeta{Scenarios: cmp.Names, Reference: cmp.Names[0], Seed: ref.Run.Seed,
		Replications: ref.Run.Replications, Level: level, Version: version, CommonRandomNumbers: true}
	figs, err := output.CompareFigures(cmp, output.CompareKPIs)
	if err != nil {
		return err
	}
	files := []outFile{
		{"compare.csv", func(w io.Writer) error { return output.WriteCompareCSV(w, cmp) }},
		{"compare.json", func(w io.Writer) error { return output.WriteCompareJSON(w, meta, cmp) }},
	}
	var resolved, srcs []output.Listing
	var assumptions []string
	for i, c := range cfgs {
		files = append(files, outFile{"scenario." + c.Name + ".toml", func(w io.Writer) error { return scenarios.Encode(w, c) }})
		text, err := encoded(c)
		if err != nil {
			return err
		}
		resolved = append(resolved, output.Listing{Name: c.Name, Text: text})
		srcs = append(srcs, sources(refs[i])...)
		for _, a := range output.Assumptions(c) {
			assumptions = append(assumptions, c.Name+": "+a)
		}
	}
	srcs = dedupe(srcs)
	if err := writeAll(dir, files); err != nil {
		return err
	}
	if err := output.WriteFigures(dir, figs); err != nil {
		return err
	}
	head, rows := output.CompareTable(cmp, output.Headline, output.WithCI)
	for i := 2; i < len(head); i++ {
		if head[i] == "diff" {
			head[i] = head[i-1] + " − " + cmp.Names[0] + " (paired)"
		}
	}
	var questions []string
	for _, c := range cfgs {
		questions = append(questions, c.Name+": "+c.Question)
	}
	rep := output.Report{
		Title:    "spsim compare: " + strings.Join(cmp.Names, " vs "),
		Question: fmt.Sprintf("How do %s compare with %s?", strings.Join(cmp.Names[1:], " and "), cmp.Names[0]),
		Facts: append([]string{
			fmt.Sprintf("Reference: %s. Compared: %s.", cmp.Names[0], strings.Join(cmp.Names[1:], ", ")),
			fmt.Sprintf("%d replications of each scenario, %d weeks (warm-up %d weeks), seed %d, on common random numbers.",
				ref.Run.Replications, ref.Run.HorizonWeeks, ref.Run.WarmupWeeks, ref.Run.Seed),
			"Differences are scenario minus reference, paired replication by replication; the unpaired (Welch) intervals in compare.csv show what pairing gains.",
		}, questions...),
		Warnings:  warnings,
		Headline:  output.Table{Caption: "Headline KPIs: means with 95% CI, and paired differences from " + cmp.Names[0], Head: head, Rows: rows},
		Figures:   figs,
		Sources:   srcs,
		Scenarios: resolved,
		Method: output.Method{
			Assumptions:  assumptions,
			Warmup:       output.WarmupMethod(ref.Run.WarmupWeeks, nil) + " Run each scenario with spsim run for its MSER-5 warm-up suggestion.",
			RunLength:    fmt.Sprintf("%d weeks per replication, of which %d are warm-up.", ref.Run.HorizonWeeks, ref.Run.WarmupWeeks),
			Replications: fmt.Sprintf("%d replications per scenario; replication i of every scenario shares its random numbers.", ref.Run.Replications),
			Random:       output.RandomMethod(ref.Run.Seed, true),
			Level:        level,
			Version:      version,
			GoVersion:    runtime.Version(),
			RunTime:      runTime(start, workers),
		},
	}
	return writeReport(dir, rep)
}

// dedupe drops listings of a file already listed (scenarios extending the
// same parent).
func dedupe(ls []output.Listing) []output.Listing {
	seen := map[string]bool{}
	var out []output.Listing
	for _, l := range ls {
		if !seen[l.Name] {
			seen[l.Name] = true
			out = append(out, l)
		}
	}
	return out
}
