package des

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestCalendarOrdersByTimeThenSequence(t *testing.T) {
	var c Calendar
	times := []float64{3, 1, 2, 1, 3, 0.5, 2}
	for i, tm := range times {
		c.Schedule(tm, Kind(i), int32(i), 0)
	}
	var got []int32
	last := -1.0
	for {
		ev, ok := c.Next()
		if !ok {
			break
		}
		if ev.Time < last {
			t.Fatalf("clock went back from %v to %v", last, ev.Time)
		}
		last = ev.Time
		got = append(got, ev.Subject)
	}
	want := []int32{5, 1, 3, 2, 6, 0, 4} // ties keep scheduling order
	if !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if c.Fired() != uint64(len(times)) {
		t.Fatalf("fired %d, want %d", c.Fired(), len(times))
	}
}

func TestCalendarCancel(t *testing.T) {
	var c Calendar
	r := rand.New(rand.NewPCG(1, 2))
	handles := make([]Handle, 1000)
	for i := range handles {
		handles[i] = c.Schedule(r.Float64()*100, 0, int32(i), 0)
	}
	cancelled := map[int32]bool{}
	for i := 0; i < len(handles); i += 3 {
		if !c.Cancel(handles[i]) {
			t.Fatalf("cancel of pending event %d failed", i)
		}
		if c.Cancel(handles[i]) {
			t.Fatalf("second cancel of event %d succeeded", i)
		}
		cancelled[int32(i)] = true
	}
	if c.Cancel(Handle{}) {
		t.Fatal("cancelling the zero handle succeeded")
	}
	last := -1.0
	n := 0
	for {
		ev, ok := c.Next()
		if !ok {
			break
		}
		if cancelled[ev.Subject] {
			t.Fatalf("cancelled event %d fired", ev.Subject)
		}
		if ev.Time < last {
			t.Fatalf("out of order after cancellations: %v then %v", last, ev.Time)
		}
		last = ev.Time
		n++
	}
	if want := len(handles) - len(cancelled); n != want {
		t.Fatalf("%d events fired, want %d", n, want)
	}
	// A handle to a fired event must not cancel whatever reuses its slot.
	h := c.Schedule(c.Now()+1, 0, 1, 0)
	c.Next()
	h2 := c.Schedule(c.Now()+1, 0, 2, 0)
	if c.Cancel(h) {
		t.Fatal("stale handle cancelled a newer event")
	}
	if !c.Cancel(h2) {
		t.Fatal("fresh handle did not cancel")
	}
}

func TestSchedulePastPanics(t *testing.T) {
	var c Calendar
	c.Schedule(5, 0, 0, 0)
	c.Next()
	defer func() {
		if recover() == nil {
			t.Fatal("scheduling in the past did not panic")
		}
	}()
	c.Schedule(4, 0, 0, 0)
}

func TestCalendarNoAllocsInSteadyState(t *testing.T) {
	var c Calendar
	for i := range 1000 {
		c.Schedule(float64(i), 0, 0, 0)
	}
	allocs := testing.AllocsPerRun(10000, func() {
		ev, _ := c.Next()
		h := c.Schedule(ev.Time+1000, 0, 0, 0)
		c.Cancel(h)
		c.Schedule(ev.Time+1000, 0, 0, 0)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per event, want 0", allocs)
	}
}

func TestStreamsAreIndependentOfEachOther(t *testing.T) {
	s := Streams{Seed: 42, Replication: 3}
	a1 := s.Get("arrivals").Uint64()
	// Drawing from another stream must not change the first one.
	s.Get("patience").Uint64()
	if a2 := s.Get("arrivals").Uint64(); a1 != a2 {
		t.Fatal("stream depends on other streams")
	}
	seen := map[uint64]string{}
	for _, st := range []Streams{{42, 3}, {42, 4}, {43, 3}} {
		for _, name := range []string{"arrivals", "patience", "dna"} {
			v := st.Get(name).Uint64()
			if prev, ok := seen[v]; ok {
				t.Fatalf("streams %v/%s and %s start alike", st, name, prev)
			}
			seen[v] = name
		}
	}
}

// BenchmarkCalendar is the hold model: each event schedules one successor
// at an exponential delay, keeping the calendar at a steady size.
func BenchmarkCalendar(b *testing.B) {
	for _, size := range []int{100, 1000, 100_000} {
		b.Run(sizeName(size), func(b *testing.B) {
			var c Calendar
			r := rand.New(rand.NewPCG(1, 1))
			for range size {
				c.Schedule(r.ExpFloat64(), 0, 0, 0)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				ev, _ := c.Next()
				c.Schedule(ev.Time+r.ExpFloat64(), 0, 0, 0)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

func sizeName(n int) string { return fmt.Sprintf("pending=%d", n) }

func ExampleCalendar() {
	var c Calendar
	const arrive, leave Kind = 0, 1
	c.Schedule(2.5, leave, 7, 0)
	h := c.Schedule(1.0, arrive, 8, 0)
	c.Schedule(1.0, arrive, 9, 0)
	c.Cancel(h) // person 8 will not arrive after all
	for {
		ev, ok := c.Next()
		if !ok {
			break
		}
		fmt.Println(ev.Time, ev.Kind, ev.Subject)
	}
	// Output:
	// 1 0 9
	// 2.5 1 7
}

// TestCalendarCompactsToEmpty: cancelling every pending event leaves an
// empty calendar, not a broken heap.
func TestCalendarCompactsToEmpty(t *testing.T) {
	var c Calendar
	var hs []Handle
	for i := range 200 {
		hs = append(hs, c.Schedule(float64(i), 0, 0, 0))
	}
	for _, h := range hs {
		c.Cancel(h)
	}
	if _, ok := c.Next(); ok || c.Len() != 0 {
		t.Fatalf("after cancelling all: Len %d, Next ok %v", c.Len(), ok)
	}
}

// BenchmarkCalendarFar is the hold model with delays of 100 time units on
// average, so most events wait in the list beyond the ring of buckets
// (32 units): the list must not be scanned at every bucket.
func BenchmarkCalendarFar(b *testing.B) {
	var c Calendar
	r := rand.New(rand.NewPCG(1, 1))
	for range 100_000 {
		c.Schedule(100*r.ExpFloat64(), 0, 0, 0)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		ev, _ := c.Next()
		c.Schedule(ev.Time+100*r.ExpFloat64(), 0, 0, 0)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
