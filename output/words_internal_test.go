package output

import (
	"math"
	"testing"

	"github.com/spsim/spsim/sim/experiment"
)

// TestOnsetBounds: an onset interval whose ends agree says so in words,
// and at the reading's shortest says it can tell no sooner ("2 to 2
// weeks" read as a slip).
func TestOnsetBounds(t *testing.T) {
	for _, c := range []struct {
		lo, hi int
		want   string
	}{
		{2, 6, "95% interval 2 to 6 weeks"},
		{2, 2, "at once: 2 weeks is the shortest this reading can tell, in at least 95% of resamples"},
		{5, 5, "5 weeks in at least 95% of resamples"},
	} {
		if got := onsetBounds(c.lo, c.hi, 0.95); got != c.want {
			t.Errorf("onsetBounds(%d, %d) = %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
}

// TestValueWords: a swept share reads as a percentage, a switch as on or
// off, and any other value as written.
func TestValueWords(t *testing.T) {
	for _, c := range []struct{ key, v, want string }{
		{"demand.annual_growth", "0.2", "20%"},
		{"demand.annual_growth", "0.07", "7%"},
		{"services.wellbeing_groups.acceptance_probability", "0.85", "85%"},
		{"workforce.link_workers", "4", "4"},
		{"holding.enabled", "true", "on"},
		{"support.model", "tiered", "tiered"},
	} {
		if got := valueWords(c.key, c.v); got != c.want {
			t.Errorf("valueWords(%s, %s) = %q, want %q", c.key, c.v, got, c.want)
		}
	}
}

// TestSweepAxisFillsThePanel: a numeric sweep's dots leave a twentieth of
// the span either side, so 0 to 0.2 fills its panel; half a unit, as for
// categories, crushed it into the middle.
func TestSweepAxisFillsThePanel(t *testing.T) {
	ax := newSweepAxis(experiment.Factor{Key: "demand.annual_growth", Values: []string{"0", "0.1", "0.2"}})
	w := &whiskers{pos: []float64{0, 0.1, 0.2}, mid: []float64{1, 2, 3}, lo: []float64{1, 2, 3}, hi: []float64{1, 2, 3}, pad: ax.pad()}
	if lo, hi, _, _ := w.DataRange(); math.Abs(lo+0.01) > 1e-12 || math.Abs(hi-0.21) > 1e-12 {
		t.Errorf("x from %g to %g, want -0.01 to 0.21", lo, hi)
	}
	cats := &whiskers{pos: []float64{0, 1}, mid: []float64{1, 2}, lo: []float64{1, 2}, hi: []float64{1, 2}}
	if lo, hi, _, _ := cats.DataRange(); lo != -0.5 || hi != 1.5 {
		t.Errorf("categories from %g to %g, want half a category either side", lo, hi)
	}
}
