package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/spsim/spsim/study"
)

// cmdMerge combines the shards of one run or sweep into the outputs the
// unsharded study would have written.
func cmdMerge(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ef := addExpFlags(fs)
	fs.String("shard", "", "not for merge: the shards fix it")
	dirs, err := parse(fs, args)
	if err != nil {
		return err
	}
	for _, name := range []string{"replications", "seed", "shard"} {
		if ef.isSet(name) {
			return fmt.Errorf("merge takes no --%s: the shards fix it", name)
		}
	}
	spec := study.MergeSpec{Dirs: dirs}
	if spec.Options, err = ef.options(stderr); err != nil {
		return err
	}
	plan, err := study.PlanMerge(spec)
	if err != nil {
		return err
	}
	return execute(ef, plan.Name(), plan.Execute, spec.Outputs, func(r study.Result, dir string) { printMerged(stdout, stderr, r, dir) })
}

// printMerged prints a merged study as the unsharded one would be printed.
func printMerged(stdout, stderr io.Writer, r study.Result, dir string) {
	switch r := r.(type) {
	case *study.RunResult:
		printRun(stdout, stderr, r, dir)
	case *study.SweepResult:
		printSweep(stdout, r, dir)
	}
}
