package sim

import (
	"math/rand/v2"
	"testing"
)

// TestRoomTreeMatchesScan: the tree's answer is a scan's: the most room,
// the lowest index on ties, -1 when nobody has any.
func TestRoomTreeMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 5, 8, 13, 100} {
		var tr roomTree
		tr.reset(n)
		free := make([]int, n)
		for step := range 2000 {
			if n > 0 {
				i := r.IntN(n)
				free[i] = r.IntN(5) - 2
				tr.set(i, free[i])
			}
			want, bestFree := -1, 0
			for i, f := range free {
				if f > bestFree {
					want, bestFree = i, f
				}
			}
			if got := tr.best(); got != want {
				t.Fatalf("n=%d step %d: best %d, scan %d (free %v)", n, step, got, want, free)
			}
		}
	}
}
