package experiment

import (
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestOnset: a waiting list that steps up at the change shows half its
// rise within the first span; a wait that climbs a week each week from 2
// to 12 passes half of it (7) in the span of weeks 25 and 26, 7 weeks from
// the change; a measure that does not move has no onset.
func TestOnset(t *testing.T) {
	cw := ChangeWindow{Week: 20, Before: [2]int{0, 20}, After: [2]int{20, 60}}
	mk := func(list, wait func(w int) float64) []*sim.Result {
		var rs []*sim.Result
		for range 3 {
			r := &sim.Result{Columns: []sim.Column{{Name: sim.ColWaitingListMean}, {Name: sim.ColWaitSum}, {Name: sim.ColFirstContacts}}}
			for w := range 60 {
				r.Weekly = append(r.Weekly, []float64{list(w), 10 * wait(w), 10})
			}
			rs = append(rs, r)
		}
		return rs
	}
	step := func(w int) float64 {
		if w < 20 {
			return 100
		}
		return 150
	}
	climb := func(w int) float64 { return max(2, min(12, float64(w-18))) }
	flat := func(int) float64 { return 100 }
	rs := mk(step, climb)
	if got, ok := Onset(rs, cw, sim.KPIWaitingListMean); !ok || got != onsetSpan {
		t.Errorf("a step: onset %d (%v), want %d", got, ok, onsetSpan)
	}
	// Weeks 24 and 25 pool to (6+7)/2 = 6.5; 25 and 26 to 7.5, past 7.
	if got, ok := Onset(rs, cw, sim.KPIWaitMean); !ok || got != 7 {
		t.Errorf("a climb: onset %d (%v), want 7", got, ok)
	}
	if _, ok := Onset(mk(flat, flat), cw, sim.KPIWaitingListMean); ok {
		t.Error("a flat list has an onset")
	}
	if _, ok := Onset(rs, cw, sim.KPIReneged); ok {
		t.Error("a measure Onset does not read has an onset")
	}
}

// TestOnsetInterval: replications that agree give an interval of one
// value; fewer than three give none; a faint change, none either.
func TestOnsetInterval(t *testing.T) {
	cw := ChangeWindow{Week: 20, Before: [2]int{0, 20}, After: [2]int{20, 60}}
	mk := func(n int, list func(r, w int) float64) []*sim.Result {
		var rs []*sim.Result
		for r := range n {
			res := &sim.Result{Columns: []sim.Column{{Name: sim.ColWaitingListMean}}}
			for w := range 60 {
				res.Weekly = append(res.Weekly, []float64{list(r, w)})
			}
			rs = append(rs, res)
		}
		return rs
	}
	step := func(_, w int) float64 {
		if w < 20 {
			return 100
		}
		return 150
	}
	if w, lo, hi, ok := OnsetInterval(mk(5, step), cw, sim.KPIWaitingListMean, 0.95); !ok || w != onsetSpan || lo != w || hi != w {
		t.Errorf("agreeing replications: %d [%d, %d] %v, want %d [%d, %d]", w, lo, hi, ok, onsetSpan, onsetSpan, onsetSpan)
	}
	if _, _, _, ok := OnsetInterval(mk(2, step), cw, sim.KPIWaitingListMean, 0.95); ok {
		t.Error("two replications gave an interval")
	}
	// Replications whose step comes at different weeks: a spread.
	late := func(r, w int) float64 {
		if w < 20+4*r {
			return 100
		}
		return 150
	}
	if w, lo, hi, ok := OnsetInterval(mk(6, late), cw, sim.KPIWaitingListMean, 0.95); !ok || !(lo <= w && w <= hi && lo < hi) {
		t.Errorf("steps at weeks 20 to 40: %d [%d, %d] %v, want an interval with a spread around the onset", w, lo, hi, ok)
	}
}
