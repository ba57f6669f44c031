package dist

import (
	"math"
	"slices"
	"testing"

	"github.com/spsim/spsim/sim/rng"
	"gonum.org/v1/gonum/stat/distuv"
)

const nDraws = 200_000

func newRand() *rng.Rand { return rng.New(1, 2) }

func mustParse(t testing.TB, text string) Spec {
	t.Helper()
	s, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	return s
}

// weibullMoments are the Weibull mean and variance, written out here
// rather than taken from distuv so that the test checks it.
func weibullMoments(k, lambda float64) (mean, variance float64) {
	g1, g2 := math.Gamma(1+1/k), math.Gamma(1+2/k)
	return lambda * g1, lambda * lambda * (g2 - g1*g1)
}

var wbMean1, wbVar1 = weibullMoments(1.5, 2)
var wbMean2, wbVar2 = weibullMoments(0.8, 1)

// durationCases are valid duration specs with their mean and variance
// worked out by hand from the user's parameters.
var durationCases = []struct {
	text           string
	mean, variance float64
}{
	{"constant(value=2)", 2, 0},
	{"constant(value=0)", 0, 0},
	{"exponential(mean=3)", 3, 9},
	{"uniform(min=1, max=5)", 3, 16.0 / 12},
	{"triangular(min=1, mode=2, max=6)", 3, (1 + 4 + 36 - 2 - 6 - 12) / 18.0},
	{"triangular(min=0, mode=0, max=3)", 1, (9 - 0) / 18.0},
	{"gamma(mean=5, sd=2)", 5, 4},
	{"gamma(mean=2, sd=3)", 2, 9}, // shape 4/9 < 1: the boosted sampler
	{"gamma(mean=1, sd=1)", 1, 1}, // shape exactly 1
	{"lognormal(mean=3, sd=1.5)", 3, 2.25},
	{"lognormal(mean=0.5, sd=0.1)", 0.5, 0.01},
	{"weibull(shape=1.5, scale=2)", wbMean1, wbVar1},
	{"weibull(shape=0.8, scale=1)", wbMean2, wbVar2},
	// (1·1 + 0·2 + 3·4)/4 = 3.25; (1·2.25² + 3·0.75²)/4 = 1.6875.
	{"empirical(values=[1, 2, 4], weights=[1, 0, 3])", 3.25, 1.6875},
	{"empirical(values=[0.5, 1.5])", 1, 0.25},
}

// countCases are valid count specs with their mean and variance.
var countCases = []struct {
	text           string
	mean, variance float64
}{
	{"constant(value=3)", 3, 0},
	{"poisson(mean=0)", 0, 0},
	{"poisson(mean=3.5)", 3.5, 3.5},    // inversion
	{"poisson(mean=9.99)", 9.99, 9.99}, // inversion, at the switch
	{"poisson(mean=10)", 10, 10},       // PTRS, at the switch
	{"poisson(mean=40)", 40, 40},
	{"poisson(mean=10000)", 10000, 10000},
	{"geometric(mean=2.5)", 2.5, 2.5 * 3.5},
	{"geometric(mean=0)", 0, 0},
	{"negative_binomial(mean=4, sd=3)", 4, 9},
	{"negative_binomial(mean=2, sd=5)", 2, 25},     // gamma shape 4/23 < 1
	{"negative_binomial(mean=50, sd=20)", 50, 400}, // Poisson means mostly >= 10
	// (0·2 + 1 + 5)/4 = 1.5; (2·1.5² + 0.5² + 3.5²)/4 = 4.25.
	{"empirical(values=[0, 1, 5], weights=[2, 1, 1])", 1.5, 4.25},
}

// checkMoments compares the sample with the theoretical mean mu and
// variance v.
//
// The sample mean has standard error √(v/n), so a correct sampler is
// within 4 standard errors with probability 0.99994. The sample variance
// has, for large n, standard error √((μ₄ − v²)/n), where μ₄ is the fourth
// central moment; we estimate μ₄ from the same sample (the plug-in
// estimate) and allow 5 standard errors, one more than for the mean
// because the estimate of μ₄ is itself noisy and, for skewed families,
// tends to fall short. The seed is fixed, so the test is repeatable; the
// bounds say how unlucky a seed would have to be to fail a correct sampler.
func checkMoments(t *testing.T, xs []float64, mu, v float64) {
	t.Helper()
	n := float64(len(xs))
	var sum float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / n
	var m2, m4 float64
	for _, x := range xs {
		d := (x - mean) * (x - mean)
		m2 += d
		m4 += d * d
	}
	s2 := m2 / (n - 1)
	m4 /= n
	slack := 1e-12 * (math.Abs(mu) + v) // for constants, where the bounds are 0
	if tol := 4*math.Sqrt(v/n) + slack; math.Abs(mean-mu) > tol {
		t.Errorf("sample mean %.6g, want %.6g ± %.3g", mean, mu, tol)
	}
	if tol := 5*math.Sqrt(math.Max(m4-v*v, 0)/n) + slack; math.Abs(s2-v) > tol {
		t.Errorf("sample variance %.6g, want %.6g ± %.3g", s2, v, tol)
	}
}

