package dist

import (
	"fmt"
	"math"

	"github.com/spsim/spsim/sim/rng"
	"gonum.org/v1/gonum/stat/distuv"
)

// Duration is a distribution of non-negative real values, such as a time in
// weeks. Rand draws from r and does not allocate.
type Duration interface {
	Rand(r *rng.Rand) float64
	Mean() float64
	Variance() float64
}

// durationFamilies are the families Spec.Duration accepts, in the order
// error messages list them.
var durationFamilies = []family[Duration]{
	{name: "constant", required: []string{"value"}, build: newConstantDuration},
	{name: "exponential", required: []string{"mean"}, build: newExponential},
	{name: "uniform", required: []string{"min", "max"}, build: newUniform},
	{name: "triangular", required: []string{"min", "mode", "max"}, build: newTriangular},
	{name: "gamma", required: []string{"mean", "sd"}, build: newGamma},
	{name: "lognormal", required: []string{"mean", "sd"}, build: newLognormal},
	{name: "weibull", required: []string{"shape", "scale"}, build: newWeibull},
	{name: "empirical", required: []string{"values"}, optional: "weights", build: newEmpiricalDuration},
}

// The samplers below draw with their own code rather than distuv's Rand
// methods, which wrap their source in a new rand.Rand on every call. Where
// distuv has the family it still supplies the moments or the quantile.
// Each is held by pointer: a method on a value reached through an interface
// runs in a wrapper that first copies the value, on every draw.

type constantDuration float64

func newConstantDuration(s Spec) (Duration, error) {
	v := *s.Value
	if v < 0 {
		return nil, fmt.Errorf("constant needs value >= 0 (a duration cannot be negative), got value = %s", formatNumber(v))
	}
	c := constantDuration(v)
	return &c, nil
}

func (c *constantDuration) Rand(*rng.Rand) float64 { return float64(*c) }
func (c *constantDuration) Mean() float64          { return float64(*c) }
func (c *constantDuration) Variance() float64      { return 0 }

// exponential keeps the user's mean rather than a rate so that Mean returns
// it exactly.
type exponential struct{ mean float64 }

func newExponential(s Spec) (Duration, error) {
	m := *s.Mean
	if m <= 0 {
		return nil, fmt.Errorf("exponential needs mean > 0, got mean = %s", formatNumber(m))
	}
	return &exponential{m}, nil
}

func (e *exponential) Rand(r *rng.Rand) float64 { return e.mean * r.ExpFloat64() }
func (e *exponential) Mean() float64            { return e.mean }
func (e *exponential) Variance() float64        { return e.mean * e.mean }

type uniform struct{ d distuv.Uniform }

func newUniform(s Spec) (Duration, error) {
	lo, hi := *s.Min, *s.Max
	if lo < 0 || lo >= hi {
		return nil, fmt.Errorf("uniform needs 0 <= min < max, got min = %s, max = %s", formatNumber(lo), formatNumber(hi))
	}
	return &uniform{distuv.Uniform{Min: lo, Max: hi}}, nil
}

func (u *uniform) Rand(r *rng.Rand) float64 { return u.d.Min + (u.d.Max-u.d.Min)*r.Float64() }
func (u *uniform) Mean() float64            { return u.d.Mean() }
func (u *uniform) Variance() float64        { return u.d.Variance() }

type triangular struct{ d distuv.Triangle }

func newTriangular(s Spec) (Duration, error) {
	lo, mode, hi := *s.Min, *s.Mode, *s.Max
	if lo < 0 || lo >= hi || mode < lo || mode > hi {
		return nil, fmt.Errorf("triangular needs 0 <= min <= mode <= max and min < max, got min = %s, mode = %s, max = %s",
			formatNumber(lo), formatNumber(mode), formatNumber(hi))
	}
	return &triangular{distuv.NewTriangle(lo, hi, mode, nil)}, nil
}

func (t *triangular) Rand(r *rng.Rand) float64 { return t.d.Quantile(r.Float64()) }
func (t *triangular) Mean() float64            { return t.d.Mean() }
func (t *triangular) Variance() float64        { return t.d.Variance() }

// gamma is parameterised by its mean and sd, which Mean and Variance return
// as given; the sampler holds the shape, and scale converts to the user's
// units.
type gamma struct {
	g          gammaSampler
	scale      float64
	mean, vari float64
}

func newGamma(s Spec) (Duration, error) {
	m, sd := *s.Mean, *s.SD
	if err := needPositive("gamma", "mean", m, "sd", sd); err != nil {
		return nil, err
	}
	cv := sd / m
	shape, scale := 1/(cv*cv), sd*cv // mean = shape·scale, var = shape·scale²
	if shape == 0 || !finite(shape) || scale == 0 || !finite(scale) {
		return nil, errExtreme(s)
	}
	return &gamma{g: newGammaSampler(shape), scale: scale, mean: m, vari: sd * sd}, nil
}

