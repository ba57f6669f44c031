package output_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/study"
)

// TestWorkbookCarriesWarnings: a comparison's warnings (here, a compared
// scenario's own seed giving way to the reference's) are in its workbook's
// facts, as in its report: a workbook shared alone must not lose them.
func TestWorkbookCarriesWarnings(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "own.toml")
	if err := os.WriteFile(file, []byte("name = \"own\"\nextends = \"baseline\"\nquestion = \"q\"\n[run]\nseed = 7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", file},
		Sets: []string{"run.warmup_weeks=10", "run.horizon_weeks=40"}, Options: study.Options{Jobs: 2, Replications: 2}})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "out")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := output.Write(dir, r, study.Outputs{study.XLSX: true, study.Report: true}); err != nil {
		t.Fatal(err)
	}
	const want = "Warning: own sets run.seed = 7; compared on common random numbers, it runs with baseline"
	if s := strings.ReplaceAll(sharedStrings(t, filepath.Join(dir, "results.xlsx")), "&#39;", "'"); !strings.Contains(s, want) {
		t.Errorf("the workbook lacks %q", want)
	}
}

// TestRunReportWarnsOnce: a run's warning is in its report once, where the
// report gives warnings, not also among its facts; the workbook, which has
// no place of its own for them, keeps it among its facts.
func TestRunReportWarnsOnce(t *testing.T) {
	r, err := study.Run(context.Background(), study.RunSpec{Ref: "baseline", Sets: []string{"costs.on_cost_share=28"},
		Options: study.Options{Jobs: 2, Replications: 2}})
	if err != nil {
		t.Fatal(err)
	}
	dir := outDir(t)
	if err := output.Write(dir, r, study.Outputs{study.XLSX: true, study.Report: true}); err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	const want = "28 is outside the plausible range"
	if n := strings.Count(string(html), want); n != 1 {
		t.Errorf("the report gives the warning %d times, want once", n)
	}
	if s := sharedStrings(t, filepath.Join(dir, "results.xlsx")); !strings.Contains(s, want) {
		t.Errorf("the workbook lacks the warning %q", want)
	}
}

// TestThroughputCountsAreNeutral: counts that rise as more people are seen
// (needs left unmet by short support, drop-outs, time held, needs unmet of
// those seen) are neither better nor worse when they move: a funding cliff
// cuts them by seeing fewer people, and compare.csv called that "better".
func TestThroughputCountsAreNeutral(t *testing.T) {
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", "funding-cliff"},
		Options: study.Options{Jobs: 2, Replications: 10}})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := output.WriteCompareCSV(&b, r.Comparison); err != nil {
		t.Fatal(err)
	}
	neutral := map[string]bool{"needs_unmet_short_support": true, "dropouts": true, "holding_weeks": true, "needs_unmet": true}
	for _, line := range strings.Split(b.String(), "\n") {
		f := strings.Split(line, ",")
		if len(f) > 12 && neutral[f[0]] && f[1] == "funding-cliff" && (f[12] == "better" || f[12] == "worse") {
			t.Errorf("%s is %q: %s", f[0], f[12], line)
		}
	}
}

// TestCompareWorkbookLeadsWithTheVerdictsMeasures: a comparison's workbook
// opens with the headline measures the verdict speaks of (needs met per
// 1,000 referrals, the share of referred people with every need met), as
// its report and terminal table do, not only the charted KPIs.
func TestCompareWorkbookLeadsWithTheVerdictsMeasures(t *testing.T) {
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", "extra-link-worker"},
		Options: study.Options{Jobs: 2, Replications: 2}})
	if err != nil {
		t.Fatal(err)
	}
	dir := outDir(t)
	if err := output.WriteCompare(dir, r, study.Outputs{study.XLSX: true}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "results.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	var first []string
	for _, r := range rows {
		if len(r) > 0 {
			first = append(first, r[0])
		}
	}
	for _, k := range []string{sim.KPINeedsMetPer1000Referrals, sim.KPIReferredAllNeedsMetShare, sim.KPILeaversPerFTE} {
		if want := output.KPILabel(k); !slices.Contains(first, want) {
			t.Errorf("the comparison's Summary sheet lacks %q (it has %q)", want, first)
		}
	}
	// Each scenario's value has its interval, as in the report: the mean
	// alone had been written, against the rule that every figure has one.
	for _, r := range rows {
		if len(r) > 2 && r[0] == output.KPILabel(sim.KPIWaitMean) {
			for _, cell := range r[1:3] {
				if !strings.Contains(cell, "weeks [") {
					t.Errorf("the Summary sheet's wait %q has no interval: %q", cell, r)
				}
			}
			return
		}
	}
	t.Errorf("the Summary sheet has no row for the mean wait")
}

// outDir is an empty output folder of the test's.
func outDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
