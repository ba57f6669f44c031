package des

import "math"

// Kind identifies what an event means to the model that scheduled it.
type Kind uint16

// Event is one scheduled happening. Subject and Aux are free for the model:
// typically an entity index and a sub-index.
type Event struct {
	Time    float64
	Kind    Kind
	Subject int32
	Aux     int32
}

// Handle refers to a scheduled event so that it can be cancelled. The zero
// Handle refers to nothing; cancelling it is a no-op.
type Handle struct {
	slot int32
	gen  uint32
}

const (
	slotFree uint8 = iota
	slotPending
	slotCancelled
)

// slot holds an event's payload; the heap holds only its ordering key, so
// that sifting touches one small contiguous array.
type slot struct {
	kind    Kind
	state   uint8
	gen     uint32
	subject int32
	aux     int32
}

// entry is a heap element: the ordering key and the slot of the payload.
type entry struct {
	time float64
	seq  uint64
	slot int32
}

func (a *entry) before(b *entry) bool {
	return a.time < b.time || a.time == b.time && a.seq < b.seq
}

// Calendar is a future-event list ordered by (time, sequence). Its zero value
// is ready to use, with the clock at 0.
//
// Cancellation is lazy: a cancelled event stays in the heap, marked, and is
// dropped when it reaches the top, or all at once when cancelled events
// make up half the heap. This keeps sifting free of position bookkeeping.
//
// A lane holds at most one pending event beside the heap, for a process
// that always has exactly one next event, such as an arrival stream or a
// clock tick: such events are among the most frequent and are never
// cancelled, and in a lane they cost no sifting. Lane events take their
// sequence numbers from the same counter as the rest, so the order of
// events is exactly what it would be with every event in the heap.
type Calendar struct {
	now       float64
	seq       uint64
	heap      []entry
	slots     []slot
	free      []int32
	cancelled int
	fired     uint64
	lanes     [Lanes]lane
}

// Lanes is the number of lanes a Calendar has, numbered from 0.
const Lanes = 2

// lane is a lane's pending event, if any.
type lane struct {
	pending bool
	kind    Kind
	time    float64
	seq     uint64
	subject int32
	aux     int32
}

// Now is the current simulation time: the time of the last event returned
// by Next.
func (c *Calendar) Now() float64 { return c.now }

// Len is the number of pending events.
func (c *Calendar) Len() int {
	n := len(c.heap) - c.cancelled
	for i := range c.lanes {
		if c.lanes[i].pending {
			n++
		}
	}
	return n
}

// Fired is the number of events returned by Next so far.
func (c *Calendar) Fired() uint64 { return c.fired }

// Schedule adds an event at absolute time t and returns its handle. A time
// before Now is an error in the model; it panics because continuing would
// run the clock backwards and silently corrupt every result.
func (c *Calendar) Schedule(t float64, kind Kind, subject, aux int32) Handle {
	if t < c.now || math.IsNaN(t) {
		panic("des: event scheduled in the past or at NaN")
	}
	var s int32
	if n := len(c.free); n > 0 {
		s = c.free[n-1]
		c.free = c.free[:n-1]
	} else {
		c.slots = append(c.slots, slot{})
		s = int32(len(c.slots) - 1)
	}
	sl := &c.slots[s]
	sl.kind, sl.subject, sl.aux, sl.state = kind, subject, aux, slotPending
	sl.gen++
	if sl.gen == 0 { // wrapped: 0 is reserved for the zero Handle
		sl.gen = 1
	}
	c.heap = append(c.heap, entry{time: t, seq: c.seq, slot: s})
	c.seq++
	c.up(len(c.heap) - 1)
	return Handle{slot: s + 1, gen: sl.gen}
}

// ScheduleLane puts an event at absolute time t in lane l, which must
// hold no pending event. Its events cannot be cancelled; it is for a process
// whose next event is always scheduled when the last one fires.
func (c *Calendar) ScheduleLane(l int, t float64, kind Kind, subject, aux int32) {
	if t < c.now || math.IsNaN(t) {
		panic("des: event scheduled in the past or at NaN")
	}
	ln := &c.lanes[l]
	if ln.pending {
		panic("des: lane already holds a pending event")
	}
	*ln = lane{pending: true, kind: kind, time: t, seq: c.seq, subject: subject, aux: aux}
	c.seq++
}

// Cancel withdraws the event h refers to and reports whether it was still
// pending. Cancelling a fired, cancelled or zero handle returns false.
func (c *Calendar) Cancel(h Handle) bool {
	s := h.slot - 1
	if h.gen == 0 || int(s) >= len(c.slots) {
		return false
	}
	sl := &c.slots[s]
	if sl.gen != h.gen || sl.state != slotPending {
		return false
	}
	sl.state = slotCancelled
	c.cancelled++
	if c.cancelled > 64 && 2*c.cancelled > len(c.heap) {
		c.compact()
	}
	return true
}

// Next removes the earliest pending event, advances the clock to its time
// and returns it. ok is false when no event is pending.
func (c *Calendar) Next() (ev Event, ok bool) {
	// Cancelled events at the top go first: the top is then the heap's
	// earliest pending event, to set against the lanes'.
	for len(c.heap) > 0 && c.slots[c.heap[0].slot].state == slotCancelled {
		c.release(c.pop().slot)
		c.cancelled--
	}
	l := c.earliestLane()
	if l < 0 {
		if len(c.heap) == 0 {
			return Event{}, false
		}
		e := c.pop()
		sl := &c.slots[e.slot]
		ev = Event{Time: e.time, Kind: sl.kind, Subject: sl.subject, Aux: sl.aux}
		c.release(e.slot)
	} else {
		ln := &c.lanes[l]
		ev = Event{Time: ln.time, Kind: ln.kind, Subject: ln.subject, Aux: ln.aux}
		ln.pending = false
	}
	c.now = ev.Time
	c.fired++
	return ev, true
}

// earliestLane returns the lane whose event comes before every other
// pending event, or -1 if the heap's top does (or nothing is pending).
func (c *Calendar) earliestLane() int {
	best := -1
	var top entry
	if len(c.heap) > 0 {
		top = c.heap[0]
	}
	for i := range c.lanes {
		ln := &c.lanes[i]
		if !ln.pending {
			continue
		}
		e := entry{time: ln.time, seq: ln.seq}
		if (best < 0 && len(c.heap) == 0) || e.before(&top) {
			best, top = i, e
		}
	}
	return best
}

// Reset empties the calendar and sets the clock to 0, keeping its memory.
func (c *Calendar) Reset() {
	for _, e := range c.heap {
		c.release(e.slot)
	}
	c.heap = c.heap[:0]
	c.lanes = [Lanes]lane{}
	c.now, c.seq, c.fired, c.cancelled = 0, 0, 0, 0
}

// pop removes and returns the top of the heap, which must not be empty.
func (c *Calendar) pop() entry {
	e := c.heap[0]
	last := len(c.heap) - 1
	c.heap[0] = c.heap[last]
	c.heap = c.heap[:last]
	if last > 0 {
		c.down(0)
	}
	return e
}

// compact drops every cancelled event and rebuilds the heap in O(n).
func (c *Calendar) compact() {
	kept := c.heap[:0]
	for _, e := range c.heap {
		if c.slots[e.slot].state == slotCancelled {
			c.release(e.slot)
			continue
		}
		kept = append(kept, e)
	}
	c.heap = kept
	c.cancelled = 0
	for i := len(c.heap)/2 - 1; i >= 0; i-- {
		c.down(i)
	}
}

func (c *Calendar) release(s int32) {
	c.slots[s].state = slotFree
	c.free = append(c.free, s)
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
