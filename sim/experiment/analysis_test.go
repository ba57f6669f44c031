package experiment

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
)

func TestMSER(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	noise := func(n int) []float64 {
		y := make([]float64, n)
		for i := range y {
			y[i] = 10 + rng.NormFloat64()
		}
		return y
	}
	// An initial transient: 40 observations decaying from 60 to the
	// steady state of 10, then 160 of steady state with unit noise.
	transient := noise(200)
	for i := range 40 {
		transient[i] += 50 * math.Exp(-float64(i)/8)
	}
	for _, tc := range []struct {
		name   string
		y      []float64
		lo, hi int // acceptable truncation, in observations
	}{
		// Batch means 100, 0, 0, 0, 0, 0: dropping the first batch leaves
		// no spread, so MSER(1) = 0 is the minimum.
		{"one outlying batch", []float64{100, 100, 100, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 5, 5},
		{"constant", []float64{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, 0, 0},
		{"stationary noise", noise(200), 0, 25},
		{"exponential transient", transient, 20, 50},
	} {
		d, err := MSER(tc.y, MSERBatch)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if d < tc.lo || d > tc.hi || d%MSERBatch != 0 {
			t.Errorf("%s: truncation %d, want a multiple of %d in [%d, %d]", tc.name, d, MSERBatch, tc.lo, tc.hi)
		}
	}
}

// TestSuggestWarmupBeforeAChange: a stock that is steady from the start
// and steps up at week 100 (a planned change) reads as a long transient
// over the whole run, and as none before the change; a change too early
// leaves too few weeks to suggest from, and the error says so.
func TestSuggestWarmupBeforeAChange(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var rs []*sim.Result
	for range 5 {
		wl, cl := make([]float64, 200), make([]float64, 200)
		for w := range wl {
			wl[w], cl[w] = 10+rng.NormFloat64(), 40+rng.NormFloat64()
			if w >= 100 {
				wl[w] += 30
			}
		}
		rs = append(rs, result(map[string][]float64{sim.ColWaitingListMean: wl, sim.ColCaseloadMean: cl}, sim.ColWaitingListMean, sim.ColCaseloadMean))
	}
	whole, err := SuggestWarmup(rs, 0)
	if err != nil {
		t.Fatal(err)
	}
	before, err := SuggestWarmup(rs, 100)
	if err != nil {
		t.Fatal(err)
	}
	if whole.Weeks < 50 || whole.Before != 0 {
		t.Errorf("over the whole run: %+v, want the step read as a transient of at least 50 weeks", whole)
	}
	if before.Weeks > 25 || before.Before != 100 {
		t.Errorf("before the change: %+v, want a short warm-up read before week 100", before)
	}
	if _, err := SuggestWarmup(rs, 12); err == nil || !strings.Contains(err.Error(), "before the timeline's first change, at week 12") {
		t.Errorf("a change at week 12: %v", err)
	}
}

func TestMSERErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		y     []float64
		batch int
	}{
		{"too short", make([]float64, 19), 5},
		{"NaN", append(make([]float64, 19), math.NaN()), 5},
		{"batch 0", make([]float64, 40), 0},
	} {
		if _, err := MSER(tc.y, tc.batch); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func TestWelch(t *testing.T) {
	// Equal variances and sizes: Welch's df is 2(n-1) = 8, se = 1, so the
	// half-width is t_{0.975,8} = 2.3060041 (standard tables).
	a := []float64{1, 2, 3, 4, 5}
	b := []float64{3, 4, 5, 6, 7}
	e := Welch(a, b, 0.95)
	if e.Mean != 2 || math.Abs(e.SD-1) > 1e-12 || math.Abs(e.HalfWidth-2.3060041) > 1e-6 {
		t.Errorf("Welch = %+v, want mean 2, se 1, half-width 2.3060041", e)
	}
	// Unequal variances: a has var 2.5, b var 10 (n 5 each), se² = 2.5,
	// df = 2.5²/((0.5²+2²)/4) = 5.882353; t_{0.975,5.882353} = 2.4582 to
	// four figures (between t_5 = 2.5706 and t_6 = 2.4469).
	e = Welch(a, []float64{2, 4, 6, 8, 10}, 0.95)
	if e.Mean != 3 || math.Abs(e.HalfWidth/math.Sqrt(2.5)-2.458) > 0.002 {
		t.Errorf("Welch = %+v, want mean 3 and t quantile ≈ 2.458", e)
	}
	if e := Welch([]float64{1}, b, 0.95); !math.IsNaN(e.HalfWidth) {
		t.Errorf("Welch with one value = %+v, want NaN interval", e)
	}
	if e := Welch([]float64{2, 2}, []float64{3, 3}, 0.95); e.HalfWidth != 0 || e.Mean != 1 {
		t.Errorf("Welch without spread = %+v, want zero width at 1", e)
	}
}

func TestGrid(t *testing.T) {
	for _, tc := range []struct {
		name    string
		factors []Factor
		want    [][]string
	}{
		{"none", nil, nil},
		{"one", []Factor{{"a", []string{"1", "2"}}}, [][]string{{"1"}, {"2"}}},
		{"two, first slowest", []Factor{{"a", []string{"1", "2"}}, {"b", []string{"x", "y", "z"}}},
			[][]string{{"1", "x"}, {"1", "y"}, {"1", "z"}, {"2", "x"}, {"2", "y"}, {"2", "z"}}},
	} {
		if got := Grid(tc.factors); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Grid = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// result builds a replication with the given weekly columns.
func result(cols map[string][]float64, names ...string) *sim.Result {
	r := &sim.Result{}
	weeks := len(cols[names[0]])
	r.Weekly = make([][]float64, weeks)
	for _, n := range names {
		r.Columns = append(r.Columns, sim.Column{Name: n})
	}
	for w := range weeks {
		for _, n := range names {
			r.Weekly[w] = append(r.Weekly[w], cols[n][w])
		}
	}
	return r
}

func TestWeeklySeries(t *testing.T) {
	rs := []*sim.Result{
		result(map[string][]float64{"num": {2, 0, 6}, "den": {1, 0, 3}}, "num", "den"),
		result(map[string][]float64{"num": {4, 3, 2}, "den": {1, 1, 1}}, "num", "den"),
	}
	ratio := Weekly(rs, Ratio(Column("num"), Column("den")), 0.95)
	// Week 1 of the first replication has no denominator: left out, so
	// the week has one value and no interval.
	if ratio[0].Mean != 3 || ratio[0].N != 2 || ratio[1].Mean != 3 || ratio[1].N != 1 || !math.IsNaN(ratio[1].HalfWidth) || ratio[2].Mean != 2 {
		t.Errorf("Weekly(ratio) = %+v", ratio)
	}
	if got := Means(Weekly(rs, Cumulative(Column("num")), 0.95)); !reflect.DeepEqual(got, []float64{3, 4.5, 8.5}) {
		t.Errorf("Weekly(cumulative) means = %v, want [3 4.5 8.5]", got)
	}
	if got := Means(Weekly(rs, Sum(Column("num"), Column("den")), 0.95)); !reflect.DeepEqual(got, []float64{4, 2, 6}) {
		t.Errorf("Weekly(sum) means = %v, want [4 2 6]", got)
	}
	if got := Weekly(rs, Column("missing"), 0.95); got != nil {
		t.Errorf("Weekly(missing column) = %v, want nil", got)
	}
}

// TestWeeklyMeans: the warm-up's weekly means are those of Weekly, bit for
// bit, with undefined values left out, replications of other lengths
// cut to the shortest, and replications without the column skipped.
func TestWeeklyMeans(t *testing.T) {
	nan := math.NaN()
	rs := []*sim.Result{
		result(map[string][]float64{"x": {0.1, nan, 0.7, 5}}, "x"),
		result(map[string][]float64{"x": {0.2, nan, 1e-17, 6, 9}}, "x"),
		result(map[string][]float64{"y": {1, 2, 3}}, "y"),
		result(map[string][]float64{"x": {0.3, 4, 0.1, nan}}, "x"),
	}
	want := Means(Weekly(rs, Column("x"), 0.95))
	got := weeklyMeans(rs, "x")
	if len(got) != 4 || len(want) != 4 {
		t.Fatalf("weeklyMeans = %v, Weekly's means %v", got, want)
	}
	for w := range want {
		if math.Float64bits(got[w]) != math.Float64bits(want[w]) {
			t.Errorf("week %d: %v, Weekly's mean %v", w, got[w], want[w])
		}
	}
	if got[1] != 4 || got[3] != 5.5 {
		t.Errorf("weeks 1 and 3: %v and %v, want 4 and 5.5", got[1], got[3])
	}
	if got := weeklyMeans(rs, "missing"); got != nil {
		t.Errorf("weeklyMeans(missing) = %v, want nil", got)
	}
}

func TestContrastMissingKPI(t *testing.T) {
	a := []*sim.Result{{KPIs: []sim.KPI{{Name: "x", Unit: "u", Value: 1}, {Name: "y", Unit: "u", Value: 1}}}, {KPIs: []sim.KPI{{Name: "x", Unit: "u", Value: 2}, {Name: "y", Unit: "u", Value: 3}}}}
	b := []*sim.Result{{KPIs: []sim.KPI{{Name: "x", Unit: "u", Value: 2}}}, {KPIs: []sim.KPI{{Name: "x", Unit: "u", Value: 4}}}}
	c := Contrast([]string{"a", "b"}, [][]*sim.Result{a, b}, 0.95)
	if len(c.KPIs) != 2 || c.KPIs[0].Paired[1].Mean != 1.5 || !math.IsNaN(c.KPIs[1].Estimates[1].Mean) {
		t.Errorf("Contrast = %+v", c.KPIs)
	}
	if !math.IsNaN(c.KPIs[0].Paired[0].Mean) || !math.IsNaN(c.KPIs[0].Unpaired[0].Mean) {
		t.Error("the reference's difference from itself should be undefined")
	}
}
