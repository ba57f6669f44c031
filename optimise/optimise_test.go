package optimise_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/optimise"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/sim/queueing"
)

// mmc is the M/M/c scenario (λ 9, μ 1) with servers as the lever, a wait
// target, and a price on a post so that more servers cost more.
func mmc(t *testing.T, target string, lo, hi string, batch int) (*optimise.Problem, *optimise.Result) {
	t.Helper()
	seed := uint64(3)
	p, err := optimise.Plan(optimise.Spec{
		Ref:     "mmc",
		Levers:  []string{"workforce.link_workers=" + lo + ".." + hi},
		Targets: []string{target},
		Sets:    []string{"run.horizon_weeks=520", "run.warmup_weeks=52", "costs.salary_per_fte_year=1000"},
		Seed:    &seed,
		Jobs:    2,
		Options: optimise.Options{Confidence: 0.95, Batch: batch},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Solve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return p, r
}

// TestErlangCPlan checks the plan against the smallest number of servers
// whose Erlang C mean wait meets the target, for several targets. Each
// tolerance keeps the neighbouring server counts outside the indifference
// zone, so the answer is determined.
func TestErlangCPlan(t *testing.T) {
	for _, tc := range []struct {
		target string
		value  float64
		tol    float64
	}{
		{"wait_first_contact_mean_weeks<=0.5±0.05", 0.5, 0.05},
		{"wait_first_contact_mean_weeks<=0.15±0.03", 0.15, 0.03},
		{"wait_first_contact_mean_weeks<=0.06±0.015", 0.06, 0.015},
	} {
		want := 0
		for c := 10; ; c++ {
			w := queueing.MMc{Lambda: 9, Mu: 1, C: c}.MeanWait()
			if math.Abs(w-tc.value) < tc.tol {
				t.Fatalf("%s: Erlang C wait %.4f with %d servers is inside the tolerance: a poor case", tc.target, w, c)
			}
			if w <= tc.value {
				want = c
				break
			}
		}
		p, r := mmc(t, tc.target, "10", "16", 4)
		if r.Plan < 0 {
			t.Errorf("%s: no plan (%s)", tc.target, r.NoPlan(p.Label))
			continue
		}
		got := p.Configs[r.Plan].Workforce.LinkWorkers
		t.Logf("%s: plan %d servers (Erlang C: %d), runner-up %s, %d replications run", tc.target, got, want, p.Label(r.RunnerUp), r.Spent())
		if got != want {
			t.Errorf("%s: plan of %d servers, Erlang C says %d", tc.target, got, want)
		}
		if r.RunnerUp < 0 || p.Configs[r.RunnerUp].Workforce.LinkWorkers != want+1 {
			t.Errorf("%s: runner-up %d, want %d servers", tc.target, r.RunnerUp, want+1)
		}
	}
}

// TestSameSeedSamePlan: the decisions use replications in order, so the
// plan and the replications each decision needed do not depend on how
// many run at once.
func TestSameSeedSamePlan(t *testing.T) {
	const target = "wait_first_contact_mean_weeks<=0.15±0.03"
	_, a := mmc(t, target, "10", "14", 4)
	_, b := mmc(t, target, "10", "14", 1)
	if a.Plan != b.Plan || a.RunnerUp != b.RunnerUp || len(a.Checked) != len(b.Checked) {
		t.Fatalf("plans %d/%d and %d/%d differ", a.Plan, a.RunnerUp, b.Plan, b.RunnerUp)
	}
	for i := range a.Checked {
		if a.Checked[i].Used != b.Checked[i].Used || a.Checked[i].Decision != b.Checked[i].Decision {
			t.Errorf("candidate %d: %+v against %+v", i, a.Checked[i], b.Checked[i])
		}
	}
	_, c := mmc(t, target, "10", "14", 4)
	if !reflect.DeepEqual(a, c) {
		t.Error("the same search twice gave different results")
	}
}

func TestImpossibleRefused(t *testing.T) {
	p, r := mmc(t, "wait_first_contact_mean_weeks<=0.05±0.01", "10", "11", 4)
	if r.Plan >= 0 {
		t.Fatalf("a plan of %s for a target 10 or 11 servers cannot meet", p.Label(r.Plan))
	}
	msg := r.NoPlan(p.Label)
	t.Log(msg)
	if !strings.HasPrefix(msg, "no plan within these levers meets the target; the best reaches wait to first contact, mean 0.2") ||
		!strings.HasSuffix(msg, "with link-worker posts 11") {
		t.Errorf("refusal %q", msg)
	}
}

func TestParse(t *testing.T) {
	l, err := optimise.ParseLever("services.x.places=40..100:20")
	if err != nil || !reflect.DeepEqual(l.Values, []string{"40", "60", "80", "100"}) {
		t.Errorf("lever %+v, %v", l, err)
	}
	l, err = optimise.ParseLever("support.model=short_term,tiered")
	if err != nil || !reflect.DeepEqual(l.Values, []string{"short_term", "tiered"}) {
		t.Errorf("lever %+v, %v", l, err)
	}
	// A comment is refused once, over the whole list, as a usage error.
	for _, lever := range []string{"workforce.link_workers=4,5 # four or five", "workforce.link_workers=4 # four", "workforce.link_workers=3..5 # a range"} {
		_, err := optimise.ParseLever(lever)
		var ue *usage.Error
		if msg := fmt.Sprint(err); !errors.As(err, &ue) || !strings.Contains(msg, "comment") || strings.Count(msg, "workforce.link_workers") != 2 {
			t.Errorf("lever %q: %v; want one usage error naming the key and the comment", lever, err)
		}
	}
	tg, err := optimise.ParseTarget("wait_first_contact_p90_weeks<=4")
	if err != nil || !tg.AtMost || tg.Value != 4 || tg.Tolerance != 0.2 {
		t.Errorf("target %+v, %v", tg, err)
	}
	// A target near or at 0 has a tolerance a run can meet: at least half
	// a working day of a wait, one person a year.
	for _, c := range []struct {
		target string
		tol    float64
	}{
		{"wait_first_contact_p90_weeks<=0.01", 0.1}, {"reneged<=0", 1}, {"lw_utilisation<=0.05", 0.005}, {"needs_met>=600", 30},
		{"needs_met_per_1000_referrals>=0", 1}, {"leavers_per_fte_year<=0.1", 0.01}, {"pressure_mean<=0", 0.01},
	} {
		if tg, err := optimise.ParseTarget(c.target); err != nil || tg.Tolerance != c.tol {
			t.Errorf("target %q: %+v, %v; want a tolerance of %g", c.target, tg, err, c.tol)
		}
	}
	for _, bad := range []string{"x<4", "x<=four", "x>=0", "x<=1±0"} {
		if _, err := optimise.ParseTarget(bad); err == nil {
			t.Errorf("target %q accepted", bad)
		}
	}
	for _, bad := range []string{"x=5..1", "x=1..2:0", "=1..2", "x", "x=3,3.0", `support.model=tiered,"tiered"`, "workforce.allocation=fcfs,'fcfs'"} {
		if _, err := optimise.ParseLever(bad); err == nil {
			t.Errorf("lever %q accepted", bad)
		}
	}
}

// TestFewerReplicationsThanTheGrid compares the replications the search
// spent with checking every candidate by the same procedure, and with a
// fixed-size grid giving every candidate as many replications as the
// hardest decision needed.
func TestFewerReplicationsThanTheGrid(t *testing.T) {
	const target = "wait_first_contact_mean_weeks<=0.15±0.03"
	seed := uint64(3)
	spec := optimise.Spec{Ref: "mmc", Levers: []string{"workforce.link_workers=10..16"}, Targets: []string{target},
		Sets: []string{"run.horizon_weeks=520", "run.warmup_weeks=52", "costs.salary_per_fte_year=1000"}, Seed: &seed, Jobs: 2,
		Options: optimise.Options{Confidence: 0.95}}
	p, _ := optimise.Plan(spec)
	r, err := p.Solve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	spec.Exhaustive = true
	p, _ = optimise.Plan(spec)
	full, err := p.Solve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	most := 0
	for _, c := range full.Checked {
		most = max(most, c.Used)
	}
	fixed := most * len(full.Candidates)
	t.Logf("replications: search %d, every candidate checked %d, fixed grid %d (%d candidates x %d)", r.Spent(), full.Spent(), fixed, len(full.Candidates), most)
	if full.Plan != r.Plan || r.Spent() >= full.Spent() || full.Spent() > fixed {
		t.Errorf("search %d (plan %d), full %d (plan %d), fixed %d", r.Spent(), r.Plan, full.Spent(), full.Plan, fixed)
	}
}

// TestPlanWarnsOfUnlikelyValues: a plausible typo in --set or a lever's
// values (on-costs of 28 for 0.28) is warned of once, naming the typical
// value; likely values are not.
func TestPlanWarnsOfUnlikelyValues(t *testing.T) {
	p, err := optimise.Plan(optimise.Spec{
		Ref:     "baseline",
		Levers:  []string{"costs.on_cost_share=28,0.3", "workforce.link_workers=3,4"},
		Targets: []string{"wait_first_contact_p90_weeks<=8"},
		Sets:    []string{"costs.recruitment_cost=5000", "demand.annual_growth=5"},
		// Growth of 500% a year would be refused as too large to run.
		AllowLarge: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	var set, lever int
	for _, w := range p.Warnings {
		switch {
		case strings.HasPrefix(w, "--set demand.annual_growth = 5"):
			set++
		case strings.HasPrefix(w, "--lever costs.on_cost_share = 28") && strings.Contains(w, "0.28"):
			lever++
		default:
			t.Errorf("unexpected warning %q", w)
		}
	}
	if set != 1 || lever != 1 {
		t.Errorf("warnings %q: want one for --set annual_growth = 5 and one for the lever's 28", p.Warnings)
	}
}

// A lever given twice would make a grid whose second value silently wins.
func TestLeverTwiceRefused(t *testing.T) {
	_, err := optimise.Plan(optimise.Spec{Ref: "mmc", Levers: []string{"workforce.link_workers=10,11", "workforce.link_workers=12,13"},
		Targets: []string{"wait_first_contact_mean_weeks<=0.5"}})
	if err == nil || !strings.Contains(err.Error(), "--lever workforce.link_workers given twice") {
		t.Errorf("a lever given twice: %v, want a refusal", err)
	}
}

// TestPlanRefusesTooLarge: a search whose candidates would run for hours
// (a million referrals a week) is refused before any replication, unless
// AllowLarge.
func TestPlanRefusesTooLarge(t *testing.T) {
	for _, allow := range []bool{false, true} {
		_, err := optimise.Plan(optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=3,4"},
			Targets: []string{"wait_first_contact_p90_weeks<=8"}, Sets: []string{"demand.referrals_per_week=1e6"}, AllowLarge: allow})
		var big *experiment.LimitError
		if refused := errors.As(err, &big); refused == allow {
			t.Errorf("allow-large %v: %v, want refused %v", allow, err, !allow)
		}
	}
}

// TestTargetOutsideItsKPI: a bound the KPI can never reach or always
// meets (a share written as a percentage, a wait below 0) is refused
// before any run, naming the fraction meant.
func TestTargetOutsideItsKPI(t *testing.T) {
	for _, c := range []struct{ target, maximise, want string }{
		{"lw_utilisation<=85", "", "did you mean 0.85?"},
		{"inequity_gap_needs_met_share>=-5", "", "did you mean -0.05?"},
		{"needs_met_share>=1.2", "", "share of needs met is between 0 and 1"},
		{"wait_first_contact_p90_weeks<=-1", "", "is never below 0"},
		{"", "needs_met_share±5", "did you mean needs_met_share±0.05?"},
		{"lw_utilisation<=0.85", "", ""},
		{"lw_utilisation<=1.05", "", "link-worker caseload utilisation is between 0 and 1"}, // no caseload passes its cap
	} {
		spec := optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=3,4"}, Maximise: c.maximise}
		spec.Budget = 1e6
		if c.target != "" {
			spec.Targets = []string{c.target}
		}
		_, err := optimise.Plan(spec)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s%s: %v, want %q", c.target, c.maximise, err, c.want)
		}
	}
}

// TestRunnerUpThatChangesNothing: a lever that reaches nothing measured
// (the tiered share under short-term support) gives a runner-up with the
// plan's results to the last digit, and the answer says so rather than
// offering it as a second plan "costing £0.00 more".
func TestRunnerUpThatChangesNothing(t *testing.T) {
	got := answer(t, optimise.Spec{Ref: "baseline", Levers: []string{"support.tiered_reserved_share=0.1,0.3"},
		Targets: []string{"needs_met_share>=0.3"}}, nil)
	for _, want := range []string{"at the same cost", "The two give the same results to the last digit"} {
		if !strings.Contains(got, want) {
			t.Errorf("sentences %q lack %q", got, want)
		}
	}
}

// TestAnswerTellsWhatItLeftUndecided: a plan found while cheaper
// combinations were left uncertain at the replications' limit says so (it
// is the cheapest shown to meet the target, not the cheapest there is);
// a best that misses a target inside its tolerance says the search may
// judge that either way, and how to decide it.
func TestAnswerTellsWhatItLeftUndecided(t *testing.T) {
	for _, c := range []struct {
		name    string
		spec    optimise.Spec
		maxReps int
		want    string
	}{
		{"cheaper uncertain", optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=2..8"},
			Targets: []string{"wait_first_contact_p90_weeks<=4"}}, 20,
			"But combinations costing no more were left uncertain at the limit of 20 replications each (link-worker posts "},
		{"inside the tolerance", optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=3..6", "services.wellbeing_groups.places=40..100:20"},
			Targets: []string{"wait_first_contact_p90_weeks<=4", "needs_met>=780"}}, 60,
			"(target at least 780 a year, within its tolerance of ±39 a year, where the search may judge either way: give a smaller one (needs_met>=780±9.8) to decide)"},
	} {
		got := answer(t, c.spec, func(o *optimise.Options) {
			o.MaxReps = c.maxReps
			if c.maxReps == 20 {
				o.N0 = 5
			}
		})
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: sentences %q lack %q", c.name, got, c.want)
		}
	}
}

