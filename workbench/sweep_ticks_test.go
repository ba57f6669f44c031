package workbench

import (
	"slices"
	"testing"
)

// TestWholeTicks: a sweep of posts is labelled at whole posts only, not at
// 3.5 or 2.5; a sweep of a few is labelled at each.
func TestWholeTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   []float64
	}{
		{3, 6, []float64{3, 4, 5, 6}},
		{2, 14, []float64{2, 4, 6, 8, 10, 12, 14}},
		{3, 4, []float64{3, 4}},
	} {
		if got := wholeTicks(c.lo, c.hi); !slices.Equal(got, c.want) {
			t.Errorf("wholeTicks(%v, %v) = %v, want %v", c.lo, c.hi, got, c.want)
		}
	}
}
