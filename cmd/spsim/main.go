// Command spsim simulates social prescribing capacity: referrals, link
// workers' waiting lists and caseloads, and the community services they
// refer people on to. Run `spsim help` for the commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// version is the software version reported in outputs; release builds set
// it with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// exitInterrupted is the conventional status for a run stopped by SIGINT.
const exitInterrupted = 130

type command struct {
	name, args, summary string
	run                 func(args []string, stdout, stderr io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"run", "[SCENARIO] [-o DIR] [--replications N] [--precision P [--max-replications M]] [--seed S] [--jobs J] [--force] [--quiet]",
			"run a scenario (default: baseline); write weekly.csv, summary.csv, summary.json, charts and report.html.\n      --precision P adds replications until every headline 95% interval is within ±P% of its mean", cmdRun},
		{"compare", "A B [C...] [-o DIR] [--replications N] [--seed S] [--jobs J] [--force] [--quiet]",
			"run scenarios on common random numbers and compare each with the first: paired differences with intervals,\n      compare.csv, compare.json, charts and report.html", cmdCompare},
		{"sweep", "SCENARIO --vary KEY=V1,V2,... [--vary KEY=...] [--set KEY=VALUE]... [--kpi NAME]... [-o DIR] [--replications N] [--seed S] [--jobs J] [--force] [--quiet]",
			"run a scenario over a grid of parameter values (e.g. --vary workforce.link_workers=2,3,4);\n      sweep.csv, a chart of KPIs against the first parameter and report.html", cmdSweep},
		{"calibrate", "REFERRALS.csv [-o DIR] [--extends SCENARIO] [--from DATE] [--to DATE] [--start DATE] [--no-growth] [--no-season]",
			"fit referrals a week, growth and seasonality to an extract (one row per referral) by maximum likelihood;\n      writes calibrated.toml to extend from, calibration.csv and referrals_fit.svg", cmdCalibrate},
		{"merge", "SHARDDIR... [-o DIR] [--force]", "combine the folders of spsim run --shard i/n into the outputs of the whole run", cmdMerge},
		{"list", "", "list the built-in scenarios and the question each answers", cmdList},
		{"show", "SCENARIO", "print the fully resolved scenario as TOML", cmdShow},
		{"validate", "FILE...", "check scenario files and report every error", cmdValidate},
		{"version", "", "print the version", func(_ []string, out, _ io.Writer) error {
			_, err := fmt.Fprintln(out, "spsim", version)
			return err
		}},
	}
}

// exitError carries a specific exit status.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}

// Main runs spsim with args and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdout, stderr)
		if err == nil {
			return 0
		}
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "spsim "+c.name+":", err)
		var ee *exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return 1
	}
	fmt.Fprintf(stderr, "spsim: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "spsim: a discrete-event simulator of social prescribing capacity")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  spsim %s %s\n      %s\n", c.name, c.args, c.summary)
	}
}

// parse parses flags that may come before or after positional arguments
// (`spsim run baseline -o out` and `spsim run -o out baseline` both work).
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
