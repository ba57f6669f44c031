package output_test

import (
	"context"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/study"
)

// benchWriteRun writes a run's default outputs b.N times, the run made
// once: the output side of `spsim run` alone.
func benchWriteRun(b *testing.B, ref string, reps int) {
	r, err := study.Run(context.Background(), study.RunSpec{Ref: ref, Options: study.Options{Replications: reps}})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for b.Loop() {
		if err := output.WriteRun(dir, r, study.DefaultOutputs()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteRunBaseline30 is the outputs of `spsim run baseline
// --replications 30`.
func BenchmarkWriteRunBaseline30(b *testing.B) { benchWriteRun(b, "baseline", 30) }

// BenchmarkWriteRunMMc77 is the outputs of the SimPy anchor, `spsim run
// mmc --replications 77`: a weekly.csv of 200,200 rows.
func BenchmarkWriteRunMMc77(b *testing.B) { benchWriteRun(b, "mmc", 77) }

// BenchmarkWriteRunEngland2 is the outputs of `spsim run england
// --replications 2`: 1,250 areas in areas.csv, the workbook and the report.
func BenchmarkWriteRunEngland2(b *testing.B) { benchWriteRun(b, "england", 2) }