// TestAnswerSaysWhenThePlanIsAtAnEnd: a plan at an end of a lever's range
// may be beaten beyond it, and the answer says so: the best within a
// budget at either end, the cheapest plan at its low end only.
func TestAnswerSaysWhenThePlanIsAtAnEnd(t *testing.T) {
	for _, c := range []struct {
		name string
		spec optimise.Spec
		want string
	}{
		{"best at the top of places", optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=4..6", "services.wellbeing_groups.places=40..55:5"},
			Maximise: "needs_met", Options: optimise.Options{Budget: 340000}}, "It sits at an end of the range searched (link-worker posts 4, the lowest; wellbeing groups: places 55, the highest)"},
		{"cheapest at the bottom", optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=5..8"},
			Targets: []string{"wait_first_contact_p90_weeks<=4"}}, "It sits at an end of the range searched (link-worker posts 5, the lowest)"},
		{"cheapest inside", optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=3..8"},
			Targets: []string{"wait_first_contact_p90_weeks<=4"}}, ""},
		// One more post would cost more than the budget: the budget, not
		// the range, stops the plan there.
		{"best at the top, the budget spent", optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=3..4"},
			Maximise: "needs_met", Options: optimise.Options{Budget: 320000}}, ""},
		{"best at the top, room in the budget", optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=3..4"},
			Maximise: "needs_met", Options: optimise.Options{Budget: 400000}}, "It sits at an end of the range searched (link-worker posts 4, the highest)"},
		{"cheapest at no places", optimise.Spec{Ref: "baseline", Levers: []string{"services.wellbeing_groups.places=0..40:20"},
			Targets: []string{"wait_first_contact_p90_weeks<=30"}}, ""}, // nothing lies below none
	} {
		got := answer(t, c.spec, nil)
		if c.want == "" && strings.Contains(got, "an end of the range") || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: %q; want %q", c.name, got, c.want)
		}
	}
}

