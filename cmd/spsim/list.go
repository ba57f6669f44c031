package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spsim/spsim/scenarios"
)

func cmdList(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("list")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("list takes no arguments, got %q", strings.Join(pos, " "))
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SCENARIO\tQUESTION")
	for _, s := range scenarios.List() {
		fmt.Fprintf(tw, "%s\t%s\n", s.Name, s.Question)
	}
	return tw.Flush()
}
