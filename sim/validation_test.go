package sim_test

import (
	"bytes"
	"context"
	"math"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/sim/queueing"
)

func load(t testing.TB, name string) *sim.Config {
	t.Helper()
	cfg, err := scenarios.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func replicate(t testing.TB, cfg *sim.Config, reps, jobs int) []*sim.Result {
	t.Helper()
	rs, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: reps, Jobs: jobs})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func kpi(t testing.TB, rs []*sim.Result, name string) []float64 {
	t.Helper()
	xs := make([]float64, len(rs))
	for i, r := range rs {
		v, ok := r.KPI(name)
		if !ok {
			t.Fatalf("no KPI %q", name)
		}
		xs[i] = v
	}
	return xs
}

// within checks that theory lies in the replications' 95% interval.
func within(t *testing.T, what string, xs []float64, theory float64) {
	t.Helper()
	e := experiment.Interval(xs, 0.95)
	t.Logf("%-34s theory %8.4f  simulated %8.4f  95%% CI [%.4f, %.4f]", what, theory, e.Mean, e.Low, e.High)
	if !e.Contains(theory) {
		t.Errorf("%s: theory %.4f outside the 95%% interval [%.4f, %.4f]", what, theory, e.Low, e.High)
	}
}

func TestErlangC(t *testing.T) {
	cfg := load(t, "mmc")
	q := queueing.MMc{Lambda: cfg.Demand.ReferralsPerWeek, Mu: 1, C: cfg.Workforce.LinkWorkers}
	rs := replicate(t, cfg, cfg.Run.Replications, 2)
	within(t, "mean wait for first contact (weeks)", kpi(t, rs, "wait_first_contact_mean_weeks"), q.MeanWait())
	within(t, "link-worker utilisation", kpi(t, rs, "lw_utilisation"), q.Utilisation())
	within(t, "mean waiting list", kpi(t, rs, "waiting_list_mean"), q.MeanQueueLength())
	within(t, "90th percentile wait (weeks)", kpi(t, rs, "wait_first_contact_p90_weeks"), q.WaitQuantile(0.9))
}

func TestErlangA(t *testing.T) {
	cfg := load(t, "erlang-a")
	q := queueing.ErlangA{Lambda: cfg.Demand.ReferralsPerWeek, Mu: 1, Theta: 0.5, C: cfg.Workforce.LinkWorkers}
	want := q.Solve()
	rs := replicate(t, cfg, cfg.Run.Replications, 2)
	within(t, "share who give up waiting", kpi(t, rs, "reneged_share"), want.ProbAbandon)
	within(t, "mean time on the list, all (weeks)", kpi(t, rs, "wait_list_time_mean_weeks"), want.MeanWait)
	within(t, "mean wait of those seen (weeks)", kpi(t, rs, "wait_first_contact_mean_weeks"), want.MeanWaitServed)
	within(t, "link-worker utilisation", kpi(t, rs, "lw_utilisation"), want.Utilisation)
}

// TestLittlesLaw checks L = λW on the waiting list and on caseloads of the
// baseline, replication by replication: the relative gap's 95% interval
// must contain zero or lie within ±2% (edge effects of a finite window).
func TestLittlesLaw(t *testing.T) {
	cfg := load(t, "baseline")
	rs := replicate(t, cfg, 10, 2)
	for _, c := range []struct{ name, level, entries, exits, sojourn string }{
		{"waiting list", "waiting_list_mean", "list_joins", "list_exits", "list_sojourn_sum"},
		{"caseload", "caseload_mean", "caseload_entries", "caseload_exits", "caseload_sojourn_sum"},
	} {
		gaps := make([]float64, len(rs))
		for i, r := range rs {
			var L, in, out, soj float64
			for _, row := range r.Weekly[cfg.Run.WarmupWeeks:] {
				L += row[r.Col(c.level)]
				in += row[r.Col(c.entries)]
				out += row[r.Col(c.exits)]
				soj += row[r.Col(c.sojourn)]
			}
			weeks := float64(len(r.Weekly) - cfg.Run.WarmupWeeks)
			L /= weeks
			lambdaW := in / weeks * soj / out
			gaps[i] = (L - lambdaW) / L
		}
		e := experiment.Interval(gaps, 0.95)
		t.Logf("%s: (L - λW)/L = %.4f, 95%% CI [%.4f, %.4f]", c.name, e.Mean, e.Low, e.High)
		if !e.Contains(0) && math.Max(math.Abs(e.Low), math.Abs(e.High)) > 0.02 {
			t.Errorf("%s: Little's law gap %.4f [%.4f, %.4f]", c.name, e.Mean, e.Low, e.High)
		}
	}
}

// TestLibraryScenariosRunClean runs every built-in scenario; each run checks
// conservation and its other invariants at the end.
func TestLibraryScenariosRunClean(t *testing.T) {
	for _, info := range scenarios.List() {
		t.Run(info.Name, func(t *testing.T) {
			cfg := load(t, info.Name)
			if cfg.Areas.Count > 20 {
				cfg.Areas.Count = 20 // the areas are alike: 20 show the mechanics; england's speed has a benchmark
			}
			replicate(t, cfg, 3, 2)
		})
	}
}

func TestSameSeedSameBytesWhateverTheJobs(t *testing.T) {
	cfg := load(t, "baseline")
	var outs [][]byte
	for _, jobs := range []int{1, 2, 2} {
		rs := replicate(t, cfg, 6, jobs)
		var b bytes.Buffer
		if err := output.WriteWeekly(&b, rs); err != nil {
			t.Fatal(err)
		}
		if err := output.WriteSummaryCSV(&b, experiment.Summarise(rs, 0.95)); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.Bytes())
	}
	for i := 1; i < len(outs); i++ {
		if !bytes.Equal(outs[0], outs[i]) {
			t.Fatalf("run %d differs from run 0", i)
		}
	}
	cfg.Run.Seed++
	rs := replicate(t, cfg, 6, 2)
	var b bytes.Buffer
	output.WriteWeekly(&b, rs)
	if bytes.HasPrefix(outs[0], b.Bytes()) {
		t.Fatal("a different seed gave the same output")
	}
}
