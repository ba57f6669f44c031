package experiment

import (
	"math"

	"github.com/spsim/spsim/sim"
)

// onsetSpan is the weeks pooled at each step of Onset's scan: one week's
// first contacts are too few to read a wait from.
const onsetSpan = 2

// Onset says how soon a change shows in a measure: the weeks from the
// change until the measure, pooled over the replications and over
// onsetSpan weeks, has moved half of the way from its level before the
// change to its level over the second half of the weeks after it. It
// reads the waiting list (sim.KPIWaitingListMean) and the wait to first
// contact (sim.KPIWaitMean); ok is false for another measure, for results
// without their columns, or when the measure does not move.
func Onset(results []*sim.Result, cw ChangeWindow, kpi string) (weeks int, ok bool) {
	read := pooledReader(results, kpi)
	if read == nil {
		return 0, false
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
// seen in those weeks. nil for another measure or missing columns.
func pooledReader(results []*sim.Result, kpi string) func(from, to int) float64 {
	if len(results) == 0 {
		return nil
	}
	sum := func(col string, from, to int) float64 {
		s := 0.0
		for _, r := range results {
			c := r.Col(col)
			for _, row := range r.Weekly[from:min(to, len(r.Weekly))] {
				s += row[c]
			}
		}
		return s
	}
	has := func(cols ...string) bool {
		for _, r := range results {
			for _, c := range cols {
				if r.Col(c) < 0 {
					return false
				}
			}
		}
		return true
	}
	switch {
	case kpi == sim.KPIWaitingListMean && has(sim.ColWaitingListMean):
		return func(from, to int) float64 {
			return sum(sim.ColWaitingListMean, from, to) / float64((to-from)*len(results))
		}
	case kpi == sim.KPIWaitMean && has(sim.ColWaitSum, sim.ColFirstContacts):
		return func(from, to int) float64 {
			return sum(sim.ColWaitSum, from, to) / sum(sim.ColFirstContacts, from, to)
		}
	}
	return nil
}
