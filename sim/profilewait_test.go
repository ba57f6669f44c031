package sim_test

import (
	"math"
	"testing"

	"github.com/spsim/spsim/sim"
)

// profileWaitKPI names profile pr's mean wait to first contact.
func profileWaitKPI(pr string) string { return sim.KPIWaitMean + "." + sim.ProfilePrefix + pr }

// TestWaitByProfileAddsUp: the profiles' mean waits, each weighted by the
// people of the profile first seen after the warm-up, average to the
// overall mean wait, up to rounding: every first contact is counted in
// exactly one profile, as in exactly one group. Roles are included: a
// second role's first session is not a first contact, in either figure.
func TestWaitByProfileAddsUp(t *testing.T) {
	for _, name := range []string{"baseline", "tiered", "navigator-triage", "mmc"} {
		t.Run(name, func(t *testing.T) {
			cfg := load(t, name)
			for i, r := range replicate(t, cfg, 2, 2) {
				var waits, seen float64
				for pr := range cfg.Profiles {
					n := sumFrom(r, sim.ColFirstContacts+"."+sim.ProfilePrefix+pr, cfg.Run.WarmupWeeks)
					w := kpiOf(t, r, profileWaitKPI(pr))
					if n == 0 {
						continue // not defined, and weighs nothing
					}
					waits += w * n
					seen += n
				}
				all := kpiOf(t, r, sim.KPIWaitMean)
				if got := waits / seen; math.Abs(got-all) > 1e-9*all {
					t.Errorf("replication %d: the profiles' waits average to %.12f weeks, the overall mean wait is %.12f", i, got, all)
				}
				if all := sumFrom(r, sim.ColFirstContacts, cfg.Run.WarmupWeeks); seen != all {
					t.Errorf("replication %d: %v first contacts by profile, %v in all", i, seen, all)
				}
			}
		})
	}
}

// sumFrom sums a weekly column from week from on.
func sumFrom(r *sim.Result, name string, from int) float64 {
	c := r.Col(name)
	if c < 0 {
		panic("no weekly column " + name)
	}
	s := 0.0
	for _, row := range r.Weekly[from:] {
		s += row[c]
	}
	return s
}

// TestWaitByProfileUndefinedWhereNobodyIsSeen: a profile nobody of was
// seen has no mean wait: NaN (said as not defined), never 0, which would
// read as no wait at all. Those of the others are defined.
func TestWaitByProfileUndefinedWhereNobodyIsSeen(t *testing.T) {
	for _, c := range []struct {
		name    string
		edit    func(*sim.Config)
		defined map[string]bool
	}{
		{"no low-need referrals", func(cfg *sim.Config) {
			// Low needs' share goes to moderate in every group, today's
			// people included (they are drawn from the same mix).
			for _, g := range cfg.Groups {
				g.ProfileMix["moderate"] += g.ProfileMix["low"]
				g.ProfileMix["low"] = 0
			}
		}, map[string]bool{"low": false, "moderate": true, "complex": true}},
		{"no link workers", func(cfg *sim.Config) {
			cfg.Workforce.LinkWorkers = 0
		}, map[string]bool{"low": false, "moderate": false, "complex": false}},
		{"baseline", func(*sim.Config) {}, map[string]bool{"low": true, "moderate": true, "complex": true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := load(t, "baseline")
			cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 60, 10
			c.edit(cfg)
			for i, r := range replicate(t, cfg, 2, 2) {
				for pr, defined := range c.defined {
					if w := kpiOf(t, r, profileWaitKPI(pr)); math.IsNaN(w) == defined {
						t.Errorf("replication %d: %s's mean wait %v, want defined %v", i, pr, w, defined)
					}
				}
			}
		})
	}
}
