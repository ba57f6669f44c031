package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spsim/spsim/scenarios"
)

func cmdList(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SCENARIO\tQUESTION")
	for _, s := range scenarios.List() {
		fmt.Fprintf(tw, "%s\t%s\n", s.Name, s.Question)
	}
	return tw.Flush()
}
