package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommandMatchesGolden runs the pinned baseline summary through the
// command line. This package is a main package, so its test binary is
// built with the profile that `go build` optimises spsim with
// (default.pgo): the numbers a user's binary prints must be the ones the
// sim package pins, whatever the compiler inlined.
func TestCommandMatchesGolden(t *testing.T) {
	dir := t.TempDir()
	spsim(t, "run", "baseline", "--replications", "5", "--jobs", "2", "--outputs", "summary", "-o", dir, "--quiet")
	got, err := os.ReadFile(filepath.Join(dir, "summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "sim", "testdata", "baseline-seed1-5reps-summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("summary.csv of `spsim run baseline --replications 5` differs from sim/testdata/baseline-seed1-5reps-summary.csv")
	}
}
