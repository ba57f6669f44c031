package study_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// TestSummaryAloneKeepsLittle: a run whose outputs need no weekly table
// keeps only the warm-up's series, and summarises exactly as a run that
// keeps every column.
func TestSummaryAloneKeepsLittle(t *testing.T) {
	run := func(outs study.Outputs) *study.RunResult {
		t.Helper()
		r, err := study.Run(context.Background(), study.RunSpec{Ref: "baseline",
			Options: study.Options{Replications: 3, Jobs: 2, Outputs: outs}})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	full, alone := run(nil), run(study.Outputs{study.Summary: true, study.Areas: true})
	if !reflect.DeepEqual(full.Summaries, alone.Summaries) || !reflect.DeepEqual(full.Warmup, alone.Warmup) {
		t.Error("the summary or the warm-up suggestion differs when the weekly tables are trimmed")
	}
	for _, r := range alone.Results {
		if len(r.Columns) != len(experiment.WarmupColumns) || len(r.Weekly[0]) != len(experiment.WarmupColumns) {
			t.Fatalf("a summary-only run kept %d weekly columns", len(r.Columns))
		}
	}
	if len(full.Results[0].Columns) <= len(experiment.WarmupColumns) {
		t.Error("a run with every output lost weekly columns")
	}
}

// TestWarmupReadsBeforeTheFirstChange: the funding cliff's warm-up
// suggestion reads the weeks before its post ends (week 104), so the step
// is not taken for a start-up transient and no warning is raised; a
// scenario without a timeline, or whose change comes in its warm-up (a post
// funded from week 1), reads the whole run. Read over the whole run,
// MSER-5's suggestion for those moves with the seed from about 50 weeks to
// 100 (re-referrals are still filling up in the second year), so only the
// cliff's is held under the warm-up.
func TestWarmupReadsBeforeTheFirstChange(t *testing.T) {
	for _, c := range []struct {
		ref    string
		before int
	}{{"funding-cliff", 104}, {"baseline", 0}, {"extra-link-worker", 0}, {"vcse-investment", 0}} {
		r, err := study.Run(context.Background(), study.RunSpec{Ref: c.ref,
			Options: study.Options{Replications: 10, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
		if err != nil {
			t.Fatal(err)
		}
		if r.Warmup == nil || r.Warmup.Before != c.before {
			t.Fatalf("%s: warm-up suggestion %+v, want one read before week %d", c.ref, r.Warmup, c.before)
		}
		if c.before == 0 {
			continue
		}
		if r.Warmup.Weeks > r.Config.Run.WarmupWeeks {
			t.Errorf("%s: MSER-5 suggests %d weeks, more than the scenario's %d", c.ref, r.Warmup.Weeks, r.Config.Run.WarmupWeeks)
		}
		for _, w := range r.Warnings {
			if strings.Contains(w, "MSER") {
				t.Errorf("%s: %s", c.ref, w)
			}
		}
	}
}

// TestGrowingDemandHasNoSteadyState: with referrals growing year on year
// MSER-5 reads the growth as a transient, so its suggestion is marked as no
// guide and raises no warning; a run without growth is not marked.
func TestGrowingDemandHasNoSteadyState(t *testing.T) {
	for _, c := range []struct {
		ref     string
		growing bool
	}{{"rising-demand", true}, {"baseline", false}} {
		r, err := study.Run(context.Background(), study.RunSpec{Ref: c.ref, Sets: []string{"run.horizon_weeks=156"},
			Options: study.Options{Replications: 6, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
		if err != nil {
			t.Fatal(err)
		}
		if r.Warmup == nil || r.Warmup.Growing != c.growing {
			t.Fatalf("%s: warm-up suggestion %+v, want growing %v", c.ref, r.Warmup, c.growing)
		}
		for _, w := range r.Warnings {
			if c.growing && strings.Contains(w, "MSER") {
				t.Errorf("%s: %s", c.ref, w)
			}
		}
	}
}

// TestNoWarmupWarningFromTodaysCaseload: a run from today's caseload with
// no warm-up means its results to start from that state, so MSER-5's
// longer warm-up is not warned of (the workbench sets the warm-up to none
// when it takes a caseload, and then said the opposite); the same run from
// an empty start is warned of.
func TestNoWarmupWarningFromTodaysCaseload(t *testing.T) {
	dir := t.TempDir()
	rows := "referral_date,status\n"
	for i := range 300 {
		rows += fmt.Sprintf("2025-%02d-%02d,waiting\n", 1+i%11, 1+i%28)
	}
	files := map[string]string{
		"today.toml":   "name = \"today\"\nextends = \"baseline\"\n[run]\nwarmup_weeks = 0\n[initial]\nfile = \"caseload.csv\"\ndate = \"2025-11-30\"\n",
		"empty.toml":   "name = \"empty\"\nextends = \"baseline\"\n[run]\nwarmup_weeks = 0\n",
		"caseload.csv": rows,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		file   string
		warned bool
	}{{"today.toml", false}, {"empty.toml", true}} {
		r, err := study.Run(context.Background(), study.RunSpec{Ref: filepath.Join(dir, c.file), Options: study.Options{Replications: 3, Jobs: 2}})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(strings.Join(r.Warnings, "\n"), "MSER-5 suggests"); got != c.warned {
			t.Errorf("%s: warnings %q; want the warm-up warning: %v", c.file, r.Warnings, c.warned)
		}
	}
}
