package main

import (
	"strings"
	"testing"
)

// TestOptimiseCountsRefused: a first batch or a most of replications of 0
// is refused as any other count below what is allowed is, naming the flag
// and what it takes, not read as the default (10, 500); a most below the
// first batch names both flags. Each is a usage error (status 2).
func TestOptimiseCountsRefused(t *testing.T) {
	for _, c := range []struct {
		flags []string
		want  string
	}{
		{[]string{"--first", "0"}, "--first 0: a first batch of 0 replications has no variance; want at least 2"},
		{[]string{"--max-replications", "0"}, "--max-replications 0: fewer than the first batch (--first 10); want at least 10"},
		{[]string{"--max-replications", "-1"}, "--max-replications -1: fewer than the first batch (--first 10); want at least 10"},
		{[]string{"--first", "20", "--max-replications", "15"}, "--max-replications 15: fewer than the first batch (--first 20); want at least 20"},
	} {
		args := append([]string{"optimise", short, "--lever", "workforce.link_workers=3..4", "--target", "needs_met>=600", "-o", t.TempDir()}, c.flags...)
		code, msg := spsimFails(t, args...)
		if code != 2 || !strings.Contains(msg, c.want) {
			t.Errorf("%v: status %d, %q; want status 2 and %q", c.flags, code, msg, c.want)
		}
	}
}
