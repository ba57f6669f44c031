package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// listFlag collects a repeatable flag's values.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// cmdSweep runs a scenario at every point of a grid of parameter values.
func cmdSweep(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sweep")
	ef := addExpFlags(fs)
	var spec study.SweepSpec
	fs.Var((*listFlag)(&spec.Vary), "vary", "`KEY=V1,V2,...`: a scenario key path and its values, or a range LO..HI[:STEP] (repeat for a grid)")
	fs.Var((*listFlag)(&spec.Sets), "set", "`KEY=VALUE`: a value for every point, set before the varied ones (repeatable)")
	fs.Var((*listFlag)(&spec.KPIs), "kpi", "a `KPI` to chart and print (repeatable; default "+strings.Join(study.DefaultSweepKPIs, ", ")+")")
	shardSpec := fs.String("shard", "", "run only part `i/n` of the sweep's points (1/n to n/n), to combine later with spsim merge")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("sweep takes one scenario, got %d", len(pos))
	}
	spec.Ref = pos[0]
	if err := shardFlag(ef, *shardSpec, &spec.Shard); err != nil {
		return err
	}
	if spec.Options, err = ef.options(stderr); err != nil {
		return err
	}
	if err := ef.checkStudyOutputs("a sweep", spec.Outputs); err != nil {
		return err
	}
	plan, err := study.PlanSweep(spec)
	if err != nil {
		return err
	}
	if plan.Shard() != nil {
		return execute(ef, plan.Name(), plan.ExecuteShard, spec.Outputs, func(s *study.ShardResult, dir string) { printShard(stdout, s, dir) })
	}
	return execute(ef, plan.Name(), plan.Execute, spec.Outputs, func(r *study.SweepResult, dir string) { printSweep(stdout, stderr, r, dir) })
}

// printSweep writes the sweep's headline to stdout.
func printSweep(w, stderr io.Writer, r *study.SweepResult, dir string) {
	var keys []string
	for _, f := range r.Sweep.Factors {
		keys = append(keys, f.Key)
	}
	b := r.Base
	printWarnings(stderr, r.LoadWarnings, nil)
	fmt.Fprintf(w, "sweep %s over %s: %s, %s each of %d weeks (warm-up %d), seed %d, common random numbers\n",
		b.Name, strings.Join(keys, " × "), experiment.Count(len(r.Sweep.Points), "point"), experiment.Count(b.Run.Replications, "replication"),
		b.Run.HorizonWeeks, b.Run.WarmupWeeks, b.Run.Seed)
	if len(r.Sets) > 0 {
		fmt.Fprintf(w, "set for every point: %s\n", strings.Join(r.Sets, ", "))
	}
	for _, line := range output.SweepAnswer(r.Sweep, r.KPIs, "") {
		fmt.Fprintln(w, line)
	}
	output.PrintSweepHeadline(w, r.Sweep, r.KPIs)
	printWhere(w, dir, r.Elapsed.Seconds(), r.Shards)
}
