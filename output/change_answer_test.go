package output_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/study"
)

// TestRunLeadsWithSeveralChanges: with two changes inside the KPIs' weeks,
// the readings lead and the whole window is said to span both.
func TestRunLeadsWithSeveralChanges(t *testing.T) {
	r, err := study.Run(context.Background(), study.RunSpec{Ref: "testdata/two-changes.toml",
		Options: study.Options{Replications: 3, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	lines := output.RunFound(r)
	found := strings.Join(lines, "\n")
	if !strings.HasPrefix(lines[0], "From week 110") || !strings.Contains(found, "before and after the changes together)") {
		t.Errorf("the run's sentences:\n%s", found)
	}
}

// TestRunSaysWhatTheChangeDid: a run with a timeline change says, in the
// terminal's, report's and workbook's sentences, how the measures go from
// before the change to after it, whether or not it keeps weekly tables; a
// run with growing referrals says how the last year compares with the
// first; a run without either says nothing of the kind.
func TestRunSaysWhatTheChangeDid(t *testing.T) {
	for _, outs := range []study.Outputs{study.DefaultOutputs(), {study.Summary: true}} {
		r, err := study.Run(context.Background(), study.RunSpec{Ref: "funding-cliff",
			Options: study.Options{Replications: 5, Jobs: 2, Outputs: outs}})
		if err != nil {
			t.Fatal(err)
		}
		found := strings.Join(output.RunFound(r), "\n")
		for _, want := range []string{
			"From week 104 (fixed-term funding for one post ends), weeks 104 to 207 against weeks 78 to 103 before it:",
			"Wait to first contact, mean: rises from ",
			"Needs met: falls from ",
			"Seasons in referrals also differ between the two periods", // funding-cliff has seasons, not growth
			// How soon: the ended post's caseload returns to the list at once.
			"How soon: half the change shows in the waiting list within 2 weeks",
		} {
			if !strings.Contains(found, want) {
				t.Errorf("outputs %v: the run's sentences lack %q:\n%s", outs, want, found)
			}
		}
		if strings.Contains(found, "growth") {
			t.Errorf("outputs %v: a caveat of growth in a scenario without it:\n%s", outs, found)
		}
		// The change leads, as the question is about it; the averages of
		// the whole window follow, said to be that.
		lines := output.RunFound(r)
		if !strings.HasPrefix(lines[0], "From week 104") || !strings.Contains(lines[1], " over the whole window (weeks 78 to 207, before and after the change together): caseloads are ") {
			t.Errorf("outputs %v: the run's sentences do not lead with the change, then the whole window:\n%s", outs, found)
		}
	}
	// Growing referrals: the last year against the first, in summary-only
	// runs too.
	r, err := study.Run(context.Background(), study.RunSpec{Ref: "rising-demand",
		Options: study.Options{Replications: 5, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	found := strings.Join(output.RunFound(r), "\n")
	// It says that the scenario's rate is week 0's, which growth has
	// carried 23.3% higher (1.15^1.5) by the warm-up's end.
	if !strings.Contains(found, "With referrals growing by 15.0% a year from week 0 (demand.referrals_per_week is week 0's rate: by the warm-up's end, week 78, when the KPIs start, referrals are 23.3% higher, and by the horizon 74.9% higher), the last year (weeks 156 to 207) against the first after the warm-up (weeks 78 to 129): Wait to first contact, mean: rises from ") ||
		!strings.Contains(found, "People who gave up waiting: rises from ") {
		t.Errorf("rising demand: %s", found)
	}
	r, err = study.Run(context.Background(), study.RunSpec{Ref: "baseline",
		Options: study.Options{Replications: 3, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	if found = strings.Join(output.RunFound(r), "\n"); strings.Contains(found, "From week") || strings.Contains(found, "With referrals") {
		t.Errorf("a run without a change: %s", found)
	}
}

// TestCompareSaysWhatTheChangeDid: comparing a scenario that makes a
// change with one that does not reads the weeks after it, paired, in the
// comparison's sentences, and the wait is detectably longer; scenarios that
// both make it, or neither, get no such paragraph.
func TestCompareSaysWhatTheChangeDid(t *testing.T) {
	for _, tc := range []struct {
		refs []string
		want bool
	}{
		{[]string{"baseline", "funding-cliff"}, true},
		{[]string{"baseline", "extra-link-worker"}, false},
	} {
		t.Run(strings.Join(tc.refs, "-"), func(t *testing.T) { compareChange(t, tc.refs, tc.want) })
	}
	// With the cliff in the reference, the scenario without it is read
	// against it: the wait is detectably shorter.
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"funding-cliff", "baseline"}, Options: study.Options{Replications: 5, Jobs: 2}})
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Join(output.CompareChangeAnswer(r.Comparison, r.Configs), "\n")
	const lead = "From week 104 in funding-cliff (fixed-term funding for one post ends), weeks 104 to 207, baseline against it in the same weeks: Wait to first contact, mean: "
	if !strings.HasPrefix(words, lead) || !strings.Contains(words, "] (−") || !strings.HasSuffix(words, "The comparison's other figures average weeks 78 to 207, 26 of them before the change, and so show less of it.") {
		t.Errorf("the reference's change: %s", words)
	}
}

// compareChange checks the comparison of refs: a paragraph on the cliff,
// led by in the report and the workbook too, if want; none otherwise.
func compareChange(t *testing.T, refs []string, want bool) {
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: refs, Options: study.Options{Replications: 5, Jobs: 2}})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(output.CompareChangeAnswer(r.Comparison, r.Configs), "\n")
	if !want {
		if got != "" {
			t.Errorf("%v: %s", refs, got)
		}
		return
	}
	if !strings.HasPrefix(got, "From week 104 in funding-cliff (fixed-term funding for one post ends), weeks 104 to 207, against baseline in the same weeks: Wait to first contact, mean: ") ||
		!strings.Contains(got, "The comparison's other figures average weeks 78 to 207, 26 of them before the change") ||
		!strings.Contains(got, "People who gave up waiting: ") || strings.Contains(got, "Wait to first contact, mean: no detectable") {
		t.Errorf("%v: %s", refs, got)
	}
	dir := t.TempDir()
	if err := output.Write(dir, r, study.Outputs{study.Report: true, study.XLSX: true}); err != nil {
		t.Fatal(err)
	}
	report, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The change's effect leads: the verdict's figures, averaged over
	// weeks before it too, come after.
	const lead = "From week 104 in funding-cliff (fixed-term funding for one post ends)"
	summary := section(string(report), "summary")
	if i, v := strings.Index(summary, lead), strings.Index(summary, "funding-cliff costs"); i < 0 || v < 0 || i > v || !strings.Contains(sharedStrings(t, filepath.Join(dir, "results.xlsx")), lead) {
		t.Errorf("the comparison's report or workbook does not lead with what the change did (at %d, the verdict at %d)", i, v)
	}
	// Were the reference to make the same change, it would be no
	// difference between them.
	if both := output.CompareChangeAnswer(r.Comparison, []*sim.Config{r.Configs[1], r.Configs[1]}); both != nil {
		t.Errorf("a change both make: %q", both)
	}
}

// TestChangesInJSON: summary.json and compare.json carry the readings the
// sentences give, under stable names, and a run without a change has none.
func TestChangesInJSON(t *testing.T) {
	run, err := study.Run(context.Background(), study.RunSpec{Ref: "funding-cliff",
		Options: study.Options{Replications: 4, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", "funding-cliff"}, Options: study.Options{Replications: 4, Jobs: 2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		result study.Result
		file   string
		key    string
		kind   string
	}{
		{run, "summary.json", "changes", "timeline_change"},
		{cmp, "compare.json", "after_changes", "after_change"},
	} {
		dir := t.TempDir()
		if err := output.Write(dir, tc.result, study.Outputs{study.Summary: true}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		var all map[string]json.RawMessage
		if err := json.Unmarshal(b, &all); err != nil {
			t.Fatal(err)
		}
		var got []output.ChangeMeta
		if err := json.Unmarshal(all[tc.key], &got); err != nil {
			t.Fatalf("%s: %s: %v", tc.file, tc.key, err)
		}
		if len(got) != 1 || got[0].Kind != tc.kind || got[0].Week != 104 || len(got[0].Measures) != 5 ||
			got[0].Measures[0].KPI != "wait_first_contact_mean_weeks" || *got[0].Measures[0].Difference <= 0 || got[0].AfterWeeks != [2]int{104, 207} {
			t.Errorf("%s %s: %+v", tc.file, tc.key, got)
		}
		// Every figure with its interval, each side's holding its mean.
		for _, m := range got[0].Measures {
			if m.BeforeLow == nil || m.BeforeHigh == nil || m.AfterLow == nil || m.AfterHigh == nil ||
				!(*m.BeforeLow <= *m.Before && *m.Before <= *m.BeforeHigh) || !(*m.AfterLow <= *m.After && *m.After <= *m.AfterHigh) {
				t.Errorf("%s %s %s: sides without their intervals: %+v", tc.file, tc.key, m.KPI, m)
			}
		}
		if tc.kind == "after_change" && (got[0].Scenario != "funding-cliff" || got[0].ChangeIn != "funding-cliff") {
			t.Errorf("after_change of %q, made in %q: want funding-cliff for both", got[0].Scenario, got[0].ChangeIn)
		}
	}
	base, err := study.Run(context.Background(), study.RunSpec{Ref: "baseline",
		Options: study.Options{Replications: 2, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := output.Write(dir, base, study.Outputs{study.Summary: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "summary.json")); strings.Contains(string(b), `"changes"`) {
		t.Error("a run without a change has changes in summary.json")
	}
}

// TestChangeToNoLinkWorkersSaysTheWaitIsUndefined: after every post ends
// nobody is seen, so the wait has no value there; the answer says so rather
// than leaving the wait out, and reads the other measures as usual.
func TestChangeToNoLinkWorkersSaysTheWaitIsUndefined(t *testing.T) {
	r, err := study.Run(context.Background(), study.RunSpec{Ref: "funding-cliff", Sets: []string{"timeline.0.link_workers=0"},
		Options: study.Options{Replications: 3, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	found := strings.Join(output.RunFound(r), "\n")
	for _, want := range []string{
		"Wait to first contact, mean: not defined on one side or both (nobody is seen there), so not compared. People on the waiting list, mean: rises from ",
		"Needs met: falls from ",
	} {
		if !strings.Contains(found, want) {
			t.Errorf("the run's sentences lack %q:\n%s", want, found)
		}
	}
}

// TestOneReplicationJudgesNothing: one replication gives a change and a
// sweep's ends their means but no interval; the sentences give the means
// and say there is nothing to judge them by, not "no detectable change",
// which would read as a finding.
func TestOneReplicationJudgesNothing(t *testing.T) {
	r, err := study.Run(context.Background(), study.RunSpec{Ref: "funding-cliff",
		Options: study.Options{Replications: 1, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	found := strings.Join(output.RunFound(r), "\n")
	if !strings.Contains(found, "Wait to first contact, mean: ") || !strings.Contains(found, "; with one replication, no interval to judge it).") || strings.Contains(found, "no detectable change") {
		t.Errorf("one replication's change: %s", found)
	}
	sw, err := study.Sweep(context.Background(), study.SweepSpec{Ref: "short-term", Vary: []string{"workforce.link_workers=3,5"},
		Options: study.Options{Replications: 1, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	answer := strings.Join(output.SweepAnswer(sw.Sweep, []string{sim.KPIWaitMean}, ""), "\n")
	if !strings.Contains(answer, "(with one replication, no interval to judge it).") || strings.Contains(answer, "overlap") {
		t.Errorf("one replication's sweep: %s", answer)
	}
}

// TestRunSaysWhyAChangeIsNotRead: a timeline change that is not read
// before and after is not passed over in silence: in the warm-up the KPIs
// are of the service after it; too near the horizon it has too few weeks.
// A change in the first weeks is the scenario's starting point, and gets
// no remark.
func TestRunSaysWhyAChangeIsNotRead(t *testing.T) {
	for _, c := range []struct {
		ref, set, want string
	}{
		{"funding-cliff", "timeline.0.week=40", "The timeline's change at week 40 (fixed-term funding for one post ends) falls in the warm-up (weeks 0 to 77), so the KPIs measure the service after it, with no weeks before it to set against; to read its effect, make it week 86 or later, or compare with the scenario without it (spsim compare)."},
		{"funding-cliff", "timeline.0.week=203", "The timeline's change at week 203 (fixed-term funding for one post ends) is not read on its own: it leaves fewer than 8 weeks to read before or after it"},
		{"funding-cliff", "timeline.0.week=104", ""},
		{"extra-link-worker", "run.seed=1", ""},
	} {
		r, err := study.Run(context.Background(), study.RunSpec{Ref: c.ref, Sets: []string{c.set},
			Options: study.Options{Replications: 2, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
		if err != nil {
			t.Fatal(err)
		}
		found := strings.Join(output.RunFound(r), "\n")
		if c.want == "" && strings.Contains(found, "The timeline's change") || !strings.Contains(found, c.want) {
			t.Errorf("%s with %s: the run's sentences\n%s\nwant %q", c.ref, c.set, found, c.want)
		}
	}
}

// TestCompareChangeReadsTheScenariosWeeks: the reading of a change says
// how many of the weeks the scenario's figures average come before it, from
// the scenario's own warm-up, not the reference's.
func TestCompareChangeReadsTheScenariosWeeks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fclong.toml")
	if err := os.WriteFile(path, []byte("extends = \"funding-cliff\"\nname = \"fclong\"\n[run]\nwarmup_weeks = 52\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", path}, Options: study.Options{Replications: 3, Jobs: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(output.CompareChangeAnswer(r.Comparison, r.Configs), "\n"); !strings.Contains(got, "The comparison's other figures average weeks 52 to 207, 52 of them before the change") {
		t.Errorf("%s", got)
	}
}
