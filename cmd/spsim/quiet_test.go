package main

import (
	"strings"
	"testing"
)

// TestQuietSilencesTheScenariosWarnings: --quiet prints nothing but
// errors for every command that takes it, the scenario's warnings (a
// --set costs.on_cost_share = 28 where 0.28 is typical) included, as run,
// compare and sweep leave them out. optimise and sensitivity printed them
// under --quiet.
func TestQuietSilencesTheScenariosWarnings(t *testing.T) {
	warn := []string{"--set", "costs.on_cost_share=28"}
	for _, args := range [][]string{
		{"run", short, "--replications", "2"},
		{"compare", short, shortExtra, "--replications", "2"},
		{"sweep", short, "--vary", "workforce.link_workers=3,4", "--replications", "2"},
		{"optimise", short, "--lever", "workforce.link_workers=3,4", "--target", "reneged<=1000"},
		{"sensitivity", short, "--vary", "workforce.leaving_hazard_per_year=0.1..0.3", "--trajectories", "2", "--reps", "1", "--kpi", "leavers"},
	} {
		args = append(append(args, warn...), "-o", t.TempDir(), "--force")
		// Without --quiet the warning is there to be silenced.
		if _, stderr := spsim(t, args...); !strings.Contains(stderr, "costs.on_cost_share = 28: warning:") {
			t.Errorf("%q: stderr %q, want the warning of on_cost_share", args[0], stderr)
		}
		if stdout, stderr := spsim(t, append(args, "--quiet")...); stdout != "" || stderr != "" {
			t.Errorf("%q --quiet printed %q and %q", args, stdout, stderr)
		}
	}
}
