package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
)

func cmdValidate(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("validate")
	strict := fs.Bool("strict", false, "treat warnings (values allowed but unlikely, such as on_cost_share = 28) as errors, for scripts")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("validate takes one or more scenario files")
	}
	bad := 0
	for _, f := range pos {
		l, err := scenarios.LoadWith(f, scenarios.Options{Strict: *strict})
		if err != nil {
			bad++
			fmt.Fprintln(stdout, printable(err.Error()))
			continue
		}
		for _, w := range l.Warnings {
			fmt.Fprintln(stdout, w)
		}
		if len(l.Warnings) > 0 {
			fmt.Fprintf(stdout, "%s: ok, with %s\n", printable(f), experiment.Count(scenarios.CountWarnings(l.Warnings), "warning"))
			continue
		}
		fmt.Fprintf(stdout, "%s: ok\n", printable(f))
	}
	switch {
	case bad > 0 && len(pos) == 1:
		return errors.New("the scenario has errors")
	case bad > 0:
		return fmt.Errorf("%d of %d scenarios have errors", bad, len(pos))
	}
	return nil
}