func (g *gamma) Rand(r *rng.Rand) float64 { return g.scale * g.g.rand(r) }
func (g *gamma) Mean() float64            { return g.mean }
func (g *gamma) Variance() float64        { return g.vari }

// lognormal is parameterised by the mean and sd of the duration itself,
// which Mean and Variance return as given. exp(mu + sigma·Z) has mean m and
// sd s when sigma² = ln(1 + s²/m²) and mu = ln m − sigma²/2.
type lognormal struct {
	mu, sigma  float64
	mean, vari float64
}

func newLognormal(s Spec) (Duration, error) {
	m, sd := *s.Mean, *s.SD
	if err := needPositive("lognormal", "mean", m, "sd", sd); err != nil {
		return nil, err
	}
	cv := sd / m
	sigma2 := math.Log1p(cv * cv)
	mu := math.Log(m) - sigma2/2
	if sigma2 == 0 || !finite(sigma2) {
		return nil, errExtreme(s)
	}
	return &lognormal{mu: mu, sigma: math.Sqrt(sigma2), mean: m, vari: sd * sd}, nil
}

func (l *lognormal) Rand(r *rng.Rand) float64 { return math.Exp(l.mu + l.sigma*r.NormFloat64()) }
func (l *lognormal) Mean() float64            { return l.mean }
func (l *lognormal) Variance() float64        { return l.vari }

type weibull struct{ d distuv.Weibull }

func newWeibull(s Spec) (Duration, error) {
	k, lambda := *s.Shape, *s.Scale
	if err := needPositive("weibull", "shape", k, "scale", lambda); err != nil {
		return nil, err
	}
	return &weibull{distuv.Weibull{K: k, Lambda: lambda}}, nil
}

func (w *weibull) Rand(r *rng.Rand) float64 { return w.d.Quantile(r.Float64()) }
func (w *weibull) Mean() float64            { return w.d.Mean() }
func (w *weibull) Variance() float64        { return w.d.Variance() }

type empiricalDuration struct {
	values     []float64
	table      cumTable
	mean, vari float64
}

func newEmpiricalDuration(s Spec) (Duration, error) {
	e, err := newEmpirical(s, "values >= 0 (a duration cannot be negative)", func(v float64) bool { return v >= 0 })
	if err != nil {
		return nil, err
	}
	return &empiricalDuration{values: e.values, table: e.table, mean: e.mean, vari: e.vari}, nil
}

func (e *empiricalDuration) Rand(r *rng.Rand) float64 { return e.values[e.table.pick(r)] }
func (e *empiricalDuration) Mean() float64            { return e.mean }
func (e *empiricalDuration) Variance() float64        { return e.vari }

// errExtreme reports a mean and sd each valid on its own but so far apart
// that the distribution's internal parameters overflow.
func errExtreme(s Spec) error {
	return fmt.Errorf("%v is too extreme to simulate: sd is too small or too large compared with mean", s)
}

// needPositive checks that two parameters are both > 0 and names those that
// are not, e.g. "lognormal needs mean > 0 and sd > 0, got sd = -1".
func needPositive(name, k1 string, v1 float64, k2 string, v2 float64) error {
	var bad []string
	if v1 <= 0 {
		bad = append(bad, k1+" = "+formatNumber(v1))
	}
	if v2 <= 0 {
		bad = append(bad, k2+" = "+formatNumber(v2))
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("%s needs %s > 0 and %s > 0, got %s", name, k1, k2, joinWords(bad, "and"))
}

// gammaSampler draws from the gamma distribution with unit scale by
// Marsaglia and Tsang's method (ACM TOMS 26(3), 2000). That method needs
// shape >= 1; for shape a < 1 it draws with shape a+1 and multiplies by
// U^(1/a), which is exact.
type gammaSampler struct {
	d, c     float64 // d = shape − 1/3, c = 1/√(9d)
	invShape float64 // 1/a when boosting a shape below 1, else 0
}

func newGammaSampler(shape float64) gammaSampler {
	var g gammaSampler
	if shape < 1 {
		g.invShape = 1 / shape
		shape++
	}
	g.d = shape - 1.0/3
	g.c = 1 / math.Sqrt(9*g.d)
	return g
}

func (g gammaSampler) rand(r *rng.Rand) float64 {
	var v float64
	for {
		x := r.NormFloat64()
		v = 1 + g.c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		x2 := x * x
		// The first test is a cheap squeeze that accepts about 98% of draws.
		if u < 1-0.0331*x2*x2 || math.Log(u) < 0.5*x2+g.d*(1-v+math.Log(v)) {
			break
		}
	}
	y := g.d * v
	if g.invShape != 0 {
		// 1 − Float64() is in (0, 1], so y stays positive.
		y *= math.Pow(1-r.Float64(), g.invShape)
	}
	return y
}
