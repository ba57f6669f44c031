package sensitivity

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// scale maps a unit-cube point to [lo, hi] in every input.
func scale(u []float64, lo, hi float64) []float64 {
	x := make([]float64, len(u))
	for i, v := range u {
		x[i] = lo + (hi-lo)*v
	}
	return x
}

func ishigami(x []float64) float64 {
	const a, b = 7, 0.1
	return math.Sin(x[0]) + a*math.Pow(math.Sin(x[1]), 2) + b*math.Pow(x[2], 4)*math.Sin(x[0])
}

// TestIshigami checks Jansen's estimators on Saltelli's design against
// the Ishigami function's analytic indices (a = 7, b = 0.1; Saltelli et
// al. 2008, Global Sensitivity Analysis: The Primer, §4.8).
func TestIshigami(t *testing.T) {
	d, err := NewSobol(3, 8192, 1)
	if err != nil {
		t.Fatal(err)
	}
	var y []float64
	for _, u := range d.Points() {
		y = append(y, ishigami(scale(u, -math.Pi, math.Pi)))
	}
	got := d.Indices(y, 0.99, 300, 2)
	first := []float64{0.3139, 0.4424, 0}
	total := []float64{0.5576, 0.4424, 0.2437}
	for i := range 3 {
		t.Logf("x%d: first %.4f [%.4f, %.4f] (analytic %.4f), total %.4f [%.4f, %.4f] (analytic %.4f)", i+1,
			got[i].First.Value, got[i].First.Low, got[i].First.High, first[i], got[i].Total.Value, got[i].Total.Low, got[i].Total.High, total[i])
		if !(got[i].First.Low <= first[i]+5e-5 && first[i]-5e-5 <= got[i].First.High) {
			t.Errorf("x%d first-order %.4f [%.4f, %.4f], analytic %.4f", i+1, got[i].First.Value, got[i].First.Low, got[i].First.High, first[i])
		}
		if !(got[i].Total.Low <= total[i]+5e-5 && total[i]-5e-5 <= got[i].Total.High) {
			t.Errorf("x%d total %.4f [%.4f, %.4f], analytic %.4f", i+1, got[i].Total.Value, got[i].Total.Low, got[i].Total.High, total[i])
		}
	}
}

// TestSobolG checks the G function (Sobol' 1993): with a = (0, 1, 4.5, 9,
// 99, 99), V_i = 1/(3(1+a_i)²), S_i = V_i/V and S_Ti = V_i Π_{j≠i}(1+V_j)/V,
// V = Π(1+V_i) − 1.
func TestSobolG(t *testing.T) {
	a := []float64{0, 1, 4.5, 9, 99, 99}
	g := func(x []float64) float64 {
		p := 1.0
		for i, v := range x {
			p *= (math.Abs(4*v-2) + a[i]) / (1 + a[i])
		}
		return p
	}
	vi := make([]float64, len(a))
	prod := 1.0
	for i, ai := range a {
		vi[i] = 1 / (3 * (1 + ai) * (1 + ai))
		prod *= 1 + vi[i]
	}
	v := prod - 1
	d, _ := NewSobol(len(a), 8192, 3)
	var y []float64
	for _, u := range d.Points() {
		y = append(y, g(u))
	}
	got := d.Indices(y, 0.99, 300, 4)
	for i := range a {
		s, st := vi[i]/v, vi[i]*prod/(1+vi[i])/v
		t.Logf("x%d (a=%g): first %.4f [%.4f, %.4f] (analytic %.4f), total %.4f [%.4f, %.4f] (analytic %.4f)", i+1, a[i],
			got[i].First.Value, got[i].First.Low, got[i].First.High, s, got[i].Total.Value, got[i].Total.Low, got[i].Total.High, st)
		if !(got[i].First.Low <= s+1e-4 && s-1e-4 <= got[i].First.High) || !(got[i].Total.Low <= st+1e-4 && st-1e-4 <= got[i].Total.High) {
			t.Errorf("x%d: first %+v (analytic %.4f), total %+v (analytic %.4f)", i+1, got[i].First, s, got[i].Total, st)
		}
	}
}

