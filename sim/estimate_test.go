package sim_test

import (
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestEstimateBoundsTheWork: the pre-run estimate must not undershoot what a
// run really does (it guards the machine), nor overshoot it so far that
// reasonable scenarios are refused.
func TestEstimateBoundsTheWork(t *testing.T) {
	for _, name := range []string{"baseline", "mmc", "rising-demand", "tiered"} {
		cfg := load(t, name)
		est := sim.Estimate(cfg)
		r, err := sim.Run(cfg, 0)
		if err != nil {
			t.Fatal(err)
		}
		ratio := est.Events / float64(r.Events)
		t.Logf("%-14s estimated %.0f events, ran %d (×%.2f)", name, est.Events, r.Events, ratio)
		if ratio < 1 || ratio > 10 {
			t.Errorf("%s: estimate %.0f events against %d fired (×%.2f), want ×1 to ×10", name, est.Events, r.Events, ratio)
		}
	}
}

// TestEstimateNeverWraps: an initial state the loader would refuse, built
// in Go, still gives a positive estimate (before, 9223372036854775807 people
// waiting wrapped the sum negative and passed every limit).
func TestEstimateNeverWraps(t *testing.T) {
	cfg := load(t, "baseline")
	cfg.Initial.Waiting, cfg.Initial.Active = 1<<63-1, 1<<63-1
	fp := sim.Estimate(cfg)
	if !(fp.PeakPeople > 1e18 && fp.Bytes > 1e18) {
		t.Errorf("estimate %+v, want huge and positive", fp)
	}
}
