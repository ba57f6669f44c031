package experiment

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/spsim/spsim/sim"
)

func TestIntervalInHandComputed(t *testing.T) {
	xs := []float64{2, 3, 3, 4, 8} // mean 4, skewed; the plain interval stays above 0
	plain := Interval(xs, 0.95)
	hw := plain.HalfWidth
	inf := math.Inf(1)
	logit := func(p float64) float64 { return math.Log(p / (1 - p)) }
	for _, tc := range []struct {
		name   string
		r      Range
		lo, hi float64
	}{
		{"unbounded", Unbounded, 4 - hw, 4 + hw},
		{"non-negative", NonNegative, 4 * math.Exp(-hw/4), 4 * math.Exp(hw/4)},
		{"at most 10", Range{math.Inf(-1), 10}, 10 - 6*math.Exp(hw/6), 10 - 6*math.Exp(-hw/6)},
		{"from -1", Range{-1, inf}, -1 + 5*math.Exp(-hw/5), -1 + 5*math.Exp(hw/5)},
		{"[0, 10]", Range{0, 10}, 10 * expit(logit(0.4)-hw/(10*0.4*0.6)), 10 * expit(logit(0.4)+hw/(10*0.4*0.6))},
	} {
		e := IntervalIn(xs, 0.95, tc.r)
		if math.Abs(e.Low-tc.lo) > 1e-12 || math.Abs(e.High-tc.hi) > 1e-12 {
			t.Errorf("%s: [%.10g, %.10g], want [%.10g, %.10g]", tc.name, e.Low, e.High, tc.lo, tc.hi)
		}
		if e.Mean != 4 || e.HalfWidth != hw || e.SD != plain.SD || e.N != 5 {
			t.Errorf("%s: mean %g, half-width %g, sd %g, n %d changed", tc.name, e.Mean, e.HalfWidth, e.SD, e.N)
		}
	}
	if plain.Low <= 0 || hw < 1 {
		t.Fatalf("plain interval [%g, %g]: want it above 0 and wide enough to skew", plain.Low, plain.High)
	}
}

// TestIntervalInCrossingAnEnd: where the plain interval crosses an end,
// the transformed one would stretch its far bound without limit (with two
// replications, one at the end, by e^12.7); the far bound follows the line
// m + t·se + (m − a)(e − 2) instead, and the near bound stays transformed.
func TestIntervalInCrossingAnEnd(t *testing.T) {
	const t1, t4 = 12.706204736174698, 2.7764451051977987 // Student's t, 1 and 4 degrees of freedom
	for _, tc := range []struct {
		name   string
		xs     []float64
		r      Range
		lo, hi float64
	}{
		// Caseloads full in one replication, all but full in the other:
		// 100.0% [4.2%, 100.0%] before.
		{"a share at its end", []float64{1, 0.99986}, UnitShare, 0.99993 - t1*0.00007 - 0.00007*(math.E-2), 1},
		// A leaver in one replication of two: [0.0000006, 65,958] before.
		{"a rare count", []float64{0, 0.4}, NonNegative, 0.2 * math.Exp(-t1), 0.2 + t1*0.2 + 0.2*(math.E-2)},
		{"a list mostly empty", []float64{0, 0, 1, 0, 9}, NonNegative, 2 * math.Exp(-t4*math.Sqrt(3.1)/2), 2 + t4*math.Sqrt(3.1) + 2*(math.E-2)},
	} {
		e := IntervalIn(tc.xs, 0.95, tc.r)
		if math.Abs(e.Low-tc.lo) > 1e-9 || math.Abs(e.High-tc.hi) > 1e-9 {
			t.Errorf("%s: [%.10g, %.10g], want [%.10g, %.10g]", tc.name, e.Low, e.High, tc.lo, tc.hi)
		}
	}
}