// answer plans spec, sets its options (95% confidence, then opts), solves
// it and returns its answer in words.
func answer(t *testing.T, spec optimise.Spec, opts func(*optimise.Options)) string {
	t.Helper()
	p, err := optimise.Plan(spec)
	if err != nil {
		t.Fatal(err)
	}
	p.Options.Confidence = 0.95
	if opts != nil {
		opts(&p.Options)
	}
	r, err := p.Solve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(p.Sentences(r), " ")
}

// TestFreeLeverWarned: a lever that changes no planned cost (a caseload
// cap) is weighed by its outcomes alone, and the plan says so; one that
// costs (posts) is not warned of.
func TestFreeLeverWarned(t *testing.T) {
	for _, c := range []struct {
		levers []string
		warned bool
	}{
		{[]string{"workforce.link_workers=3,4", "workforce.caseload_cap_per_fte=40..60:10"}, true},
		{[]string{"workforce.link_workers=3..5"}, false},
	} {
		p, err := optimise.Plan(optimise.Spec{Ref: "baseline", Levers: c.levers, Targets: []string{"wait_first_contact_p90_weeks<=4"}})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(strings.Join(p.Warnings, "\n"), "changes no planned cost"); got != c.warned {
			t.Errorf("%v: warnings %q; want the free-lever warning: %v", c.levers, p.Warnings, c.warned)
		}
	}
}

