package optimise_test

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/spsim/spsim/optimise"
	"github.com/spsim/spsim/sim/queueing"
)

// normals is an Evaluate of candidates whose KPI in replication j is
// means[i] + a noise common to every candidate in that replication (common
// random numbers) + a noise of its own, sd 1; the second column is the
// cost. Candidates with the same twin value share their own noise too: the
// same outcome, replication by replication.
func normals(seed uint64, means, costs []float64, twin []int) optimise.Evaluate {
	return func(_ context.Context, i, first, n int) ([][]float64, error) {
		rows := make([][]float64, n)
		for j := range rows {
			rep := uint64(first + j)
			common := rand.New(rand.NewPCG(seed, rep)).NormFloat64() * 3
			own := rand.New(rand.NewPCG(seed+1+uint64(twin[i]), rep)).NormFloat64()
			rows[j] = []float64{means[i] + common + own, costs[i]}
		}
		return rows, nil
	}
}

func selectOf(t *testing.T, seed uint64, means, costs []float64, twin []int, obj optimise.Objective, opt optimise.Options) *optimise.Result {
	t.Helper()
	cands := make([]optimise.Candidate, len(means))
	for i := range cands {
		cands[i] = optimise.Candidate{Levers: []string{string(rune('a' + i))}, Cost: costs[i]}
	}
	r, err := optimise.Select(context.Background(), cands, obj, []string{obj.KPI, "cost_total"}, normals(seed, means, costs, twin), opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// TestSelectKnownBest: of five candidates 1 apart, the highest mean is
// chosen when maximising, the lowest when minimising, and the best within
// the budget when the budget leaves the best out; the runner-up is the next.
func TestSelectKnownBest(t *testing.T) {
	means := []float64{10, 11, 12, 13, 14}
	costs := []float64{100, 200, 300, 400, 500}
	for _, c := range []struct {
		name          string
		maximise      bool
		budget        float64
		plan, runner  int
		leadPositive  bool
		eliminatedMin int
	}{
		{"maximise", true, 0, 4, 3, true, 4},
		{"minimise", false, 0, 0, 1, false, 4},
		{"maximise within a budget", true, 450, 3, 2, true, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			obj := optimise.Objective{KPI: "needs_met", Maximise: c.maximise, Tolerance: 0.5}
			r := selectOf(t, 7, means, costs, seq(5), obj, optimise.Options{Confidence: 0.95, Budget: c.budget})
			if r.Plan != c.plan || r.RunnerUp != c.runner {
				t.Fatalf("plan %d, runner-up %d; want %d and %d", r.Plan, r.RunnerUp, c.plan, c.runner)
			}
			eliminated := 0
			for _, ch := range r.Checked {
				switch {
				case ch.Index == c.plan && ch.Decision != optimise.Chosen:
					t.Errorf("the plan is %s, want chosen", ch.Decision)
				case ch.Decision == optimise.Eliminated:
					eliminated++
				}
			}
			if eliminated != c.eliminatedMin {
				t.Errorf("%d eliminated, want %d", eliminated, c.eliminatedMin)
			}
			if r.Lead == nil || (r.Lead.Mean > 0) != c.leadPositive || r.Lead.Low*r.Lead.High <= 0 {
				t.Errorf("plan minus runner-up %+v: want a clear difference of sign %v", r.Lead, c.leadPositive)
			}
		})
	}
}

// TestSelectIdenticalTakesTheCheaper: two candidates with the same outcome
// in every replication cannot be told apart by more replications; the
// cheaper is chosen after the first batch.
func TestSelectIdenticalTakesTheCheaper(t *testing.T) {
	r := selectOf(t, 3, []float64{12, 12, 5}, []float64{300, 200, 100}, []int{0, 0, 1},
		optimise.Objective{KPI: "needs_met", Maximise: true, Tolerance: 0.5}, optimise.Options{Confidence: 0.95})
	if r.Plan != 1 {
		t.Fatalf("plan %d, want the cheaper twin, 1", r.Plan)
	}
	for _, ch := range r.Checked {
		if ch.Used != 10 {
			t.Errorf("candidate %d used %d replications, want the first batch of 10", ch.Index, ch.Used)
		}
	}
}

// TestSelectCorrectRate: with the best exactly δ better than three others
// (the least favourable case of the indifference zone), the best is
// chosen at least as often as the confidence promises. The test fails only
// if the count is below what a 90% procedure gives with probability 0.001.
func TestSelectCorrectRate(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 50
	}
	means, costs := []float64{0, 0, 0, 1}, []float64{1, 2, 3, 4}
	right, spent := 0, 0
	for seed := range uint64(n) {
		r := selectOf(t, 1000+seed, means, costs, seq(4), optimise.Objective{KPI: "needs_met", Maximise: true, Tolerance: 1},
			optimise.Options{Confidence: 0.9, N0: 10})
		if r.Plan == 3 {
			right++
		}
		spent += r.Spent()
	}
	b := distuv.Binomial{N: float64(n), P: 0.9}
	t.Logf("the best chosen %d times of %d; %.0f replications a selection", right, n, float64(spent)/float64(n))
	if b.CDF(float64(right)) < 0.001 {
		t.Errorf("the best chosen %d times of %d; a 90%% procedure would choose it more often with probability 0.999", right, n)
	}
}

