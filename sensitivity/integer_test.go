package sensitivity_test

import (
	"context"
	"math"
	"testing"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sensitivity"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestMorrisWholeNumberInputStep: an elementary effect is the change in
// the KPI per whole range of the input, so for a whole-number input it is
// divided by the step the rounded values actually take, not by the
// design's Δ. With link_workers=3..4, every step of the design rounds to
// 3 → 4 (the whole range), so μ* must equal the paired change in needs met
// from 3 to 4 posts on the same random numbers; dividing by Δ = 2/3 made
// it half as large again.
func TestMorrisWholeNumberInputStep(t *testing.T) {
	sets := []string{"run.horizon_weeks=104", "run.warmup_weeks=26"}
	r, err := sensitivity.Run(context.Background(), sensitivity.Spec{
		Ref: "baseline", Vary: []string{"workforce.link_workers=3..4"}, Sets: sets,
		KPIs: []string{sim.KPINeedsMet}, Reps: 2, Trajectories: 3, Boot: 50, Jobs: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	mean := func(posts string) float64 {
		c, _, err := scenarios.LoadWithSets("baseline", nil, append(append([]string(nil), sets...), "workforce.link_workers="+posts))
		if err != nil {
			t.Fatal(err)
		}
		rs, err := experiment.Replicate(context.Background(), c, experiment.Options{Replications: 2, Jobs: 2})
		if err != nil {
			t.Fatal(err)
		}
		s := 0.0
		for _, res := range rs {
			v, _ := res.KPI(sim.KPINeedsMet)
			s += v
		}
		return s / float64(len(rs))
	}
	want := math.Abs(mean("4") - mean("3"))
	got := r.Morris[0][0].MuStar.Value
	if want == 0 || math.Abs(got-want) > 1e-9*want {
		t.Errorf("μ* of link_workers=3..4 on needs met = %g, want the change from 3 to 4 posts, %g (ratio %.3f)", got, want, got/want)
	}
}

// TestMorrisWholeNumberRangeTooNarrow: a whole-number input whose range is
// so narrow that a step of the design rounds to no change at all has no
// elementary effect there; it is refused before any run, not reported as
// an effect of 0.
func TestMorrisWholeNumberRangeTooNarrow(t *testing.T) {
	_, err := sensitivity.Plan(sensitivity.Spec{
		Ref: "baseline", Vary: []string{"workforce.link_workers=3.2..4.2"},
		Sets: []string{"run.horizon_weeks=52", "run.warmup_weeks=13"}, KPIs: []string{sim.KPINeedsMet},
		Reps: 2, Trajectories: 3, Boot: 50, Jobs: 1,
	})
	if err == nil {
		t.Fatal("link_workers=3.2..4.2 (3, 4, 4, 4 at the design's four levels) accepted: a step from 4 to 4 has no effect to measure")
	}
	t.Log(err)
}