// TestIntervalInIsContinuous: the far bound does not jump where the plain
// interval first touches the end (it did when the plain interval, clamped,
// took over there: {0.598, 1, 1.402} gave [0.368, 2.715] and the noisier
// {0.597, 1, 1.403} [0, 2.001]), and it widens with the spread.
func TestIntervalInIsContinuous(t *testing.T) {
	prev := Estimate{}
	for i := range 400 {
		s := 0.3 + 0.2*float64(i)/400 // the plain interval touches 0 near s = 0.4
		e := IntervalIn([]float64{1 - s, 1, 1 + s}, 0.95, NonNegative)
		if i > 0 && (e.High < prev.High || e.Low > prev.Low || e.High-prev.High > 0.01 || prev.Low-e.Low > 0.01) {
			t.Fatalf("spread %.4f: [%g, %g] after [%g, %g]: a jump, or a narrowing", s, e.Low, e.High, prev.Low, prev.High)
		}
		prev = e
	}
}

func TestIntervalInEdges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		xs     []float64
		r      Range
		lo, hi float64
	}{
		{"all at the lower end", []float64{0, 0, 0}, NonNegative, 0, 0},
		{"all at the upper end of a share", []float64{1, 1, 1, 1}, UnitShare, 1, 1},
		{"no spread inside", []float64{0.3, 0.3}, UnitShare, 0.3, 0.3},
		// A value outside the range cannot be transformed: the plain
		// interval, clamped.
		{"a value outside", []float64{-1, 0, 4}, NonNegative, 0, 1 + 4.302652729911275*math.Sqrt(7.0/3)},
	} {
		e := IntervalIn(tc.xs, 0.95, tc.r)
		if math.Abs(e.Low-tc.lo) > 1e-9 || math.Abs(e.High-tc.hi) > 1e-9 {
			t.Errorf("%s: [%g, %g], want [%g, %g]", tc.name, e.Low, e.High, tc.lo, tc.hi)
		}
	}
	if e := IntervalIn([]float64{3}, 0.95, NonNegative); !math.IsNaN(e.Low) || e.Mean != 3 {
		t.Errorf("one value: %+v, want mean 3 and no interval", e)
	}
	if e := IntervalIn(nil, 0.95, NonNegative); !math.IsNaN(e.Mean) || !math.IsNaN(e.Low) {
		t.Errorf("no values: %+v, want NaN", e)
	}
}

// TestIntervalInNeverLeavesRange draws skewed samples piled against the
// ends of their range and checks every bound.
func TestIntervalInNeverLeavesRange(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ranges := []Range{NonNegative, UnitShare, {-5, 5}, {math.Inf(-1), 0}}
	for i := range 20000 {
		r := ranges[i%len(ranges)]
		n := 2 + rng.IntN(8)
		xs := make([]float64, n)
		for j := range xs {
			u := math.Pow(rng.Float64(), 8) // mostly near 0
			switch {
			case r == NonNegative:
				xs[j] = 1e3 * u
			case r == UnitShare:
				xs[j] = u
				if i%3 == 0 {
					xs[j] = 1 - u
				}
			case math.IsInf(r.Min, -1):
				xs[j] = -1e-9 * u
			default:
				xs[j] = r.Min + (r.Max-r.Min)*u
			}
		}
		e := IntervalIn(xs, 0.95, r)
		if !r.Contains(e.Low) || !r.Contains(e.High) || e.Low > e.Mean || e.Mean > e.High {
			t.Fatalf("%v in %v: [%g, %g] around %g", xs, r, e.Low, e.High, e.Mean)
		}
	}
}

func TestRangeOf(t *testing.T) {
	for _, tc := range []struct {
		name, unit string
		want       Range
	}{
		{"needs_met_share", "share", UnitShare},
		{"waiting_list_end", "people", NonNegative},
		{"reneged", "people/year", NonNegative},
		{"cost_total", "GBP/year", NonNegative},
		{"wait_first_contact_p90_weeks", "weeks", NonNegative},
		{"pressure_mean", "index", NonNegative},
		{"inequity_gap_needs_met_share", "share", Range{-1, 1}},
		{"inequity_gap_wait_weeks", "weeks", Unbounded},
		{"something", "furlongs", Unbounded},
	} {
		if got := RangeOf(tc.name, tc.unit); got != tc.want {
			t.Errorf("RangeOf(%q, %q) = %v, want %v", tc.name, tc.unit, got, tc.want)
		}
	}
}

