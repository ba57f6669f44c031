package des

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// reference is the obvious future-event list: every pending event in a
// slice, the earliest found by a scan. The Calendar must fire exactly the
// events it fires, in the same order.
type reference struct {
	events []refEvent
	seq    uint64
}

type refEvent struct {
	Event
	seq       uint64
	cancelled bool
}

func (r *reference) schedule(ev Event) int {
	r.events = append(r.events, refEvent{Event: ev, seq: r.seq})
	r.seq++
	return len(r.events) - 1
}

func (r *reference) pending() int {
	n := 0
	for _, e := range r.events {
		if !e.cancelled {
			n++
		}
	}
	return n
}

func (r *reference) next() (Event, bool) {
	best := -1
	for i, e := range r.events {
		if e.cancelled {
			continue
		}
		if best < 0 || e.Time < r.events[best].Time || e.Time == r.events[best].Time && e.seq < r.events[best].seq {
			best = i
		}
	}
	if best < 0 {
		return Event{}, false
	}
	ev := r.events[best].Event
	r.events[best].cancelled = true
	return ev, true
}

// TestCalendarMatchesReference drives the Calendar and the reference with
// the same random mix of scheduling (in the heap and in lanes, at whole
// and fractional times, near and far), cancelling and firing.
func TestCalendarMatchesReference(t *testing.T) {
	for seed := range uint64(10) {
		d := &driver{r: rand.New(rand.NewPCG(seed, 7)), lane: [Lanes]int{-1, -1}}
		for range 200 {
			d.schedule(0)
		}
		for step := range 6000 {
			var err string
			switch k := d.r.IntN(10); {
			case k < 4:
				d.schedule(d.c.Now())
			case k < 5 && len(d.handles) > 0:
				err = d.cancel()
			default:
				err = d.next()
			}
			if err == "" && d.c.Len() != d.ref.pending() {
				err = fmt.Sprintf("Len = %d, want %d", d.c.Len(), d.ref.pending())
			}
			if err != "" {
				t.Fatalf("seed %d step %d: %s", seed, step, err)
			}
		}
	}
}

// driver applies the same random operations to a Calendar and to the
// reference.
type driver struct {
	r       *rand.Rand
	c       Calendar
	ref     reference
	handles []pendingRef
	lane    [Lanes]int // the reference's index of each lane's event, or -1
	n       int32
}

// pendingRef is an event scheduled in the heap: its handle and its index
// in the reference.
type pendingRef struct {
	h   Handle
	idx int
}

// schedule adds an event at now or later: at a whole time (ties), soon,
// weeks or years ahead; in a free lane one time in eight.
func (d *driver) schedule(now float64) {
	d.n++
	var t float64
	switch d.r.IntN(5) {
	case 0:
		t = math.Floor(now) + float64(d.r.IntN(3))
	case 4:
		// Whole times up to 40 weeks ahead: ties between events
		// scheduled beyond the ring's reach and within it.
		t = 8*math.Ceil(now/8) + float64(8*d.r.IntN(6))
	case 1:
		t = now + d.r.ExpFloat64()*0.1
	case 2:
		t = now + d.r.ExpFloat64()*5
	default:
		t = now + d.r.ExpFloat64()*500
	}
	ev := Event{Time: max(t, now), Kind: Kind(d.r.IntN(4)), Subject: d.n, Aux: int32(d.r.IntN(100))}
	if l := d.r.IntN(8); l < Lanes && d.lane[l] < 0 {
		d.c.ScheduleLane(l, ev.Time, ev.Kind, ev.Subject, ev.Aux)
		d.lane[l] = d.ref.schedule(ev)
		return
	}
	h := d.c.Schedule(ev.Time, ev.Kind, ev.Subject, ev.Aux)
	d.handles = append(d.handles, pendingRef{h, d.ref.schedule(ev)})
}

// cancel cancels a random heap event, fired or not, in both.
func (d *driver) cancel() string {
	i := d.r.IntN(len(d.handles))
	p := d.handles[i]
	was := !d.ref.events[p.idx].cancelled
	if got := d.c.Cancel(p.h); got != was {
		return fmt.Sprintf("Cancel = %v, want %v", got, was)
	}
	d.ref.events[p.idx].cancelled = true
	d.handles[i] = d.handles[len(d.handles)-1]
	d.handles = d.handles[:len(d.handles)-1]
	return ""
}

// next fires the earliest event of both, which must be the same.
func (d *driver) next() string {
	got, ok := d.c.Next()
	want, wok := d.ref.next()
	if ok != wok || got != want {
		return fmt.Sprintf("Next = %+v %v, want %+v %v", got, ok, want, wok)
	}
	for l := range d.lane {
		if d.lane[l] >= 0 && d.ref.events[d.lane[l]].cancelled {
			d.lane[l] = -1
		}
	}
	return ""
}

// TestCalendarFarTimes: times far beyond any horizon, up to +Inf, share the
// last bucket and still come out in order, after the near ones.
func TestCalendarFarTimes(t *testing.T) {
	var c Calendar
	times := []float64{math.Inf(1), 1e300, 5, 1e18, 0, 1 << 61, 1e300, 3.25}
	for i, tm := range times {
		c.Schedule(tm, 0, int32(i), 0)
	}
	c.ScheduleLane(0, 4, 0, 100, 0)
	var got []int32
	for {
		ev, ok := c.Next()
		if !ok {
			break
		}
		got = append(got, ev.Subject)
	}
	want := []int32{4, 7, 100, 2, 3, 5, 1, 6, 0}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}
