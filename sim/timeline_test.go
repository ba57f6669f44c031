package sim_test

import (
	"math"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestTimelineOutOfOrder: a step written after a later one still happens.
// Before, a week-150 step followed by a week-100 step skipped the week-100
// cut.
func TestTimelineOutOfOrder(t *testing.T) {
	cfg := load(t, "baseline")
	five, one := 5, 1
	cfg.Timeline = []sim.Change{{Week: 150, LinkWorkers: &five}, {Week: 100, LinkWorkers: &one}}
	r, err := sim.Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	posts := r.Col(sim.ColPostsFunded)
	for _, c := range []struct{ week, want int }{{99, 3}, {100, 1}, {149, 1}, {150, 5}} {
		if got := r.Weekly[c.week][posts]; got != float64(c.want) {
			t.Errorf("week %d: %v posts funded, want %d", c.week, got, c.want)
		}
	}
}

func TestCheckFinite(t *testing.T) {
	ok := &sim.Result{Columns: []sim.Column{{Name: "a"}}, Weekly: [][]float64{{1}}, KPIs: []sim.KPI{{Name: "k", Value: math.NaN()}}}
	if err := ok.CheckFinite(); err != nil {
		t.Errorf("NaN KPI (nothing to divide by) refused: %v", err)
	}
	huge := &sim.Result{Columns: []sim.Column{{Name: "a"}}, Weekly: [][]float64{{math.MaxFloat64}, {math.MaxFloat64}, {-math.MaxFloat64}}}
	if err := huge.CheckFinite(); err != nil {
		t.Errorf("huge finite values refused: %v", err)
	}
	for name, r := range map[string]*sim.Result{
		"weekly inf":  {Columns: []sim.Column{{Name: "a"}}, Weekly: [][]float64{{math.Inf(1)}}},
		"weekly nan":  {Columns: []sim.Column{{Name: "a"}}, Weekly: [][]float64{{1}, {math.NaN()}}},
		"weekly -inf": {Columns: []sim.Column{{Name: "a"}, {Name: "b"}}, Weekly: [][]float64{{1, 2}, {3, math.Inf(-1)}}},
		"kpi inf":     {KPIs: []sim.KPI{{Name: "cost_total", Value: math.Inf(1)}}},
		"area inf":    {Areas: []sim.AreaResult{sim.NewAreaResult("x", []sim.KPI{{Name: "k", Value: math.Inf(-1)}})}},
	} {
		if err := r.CheckFinite(); err == nil {
			t.Errorf("%s: passed the self-check", name)
		}
	}
}

// TestStepsOfOneWeekAreOneChange: a child's step at its parent's week
// replaces the parent's value: cutting a post and restoring it in the same
// week is no change at all, not a cut followed by a vacancy to recruit.
func TestStepsOfOneWeekAreOneChange(t *testing.T) {
	plain := load(t, "baseline")
	want, err := sim.Run(plain, 0)
	if err != nil {
		t.Fatal(err)
	}
	cfg := load(t, "baseline")
	two, three := 2, 3
	cfg.Timeline = []sim.Change{{Week: 104, LinkWorkers: &two, Note: "cut"}, {Week: 104, LinkWorkers: &three, Note: "restored"}}
	got, err := sim.Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{sim.KPILeavers, sim.KPIWaitMean, sim.KPINeedsMet} {
		g, _ := got.KPI(k)
		w, _ := want.KPI(k)
		if g != w {
			t.Errorf("%s: %g with the cut and its undoing in one week, %g without either", k, g, w)
		}
	}
}
