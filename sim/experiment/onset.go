package experiment

import (
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"

	"github.com/spsim/spsim/sim"
)

// onsetSpan is the weeks pooled at each step of Onset's scan: one week's
// first contacts are too few to read a wait from.
const onsetSpan = 2

// OnsetResolution is the shortest onset Onset can find: the weeks it pools.
const OnsetResolution = onsetSpan

// Onset says how soon a change shows in a measure: the weeks from the
// change until the measure, pooled over the replications and over
// onsetSpan weeks, has moved half of the way from its level before the
// change to its level over the second half of the weeks after it. It
// reads the waiting list (sim.KPIWaitingListMean) and the wait to first
// contact (sim.KPIWaitMean); ok is false for another measure, for results
// without their columns, or when the measure does not move.
func Onset(results []*sim.Result, cw ChangeWindow, kpi string) (weeks int, ok bool) {
	read := pooledReader(results, kpi)
	if read == nil || len(results) == 0 {
		return 0, false
	}
	for _, r := range results {
		if len(r.Weekly) < cw.After[1] {
			return 0, false
		}
	}
	before := read(cw.Before[0], cw.Before[1])
	settled := read((cw.After[0]+cw.After[1])/2, cw.After[1])
	half := before + (settled-before)/2
	if math.IsNaN(half) || settled == before {
		return 0, false
	}
	up := settled > before
	for w := cw.After[0]; w+onsetSpan <= cw.After[1]; w++ {
		if v := read(w, w+onsetSpan); (up && v >= half) || (!up && v <= half) {
			return w + onsetSpan - cw.Week, true
		}
	}
	return 0, false
}

// pooledReader reads a measure over weeks [from, to), pooled over the
// replications: the mean waiting list, or the mean wait of everyone first
// seen in those weeks; NaN where the results lack its columns. nil for
// another measure.
func pooledReader(results []*sim.Result, kpi string) func(from, to int) float64 {
	sum := func(col string, from, to int) float64 {
		s := 0.0
		for _, r := range results {
			s += window{r: r, from: from, to: to}.sum(col)
		}
		return s
	}
	switch kpi {
	case sim.KPIWaitingListMean:
		return func(from, to int) float64 {
			return sum(sim.ColWaitingListMean, from, to) / float64((to-from)*len(results))
		}
	case sim.KPIWaitMean:
		return func(from, to int) float64 {
			return sum(sim.ColWaitSum, from, to) / sum(sim.ColFirstContacts, from, to)
		}
	}
	return nil
}

// onsetResamples is the bootstrap's number of resamples.
const onsetResamples = 200

// OnsetInterval is Onset with a percentile bootstrap interval over the
// replications at the given level: the onset of each resample of the
// replications, drawn with replacement from a fixed seed (so the same
// results give the same interval). ok is false with fewer than three
// replications, or when a tenth of the resamples or more show no onset: a
// change too faint to time.
func OnsetInterval(results []*sim.Result, cw ChangeWindow, kpi string, level float64) (weeks, low, high int, ok bool) {
	weeks, ok = Onset(results, cw, kpi)
	if !ok || len(results) < 3 {
		return 0, 0, 0, false
	}
	rng := rand.New(rand.NewPCG(uint64(cw.Week), 0x6f6e736574))
	sample := make([]*sim.Result, len(results))
	var got []float64
	for range onsetResamples {
		for i := range sample {
			sample[i] = results[rng.IntN(len(results))]
		}
		if w, ok := Onset(sample, cw, kpi); ok {
			got = append(got, float64(w))
		}
	}
	if 10*len(got) < 9*onsetResamples {
		return 0, 0, 0, false
	}
	slices.Sort(got)
	tail := (1 - level) / 2
	return weeks, int(stat.Quantile(tail, stat.Empirical, got, nil)), int(stat.Quantile(1-tail, stat.Empirical, got, nil)), true
}
