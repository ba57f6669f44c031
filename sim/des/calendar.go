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

// Valid reports whether h was returned by Schedule (it may have fired since).
func (h Handle) Valid() bool { return h.gen != 0 }

type slot struct {
	ev   Event
	seq  uint64
	gen  uint32
	heap int32 // position in Calendar.heap, or -1 when free
}

// Calendar is a future-event list ordered by (time, sequence). Its zero value
// is ready to use, with the clock at 0.
type Calendar struct {
	now   float64
	seq   uint64
	slots []slot
	free  []int32
	heap  []int32 // slot indices, a binary min-heap
	fired uint64
}

// Now is the current simulation time: the time of the last event returned
// by Next.
func (c *Calendar) Now() float64 { return c.now }

// Len is the number of pending events.
func (c *Calendar) Len() int { return len(c.heap) }

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
	sl.ev = Event{Time: t, Kind: kind, Subject: subject, Aux: aux}
	sl.seq = c.seq
	c.seq++
	sl.gen++
	if sl.gen == 0 { // wrapped: 0 is reserved for the zero Handle
		sl.gen = 1
	}
	sl.heap = int32(len(c.heap))
	c.heap = append(c.heap, s)
	c.up(int(sl.heap))
	return Handle{slot: s + 1, gen: sl.gen}
}

// After schedules an event at Now()+d.
func (c *Calendar) After(d float64, kind Kind, subject, aux int32) Handle {
	return c.Schedule(c.now+d, kind, subject, aux)
}

// Cancel removes the event h refers to and reports whether it was still
// pending. Cancelling a fired, cancelled or zero handle returns false.
func (c *Calendar) Cancel(h Handle) bool {
	if h.gen == 0 {
		return false
	}
	s := h.slot - 1
	if int(s) >= len(c.slots) {
		return false
	}
	sl := &c.slots[s]
	if sl.gen != h.gen || sl.heap < 0 {
		return false
	}
	i := int(sl.heap)
	last := len(c.heap) - 1
	if i != last {
		c.swap(i, last)
	}
	c.heap = c.heap[:last]
	if i != last {
		if !c.down(i) {
			c.up(i)
		}
	}
	c.release(s)
	return true
}

// Next removes the earliest event, advances the clock to its time and
// returns it. ok is false when the calendar is empty.
func (c *Calendar) Next() (ev Event, ok bool) {
	if len(c.heap) == 0 {
		return Event{}, false
	}
	s := c.heap[0]
	last := len(c.heap) - 1
	c.swap(0, last)
	c.heap = c.heap[:last]
	if last > 0 {
		c.down(0)
	}
	ev = c.slots[s].ev
	c.release(s)
	c.now = ev.Time
	c.fired++
	return ev, true
}

// PeekTime is the time of the earliest pending event, or +Inf if none.
func (c *Calendar) PeekTime() float64 {
	if len(c.heap) == 0 {
		return math.Inf(1)
	}
	return c.slots[c.heap[0]].ev.Time
}

// Reset empties the calendar and sets the clock to 0, keeping its memory.
func (c *Calendar) Reset() {
	for _, s := range c.heap {
		c.release(s)
	}
	c.heap = c.heap[:0]
	c.now, c.seq, c.fired = 0, 0, 0
}

func (c *Calendar) release(s int32) {
	c.slots[s].heap = -1
	c.free = append(c.free, s)
}

func (c *Calendar) less(i, j int) bool {
	a, b := &c.slots[c.heap[i]], &c.slots[c.heap[j]]
	if a.ev.Time != b.ev.Time {
		return a.ev.Time < b.ev.Time
	}
	return a.seq < b.seq
}

func (c *Calendar) swap(i, j int) {
	c.heap[i], c.heap[j] = c.heap[j], c.heap[i]
	c.slots[c.heap[i]].heap = int32(i)
	c.slots[c.heap[j]].heap = int32(j)
}

func (c *Calendar) up(j int) {
	for j > 0 {
		i := (j - 1) / 2
		if !c.less(j, i) {
			break
		}
		c.swap(i, j)
		j = i
	}
}

// down sifts element i down and reports whether it moved.
func (c *Calendar) down(i0 int) bool {
	n := len(c.heap)
	i := i0
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		j := l
		if r := l + 1; r < n && c.less(r, l) {
			j = r
		}
		if !c.less(j, i) {
			break
		}
		c.swap(i, j)
		i = j
	}
	return i > i0
}
