package experiment

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
)

// Estimate is a sample mean with a two-sided Student-t confidence interval.
type Estimate struct {
	Mean      float64 // sample mean
	Low, High float64 // interval bounds, Mean ± HalfWidth
	HalfWidth float64 // t quantile times the standard error
	SD        float64 // sample standard deviation (n-1 denominator)
	N         int     // number of observations
}

// Interval returns the mean of xs and its Student-t confidence interval at
// the given level, e.g. 0.95.
//
// The interval needs an estimate of spread, so with len(xs) == 1 SD, Low,
// High and HalfWidth are NaN, and with no data every field but N is NaN.
// Interval panics if level is not in (0, 1).
func Interval(xs []float64, level float64) Estimate {
	if !(level > 0 && level < 1) {
		panic(fmt.Sprintf("experiment: confidence level %g not in (0, 1)", level))
	}
	nan := math.NaN()
	e := Estimate{Mean: nan, Low: nan, High: nan, HalfWidth: nan, SD: nan, N: len(xs)}
	switch len(xs) {
	case 0:
		return e
	case 1:
		e.Mean = xs[0]
		return e
	}
	e.Mean, e.SD = stat.MeanStdDev(xs, nil)
	t := tQuantile(level, float64(e.N-1))
	e.HalfWidth = t * stat.StdErr(e.SD, float64(e.N))
	e.Low, e.High = e.Mean-e.HalfWidth, e.Mean+e.HalfWidth
	return e
}

// Paired returns the Student-t interval of the differences b[i]-a[i].
// Scenarios run with common random numbers share replication i's random
// draws, so their outputs are positively correlated and the paired interval
// is narrower than comparing two independent intervals. Paired panics if
// len(a) != len(b) or level is not in (0, 1).
func Paired(a, b []float64, level float64) Estimate {
	if len(a) != len(b) {
		panic(fmt.Sprintf("experiment: paired samples of lengths %d and %d", len(a), len(b)))
	}
	d := make([]float64, len(a))
	for i := range a {
		d[i] = b[i] - a[i]
	}
	e := Interval(d, level)
	if m := CancelledMean(e.Mean, d); m != e.Mean {
		e.Low, e.High, e.Mean = e.Low-e.Mean, e.High-e.Mean, m
	}
	return e
}

// CancelledMean is mean, the mean of xs, or 0 where it lies within the
// rounding error of summing xs: values that cancel can sum to a residue
// (1.1e-17 for an exactly zero difference of leavers), which a file would
// write as 0.00000000000000001110223.
func CancelledMean(mean float64, xs []float64) float64 {
	most := 0.0
	for _, x := range xs {
		most = max(most, math.Abs(x))
	}
	if math.Abs(mean) <= float64(len(xs))*0x1p-52*most {
		return 0
	}
	return mean
}

// Contains reports whether x lies in [Low, High]. It is false whenever the
// interval is undefined (NaN).
func (e Estimate) Contains(x float64) bool {
	return e.Low <= x && x <= e.High
}
