package study_test

import (
	"context"
	"reflect"
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
