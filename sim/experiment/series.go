package experiment

import (
	"math"

	"github.com/spsim/spsim/sim"
)

// Series extracts one weekly value per week from a replication: a column of
// the weekly table, or a quantity derived from several columns. It returns
// nil when the replication does not have what it needs.
type Series func(r *sim.Result) []float64

// Column is the Series of a weekly column, by name.
func Column(name string) Series {
	return func(r *sim.Result) []float64 {
		c := r.Col(name)
		if c < 0 {
			return nil
		}
		out := make([]float64, len(r.Weekly))
		for w, row := range r.Weekly {
			out[w] = row[c]
		}
		return out
	}
}

// Sum is the week-by-week sum of several series, e.g. the waiting list plus
// the caseload as the demand for link-worker places.
func Sum(parts ...Series) Series {
	return combine(parts, func(vs []float64) float64 {
		s := 0.0
		for _, v := range vs {
			s += v
		}
		return s
	})
}

// Ratio is num/den week by week, NaN where den is 0: a week with no first
// contacts has no mean wait, rather than a wait of 0.
func Ratio(num, den Series) Series {
	return combine([]Series{num, den}, func(vs []float64) float64 {
		if vs[1] == 0 {
			return math.NaN()
		}
		return vs[0] / vs[1]
	})
}

// Cumulative is the running total of a series since week 0.
func Cumulative(s Series) Series {
	return func(r *sim.Result) []float64 {
		xs := s(r)
		if xs == nil {
			return nil
		}
		out := make([]float64, len(xs))
		acc := 0.0
		for i, x := range xs {
			acc += x
			out[i] = acc
		}
		return out
	}
}

func combine(parts []Series, f func([]float64) float64) Series {
	return func(r *sim.Result) []float64 {
		cols := make([][]float64, len(parts))
		n := math.MaxInt
		for i, p := range parts {
			if cols[i] = p(r); cols[i] == nil {
				return nil
			}
			n = min(n, len(cols[i]))
		}
		out := make([]float64, n)
		vs := make([]float64, len(parts))
		for w := range out {
			for i := range cols {
				vs[i] = cols[i][w]
			}
			out[w] = f(vs)
		}
		return out
	}
}

// Weekly summarises a series across replications week by week: the mean of
// the replications' values for each week and its Student-t interval at the
// given level, kept within [0, ∞) ([WeeklyIn] with [NonNegative]): every
// weekly column is a count, a mean of counts, hours or money, and so are
// their sums, ratios and running totals. A series that can be negative (a
// difference) needs WeeklyIn with its own range. Undefined values (NaN) are
// left out of their week, so a week's N may be below len(results). The
// result has one Estimate per week of the shortest replication;
// replications without the series are skipped.
func Weekly(results []*sim.Result, s Series, level float64) []Estimate {
	return WeeklyIn(results, s, level, NonNegative)
}

// WeeklyIn is [Weekly] with every week's interval within r ([IntervalIn]).
func WeeklyIn(results []*sim.Result, s Series, level float64, r Range) []Estimate {
	var cols [][]float64
	weeks := math.MaxInt
	for _, r := range results {
		if xs := s(r); xs != nil {
			cols = append(cols, xs)
			weeks = min(weeks, len(xs))
		}
	}
	if len(cols) == 0 {
		return nil
	}
	out := make([]Estimate, weeks)
	vals := make([]float64, 0, len(cols))
	for w := range out {
		vals = vals[:0]
		for _, xs := range cols {
			if !math.IsNaN(xs[w]) {
				vals = append(vals, xs[w])
			}
		}
		out[w] = IntervalIn(vals, level, r)
	}
	return out
}

// Means returns the Mean field of each estimate.
func Means(es []Estimate) []float64 {
	out := make([]float64, len(es))
	for i, e := range es {
		out[i] = e.Mean
	}
	return out
}
