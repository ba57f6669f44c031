package main

import (
	"strings"
	"testing"
)

// TestCompareHeadOfOneReplication: the table's heading promises intervals
// only where there are some: one replication has none.
func TestCompareHeadOfOneReplication(t *testing.T) {
	for _, c := range []struct{ reps, want, not string }{
		{"1", "values of one replication, with no intervals; each (paired) column is a scenario minus short, on common random numbers", "95%"},
		{"2", "values with their 95% intervals; each (paired) column is a scenario minus short, replication by replication on common random numbers", "no intervals"},
	} {
		stdout, _ := spsim(t, "compare", short, "testdata/short-extra.toml", "--replications", c.reps, "--jobs", "2", "--outputs", "summary", "-o", t.TempDir())
		if !strings.Contains(stdout, c.want) || strings.Contains(stdout, c.not) {
			t.Errorf("%s replications: want %q, and not %q\n%s", c.reps, c.want, c.not, stdout)
		}
	}
}
