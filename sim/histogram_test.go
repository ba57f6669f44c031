package sim

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestHistogramQuantile(t *testing.T) {
	// Linear interpolation inside the bin holding the order statistic of
	// rank ceil(pN) keeps the estimate within one bin width of it.
	rng := rand.New(rand.NewPCG(5, 6))
	for _, tc := range []struct {
		name       string
		width, max float64
		draw       func() float64
	}{
		{"uniform", 0.1, 10, func() float64 { return 10 * rng.Float64() }},
		{"exponential", 0.05, 30, func() float64 { return 2 * rng.ExpFloat64() }},
		{"exponential coarse", 0.7, 100, func() float64 { return 2 * rng.ExpFloat64() }},
	} {
		const n = 100_000
		h := NewHistogram(tc.width, tc.max)
		xs := make([]float64, n)
		var sum float64
		for i := range xs {
			xs[i] = tc.draw()
			sum += xs[i]
			h.Add(xs[i])
		}
		slices.Sort(xs)
		if h.N() != n {
			t.Errorf("%s: N = %d, want %d", tc.name, h.N(), n)
		}
		if got, want := h.Mean(), sum/n; math.Abs(got-want) > 1e-12*want {
			t.Errorf("%s: Mean = %.15g, want %.15g", tc.name, got, want)
		}
		for _, p := range []float64{0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1} {
			k := max(int(math.Ceil(p*n))-1, 0) // type 1 (inverse CDF) quantile
			exact := xs[k]
			if got := h.Quantile(p); math.Abs(got-exact) > tc.width || math.IsNaN(got) {
				t.Errorf("%s: Quantile(%g) = %g, exact %g, width %g", tc.name, p, got, exact, tc.width)
			}
		}
	}
}

func TestHistogramEdges(t *testing.T) {
	h := NewHistogram(1, 2.5) // bins [0,1) [1,2) [2,2.5) and overflow
	if !math.IsNaN(h.Quantile(0.5)) || !math.IsNaN(h.Mean()) || h.N() != 0 {
		t.Error("empty histogram not NaN")
	}
	for _, x := range []float64{0, 0.5, 2.4, 2.5, 100} {
		h.Add(x)
	}
	if h.N() != 5 || h.Overflow() != 2 {
		t.Errorf("N = %d, Overflow = %d, want 5, 2", h.N(), h.Overflow())
	}
	if got, want := h.Mean(), 105.4/5; math.Abs(got-want) > 1e-12 {
		t.Errorf("Mean = %g, want %g (exact, overflow included)", got, want)
	}
	for _, tc := range []struct{ p, want float64 }{
		{0, 0},
		{0.2, 0},    // rank 1 is the exact zero, an atom
		{0.4, 1},    // rank 2: the one non-zero value in [0,1)
		{0.5, 2.25}, // rank 0.5 of 1 in the narrow last bin [2,2.5)
		{0.9, 2.5},  // overflow is reported at Max
		{1, 2.5},
		{-0.1, math.NaN()},
		{1.1, math.NaN()},
	} {
		if got := h.Quantile(tc.p); !(got == tc.want || math.IsNaN(got) && math.IsNaN(tc.want)) {
			t.Errorf("Quantile(%g) = %g, want %g", tc.p, got, tc.want)
		}
	}

	h.Reset()
	if h.N() != 0 || h.Overflow() != 0 || !math.IsNaN(h.Mean()) || !math.IsNaN(h.Quantile(0.5)) {
		t.Error("Reset left data behind")
	}
	h.Add(1.5)
	if h.Quantile(1) != 2 || h.Mean() != 1.5 {
		t.Errorf("after Reset: Quantile(1) = %g, Mean = %g", h.Quantile(1), h.Mean())
	}

	// 1.7 < 17*0.1 == 1.7000000000000002 but 1.7/0.1 rounds to 17, the bin
	// count: it must land in the last bin, not past it.
	width := 0.1
	top := 17 * width // a run-time product, unlike the exact constant 17*0.1
	h = NewHistogram(width, top)
	h.Add(1.7)
	if h.Overflow() != 0 || h.N() != 1 || h.Quantile(1) != top {
		t.Errorf("value below Max misplaced: Overflow %d, Quantile(1) %g", h.Overflow(), h.Quantile(1))
	}
}

func TestHistogramAddAllocs(t *testing.T) {
	h := NewHistogram(0.5, 100)
	x := 0.0
	allocs := testing.AllocsPerRun(1000, func() {
		h.Add(x)
		x += 0.37
	})
	if allocs != 0 {
		t.Errorf("Add allocates %g times per call", allocs)
	}
}

func TestHistogramPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"negative":   func() { NewHistogram(1, 10).Add(-1) },
		"NaN":        func() { NewHistogram(1, 10).Add(math.NaN()) },
		"zero width": func() { NewHistogram(0, 10) },
		"width>max":  func() { NewHistogram(2, 1) },
		"inf max":    func() { NewHistogram(1, math.Inf(1)) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

// TestHistogramZeroAtom: when most values are exactly 0 (people seen at
// once), quantiles among them are 0, not a point inside the first bin.
func TestHistogramZeroAtom(t *testing.T) {
	h := NewHistogram(1.0/7, 520)
	for range 95 {
		h.Add(0)
	}
	for i := range 5 {
		h.Add(1 + float64(i))
	}
	if q := h.Quantile(0.9); q != 0 {
		t.Errorf("p90 with 95%% zeros = %v, want 0", q)
	}
	if q := h.Quantile(0.99); q < 4 || q > 5+1.0/7 {
		t.Errorf("p99 = %v, want within a bin of 4-5", q)
	}
}
