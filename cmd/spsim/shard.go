package main

import (
	"io"

	"github.com/spsim/spsim/study"
)

// cmdMerge combines the shards of one run or sweep into the outputs the
// unsharded study would have written.
func cmdMerge(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("merge")
	ef := addOutputFlags(fs)
	dirs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) == 0 {
		return usagef("merge takes the folders of every shard of one run or sweep")
	}
	spec := study.MergeSpec{Dirs: dirs}
	if spec.Options, err = ef.options(stderr); err != nil {
		return err
	}
	plan, err := study.PlanMerge(spec)
	if err != nil {
		return err
	}
	// The outputs a merged sweep or run writes, as the unsharded one.
	if plan.Kind() == study.KindSweep {
		err = ef.checkStudyOutputs("a sweep", spec.Outputs)
	} else {
		err = ef.checkAreasOutput(plan.Config(), spec.Outputs)
	}
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
		printSweep(stdout, stderr, r, dir)
	}
}
