package output

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestSweepAnswer: without the replications' values, a change is told
// only where the ends' intervals do not overlap; otherwise the sweep shows
// no clear change. A sweep of two keys, one with a single value, has no
// corners to read and gets no answer.
func TestSweepAnswer(t *testing.T) {
	at := func(v string, mean, lo, hi float64) experiment.SweepPoint {
		return experiment.SweepPoint{Values: []string{v}, Summaries: []experiment.Summary{{
			Name: sim.KPIWaitMean, Unit: sim.UnitWeeks, Estimate: experiment.Estimate{Mean: mean, Low: lo, High: hi, N: 5}}}}
	}
	gap := func(v string, mean, lo, hi float64) experiment.SweepPoint {
		return experiment.SweepPoint{Values: []string{v}, Summaries: []experiment.Summary{{
			Name: sim.KPIInequityGapNeedsMetShare, Unit: sim.UnitShare, Estimate: experiment.Estimate{Mean: mean, Low: lo, High: hi, N: 5}}}}
	}
	one := []experiment.Factor{{Key: "workforce.link_workers", Values: []string{"3", "4", "5"}}}
	for _, c := range []struct {
		name string
		sw   experiment.Sweep
		want []string
	}{
		{"falls", experiment.Sweep{Factors: one, Points: []experiment.SweepPoint{at("3", 8, 6.4, 10), at("4", 4.7, 3.3, 6.6), at("5", 2, 1.2, 3.4)}},
			[]string{"Changing link-worker posts from 3 to 5:", "Wait to first contact, mean: falls from 8.0 weeks [6.4, 10.0] to 2.00 weeks [1.20, 3.40]."}},
		{"rises", experiment.Sweep{Factors: one, Points: []experiment.SweepPoint{at("3", 2, 1.2, 3.4), at("5", 8, 6.4, 10)}},
			[]string{"Changing link-worker posts from 3 to 5:", "Wait to first contact, mean: rises from 2.00 weeks [1.20, 3.40] to 8.0 weeks [6.4, 10.0]."}},
		{"overlapping", experiment.Sweep{Factors: one, Points: []experiment.SweepPoint{at("3", 5, 4, 6), at("5", 5.5, 4.5, 6.5)}},
			[]string{"Changing link-worker posts from 3 to 5:", "Wait to first contact, mean: no clear change (5.00 weeks [4.00, 6.00] and 5.50 weeks [4.50, 6.50]; the intervals overlap)."}},
		{"a key without words", experiment.Sweep{Factors: []experiment.Factor{{Key: "demand.seasonal_peak_week", Values: []string{"1", "27"}}},
			Points: []experiment.SweepPoint{at("1", 8, 6.4, 10), at("27", 2, 1.2, 3.4)}},
			[]string{"Changing demand.seasonal_peak_week from 1 to 27:", "Wait to first contact, mean: falls from 8.0 weeks [6.4, 10.0] to 2.00 weeks [1.20, 3.40]."}},
		{"undefined at one end", experiment.Sweep{Factors: one, Points: []experiment.SweepPoint{at("0", math.NaN(), math.NaN(), math.NaN()), at("5", 2, 1.2, 3.4)}},
			[]string{"Changing link-worker posts from 0 to 5:", "Wait to first contact, mean: n/a and 2.00 weeks [1.20, 3.40]; not defined at one end."}},
		{"a gap in percentage points", experiment.Sweep{Factors: one, Points: []experiment.SweepPoint{gap("3", -0.087, -0.095, -0.079), gap("5", -0.02, -0.03, -0.01)}},
			[]string{"Changing link-worker posts from 3 to 5:", "Inequity gap in needs met (reference group minus rest): rises from −8.7 percentage points [−9.5, −7.9] to −2.0 percentage points [−3.0, −1.0]."}},
		{"choices, each against the first", experiment.Sweep{Factors: []experiment.Factor{{Key: "support.model", Values: []string{"short_term", "longer_term", "tiered"}}},
			Points: []experiment.SweepPoint{at("short_term", 8, 6.4, 10), at("longer_term", 2, 1.2, 3.4), at("tiered", 8.5, 7, 10)}},
			[]string{"Changing support model from short_term to longer_term:", "Wait to first contact, mean: falls from 8.0 weeks [6.4, 10.0] to 2.00 weeks [1.20, 3.40].",
				"Changing support model from short_term to tiered:", "Wait to first contact, mean: no clear change (8.0 weeks [6.4, 10.0] and 8.5 weeks [7.0, 10.0]; the intervals overlap)."}},
		{"two keys", experiment.Sweep{Factors: append(one, experiment.Factor{Key: "demand.annual_growth", Values: []string{"0"}}),
			Points: []experiment.SweepPoint{at("3", 8, 6.4, 10), at("5", 2, 1.2, 3.4)}}, nil},
	} {
		if got := SweepAnswer(&c.sw, []string{sim.KPIWaitMean, sim.KPIInequityGapNeedsMetShare}, ""); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSweepAnswerPaired: the ends share their random numbers, so with
// their replications' values they are compared replication by
// replication: intervals that overlap can still hide a clear paired change,
// and a paired interval that holds 0 is no detectable change.
func TestSweepAnswerPaired(t *testing.T) {
	at := func(v string, mean, lo, hi float64, values ...float64) experiment.SweepPoint {
		return experiment.SweepPoint{Values: []string{v}, Summaries: []experiment.Summary{{
			Name: sim.KPIWaitMean, Unit: sim.UnitWeeks, Values: values, Estimate: experiment.Estimate{Mean: mean, Low: lo, High: hi, N: len(values)}}}}
	}
	one := []experiment.Factor{{Key: "workforce.link_workers", Values: []string{"3", "5"}}}
	for _, c := range []struct {
		name   string
		points []experiment.SweepPoint
		want   string
	}{
		// Each replication's wait is 0.5 longer at 5 than at 3, though the
		// replications differ by 4 weeks among themselves.
		{"overlapping intervals, a clear paired rise", []experiment.SweepPoint{at("3", 5, 3, 7, 3, 4, 5, 6, 7), at("5", 5.5, 3.5, 7.5, 3.5, 4.5, 5.5, 6.5, 7.5)},
			"Wait to first contact, mean: rises from 5.00 weeks [3.00, 7.00] to 5.50 weeks [3.50, 7.50] (+0.500 weeks [0.500, 0.500], paired)."},
		{"no paired change", []experiment.SweepPoint{at("3", 5, 3, 7, 3, 4, 5, 6, 7), at("5", 5, 3, 7, 4, 3, 6, 5, 7)},
			"Wait to first contact, mean: no detectable change (5.00 weeks [3.00, 7.00] and 5.00 weeks [3.00, 7.00]; 0 weeks [−1.24, 1.24], paired)."},
	} {
		got := SweepAnswer(&experiment.Sweep{Factors: one, Points: c.points, Level: 0.95}, []string{sim.KPIWaitMean}, "")
		if len(got) != 2 || got[1] != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// The same values, replication by replication, at every point: the key
	// reaches nothing measured, which is not "no detectable change".
	same := []experiment.SweepPoint{at("3", 5, 3, 7, 3, 4, 5, 6, 7), at("5", 5, 3, 7, 3, 4, 5, 6, 7)}
	got := SweepAnswer(&experiment.Sweep{Factors: one, Points: same, Level: 0.95}, []string{sim.KPIWaitMean}, "")
	if want := "Changing link-worker posts from 3 to 5 changes nothing: every replication gives the same results at every value"; len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("a key reaching nothing: %q, want %q", got, want)
	}
	// A key that moves only a KPI not shown (a salary moves only costs)
	// does not change nothing: the answer tells what it moves.
	withCost := func(p experiment.SweepPoint, cost ...float64) experiment.SweepPoint {
		p.Summaries = append(p.Summaries, experiment.Summary{Name: sim.KPICostTotal, Unit: sim.UnitGBPPerYear, Values: cost,
			Estimate: experiment.Estimate{Mean: cost[0], Low: cost[0] - 1, High: cost[0] + 1, N: len(cost)}})
		return p
	}
	costs := []experiment.SweepPoint{withCost(same[0], 100, 101, 102, 103, 104), withCost(same[1], 200, 202, 204, 206, 208)}
	got = SweepAnswer(&experiment.Sweep{Factors: one, Points: costs, Level: 0.95}, []string{sim.KPIWaitMean}, "")
	if len(got) != 2 || !strings.HasSuffix(got[0], "leaves the KPIs shown exactly as they were, replication by replication; it changes others:") ||
		!strings.HasPrefix(got[1], "Total cost: rises") {
		t.Errorf("a key moving only costs: %q", got)
	}
	// So does a grid of two such keys, read at its corners.
	two := []experiment.Factor{{Key: "costs.salary_per_fte_year", Values: []string{"30000", "40000"}}, {Key: "costs.recruitment_cost", Values: []string{"0", "5000"}}}
	var grid []experiment.SweepPoint
	for i, vs := range [][]string{{"30000", "0"}, {"30000", "5000"}, {"40000", "0"}, {"40000", "5000"}} {
		p := withCost(at("x", 5, 3, 7, 3, 4, 5, 6, 7), 100*float64(i+1), 101*float64(i+1), 102*float64(i+1), 103*float64(i+1), 104*float64(i+1))
		p.Values = vs
		grid = append(grid, p)
	}
	got = SweepAnswer(&experiment.Sweep{Factors: two, Points: grid, Level: 0.95}, []string{sim.KPIWaitMean}, "")
	if len(got) < 2 || !strings.Contains(got[0], "from 30000 and 0 to 40000 and 5000 leaves the KPIs shown exactly as they were") {
		t.Errorf("a grid moving only costs: %q", got)
	}
}

// A sweep's first sentence may name the key in words.
func ExampleSweepAnswer() {
	at := func(v string, mean, lo, hi float64) experiment.SweepPoint {
		return experiment.SweepPoint{Values: []string{v}, Summaries: []experiment.Summary{{
			Name: sim.KPINeedsMetShare, Unit: sim.UnitShare, Estimate: experiment.Estimate{Mean: mean, Low: lo, High: hi, N: 5}}}}
	}
	sw := &experiment.Sweep{Factors: []experiment.Factor{{Key: "workforce.link_workers"}},
		Points: []experiment.SweepPoint{at("3", 0.333, 0.317, 0.351), at("5", 0.409, 0.4, 0.419)}}
	for _, line := range SweepAnswer(sw, []string{sim.KPINeedsMetShare}, "the number of link workers") {
		fmt.Println(line)
	}
	// Output:
	// Changing the number of link workers from 3 to 5:
	// Share of needs met: rises from 33.3% [31.7%, 35.1%] to 40.9% [40.0%, 41.9%].
}

// TestSweepCapacity: each point's utilisation is read as a run reads it,
// from its interval, and stretches of one reading are named by their ends.
func TestSweepCapacity(t *testing.T) {
	full, close, room, none := [2]float64{0.97, 1}, [2]float64{0.93, 0.97}, [2]float64{0.8, 0.9}, [2]float64{math.NaN(), math.NaN()}
	sweep := func(ends ...[2]float64) *experiment.Sweep {
		sw := &experiment.Sweep{Factors: []experiment.Factor{{Key: "workforce.link_workers"}}}
		for i, e := range ends {
			sw.Points = append(sw.Points, experiment.SweepPoint{Values: []string{fmt.Sprint(i + 2)}, Summaries: []experiment.Summary{{
				Name: sim.KPIUtilisation, Unit: sim.UnitShare, Estimate: experiment.Estimate{Mean: (e[0] + e[1]) / 2, Low: e[0], High: e[1], N: 5}}}})
		}
		return sw
	}
	choice := func(ends ...[2]float64) *experiment.Sweep {
		sw := sweep(ends...)
		for i, name := range []string{"short_term", "longer_term", "tiered"}[:len(ends)] {
			sw.Points[i].Values[0] = name
		}
		return sw
	}
	for _, c := range []struct {
		sw   *experiment.Sweep
		want string
	}{
		{sweep(full, full, full, close, room), "Demand outstrips link-worker supply at 2 to 4; link workers are close to full at 5; link workers have room at 6."},
		{sweep(full, room, room), "Demand outstrips link-worker supply at 2; link workers have room at 3 and 4."},
		{sweep(full, full), "Demand outstrips link-worker supply at every point, 2 and 3."},
		{choice(full, full, full), "Demand outstrips link-worker supply at every point, short_term, longer_term and tiered."},
		{choice(room, full, full), "Link workers have room at short_term; demand outstrips link-worker supply at longer_term and tiered."},
		{sweep(none, full, room), "There are no link-worker caseload places at 2; demand outstrips link-worker supply at 3; link workers have room at 4."},
		{sweep(room, full, room), "Link workers have room at 2; demand outstrips link-worker supply at 3; link workers have room at 4."},
		{&experiment.Sweep{Factors: []experiment.Factor{{Key: "k"}}, Points: []experiment.SweepPoint{{Values: []string{"1"}}, {Values: []string{"2"}}}}, ""},
	} {
		if got := sweepCapacity(c.sw); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}

// TestSweepTipping: where a sweep's reading turns from room to full (or
// back), the answer names the two values and a finer sweep between them,
// whole steps for whole values; none where nothing lies between.
func TestSweepTipping(t *testing.T) {
	full, close, room, none := [2]float64{0.97, 1}, [2]float64{0.93, 0.97}, [2]float64{0.8, 0.9}, [2]float64{math.NaN(), math.NaN()}
	type point struct {
		value string
		util  [2]float64
	}
	sweep := func(points ...point) *experiment.Sweep {
		sw := &experiment.Sweep{Factors: []experiment.Factor{{Key: "demand.referrals_per_week"}}}
		for _, p := range points {
			e := p.util
			sw.Points = append(sw.Points, experiment.SweepPoint{Values: []string{p.value}, Summaries: []experiment.Summary{{
				Name: sim.KPIUtilisation, Unit: sim.UnitShare, Estimate: experiment.Estimate{Mean: (e[0] + e[1]) / 2, Low: e[0], High: e[1], N: 5}}}})
		}
		return sw
	}
	for _, c := range []struct {
		name string
		sw   *experiment.Sweep
		want string
	}{
		{"demand rising", sweep(point{"10", room}, point{"15", full}, point{"20", full}),
			"Link workers run out of room between 10 and 15; a sweep from 10 to 15 in steps of 1 would find where more closely."},
		{"through close to full", sweep(point{"10", room}, point{"20", close}, point{"30", full}),
			"Link workers run out of room between 10 and 20; a sweep from 10 to 20 in steps of 2 would find where more closely."},
		{"capacity rising", sweep(point{"2", full}, point{"6", full}, point{"10", room}),
			"Link workers first have room between 6 and 10; a sweep from 6 to 10 in steps of 1 would find where more closely."},
		{"fractional values", sweep(point{"0.5", room}, point{"1.5", full}),
			"Link workers run out of room between 0.5 and 1.5; a sweep from 0.5 to 1.5 in steps of 0.2 would find where more closely."},
		{"nothing between whole values", sweep(point{"3", full}, point{"4", room}), ""},
		{"no change", sweep(point{"3", full}, point{"5", full}), ""},
		{"not numbers", sweep(point{"short", room}, point{"long", full}), ""},
		{"no places at one end", sweep(point{"0", none}, point{"5", room}), ""},
	} {
		if got := sweepTipping(c.sw); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFinerStep(t *testing.T) {
	for _, c := range []struct{ lo, hi, step string }{
		{"10", "15", "1"}, {"10", "30", "5"}, {"10", "12", "1"}, {"100", "200", "20"},
		{"0.2", "0.4", "0.05"}, {"1.5", "1", "0.1"}, {"10", "10.5", "0.1"},
		{"3", "4", ""}, {"a", "4", ""}, {"4", "4", ""},
	} {
		got, ok := finerStep(c.lo, c.hi)
		if got != c.step || ok != (c.step != "") {
			t.Errorf("finerStep(%s, %s) = %q, %v; want %q", c.lo, c.hi, got, ok, c.step)
		}
	}
}

// TestGapNarrows: a gap between groups that keeps its sign is said to
// narrow or widen, not to rise or fall ("rises from −22.0 to −2.6 points"
// read as a widening).
func TestGapNarrows(t *testing.T) {
	gap := func(values ...float64) experiment.Summary {
		return experiment.Summary{Name: sim.KPIInequityGapNeedsMetShare, Unit: sim.UnitShare, Values: values, Estimate: experiment.Estimate{Mean: values[0], N: len(values)}}
	}
	for _, c := range []struct {
		a, b []float64
		want string
	}{
		{[]float64{-0.22, -0.21, -0.23}, []float64{-0.026, -0.025, -0.027}, "narrows"},
		{[]float64{-0.026, -0.025, -0.027}, []float64{-0.22, -0.21, -0.23}, "widens"},
		{[]float64{-0.05, -0.04, -0.06}, []float64{0.05, 0.06, 0.04}, "rises"},
	} {
		if verb, _ := pairedWords(gap(c.a...), gap(c.b...), 0.95); verb != c.want {
			t.Errorf("%v to %v: %q, want %q", c.a, c.b, verb, c.want)
		}
	}
}

// TestOnOff: a switch swept is said on and off, not true and false.
func TestOnOff(t *testing.T) {
	at := func(v string, values ...float64) experiment.SweepPoint {
		return experiment.SweepPoint{Values: []string{v}, Summaries: []experiment.Summary{{
			Name: sim.KPIWaitMean, Unit: sim.UnitWeeks, Values: values, Estimate: experiment.Estimate{Mean: values[0], Low: values[0] - 1, High: values[0] + 1, N: len(values)}}}}
	}
	sw := &experiment.Sweep{Factors: []experiment.Factor{{Key: "holding.enabled", Values: []string{"true", "false"}}},
		Points: []experiment.SweepPoint{at("true", 3, 4, 5), at("false", 4, 5, 6)}, Level: 0.95}
	if got := SweepAnswer(sw, []string{sim.KPIWaitMean}, ""); len(got) == 0 || !strings.HasSuffix(got[0], " from on to off:") {
		t.Errorf("%q", got)
	}
}