// TestSelectBatchDoesNotChangeTheChoice: eliminations read replications
// one at a time in order, so the batch size changes only how many run.
func TestSelectBatchDoesNotChangeTheChoice(t *testing.T) {
	means, costs := []float64{10, 10.4, 10.8, 11.2}, []float64{1, 2, 3, 4}
	obj := optimise.Objective{KPI: "needs_met", Maximise: true, Tolerance: 0.3}
	a := selectOf(t, 11, means, costs, seq(4), obj, optimise.Options{Confidence: 0.95, Batch: 1})
	b := selectOf(t, 11, means, costs, seq(4), obj, optimise.Options{Confidence: 0.95, Batch: 7})
	used := func(r *optimise.Result) (u []int) {
		for _, c := range r.Checked {
			u = append(u, c.Used)
		}
		return u
	}
	if a.Plan != b.Plan || !reflect.DeepEqual(used(a), used(b)) {
		t.Errorf("batch 1: plan %d, used %v; batch 7: plan %d, used %v", a.Plan, used(a), b.Plan, used(b))
	}
}

// TestSelectErlangC: of 10 to 14 servers for the M/M/c queue, the lowest
// mean wait within a budget is the most servers the budget buys, since
// Erlang C's wait falls with every server; the runner-up is one fewer.
func TestSelectErlangC(t *testing.T) {
	seed := uint64(5)
	p, err := optimise.Plan(optimise.Spec{
		Ref:      "mmc",
		Levers:   []string{"workforce.link_workers=10..14"},
		Minimise: "wait_first_contact_mean_weeks±0.02",
		Sets:     []string{"run.horizon_weeks=520", "run.warmup_weeks=52", "costs.salary_per_fte_year=1000", "costs.on_cost_share=0"},
		Seed:     &seed,
		Jobs:     2,
		Options:  optimise.Options{Confidence: 0.95, Budget: 13000},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Solve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Configs[r.Plan].Workforce.LinkWorkers; got != 13 {
		t.Fatalf("plan of %d servers, want 13 (the most within £13,000)", got)
	}
	if r.RunnerUp < 0 || p.Configs[r.RunnerUp].Workforce.LinkWorkers != 12 {
		t.Errorf("runner-up %s, want 12 servers", p.Label(r.RunnerUp))
	}
	if len(r.OverBudget) != 1 {
		t.Errorf("%d candidates over budget, want 1 (14 servers)", len(r.OverBudget))
	}
	// The order the budget picks from is Erlang C's.
	wait := func(c int) float64 { return queueing.MMc{Lambda: 9, Mu: 1, C: c}.MeanWait() }
	for c := 10; c < 13; c++ {
		if wait(c+1) >= wait(c) {
			t.Fatalf("Erlang C's wait does not fall from %d to %d servers: a poor case", c, c+1)
		}
	}
	s := strings.Join(p.Sentences(r), " ")
	for _, want := range []string{"Of the 4 combinations costing at most £13,000 a year", "has the lowest wait to first contact, mean", "The runner-up is link-worker posts 12", "higher by"} {
		if !strings.Contains(s, want) {
			t.Errorf("sentences %q lack %q", s, want)
		}
	}
}

func TestSelectRefusals(t *testing.T) {
	for _, c := range []struct {
		spec optimise.Spec
		want string
	}{
		{optimise.Spec{Maximise: "wait_first_contact_mean_weeks"}, "lower is better for wait to first contact, mean; use --minimise"},
		{optimise.Spec{Minimise: "needs_met"}, "higher is better for needs met; use --maximise"},
		{optimise.Spec{Maximise: "needs_met", Minimise: "reneged"}, "choose one KPI"},
		{optimise.Spec{Maximise: "needs_met", Targets: []string{"reneged<=10"}}, "not both"},
		{optimise.Spec{Maximise: "needs_met±0"}, "the tolerance must be a positive number"},
		{optimise.Spec{Maximise: "no_such_kpi"}, `--maximise no_such_kpi: no such KPI`},
		{optimise.Spec{}, "or a KPI to make best within a --budget"},
	} {
		c.spec.Ref, c.spec.Levers = "baseline", []string{"workforce.link_workers=3..4"}
		_, err := optimise.Plan(c.spec)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.spec, err, c.want)
		}
	}
}

