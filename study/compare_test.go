package study_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/study"
)

// TestCompareSaysItOverridesRunSettings: a compared scenario's own seed and
// replications give way to the reference's (common random numbers need
// one of each), and the comparison says so unless a flag set them for all.
func TestCompareSaysItOverridesRunSettings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "own.toml")
	text := "name = \"own\"\nextends = \"baseline\"\nquestion = \"q\"\n[run]\nseed = 7\nreplications = 5\nhorizon_weeks = 60\nwarmup_weeks = 10\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	seed := uint64(3)
	for _, c := range []struct {
		opts study.Options
		want string
	}{
		{study.Options{Jobs: 2}, "own sets run.seed = 7 and run.replications = 5; compared on common random numbers, it runs with baseline's seed 1 and 20 replications"},
		{study.Options{Jobs: 2, Replications: 2}, "own sets run.seed = 7; compared on common random numbers, it runs with baseline's seed 1 ("},
		{study.Options{Jobs: 2, Replications: 2, Seed: &seed}, ""},
	} {
		r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", file},
			Sets: []string{"run.warmup_weeks=10", "run.horizon_weeks=60"}, Options: c.opts})
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(r.Warnings, "\n")
		if c.want == "" && strings.Contains(got, "compared on common random numbers") || !strings.Contains(got, c.want) {
			t.Errorf("replications %d, seed %v: warnings\n%s\nwant %q", c.opts.Replications, c.opts.Seed, got, c.want)
		}
	}
}

// TestCompareSaysWhenPopulationsDiffer: a scenario of several areas set
// against one of a single area has totals of another population.
func TestCompareSaysWhenPopulationsDiffer(t *testing.T) {
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", "icb"},
		Sets: []string{"run.warmup_weeks=10", "run.horizon_weeks=40"}, Options: study.Options{Jobs: 2, Replications: 2}})
	if err != nil {
		t.Fatal(err)
	}
	want := "icb runs 30 areas and baseline 1 area: totals (referrals, people, costs) are of different populations; compare rates and shares"
	if got := strings.Join(r.Warnings, "\n"); !strings.Contains(got, want) {
		t.Errorf("warnings\n%s\nwant %q", got, want)
	}
}
