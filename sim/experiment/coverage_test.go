package experiment_test

import (
	"context"
	"math"
	"testing"

	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/sim/queueing"
)

// TestBoundedIntervalCoverage checks the range-respecting interval against
// Erlang C on an M/M/c queue lightly enough loaded (λ 9, c 12, ρ 0.75) that
// the mean wait and waiting list are near 0: with 5 short replications the
// plain Student-t interval often reaches below 0. Over many independent
// experiments (disjoint replication numbers), the transformed interval must
// never leave the possible range, must cover the analytic value at least
// as often as the plain one, and must cover it in at least 95% of
// experiments, less three binomial standard errors.
func TestBoundedIntervalCoverage(t *testing.T) {
	const lambda, servers, reps, experiments = 9.0, 12, 5, 200
	cfg := load(t, "mmc", 104, 26, reps)
	cfg.Demand.ReferralsPerWeek, cfg.Workforce.LinkWorkers = lambda, servers
	q := queueing.MMc{Lambda: lambda, Mu: 1, C: servers}
	cases := []struct {
		kpi   string
		truth float64
		r     experiment.Range
	}{
		{"wait_first_contact_mean_weeks", q.MeanWait(), experiment.NonNegative},
		{"waiting_list_mean", q.MeanQueueLength(), experiment.NonNegative},
		{"lw_utilisation", q.Utilisation(), experiment.UnitShare},
	}
	plain, bounded, crossed := make([]int, len(cases)), make([]int, len(cases)), make([]int, len(cases))
	for m := range experiments {
		rs, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: reps, First: m * reps, Jobs: 2})
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range cases {
			xs := make([]float64, reps)
			for j, r := range rs {
				xs[j], _ = r.KPI(c.kpi)
			}
			p, b := experiment.Interval(xs, 0.95), experiment.IntervalIn(xs, 0.95, c.r)
			if !c.r.Contains(b.Low) || !c.r.Contains(b.High) || b.Low > b.Mean || b.High < b.Mean {
				t.Fatalf("%s: interval [%g, %g] around %g leaves %v", c.kpi, b.Low, b.High, b.Mean, c.r)
			}
			if !c.r.Contains(p.Low) || !c.r.Contains(p.High) {
				crossed[i]++
			}
			if p.Contains(c.truth) {
				plain[i]++
			}
			if b.Contains(c.truth) {
				bounded[i]++
			}
		}
	}
	floor := 0.95 - 3*math.Sqrt(0.95*0.05/experiments)
	for i, c := range cases {
		pc, bc := float64(plain[i])/experiments, float64(bounded[i])/experiments
		t.Logf("%-30s Erlang C %.4f: coverage plain t %.3f (outside the range in %d of %d), within the range %.3f",
			c.kpi, c.truth, pc, crossed[i], experiments, bc)
		if bc < floor {
			t.Errorf("%s: coverage %.3f, want at least %.3f", c.kpi, bc, floor)
		}
		if bc < pc {
			t.Errorf("%s: coverage %.3f below the plain interval's %.3f", c.kpi, bc, pc)
		}
	}
	if crossed[0] == 0 {
		t.Error("the plain interval never left the range: the case does not test the edge")
	}
}
