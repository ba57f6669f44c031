package output_test

import (
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestCommunityLimitSaid: a scenario whose onward referrals detectably
// give up on community waiting lists more often, with the places at least
// nine in ten full, is told that community places are the next limit; one
// whose places have room, or whose giving up does not detectably rise, is
// not.
func TestCommunityLimitSaid(t *testing.T) {
	est := func(m, lo, hi float64) experiment.Estimate {
		return experiment.Estimate{Mean: m, Low: lo, High: hi, N: 20}
	}
	none := experiment.Estimate{}
	c := &experiment.Comparison{
		Names: []string{"baseline", "extra-link-worker", "roomy", "same"},
		KPIs: []experiment.KPIComparison{
			{Name: sim.KPIVCSEGaveUp, Paired: []experiment.Estimate{none, est(204, 188, 220), est(50, 30, 70), est(5, -10, 20)}},
			{Name: sim.KPIVCSEOccupancy, Estimates: []experiment.Estimate{est(0.9, 0.89, 0.91), est(0.939, 0.931, 0.946), est(0.85, 0.83, 0.87), est(0.95, 0.94, 0.96)}},
		},
	}
	got := output.CommunityLimit(c)
	want := "In extra-link-worker, community places are the next limit: they are 93.9% [93.1%, 94.6%] full, and 204 more referrals a year [188, 220] give up waiting for one than in baseline."
	if len(got) != 1 || got[0] != want {
		t.Errorf("%q\nwant only %q", got, want)
	}
}
