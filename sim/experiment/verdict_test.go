package experiment_test

import (
	"context"
	"maps"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"gonum.org/v1/gonum/stat/distuv"
)

// fake builds replications carrying only the given KPIs' values.
func fake(vals map[string][]float64, units map[string]string) []*sim.Result {
	var n int
	for _, v := range vals {
		n = len(v)
	}
	out := make([]*sim.Result, n)
	for i := range out {
		r := &sim.Result{Replication: i}
		for _, k := range []string{sim.KPINeedsMet, sim.KPINeedsMetPer1000Referrals, sim.KPIReferredAllNeedsMetShare, sim.KPIWaitMean, sim.KPIReneged,
			sim.KPILeavers, sim.KPILeaversPerFTE, sim.KPIHoldingWeeks, sim.KPICostTotal, sim.KPIGPValue} {
			if v, ok := vals[k]; ok {
				r.KPIs = append(r.KPIs, sim.KPI{Name: k, Unit: units[k], Value: v[i]})
			}
		}
		out[i] = r
	}
	return out
}

// withUnits is units with those of further KPIs.
func withUnits(more map[string]string) map[string]string {
	u := maps.Clone(units)
	maps.Copy(u, more)
	return u
}

var units = map[string]string{sim.KPINeedsMet: "needs/year", sim.KPIWaitMean: "weeks", sim.KPIReneged: "people/year", sim.KPICostTotal: "GBP/year"}

// arms draws n replications of a reference and a scenario on common
// random numbers: shared noise per replication plus the given shifts.
func arms(n int, dCost, dNeeds, dWait float64, seed uint64) (ref, alt map[string][]float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	ref, alt = map[string][]float64{}, map[string][]float64{}
	for range n {
		common := rng.NormFloat64()
		needs := 500 + 40*common
		wait := 2 + 0.3*common
		cost := 200000 + 1000*rng.NormFloat64()
		ref[sim.KPINeedsMet] = append(ref[sim.KPINeedsMet], needs)
		ref[sim.KPIWaitMean] = append(ref[sim.KPIWaitMean], wait)
		ref[sim.KPIReneged] = append(ref[sim.KPIReneged], 100+10*common)
		ref[sim.KPICostTotal] = append(ref[sim.KPICostTotal], cost)
		alt[sim.KPINeedsMet] = append(alt[sim.KPINeedsMet], needs+dNeeds+2*rng.NormFloat64())
		alt[sim.KPIWaitMean] = append(alt[sim.KPIWaitMean], wait+dWait+0.02*rng.NormFloat64())
		alt[sim.KPIReneged] = append(alt[sim.KPIReneged], 100+10*common+3*rng.NormFloat64())
		alt[sim.KPICostTotal] = append(alt[sim.KPICostTotal], cost+dCost+200*rng.NormFloat64())
	}
	return ref, alt
}

