package sim_test

import (
	"testing"

	"github.com/spsim/spsim/scenarios"
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

// TestEstimateSeesAreasAndPosts: an area's own referrals and a team of
// many posts are in the estimate. Before, an areas file giving one area
// twenty million referrals a week was estimated from the scenario's
// twenty, ran, and grew a server to 24 GB; a typo of 100,000 posts,
// whose weekly closes and changes of post cost more than its referrals,
// was estimated as three posts.
func TestEstimateSeesAreasAndPosts(t *testing.T) {
	base := load(t, "baseline")
	areas := func(referrals string) sim.Footprint {
		cfg := load(t, "baseline")
		if err := scenarios.SetAreas(cfg, "a.csv", []byte("name,demand.referrals_per_week\nA,"+referrals+"\nB,20\n")); err != nil {
			t.Fatal(err)
		}
		return sim.Estimate(cfg)
	}
	if got, plain := areas("20000000"), areas("20"); got.Events < 1e4*plain.Events || got.Bytes < 1e3*plain.Bytes {
		t.Errorf("an area of 2e7 referrals a week: estimate %+v, against %+v with 20", got, plain)
	}
	many := load(t, "baseline")
	many.Workforce.LinkWorkers = 100000
	if got, plain := sim.Estimate(many), sim.Estimate(base); got.Events < 1e3*plain.Events { // it runs about 2,300 times as long
		t.Errorf("100,000 posts: estimate %+v, against %+v for 3", got, plain)
	}
}
