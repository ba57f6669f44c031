package sim

import "fmt"

// roomTree finds the link worker with the most free places on one track
// in O(log n): a tournament tree whose leaves hold each link worker's free
// places and whose inner nodes hold the most below them. Allocation asks it
// after every arrival and discharge, so scanning every link worker there
// would make a large team quadratic. A small team is scanned instead: that
// is cheaper than keeping the tree.
type roomTree struct {
	used   bool  // kept: a large team, and some profile is on this track
	leaves int   // a power of two, at least the number of link workers
	max    []int // node 1 is the root; leaf i is node leaves+i
}

// reset sizes the tree for n link workers, all without room.
func (t *roomTree) reset(n int) {
	t.leaves = 1
	for t.leaves < n {
		t.leaves *= 2
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
	if t.max[k] == v {
		return
	}
	t.max[k] = v
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
	if len(t.max) < 2 || t.max[1] <= 0 {
		return -1
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

// roomTreeMin is the smallest team for which the trees are kept.
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
		m.room[t].reset(len(m.lws))
	}
	for _, pr := range m.p.profiles {
		if len(m.lws) < roomTreeMin {
			break
		}
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
	}
	return nil
}
