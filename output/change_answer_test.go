package output_test

import (
	"context"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/study"
)

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
			"Seasons and growth in referrals also differ",
		} {
			if !strings.Contains(found, want) {
				t.Errorf("outputs %v: the run's sentences lack %q:\n%s", outs, want, found)
			}
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
	if !strings.Contains(found, "With referrals growing by 15.0% a year, the last year (weeks 156 to 207) against the first after the warm-up (weeks 78 to 129): Wait to first contact, mean: rises from ") ||
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
