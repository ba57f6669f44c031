package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// cmdRun runs one scenario's replications, or one shard of them.
func cmdRun(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("run")
	ef := addExpFlags(fs)
	precision := fs.Float64("precision", 0, "add replications until the 95% half-width of every KPI the answer leads with (waits, people giving up, caseloads, needs met, cost) is within `PERCENT` of its mean")
	maxReps := fs.Int("max-replications", 0, fmt.Sprintf("with --precision, stop after this many replications (default %d)", study.DefaultMaxReplications))
	shardSpec := fs.String("shard", "", "run only part `i/n` of the replications (1/n to n/n), to combine later with spsim merge")
	var sets []string
	fs.Var((*listFlag)(&sets), "set", "`KEY=VALUE`: a scenario value changed for this run, such as workforce.link_workers=4 (repeatable)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("run takes at most one scenario, got %d: %s", len(pos), strings.Join(pos, " "))
	}
	spec := study.RunSpec{Precision: *precision, MaxReplications: *maxReps, Sets: sets}
	if err := checkPrecision(ef, *precision); err != nil {
		return err
	}
	if len(pos) == 1 {
		if strings.TrimSpace(pos[0]) == "" {
			return usagef("an empty scenario name: give a built-in's name or a file, or none for baseline")
		}
		spec.Ref = pos[0]
	}
	if err := shardFlag(ef, *shardSpec, &spec.Shard); err != nil {
		return err
	}
	if spec.Options, err = ef.options(stderr); err != nil {
		return err
	}
	plan, err := study.PlanRun(spec)
	if err != nil {
		return err
	}
	if err := ef.checkAreasOutput(plan.Config(), spec.Outputs); err != nil {
		return err
	}
	if !*ef.quiet {
		for _, w := range plan.Warnings() {
			fmt.Fprintln(stderr, w) // before the run, which may be long
		}
	}
	if plan.Shard() != nil {
		return execute(ef, plan.Name(), plan.ExecuteShard, spec.Outputs, func(s *study.ShardResult, dir string) { printShard(stdout, s, dir) })
	}
	return execute(ef, plan.Name(), plan.Execute, spec.Outputs, func(r *study.RunResult, dir string) { printRun(stdout, stderr, r, dir) })
}

// checkPrecision refuses a --precision that is not a percentage.
func checkPrecision(ef *expFlags, percent float64) error {
	if ef.isSet("precision") && !(percent > 0 && percent < 100) {
		return usagef("--precision is a percentage of the mean between 0 and 100, got %g", percent)
	}
	return nil
}

// shardFlag reads --shard when given.
func shardFlag(ef *expFlags, spec string, sh *study.ShardSpec) error {
	if !ef.isSet("shard") {
		return nil
	}
	var err error
	*sh, err = study.ParseShard(spec)
	return err
}

// printRun writes the warnings to stderr and the headline to stdout and,
// last, where the outputs are.
func printRun(stdout, stderr io.Writer, r *study.RunResult, dir string) {
	printWarnings(stderr, r.LoadWarnings, r.Warnings)
	cfg := r.Config
	name := cfg.Name
	if len(r.Sets) > 0 {
		name += " with " + strings.Join(r.Sets, ", ")
	}
	fmt.Fprintf(stdout, "%s: %s of %d weeks (warm-up %d), seed %d\n",
		name, experiment.Count(len(r.Results), "replication"), cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.Seed)
	if p := r.Precision; p != nil {
		state := "reached"
		if !p.Outcome.Reached {
			state = "NOT reached"
		}
		fmt.Fprintf(stdout, "precision ±%g%% of the mean %s after %d replications (run in batches of %s, up to %d)\n",
			p.TargetPercent, state, len(r.Results), output.JoinInts(p.Outcome.Batches), p.MaxReplications)
	}
	if r.Warmup != nil {
		found := fmt.Sprintf("MSER-5 finds the start settled by week %d", r.Warmup.Weeks)
		switch {
		case r.Warmup.Growing:
			found = "with referrals growing there is no steady state, so MSER-5's suggestion is no guide; the KPIs average a changing service"
		case r.Warmup.Weeks == 0:
			found = "MSER-5 finds no start-up transient"
		}
		fmt.Fprintf(stdout, "warm-up: the first %d weeks are left out of the KPIs; %s%s\n", cfg.Run.WarmupWeeks, found, beforeChange(r.Warmup.Before))
	}
	for _, line := range output.RunFound(r) {
		fmt.Fprintln(stdout, line)
	}
	output.PrintHeadline(stdout, r.Summaries, output.Headline)
	printWhere(stdout, dir, r.Elapsed.Seconds(), r.Shards)
}

// beforeChange says, for a warm-up suggestion read before the timeline's
// first change, which weeks it read.
func beforeChange(week int) string {
	if week == 0 {
		return ""
	}
	return fmt.Sprintf(" (reading the weeks before the timeline's change at week %d)", week)
}

// printWhere says where the outputs are, the report if one was written
// (--outputs may leave it out), and how long the study took: to simulate,
// or for a study merged from shards, to merge.
func printWhere(w io.Writer, dir string, seconds float64, shards int) {
	done := "simulated in " + output.Took(seconds)
	if shards > 0 {
		done = fmt.Sprintf("merged from %d shards in %s", shards, output.Took(seconds))
	}
	report := filepath.Join(dir, "report.html")
	if _, err := os.Stat(report); err != nil {
		fmt.Fprintf(w, "outputs in %s; %s\n", dir, done)
		return
	}
	fmt.Fprintf(w, "outputs in %s (report: %s); %s\n", dir, report, done)
}

// printShard says which part a shard ran and where it is.
func printShard(w io.Writer, s *study.ShardResult, dir string) {
	m := s.Manifest
	what := fmt.Sprintf("replications %d-%d", m.First, m.First+m.Count-1)
	if m.Kind == study.KindSweep {
		what = fmt.Sprintf("points %d-%d of %d", m.First+1, m.First+m.Count, m.Replications)
	}
	fmt.Fprintf(w, "%s: %s shard %d/%d, %s, written to %s; combine the shards with spsim merge\n",
		m.Scenario, m.Kind, m.Index, m.Of, what, dir)
}
