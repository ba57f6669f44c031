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
		r := rand.New(rand.NewPCG(seed, 7))
		var c Calendar
		var ref reference
		type pendingRef struct {
			h   Handle
			idx int
		}
		var handles []pendingRef
		laneIdx := [Lanes]int{-1, -1}
		var n int32
		schedule := func(now float64) {
			n++
			var t float64
			switch r.IntN(4) {
			case 0:
				t = math.Floor(now) + float64(r.IntN(3)) // whole times: ties
			case 1:
				t = now + r.ExpFloat64()*0.1
			case 2:
				t = now + r.ExpFloat64()*5
			default:
				t = now + r.ExpFloat64()*500
			}
			t = max(t, now)
			ev := Event{Time: t, Kind: Kind(r.IntN(4)), Subject: n, Aux: int32(r.IntN(100))}
			if l := r.IntN(8); l < Lanes && laneIdx[l] < 0 {
				c.ScheduleLane(l, ev.Time, ev.Kind, ev.Subject, ev.Aux)
				laneIdx[l] = ref.schedule(ev)
				return
			}
			h := c.Schedule(ev.Time, ev.Kind, ev.Subject, ev.Aux)
			handles = append(handles, pendingRef{h, ref.schedule(ev)})
		}
		for range 200 {
			schedule(0)
		}
		for step := range 6000 {
			switch k := r.IntN(10); {
			case k < 4:
				schedule(c.Now())
			case k < 5 && len(handles) > 0:
				i := r.IntN(len(handles))
				p := handles[i]
				was := !ref.events[p.idx].cancelled
				if got := c.Cancel(p.h); got != was {
					t.Fatalf("seed %d step %d: Cancel = %v, want %v", seed, step, got, was)
				}
				ref.events[p.idx].cancelled = true
				handles[i] = handles[len(handles)-1]
				handles = handles[:len(handles)-1]
			default:
				got, ok := c.Next()
				want, wok := ref.next()
				if ok != wok || got != want {
					t.Fatalf("seed %d step %d: Next = %+v %v, want %+v %v", seed, step, got, ok, want, wok)
				}
				for l := range laneIdx {
					if laneIdx[l] >= 0 && ref.events[laneIdx[l]].cancelled {
						laneIdx[l] = -1
					}
				}
			}
			pending := 0
			for _, e := range ref.events {
				if !e.cancelled {
					pending++
				}
			}
			if c.Len() != pending {
				t.Fatalf("seed %d step %d: Len = %d, want %d", seed, step, c.Len(), pending)
			}
		}
	}
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
