package des

import "slices"

// sortMax is the largest bucket kept as a sorted run rather than a heap:
// a small run is sorted once and then taken from the front, cheaper than
// sifting at every pop, and a rare event for its time inserted in place.
const sortMax = 48

// bucketsPerUnit is how many buckets a time unit is split into: a power of
// two, so that the bucket of t is exact.
const bucketsPerUnit = 4

// ringSize is how many buckets ahead (32 weeks in spsim) the ring reaches;
// later events wait in one unsorted list. A power of two.
const ringSize = 128

// lastBucket holds every time from lastBucket/bucketsPerUnit on: far
// beyond any horizon, and far enough below the largest int64 that the
// ring's end, cur+ringSize, cannot overflow.
const lastBucket = 1 << 62

// bucketOf is the bucket t falls in, saturating for times beyond any
// horizon.
func bucketOf(t float64) int64 {
	if t >= lastBucket/bucketsPerUnit {
		return lastBucket
	}
	return int64(t * bucketsPerUnit) // t >= 0: truncation is floor; the product is exact
}

// push files an event: into the run or heap if its bucket has been sorted
// in, else into its bucket.
func (c *Calendar) push(e entry) {
	k := bucketOf(e.time)
	switch {
	case k < c.cur:
		c.insert(e)
	case k < c.cur+ringSize:
		b := &c.ring[k%ringSize]
		if cap(*b) == 0 {
			c.initRing()
		}
		*b = append(*b, e)
		c.inRing++
	default:
		if len(c.far) == 0 || k < c.farMin {
			c.farMin = k
		}
		c.far = append(c.far, e)
	}
}

// bucketed is the number of events waiting in buckets, cancelled included.
func (c *Calendar) bucketed() int { return c.inRing + len(c.far) }

// initRing gives every bucket without room its first room, from one
// allocation.
func (c *Calendar) initRing() {
	const room = 8
	slab := make([]entry, ringSize*room)
	for i := range c.ring {
		if cap(c.ring[i]) == 0 {
			c.ring[i] = slab[i*room : i*room : (i+1)*room]
		}
	}
}

// settle drops cancelled events from the front (of the run or heap) and,
// while nothing is left there and events wait in buckets, sorts the next
// bucket in: afterwards the front, if any, is the earliest pending event
// outside the lanes.
func (c *Calendar) settle() {
	for {
		for c.live() > 0 && c.slots[c.heap[c.head].slot].state == slotCancelled {
			c.release(c.pop().slot)
			c.cancelled--
		}
		if c.live() > 0 || c.bucketed() == 0 {
			return
		}
		c.advance()
	}
}

// advance sorts bucket cur in (nothing is left before it) and moves on a
// bucket. With the ring empty it first jumps to the earliest bucket
// waiting in far.
func (c *Calendar) advance() {
	if c.inRing == 0 {
		c.cur = c.farMin
		c.refill()
	}
	c.heap, c.head = c.heap[:0], 0
	b := &c.ring[c.cur%ringSize]
	for _, e := range *b {
		if c.slots[e.slot].state == slotCancelled {
			c.release(e.slot)
			c.cancelled--
			continue
		}
		c.heap = append(c.heap, e)
	}
	c.inRing -= len(*b)
	*b = (*b)[:0]
	c.sorted = len(c.heap) <= sortMax
	if c.sorted {
		sortEntries(c.heap)
	} else {
		c.heapify()
	}
	c.cur++
	// Far is scanned once the earliest of it is half a ring away: then at
	// most every half ring, however many events wait there, and always
	// before their buckets come round.
	if len(c.far) > 0 && c.farMin < c.cur+ringSize/2 {
		c.refill()
	}
}

// refill moves the events in far whose buckets the ring now reaches into
// their buckets. They go before the events already there: a bucket stays
// in scheduling order (far's events for a bucket were all scheduled before
// the ring reached it), which is what lets sortEntries compare times only.
func (c *Calendar) refill() {
	var before [ringSize]int32 // a bucket's length before refill, +1; 0 if untouched
	kept := c.far[:0]
	for _, e := range c.far {
		k := bucketOf(e.time)
		if k < c.cur+ringSize {
			b := &c.ring[k%ringSize]
			if cap(*b) == 0 {
				c.initRing()
			}
			if before[k%ringSize] == 0 {
				before[k%ringSize] = int32(len(*b)) + 1
			}
			*b = append(*b, e)
			c.inRing++
			continue
		}
		if len(kept) == 0 || k < c.farMin {
			c.farMin = k
		}
		kept = append(kept, e)
	}
	clear(c.far[len(kept):])
	c.far = kept
	for i, n := range before {
		if n > 1 {
			b := c.ring[i]
			slices.Reverse(b[:n-1])
			slices.Reverse(b[n-1:])
			slices.Reverse(b)
		}
	}
}

