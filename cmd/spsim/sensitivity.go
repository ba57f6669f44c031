package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sensitivity"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// flagSet reports whether the named flag was given.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// decideFlags are the flags the decision commands share.
type decideFlags struct {
	dir          *string
	force, quiet *bool
	seed         *uint64
	jobs         *int
	allowLarge   *bool
	png          *bool
	sets         listFlag
	kpis         listFlag
}

// scenario is the one scenario a decision command takes, and the seed if
// --seed was given.
func (df *decideFlags) scenario(fs *flag.FlagSet, pos []string, cmd string) (string, *uint64, error) {
	if len(pos) != 1 {
		return "", nil, usagef("%s takes one scenario, got %d", cmd, len(pos))
	}
	if flagSet(fs, "seed") {
		if err := checkSeed(*df.seed); err != nil {
			return "", nil, err
		}
		return pos[0], df.seed, nil
	}
	return pos[0], nil, nil
}

func addDecideFlags(fs *flag.FlagSet) *decideFlags {
	defer alias(fs, "o", "output")
	return &decideFlags{
		dir:        fs.String("o", "", "write the outputs into folder `DIR` (default out/optimise-NAME or out/sensitivity-NAME; -2, -3... if that holds a run)"),
		force:      fs.Bool("force", false, "replace an existing output folder of spsim's outputs (never one holding other files)"),
		quiet:      fs.Bool("quiet", false, "print nothing but errors"),
		seed:       fs.Uint64("seed", 0, "random seed (default: the scenario's run.seed)"),
		jobs:       fs.Int("jobs", 0, "parallel workers (default: all cores); results do not depend on it"),
		allowLarge: fs.Bool("allow-large", false, "run even if the estimated events or memory exceed the limits"),
		png:        fs.Bool("png", false, "also write PNG copies of the charts (SVG is always written)"),
	}
}

// prepare locks and checks the output folder before any work, as run
// does, and returns it with an interruptible context. The outputs go into
// the folder's Path and are moved into place by commitFolder.
func (f *decideFlags) prepare(name string) (*output.Folder, context.Context, context.CancelFunc, error) {
	folder, _, err := openOutFolder(*f.dir, name, *f.force)
	if err != nil {
		return nil, nil, nil, err
	}
	ctx, stop := interruptible()
	return folder, ctx, func() { stop(); folder.Close() }, nil
}

func interrupted(err error, dir string) error {
	if errors.Is(err, context.Canceled) {
		return &exitError{exitInterrupted, fmt.Errorf("interrupted; nothing written to %s", dir)}
	}
	return err
}

// cmdSensitivity runs a global sensitivity analysis.
func cmdSensitivity(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sensitivity")
	df := addDecideFlags(fs)
	spec := sensitivityFlags(fs, df)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if spec.Ref, spec.Seed, err = df.scenario(fs, pos, "sensitivity"); err != nil {
		return err
	}
	spec.Sets, spec.KPIs, spec.Jobs, spec.AllowLarge = df.sets, df.kpis, *df.jobs, *df.allowLarge
	if err := checkSensitivityCounts(spec); err != nil {
		return err
	}
	folder, ctx, stop, err := df.prepare("sensitivity-" + strings.TrimSuffix(spec.Ref, ".toml"))
	if err != nil {
		return err
	}
	defer stop()
	dir := folder.Dir()
	if bar := newProgress(stderr, *df.quiet, ""); bar != nil {
		spec.Progress = func(done, total int) { bar.update(study.Progress{Label: "sensitivity", Done: done, Total: total}) }
		defer bar.finish()
	}
	r, err := sensitivity.Run(ctx, *spec)
	if err != nil {
		return interrupted(err, dir)
	}
	if !*df.quiet {
		printWarnings(stderr, r.Warnings, nil)
	}
	if err := sensitivity.Write(folder.Path(), r, version, *df.png); err != nil {
		return err
	}
	if err := commitFolder(folder, *df.quiet, stderr); err != nil {
		return err
	}
	if !*df.quiet {
		printSensitivity(stdout, r, dir)
	}
	return nil
}

// sensitivityFlags defines sensitivity's own flags, into the spec.
func sensitivityFlags(fs *flag.FlagSet, df *decideFlags) *sensitivity.Spec {
	spec := &sensitivity.Spec{}
	fs.Var((*listFlag)(&spec.Vary), "vary", "`KEY=LO..HI`: an uncertain input and its range (repeatable; default: the model's uncertain inputs, each over its plausible range)")
	fs.Var(&df.sets, "set", "`KEY=VALUE`: a fixed value, set before the varied ones (repeatable)")
	fs.Var(&df.kpis, "kpi", "a `KPI` to analyse (repeatable; default "+strings.Join(sensitivity.DefaultKPIs, ", ")+")")
	fs.Func("method", "`morris` (screen many inputs, the default) or sobol (indices for a few)", func(v string) error {
		spec.Method = sensitivity.Method(v) // Run refuses any other
		return nil
	})
	fs.IntVar(&spec.Reps, "reps", 3, "replications at every point, on common random numbers")
	alias(fs, "reps", "replications") // as every other command calls them
	fs.IntVar(&spec.Trajectories, "trajectories", 10, "Morris trajectories")
	fs.IntVar(&spec.Samples, "samples", 32, "Sobol base samples N (points: N times inputs+2)")
	return spec
}

// checkSensitivityCounts refuses too few replications, trajectories or
// samples to analyse.
func checkSensitivityCounts(spec *sensitivity.Spec) error {
	if spec.Reps < 1 || spec.Trajectories < 2 || spec.Samples < 4 {
		return usagef("--reps must be at least 1, --trajectories at least 2 and --samples at least 4")
	}
	return nil
}

// printSensitivity says what was analysed and what drives each KPI.
func printSensitivity(stdout io.Writer, r *sensitivity.Result, dir string) {
	fmt.Fprintf(stdout, "sensitivity of %s (%s) over %s: %s, %s each, seed %d, common random numbers\n",
		r.Base.Name, r.Method, experiment.Count(len(r.Inputs), "input"), experiment.Count(r.Points, "point"), experiment.Count(r.Reps, "replication"), r.Seed)
	if r.Uncertain {
		fmt.Fprintln(stdout, "no --vary: the uncertain inputs of the model, over their plausible ranges:")
		for _, in := range r.Inputs {
			fmt.Fprintf(stdout, "  %s (%s) %s to %s\n", scenarios.KeyLabel(in.Key), in.Key,
				strconv.FormatFloat(in.Lo, 'g', -1, 64), strconv.FormatFloat(in.Hi, 'g', -1, 64))
		}
	}
	for _, s := range r.Sentences() {
		fmt.Fprintln(stdout, s)
	}
	printWhere(stdout, dir, r.Elapsed.Seconds(), 0)
}
