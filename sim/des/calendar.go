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
// It has two levels. The events before the end of the current bucket (a
// quarter of a time unit: in spsim, of a week) are in a sorted run, taken
// from the front, or if there are many, in a binary heap; later events
// wait, unsorted, in their bucket, and a bucket is sorted in only when the
// run has run dry. Most events are scheduled weeks ahead, so the run is a
// few dozen events instead of a heap of hundreds, and scheduling far
// ahead costs an append.
//
// Cancellation is lazy: a cancelled event stays where it is, marked, and is
// dropped when it comes first or its bucket is sorted in, or all at once
// when cancelled events make up half the calendar. This keeps sifting free
// of position bookkeeping, and an event cancelled before its bucket comes
// (patience, mostly) is never sorted at all.
//
// A lane holds at most one pending event beside the rest, for a process
// that always has exactly one next event, such as an arrival stream or a
// clock tick: such events are among the most frequent and are never
// cancelled, and in a lane they cost no sorting. Lane events take their
// sequence numbers from the same counter as the rest, so the order of
// events is exactly what it would be with every event in one heap.
type Calendar struct {
	now       float64
	seq       uint64
	heap      []entry // from head on: a binary heap, or a run sorted in order if sorted
	head      int
	sorted    bool
	slots     []slot
	free      []int32
	cancelled int
	fired     uint64
	lanes     [Lanes]lane
	firstLane int // 1 + the lane with the earliest pending event; 0 if none

	cur    int64             // the first bucket not yet sorted in
	ring   [ringSize][]entry // bucket k (cur <= k < cur+ringSize) at ring[k%ringSize]
	far    []entry           // events from bucket cur+ringSize on
	farMin int64             // the earliest bucket in far, when far is not empty
	inRing int               // entries in the ring's buckets
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
	n := c.live() + c.bucketed() - c.cancelled
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
	c.push(entry{time: t, seq: c.seq, slot: s})
	c.seq++
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
	// Field by field, not as a composite literal: the literal is built on
	// the stack and copied in wide loads that wait on its narrow stores
	// (a failed store-to-load forward), a tenth of an arrival's cost.
	ln.pending, ln.kind, ln.time, ln.seq, ln.subject, ln.aux = true, kind, t, c.seq, subject, aux
	c.seq++
	// The newest event is last among equal times: it comes first only by
	// an earlier time.
	if f := c.firstLane - 1; f < 0 || t < c.lanes[f].time {
		c.firstLane = l + 1
	}
}

// pickFirstLane finds the earliest pending lane event, once one has fired,
// so that Next sets only it against the heap's top.
func (c *Calendar) pickFirstLane() {
	c.firstLane = 0
	var first entry
	for i := range c.lanes {
		ln := &c.lanes[i]
		if !ln.pending {
			continue
		}
		if e := (entry{time: ln.time, seq: ln.seq}); c.firstLane == 0 || e.before(&first) {
			c.firstLane, first = i+1, e
		}
	}
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
	if c.cancelled > 64 && 2*c.cancelled > c.live()+c.bucketed() {
		c.compact()
	}
	return true
}

// Next removes the earliest pending event, advances the clock to its time
// and returns it. ok is false when no event is pending.
func (c *Calendar) Next() (ev Event, ok bool) {
	// Most often the front is pending and settle has nothing to do: that
	// is checked here, inline, and settle called only when it has.
	if c.live() == 0 || c.cancelled > 0 && c.slots[c.heap[c.head].slot].state == slotCancelled {
		c.settle()
	}
	if l := c.firstLane - 1; l >= 0 {
		ln := &c.lanes[l]
		if c.live() == 0 || ln.time < c.heap[c.head].time || ln.time == c.heap[c.head].time && ln.seq < c.heap[c.head].seq {
			ev = Event{Time: ln.time, Kind: ln.kind, Subject: ln.subject, Aux: ln.aux}
			ln.pending = false
			c.pickFirstLane()
			c.now = ev.Time
			c.fired++
			return ev, true
		}
	}
	if c.live() == 0 {
		return Event{}, false
	}
	e := c.pop()
	sl := &c.slots[e.slot]
	ev = Event{Time: e.time, Kind: sl.kind, Subject: sl.subject, Aux: sl.aux}
	c.release(e.slot)
	c.now = ev.Time
	c.fired++
	return ev, true
}

// Reset empties the calendar and sets the clock to 0, keeping its memory.
func (c *Calendar) Reset() {
	for _, e := range c.heap[c.head:] {
		c.release(e.slot)
	}
	c.heap, c.head, c.sorted = c.heap[:0], 0, false
	for i := range c.ring {
		for _, e := range c.ring[i] {
			c.release(e.slot)
		}
		c.ring[i] = c.ring[i][:0]
	}
	for _, e := range c.far {
		c.release(e.slot)
	}
	c.far = c.far[:0]
	c.lanes = [Lanes]lane{}
	c.firstLane = 0
	c.now, c.seq, c.fired, c.cancelled = 0, 0, 0, 0
	c.cur, c.farMin, c.inRing = 0, 0, 0
}
