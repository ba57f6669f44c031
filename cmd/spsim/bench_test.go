package main

import (
	"io"
	"path/filepath"
	"testing"
)

// benchCommand runs a whole spsim command, outputs included, b.N times.
func benchCommand(b *testing.B, args ...string) {
	dir := filepath.Join(b.TempDir(), "out")
	args = append(args, "-o", dir, "--force", "--quiet")
	for b.Loop() {
		if code := Main(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("spsim %v: exit %d", args, code)
		}
	}
}

// BenchmarkRunBaseline30 is `spsim run baseline --replications 30`, the
// commissioner's everyday question: target at most 0.25 s on 2 cores.
func BenchmarkRunBaseline30(b *testing.B) { benchCommand(b, "run", "baseline", "--replications", "30") }

// BenchmarkRunBaseline30PNG adds PNG charts, the costliest output.
func BenchmarkRunBaseline30PNG(b *testing.B) {
	benchCommand(b, "run", "baseline", "--replications", "30", "--png")
}

// BenchmarkCompareBaseline is a two-scenario comparison with its outputs.
func BenchmarkCompareBaseline(b *testing.B) {
	benchCommand(b, "compare", "baseline", "testdata/short-extra.toml", "--replications", "10")
}

// BenchmarkRunMMcAnchor is the whole-process side of bench/anchors.sh:
// `spsim run mmc --replications 77 --jobs 1` (about 1.8M customers) with
// every default output.
func BenchmarkRunMMcAnchor(b *testing.B) {
	benchCommand(b, "run", "mmc", "--replications", "77", "--jobs", "1")
}

// BenchmarkRunMMcAnchorSummary is BenchmarkRunMMcAnchor writing only the
// summary (`--outputs summary`): the whole process's side of the target of
// 50 times SimPy on one core.
func BenchmarkRunMMcAnchorSummary(b *testing.B) {
	benchCommand(b, "run", "mmc", "--replications", "77", "--jobs", "1", "--outputs", "summary")
}

// BenchmarkRunEngland1 is `spsim run england --replications 1`: 1,250 PCNs
// for three years, its areas on both cores; target at most 3 s.
func BenchmarkRunEngland1(b *testing.B) {
	benchCommand(b, "run", "england", "--replications", "1")
}

// BenchmarkSweepBaseline is a 32-point sweep with its outputs: sweep.csv,
// the workbook's sweep sheets, the chart and the report.
func BenchmarkSweepBaseline(b *testing.B) {
	benchCommand(b, "sweep", "baseline", "--vary", "workforce.link_workers=2,3,4,5,6,7,8,9",
		"--vary", "demand.referrals_per_week=15,20,25,30", "--replications", "3")
}