func TestVerdictRealDifference(t *testing.T) {
	ref, alt := arms(20, 46000, 92, -1.4, 1)
	cmp := experiment.Contrast([]string{"baseline", "more"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95)
	v := experiment.NewVerdict(cmp, 1)
	effects := map[string]experiment.Effect{}
	for _, o := range v.Outcomes {
		effects[o.KPI] = o.Effect
	}
	want := map[string]experiment.Effect{sim.KPINeedsMet: experiment.Better, sim.KPIWaitMean: experiment.Better, sim.KPIReneged: experiment.NoDifference}
	for k, e := range want {
		if effects[k] != e {
			t.Errorf("%s: effect %q, want %q", k, effects[k], e)
		}
	}
	if v.Cost.Effect != experiment.Worse || math.Abs(v.Cost.Diff.Mean-46000) > 500 {
		t.Errorf("cost %+v, want about £46,000 more", v.Cost)
	}
	needs := v.Outcomes[0]
	if r := needs.CostPer; r == nil || math.Abs(r.Value-v.Cost.Diff.Mean/needs.Diff.Mean) > 1e-9 || !(r.Low < r.Value && r.Value < r.High) {
		t.Errorf("cost per extra need met %+v, want extra cost over extra needs met in its interval", needs.CostPer)
	}
	if v.Outcomes[1].CostPer != nil {
		t.Error("a cost per week of wait: waits are not a flow")
	}
	text := strings.Join(v.Sentences, " ")
	t.Log(text)
	for _, s := range []string{"more costs £46,", "more a year than baseline", "needs met rise by 9", "waits fall by 1.4", "people giving up waiting do not change detectably", "Each extra need met costs £"} {
		if !strings.Contains(text, s) {
			t.Errorf("verdict %q lacks %q", text, s)
		}
	}
}

// TestVerdictCountUpRateDown: more needs met a year but fewer per 1,000
// referrals, at no detectable extra cost, is no achievement to price.
func TestVerdictCountUpRateDown(t *testing.T) {
	ref, alt := arms(20, 0, 92, 0, 3)
	for i := range ref[sim.KPINeedsMet] {
		ref[sim.KPINeedsMetPer1000Referrals] = append(ref[sim.KPINeedsMetPer1000Referrals], 600+float64(i%3))
		alt[sim.KPINeedsMetPer1000Referrals] = append(alt[sim.KPINeedsMetPer1000Referrals], 560+float64(i%3))
	}
	u := withUnits(map[string]string{sim.KPINeedsMetPer1000Referrals: "needs/1,000 referrals"})
	cmp := experiment.Contrast([]string{"baseline", "longer"}, [][]*sim.Result{fake(ref, u), fake(alt, u)}, 0.95)
	v := experiment.NewVerdict(cmp, 1)
	text := strings.Join(v.Sentences, " ")
	t.Log(text)
	if strings.Contains(text, "achieves") || strings.Contains(text, "Each extra need met") {
		t.Errorf("verdict %q prices needs met while needs met per 1,000 referrals fall", text)
	}
	if !strings.Contains(text, "fall by 40") {
		t.Errorf("verdict %q should say needs met per 1,000 referrals fall by 40", text)
	}
}

// TestVerdictMixedAtNoExtraCost: more needs met but longer waits, at no
// detectable extra cost, is not "achieved": the sentence names the gain
// and what worsens. A cost the same in every replication is said so, not
// as "£0.00 a year [£0.00, £0.00]".
func TestVerdictMixedAtNoExtraCost(t *testing.T) {
	for _, c := range []struct {
		name  string
		dWait float64
		want  string
	}{
		{"waits worsen", 1.4, "The rise in needs met comes at no detectable extra cost, but waits worsen."},
		{"nothing worsens", -1.4, "It achieves this at no detectable extra cost."},
	} {
		ref, alt := arms(20, 0, 92, c.dWait, 5)
		for i := range alt[sim.KPICostTotal] { // no detectable difference in cost
			alt[sim.KPICostTotal][i] = ref[sim.KPICostTotal][i] + float64(300*(1-2*(i%2)))
		}
		cmp := experiment.Contrast([]string{"baseline", "longer"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95)
		v := experiment.NewVerdict(cmp, 1)
		if text := strings.Join(v.Sentences, " "); !strings.HasSuffix(text, c.want) {
			t.Errorf("%s: verdict %q, want it to end %q", c.name, text, c.want)
		}
		for _, o := range v.Outcomes { // no ratio over a cost that may be 0 (compare.csv's cost_per_unit)
			if o.CostPer != nil {
				t.Errorf("%s: %s has a cost per unit %+v at no detectable extra cost", c.name, o.KPI, o.CostPer)
			}
		}
	}
	// One outcome worsens, named in the singular.
	ref, alt := arms(20, 0, 92, -1.4, 5)
	for i := range alt[sim.KPICostTotal] {
		alt[sim.KPICostTotal][i] = ref[sim.KPICostTotal][i] + float64(300*(1-2*(i%2)))
		ref[sim.KPIReferredAllNeedsMetShare] = append(ref[sim.KPIReferredAllNeedsMetShare], 0.40+0.001*float64(i%3))
		alt[sim.KPIReferredAllNeedsMetShare] = append(alt[sim.KPIReferredAllNeedsMetShare], 0.37+0.001*float64(i%3))
	}
	u := withUnits(map[string]string{sim.KPIReferredAllNeedsMetShare: sim.UnitShare})
	v1 := experiment.NewVerdict(experiment.Contrast([]string{"baseline", "one worse"}, [][]*sim.Result{fake(ref, u), fake(alt, u)}, 0.95), 1)
	if text, want := strings.Join(v1.Sentences, " "), "but the share of referred people with every need met worsens."; !strings.HasSuffix(text, want) {
		t.Errorf("one outcome worse: %q, want it to end %q", text, want)
	}
	ref, alt = arms(20, 0, 92, 0, 5)
	alt[sim.KPICostTotal] = ref[sim.KPICostTotal]
	v := experiment.NewVerdict(experiment.Contrast([]string{"baseline", "same cost"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95), 1)
	if text := strings.Join(v.Sentences, " "); !strings.HasPrefix(text, "same cost costs the same as baseline; needs met rise by") {
		t.Errorf("the same cost in every replication: %q", text)
	}
}

// TestVerdictWaitsOfThoseSeen: waits are measured over the people seen,
// so shorter waits while more people give up are said to be the waits of
// those seen, not a better service for everyone referred.
func TestVerdictWaitsOfThoseSeen(t *testing.T) {
	for _, c := range []struct {
		gaveUp float64
		want   string
	}{{30, "; waits of those seen fall by 1.403 weeks"}, {0, "; waits fall by 1.403 weeks"}} {
		ref, alt := arms(20, 46000, 92, -1.4, 1)
		for i := range alt[sim.KPIReneged] {
			alt[sim.KPIReneged][i] += c.gaveUp
		}
		v := experiment.NewVerdict(experiment.Contrast([]string{"baseline", "priority"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95), 1)
		if text := strings.Join(v.Sentences, " "); !strings.Contains(text, c.want) {
			t.Errorf("%v more giving up: %q lacks %q", c.gaveUp, text, c.want)
		}
	}
}

// TestVerdictTellsTheAssumedValue: a scenario that changes only the
// assumed effect of social prescribing (optimistic-outcomes) changes no
// simulated outcome, and its verdict still says what it is worth on its
// assumptions; one where the value does not differ says nothing of it.
func TestVerdictTellsTheAssumedValue(t *testing.T) {
	for _, c := range []struct {
		gain float64
		want bool
	}{{9889, true}, {0, false}} {
		ref, alt := arms(20, 0, 0, 0, 2)
		for i := range ref[sim.KPINeedsMet] {
			ref[sim.KPIGPValue] = append(ref[sim.KPIGPValue], 5500+float64(10*(i%3)))
			alt[sim.KPIGPValue] = append(alt[sim.KPIGPValue], 5500+c.gain+float64(10*(i%3))+float64(i%2))
		}
		u := withUnits(map[string]string{sim.KPIGPValue: sim.UnitGBPPerYear})
		v := experiment.NewVerdict(experiment.Contrast([]string{"baseline", "optimistic"}, [][]*sim.Result{fake(ref, u), fake(alt, u)}, 0.95), 1)
		text := strings.Join(v.Sentences, " ")
		if got := strings.Contains(text, "the value of GP appointments avoided rises by £9,889.50 a year"); got != c.want {
			t.Errorf("a gain of %v: %q; want the assumed value told: %v", c.gain, text, c.want)
		}
	}
}

// TestVerdictCostHasItsInterval: "costs £46,000 more a year" carries its
// interval, in magnitudes for "less"; a cost that differs by the same in
// every replication has none to show.
func TestVerdictCostHasItsInterval(t *testing.T) {
	for _, c := range []struct {
		dCost, jitter float64
		want          string // a pattern for the cost clause
	}{
		{46000, 200, `^more costs £4[56],\d{3} \[£4[56],\d{3}, £4[56],\d{3}\] more a year than baseline$`},
		{-46000, 200, `^more costs £4[56],\d{3} \[£4[56],\d{3}, £4[56],\d{3}\] less a year than baseline$`},
		{-46000, 0, `^more costs £46,000 less a year than baseline$`},
	} {
		ref, alt := arms(20, 0, 92, -1.4, 1)
		for i := range alt[sim.KPICostTotal] {
			alt[sim.KPICostTotal][i] = ref[sim.KPICostTotal][i] + c.dCost + c.jitter*float64(i%3-1)
		}
		v := experiment.NewVerdict(experiment.Contrast([]string{"baseline", "more"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95), 1)
		first := v.Sentences[0]
		head := first[:strings.Index(first, ";")]
		if !regexp.MustCompile(c.want).MatchString(head) {
			t.Errorf("cost %v (jitter %v): %q, want %s", c.dCost, c.jitter, head, c.want)
		}
		if d := v.Cost.Diff; c.jitter != 0 && !(math.Abs(d.Low) < math.Abs(d.Mean) && math.Abs(d.Mean) < math.Abs(d.High) || math.Abs(d.High) < math.Abs(d.Mean) && math.Abs(d.Mean) < math.Abs(d.Low)) {
			t.Errorf("cost %v: interval %+v does not hold its mean", c.dCost, d)
		}
	}
}

// TestVerdictTurnoverIsARate: a fifth post brings more leavers a year at
// the same leaving rate per FTE. The verdict weighs the rate: turnover does
// not change, where the count of leavers would say it rises.
func TestVerdictTurnoverIsARate(t *testing.T) {
	ref, alt := arms(20, 46000, 92, -1.4, 3)
	for i := range 20 {
		rate := 0.2 + 0.01*float64(i%5)
		ref[sim.KPILeavers] = append(ref[sim.KPILeavers], 4*rate)
		alt[sim.KPILeavers] = append(alt[sim.KPILeavers], 5*rate)
		ref[sim.KPILeaversPerFTE] = append(ref[sim.KPILeaversPerFTE], rate)
		alt[sim.KPILeaversPerFTE] = append(alt[sim.KPILeaversPerFTE], rate+0.002*float64(i%3-1))
	}
	u := withUnits(map[string]string{sim.KPILeavers: "people/year", sim.KPILeaversPerFTE: "people/FTE-year"})
	v := experiment.NewVerdict(experiment.Contrast([]string{"baseline", "fifth"}, [][]*sim.Result{fake(ref, u), fake(alt, u)}, 0.95), 1)
	text := strings.Join(v.Sentences, " ")
	if !strings.Contains(text, "link-worker turnover do not change detectably") {
		t.Errorf("%q: want turnover (the rate) not to change detectably", text)
	}
	if strings.Contains(text, "leaving rise") {
		t.Errorf("%q: the count of leavers weighed, not the rate", text)
	}
}

// TestVerdictTellsTheTimeHeld: time held on caseload awaiting a community
// place is neither better nor worse, but a rise is the strain a cut puts on
// link workers, and the verdict says so; a fall it leaves to the table.
func TestVerdictTellsTheTimeHeld(t *testing.T) {
	for _, c := range []struct {
		d    float64
		want bool
	}{{19.8, true}, {0, false}, {-19.8, false}} {
		ref, alt := arms(20, 0, 0, 0, 2)
		for i := range 20 {
			ref[sim.KPIHoldingWeeks] = append(ref[sim.KPIHoldingWeeks], 5+float64(i%4))
			alt[sim.KPIHoldingWeeks] = append(alt[sim.KPIHoldingWeeks], 5+float64(i%4)+c.d+0.5*float64(i%3-1))
		}
		u := withUnits(map[string]string{sim.KPIHoldingWeeks: "person-weeks/year"})
		v := experiment.NewVerdict(experiment.Contrast([]string{"baseline", "cut"}, [][]*sim.Result{fake(ref, u), fake(alt, u)}, 0.95), 1)
		text := strings.Join(v.Sentences, " ")
		if got := strings.Contains(text, "People are held on caseload awaiting a community place for 19.8 more person-weeks a year ["); got != c.want {
			t.Errorf("holding %+v: %q; want the rise told: %v", c.d, text, c.want)
		}
	}
}

func TestVerdictNoDifference(t *testing.T) {
	ref, alt := arms(20, 0, 0, 0, 2)
	cmp := experiment.Contrast([]string{"baseline", "same"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95)
	v := experiment.NewVerdict(cmp, 1)
	for _, o := range v.Outcomes {
		if o.Effect != experiment.NoDifference || o.CostPer != nil {
			t.Errorf("%s: effect %q, cost per %v; want no detectable difference and no ratio", o.KPI, o.Effect, o.CostPer)
		}
	}
	text := strings.Join(v.Sentences, " ")
	t.Log(text)
	if !strings.Contains(text, "same's cost does not differ detectably from baseline's") ||
		!strings.Contains(text, "needs met, waits and people giving up waiting do not change detectably.") || len(v.Sentences) != 1 {
		t.Errorf("verdict %q", text)
	}
}

// TestVerdictUndefined: a wait that is not defined in one scenario (no
// link workers, nobody seen) cannot be compared, and is not called "no
// change".
func TestVerdictUndefined(t *testing.T) {
	ref, alt := arms(20, -1000, -200, 0, 4)
	for i := range alt[sim.KPIWaitMean] {
		alt[sim.KPIWaitMean][i] = math.NaN()
	}
	cmp := experiment.Contrast([]string{"baseline", "none"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95)
	text := strings.Join(experiment.NewVerdict(cmp, 1).Sentences, " ")
	t.Log(text)
	if !strings.Contains(text, "; waits cannot be compared (not defined in one of them).") || strings.Contains(text, "waits do not change") ||
		strings.Contains(text, "waits and") {
		t.Errorf("verdict %q", text)
	}
}

// TestVerdictUndefinedInBoth: a wait not defined in either scenario (no
// link workers in both) is said to be so, not "not defined in one of
// them", which reads as if the other had one.
func TestVerdictUndefinedInBoth(t *testing.T) {
	ref, alt := arms(20, -1000, -200, 0, 4)
	for _, arm := range []map[string][]float64{ref, alt} {
		for i := range arm[sim.KPIWaitMean] {
			arm[sim.KPIWaitMean][i] = math.NaN()
		}
	}
	cmp := experiment.Contrast([]string{"baseline", "none"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95)
	text := strings.Join(experiment.NewVerdict(cmp, 1).Sentences, " ")
	if !strings.Contains(text, "; waits cannot be compared (not defined in either).") {
		t.Errorf("verdict %q", text)
	}
}

// TestVerdictOnTheModel runs the baseline against itself under another
// name (no difference at all) and against a fifth link worker (waits fall).
func TestVerdictOnTheModel(t *testing.T) {
	base := load(t, "baseline", 104, 26, 8)
	same := load(t, "baseline", 104, 26, 8)
	same.Name = "baseline-again"
	more := load(t, "baseline", 104, 26, 8)
	more.Name, more.Workforce.LinkWorkers = "more", base.Workforce.LinkWorkers+2
	cmp, err := experiment.Compare(context.Background(), []*sim.Config{base, same, more}, experiment.Options{Replications: 8, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	vs := experiment.Verdicts(cmp)
	for _, o := range vs[0].Outcomes {
		if o.Effect != experiment.NoDifference {
			t.Errorf("baseline against itself: %s %q", o.KPI, o.Effect)
		}
	}
	t.Log(vs[1].Sentences)
	for _, o := range vs[1].Outcomes {
		if o.KPI == sim.KPIWaitMean && o.Effect != experiment.Better {
			t.Errorf("two more link workers: waits %q (%+v)", o.Effect, o.Diff)
		}
	}
	if vs[1].Cost.Effect != experiment.Worse {
		t.Errorf("two more link workers cost %+v", vs[1].Cost)
	}
}

func TestFieller(t *testing.T) {
	// A cost difference without noise: the interval is the cost over the
	// ends of the denominator's t interval.
	num := []float64{100, 100, 100, 100}
	den := []float64{4, 5, 6, 5}
	r, ok := experiment.Fieller(num, den, 0.95)
	e := experiment.Interval(den, 0.95)
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: 3}.Quantile(0.975)
	if !ok || math.Abs(r.Value-20) > 1e-12 || math.Abs(r.Low-100/e.High) > 1e-9 || math.Abs(r.High-100/e.Low) > 1e-9 {
		t.Errorf("Fieller = %+v, %v; want 20 in [%g, %g] (t %g)", r, ok, 100/e.High, 100/e.Low, q)
	}
	// A denominator that may be 0: no ratio.
	if _, ok := experiment.Fieller(num, []float64{-1, 2, 0.5, -0.3}, 0.95); ok {
		t.Error("a ratio over a denominator not clearly non-zero")
	}
}

// TestFiellerCoverage draws correlated extra costs and extra outcomes
// with a known ratio of means and counts how often the interval holds it.
func TestFiellerCoverage(t *testing.T) {
	const trials, n, ratio = 2000, 10, 500.0
	rng := rand.New(rand.NewPCG(3, 4))
	covered, defined := 0, 0
	for range trials {
		num, den := make([]float64, n), make([]float64, n)
		for i := range n {
			z := rng.NormFloat64()
			den[i] = 40 + 15*z + 5*rng.NormFloat64()
			num[i] = ratio*40 + 3000*z + 4000*rng.NormFloat64()
		}
		r, ok := experiment.Fieller(num, den, 0.95)
		if !ok {
			continue
		}
		defined++
		if r.Low <= ratio && ratio <= r.High {
			covered++
		}
	}
	cov := float64(covered) / float64(defined)
	se := math.Sqrt(0.95 * 0.05 / float64(defined))
	t.Logf("Fieller coverage %.3f over %d trials with a ratio", cov, defined)
	if defined < trials*9/10 || math.Abs(cov-0.95) > 3*se {
		t.Errorf("coverage %.3f of %d defined intervals, want 0.95 ± %.3f", cov, defined, 3*se)
	}
}

func TestPlainNumbers(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{experiment.Percent(0.568), "56.8%"},
		{experiment.Percent(0.00042), "0.042%"}, // not 0.0%: a share that is not 0
		{experiment.Percent(0.000042), "0.0042%"},
		{experiment.Percent(1e-9), "<0.001%"},
		{experiment.Percent(0), "0.0%"},
		{experiment.Percent(0.0005), "0.1%"},
		{experiment.Money(256464.4), "£256,464"},
		{experiment.Money(-46000), "−£46,000"},
		{experiment.Money(12.5), "£12.50"},
		{experiment.Money(0), "£0"}, // nothing, not £0.00
		{experiment.Quantity(3.14, "weeks", false), "3.14 weeks"},
		{experiment.Quantity(1, "weeks", false), "1 week"},
		{experiment.Quantity(0.021, "share", true), "2.1 percentage points"},
		{experiment.Quantity(1234.4, "people/year", false), "1,234 a year"},
		{experiment.Quantity(0.919, "person-weeks/year", false), "0.919 person-weeks a year"},
		{experiment.Quantity(math.NaN(), "weeks", false), "n/a"},
		{experiment.Quantity(math.NaN(), "GBP/year", false), "n/a"},
		{experiment.Quantity(44.3, "people/FTE", false), "44.3 people per FTE"},
		{experiment.Quantity(37.5, "hours/week", false), "37.5 hours a week"},
		{experiment.Quantity(9.1, "people/FTE-year", false), "9.1 people per FTE a year"},
		{experiment.Quantity(46000, "GBP/year", false), "£46,000 a year"},
		{experiment.Number(0.4123), "0.412"},
		{experiment.Number(86.34), "86.3"},
		{experiment.Number(-3), "−3"},
		{experiment.Number(1.11e-17), "0"}, // a paired difference of equal values, not +0.0000000000000000111
		{experiment.Signed(1.11e-17, "people/year", false), "0 people a year"},
		{experiment.SignedWithBounds(1.11e-17, -0.121, 0.121, "people/year", true), "0 a year [−0.121, 0.121]"},
		{experiment.Number(1e6), "1,000,000"},
		{experiment.Bounds(math.NaN(), 1.21, 1.64, "weeks", false), "[1.21, 1.64]"},
		{experiment.Bounds(math.NaN(), 0.5, 0.6, "share", true), "[50.0, 60.0]"},
		{experiment.Bounds(math.NaN(), 0.403, 0.412, "share", false), "[40.3%, 41.2%]"},
		// Rounding never hides that an interval holds 0, nor its width.
		{experiment.Bounds(math.NaN(), -0.00012, 0.0196, "share", true), "[−0.01, 1.96]"},
		{experiment.Bounds(math.NaN(), -0.027278, -0.02656, "share", true), "[−2.73, −2.66]"},
		{experiment.Bounds(math.NaN(), 0.99999, 1, "share", false), "[99.999%, 100.000%]"},
		{experiment.Bounds(math.NaN(), 0.999929, 0.999987, "share", false), "[99.99%, 100.00%]"},
		{experiment.Bounds(math.NaN(), -0.00006, -0.000004, "share", true), "[−0.0060, −0.0004]"},
		{experiment.Bounds(math.NaN(), 1, 1, "share", false), "[100.0%, 100.0%]"},
		{experiment.Bounds(math.NaN(), 0, 0.00001, "share", true), "[0.000, 0.001]"},
		{experiment.Bounds(math.NaN(), -1e-9, 0.02, "share", true), "[0.000, 2.000]"},
		// A point keeps its interval's decimals: not "+1.0 … [−0.01, 1.96]".
		{experiment.WithBounds(0.0098, -0.00012, 0.0196, "share", true), "0.98 percentage points [−0.01, 1.96]"},
		{experiment.SignedWithBounds(0.0098, -0.00012, 0.0196, "share", true), "+0.98 percentage points [−0.01, 1.96]"},
		{experiment.SignedWithBounds(-0.0304, -0.0322, -0.0287, "share", true), "−3.0 percentage points [−3.2, −2.9]"},
		{experiment.WithBounds(3.04, 2.87, 3.22, "weeks", true), "3.04 weeks [2.87, 3.22]"},
		{experiment.WithBounds(0.341, 0.334, 0.349, "share", false), "34.1% [33.4%, 34.9%]"},
		{experiment.QuantityWithin(0.0098, math.NaN(), math.NaN(), "share", true), "1.0 percentage points"},
		{experiment.WordsWithin(-0.00001, -0.00001, 0, "share", true), "−0.001 percentage points"},
		{experiment.SignedWithin(0.0098, -0.00012, 0.0196, "share", true), "+0.98 percentage points"},
		{experiment.Words(0.52, "people/year", false), "0.52 people a year"},
		{experiment.Words(0.919, "person-weeks/year", false), "0.919 person-weeks a year"}, // as Quantity says it: everyone's weeks
		{experiment.Words(8.6, "post-weeks/year", false), "8.6 weeks a year"},
		{experiment.Words(0.00042, "share", false), "0.042%"},
		{experiment.Words(-0.087, "share", true), "−8.7 percentage points"},
		{experiment.Words(math.NaN(), "weeks", false), "not defined"},
		{experiment.Signed(-1200, "GBP", false), "−£1,200"},
		{experiment.Signed(0, "weeks", false), "0 weeks"},
		{experiment.WordsBetween(math.NaN(), 5.36, 5.9, "weeks", false), "5.36 to 5.90 weeks"},
		{experiment.SignedBetween(math.NaN(), -0.00012, 0.0196, "share", true), "−0.01 to +1.96 percentage points"},
		{experiment.SignedBetween(math.NaN(), 90645, 93713, "GBP/year", false), "+£90,645 to +£93,713 a year"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestHeadToHead: options that cost more are judged against each other,
// the one meeting more needs first, as are two support models at the
// same cost; two identical options differ in nothing; an option that
// saves money is not set against them.
func TestHeadToHead(t *testing.T) {
	const reps = 8
	base := load(t, "baseline", 104, 26, reps)
	posts := load(t, "extra-link-worker", 104, 26, reps)
	places := load(t, "vcse-investment", 104, 26, reps)
	placesAgain := load(t, "vcse-investment", 104, 26, reps)
	placesAgain.Name = "vcse-investment-again"
	cliff := load(t, "funding-cliff", 104, 26, reps)
	cliff.Timeline[0].Week = 40 // within the shortened run, so that it saves money
	longer, tiered := load(t, "longer-term", 104, 26, reps), load(t, "tiered", 104, 26, reps)
	cmp, err := experiment.Compare(context.Background(), []*sim.Config{base, places, cliff, posts, placesAgain, longer, tiered},
		experiment.Options{Replications: reps, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	hh := experiment.HeadToHead(cmp)
	pairs := map[string]experiment.Verdict{}
	for _, v := range hh {
		pairs[v.Scenario+" v "+v.Reference] = v
		if v.Scenario == "funding-cliff" || v.Reference == "funding-cliff" {
			t.Errorf("the cheaper funding-cliff set against the dearer options: %s", v.Sentences)
		}
	}
	if len(hh) != 4 {
		t.Fatalf("%d head-to-head verdicts, want 4 (every pair of three dearer options, and the two support models at the same cost): %v", len(hh), pairs)
	}
	if _, ok := pairs["tiered v longer-term"]; !ok {
		t.Errorf("no tiered against longer-term, at the same staffing: %v", pairs)
	}
	v, ok := pairs["extra-link-worker v vcse-investment"]
	if !ok {
		t.Fatalf("no extra-link-worker against vcse-investment: %v", pairs)
	}
	t.Log(v.Sentences)
	for _, o := range v.Outcomes {
		if o.KPI == sim.KPIWaitMean && o.Effect != experiment.Better {
			t.Errorf("a link worker against places: waits %q (%+v)", o.Effect, o.Diff)
		}
	}
	same, ok := pairs["vcse-investment v vcse-investment-again"]
	if !ok {
		same, ok = pairs["vcse-investment-again v vcse-investment"]
	}
	if !ok {
		t.Fatalf("no head to head of the two identical options: %v", pairs)
	}
	for _, o := range append(same.Outcomes, same.Cost) {
		if o.Effect != experiment.NoDifference || o.Diff.Mean != 0 {
			t.Errorf("identical options: %s %q (%+v)", o.KPI, o.Effect, o.Diff)
		}
	}
}

// TestHeadToHeadManyOptions: of more than three options for the same
// money, the one meeting the most needs is set against each of the others,
// not every pair against every other.
func TestHeadToHeadManyOptions(t *testing.T) {
	names := []string{"baseline", "a", "b", "c", "d"}
	var results [][]*sim.Result
	for i := range names {
		// The same seed: shared noise, as on common random numbers.
		ref, alt := arms(20, 5000, 10*float64(i), 0, 7)
		if i == 0 {
			alt = ref
		}
		results = append(results, fake(alt, units))
	}
	hh := experiment.HeadToHead(experiment.Contrast(names, results, 0.95))
	if len(hh) != 3 {
		t.Fatalf("%d head-to-head verdicts of four options, want 3", len(hh))
	}
	for i, v := range hh {
		if v.Scenario != "d" || v.Reference != names[i+1] {
			t.Errorf("verdict %d: %s against %s, want d against %s", i, v.Scenario, v.Reference, names[i+1])
		}
	}
}

// TestPerUnit: a cost per outcome names its unit as the sentence does.
func TestPerUnit(t *testing.T) {
	for kpi, want := range map[string]string{
		sim.KPINeedsMet:       "per need met",
		sim.KPIPeopleNeedsMet: "per person with every need met",
		sim.KPIReneged:        "per person fewer giving up",
		sim.KPILeavers:        "per leaver fewer",
		"episodes_completed":  "per unit of improvement in support episodes completed",
	} {
		if got := (experiment.Change{KPI: kpi, Label: "Support episodes completed"}).PerUnit(); got != want {
			t.Errorf("%s: %q, want %q", kpi, got, want)
		}
	}
}

// TestVerdictOneReplication: one replication gives means but no intervals,
// so a verdict says it cannot judge rather than "does not change
// detectably", which would read as a finding; and no options are set head
// to head.
func TestVerdictOneReplication(t *testing.T) {
	base := load(t, "baseline", 104, 26, 1)
	posts := load(t, "extra-link-worker", 104, 26, 1)
	places := load(t, "vcse-investment", 104, 26, 1)
	cmp, err := experiment.Compare(context.Background(), []*sim.Config{base, posts, places}, experiment.Options{Replications: 1, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range experiment.Verdicts(cmp) {
		if len(v.Sentences) != 1 || !strings.HasPrefix(v.Sentences[0], "With one replication there are no intervals, so "+v.Scenario+" cannot be judged against baseline") {
			t.Errorf("%s: %q", v.Scenario, v.Sentences)
		}
	}
	if hh := experiment.HeadToHead(cmp); hh != nil {
		t.Errorf("head to head with one replication: %v", hh)
	}
}

// TestVerdictIdentical: a scenario whose every KPI equals the reference's in
// every replication is said to change nothing that reaches the run, not
// to "not differ detectably (£0.00 a year [£0.00, £0.00])"; one that
// differs anywhere is judged as before.
func TestVerdictIdentical(t *testing.T) {
	base, twin, more := load(t, "baseline", 104, 26, 3), load(t, "baseline", 104, 26, 3), load(t, "baseline", 104, 26, 3)
	twin.Name, more.Name = "twin", "more"
	more.Workforce.LinkWorkers++
	cmp, err := experiment.Compare(context.Background(), []*sim.Config{base, twin, more}, experiment.Options{Replications: 3, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	vs := experiment.Verdicts(cmp)
	if want := "twin gives the same results as baseline, every KPI in every replication: nothing it changes reaches the run."; !vs[0].Identical || vs[0].Sentences[0] != want {
		t.Errorf("twin: %v %q, want %q", vs[0].Identical, vs[0].Sentences, want)
	}
	if vs[1].Identical || !strings.HasPrefix(vs[1].Sentences[0], "more costs ") {
		t.Errorf("one more post: %v %q", vs[1].Identical, vs[1].Sentences)
	}
}

// TestVerdictCheaperGainHasItsInterval: "It is cheaper and still gains 92
// needs met a year" carries the gain's interval.
func TestVerdictCheaperGainHasItsInterval(t *testing.T) {
	ref, alt := arms(20, -5000, 92, -1.4, 1)
	v := experiment.NewVerdict(experiment.Contrast([]string{"baseline", "leaner"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95), 1)
	text := strings.Join(v.Sentences, " ")
	if !regexp.MustCompile(`It is cheaper and still gains \d+(\.\d+)? needs met a year \[\d+(\.\d+)?, \d+(\.\d+)?\]\.`).MatchString(text) {
		t.Errorf("%q: want the gain with its interval", text)
	}
}

// TestVerdictSaysWhenTooLoose: an outcome that does not change detectably
// but whose interval is wide against its level (leavers, a rare event) is
// named, with more replications as the remedy; a precise one is not.
func TestVerdictSaysWhenTooLoose(t *testing.T) {
	for _, c := range []struct {
		noise float64
		want  bool
	}{{0.2, true}, {0.002, false}} {
		ref, alt := arms(10, 5000, 0, 0, 4)
		for i := range 10 {
			ref[sim.KPILeaversPerFTE] = append(ref[sim.KPILeaversPerFTE], 0.2)
			alt[sim.KPILeaversPerFTE] = append(alt[sim.KPILeaversPerFTE], 0.2+c.noise*float64(i%3-1))
		}
		u := withUnits(map[string]string{sim.KPILeaversPerFTE: "people/FTE-year"})
		v := experiment.NewVerdict(experiment.Contrast([]string{"baseline", "supervised"}, [][]*sim.Result{fake(ref, u), fake(alt, u)}, 0.95), 1)
		text := strings.Join(v.Sentences, " ")
		if got := strings.Contains(text, "The interval is wide for link-worker turnover (±"); got != c.want {
			t.Errorf("noise %v: %q; want the loose interval named: %v", c.noise, text, c.want)
		}
	}
}

// TestVerdictPossessive: a name ending in s owns with an apostrophe alone
// ("three posts' cost", not "three posts's").
func TestVerdictPossessive(t *testing.T) {
	ref, alt := arms(20, 0, 0, 0, 2)
	v := experiment.NewVerdict(experiment.Contrast([]string{"three posts", "four posts"}, [][]*sim.Result{fake(ref, units), fake(alt, units)}, 0.95), 1)
	if text := strings.Join(v.Sentences, " "); !strings.HasPrefix(text, "four posts' cost does not differ detectably from three posts' (") {
		t.Errorf("%q", text)
	}
}

// TestVerdictSaysWhenPeriodsDiffer: a scenario measured over other weeks
// than the reference's (another horizon) is judged with a first sentence
// saying so; one measured over the same weeks is not.
func TestVerdictSaysWhenPeriodsDiffer(t *testing.T) {
	base, same, shorter := load(t, "baseline", 104, 26, 3), load(t, "baseline", 104, 26, 3), load(t, "baseline", 80, 26, 3)
	same.Name, shorter.Name = "same", "shorter"
	same.Workforce.LinkWorkers++
	cmp, err := experiment.Compare(context.Background(), []*sim.Config{base, same, shorter}, experiment.Options{Replications: 3, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	vs := experiment.Verdicts(cmp)
	if strings.Contains(strings.Join(vs[0].Sentences, " "), "measured over") {
		t.Errorf("same period: %q", vs[0].Sentences)
	}
	want := "shorter's figures are measured over 54 weeks after its warm-up and baseline's over 78, so part of each difference below is the period's, not what shorter changes."
	if vs[1].Sentences[0] != want || len(vs[1].Sentences) < 2 {
		t.Errorf("shorter: %q, want first %q", vs[1].Sentences, want)
	}
}

// TestVerdictSaysWhichWeeks: a scenario measured over as many weeks as the
// reference but not the same ones (another warm-up and horizon) is judged
// with a first sentence naming both periods, as one over fewer weeks is:
// growth, seasons and a timeline are dated from week 0, so the same number
// of weeks later on is not the same service. So is the head-to-head verdict
// of two options measured over different weeks.
func TestVerdictSaysWhichWeeks(t *testing.T) {
	const laterWords = "later is measured over weeks 26 to 103 and base over weeks 12 to 89: as many weeks, but not the same ones, so part of each difference below is the period's (growth, seasons and changes are dated from week 0), not what later changes."
	cases := []struct {
		name            string
		horizon, warmup int
		extra           int // link workers added
		first, notFirst string
	}{
		{name: "same weeks", horizon: 90, warmup: 12, extra: 1, notFirst: "measured over"},
		{name: "later", horizon: 104, warmup: 26, first: laterWords},
		{name: "fewer", horizon: 80, warmup: 12,
			first: "fewer's figures are measured over 68 weeks after its warm-up and base's over 78, so part of each difference below is the period's, not what fewer changes."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base, alt := load(t, "baseline", 90, 12, 3), load(t, "baseline", c.horizon, c.warmup, 3)
			base.Name, alt.Name = "base", c.name
			alt.Workforce.LinkWorkers += c.extra
			cmp, err := experiment.Compare(context.Background(), []*sim.Config{base, alt}, experiment.Options{Replications: 3, Jobs: 2}, 0.95)
			if err != nil {
				t.Fatal(err)
			}
			got := experiment.Verdicts(cmp)[0].Sentences
			if c.first != "" && (got[0] != c.first || len(got) < 2) {
				t.Errorf("sentences %q\nwant first %q", got, c.first)
			}
			if c.notFirst != "" && strings.Contains(got[0], c.notFirst) {
				t.Errorf("first sentence %q has %q", got[0], c.notFirst)
			}
		})
	}
	// Two options that both cost more, set head to head: the later one's
	// weeks are still not the other's.
	base, more, later := load(t, "baseline", 90, 12, 3), load(t, "baseline", 90, 12, 3), load(t, "baseline", 104, 26, 3)
	more.Name, later.Name = "more", "later"
	more.Workforce.LinkWorkers++
	later.Workforce.LinkWorkers += 2
	cmp, err := experiment.Compare(context.Background(), []*sim.Config{base, more, later}, experiment.Options{Replications: 3, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	hh := experiment.HeadToHead(cmp)
	if len(hh) != 1 {
		t.Fatalf("%d head-to-head verdicts, want 1", len(hh))
	}
	if first := hh[0].Sentences[0]; !strings.Contains(first, "over weeks 26 to 103") || !strings.Contains(first, "over weeks 12 to 89") {
		t.Errorf("head to head %s against %s: first sentence %q, want both periods named", hh[0].Scenario, hh[0].Reference, first)
	}
}

// TestEffectOfUndefined: a difference with no mean (a wait where nobody is
// seen in one of the two) is not defined, not "too few replications to
// tell": the verdict's sentence and its table and files must agree.
func TestEffectOfUndefined(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		d     experiment.Estimate
		want  experiment.Effect
		words string
	}{
		{experiment.Estimate{Mean: nan, Low: nan, High: nan, N: 5}, experiment.NotDefined, "not defined in one of them or both"},
		{experiment.Estimate{Mean: nan, Low: nan, High: nan, N: 1}, experiment.NotDefined, "not defined in one of them or both"},
		{experiment.Estimate{Mean: 2, Low: nan, High: nan, N: 1}, experiment.Undetermined, "too few replications to tell"},
		{experiment.Estimate{Mean: 2, Low: -1, High: 5, N: 5}, experiment.NoDifference, "no detectable difference"},
		{experiment.Estimate{Mean: 2, Low: 1, High: 3, N: 5}, experiment.Worse, "worse"},
	} {
		got := experiment.EffectOf(c.d, sim.LowerIsBetter)
		if got != c.want || got.Words() != c.words {
			t.Errorf("%+v: %s (%q), want %s (%q)", c.d, got, got.Words(), c.want, c.words)
		}
	}
}