// compact drops every cancelled event, wherever it waits, and rebuilds the
// heap in O(n).
func (c *Calendar) compact() {
	n := copy(c.heap, c.heap[c.head:])
	c.heap, c.head = c.dropCancelled(c.heap[:n]), 0
	for i := range c.ring {
		n := len(c.ring[i])
		c.ring[i] = c.dropCancelled(c.ring[i])
		c.inRing -= n - len(c.ring[i])
	}
	c.far = c.dropCancelled(c.far)
	for i, e := range c.far {
		if k := bucketOf(e.time); i == 0 || k < c.farMin {
			c.farMin = k
		}
	}
	c.cancelled = 0
	if !c.sorted {
		c.heapify() // a sorted run stays sorted
	}
}

// dropCancelled removes cancelled events from es, releasing their slots.
func (c *Calendar) dropCancelled(es []entry) []entry {
	kept := es[:0]
	for _, e := range es {
		if c.slots[e.slot].state == slotCancelled {
			c.release(e.slot)
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

func (c *Calendar) release(s int32) {
	c.slots[s].state = slotFree
	c.free = append(c.free, s)
}

// live is the number of events in the heap or sorted run, cancelled ones
// included.
func (c *Calendar) live() int { return len(c.heap) - c.head }

// insert adds an event for a bucket already sorted in: in place in a small
// sorted run, else into the heap (a sorted run is a heap already).
func (c *Calendar) insert(e entry) {
	if c.sorted {
		if c.live() < sortMax {
			run := c.heap[c.head:]
			j, _ := slices.BinarySearchFunc(run, e, compareEntries)
			c.heap = append(c.heap, entry{})
			j += c.head
			copy(c.heap[j+1:], c.heap[j:])
			c.heap[j] = e
			return
		}
		n := copy(c.heap, c.heap[c.head:])
		c.heap, c.head, c.sorted = c.heap[:n], 0, false
	}
	c.heap = append(c.heap, e)
	c.up(len(c.heap) - 1)
}

// sortEntries sorts a short run, in scheduling order, by insertion. The
// sort is stable, so comparing times alone orders ties by sequence.
func sortEntries(h []entry) {
	for i := 1; i < len(h); i++ {
		e := h[i]
		j := i
		for ; j > 0 && e.time < h[j-1].time; j-- {
			h[j] = h[j-1]
		}
		h[j] = e
	}
}

// compareEntries orders entries by time, then sequence.
func compareEntries(a, b entry) int {
	switch {
	case a.before(&b):
		return -1
	case b.before(&a):
		return 1
	}
	return 0
}

// pop removes and returns the first event of the heap or sorted run, which
// must not be empty.
func (c *Calendar) pop() entry {
	if c.sorted {
		e := c.heap[c.head]
		c.head++
		if c.head == len(c.heap) {
			c.heap, c.head = c.heap[:0], 0
		}
		return e
	}
	e := c.heap[0]
	last := len(c.heap) - 1
	c.heap[0] = c.heap[last]
	c.heap = c.heap[:last]
	if last > 0 {
		c.down(0)
	}
	return e
}

func (c *Calendar) heapify() {
	for i := len(c.heap)/2 - 1; i >= 0; i-- {
		c.down(i)
	}
}

func (c *Calendar) up(j int) {
	h := c.heap
	e := h[j]
	for j > 0 {
		i := (j - 1) / 2
		if !e.before(&h[i]) {
			break
		}
		h[j] = h[i]
		j = i
	}
	h[j] = e
}

func (c *Calendar) down(i int) {
	h := c.heap
	n := len(h)
	e := h[i]
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		j := l
		if r := l + 1; r < n && h[r].before(&h[l]) {
			j = r
		}
		if !h[j].before(&e) {
			break
		}
		h[i] = h[j]
		i = j
	}
	h[i] = e
}
