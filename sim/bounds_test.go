package sim_test

import (
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestIntervalsWithinTheScenariosBounds: an interval never claims what the
// scenario makes impossible: a caseload per FTE above the cap (2
// replications of extra-link-worker reached 47.2 of 45), more closures than
// services (every grant ending, with a high closure hazard, reached 5.02 of
// 5), or a service more than full, even where a timeline cuts its places
// below the people in them (vcse-cut read 100.2% [97.0%, 103.5%]: people
// finishing in places that are gone fill none).
func TestIntervalsWithinTheScenariosBounds(t *testing.T) {
	elw := load(t, "extra-link-worker")
	nav := load(t, "navigator-triage") // the headline is the link workers', capped at 45, not the navigator's 60
	cut := load(t, "vcse-cut")
	for _, s := range cut.Services {
		s.ClosureHazardPerYear = 2
	}
	for _, c := range []struct {
		cfg  *sim.Config
		reps int
		kpi  string
		max  float64
	}{
		{elw, 2, sim.KPICaseloadPerFTE, elw.Workforce.CaseloadCapPerFTE},
		{nav, 3, sim.KPICaseloadPerFTE, nav.Workforce.CaseloadCapPerFTE},
		{cut, 20, sim.KPIVCSEClosures, float64(len(cut.Services))},
		{elw, 2, sim.KPIVCSEOccupancy + ".service.befriending_and_groups", 1},
		{elw, 2, sim.KPIVCSEOccupancy, 1},
		{load(t, "vcse-cut"), 10, sim.KPIVCSEOccupancy + ".service.befriending_and_groups", 1},
		{load(t, "vcse-cut"), 10, sim.KPIVCSEOccupancy + ".service.advice_money_housing", 1},
	} {
		sums := experiment.Summarise(replicate(t, c.cfg, c.reps, 2), 0.95)
		sum, ok := experiment.FindSummary(sums, c.kpi)
		s := sum.Estimate
		if !ok {
			t.Fatalf("%s: no %s", c.cfg.Name, c.kpi)
		}
		t.Logf("%s %s: %.4g [%.4g, %.4g]", c.cfg.Name, c.kpi, s.Mean, s.Low, s.High)
		if s.High > c.max || s.Low > s.Mean || s.High < s.Mean {
			t.Errorf("%s, %s: %.4g [%.4g, %.4g] leaves the possible range (at most %g)", c.cfg.Name, c.kpi, s.Mean, s.Low, s.High, c.max)
		}
	}
	// vcse-cut cuts places below the people in them: for a while more
	// people attend than there are places, and they fill no more than the
	// places.
	r := replicate(t, load(t, "vcse-cut"), 1, 1)[0]
	if m := r.KPIByName(sim.KPIVCSEOccupancy).Max; m != 1 {
		t.Errorf("vcse-cut's occupancy bounded at %g, want 1", m)
	}
	attending, filled, places := r.Col(sim.ColVCSEOccupiedMean), r.Col(sim.ColVCSEFilledMean), r.Col(sim.ColVCSEPlacesMean)
	beyond := 0
	for _, row := range r.Weekly {
		if row[filled] > row[places]+1e-9 || row[filled] > row[attending]+1e-9 {
			t.Fatalf("week %v: %v places filled, with %v people in %v places", row[0], row[filled], row[attending], row[places])
		}
		if row[attending] > row[places]+1e-9 {
			beyond++
		}
	}
	if beyond == 0 {
		t.Error("vcse-cut: nobody ever attended beyond the places after the cut; the test no longer tests the cut")
	}
}

// TestNoneSeenOrRuledOut: a count a year that no replication saw is
// bounded above, in a total and in every area alike, unless the scenario
// rules the event out (mmc has no community services and nobody leaves),
// where none is certain and the interval is [0, 0].
func TestNoneSeenOrRuledOut(t *testing.T) {
	rs := replicate(t, load(t, "mmc"), 3, 2)
	sums := experiment.Summarise(rs, 0.95)
	for _, k := range []string{sim.KPIVCSEReferrals, sim.KPILeavers} {
		if s, _ := experiment.FindSummary(sums, k); s.Estimate.High != 0 {
			t.Errorf("mmc's %s: %+v, want [0, 0]: the scenario rules it out", k, s.Estimate)
		}
	}
	// Link workers who never leave beside a navigator who may: the
	// headline, theirs alone, is ruled out.
	nav := load(t, "navigator-triage")
	nav.Workforce.LeavingHazardPerYear = 0
	if s, _ := experiment.FindSummary(experiment.Summarise(replicate(t, nav, 3, 2), 0.95), sim.KPILeavers); s.Estimate.High != 0 {
		t.Errorf("navigator-triage's link workers never leave, yet leavers read %+v", s.Estimate)
	}
	// A navigator who may leave but was never seen to: their leaving per
	// FTE is bounded above by the FTE-years watched, not [0, 0]; one who
	// cannot leave reads [0, 0].
	navRate := sim.KPILeaversPerFTE + "." + sim.RolePrefix + "care_navigator"
	for _, c := range []struct {
		hazard  float64
		bounded bool
	}{{1e-12, true}, {0, false}} {
		nav.Roles["care_navigator"].LeavingHazardPerYear = c.hazard
		s, _ := experiment.FindSummary(experiment.Summarise(replicate(t, nav, 3, 2), 0.95), navRate)
		if e := s.Estimate; e.Mean != 0 || (e.High > 0) != c.bounded {
			t.Errorf("a navigator's leaving hazard %g, none seen: %+v, want bounded above: %v", c.hazard, e, c.bounded)
		}
	}
	icb := load(t, "icb")
	icb.Run.HorizonWeeks, icb.Run.WarmupWeeks = 60, 20
	rs = replicate(t, icb, 3, 2)
	k := rs[0].Areas[0].KPIIndex(sim.KPIVCSERefused)
	vals := make([]float64, len(rs))
	for a := range rs[0].Areas {
		e := experiment.AreaEstimate(rs, a, k, vals, 0.95)
		if e.Mean == 0 && !(e.High > 0) {
			t.Errorf("area %s: community refusals none seen read %+v, want a bound above 0", rs[0].Areas[a].Name, e)
		}
	}
}

// TestNobodySeenIsImpossible: with no post to see anybody, the counts of
// what only a post does (people seen, supported, referred on, a link
// worker leaving) are [0, 0], not a bound for an event the replications
// happened not to see ("0 a year [0, 0.295]"). A timeline that funds a
// post later, or another role's posts, makes them possible again.
func TestNobodySeenIsImpossible(t *testing.T) {
	none := load(t, "baseline")
	none.Workforce.LinkWorkers = 0
	later := load(t, "baseline")
	later.Workforce.LinkWorkers = 0
	posts := 2
	later.Timeline = append(later.Timeline, sim.Change{Week: 100, LinkWorkers: &posts})
	kpis := []string{sim.KPIFirstContacts, sim.KPIEpisodesCompleted, sim.KPINeedsMet, sim.KPIPeopleNeedsMet, sim.KPILeavers, sim.KPIVCSEReferrals}
	for _, c := range []struct {
		cfg        *sim.Config
		impossible bool
	}{{none, true}, {later, false}, {load(t, "baseline"), false}} {
		r := replicate(t, c.cfg, 3, 2)
		sums := experiment.Summarise(r, 0.95)
		for _, k := range kpis {
			if got := r[0].KPIByName(k).Impossible; got != c.impossible {
				t.Errorf("%d posts, timeline %d changes: %s impossible %v, want %v", c.cfg.Workforce.LinkWorkers, len(c.cfg.Timeline), k, got, c.impossible)
			}
			if s, _ := experiment.FindSummary(sums, k); c.impossible && (s.Estimate.Mean != 0 || s.Estimate.High != 0) {
				t.Errorf("no posts: %s %g [%g, %g], want 0 [0, 0]", k, s.Estimate.Mean, s.Estimate.Low, s.Estimate.High)
			}
		}
	}
}
