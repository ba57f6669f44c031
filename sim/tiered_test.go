package sim_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// splitByTier gives each of cfg's groups two groups, one for the profiles
// that get longer-term support under tiered support and one for the rest,
// each with the group's multipliers and its share of the group's
// referrals: the same referrals, drawn in two steps, with the waits of
// each tier in the groups' weekly columns. It returns the two tiers' group
// names. The inequity gaps are then the first longer-term group's.
func splitByTier(t *testing.T, cfg *sim.Config) (longer, short []string) {
	t.Helper()
	groups := map[string]*sim.Group{}
	for _, name := range slices.Sorted(maps.Keys(cfg.Groups)) {
		g := cfg.Groups[name]
		for _, tier := range []struct {
			suffix string
			longer bool
			names  *[]string
		}{{"_longer", true, &longer}, {"_short", false, &short}} {
			mix, total := map[string]float64{}, 0.0
			for p := range cfg.Profiles {
				mix[p] = 0
				if slices.Contains(cfg.Support.TieredLongerProfiles, p) == tier.longer {
					mix[p] = sim.ProfileShare(cfg, g, p)
					total += mix[p]
				}
			}
			if total == 0 {
				continue
			}
			for p := range mix {
				mix[p] /= total
			}
			h := *g
			h.Share, h.ProfileMix = g.Share*total, mix
			groups[name+tier.suffix] = &h
			*tier.names = append(*tier.names, name+tier.suffix)
		}
	}
	if len(longer) == 0 || len(short) == 0 {
		t.Fatalf("no referrals in one tier: longer %v, short %v", longer, short)
	}
	cfg.Groups, cfg.Outcomes.ReferenceGroup = groups, longer[0]
	if errs := scenarios.Validate(cfg); len(errs) > 0 {
		t.Fatalf("split by tier, an invalid scenario: %v", errs)
	}
	return longer, short
}

// tierWait is each replication's mean wait to first contact of the people
// in groups first seen after the warm-up, from the groups' weekly columns.
func tierWait(rs []*sim.Result, groups []string, warmup int) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		var wait, seen float64
		for _, g := range groups {
			w, n := r.Col(sim.ColWaitSum+"."+g), r.Col(sim.ColFirstContacts+"."+g)
			for _, row := range r.Weekly[warmup:] {
				wait += row[w]
				seen += row[n]
			}
		}
		out[i] = wait / seen
	}
	return out
}

// TestTieredReserveBinds: the tiered scenario's reserve keeps places for
// longer-term work that, unreserved, short-term work would take, so against
// no reserve (paired, common random numbers) the longer-term tier waits
// less, the short-term tier more, and more people with complex needs are
// supported. A reserve no larger than the share of
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
	longer, short := splitByTier(t, none)
	splitByTier(t, reserved)
	a, b := replicate(t, none, reps, 2), replicate(t, reserved, reps, 2)
	w := reserved.Run.WarmupWeeks
	direction(t, "longer-term tier's wait (weeks), reserve against none", experiment.Paired(tierWait(a, longer, w), tierWait(b, longer, w), 0.95), false)
	direction(t, "short-term tier's wait (weeks), reserve against none", experiment.Paired(tierWait(a, short, w), tierWait(b, short, w), 0.95), true)
	k := sim.KPIEpisodesCompleted + "." + sim.ProfilePrefix + "complex"
	direction(t, "complex episodes completed a year, reserve against none", experiment.Paired(kpi(t, a, k), kpi(t, b, k), 0.95), true)
}
