package experiment

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestIntervalHandComputed(t *testing.T) {
	// xs = 1..5: mean 3, sd sqrt(10/4), se sd/sqrt(5) = sqrt(1/2),
	// t_{0.975,4} = 2.7764451 (standard tables).
	e := Interval([]float64{1, 2, 3, 4, 5}, 0.95)
	hw := 2.7764451 * math.Sqrt(0.5)
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"Mean", e.Mean, 3},
		{"SD", e.SD, math.Sqrt(2.5)},
		{"HalfWidth", e.HalfWidth, hw},
		{"Low", e.Low, 3 - hw},
		{"High", e.High, 3 + hw},
	} {
		if math.Abs(tc.got-tc.want) > 1e-7 {
			t.Errorf("%s = %.10g, want %.10g", tc.name, tc.got, tc.want)
		}
	}
	if e.N != 5 {
		t.Errorf("N = %d, want 5", e.N)
	}
	if !e.Contains(3) || !e.Contains(e.Low) || !e.Contains(e.High) || e.Contains(5) {
		t.Errorf("Contains wrong for %+v", e)
	}

	// 90% uses t_{0.95,4} = 2.1318468.
	if e := Interval([]float64{1, 2, 3, 4, 5}, 0.90); math.Abs(e.HalfWidth-2.1318468*math.Sqrt(0.5)) > 1e-7 {
		t.Errorf("90%% HalfWidth = %.10g", e.HalfWidth)
	}
}

func TestIntervalDegenerate(t *testing.T) {
	e := Interval(nil, 0.95)
	if e.N != 0 || !math.IsNaN(e.Mean) || !math.IsNaN(e.SD) || !math.IsNaN(e.Low) ||
		!math.IsNaN(e.High) || !math.IsNaN(e.HalfWidth) {
		t.Errorf("Interval(nil) = %+v, want all NaN", e)
	}
	if e.Contains(0) {
		t.Error("empty estimate contains 0")
	}

	e = Interval([]float64{7}, 0.95)
	if e.N != 1 || e.Mean != 7 || !math.IsNaN(e.SD) || !math.IsNaN(e.Low) ||
		!math.IsNaN(e.High) || !math.IsNaN(e.HalfWidth) {
		t.Errorf("Interval({7}) = %+v, want mean 7 and NaN interval", e)
	}
	if e.Contains(7) {
		t.Error("single-observation estimate contains its mean")
	}

	// No spread: a zero-width interval at the common value.
	e = Interval([]float64{2, 2, 2}, 0.95)
	if e.Mean != 2 || e.HalfWidth != 0 || !e.Contains(2) {
		t.Errorf("Interval({2,2,2}) = %+v", e)
	}
}

func TestIntervalCoverage(t *testing.T) {
	// With normal data the 95% t interval is exact, so the number of
	// intervals covering the true mean out of 2000 is Binomial(2000, 0.95):
	// sd sqrt(2000 0.95 0.05)/2000 = 0.49%. The band 93%–97% is about four
	// sd either side, so only a wrong interval fails (the seed is fixed).
	const (
		trials = 2000
		size   = 10
		mu     = 5.0
		sigma  = 2.0
	)
	rng := rand.New(rand.NewPCG(1, 2))
	xs := make([]float64, size)
	covered := 0
	for range trials {
		for i := range xs {
			xs[i] = mu + sigma*rng.NormFloat64()
		}
		if Interval(xs, 0.95).Contains(mu) {
			covered++
		}
	}
	if frac := float64(covered) / trials; frac < 0.93 || frac > 0.97 {
		t.Errorf("coverage %.4f, want 0.95 ± 0.02", frac)
	}
}

func TestPaired(t *testing.T) {
	// Dyadic values so that b[i]-a[i] is exactly the shift.
	a := []float64{1.5, 2.25, 10, 0.125, 7}
	b := make([]float64, len(a))
	for i, x := range a {
		b[i] = x + 3
	}
	e := Paired(a, b, 0.95)
	if e.Mean != 3 || e.SD != 0 || e.HalfWidth != 0 || e.Low != 3 || e.High != 3 || e.N != len(a) {
		t.Errorf("Paired(a, a+3) = %+v, want zero-width interval at 3", e)
	}

	// Common random numbers: pairing removes the shared noise that an
	// unpaired comparison would carry.
	rng := rand.New(rand.NewPCG(3, 4))
	a, b = make([]float64, 20), make([]float64, 20)
	for i := range a {
		common := 10 * rng.NormFloat64()
		a[i] = common + rng.NormFloat64()
		b[i] = common + 1 + rng.NormFloat64()
	}
	p := Paired(a, b, 0.95)
	ea, eb := Interval(a, 0.95), Interval(b, 0.95)
	if !p.Contains(1) || p.HalfWidth >= ea.HalfWidth || p.HalfWidth >= eb.HalfWidth {
		t.Errorf("Paired = %+v; unpaired half-widths %g, %g", p, ea.HalfWidth, eb.HalfWidth)
	}
}

func TestPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"Paired lengths": func() { Paired([]float64{1, 2}, []float64{1}, 0.95) },
		"level 0":        func() { Interval([]float64{1, 2}, 0) },
		"level 1":        func() { Interval([]float64{1, 2}, 1) },
		"level 95":       func() { Interval([]float64{1, 2}, 95) },
		"level NaN":      func() { Interval([]float64{1, 2}, math.NaN()) },
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

// TestPairedCancelsToZero: differences that cancel exactly have a mean of
// 0, not the residue of summing them (0.8 − 0.7 is 0.10000000000000009).
func TestPairedCancelsToZero(t *testing.T) {
	a := []float64{0.7, 0.1, 0.4, 0.4}
	b := []float64{0.8, 0.0, 0.4, 0.4}
	e := Paired(a, b, 0.95)
	if e.Mean != 0 || !(e.Low < 0 && e.High > 0) || math.Abs(e.High+e.Low) > 1e-12 {
		t.Errorf("paired %+v: want a mean of exactly 0 and a symmetric interval", e)
	}
}

// TestCancelledMean: a mean within the rounding of its sum is 0 (the
// Morris screen's μ of effects that cancel, 1.67e-17); a real one stays.
func TestCancelledMean(t *testing.T) {
	hi, lo := 0.8, 0.7 // variables: a constant 0.8 − 0.7 is exact
	xs := []float64{hi - lo, -0.1, 0, 0}
	if xs[0]+xs[1] == 0 {
		t.Fatal("no residue to cancel")
	}
	if got := CancelledMean((xs[0]+xs[1])/4, xs); got != 0 {
		t.Errorf("residue kept: %g", got)
	}
	if got := CancelledMean(0.25, []float64{1, 0, 0, 0}); got != 0.25 {
		t.Errorf("a real mean lost: %g", got)
	}
}
