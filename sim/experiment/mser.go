package experiment

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"

	"github.com/spsim/spsim/sim"
)

// MSERBatch is the batch size of MSER-5 (White, Cobb & Spratt 2000): the
// series is reduced to means of 5 observations before truncation points are
// compared, which makes the rule robust to week-to-week noise.
const MSERBatch = 5

// WarmupColumns are the weekly columns whose initial transient the warm-up
// suggestion looks for: the two stocks that start from the scenario's
// initial state and take longest to settle.
var WarmupColumns = []string{sim.ColWaitingListMean, sim.ColCaseloadMean}

// MSER returns the truncation point d, in observations, that minimises the
// MSER statistic of y in batches of the given size:
//
//	MSER(k) = Σ_{j>k} (z_j − z̄_k)² / (m−k)²
//
// where z_1..z_m are the batch means and z̄_k the mean of those after the
// first k batches. Only k in the first half of the batches is considered,
// as the rule is unreliable once little data is left; ties go to the
// earlier point. d is k times the batch size. It fails on a series with
// fewer than four batches or an undefined value.
func MSER(y []float64, batch int) (int, error) {
	if batch < 1 {
		return 0, fmt.Errorf("MSER: batch size %d, want at least 1", batch)
	}
	m := len(y) / batch
	if m < 4 {
		return 0, fmt.Errorf("MSER: %d observations make %d batches of %d, want at least 4", len(y), m, batch)
	}
	z := make([]float64, m)
	for j := range z {
		s := 0.0
		for _, v := range y[j*batch : (j+1)*batch] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 0, fmt.Errorf("MSER: undefined value in batch %d", j)
			}
			s += v
		}
		z[j] = s / float64(batch)
	}
	best, bestK := math.Inf(1), 0
	for k := 0; k <= m/2; k++ {
		rest := z[k:]
		mean := 0.0
		for _, v := range rest {
			mean += v
		}
		mean /= float64(len(rest))
		ss := 0.0
		for _, v := range rest {
			ss += (v - mean) * (v - mean)
		}
		n := float64(len(rest))
		if stat := ss / (n * n); stat < best {
			best, bestK = stat, k
		}
	}
	return bestK * batch, nil
}

// WarmupSuggestion is the MSER-5 truncation point of each series in
// WarmupColumns, applied to the across-replication mean of the series, and
// the largest of them: the warm-up that lets every stock settle.
type WarmupSuggestion struct {
	Weeks     int            // the suggested warm-up, the largest over the series
	PerSeries []SeriesWarmup // in the order of WarmupColumns
	// Before, if not 0, is the week of the scenario's first planned change
	// (its timeline): the series were read only before it.
	Before int
	// Growing says referrals grow (or shrink) year on year: the run has
	// no steady state, and MSER-5, which looks for the start of one, reads
	// the trend as a transient. Its suggestion is then no guide.
	Growing bool
}

// SeriesWarmup is one series' MSER-5 truncation point.
type SeriesWarmup struct {
	Column string
	Weeks  int
}

// SuggestWarmup applies MSER-5 to the mean over replications of each
// column in WarmupColumns, week by week. If before is above 0, only the
// weeks before it are read: a scenario's planned change (a post whose
// funding ends, say) is what the scenario asks about, not the start-up
// transient a warm-up removes, and MSER would read the step it makes as
// one.
func SuggestWarmup(results []*sim.Result, before int) (WarmupSuggestion, error) {
	s := WarmupSuggestion{Before: before}
	if len(results) == 0 {
		return s, fmt.Errorf("warm-up suggestion: no replications")
	}
	for _, col := range WarmupColumns {
		mean := weeklyMeans(results, col)
		if mean == nil {
			return s, fmt.Errorf("warm-up suggestion: no weekly column %s", col)
		}
		if before > 0 && before < len(mean) {
			mean = mean[:before]
		}
		d, err := MSER(mean, MSERBatch)
		if err != nil {
			if before > 0 {
				err = fmt.Errorf("%w (the weeks before the timeline's first change, at week %d)", err, before)
			}
			return s, fmt.Errorf("warm-up suggestion from %s: %w", col, err)
		}
		s.PerSeries = append(s.PerSeries, SeriesWarmup{Column: col, Weeks: d})
		s.Weeks = max(s.Weeks, d)
	}
	return s, nil
}

// weeklyMeans is Means(Weekly(results, Column(col), level)), bit for bit,
// without the intervals or a copy of each replication's column: each
// week's mean over the replications that have the column, leaving out
// undefined values. It is nil if none has the column.
func weeklyMeans(results []*sim.Result, col string) []float64 {
	type column struct {
		rows [][]float64
		c    int
	}
	var cols []column
	weeks := math.MaxInt
	for _, r := range results {
		if c := r.Col(col); c >= 0 {
			cols = append(cols, column{r.Weekly, c})
			weeks = min(weeks, len(r.Weekly))
		}
	}
	if len(cols) == 0 {
		return nil
	}
	out := make([]float64, weeks)
	vals := make([]float64, 0, len(cols))
	for w := range out {
		vals = vals[:0]
		for _, c := range cols {
			if v := c.rows[w][c.c]; !math.IsNaN(v) {
				vals = append(vals, v)
			}
		}
		out[w] = stat.Mean(vals, nil) // as Interval's; NaN for no value
	}
	return out
}
