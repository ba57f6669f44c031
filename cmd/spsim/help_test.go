package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// cli runs the command line in-process and returns its outputs.
func cli(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestEveryCommandHasHelp checks each command's help: on stdout with exit
// status 0 however it is asked for, with a usage line, its arguments,
// every flag in --long form and examples that use only real flags.
func TestEveryCommandHasHelp(t *testing.T) {
	for i := range commands {
		c := &commands[i]
		t.Run(c.name, func(t *testing.T) {
			code, help, stderr := cli("help", c.name)
			if code != 0 || stderr != "" {
				t.Fatalf("spsim help %s: exit %d, stderr %q", c.name, code, stderr)
			}
			for _, ask := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {c.name, "-help"}} {
				code, out, stderr := cli(ask...)
				if code != 0 || stderr != "" || out != help {
					t.Errorf("spsim %s: exit %d, stderr %q, stdout differs from spsim help %s: %v",
						strings.Join(ask, " "), code, stderr, c.name, out != help)
				}
			}
			for _, want := range []string{"Usage:\n  spsim " + c.name, "Examples:\n", "Exit status: 0 done, 1 failed, 2 usage error, 130 interrupted."} {
				if !strings.Contains(help, want) {
					t.Errorf("help lacks %q:\n%s", want, help)
				}
			}
			if c.args != "" && !strings.Contains(help, "Arguments:\n") {
				t.Errorf("%s takes %s but its help has no Arguments section", c.name, c.args)
			}
			fs := flagsOf(c)
			for _, l := range flagLines(fs) {
				name := "--" + l.long
				if l.long == "" {
					name = "-" + l.short
				}
				if !strings.Contains(help, name) {
					t.Errorf("help does not list %s", name)
				}
				if strings.Contains(help, "\n      -"+l.long) {
					t.Errorf("help lists -%s in single-dash form", l.long)
				}
			}
			if n := len(c.examples); n < 1 || (n < 2 && c.name != "version") || n > 3 {
				t.Errorf("%d examples; want 2 or 3", n)
			}
			for _, e := range c.examples {
				checkExample(t, c, e[0])
			}
		})
	}
}

// checkExample parses an example's flags with the command's own flag set,
// so an example cannot use a flag the command lacks.
func checkExample(t *testing.T, c *command, line string) {
	t.Helper()
	words := strings.Fields(line)
	for i, w := range words {
		if w == "|" || w == ">" {
			words = words[:i]
			break
		}
	}
	if len(words) < 2 || words[0] != "spsim" || words[1] != c.name {
		if !strings.Contains(line, "spsim "+c.name) {
			t.Errorf("example %q does not run spsim %s", line, c.name)
		}
		return
	}
	if _, err := parse(flagsOf(c), words[2:]); err != nil {
		t.Errorf("example %q: %v", line, err)
	}
}

