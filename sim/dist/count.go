package dist

import (
	"fmt"
	"math"

	"github.com/spsim/spsim/sim/rng"
	"gonum.org/v1/gonum/stat/distuv"
)

// Count is a distribution of non-negative integers, such as a number of
// sessions. Rand draws from r and does not allocate.
type Count interface {
	Rand(r *rng.Rand) int
	Mean() float64
	Variance() float64
}

// countFamilies are the families Spec.Count accepts, in the order error
// messages list them.
var countFamilies = []family[Count]{
	{name: "constant", required: []string{"value"}, build: newConstantCount},
	{name: "poisson", required: []string{"mean"}, build: newPoisson},
	{name: "geometric", required: []string{"mean"}, build: newGeometric},
	{name: "negative_binomial", required: []string{"mean", "sd"}, build: newNegativeBinomial},
	{name: "empirical", required: []string{"values"}, optional: "weights", build: newEmpiricalCount},
}

// maxCount bounds count values and means. It is far beyond any count a
// scenario needs and keeps every draw well inside an int.
const (
	maxCount     = 1e9
	maxCountText = "1e9"
)

func isWhole(v float64) bool { return v >= 0 && v <= maxCount && v == math.Trunc(v) }

type constantCount int

func newConstantCount(s Spec) (Count, error) {
	v := *s.Value
	if !isWhole(v) {
		return nil, fmt.Errorf("constant needs a whole number value from 0 to %s for a count, got value = %s", maxCountText, formatNumber(v))
	}
	c := constantCount(v)
	return &c, nil
}

func (c *constantCount) Rand(*rng.Rand) int { return int(*c) }
func (c *constantCount) Mean() float64      { return float64(*c) }
func (c *constantCount) Variance() float64  { return 0 }

// checkCountMean checks the mean of poisson and geometric, for which 0 is
// allowed and means always 0.
func checkCountMean(name string, m float64) error {
	if m < 0 || m > maxCount {
		return fmt.Errorf("%s needs mean from 0 to %s, got mean = %s", name, maxCountText, formatNumber(m))
	}
	return nil
}

type poisson struct {
	d distuv.Poisson // for the moments
	p poissonSampler
}

func newPoisson(s Spec) (Count, error) {
	m := *s.Mean
	if err := checkCountMean("poisson", m); err != nil {
		return nil, err
	}
	return &poisson{d: distuv.Poisson{Lambda: m}, p: newPoissonSampler(m)}, nil
}

func (p *poisson) Rand(r *rng.Rand) int { return p.p.rand(r) }
func (p *poisson) Mean() float64        { return p.d.Mean() }
func (p *poisson) Variance() float64    { return p.d.Variance() }

// geometric counts failures before the first success with success
// probability p = 1/(1+mean), so its support is 0, 1, 2, ...
type geometric struct {
	mean float64
	logQ float64 // ln(1−p) = −ln(1 + 1/mean); −Inf when mean is 0
}

func newGeometric(s Spec) (Count, error) {
	m := *s.Mean
	if err := checkCountMean("geometric", m); err != nil {
		return nil, err
	}
	return &geometric{mean: m, logQ: -math.Log1p(1 / m)}, nil
}

// Rand inverts the survival function P(K >= k) = (1−p)^k: with U uniform on
// (0, 1], K = floor(ln U / ln(1−p)).
func (g *geometric) Rand(r *rng.Rand) int {
	if g.mean == 0 {
		return 0
	}
	return int(math.Log(1-r.Float64()) / g.logQ)
}
func (g *geometric) Mean() float64     { return g.mean }
func (g *geometric) Variance() float64 { return g.mean * (1 + g.mean) }

// negativeBinomial is drawn as a gamma-Poisson mixture: with λ ~ Gamma of
// shape k = mean²/(sd²−mean) and scale (sd²−mean)/mean, a Poisson(λ) count
// has the given mean and variance mean + (sd²−mean) = sd².
type negativeBinomial struct {
	g          gammaSampler
	scale      float64
	mean, vari float64
}

