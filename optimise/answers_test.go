package optimise_test

import (
	"context"
	"strings"
	"testing"

	"github.com/spsim/spsim/optimise"
)

// TestNoPlanSaysWhatWasLeftUncertain: when no combination is shown to meet
// the target but some were left uncertain at the replications' limit, the
// answer must not say that none meets it (the best may be well inside the
// target); it says which were left uncertain and that more replications
// would decide. When every one is shown to miss, it says none meets it.
func TestNoPlanSaysWhatWasLeftUncertain(t *testing.T) {
	for _, c := range []struct {
		name      string
		means     []float64
		tol       float64
		maxReps   int
		want, not []string
	}{
		{"every one uncertain, the best well inside the target", []float64{5, 2}, 0.01, 12,
			[]string{"no plan was shown to meet the target within 12 replications each: 1 combination was left uncertain at that limit ((b)), its mean meeting the target", "more replications would decide", "the best reaches"},
			[]string{"meets the target;", "(a)"}},
		{"one missed, one uncertain", []float64{2000, 2}, 0.01, 12,
			[]string{"no plan was shown to meet the target within 12 replications each", "(b)"},
			[]string{"meets the target;", "(a"}},
		{"every one uncertain, every mean missing the target", []float64{50, 60}, 0.01, 12,
			[]string{"no plan within these levers meets the target; the best reaches", "(2 combinations were left uncertain at the limit of 12 replications each, (a); (b), their means missing the target)"},
			[]string{"shown to meet"}},
		{"every one shown to miss", []float64{50, 60}, 1, 500,
			[]string{"no plan within these levers meets the target; the best reaches"},
			[]string{"uncertain"}},
	} {
		cands := []optimise.Candidate{{Levers: []string{"a"}, Cost: 1}, {Levers: []string{"b"}, Cost: 2}}
		tg := optimise.Target{KPI: "wait_first_contact_p90_weeks", AtMost: true, Value: 4, Tolerance: c.tol}
		r, err := optimise.Search(context.Background(), cands, []optimise.Target{tg}, []string{tg.KPI, "cost_total"},
			normals(1, c.means, []float64{1, 2}, []int{0, 1}), optimise.Options{Confidence: 0.95, N0: 5, MaxReps: c.maxReps})
		if err != nil {
			t.Fatal(err)
		}
		if r.Plan >= 0 {
			t.Fatalf("%s: a plan", c.name)
		}
		msg := r.NoPlan(func(i int) string { return "(" + cands[i].Levers[0] + ")" })
		hasAndLacks(t, c.name, msg, c.want, c.not)
	}
}

// TestSelectLeversThatChangeNothing: when every combination gives the same
// value of the objective in every replication, the answer leads with that
// (none can be told from another; the levers reach nothing it measures),
// not "X has the highest ..." with advice to widen a range that changes
// nothing; a lever that matters is answered as before.
func TestSelectLeversThatChangeNothing(t *testing.T) {
	short := []string{"run.horizon_weeks=60", "run.warmup_weeks=10"}
	for _, c := range []struct {
		name      string
		levers    []string
		want, not []string
	}{
		{"a value of GP time, for needs met", []string{"costs.gp_appointment_value=40,45,50"},
			[]string{"none can be told from another: every one gives the same needs met", "in every replication", "Every one costing the same, the first, gp_appointment_value=40"},
			[]string{"has the highest needs met", "an end of the range", "The runner-up"}},
		{"a value of GP time beside places that are never short", []string{"costs.gp_appointment_value=40,45", "services.wellbeing_groups.places=200,205"},
			[]string{"none can be told from another", "The cheapest, gp_appointment_value=40"},
			[]string{"has the highest needs met"}},
		{"posts", []string{"workforce.link_workers=3..4"},
			[]string{"has the highest needs met"},
			[]string{"none can be told from another"}},
	} {
		got := answer(t, optimise.Spec{Ref: "baseline", Levers: c.levers, Maximise: "needs_met", Sets: short,
			Options: optimise.Options{Budget: 400000}}, func(o *optimise.Options) { o.N0, o.MaxReps = 5, 20 })
		hasAndLacks(t, c.name, got, c.want, c.not)
	}
}

// TestSelectNamesACheaperOneItCannotTellApart: KN's procedure may take
// the dearest of candidates all within the tolerance of one another (it
// promises only one within δ of the best); the answer must name the
// cheapest that does as well within the tolerance, or that the
// replications cannot tell from the plan, not only the runner-up.
func TestSelectNamesACheaperOneItCannotTellApart(t *testing.T) {
	for _, c := range []struct {
		name      string
		means     []float64
		tol       float64
		want, not []string
	}{
		{"three within the tolerance", []float64{10, 10.5, 11}, 3,
			[]string{"Cheaper still, x=a, costing £200 a year less than the plan", "as well for £200 a year less"}, nil},
		{"the cheapest detectably worse by more than the tolerance", []float64{0, 10.5, 11}, 3,
			nil, []string{"Cheaper still"}},
	} {
		obj := optimise.Objective{KPI: "needs_met", Maximise: true, Tolerance: c.tol}
		costs := []float64{100, 200, 300}
		r := selectOf(t, 7, c.means, costs, seq(3), obj, optimise.Options{Confidence: 0.95})
		if r.Plan != 2 {
			t.Fatalf("%s: plan %d; the test wants the dearest chosen", c.name, r.Plan)
		}
		p := &optimise.Problem{Levers: []optimise.Lever{{Key: "x", Values: []string{"a", "b", "c"}}}, Objective: &obj, Cands: r.Candidates}
		got := strings.Join(p.Sentences(r), " ")
		hasAndLacks(t, c.name, got, c.want, c.not)
	}
}