// TestExitStatuses checks the documented statuses: 0 done, 1 failed,
// 2 usage error (130, interrupted, is in interrupt_test.go).
func TestExitStatuses(t *testing.T) {
	tests := []struct {
		args       []string
		code       int
		stdout     string // a substring of stdout ("" for none expected)
		stderr     string // a substring of stderr
		maxErrLine int    // a usage error is short: no dump of every flag
	}{
		{args: nil, code: 2, stderr: "Usage:"},
		{args: []string{"help"}, code: 0, stdout: "Commands:"},
		{args: []string{"--help"}, code: 0, stdout: "Commands:"},
		{args: []string{"-h"}, code: 0, stdout: "Commands:"},
		{args: []string{"nope"}, code: 2, stderr: `unknown command "nope"`, maxErrLine: 2},
		{args: []string{"comapre"}, code: 2, stderr: "spsim help", maxErrLine: 2},
		{args: []string{"help", "nope"}, code: 2, stderr: `no command "nope"`, maxErrLine: 2},
		{args: []string{"help", "run", "show"}, code: 2, stderr: "at most one", maxErrLine: 2},
		{args: []string{"run", "--bogus"}, code: 2, stderr: "-bogus", maxErrLine: 2},
		{args: []string{"run", "--replications", "many"}, code: 2, stderr: `--replications "many": want a whole number`, maxErrLine: 2},
		{args: []string{"run", "--seed", "-1"}, code: 2, stderr: `--seed "-1": want a whole number, 0 or more`, maxErrLine: 2},
		{args: []string{"run", "--seed", "18446744073709551615"}, code: 2, stderr: `--seed 18446744073709551615: at most 9223372036854775807`, maxErrLine: 2},
		{args: []string{"sensitivity", "baseline", "--seed", "9223372036854775808"}, code: 2, stderr: `at most 9223372036854775807`, maxErrLine: 2},
		{args: []string{"run", "--jobs", "99999999999999999999"}, code: 2, stderr: `--jobs "99999999999999999999": too large; want a whole number`, maxErrLine: 2},
		{args: []string{"run", "--precision", "lots"}, code: 2, stderr: `--precision "lots": want a number`, maxErrLine: 2},
		{args: []string{"run", "--replications", "0"}, code: 2, stderr: "--replications", maxErrLine: 2},
		{args: []string{"run", "--precision", "150"}, code: 2, stderr: "--precision", maxErrLine: 2},
		{args: []string{"run", "baseline", "tiered"}, code: 2, stderr: "at most one scenario", maxErrLine: 2},
		{args: []string{"run", ""}, code: 2, stderr: "an empty scenario name", maxErrLine: 2},
		{args: []string{"run", "-o", ""}, code: 2, stderr: "-o: an empty folder name", maxErrLine: 2},
		{args: []string{"run", "--output", ""}, code: 2, stderr: "-o: an empty folder name", maxErrLine: 2},
		{args: []string{"run", "-j", "2"}, code: 2, stderr: "spsim run: -j: no such flag\n", maxErrLine: 2},
		// A flag's value refused by the package that uses it is a usage
		// error too, with the pointer to the help.
		{args: []string{"run", "--jobs", "-1"}, code: 2, stderr: "--jobs must be 0 (all cores) or more, got -1\nRun 'spsim help run'", maxErrLine: 2},
		{args: []string{"run", "--shard", "0/2"}, code: 2, stderr: `--shard "0/2": want i/n`, maxErrLine: 2},
		{args: []string{"run", "--set", "="}, code: 2, stderr: `--set "=": want KEY=VALUE`, maxErrLine: 2},
		{args: []string{"sensitivity", "baseline", "--method", "foo"}, code: 2, stderr: `--method "foo": want morris`, maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--target", "foo"}, code: 2, stderr: `--target "foo": want KPI<=X`, maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "foo", "--target", "needs_met>=1"}, code: 2, stderr: `--lever "foo": want KEY=LO..HI`, maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--maximise", "needs_met", "--budget", "-5"}, code: 2, stderr: "--budget -5: a sum in £ a year", maxErrLine: 2},
		{args: []string{"sweep", "baseline", "--vary", "workforce.link_workers=3,4", "--kpi", "nosuch"}, code: 2, stderr: "--kpi nosuch: no such KPI", maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=10..30:7", "--target", "needs_met>=1"}, code: 2, stderr: `30 is not a whole number of steps of 7 from 10`, maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--target", "lw_utilisation<=85"}, code: 2, stderr: "did you mean 0.85?", maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--maximise", "wait_first_contact_mean_weeks"}, code: 2, stderr: "lower is better", maxErrLine: 2},
		{args: []string{"run", "baseline", "--shard", "1/2", "--precision", "10"}, code: 2, stderr: "--shard and --precision do not mix", maxErrLine: 2},
		{args: []string{"run", "baseline", "--max-replications", "5"}, code: 2, stderr: "--max-replications applies only with --precision", maxErrLine: 2},
		{args: []string{"run", "baseline", "--set", "workforce.link_workers=3", "--set", "workforce.link_workers=4"}, code: 2, stderr: "is given twice (3 and 4)", maxErrLine: 2},
		{args: []string{"run", "baseline", "--precision", "10", "--max-replications", "3"}, code: 2, stderr: "give --replications 3 or fewer", maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--target", "wait_first_contact_mean_weeks<=4±abc"}, code: 2, stderr: `tolerance "abc" is not a number`, maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--maximise", "needs_met_share±5"}, code: 2, stderr: "a share's tolerance is a fraction", maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--target", "needs_met_share>=0.5±5"}, code: 2, stderr: "a share's tolerance is a fraction", maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--target", "reneged<=400", "--target", "reneged<=300"}, code: 2, stderr: "already has a bound on that side", maxErrLine: 2},
		{args: []string{"sensitivity", "baseline", "--vary", "run.seed=1..5"}, code: 2, stderr: "so it cannot be varied", maxErrLine: 2},
		{args: []string{"sweep", "baseline", "--vary", "workforce.link_workers=3,4", "--vary", "workforce.link_workers=5,6"}, code: 2, stderr: "given twice", maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--lever", "workforce.link_workers=5..6", "--target", "reneged<=300"}, code: 2, stderr: "given twice", maxErrLine: 2},
		{args: []string{"sweep", "baseline", "--vary", "profiles.complex.share=0.2,0.4"}, code: 2, stderr: "every population group sets its own profile mix", maxErrLine: 2},
		{args: []string{"sweep", "baseline"}, code: 2, stderr: "sweep needs at least one --vary", maxErrLine: 2},
		{args: []string{"sweep", "baseline", "--vary", "workforce.link_workers=2,,4"}, code: 2, stderr: `an empty value in "2,,4"`, maxErrLine: 2},
		{args: []string{"optimise", "baseline"}, code: 2, stderr: "optimise needs at least one --lever", maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..5", "--maximise", "needs_met", "--minimise", "cost_total"}, code: 2, stderr: "--maximise and --minimise together", maxErrLine: 2},
		{args: []string{"sensitivity", "baseline", "--vary", "workforce.fte=1..1"}, code: 2, stderr: "with LO < HI", maxErrLine: 2},
		{args: []string{"serve", "--jobs", "-1"}, code: 2, stderr: "--jobs must be 0 (all cores) or more", maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--target", "wait_first_contact_p90_weeks<=4", "--maximise", "needs_met"}, code: 2, stderr: "--target with --maximise or --minimise", maxErrLine: 2},
		{args: []string{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--target", "wait_first_contact_p90_weeks<=4", "--first", "1"}, code: 2, stderr: "--first 1: a first batch of 1 replication has no variance", maxErrLine: 2},
		{args: []string{"list", "extra"}, code: 2, stderr: `no arguments, got "extra"`, maxErrLine: 2},
		{args: []string{"show"}, code: 2, stderr: "one scenario", maxErrLine: 2},
		{args: []string{"show", "a", "b"}, code: 2, stderr: "one scenario", maxErrLine: 2},
		{args: []string{"validate"}, code: 2, stderr: "one or more", maxErrLine: 2},
		{args: []string{"validate", "testdata/short-warning.toml"}, code: 0, stdout: "ok, with 1 warning"},
		{args: []string{"validate", "--strict", "testdata/short-warning.toml"}, code: 1, stdout: "(an error under --strict)", stderr: "the scenario has errors"},
		{args: []string{"compare", "baseline"}, code: 2, stderr: "two or more", maxErrLine: 2},
		{args: []string{"sweep"}, code: 2, stderr: "one scenario", maxErrLine: 2},
		{args: []string{"merge"}, code: 2, stderr: "shard", maxErrLine: 2},
		{args: []string{"sensitivity", "baseline", "--vary", "demand.referrals_per_week=20..30", "--replications", "0"}, code: 2, stderr: "--reps must be at least 1", maxErrLine: 2},
		{args: []string{"merge", "--replications", "3", "x"}, code: 2, stderr: "-replications", maxErrLine: 2},
		{args: []string{"merge", "--seed", "3", "x"}, code: 2, stderr: "-seed", maxErrLine: 2},
		{args: []string{"version", "extra"}, code: 2, stderr: "no arguments", maxErrLine: 2},
		{args: []string{"completion", "tcsh"}, code: 2, stderr: "bash, zsh and fish", maxErrLine: 2},
		{args: []string{"show", "no-such-scenario"}, code: 1, stderr: "no-such-scenario"},
		{args: []string{"list"}, code: 0, stdout: "baseline"},
	}
	for _, tt := range tests {
		code, stdout, stderr := cli(tt.args...)
		name := "spsim " + strings.Join(tt.args, " ")
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", name, code, tt.code, stderr)
		}
		if !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%s: stdout %q, stderr %q; want %q and %q", name, stdout, stderr, tt.stdout, tt.stderr)
		}
		if tt.stdout == "" && stdout != "" {
			t.Errorf("%s: printed %q on stdout; errors go to stderr", name, stdout)
		}
		if n := strings.Count(stderr, "\n"); tt.maxErrLine > 0 && n > tt.maxErrLine {
			t.Errorf("%s: %d lines on stderr, want at most %d:\n%s", name, n, tt.maxErrLine, stderr)
		}
	}
}

// TestMergeHelpListsOnlyMergeFlags: merge's shards fix the replications,
// seed and shard, so its help must not offer them.
func TestMergeHelpListsOnlyMergeFlags(t *testing.T) {
	_, help, _ := cli("merge", "--help")
	help = help[strings.Index(help, "Flags:"):strings.Index(help, "Examples:")]
	for _, f := range []string{"--replications", "--seed", "--jobs", "--shard", "--allow-large", "--precision"} {
		if strings.Contains(help, f) {
			t.Errorf("merge's help lists %s, which merge refuses:\n%s", f, help)
		}
	}
	for _, f := range []string{"--output", "--force", "--quiet"} {
		if !strings.Contains(help, f) {
			t.Errorf("merge's help lacks %s", f)
		}
	}
}

func TestVersion(t *testing.T) {
	_, want, _ := cli("version")
	for _, line := range []string{"spsim " + version, "commit ", "built with go"} {
		if !strings.Contains(want, line) {
			t.Errorf("spsim version prints %q, lacking %q", want, line)
		}
	}
	for _, ask := range []string{"--version", "-version", "-v"} {
		code, out, stderr := cli(ask)
		if code != 0 || out != want || stderr != "" {
			t.Errorf("spsim %s: exit %d, stdout %q, stderr %q; want spsim version's %q", ask, code, out, stderr, want)
		}
	}
}

// TestCompletion checks the scripts name every command and flag, and
// that bash accepts the bash script.
func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, script, stderr := cli("completion", shell)
		if code != 0 || stderr != "" {
			t.Fatalf("spsim completion %s: exit %d, %s", shell, code, stderr)
		}
		for i := range commands {
			if !strings.Contains(script, commands[i].name) {
				t.Errorf("%s script lacks command %s", shell, commands[i].name)
			}
		}
		for _, w := range []string{"replications", "vary", "tiered"} {
			if !strings.Contains(script, w) {
				t.Errorf("%s script lacks %q", shell, w)
			}
		}
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to check the script's syntax")
	}
	_, script, _ := cli("completion", "bash")
	cmd := exec.Command(bash, "-n")
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("bash -n rejects the completion script: %v\n%s", err, out)
	}
}
