package sim

import "fmt"

// roomTree finds the link worker with the most free places on one track.
// Its leaves hold each link worker's free places, and it counts those with
// any: allocation asks after every arrival and discharge, and most often,
// with a queue, the answer is "nobody", which the count gives at once. For a
// large team it is a tournament tree, whose inner nodes hold the most below
// them, and answers in O(log n): scanning every link worker there would
// make a large team quadratic. A small team's leaves are scanned instead:
// that is cheaper than keeping the tree.
type roomTree struct {
	used bool // kept: some profile is on this track
	tree bool // a large team: the inner nodes are kept too
	open int  // link workers with room
	// openSum is the sum of the indices of those with room: when only
	// one has room, as with a queue whenever a place comes free, it is
	// that one, found without a scan.
	openSum int
	leaves  int   // at least the number of link workers; a power of two for a tree
	max     []int // node 1 is the root; leaf i is node leaves+i
}

// reset sizes the tree for n link workers, all without room.
func (t *roomTree) reset(n int, tree bool) {
	t.tree, t.open, t.openSum = tree, 0, 0
	t.leaves = 1
	for t.leaves < n {
		t.leaves *= 2
	}
	if !tree {
		t.leaves = max(n, 1)
	}
	if cap(t.max) >= 2*t.leaves {
		t.max = t.max[:2*t.leaves]
		clear(t.max)
	} else {
		t.max = make([]int, 2*t.leaves)
	}
}

// set records that link worker i has v free places.
func (t *roomTree) set(i, v int) {
	k := t.leaves + i
	old := t.max[k]
	if old == v {
		return
	}
	t.max[k] = v
	if (old > 0) != (v > 0) {
		if v > 0 {
			t.open++
			t.openSum += i
		} else {
			t.open--
			t.openSum -= i
		}
	}
	if !t.tree {
		return
	}
	for k > 1 {
		k /= 2
		m := max(t.max[2*k], t.max[2*k+1])
		if t.max[k] == m {
			return // and so every node above
		}
		t.max[k] = m
	}
}

// best returns the link worker with the most free places, the lowest index
// on ties, or -1 if nobody has room.
func (t *roomTree) best() int {
	switch t.open {
	case 0:
		return -1
	case 1:
		return t.openSum
	}
	if !t.tree {
		best, bestFree := -1, 0
		for i, f := range t.max[t.leaves:] {
			if f > bestFree {
				best, bestFree = i, f
			}
		}
		return best
	}
	k := 1
	for k < t.leaves {
		k *= 2
		if t.max[k] != t.max[k/2] {
			k++
		}
	}
	return k - t.leaves
}

// roomChanged refreshes link worker i's free places on the tracks in use;
// call it whenever a caseload or cap changes. A post added since the trees
// were last sized (a vacancy: no room until filled) makes them grow.
func (m *Model) roomChanged(i int) {
	for t := range m.room {
		r := &m.room[t]
		if !r.used {
			continue
		}
		if i >= r.leaves {
			m.roomRebuild()
			return
		}
		r.set(i, m.free(i, t))
	}
}

// roomTreeMin is the smallest team for which the inner nodes are kept.
var roomTreeMin = 32 // a variable so that tests can compare the two ways

// roomFor returns the link worker with the most room on a track, the lowest
// index on ties, or -1 if nobody has room.
func (m *Model) roomFor(track int) int {
	if m.room[track].used {
		return m.room[track].best()
	}
	best, bestFree := -1, 0
	for i := range m.lws {
		if f := m.free(i, track); f > bestFree {
			best, bestFree = i, f
		}
	}
	return best
}

// roomRebuild resizes the trees to the link workers and fills them.
func (m *Model) roomRebuild() {
	for t := range m.room {
		m.room[t].used = false
		m.room[t].reset(len(m.lws), len(m.lws) >= roomTreeMin)
	}
	for _, pr := range m.p.profiles {
		m.room[pr.track].used = true
	}
	for t := range m.room {
		if r := &m.room[t]; r.used {
			for i := range m.lws {
				r.set(i, m.free(i, t))
			}
		}
	}
}

// checkRoom verifies the trees against the link workers' counts.
func (m *Model) checkRoom() error {
	for t := range m.room {
		for i := range m.lws {
			if !m.room[t].used {
				break
			}
			got := 0 // a vacancy added since the trees were sized
			if i < m.room[t].leaves {
				got = m.room[t].max[m.room[t].leaves+i]
			}
			if want := m.free(i, t); got != want {
				return fmt.Errorf("invariant room: link worker %d on track %d has %d free places but the tree says %d", i, t, want, got)
			}
		}
		if r := &m.room[t]; r.used {
			open, sum := 0, 0
			for i, f := range r.max[r.leaves:] {
				if f > 0 {
					open++
					sum += i
				}
			}
			if open != r.open || sum != r.openSum {
				return fmt.Errorf("invariant room: %d link workers on track %d have room (indices summing to %d) but the tree counts %d (summing to %d)", open, t, sum, r.open, r.openSum)
			}
		}
	}
	return nil
}