// TestMorrisLinear: for f = Σ c_i x_i on [0, 1]^k every elementary effect
// of x_i is c_i, so μ* = |c_i| and σ = 0.
func TestMorrisLinear(t *testing.T) {
	c := []float64{3, -2, 0.5, 0}
	d, err := NewMorris(len(c), 20, 4, 5)
	if err != nil {
		t.Fatal(err)
	}
	var y []float64
	for _, x := range d.Points {
		s := 0.0
		for i, v := range x {
			s += c[i] * v
		}
		y = append(y, s)
	}
	for i, m := range d.Morris(y, 0.95, 200, 6) {
		if math.Abs(m.MuStar.Value-math.Abs(c[i])) > 1e-12 || m.Sigma > 1e-12 || math.Abs(m.Mu-c[i]) > 1e-12 {
			t.Errorf("x%d: μ* %g, μ %g, σ %g; want μ* %g, σ 0", i+1, m.MuStar.Value, m.Mu, m.Sigma, math.Abs(c[i]))
		}
	}
	for _, x := range d.Points {
		for _, v := range x {
			if v < 0 || v > 1 {
				t.Fatalf("point %v outside the unit cube", x)
			}
		}
	}
}

// TestMorrisIshigami: x3 acts only through its interaction with x1, so it
// has a large σ against its μ*, and x2 (additive, non-linear) a larger μ*
// than x3.
func TestMorrisIshigami(t *testing.T) {
	d, _ := NewMorris(3, 200, 4, 7)
	var y []float64
	for _, u := range d.Points {
		y = append(y, ishigami(scale(u, -math.Pi, math.Pi)))
	}
	m := d.Morris(y, 0.95, 200, 8)
	t.Logf("μ*: %.3f %.3f %.3f; σ: %.3f %.3f %.3f", m[0].MuStar.Value, m[1].MuStar.Value, m[2].MuStar.Value, m[0].Sigma, m[1].Sigma, m[2].Sigma)
	if !(m[2].Sigma > m[2].MuStar.Value*0.8) || math.Abs(m[2].Mu) > m[2].MuStar.Value/2 {
		t.Errorf("x3: μ %.3f, μ* %.3f, σ %.3f: want effects of both signs", m[2].Mu, m[2].MuStar.Value, m[2].Sigma)
	}
}

// TestNoiseWords: a share of noise at its cap is said as it is, not as
// 100%, and one replication a point cannot measure it.
func TestNoiseWords(t *testing.T) {
	for _, tc := range []struct {
		share float64
		want  string
	}{
		{0.046, "replication noise is 4.6% of the variance between points"},
		{1, "replication noise is as large as the variance between points"},
		{math.NaN(), "replication noise cannot be measured with one replication a point"},
	} {
		if got := noiseWords(tc.share); got != tc.want {
			t.Errorf("noiseWords(%v) = %q, want %q", tc.share, got, tc.want)
		}
	}
}

// TestMuStarInTheKPIsUnit: an effect on a share is in percentage points
// (0.089 is 8.9 points, not "0.089"), on a wait in weeks.
func TestMuStarInTheKPIsUnit(t *testing.T) {
	r := &Result{KPIs: []string{"needs_met_share", "wait_first_contact_p90_weeks"}, Morris: [][]MorrisEffects{
		{{MuStar: Interval{Value: 0.089, Low: 0.077, High: 0.102}, Sigma: 0.02}},
		{{MuStar: Interval{Value: 2.78, Low: 2.36, High: 3.26}, Sigma: 0.703}},
	}}
	for k, want := range []string{"8.9 percentage points [7.7, 10.2]", "2.78 weeks [2.36, 3.26]"} {
		if got := r.MuStarWords(k, 0); got != want {
			t.Errorf("%s: μ* %q, want %q", r.KPIs[k], got, want)
		}
	}
	if got := r.effect(0, 0.02); got != "2.0 percentage points" {
		t.Errorf("σ on a share: %q", got)
	}
}

// TestMuStarGap: two inputs with the same effects in every trajectory
// cannot be told apart; an input whose effects are all larger can.
func TestMuStarGap(t *testing.T) {
	a := MorrisEffects{Effects: []float64{3, -2, 4, 2.5, -3, 3.5, 2, 4.5, -2.5, 3}}
	same := MorrisEffects{Effects: []float64{-3, 2, -4, 2.5, 3, -3.5, 2, 4.5, 2.5, -3}} // the same sizes, other signs
	small := MorrisEffects{Effects: []float64{1, -0.5, 1.5, 1, -1, 1.2, 0.8, 1.1, -0.9, 1}}
	if g := MuStarGap(a, same, 0.95, 500, 1); g.Value != 0 || g.Low > 0 || g.High < 0 {
		t.Errorf("equal sizes: gap %+v, want 0 inside [low, high]", g)
	}
	if g := MuStarGap(a, small, 0.95, 500, 1); !(g.Low > 0) {
		t.Errorf("larger effects: gap %+v, want a lower bound above 0", g)
	}
}

