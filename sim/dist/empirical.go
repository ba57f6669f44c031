package dist

import (
	"fmt"

	"github.com/spsim/spsim/sim/rng"
	"gonum.org/v1/gonum/stat"
)

// empirical is the checked content of an empirical Spec, shared by the
// duration and count families.
type empirical struct {
	values     []float64 // those with positive weight
	table      cumTable
	mean, vari float64
}

// newEmpirical checks values and weights (equal weights when none are
// given) and builds the sampling table. valid checks each value; allowed
// says what valid accepts, for the error.
func newEmpirical(s Spec, allowed string, valid func(float64) bool) (empirical, error) {
	values, weights := s.Values, s.Weights
	if len(values) == 0 {
		return empirical{}, fmt.Errorf("empirical needs at least one value, got values = []")
	}
	if weights != nil && len(weights) != len(values) {
		return empirical{}, fmt.Errorf("empirical needs one weight per value, got %d values and %d weights", len(values), len(weights))
	}
	for i, v := range values {
		if !valid(v) {
			return empirical{}, fmt.Errorf("empirical needs %s, got values[%d] = %s", allowed, i, formatNumber(v))
		}
	}
	var e empirical
	total := 0.0
	for i, v := range values {
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		if w < 0 {
			return empirical{}, fmt.Errorf("empirical needs weights >= 0, got weights[%d] = %s", i, formatNumber(w))
		}
		// A value of weight 0 can never be drawn; leaving it out of the
		// table means the search can never land on it.
		if w == 0 {
			continue
		}
		total += w
		e.values = append(e.values, v)
		e.table = append(e.table, total)
	}
	if total == 0 {
		return empirical{}, fmt.Errorf("empirical needs at least one weight > 0, got all weights 0")
	}
	e.mean, e.vari = stat.PopMeanVariance(values, weights)
	return e, nil
}

// cumTable holds cumulative weights, strictly increasing, for drawing an
// index with probability proportional to its weight by binary search.
type cumTable []float64

// pick returns the smallest i with u < c[i] for u uniform on [0, total),
// or the last index should rounding make u reach the total.
func (c cumTable) pick(r *rng.Rand) int {
	u := r.Float64() * c[len(c)-1]
	lo, hi := 0, len(c)-1
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if u < c[m] {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}