// TestSelectUndefinedIsNeverBest: a candidate whose KPI is undefined (no
// one seen, say) is dropped at once, and is not the plan.
func TestSelectUndefinedIsNeverBest(t *testing.T) {
	eval := func(_ context.Context, i, first, n int) ([][]float64, error) {
		rows := make([][]float64, n)
		for j := range rows {
			v := float64(i) + 0.1*float64(first+j%3)
			if i == 2 {
				v = math.NaN()
			}
			rows[j] = []float64{v, 0}
		}
		return rows, nil
	}
	cands := []optimise.Candidate{{Levers: []string{"a"}}, {Levers: []string{"b"}}, {Levers: []string{"c"}}}
	r, err := optimise.Select(context.Background(), cands, optimise.Objective{KPI: "needs_met", Maximise: true}, []string{"needs_met", "cost_total"}, eval, optimise.Options{Confidence: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	if r.Plan != 1 || r.Checked[2].Decision != optimise.Eliminated {
		t.Errorf("plan %d, the undefined candidate %s; want plan 1 and it eliminated", r.Plan, r.Checked[2].Decision)
	}
}

// TestSelectionReportFacts: the report's facts name the error split over
// the pairs as people write it, 5%, not 5.000000000000004%.
func TestSelectionReportFacts(t *testing.T) {
	p, err := optimise.Plan(optimise.Spec{Ref: "mmc", Levers: []string{"workforce.link_workers=12..13"}, Minimise: "wait_first_contact_mean_weeks±0.02",
		Sets: []string{"run.horizon_weeks=260", "run.warmup_weeks=26"}, Jobs: 2, Options: optimise.Options{Confidence: 0.95}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Solve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := p.Write(dir, r, "test", 0, false); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, "(5% split over the others)") || strings.Contains(s, "5.0000") {
		t.Errorf("the report's facts do not say 5%% plainly")
	}
}

// TestSelectWeighsACheaperRunnerUp: 16 servers wait detectably less than
// 15 for the M/M/c queue, but by minutes, well within a tolerance of 0.05
// weeks; the answer says that the cheaper does as well for that purpose.
func TestSelectWeighsACheaperRunnerUp(t *testing.T) {
	seed := uint64(5)
	p, err := optimise.Plan(optimise.Spec{
		Ref:      "mmc",
		Levers:   []string{"workforce.link_workers=15..16"},
		Minimise: "wait_first_contact_mean_weeks±0.05",
		Sets:     []string{"run.horizon_weeks=156", "run.warmup_weeks=52", "costs.salary_per_fte_year=1000", "costs.on_cost_share=0"},
		Seed:     &seed,
		Jobs:     2,
		Options:  optimise.Options{Confidence: 0.95},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Solve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Configs[r.Plan].Workforce.LinkWorkers; got != 16 {
		t.Fatalf("plan of %d servers, want 16", got)
	}
	s := strings.Join(p.Sentences(r), " ")
	if want := "The whole interval lies within the tolerance of 0.05 weeks: if a difference that small does not matter, the runner-up does as well for £1,000 a year less."; !strings.Contains(s, want) {
		t.Errorf("sentences %q lack %q", s, want)
	}
}
