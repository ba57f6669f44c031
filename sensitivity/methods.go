package sensitivity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/spsim/spsim/sim/experiment"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/samplemv"
)

// Interval is an estimate with a bootstrap confidence interval.
type Interval struct {
	Value, Low, High float64
}

// within clamps the interval and its value to [lo, hi]: an estimator of a
// quantity in that range, such as a Sobol index in [0, 1], can stray past
// its ends by sampling noise, and what is reported must not.
func (iv Interval) within(lo, hi float64) Interval {
	c := func(x float64) float64 {
		if math.IsNaN(x) {
			return x
		}
		return min(hi, max(lo, x))
	}
	return Interval{Value: c(iv.Value), Low: c(iv.Low), High: c(iv.High)}
}

// MorrisDesign is the points of r Morris trajectories in the unit
// hypercube: trajectory t is rows t(k+1) .. t(k+1)+k, and Order[t][s] is
// the input that step s changes.
type MorrisDesign struct {
	K, R, Levels int
	Delta        float64
	Points       [][]float64
	Order        [][]int
	// Realised, if set, is Points as the inputs take them, in the same
	// unit scale: a whole-number input is rounded, so its step along a
	// trajectory may be more or less than Delta (link_workers=3..4 steps
	// from 3 to 4, the whole range, not 2/3 of it). Morris divides each
	// change by the step actually taken.
	Realised [][]float64
}

// Realise records the points as the inputs take them, unit(i, u) being
// input i's value at u, back on the unit scale.
func (d *MorrisDesign) Realise(unit func(i int, u float64) float64) {
	d.Realised = make([][]float64, len(d.Points))
	for p, x := range d.Points {
		d.Realised[p] = make([]float64, len(x))
		for i, u := range x {
			d.Realised[p][i] = unit(i, u)
		}
	}
}

// Step is the step input i takes from point p to p+1 on the unit scale:
// Delta, unless rounding moved either point, when it is the realised step.
// Where nothing was rounded Delta itself is used, not the difference of
// the two points, which may differ from it in the last bit.
func (d *MorrisDesign) Step(p, i int) float64 {
	if d.Realised == nil {
		return d.Delta
	}
	a, b := d.Realised[p][i], d.Realised[p+1][i]
	if a == d.Points[p][i] && b == d.Points[p+1][i] {
		return d.Delta
	}
	return b - a
}

// NewMorris draws r trajectories for k inputs on a p-level grid (p even,
// e.g. 4), from the seed.
func NewMorris(k, r, p int, seed uint64) (*MorrisDesign, error) {
	if k < 1 || r < 2 || p < 2 || p%2 != 0 {
		return nil, fmt.Errorf("Morris design of %d inputs, %d trajectories, %d levels: want at least 1 input, 2 trajectories and an even number of levels", k, r, p)
	}
	rng := rand.New(rand.NewPCG(seed, 0x6d6f72726973))
	d := &MorrisDesign{K: k, R: r, Levels: p, Delta: float64(p) / (2 * float64(p-1))}
	for range r {
		x := make([]float64, k)
		for i := range x {
			// Start on a level from which +Δ stays in [0, 1].
			x[i] = float64(rng.IntN(p/2)) / float64(p-1)
		}
		order := rng.Perm(k)
		d.Points = append(d.Points, append([]float64(nil), x...))
		for _, i := range order {
			x[i] += d.Delta
			d.Points = append(d.Points, append([]float64(nil), x...))
		}
		d.Order = append(d.Order, order)
	}
	return d, nil
}

// MorrisEffects are one input's elementary effects summarised.
type MorrisEffects struct {
	MuStar  Interval // mean |effect|, with a bootstrap interval over trajectories
	Mu      float64  // mean effect
	Sigma   float64  // standard deviation of the effects
	Effects []float64
}

// Morris computes each input's effects from the outputs y at the design's
// points (in Points order).
func (d *MorrisDesign) Morris(y []float64, level float64, boot int, seed uint64) []MorrisEffects {
	ee := make([][]float64, d.K)
	for t := range d.R {
		base := t * (d.K + 1)
		for s, i := range d.Order[t] {
			ee[i] = append(ee[i], (y[base+s+1]-y[base+s])/d.Step(base+s, i))
		}
	}
	out := make([]MorrisEffects, d.K)
	rng := rand.New(rand.NewPCG(seed, 0x626f6f74))
	for i, e := range ee {
		abs := make([]float64, len(e))
		for j, v := range e {
			abs[j] = math.Abs(v)
		}
		m := MorrisEffects{Mu: experiment.CancelledMean(stat.Mean(e, nil), e), Sigma: stat.StdDev(e, nil), Effects: e}
		m.MuStar = bootstrap(len(abs), boot, level, rng, func(idx []int) float64 {
			s := 0.0
			for _, j := range idx {
				s += abs[j]
			}
			return s / float64(len(idx))
		})
		out[i] = m
	}
	return out
}

// MuStarGap is a's μ* minus b's, with a percentile bootstrap interval over
// trajectories resampled together: both inputs' effects in a trajectory
// come from its one random start, so the pair is compared on the same
// draws.
func MuStarGap(a, b MorrisEffects, level float64, boot int, seed uint64) Interval {
	n := min(len(a.Effects), len(b.Effects))
	rng := rand.New(rand.NewPCG(seed, 0x676170))
	return bootstrap(n, boot, level, rng, func(idx []int) float64 {
		s := 0.0
		for _, j := range idx {
			s += math.Abs(a.Effects[j]) - math.Abs(b.Effects[j])
		}
		return s / float64(len(idx))
	})
}

