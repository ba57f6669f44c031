package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

func cmdRun(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("o", "", "output folder (default out/SCENARIO)")
	reps := fs.Int("replications", 0, "number of replications (default: the scenario's run.replications)")
	seed := fs.Uint64("seed", 0, "random seed (default: the scenario's run.seed)")
	jobs := fs.Int("jobs", 0, "parallel workers (default: all cores); results do not depend on it")
	force := fs.Bool("force", false, "overwrite an existing output folder")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
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
	setFlags := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { setFlags[f.Name] = true })
	if setFlags["replications"] {
		if *reps < 1 || *reps > 10000 {
			return fmt.Errorf("--replications must be between 1 and 10000, got %d", *reps)
		}
		cfg.Run.Replications = *reps
	}
	if setFlags["seed"] {
		cfg.Run.Seed = *seed
	}
	if *dir == "" {
		*dir = filepath.Join("out", cfg.Name)
	}
	if err := output.PrepareDir(*dir, *force); err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	results, runErr := experiment.Replicate(ctx, cfg, experiment.Options{Replications: cfg.Run.Replications, Jobs: *jobs})
	partial := runErr != nil && errors.Is(runErr, context.Canceled)
	if runErr != nil && !partial {
		return runErr
	}
	if len(results) > 0 {
		if err := writeRun(*dir, cfg, results, partial); err != nil {
			return err
		}
	}
	if !*quiet && len(results) > 0 {
		sums := experiment.Summarise(results, 0.95)
		fmt.Fprintf(stdout, "%s: %d replications of %d weeks (warm-up %d), seed %d\n",
			cfg.Name, len(results), cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.Seed)
		output.PrintHeadline(stdout, sums, output.Headline)
		fmt.Fprintf(stdout, "outputs in %s (%.1fs)\n", *dir, time.Since(start).Seconds())
	}
	if partial {
		return &exitError{exitInterrupted, fmt.Errorf("interrupted: kept %d of %d replications in %s, marked partial", len(results), cfg.Run.Replications, *dir)}
	}
	return nil
}

// writeRun writes the outputs of a run, each file atomically.
func writeRun(dir string, cfg *sim.Config, results []*sim.Result, partial bool) error {
	sums := experiment.Summarise(results, 0.95)
	meta := output.Meta{Scenario: cfg.Name, Question: cfg.Question, Seed: cfg.Run.Seed,
		Replications: len(results), HorizonWeeks: cfg.Run.HorizonWeeks, WarmupWeeks: cfg.Run.WarmupWeeks,
		Level: 0.95, Partial: partial, Version: version}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"weekly.csv", func(w io.Writer) error { return output.WriteWeekly(w, results) }},
		{"summary.csv", func(w io.Writer) error { return output.WriteSummaryCSV(w, sums) }},
		{"summary.json", func(w io.Writer) error { return output.WriteSummaryJSON(w, meta, sums) }},
		{"scenario.toml", func(w io.Writer) error { return scenarios.Encode(w, cfg) }},
	}
	for _, f := range files {
		if err := output.WriteFile(filepath.Join(dir, f.name), f.write); err != nil {
			return err
		}
	}
	return nil
}
