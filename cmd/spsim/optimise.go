package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spsim/spsim/optimise"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// cmdOptimise finds the cheapest combination of levers meeting every target,
// or the best within a budget.
func cmdOptimise(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("optimise")
	df := addDecideFlags(fs)
	spec := optimiseFlags(fs, df)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if spec.Ref, spec.Seed, err = df.scenario(fs, pos, "optimise"); err != nil {
		return err
	}
	spec.Sets, spec.Report, spec.Jobs, spec.AllowLarge = df.sets, df.kpis, *df.jobs, *df.allowLarge
	if err := spec.Options.Check(); err != nil {
		return err
	}
	start := time.Now()
	p, err := optimise.Plan(*spec)
	if err != nil {
		return err
	}
	if !*df.quiet {
		printWarnings(stderr, p.Warnings, nil)
	}
	folder, ctx, stop, err := df.prepare("optimise-" + p.Base.Name)
	if err != nil {
		return err
	}
	defer stop()
	dir := folder.Dir()
	if bar := newProgress(stderr, *df.quiet, ""); bar != nil {
		p.Progress = func(done int) {
			bar.update(study.Progress{Label: "optimise", Done: done, Total: len(p.Cands) * p.Options.N0, Cap: true})
		}
		defer bar.finish()
	}
	r, err := p.Solve(ctx)
	if err != nil {
		return interrupted(err, dir)
	}
	if err := p.Write(folder.Path(), r, version, time.Since(start), *df.png); err != nil {
		return err
	}
	if err := commitFolder(folder, *df.quiet, stderr); err != nil {
		return err
	}
	if !*df.quiet {
		printOptimise(stdout, p, r, dir, time.Since(start))
	}
	if r.Plan < 0 {
		return fmt.Errorf("%s", r.NoPlan(p.Label))
	}
	return nil
}

// optimiseFlags defines optimise's own flags, into the spec.
func optimiseFlags(fs *flag.FlagSet, df *decideFlags) *optimise.Spec {
	spec := &optimise.Spec{}
	fs.Var((*listFlag)(&spec.Levers), "lever", "`KEY=LO..HI[:STEP]` or KEY=V1,V2,...: a lever and its values (repeatable)")
	fs.Var((*listFlag)(&spec.Targets), "target", "`'KPI<=X'` or 'KPI>=X', optionally ±E for the tolerance (repeatable)")
	fs.StringVar(&spec.Maximise, "maximise", "", "instead of targets: the combination within --budget with the highest mean `KPI`, optionally KPI±E for the indifference zone (default 5% of the largest mean)")
	fs.StringVar(&spec.Minimise, "minimise", "", "instead of targets: the combination within --budget with the lowest mean `KPI` (KPI±E as for --maximise)")
	fs.Var(&df.sets, "set", "`KEY=VALUE`: a fixed value, set before the levers (repeatable)")
	fs.Var(&df.kpis, "kpi", "a further `KPI` to report for each combination (repeatable)")
	fs.Float64Var(&spec.Confidence, "confidence", 0.95, "that every feasibility decision is right (or that the best is chosen)")
	fs.Float64Var(&spec.Budget, "budget", 0, "leave out combinations costing more than `GBP` a year (0: no limit)")
	fs.IntVar(&spec.N0, "first", 10, "replications in each candidate's first batch")
	fs.IntVar(&spec.MaxReps, "max-replications", 500, "most replications for one candidate")
	fs.BoolVar(&spec.Exhaustive, "all", false, "check every combination, not only up to the runner-up (the full grid)")
	return spec
}

// printOptimise says what was searched and what the plan is.
func printOptimise(stdout io.Writer, p *optimise.Problem, r *optimise.Result, dir string, took time.Duration) {
	fmt.Fprintf(stdout, "optimise %s over %s: %s, %d checked, %s (seed %d, common random numbers)\n",
		p.Base.Name, strings.Join(leverNames(p), " × "), experiment.Count(len(r.Candidates), "combination"), len(r.Checked),
		experiment.Count(r.Spent(), "replication"), p.Base.Run.Seed)
	for _, s := range p.Sentences(r) {
		fmt.Fprintln(stdout, s)
	}
	printWhere(stdout, dir, took.Seconds(), 0)
}

func leverNames(p *optimise.Problem) []string {
	var ks []string
	for _, l := range p.Levers {
		ks = append(ks, l.Key)
	}
	return ks
}