func newNegativeBinomial(s Spec) (Count, error) {
	m, sd := *s.Mean, *s.SD
	if m <= 0 || m > maxCount || sd <= 0 || sd > maxCount {
		return nil, fmt.Errorf("negative_binomial needs mean and sd above 0 and at most %s, got mean = %s, sd = %s",
			maxCountText, formatNumber(m), formatNumber(sd))
	}
	v := sd * sd
	if !(v > m) {
		return nil, fmt.Errorf("negative_binomial needs sd² > mean, that is sd > %s here, got mean = %s, sd = %s (sd² = %s); use poisson when sd² = mean",
			formatNumber(math.Sqrt(m)), formatNumber(m), formatNumber(sd), formatNumber(v))
	}
	excess := v - m
	shape, scale := m*(m/excess), excess/m
	if !finite(shape) || shape == 0 || !finite(scale) || scale == 0 {
		return nil, errExtreme(s)
	}
	return &negativeBinomial{g: newGammaSampler(shape), scale: scale, mean: m, vari: v}, nil
}

func (nb *negativeBinomial) Rand(r *rng.Rand) int {
	// The cap only touches draws far beyond any plausible count (it is
	// 10⁶ times maxCount) and keeps the result inside an int.
	lambda := min(nb.scale*nb.g.rand(r), 1e15)
	return newPoissonSampler(lambda).rand(r)
}
func (nb *negativeBinomial) Mean() float64     { return nb.mean }
func (nb *negativeBinomial) Variance() float64 { return nb.vari }

type empiricalCount struct {
	values     []int
	table      cumTable
	mean, vari float64
}

func newEmpiricalCount(s Spec) (Count, error) {
	e, err := newEmpirical(s, "whole-number values from 0 to "+maxCountText+" for a count", isWhole)
	if err != nil {
		return nil, err
	}
	values := make([]int, len(e.values))
	for i, v := range e.values {
		values[i] = int(v)
	}
	return &empiricalCount{values: values, table: e.table, mean: e.mean, vari: e.vari}, nil
}

func (e *empiricalCount) Rand(r *rng.Rand) int { return e.values[e.table.pick(r)] }
func (e *empiricalCount) Mean() float64        { return e.mean }
func (e *empiricalCount) Variance() float64    { return e.vari }

// poissonSampler draws Poisson counts: by sequential inversion for small
// means, whose cost grows with the mean, and otherwise by Hörmann's
// transformed rejection with squeeze, PTRS ("The transformed rejection
// method for generating Poisson random variables", Insurance: Mathematics
// and Economics 12, 1993), exact and of bounded cost for means >= 10.
type poissonSampler struct {
	mean    float64
	expNeg  float64 // e^−mean, for inversion
	a, b    float64 // PTRS constants, as in the paper
	vr      float64
	logInvA float64 // ln(1/α)
	logMean float64
}

const ptrsMin = 10

func newPoissonSampler(mean float64) poissonSampler {
	p := poissonSampler{mean: mean}
	if mean < ptrsMin {
		p.expNeg = math.Exp(-mean)
		return p
	}
	p.b = 0.931 + 2.53*math.Sqrt(mean)
	p.a = -0.059 + 0.02483*p.b
	p.logInvA = math.Log(1.1239 + 1.1328/(p.b-3.4))
	p.vr = 0.9277 - 3.6224/(p.b-2)
	p.logMean = math.Log(mean)
	return p
}

func (p poissonSampler) rand(r *rng.Rand) int {
	if p.mean < ptrsMin {
		u := r.Float64()
		k, pk := 0, p.expNeg
		cdf := pk
		for u > cdf {
			k++
			pk *= p.mean / float64(k)
			next := cdf + pk
			if next == cdf {
				// Rounding stopped the sum short of u: the rest of the
				// tail is below the resolution of u.
				break
			}
			cdf = next
		}
		return k
	}
	for {
		u := r.Float64() - 0.5
		v := r.Float64()
		us := 0.5 - math.Abs(u)
		// k stays a float until accepted: at us = 0 it is infinite.
		k := math.Floor((2*p.a/us+p.b)*u + p.mean + 0.43)
		if us >= 0.07 && v <= p.vr {
			return int(k)
		}
		if k < 0 || (us < 0.013 && v > us) {
			continue
		}
		lg, _ := math.Lgamma(k + 1)
		if math.Log(v)+p.logInvA-math.Log(p.a/(us*us)+p.b) <= -p.mean+k*p.logMean-lg {
			return int(k)
		}
	}
}
