package experiment_test

// These tests run library scenarios, so they load them with package
// scenarios; package experiment itself never imports it.

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// load returns a library scenario shortened for tests.
func load(t testing.TB, name string, horizon, warmup, reps int) *sim.Config {
	t.Helper()
	cfg, err := scenarios.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.Replications = horizon, warmup, reps
	return cfg
}

func TestSequentialReachesTarget(t *testing.T) {
	cfg := load(t, "baseline", 78, 13, 4)
	kpis := []string{"referrals", "episodes_completed", "caseload_per_fte_mean", "needs_met_share", "cost_total", "vcse_closures", "no_such_kpi"}
	const target = 0.02
	out, err := experiment.Sequential(context.Background(), cfg, experiment.PrecisionOptions{
		Target: target, KPIs: kpis, Level: 0.95, Initial: 4, Max: 200, Jobs: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	n := len(out.Results)
	if !out.Reached || n >= 200 || n <= 4 {
		t.Fatalf("reached %v after %d replications (batches %v), want the target reached after more than the first batch", out.Reached, n, out.Batches)
	}
	if out.Batches[len(out.Batches)-1] != n {
		t.Errorf("batches %v do not end at %d", out.Batches, n)
	}
	// Recompute every half-width from the replications themselves.
	for _, c := range out.Checks {
		switch c.KPI {
		case "vcse_closures", "no_such_kpi":
			if c.Skipped == "" {
				t.Errorf("%s: not skipped (mean %g)", c.KPI, c.Mean)
			}
			continue
		}
		vals := make([]float64, n)
		for i, r := range out.Results {
			if r.Replication != i {
				t.Fatalf("result %d is replication %d", i, r.Replication)
			}
			vals[i], _ = r.KPI(c.KPI)
		}
		e := experiment.Interval(vals, 0.95)
		if rel := e.HalfWidth / math.Abs(e.Mean); !(rel <= target) || !c.Met || math.Abs(rel-c.Relative) > 1e-12 {
			t.Errorf("%s: half-width %.4g is %.3f%% of the mean %.4g, want within %g%% (check %+v)", c.KPI, e.HalfWidth, 100*rel, e.Mean, 100*target, c)
		}
	}
	// Batches continue one sequence: the same as running n at once.
	direct, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: n, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(direct, out.Results) {
		t.Error("replications run in batches differ from the same replications run at once")
	}
}

func TestSequentialCap(t *testing.T) {
	cfg := load(t, "baseline", 52, 13, 3)
	out, err := experiment.Sequential(context.Background(), cfg, experiment.PrecisionOptions{
		Target: 1e-6, KPIs: []string{"referrals"}, Level: 0.95, Initial: 3, Max: 7, Jobs: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	if out.Reached || len(out.Results) != 7 || !reflect.DeepEqual(out.Batches, []int{3, 6, 7}) {
		t.Errorf("reached %v with %d replications in batches %v, want the cap of 7 (3, 6, 7)", out.Reached, len(out.Results), out.Batches)
	}
}

// TestPairedNarrowerThanUnpaired checks that common random numbers pay:
// for the main KPIs of library pairs, the paired interval of the
// difference is narrower than the unpaired (Welch) one.
//
// Pairing removes the variance the two scenarios share, so it helps where
// both respond to the same draws. It cannot help where one scenario all but
// removes a KPI's variation (a variant that empties the queue leaves the
// difference with the baseline's own spread), so the pairs chosen here keep
// the main KPIs variable in both.
func TestPairedNarrowerThanUnpaired(t *testing.T) {
	const reps = 10
	for _, tc := range []struct {
		other string
		kpis  []string
	}{
		{"vcse-investment", []string{ // holding_weeks: the extra places all but end holding
			"wait_first_contact_mean_weeks", "wait_first_contact_p90_weeks", "waiting_list_mean", "reneged",
			"episodes_completed", "needs_met_share", "people_needs_met", "vcse_waitlisted", "cost_total",
		}},
		{"extra-link-worker", []string{ // holding_weeks: a few people a year, too rare for pairing to narrow
			"wait_first_contact_mean_weeks", "wait_first_contact_p90_weeks", "waiting_list_mean", "reneged",
			"episodes_completed", "needs_met_share", "people_needs_met", "cost_total",
		}},
	} {
		base := load(t, "baseline", 104, 26, reps)
		other := load(t, tc.other, 104, 26, reps)
		cmp, err := experiment.Compare(context.Background(), []*sim.Config{base, other}, experiment.Options{Replications: reps, Jobs: 2}, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, k := range cmp.KPIs {
			for _, name := range tc.kpis {
				if k.Name != name {
					continue
				}
				found++
				p, u := k.Paired[1], k.Unpaired[1]
				if !(p.HalfWidth < u.HalfWidth) {
					t.Errorf("%s − baseline, %s: paired half-width %.4g not narrower than unpaired %.4g", tc.other, k.Name, p.HalfWidth, u.HalfWidth)
				}
				if math.Abs(p.Mean-u.Mean) > 1e-9*math.Max(1, math.Abs(p.Mean)) {
					t.Errorf("%s, %s: paired mean difference %g, unpaired %g: they estimate the same thing", tc.other, k.Name, p.Mean, u.Mean)
				}
			}
		}
		if found != len(tc.kpis) {
			t.Errorf("%s: found %d of %d KPIs", tc.other, found, len(tc.kpis))
		}
	}
}

func TestCompareNeedsOneSeed(t *testing.T) {
	a, b := load(t, "baseline", 52, 13, 2), load(t, "vcse-cut", 52, 13, 2)
	b.Run.Seed = a.Run.Seed + 1
	if _, err := experiment.Compare(context.Background(), []*sim.Config{a, b}, experiment.Options{Replications: 2}, 0.95); err == nil {
		t.Error("scenarios with different seeds compared without error")
	}
}

// TestSweepWaitFallsWithLinkWorkers: more link workers never lengthen the
// mean wait for a first contact (common random numbers keep the noise
// from breaking the order).
func TestSweepWaitFallsWithLinkWorkers(t *testing.T) {
	// From one post, whose 45 places hold only part of today's 80 on
	// caseloads: the rest start on the list.
	factors := []experiment.Factor{{Key: "workforce.link_workers", Values: []string{"1", "2", "3", "4", "5", "6"}}}
	var cfgs []*sim.Config
	for _, p := range experiment.Grid(factors) {
		cfg := load(t, "baseline", 104, 26, 8)
		if err := scenarios.Set(cfg, "initial.active", "80"); err != nil {
			t.Fatal(err)
		}
		if err := scenarios.Set(cfg, factors[0].Key, p[0]); err != nil {
			t.Fatal(err)
		}
		cfgs = append(cfgs, cfg)
	}
	sw, err := experiment.RunSweep(context.Background(), factors, cfgs, experiment.Options{Replications: 8, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	prev := math.Inf(1)
	var trace string
	for _, p := range sw.Points {
		var wait float64 = math.NaN()
		for _, s := range p.Summaries {
			if s.Name == "wait_first_contact_mean_weeks" {
				wait = s.Estimate.Mean
			}
		}
		trace += fmt.Sprintf(" %s:%.4g", p.Values[0], wait)
		if !(wait <= prev) {
			t.Errorf("mean wait rises from %.4g to %.4g at %s link workers", prev, wait, p.Values[0])
		}
		prev = wait
	}
	t.Logf("mean wait by link workers:%s", trace)
}

// TestSummariseAllAsRunAll: a study that keeps only summaries (a sweep's
// points) summarises each scenario as RunAll's results would be, to the
// bit, though no replication keeps its weekly table.
func TestSummariseAllAsRunAll(t *testing.T) {
	cfgs := []*sim.Config{load(t, "baseline", 104, 26, 3), load(t, "tiered", 104, 26, 3)}
	opt := experiment.Options{Replications: 3, Jobs: 2}
	all, err := experiment.RunAll(context.Background(), cfgs, opt)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := experiment.SummariseAll(context.Background(), cfgs, opt, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	for i := range cfgs {
		if want := experiment.Summarise(all[i], 0.95); fmt.Sprintf("%#v", sums[i]) != fmt.Sprintf("%#v", want) {
			t.Errorf("%s: summaries differ from RunAll's", cfgs[i].Name)
		}
	}
}
