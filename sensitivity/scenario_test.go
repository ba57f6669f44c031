package sensitivity_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/spsim/spsim/sensitivity"
	"github.com/spsim/spsim/sim/experiment"
)

// spec is a small Morris screen of a shortened baseline.
func spec() sensitivity.Spec {
	return sensitivity.Spec{
		Ref: "baseline",
		Vary: []string{
			"workforce.leaving_hazard_per_year=0.05..0.4",
			"costs.gp_appointment_value=10..50", // values appointments only: no effect on any flow
			"workforce.link_workers=2..5",
		},
		Sets:         []string{"run.horizon_weeks=104", "run.warmup_weeks=26"},
		KPIs:         []string{"leavers", "needs_met", "gp_value_assumed"},
		Reps:         3,
		Trajectories: 6,
		Boot:         100,
		Jobs:         2,
	}
}

// TestMorrisOnTheModel: on common random numbers, an input that changes
// nothing a KPI depends on has elementary effects of exactly 0; the
// leaving hazard raises leavers; more link workers meet more needs; and
// the same seed gives the same analysis.
func TestMorrisOnTheModel(t *testing.T) {
	r, err := sensitivity.Run(context.Background(), spec())
	if err != nil {
		t.Fatal(err)
	}
	leavers, needs, value := r.Morris[0], r.Morris[1], r.Morris[2]
	for _, s := range r.Sentences() {
		t.Log(s)
	}
	if needs[1].MuStar.Value != 0 || needs[1].Sigma != 0 || leavers[1].MuStar.Value != 0 {
		t.Errorf("GP appointment value moves needs met (μ* %g) or leavers (μ* %g)", needs[1].MuStar.Value, leavers[1].MuStar.Value)
	}
	if !(value[1].Mu > 0) {
		t.Errorf("GP appointment value does not raise the value of appointments avoided: μ %g", value[1].Mu)
	}
	if !(leavers[0].Mu > 0) || !(needs[2].Mu > 0) {
		t.Errorf("leaving hazard on leavers μ %g, link workers on needs met μ %g: want both positive", leavers[0].Mu, needs[2].Mu)
	}
	if !r.Inputs[2].Integer || r.Inputs[0].Integer {
		t.Errorf("inputs %+v: link_workers takes whole numbers, the hazard does not", r.Inputs)
	}
	for k, n := range r.Noise {
		if !(n >= 0 && n <= 1) {
			t.Errorf("KPI %s: noise share %g", r.KPIs[k], n)
		}
	}
	// The report says how its intervals are formed (a bootstrap over
	// trajectories, not Student's t over replications), and asks its
	// question in words.
	dir := t.TempDir()
	if err := sensitivity.Write(dir, r, "test", false); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if html := string(page); !strings.Contains(html, "percentile bootstrap over the trajectories") || strings.Contains(html, "Student's t") ||
		!strings.Contains(html, "drive link workers leaving, needs met and ") {
		t.Errorf("the report's question or its intervals' method: %s", html[:min(len(html), 3000)])
	}
	again, err := sensitivity.Run(context.Background(), spec())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Rows(), again.Rows()) && !nanEqual(r.Rows(), again.Rows()) {
		t.Error("the same seed gave a different analysis")
	}
}

func nanEqual(a, b []sensitivity.Row) bool {
	if len(a) != len(b) {
		return false
	}
	same := func(x, y float64) bool { return x == y || (math.IsNaN(x) && math.IsNaN(y)) }
	for i := range a {
		if a[i].KPI != b[i].KPI || a[i].Input != b[i].Input || !same(a[i].Value, b[i].Value) || !same(a[i].Low, b[i].Low) || !same(a[i].High, b[i].High) {
			return false
		}
	}
	return true
}

