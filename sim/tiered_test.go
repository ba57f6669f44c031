package sim_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestTieredReserveBinds: the tiered scenario's reserve keeps places for
// longer-term work that, unreserved, short-term work would take, so against
// no reserve (paired, common random numbers) the profiles with longer-term
// support wait less, every other profile waits more, and more people with
// complex needs are supported. A reserve no larger than the share of
// places longer-term work holds anyway (30%, the scenario's reserve before:
// complex needs are 30% of referrals, but their longer episodes hold about
// 42% of places) changes nothing.
func TestTieredReserveBinds(t *testing.T) {
	const reps = 20
	none, reserved := load(t, "tiered"), load(t, "tiered")
	if reserved.Support.TieredReservedShare <= 0.3 {
		t.Fatalf("tiered reserves %v of each caseload: at most the 30%% that does not bind", reserved.Support.TieredReservedShare)
	}
	none.Support.TieredReservedShare = 0
	a, b := replicate(t, none, reps, 2), replicate(t, reserved, reps, 2)
	tiers := map[bool]int{}
	for _, pr := range slices.Sorted(maps.Keys(reserved.Profiles)) {
		longer := slices.Contains(reserved.Support.TieredLongerProfiles, pr)
		tiers[longer]++
		k := profileWaitKPI(pr)
		direction(t, pr+"'s wait (weeks), reserve against none", experiment.Paired(kpi(t, a, k), kpi(t, b, k), 0.95), !longer)
	}
	if tiers[true] == 0 || tiers[false] == 0 {
		t.Fatalf("profiles with longer-term support %d, with short-term %d: the reserve divides none", tiers[true], tiers[false])
	}
	k := sim.KPIEpisodesCompleted + "." + sim.ProfilePrefix + "complex"
	direction(t, "complex episodes completed a year, reserve against none", experiment.Paired(kpi(t, a, k), kpi(t, b, k), 0.95), true)
}
