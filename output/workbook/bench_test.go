package workbook_test

import (
	"context"
	"io"
	"testing"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
)

// BenchmarkWriteRunBaseline30 is the workbook of `spsim run baseline
// --replications 30`, the run's results made once.
func BenchmarkWriteRunBaseline30(b *testing.B) {
	cfg, err := scenarios.Load("baseline")
	if err != nil {
		b.Fatal(err)
	}
	res, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 30, Jobs: 2})
	if err != nil {
		b.Fatal(err)
	}
	r := workbook.Run{Title: "spsim run: baseline", Question: cfg.Question, Facts: []string{"30 replications."},
		Headline:  []string{"wait_first_contact_mean_weeks", "needs_met_share", "cost_total"},
		Summaries: experiment.Summarise(res, 0.95), Results: res, Level: 0.95}
	for b.Loop() {
		if err := workbook.WriteRun(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
