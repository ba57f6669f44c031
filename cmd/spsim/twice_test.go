package main

import (
	"errors"
	"strings"
	"testing"
)

// TestFlagGivenTwice: a flag that takes one value, given twice with
// different values, is a usage error naming both, where the flag package
// kept the last silently (`-o a --output b` wrote into b; `--replications
// 2 --replications 3` ran 3). The same value twice, however written, and
// the repeatable flags are not refused; the help is unchanged.
func TestFlagGivenTwice(t *testing.T) {
	tests := []struct {
		cmd  string
		args []string
		want string // "" for no error
	}{
		{"run", []string{"--replications", "2", "--replications", "3"}, `--replications is given twice ("2" and "3"): give it once`},
		{"run", []string{"-o", "a", "--output", "b"}, `-o/--output is given twice ("a" and "b")`},
		{"run", []string{"--output", "a", "-o", "b"}, `-o/--output is given twice ("a" and "b")`},
		{"run", []string{"--seed", "1", "baseline", "--seed", "2"}, `--seed is given twice ("1" and "2")`},
		{"run", []string{"--quiet", "--quiet=false"}, `--quiet is given twice ("true" and "false")`},
		{"run", []string{"--precision", "5", "--precision", "2"}, `--precision is given twice`},
		{"sweep", []string{"baseline", "--shard", "1/2", "--shard", "2/2"}, `--shard is given twice ("1/2" and "2/2")`},
		{"sensitivity", []string{"baseline", "--reps", "2", "--replications", "3"}, `is given twice ("2" and "3")`},
		{"sensitivity", []string{"baseline", "--method", "morris", "--method", "sobol"}, `--method is given twice ("morris" and "sobol")`},
		{"optimise", []string{"baseline", "--budget", "1000", "--budget", "2000"}, `--budget is given twice`},
		{"calibrate", []string{"x.csv", "--extends", "baseline", "--extends", "tiered"}, `--extends is given twice ("baseline" and "tiered")`},
		{"serve", []string{"--addr", "127.0.0.1:1", "--addr", "0.0.0.0:1"}, `--addr is given twice`},
		// Not conflicts.
		{"run", []string{"--replications", "3", "--replications", "3"}, ""},
		{"run", []string{"--replications", "3", "--replications", "03"}, ""},
		{"run", []string{"--quiet", "--quiet"}, ""},
		{"run", []string{"--set", "workforce.link_workers=3", "--set", "demand.referrals_per_week=25"}, ""},
		{"sweep", []string{"baseline", "--kpi", "reneged", "--kpi", "waiting_list_mean"}, ""},
	}
	for _, tt := range tests {
		name := tt.cmd + " " + strings.Join(tt.args, " ")
		c := findCommand(tt.cmd)
		_, err := parse(flagsOf(c), tt.args)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", name, err)
		case tt.want == "":
		case err == nil:
			t.Errorf("%s: accepted; want %q", name, tt.want)
		case !strings.Contains(err.Error(), tt.want):
			t.Errorf("%s: %v; want %q", name, err, tt.want)
		default:
			var u *usageError
			if !errors.As(err, &u) {
				t.Errorf("%s: %v is not a usage error (exit 2)", name, err)
			}
		}
	}
	dir := t.TempDir() // were the flag kept, the run would write here
	code, _, stderr := cli("run", "--replications", "1", "-o", dir+"/a", "--output", dir+"/b")
	if code != exitUsage || strings.Count(stderr, "\n") > 2 {
		t.Errorf("run -o a --output b: exit %d, stderr %q; want 2 and two lines", code, stderr)
	}
}

// TestEmptyValues: a flag given an empty value (an unset shell variable,
// --addr "$ADDR") is a usage error, not its default nor something else:
// serve --addr "" listened on every address of the machine, at a port
// chosen at random.
func TestEmptyValues(t *testing.T) {
	tests := []struct {
		cmd  string
		args []string
		want string
	}{
		{"serve", []string{"--addr", ""}, "--addr: an empty address"},
		{"serve", []string{"--addr", "  "}, "--addr: an empty address"},
		{"run", []string{"-o", ""}, "-o: an empty folder name"},
		{"calibrate", []string{"x.csv", "--output", " "}, "-o: an empty folder name"},
	}
	for _, tt := range tests {
		name := tt.cmd + " " + strings.Join(tt.args, " ")
		_, err := parse(flagsOf(findCommand(tt.cmd)), tt.args)
		var u *usageError
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.As(err, &u) {
			t.Errorf("%s: %v; want a usage error %q", name, err, tt.want)
		}
	}
}

// TestSetAndVariedIsAUsageError: a key both set for every point and varied
// is two flags in conflict: exit status 2, as for every flag conflict.
func TestSetAndVariedIsAUsageError(t *testing.T) {
	for _, args := range [][]string{
		{"sweep", "baseline", "--vary", "workforce.fte=0.5,0.6", "--set", "workforce.fte=0.7"},
		{"optimise", "baseline", "--lever", "workforce.link_workers=3..4", "--set", "workforce.link_workers=5", "--target", "reneged<=300"},
		{"sensitivity", "baseline", "--vary", "workforce.fte=0.5..1", "--set", "workforce.fte=0.7"},
	} {
		code, _, stderr := cli(args...)
		if code != exitUsage || !strings.Contains(stderr, "the value set would be dropped") {
			t.Errorf("%s: exit %d, stderr %q; want 2 and the conflict", strings.Join(args, " "), code, stderr)
		}
	}
}
