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
// 5), or a service more than full where no timeline cuts its places.
func TestIntervalsWithinTheScenariosBounds(t *testing.T) {
	elw := load(t, "extra-link-worker")
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
		{cut, 20, sim.KPIVCSEClosures, float64(len(cut.Services))},
		{elw, 2, sim.KPIVCSEOccupancy + ".service.befriending_and_groups", 1},
		{elw, 2, sim.KPIVCSEOccupancy, 1},
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
	// vcse-cut cuts places below what is occupied: its occupancy may pass 1
	// for a while, so it is not held to 1.
	if r := replicate(t, cut, 1, 1)[0]; r.KPIByName(sim.KPIVCSEOccupancy).Max != 0 {
		t.Errorf("vcse-cut's occupancy bounded at %g, though its places are cut", r.KPIByName(sim.KPIVCSEOccupancy).Max)
	}
}