func closeTo(got, want float64) bool {
	return math.Abs(got-want) <= 1e-12*math.Max(1, math.Abs(want))
}

func TestDurationMoments(t *testing.T) {
	for _, c := range durationCases {
		t.Run(c.text, func(t *testing.T) {
			d, err := mustParse(t, c.text).Duration()
			if err != nil {
				t.Fatal(err)
			}
			if !closeTo(d.Mean(), c.mean) || !closeTo(d.Variance(), c.variance) {
				t.Errorf("Mean, Variance = %v, %v; want %v, %v", d.Mean(), d.Variance(), c.mean, c.variance)
			}
			r := newRand()
			xs := make([]float64, nDraws)
			for i := range xs {
				xs[i] = d.Rand(r)
				if !(xs[i] >= 0) || math.IsInf(xs[i], 0) {
					t.Fatalf("draw %d = %v, want a finite duration >= 0", i, xs[i])
				}
			}
			checkMoments(t, xs, d.Mean(), d.Variance())
		})
	}
}

func TestCountMoments(t *testing.T) {
	for _, c := range countCases {
		t.Run(c.text, func(t *testing.T) {
			d, err := mustParse(t, c.text).Count()
			if err != nil {
				t.Fatal(err)
			}
			if !closeTo(d.Mean(), c.mean) || !closeTo(d.Variance(), c.variance) {
				t.Errorf("Mean, Variance = %v, %v; want %v, %v", d.Mean(), d.Variance(), c.mean, c.variance)
			}
			r := newRand()
			xs := make([]float64, nDraws)
			for i := range xs {
				k := d.Rand(r)
				if k < 0 {
					t.Fatalf("draw %d = %d, want a count >= 0", i, k)
				}
				xs[i] = float64(k)
			}
			checkMoments(t, xs, d.Mean(), d.Variance())
		})
	}
}

// TestDurationCDF checks the whole shape, not only two moments, with a
// Kolmogorov–Smirnov test against distuv's CDF for the same family. That
// also checks the conversion from the user's parameters (gamma and
// lognormal from mean and sd). At n draws, P(D > 1.95/√n) ≈ 0.001 for a
// correct sampler.
func TestDurationCDF(t *testing.T) {
	gammaCDF := func(mean, sd float64) func(float64) float64 {
		shape := mean * mean / (sd * sd)
		return distuv.Gamma{Alpha: shape, Beta: shape / mean}.CDF
	}
	lognormalCDF := func(mean, sd float64) func(float64) float64 {
		s2 := math.Log(1 + sd*sd/(mean*mean))
		return distuv.LogNormal{Mu: math.Log(mean) - s2/2, Sigma: math.Sqrt(s2)}.CDF
	}
	cases := []struct {
		text string
		cdf  func(float64) float64
	}{
		{"exponential(mean=3)", distuv.Exponential{Rate: 1.0 / 3}.CDF},
		{"uniform(min=1, max=5)", distuv.Uniform{Min: 1, Max: 5}.CDF},
		{"triangular(min=1, mode=2, max=6)", distuv.NewTriangle(1, 6, 2, nil).CDF},
		{"gamma(mean=5, sd=2)", gammaCDF(5, 2)},
		{"gamma(mean=2, sd=3)", gammaCDF(2, 3)},
		{"lognormal(mean=3, sd=1.5)", lognormalCDF(3, 1.5)},
		{"weibull(shape=1.5, scale=2)", distuv.Weibull{K: 1.5, Lambda: 2}.CDF},
		{"weibull(shape=0.8, scale=1)", distuv.Weibull{K: 0.8, Lambda: 1}.CDF},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			d, err := mustParse(t, c.text).Duration()
			if err != nil {
				t.Fatal(err)
			}
			r := newRand()
			xs := make([]float64, nDraws)
			for i := range xs {
				xs[i] = d.Rand(r)
			}
			slices.Sort(xs)
			var dmax float64
			for i, x := range xs {
				f := c.cdf(x)
				dmax = max(dmax, f-float64(i)/nDraws, float64(i+1)/nDraws-f)
			}
			if crit := 1.95 / math.Sqrt(nDraws); dmax > crit {
				t.Errorf("Kolmogorov–Smirnov D = %.5f, above %.5f", dmax, crit)
			}
		})
	}
}

