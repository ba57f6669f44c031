package sim

import (
	"fmt"
	"math"
)

// Histogram counts non-negative values in fixed-width bins on [0, Max);
// values at or above Max go to an overflow bin at Max. Its memory is fixed
// when it is made, so it can record the wait of every person in a long run.
// Quantile interpolates linearly within a bin, so a quantile below Max is
// within one bin width of the exact sample quantile.
//
// The zero value is not usable; make one with NewHistogram.
type Histogram struct {
	width, max float64
	counts     []int // counts[len(counts)-1] is the overflow bin
	zeros      int   // values exactly 0, also counted in bin 0
	n          int
	sum        float64
}

// NewHistogram returns an empty histogram with bins of the given width
// covering [0, max). The last bin is narrower if max is not a multiple of
// width. NewHistogram panics unless 0 < width <= max and both are finite.
func NewHistogram(width, max float64) *Histogram {
	if !(width > 0 && width <= max) || math.IsInf(max, 1) {
		panic(fmt.Sprintf("sim: histogram width %g, max %g", width, max))
	}
	bins := int(math.Ceil(max / width))
	return &Histogram{width: width, max: max, counts: make([]int, bins+1)}
}

// Add records x. It panics if x is negative or NaN, which for a waiting
// time means a bug in the caller. Add does not allocate.
func (h *Histogram) Add(x float64) {
	if !(x >= 0) {
		panic("sim: histogram value negative or NaN")
	}
	h.n++
	h.sum += x
	if x == 0 {
		h.zeros++
	}
	over := len(h.counts) - 1
	if x >= h.max {
		h.counts[over]++
		return
	}
	// Rounding in x/width can land a value just below max one bin too far.
	h.counts[min(int(x/h.width), over-1)]++
}

// N returns the number of values added since the last Reset.
func (h *Histogram) N() int { return h.n }

// Overflow returns how many values were at or above Max. Quantiles that fall
// among them are reported as Max, a lower bound.
func (h *Histogram) Overflow() int { return h.counts[len(h.counts)-1] }

// Mean returns the exact mean of the values added, from a running sum rather
// than the bins. It is NaN if the histogram is empty.
func (h *Histogram) Mean() float64 {
	if h.n == 0 {
		return math.NaN()
	}
	return h.sum / float64(h.n)
}

// Quantile returns an estimate of the p-quantile of the values added: it
// finds the bin holding the value of rank p·N and interpolates linearly
// across that bin. Exact zeros are an atom (a person seen at once waited
// exactly 0), so a quantile among them is 0, not a point inside bin 0. A
// quantile in the overflow bin is reported as Max. Quantile returns NaN if
// the histogram is empty or p is not in [0, 1].
func (h *Histogram) Quantile(p float64) float64 {
	if h.n == 0 || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	rank := p * float64(h.n)
	if rank <= float64(h.zeros) {
		return 0
	}
	over := len(h.counts) - 1
	below := float64(h.zeros) // values before the current position
	for i, c := range h.counts[:over] {
		if i == 0 {
			c -= h.zeros
		}
		if c == 0 {
			continue
		}
		cf := float64(c)
		if rank <= below+cf {
			lo := float64(i) * h.width
			hi := math.Min(lo+h.width, h.max)
			return lo + (hi-lo)*(rank-below)/cf
		}
		below += cf
	}
	return h.max
}

// Reset empties h, keeping its bins.
func (h *Histogram) Reset() {
	clear(h.counts)
	h.n, h.zeros = 0, 0
	h.sum = 0
}

// Merge adds the counts of o, which must have the same bins, to h.
func (h *Histogram) Merge(o *Histogram) {
	if h.width != o.width || len(h.counts) != len(o.counts) {
		panic("sim: merging histograms with different bins")
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.n += o.n
	h.zeros += o.zeros
	h.sum += o.sum
}