func TestSobolOnTheModel(t *testing.T) {
	s := spec()
	s.Method, s.Samples, s.Vary, s.KPIs = "sobol", 8, s.Vary[:2], []string{"leavers"}
	r, err := sensitivity.Run(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Points != 8*4 {
		t.Errorf("%d points, want N(k+2) = 32", r.Points)
	}
	// The GP value cannot move leavers: its total index is exactly 0.
	if got := r.Sobol[0][1].Total.Value; got != 0 {
		t.Errorf("total index of an input without effect %g, want 0", got)
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		change func(*sensitivity.Spec)
	}{
		{func(s *sensitivity.Spec) { s.Method = "fast" }},
		{func(s *sensitivity.Spec) { s.Vary = []string{"workforce.fte=1..0.5"} }},
		{func(s *sensitivity.Spec) { s.Vary = []string{"no.such.key=1..2"} }},
		{func(s *sensitivity.Spec) { s.KPIs = []string{"happiness"} }},
		{func(s *sensitivity.Spec) { s.Vary = []string{"workforce.fte=0.5..1", "workforce.fte=0.6..0.9"} }},
	} {
		s := spec()
		tc.change(&s)
		if _, err := sensitivity.Run(context.Background(), s); err == nil {
			t.Errorf("%+v accepted", s)
		} else {
			t.Log(err)
		}
	}
}

// TestNoInputsScreensTheUncertainOnes: with no --vary, an analysis varies
// the vocabulary's uncertain inputs over their ranges, and says so.
func TestNoInputsScreensTheUncertainOnes(t *testing.T) {
	s := spec()
	s.Vary, s.Trajectories, s.Reps = nil, 2, 2
	r, err := sensitivity.Run(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	want := sensitivity.UncertainInputs()
	if !r.Uncertain || len(r.Inputs) != len(want) || len(want) < 5 {
		t.Fatalf("uncertain %v, inputs %+v; want %v", r.Uncertain, r.Inputs, want)
	}
	for i, in := range r.Inputs {
		if got := fmt.Sprintf("%s=%g..%g", in.Key, in.Lo, in.Hi); got != want[i] {
			t.Errorf("input %d is %s, want %s", i, got, want[i])
		}
		if r.Labels[in.Key] == "" {
			t.Errorf("%s has no words", in.Key)
		}
	}
	for k := range r.KPIs {
		for i, e := range r.Morris[k] {
			if math.IsNaN(e.MuStar.Value) {
				t.Errorf("%s: input %s has no μ*", r.KPIs[k], r.Inputs[i].Key)
			}
		}
	}
}

// TestUndefinedKPINotRanked: with no link workers at some points the wait
// has no value there; its drivers are not ranked, and no chart of it is
// drawn (it failed with "plotter: NaN data point"), while a KPI defined
// everywhere is analysed as usual.
func TestUndefinedKPINotRanked(t *testing.T) {
	s := spec()
	s.Vary = []string{"workforce.link_workers=0..3", "demand.referrals_per_week=15..25"}
	s.Sets = append(s.Sets, "initial.active=0")
	s.KPIs = []string{"wait_first_contact_mean_weeks", "needs_met"}
	r, err := sensitivity.Run(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Undefined[0] == 0 || r.Undefined[1] != 0 {
		t.Fatalf("points without a value: %v; want some for the wait, none for needs met", r.Undefined)
	}
	sentences := r.Sentences()
	if !strings.HasPrefix(sentences[0], "Wait to first contact, mean has no value at ") || !strings.HasPrefix(sentences[1], "Needs met is driven most by link-worker posts") {
		t.Errorf("sentences %q", sentences)
	}
	figs, err := r.Figures()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		if strings.Contains(f.Name, "wait_first_contact") {
			t.Errorf("a chart of the undefined KPI: %s", f.Name)
		}
	}
	if len(figs) != 2 {
		t.Errorf("%d charts, want needs met's tornado and μ*–σ", len(figs))
	}
}

// TestInputTheTimelineSetsAgain: an input the timeline sets again after
// the KPIs start is warned of, with when it holds.
func TestInputTheTimelineSetsAgain(t *testing.T) {
	r, err := sensitivity.Run(context.Background(), sensitivity.Spec{Ref: "funding-cliff", Vary: []string{"workforce.link_workers=3..5"},
		Sets: []string{"run.warmup_weeks=20", "run.horizon_weeks=130"}, Trajectories: 2, Reps: 1, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := "--vary workforce.link_workers: warning: the scenario's timeline sets it again at week 104 (fixed-term funding for one post ends), so the value set here holds until then"
	if got := strings.Join(r.Warnings, "\n"); !strings.Contains(got, want) {
		t.Errorf("warnings\n%s\nwant %q", got, want)
	}
}

// TestPlanChecksEveryPointFirst: a design too large to run, or with a
// point the scenario refuses, is refused by Plan, before any replication;
// --allow-large lifts the limits, not the scenario's own checks.
func TestPlanChecksEveryPointFirst(t *testing.T) {
	for _, c := range []struct {
		vary  string
		allow bool
		want  string
	}{
		{"demand.referrals_per_week=20..5e6", false, "too large to run without --allow-large"},
		{"demand.referrals_per_week=20..5e6", true, ""},
		{"workforce.fte=0.5..3", true, "--vary workforce.fte=0.5..3: workforce.fte = 3: must be more than 0 and at most 1.5"},
		{"profiles.complex.share=0.2..0.4", true, "--vary profiles.complex.share: every population group sets its own profile mix"},
		{"run.warmup_weeks=10..20", true, "--vary run.warmup_weeks: a run setting (its length, warm-up, seed), not an uncertain input of the model"},
		// The user's own end, 30, not a point of the design such as 20.
		{"demand.inappropriate_share=0..30", true, "--vary demand.inappropriate_share=0..30: demand.inappropriate_share = 30: must be at least 0 and less than 1; did you mean 0.3 (30%)?"},
		{"demand.referrals_per_week=15..25", false, ""},
		// Refused from its size before the design is built: a million
		// trajectories once built for minutes, in gigabytes, first.
		{"demand.referrals_per_week=15..25 trajectories=1000000", true, "a design of 2,000,000 points (1,000,000 trajectories of 2 points): at most 1,000,000 can be run"},
		{"demand.referrals_per_week=15..25 trajectories=20000", false, "too large to run without --allow-large"},
	} {
		sp := spec()
		vary, traj, _ := strings.Cut(c.vary, " trajectories=")
		sp.Vary, sp.AllowLarge = []string{vary}, c.allow
		if traj != "" {
			sp.Trajectories, _ = strconv.Atoi(traj)
		}
		_, err := sensitivity.Plan(sp)
		var big *experiment.LimitError
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s (allow %v): %v, want planned", c.vary, c.allow, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s (allow %v): %v, want %q", c.vary, c.allow, err, c.want)
		case strings.Contains(c.want, "too large") && !errors.As(err, &big):
			t.Errorf("%s: %T, want an *experiment.LimitError", c.vary, err)
		}
	}
}

// TestNoInputMoves: inputs that change nothing a KPI depends on (the value
// put on a GP appointment, for link workers leaving) are not ranked as its
// drivers with an effect of 0; the answer says nothing moves it.
func TestNoInputMoves(t *testing.T) {
	sp := spec()
	sp.Vary, sp.KPIs = []string{"costs.gp_appointment_value=10..50"}, []string{"leavers"}
	r, err := sensitivity.Run(context.Background(), sp)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(r.Sentences(), " ")
	if !strings.Contains(got, "No input moves link workers leaving over these ranges") || strings.Contains(got, "driven most by") {
		t.Errorf("sentences %q", got)
	}
}