// TestSentenceSaysWhenTheFirstTwoAreTied: "driven most by" names the first
// two as untold apart when their μ* difference's interval holds 0, and
// does not when the first clearly leads.
func TestSentenceSaysWhenTheFirstTwoAreTied(t *testing.T) {
	a := MorrisEffects{Effects: []float64{3, -2, 4, 2.5, -3, 3.5, 2, 4.5, -2.5, 3}, MuStar: Interval{Value: 3}}
	same := MorrisEffects{Effects: []float64{-3, 2, -4, 2.5, 3, -3.5, 2, 4.5, 2.5, -3}, MuStar: Interval{Value: 3}}
	small := MorrisEffects{Effects: []float64{1, -0.5, 1.5, 1, -1, 1.2, 0.8, 1.1, -0.9, 1}, MuStar: Interval{Value: 1}}
	for _, c := range []struct {
		second MorrisEffects
		tied   bool
	}{{same, true}, {small, false}} {
		r := &Result{Method: Morris, KPIs: []string{"needs_met"}, Inputs: []Input{{Key: "a"}, {Key: "b"}},
			Morris: [][]MorrisEffects{{a, c.second}}, Noise: []float64{0.01}, Level: 0.95, Seed: 1}
		s := r.Sentences()[0]
		if got := strings.Contains(s, "the first two cannot be told apart with these runs"); got != c.tied {
			t.Errorf("tied %v: %q", c.tied, s)
		}
	}
}

// TestSobolTotalGap: the difference of Ishigami's first two total indices
// (0.5576 − 0.4424) is within its interval and apart from 0 with many
// rows, and cannot be told from 0 with few.
func TestSobolTotalGap(t *testing.T) {
	for _, c := range []struct {
		n     int
		apart bool
	}{{8192, true}, {16, false}} {
		d, err := NewSobol(3, c.n, 1)
		if err != nil {
			t.Fatal(err)
		}
		var y []float64
		for _, u := range d.Points() {
			y = append(y, ishigami(scale(u, -math.Pi, math.Pi)))
		}
		g := d.TotalGap(y, 0, 1, 0.95, 1000, 2)
		if c.apart && !(g.Low <= 0.1152 && 0.1152 <= g.High && g.Low > 0) {
			t.Errorf("N=%d: gap %+v, want an interval above 0 holding 0.1152", c.n, g)
		}
		if !c.apart && g.Low > 0 {
			t.Errorf("N=%d: gap %+v, want an interval holding 0", c.n, g)
		}
	}
}

// TestSobolIndicesWithinTheirRange: with few rows of pure noise, Jansen's
// estimators stray below 0 and above 1; what is reported does not.
func TestSobolIndicesWithinTheirRange(t *testing.T) {
	d, err := NewSobol(3, 8, 4)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 9))
	y := make([]float64, len(d.Points()))
	for i := range y {
		y[i] = rng.NormFloat64()
	}
	for i, s := range d.Indices(y, 0.95, 500, 1) {
		for _, v := range []float64{s.First.Value, s.First.Low, s.First.High, s.Total.Value, s.Total.Low, s.Total.High} {
			if v < 0 || v > 1 {
				t.Errorf("input %d: %+v outside [0, 1]", i, s)
			}
		}
	}
}

// TestSobolSentenceSaysWhenTheFirstTwoAreTied: as Morris's, by the total
// indices' difference.
func TestSobolSentenceSaysWhenTheFirstTwoAreTied(t *testing.T) {
	for _, c := range []struct {
		gap  Interval
		tied bool
	}{{Interval{0.21, -0.21, 0.66}, true}, {Interval{0.3, 0.1, 0.5}, false}} {
		r := &Result{Method: Sobol, KPIs: []string{"needs_met"}, Inputs: []Input{{Key: "a"}, {Key: "b"}},
			Sobol:    [][]SobolIndices{{{Total: Interval{0.66, 0.41, 0.99}}, {Total: Interval{0.45, 0.26, 0.76}}}},
			SobolGap: []Interval{c.gap}, Noise: []float64{0.1}, Level: 0.95, Seed: 1}
		s := r.Sentences()[0]
		if got := strings.Contains(s, "the first two cannot be told apart with these runs (total index "); got != c.tied {
			t.Errorf("tied %v: %q", c.tied, s)
		}
	}
}