// TestBudgetWrittenAsGiven: a budget in pounds and pence is not rounded
// up in the answer to the cost of a plan it leaves out ("costing at most
// £259,736" beside a plan costing £259,736 left out by a budget of
// £259,735.50).
func TestBudgetWrittenAsGiven(t *testing.T) {
	short := []string{"run.horizon_weeks=30", "run.warmup_weeks=4"}
	for _, c := range []struct {
		budget    float64
		want, not string
	}{
		{259735.5, "Only one combination costs at most £259,735.50 a year, so there is nothing to choose between: link-worker posts 2", "£259,736 a year"},
		{213143.5, "No plan within the budget of £213,143.50 a year: the cheapest of the 2 combinations costs £213,144", "budget of £213,144"},
		{259736, "Of the 2 combinations costing at most £259,736 a year", ".00"},
	} {
		got := answer(t, optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=2..3"}, Maximise: "needs_met", Sets: short,
			Options: optimise.Options{Budget: c.budget}}, func(o *optimise.Options) { o.N0, o.MaxReps = 3, 3 })
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("budget %v: %q; want %q and not %q", c.budget, got, c.want, c.not)
		}
	}
}

// TestSelectOfOne: one combination within the budget, or one searched, is
// no choice, and the answer does not say it "has the highest" of one.
func TestSelectOfOne(t *testing.T) {
	short := []string{"run.horizon_weeks=30", "run.warmup_weeks=4"}
	for _, c := range []struct {
		levers []string
		budget float64
		want   string
	}{
		{[]string{"workforce.link_workers=2..3"}, 259735.5, "Only one combination costs at most £259,735.50 a year, so there is nothing to choose between: link-worker posts 2, costing £213,144 a year as funded, gives needs met "},
		{[]string{"workforce.link_workers=3"}, 0, "Only one combination was searched, so there is nothing to choose between: link-worker posts 3"},
		{[]string{"workforce.link_workers=2..3"}, 0, "link-worker posts 3 has the highest needs met"},
	} {
		got := answer(t, optimise.Spec{Ref: "baseline", Levers: c.levers, Maximise: "needs_met", Sets: short,
			Options: optimise.Options{Budget: c.budget}}, func(o *optimise.Options) { o.N0, o.MaxReps = 3, 3 })
		if !strings.Contains(got, c.want) || strings.Contains(got, "Of the 1 combination") {
			t.Errorf("%v within %v: %q; want %q", c.levers, c.budget, got, c.want)
		}
	}
}

// TestTargetOfOne: a plan found among one combination is not called the
// cheapest, nor said to be the only one shown to meet the target, as if
// others had been weighed.
func TestTargetOfOne(t *testing.T) {
	for _, c := range []struct {
		lever, want, not string
	}{
		{"workforce.link_workers=4", "Only one combination was searched, and it meets the target on wait to first contact, mean (at most 8 weeks) at 95% confidence: link-worker posts 4", "No other combination"},
		{"workforce.link_workers=4..5", "The cheapest plan meeting the target", "Only one combination"},
	} {
		got := answer(t, optimise.Spec{Ref: "baseline", Levers: []string{c.lever}, Targets: []string{"wait_first_contact_mean_weeks<=8"},
			Sets: []string{"run.horizon_weeks=30", "run.warmup_weeks=4"}}, func(o *optimise.Options) { o.N0, o.MaxReps = 3, 20 })
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%s: %q; want %q, not %q", c.lever, got, c.want, c.not)
		}
	}
}

// TestSelectSaysWhichHadNoDefinedValue: a combination whose objective is
// undefined in its replications (nothing it measures happened) is never
// the best, and the answer says it was left out, rather than that the
// other "has the highest" as if the two had been weighed.
func TestSelectSaysWhichHadNoDefinedValue(t *testing.T) {
	sets := []string{"run.horizon_weeks=10", "run.warmup_weeks=2", "initial.waiting=0", "initial.active=0"}
	for _, c := range []struct {
		lever     string
		want, not string
	}{
		{"demand.referrals_per_week=0.01,5", "Referrals a week 0.01 has no defined share of needs met", ""},
		{"demand.referrals_per_week=4,5", "has the highest share of needs met", "no defined"},
	} {
		got := answer(t, optimise.Spec{Ref: "baseline", Levers: []string{c.lever}, Maximise: "needs_met_share", Sets: sets},
			func(o *optimise.Options) { o.N0, o.MaxReps = 3, 3 })
		if !strings.Contains(got, c.want) || c.not != "" && strings.Contains(got, c.not) {
			t.Errorf("%s: %q; want %q, not %q", c.lever, got, c.want, c.not)
		}
	}
}

// hasAndLacks reports, for the case called name, each of want that got
// lacks and each of not that it has.
func hasAndLacks(t *testing.T, name, got string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q lacks %q", name, got, w)
		}
	}
	for _, w := range not {
		if strings.Contains(got, w) {
			t.Errorf("%s: %q has %q", name, got, w)
		}
	}
}
