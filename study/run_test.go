package study_test

import (
	"context"
	"strings"
	"testing"

	"github.com/spsim/spsim/study"
)

// TestPrecisionOutOfReachWarnedBeforeTheRun: a --precision that the
// replications allowed could not reach, even were every KPI it judges to
// vary by only 1% between replications, is warned of when the run is
// planned, before any replication, where it ran every one and only then
// said the target was not reached. A reachable precision is not warned
// of; under --strict the warning is an error.
func TestPrecisionOutOfReachWarnedBeforeTheRun(t *testing.T) {
	tests := []struct {
		precision float64
		max       int
		want      string // "" for no warning
	}{
		{1e-300, 0, "--precision 1e-300: warning: ±1e-300% of the mean is out of reach of 200 replications (--max-replications): even KPIs that varied by only 1% between replications would need far more replications than any run could make, so the run would make all 200 and then say the target was not reached; typical targets are 1 to 10 (percent): ask for a wider one"},
		{0.05, 0, "would need about 1,537 replications, so the run would make all 200 and then say the target was not reached; typical targets are 1 to 10 (percent): ask for a wider one, or allow 1537 with --max-replications; did you mean 5 (a percentage, not a fraction)?"},
		{0.01, 5000, "out of reach of 5,000 replications (--max-replications): even KPIs that varied by only 1% between replications would need about 38,416 replications"},
		{1, 2, "out of reach of 2 replications"},
		{0.5, 9, "would need about 16 replications"},
		{5, 0, ""},
		{1, 0, ""},
		{0.2, 0, ""},
		{0.05, 10000, ""},
		{99, 0, ""},
	}
	for _, tt := range tests {
		spec := study.RunSpec{Ref: "short-term", Precision: tt.precision, MaxReplications: tt.max, Options: study.Options{Replications: 2}}
		p, err := study.PlanRun(spec)
		if err != nil {
			t.Fatalf("--precision %g --max-replications %d: %v", tt.precision, tt.max, err)
		}
		ws := p.Warnings()
		switch {
		case tt.want == "" && len(ws) > 0:
			t.Errorf("--precision %g --max-replications %d: warned %q", tt.precision, tt.max, ws)
		case tt.want != "" && (len(ws) != 1 || !strings.Contains(ws[0], tt.want)):
			t.Errorf("--precision %g --max-replications %d: warnings %q, want one with\n%s", tt.precision, tt.max, ws, tt.want)
		}
		spec.Load.Strict = true
		_, err = study.PlanRun(spec)
		if (err != nil) != (tt.want != "") || err != nil && !strings.Contains(err.Error(), "(an error under --strict)") {
			t.Errorf("--precision %g --max-replications %d under --strict: %v", tt.precision, tt.max, err)
		}
	}
}

// TestWarmupWarningInWords: the warning that MSER-5 suggests a longer
// warm-up names what settles in words, not the weekly columns' names.
func TestWarmupWarningInWords(t *testing.T) {
	r, err := study.Run(context.Background(), study.RunSpec{Ref: "baseline",
		Sets: []string{"run.warmup_weeks=10"}, Options: study.Options{Replications: 4, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for _, w := range r.Warnings {
		if strings.HasPrefix(w, "MSER-5 suggests a warm-up of ") {
			got = w
		}
	}
	if !strings.Contains(got, "(the waiting list settles by week ") || !strings.Contains(got, ", caseloads by week ") || strings.Contains(got, "_mean") {
		t.Errorf("warm-up warning %q, want what settles in words", got)
	}
}
