package sim_test

import (
	"math"
	"slices"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestServiceColumnsAddUp: each community service's weekly places,
// occupied places and waiting list add up to the overall columns, week by
// week, through a funding cut and closures (vcse-cut) as in the baseline;
// the refusals it counts are among the overall refusals. Its occupancy is
// what a commissioner reads to see where more places would be taken up.
func TestServiceColumnsAddUp(t *testing.T) {
	for _, name := range []string{"baseline", "vcse-cut", "deprived-area"} {
		cfg := load(t, name)
		r, err := sim.Run(cfg, 0)
		if err != nil {
			t.Fatal(err)
		}
		services := sortedServices(cfg)
		for _, col := range []string{sim.ColVCSEPlacesMean, sim.ColVCSEOccupiedMean, sim.ColVCSEWaitingMean, sim.ColVCSERefused} {
			all := r.Col(col)
			if all < 0 {
				t.Fatalf("%s: no column %s", name, col)
			}
			for w, row := range r.Weekly {
				sum := 0.0
				for _, s := range services {
					i := r.Col(col + "." + sim.ServicePrefix + s)
					if i < 0 {
						t.Fatalf("%s: no column %s for service %s", name, col, s)
					}
					sum += row[i]
				}
				if col == sim.ColVCSERefused && sum > row[all] || col != sim.ColVCSERefused && math.Abs(sum-row[all]) > 1e-9*max(1, row[all]) {
					t.Fatalf("%s week %d: the services' %s add to %g, the overall column is %g", name, w, col, sum, row[all])
				}
			}
		}
		for _, s := range services {
			occ, ok := r.KPI(sim.KPIVCSEOccupancy + "." + sim.ServicePrefix + s)
			if !ok || !(occ >= 0 && occ <= 1.5) {
				t.Errorf("%s: %s's occupancy %g (%v)", name, s, occ, ok)
			}
		}
	}
}

func sortedServices(cfg *sim.Config) []string {
	var out []string
	for s := range cfg.Services {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}