// SobolDesign is Saltelli's design: N rows of A, of B, and of each A_B^i.
type SobolDesign struct {
	K, N int
	A, B [][]float64
}

// NewSobol draws A and B (N rows, k inputs) as the two halves of a
// scrambled Halton sequence in 2k dimensions, from the seed.
func NewSobol(k, n int, seed uint64) (*SobolDesign, error) {
	if k < 1 || n < 4 {
		return nil, fmt.Errorf("Sobol design of %d inputs and %d base samples: want at least 1 input and 4 samples", k, n)
	}
	m := mat.NewDense(n, 2*k, nil)
	samplemv.Halton{Kind: samplemv.Owen, Q: distmv.NewUnitUniform(2*k, nil), Src: rand.NewPCG(seed, 0x736f626f6c)}.Sample(m)
	d := &SobolDesign{K: k, N: n}
	for j := range n {
		row := m.RawRowView(j)
		d.A = append(d.A, append([]float64(nil), row[:k]...))
		d.B = append(d.B, append([]float64(nil), row[k:]...))
	}
	return d, nil
}

// Points lists every point to evaluate: A's rows, B's, then A_B^1's, ...,
// A_B^k's; N(k+2) in all.
func (d *SobolDesign) Points() [][]float64 {
	pts := append(append([][]float64(nil), d.A...), d.B...)
	for i := range d.K {
		for j := range d.N {
			x := append([]float64(nil), d.A[j]...)
			x[i] = d.B[j][i]
			pts = append(pts, x)
		}
	}
	return pts
}

// SobolIndices are one input's first-order and total indices.
type SobolIndices struct {
	First, Total Interval
}

// Indices computes Jansen's estimators from the outputs at Points(), with
// percentile bootstrap intervals over the N rows, each kept within [0, 1],
// where the indices lie.
func (d *SobolDesign) Indices(y []float64, level float64, boot int, seed uint64) []SobolIndices {
	n := d.N
	fA, fB := y[:n], y[n:2*n]
	rng := rand.New(rand.NewPCG(seed, 0x626f6f74))
	out := make([]SobolIndices, d.K)
	first := func(fABi []float64, idx []int) float64 {
		v, s := variance(fA, fB, idx), 0.0
		for _, j := range idx {
			s += (fB[j] - fABi[j]) * (fB[j] - fABi[j])
		}
		return (v - s/(2*float64(len(idx)))) / v
	}
	total := func(fABi []float64, idx []int) float64 {
		v, s := variance(fA, fB, idx), 0.0
		for _, j := range idx {
			s += (fA[j] - fABi[j]) * (fA[j] - fABi[j])
		}
		return s / (2 * float64(len(idx))) / v
	}
	for i := range d.K {
		fABi := y[(2+i)*n : (3+i)*n]
		out[i].First = bootstrap(n, boot, level, rng, func(idx []int) float64 { return first(fABi, idx) }).within(0, 1)
		out[i].Total = bootstrap(n, boot, level, rng, func(idx []int) float64 { return total(fABi, idx) }).within(0, 1)
	}
	return out
}

// TotalGap is input i's total index minus input j's (Jansen's estimator,
// as Indices), with a percentile bootstrap interval over the N rows
// resampled together: both indices of a resample share its rows and its
// variance, so the pair is compared on the same draws.
func (d *SobolDesign) TotalGap(y []float64, i, j int, level float64, boot int, seed uint64) Interval {
	n := d.N
	fA, fB := y[:n], y[n:2*n]
	fi, fj := y[(2+i)*n:(3+i)*n], y[(2+j)*n:(3+j)*n]
	rng := rand.New(rand.NewPCG(seed, 0x746f7467))
	return bootstrap(n, boot, level, rng, func(idx []int) float64 {
		s := 0.0
		for _, r := range idx {
			s += (fA[r]-fi[r])*(fA[r]-fi[r]) - (fA[r]-fj[r])*(fA[r]-fj[r])
		}
		return s / (2 * float64(len(idx))) / variance(fA, fB, idx)
	}).within(-1, 1)
}

// variance is the variance of f(A) and f(B) together over rows idx.
func variance(fA, fB []float64, idx []int) float64 {
	var s, s2 float64
	for _, j := range idx {
		s += fA[j] + fB[j]
		s2 += fA[j]*fA[j] + fB[j]*fB[j]
	}
	m := float64(2 * len(idx))
	return (s2 - s*s/m) / (m - 1)
}

// bootstrap is stat(all rows) with a percentile interval from boot
// resamples of the n rows.
func bootstrap(n, boot int, level float64, rng *rand.Rand, f func(idx []int) float64) Interval {
	idx := make([]int, n)
	for j := range idx {
		idx[j] = j
	}
	est := Interval{Value: f(idx), Low: math.NaN(), High: math.NaN()}
	if boot < 2 {
		return est
	}
	vals := make([]float64, boot)
	for b := range vals {
		for j := range idx {
			idx[j] = rng.IntN(n)
		}
		vals[b] = f(idx)
	}
	sort.Float64s(vals)
	est.Low = stat.Quantile((1-level)/2, stat.Empirical, vals, nil)
	est.High = stat.Quantile(1-(1-level)/2, stat.Empirical, vals, nil)
	return est
}