func TestPairedInClamps(t *testing.T) {
	a := []float64{0.99, 0.98, 0.97}
	b := []float64{0.01, 0.5, 0.02}
	e := PairedIn(a, b, 0.95, UnitShare)
	if e.Low < -1 || e.High > 1 {
		t.Errorf("difference of shares [%g, %g] leaves [-1, 1]", e.Low, e.High)
	}
	if p := Paired(a, b, 0.95); p.Low >= -1 {
		t.Fatalf("plain paired interval [%g, %g] within [-1, 1]: a poor test case", p.Low, p.High)
	}
}

// TestKPIRangeFromRegistry checks every registered KPI's range comes from
// the registry, which may know better than the unit (a utilisation in
// "share" can pass 1 when posts fall vacant under a full caseload).
func TestKPIRangeFromRegistry(t *testing.T) {
	for _, m := range sim.KPIs() {
		got := KPIRange(m.Name, m.Unit)
		if got != (Range{m.Min, m.Max}) {
			t.Errorf("%s: range %v, registry says [%g, %g]", m.Name, got, m.Min, m.Max)
		}
	}
	if got := KPIRange("no_such_kpi", "people"); got != NonNegative {
		t.Errorf("unregistered KPI in people: %v, want [0, ∞)", got)
	}
}

// TestWeeklyBandsStayAboveZero: a weekly series that is mostly 0 with an
// occasional burst (a waiting list that is usually empty) has bands that
// never reach below 0, where the plain interval would.
func TestWeeklyBandsStayAboveZero(t *testing.T) {
	var rs []*sim.Result
	for _, v := range []float64{0, 0, 0, 0, 12} {
		rs = append(rs, result(map[string][]float64{"waiting": {v, 0}}, "waiting"))
	}
	est := Weekly(rs, Column("waiting"), 0.95)
	if plain := Interval([]float64{0, 0, 0, 0, 12}, 0.95); plain.Low >= 0 {
		t.Fatalf("plain interval [%g, %g] does not cross 0: a poor case", plain.Low, plain.High)
	}
	if est[0].Low < 0 || !(est[0].High > est[0].Mean) || est[1].Low != 0 || est[1].High != 0 {
		t.Errorf("weekly bands %+v, want within [0, ∞)", est)
	}
}

// TestNoneSeenIsBoundedAbove: a count a year that no replication saw has
// the exact Poisson bound of a rate never seen over the weeks measured,
// not [0, 0]; a count some replications saw, or a quantity that is not a
// count of events, keeps its interval.
func TestNoneSeenIsBoundedAbove(t *testing.T) {
	results := func(vals ...float64) []*sim.Result {
		var rs []*sim.Result
		for _, v := range vals {
			rs = append(rs, &sim.Result{Weeks: 104, KPIs: []sim.KPI{
				{Name: sim.KPIVCSERefused, Unit: "referrals/year", Value: v},
				{Name: sim.KPIHoldingWeeks, Unit: "person-weeks/year", Value: v},
			}})
		}
		return rs
	}
	sums := Summarise(results(0, 0, 0, 0), 0.95)
	// 4 replications of 104 weeks: 8 years with none.
	if e := sums[0].Estimate; e.Mean != 0 || e.Low != 0 || math.Abs(e.High-math.Log(40)/8) > 1e-12 {
		t.Errorf("none seen in 8 years: %+v, want [0, ln(40)/8 = %.4g]", e, math.Log(40)/8)
	}
	if e := sums[1].Estimate; e.High != 0 {
		t.Errorf("person-weeks a year, none: %+v, want [0, 0] (not a count of events)", e)
	}
	if e := Summarise(results(0, 1, 0, 0), 0.95)[0].Estimate; e.Low < 0 || e.High > 10 || e.Mean != 0.25 {
		t.Errorf("one seen: %+v", e)
	}
}
