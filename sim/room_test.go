package sim

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestRoomTreeMatchesScan: the tree's answer, and the small team's cached
// leaves', is a scan's: the most room, the lowest index on ties, -1 when
// nobody has any.
func TestRoomTreeMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct {
		n    int
		tree bool
	}{{0, false}, {1, false}, {3, false}, {13, false}, {0, true}, {1, true}, {2, true}, {3, true}, {5, true}, {8, true}, {13, true}, {100, true}} {
		n := c.n
		var tr roomTree
		tr.reset(n, c.tree)
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
				t.Fatalf("n=%d tree %v step %d: best %d, scan %d (free %v)", n, c.tree, step, got, want, free)
			}
		}
	}
}

// TestRoomTreeAllocatesAsScan: a team large enough for the trees allocates
// exactly as scanning it would, with tiered support (both tracks, reserved
// places) and turnover (posts emptied and refilled) under way.
func TestRoomTreeAllocatesAsScan(t *testing.T) {
	cfg := baselineConfig(t)
	cfg.Workforce.LinkWorkers = 40
	cfg.Demand.ReferralsPerWeek *= 14
	cfg.Support.Model = "tiered"
	cfg.Workforce.LeavingHazardPerYear = 0.5
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 60, 10
	run := func(min int) string {
		orig := roomTreeMin
		roomTreeMin = min
		defer func() { roomTreeMin = orig }()
		r, err := Run(cfg, 1)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%#v", r)
	}
	if tree, scan := run(32), run(1<<30); tree != scan {
		t.Fatal("allocation with the room trees differs from scanning the team")
	}
}
