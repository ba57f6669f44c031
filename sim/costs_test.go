package sim_test

import (
	"math"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestPlacesCostMoney: 30 more places change cost_vcse by exactly the
// price of 30 places, from the start or from a timeline week.
func TestPlacesCostMoney(t *testing.T) {
	const svc, extra = "wellbeing_groups", 30
	base := load(t, "baseline")
	grant := base.Services[svc].GrantPerPlaceYear
	more := load(t, "baseline")
	more.Services[svc].Places += extra
	later := load(t, "baseline")
	places := later.Services[svc].Places + extra
	later.Timeline = append(later.Timeline, sim.Change{Week: 1, Services: map[string]*sim.ServiceChange{svc: {Places: &places}}})
	cost := func(cfg *sim.Config) float64 {
		r, err := sim.Run(cfg, 0)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := r.KPI(sim.KPICostVCSE)
		return v
	}
	c0 := cost(base)
	for name, cfg := range map[string]*sim.Config{"places": more, "timeline": later} {
		if d := cost(cfg) - c0; math.Abs(d-extra*grant) > 0.01 {
			t.Errorf("%s: 30 more places changed cost_vcse by £%.2f, want 30 × £%.0f = £%.0f", name, d, grant, extra*grant)
		}
	}
}
