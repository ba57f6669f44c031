//go:build unix

package cputime

import "testing"

// TestProcessGrows: the CPU time is positive and does not go back after
// some work.
func TestProcessGrows(t *testing.T) {
	before := Process()
	x := 0.0
	for i := range 5_000_000 {
		x += float64(i)
	}
	after := Process()
	if before <= 0 || after < before || x == 0 {
		t.Fatalf("CPU time %v then %v", before, after)
	}
}