// TestCountPMF compares the frequency of each value with its probability.
// A count with expected frequency E has standard deviation at most √E, so
// each cell with E >= 20 (where the normal approximation is fair) must be
// within 5√E; with at most a few hundred cells a correct sampler fails
// with probability below 1e-3.
func TestCountPMF(t *testing.T) {
	nbPMF := func(mean, sd float64) func(int) float64 {
		size := mean * mean / (sd*sd - mean)
		p := size / (size + mean)
		return func(k int) float64 {
			a, _ := math.Lgamma(float64(k) + size)
			b, _ := math.Lgamma(float64(k) + 1)
			c, _ := math.Lgamma(size)
			return math.Exp(a - b - c + size*math.Log(p) + float64(k)*math.Log1p(-p))
		}
	}
	geomPMF := func(mean float64) func(int) float64 {
		p := 1 / (1 + mean)
		return func(k int) float64 { return p * math.Pow(1-p, float64(k)) }
	}
	poissonPMF := func(mean float64) func(int) float64 {
		return func(k int) float64 { return distuv.Poisson{Lambda: mean}.Prob(float64(k)) }
	}
	cases := []struct {
		text string
		pmf  func(int) float64
	}{
		{"poisson(mean=3.5)", poissonPMF(3.5)},
		{"poisson(mean=10)", poissonPMF(10)},
		{"poisson(mean=40)", poissonPMF(40)},
		{"poisson(mean=10000)", poissonPMF(10000)},
		{"geometric(mean=2.5)", geomPMF(2.5)},
		{"negative_binomial(mean=4, sd=3)", nbPMF(4, 3)},
		{"negative_binomial(mean=2, sd=5)", nbPMF(2, 5)},
		{"negative_binomial(mean=50, sd=20)", nbPMF(50, 20)},
		{"empirical(values=[0, 1, 5], weights=[2, 1, 1])", func(k int) float64 {
			return map[int]float64{0: 0.5, 1: 0.25, 5: 0.25}[k]
		}},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			d, err := mustParse(t, c.text).Count()
			if err != nil {
				t.Fatal(err)
			}
			r := newRand()
			freq := map[int]int{}
			hi := 0
			for range nDraws {
				k := d.Rand(r)
				freq[k]++
				hi = max(hi, k)
			}
			checked := 0
			for k := 0; k <= hi; k++ {
				e := nDraws * c.pmf(k)
				if e < 20 {
					continue
				}
				checked++
				if o := float64(freq[k]); math.Abs(o-e) > 5*math.Sqrt(e) {
					t.Errorf("value %d drawn %v times, want %.1f ± %.1f", k, o, e, 5*math.Sqrt(e))
				}
			}
			if checked == 0 {
				t.Error("no value was frequent enough to check")
			}
		})
	}
}

var sinkF float64
var sinkI int

// TestRandNoAllocs guards the hot path: drawing must not allocate.
func TestRandNoAllocs(t *testing.T) {
	r := newRand()
	for _, c := range durationCases {
		d, err := mustParse(t, c.text).Duration()
		if err != nil {
			t.Fatal(err)
		}
		if a := testing.AllocsPerRun(1000, func() { sinkF = d.Rand(r) }); a != 0 {
			t.Errorf("%s: Rand makes %v allocations, want 0", c.text, a)
		}
	}
	for _, c := range countCases {
		d, err := mustParse(t, c.text).Count()
		if err != nil {
			t.Fatal(err)
		}
		if a := testing.AllocsPerRun(1000, func() { sinkI = d.Rand(r) }); a != 0 {
			t.Errorf("%s: Rand makes %v allocations, want 0", c.text, a)
		}
	}
}

func BenchmarkDurationRand(b *testing.B) {
	for _, c := range durationCases {
		d, err := mustParse(b, c.text).Duration()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.text, func(b *testing.B) {
			r := newRand()
			for b.Loop() {
				sinkF = d.Rand(r)
			}
		})
	}
}

func BenchmarkCountRand(b *testing.B) {
	for _, c := range countCases {
		d, err := mustParse(b, c.text).Count()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.text, func(b *testing.B) {
			r := newRand()
			for b.Loop() {
				sinkI = d.Rand(r)
			}
		})
	}
}
