package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// cmdCompare runs two or more scenarios on common random numbers and
// compares each with the first.
func cmdCompare(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("compare")
	ef := addExpFlags(fs)
	var sets []string
	fs.Var((*listFlag)(&sets), "set", "`KEY=VALUE`: a value set in every scenario, such as demand.annual_growth=0.1 (repeatable)")
	refs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(refs) < 2 {
		return usagef("compare takes two or more scenarios (the first is the reference), got %d", len(refs))
	}
	spec := study.CompareSpec{Refs: refs, Sets: sets}
	if spec.Options, err = ef.options(stderr); err != nil {
		return err
	}
	if err := ef.checkStudyOutputs("a comparison", spec.Outputs); err != nil {
		return err
	}
	plan, err := study.PlanCompare(spec)
	if err != nil {
		return err
	}
	return execute(ef, plan.Name(), plan.Execute, spec.Outputs, func(r *study.CompareResult, dir string) { printCompare(stdout, stderr, r, dir) })
}

// printCompare writes the warnings to stderr and the comparison's headline
// to stdout.
func printCompare(stdout, stderr io.Writer, r *study.CompareResult, dir string) {
	printWarnings(stderr, r.LoadWarnings, r.Warnings)
	names, c := r.Comparison.Names, r.Configs[0]
	spans, same := output.RunSpans(names, r.Configs)
	if same {
		spans = "each of " + spans
	} else {
		spans = "of " + spans
	}
	fmt.Fprintf(stdout, "compare %s (reference) with %s: %s %s, seed %d, common random numbers\n",
		names[0], strings.Join(names[1:], ", "), experiment.Count(c.Run.Replications, "replication"), spans, c.Run.Seed)
	if len(r.Sets) > 0 {
		fmt.Fprintf(stdout, "set in every scenario: %s\n", strings.Join(r.Sets, ", "))
	}
	// As output.CompareAnswer orders it, a verdict on a line of its own.
	for _, line := range output.CompareChangeAnswer(r.Comparison, r.Configs) {
		fmt.Fprintln(stdout, line)
	}
	for _, v := range experiment.Verdicts(r.Comparison) {
		fmt.Fprintln(stdout, strings.Join(v.Sentences, " "))
	}
	for _, v := range experiment.HeadToHead(r.Comparison) {
		fmt.Fprintln(stdout, strings.Join(output.HeadToHeadWords(v), " "))
	}
	for _, line := range output.CompareNotes(r.Comparison, r.Configs) {
		fmt.Fprintln(stdout, line)
	}
	fmt.Fprintln(stdout)
	if c.Run.Replications < 2 {
		// One replication has no intervals: the heading must not promise them.
		fmt.Fprintf(stdout, "values of one replication, with no intervals; each (paired) column is a scenario minus %s, on common random numbers\n", names[0])
	} else {
		fmt.Fprintf(stdout, "values with their 95%% intervals; each (paired) column is a scenario minus %s, replication by replication on common random numbers\n", names[0])
	}
	output.PrintCompareHeadline(stdout, r.Comparison, output.Headline)
	printWhere(stdout, dir, r.Elapsed.Seconds(), 0)
}