// TestPlanRefusesANonsenseBudget: a budget below 0, NaN or infinite is
// refused, not read as "no limit" (or written "£+,Inf").
func TestPlanRefusesANonsenseBudget(t *testing.T) {
	for _, b := range []float64{-1, math.NaN(), math.Inf(1)} {
		_, err := optimise.Plan(optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=3..4"}, Maximise: "needs_met",
			Options: optimise.Options{Budget: b}})
		if err == nil || !strings.Contains(err.Error(), "a sum in £ a year") {
			t.Errorf("budget %v: %v, want it refused", b, err)
		}
	}
}

// TestTargetsThatContradict: an upper bound below a lower bound on the same
// KPI can be met by no plan, so it is refused as a slip before anything
// runs, in either order, not searched for and answered "no plan meets every
// target"; a band (at least 500 and at most 600) is a question.
func TestTargetsThatContradict(t *testing.T) {
	for _, c := range []struct {
		targets []string
		want    string
	}{
		{[]string{"needs_met>=600", "needs_met<=500"}, "--target needs_met<=500 and --target needs_met>=600: no value of needs met is at most 500 a year and at least 600 a year"},
		{[]string{"needs_met<=500±10", "needs_met>=600"}, "--target needs_met<=500±10 and --target needs_met>=600: no value of needs met is at most 500 a year and at least 600 a year"},
		{[]string{"needs_met>=500", "needs_met<=600"}, ""},
		{[]string{"needs_met>=600", "wait_first_contact_mean_weeks<=4"}, ""},
	} {
		_, err := optimise.Plan(optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=3..4"}, Targets: c.targets})
		var ue *usage.Error
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v, want it accepted", c.targets, err)
		case c.want != "" && (!errors.As(err, &ue) || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%q: %v, want a usage error with %q", c.targets, err, c.want)
		}
	}
}

// TestTooLargeNamesOptimiseFlags: a search too large to run is refused
// with the remedies optimise has (--max-replications, --first, fewer lever
// values), not --replications, which it does not take.
func TestTooLargeNamesOptimiseFlags(t *testing.T) {
	for _, c := range []struct {
		sets []string
		want string
	}{
		// Each candidate's most replications is too many.
		{[]string{"demand.referrals_per_week=20000"}, "lower --max-replications (most replications of one candidate, 500)"},
		// Every candidate's first batch together is too many.
		{[]string{"demand.referrals_per_week=400000"}, "a smaller --first (each candidate's first batch, 10)"},
	} {
		_, err := optimise.Plan(optimise.Spec{Ref: "baseline", Levers: []string{"workforce.link_workers=3,4"},
			Targets: []string{"wait_first_contact_p90_weeks<=8"}, Sets: c.sets})
		var big *experiment.LimitError
		if !errors.As(err, &big) || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "use fewer replications") {
			t.Errorf("%v: %v; want a limit error with %q", c.sets, err, c.want)
		}
	}
}

// TestTooManyCombinations: a grid past the most a search takes is a usage
// error, its size written as the limit is ("2,100", not "2100").
func TestTooManyCombinations(t *testing.T) {
	_, err := optimise.Plan(optimise.Spec{Ref: "baseline", Levers: []string{"support.model=short_term,longer_term,tiered", "workforce.link_workers=1..700"},
		Targets: []string{"needs_met>=600"}})
	var ue *usage.Error
	const want = "2,100 combinations of levers: narrow the ranges or take larger steps (at most 2,000)"
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), want) {
		t.Errorf("%v, want a usage error with %q", err, want)
	}
}
