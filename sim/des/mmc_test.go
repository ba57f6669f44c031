package des

import (
	"math"
	"testing"

	"github.com/spsim/spsim/internal/cputime"
	"github.com/spsim/spsim/sim/rng"
)

// mmc is the M/M/c queue written directly on the kernel, the workload of
// the SimPy and Ciw figures (λ=9, μ=1, c=10): what the engine costs per
// event without spsim's model on top.
type mmc struct {
	cal         Calendar
	arrive, srv *rng.Rand
	lambda, mu  float64
	busy, c     int
	queue       []float64 // arrival times of people waiting, a ring
	head, n     int
	waited      float64
	served      int
}

const (
	mmcArrival Kind = iota
	mmcDeparture
)

func newMMc(lambda, mu float64, c int) *mmc {
	s := Streams{Seed: 1}
	q := &mmc{arrive: s.Get("arrivals"), srv: s.Get("service"), lambda: lambda, mu: mu, c: c, queue: make([]float64, 1024)}
	q.cal.Schedule(q.arrive.ExpFloat64()/lambda, mmcArrival, 0, 0)
	return q
}

func (q *mmc) step() {
	ev, _ := q.cal.Next()
	switch ev.Kind {
	case mmcArrival:
		q.cal.Schedule(ev.Time+q.arrive.ExpFloat64()/q.lambda, mmcArrival, 0, 0)
		if q.busy < q.c {
			q.busy++
			q.served++
			q.cal.Schedule(ev.Time+q.srv.ExpFloat64()/q.mu, mmcDeparture, 0, 0)
			return
		}
		if q.n == len(q.queue) {
			q.grow()
		}
		q.queue[(q.head+q.n)%len(q.queue)] = ev.Time
		q.n++
	case mmcDeparture:
		if q.n == 0 {
			q.busy--
			return
		}
		q.waited += ev.Time - q.queue[q.head]
		q.head = (q.head + 1) % len(q.queue)
		q.n--
		q.served++
		q.cal.Schedule(ev.Time+q.srv.ExpFloat64()/q.mu, mmcDeparture, 0, 0)
	}
}

func (q *mmc) grow() {
	nq := make([]float64, 2*len(q.queue))
	for i := range q.n {
		nq[i] = q.queue[(q.head+i)%len(q.queue)]
	}
	q.queue, q.head = nq, 0
}

// TestKernelMMc checks the kernel-level M/M/c against Erlang C (mean wait
// 0.6687 for λ=9, μ=1, c=10) over a long run, with a tolerance from batch
// means.
func TestKernelMMc(t *testing.T) {
	q := newMMc(9, 1, 10)
	const batches, perBatch = 20, 200_000
	var means []float64
	for range batches {
		q.waited, q.served = 0, 0
		for range perBatch {
			q.step()
		}
		means = append(means, q.waited/float64(q.served))
	}
	var m, v float64
	for _, x := range means[1:] {
		m += x
	}
	m /= float64(len(means) - 1)
	for _, x := range means[1:] {
		v += (x - m) * (x - m)
	}
	se := math.Sqrt(v / float64(len(means)-2) / float64(len(means)-1))
	if want := 0.66873; math.Abs(m-want) > 4*se {
		t.Fatalf("mean wait %.4f ± %.4f (4 se), Erlang C %.4f", m, 4*se, want)
	}
}

// BenchmarkKernelMMc is the engine on the M/M/c model: events a second and
// allocations per event in steady state.
func BenchmarkKernelMMc(b *testing.B) {
	q := newMMc(9, 1, 10)
	for range 100_000 { // reach steady state and the queue's working size
		q.step()
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Process()
	for range b.N {
		q.step()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	if cpu := cputime.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "events/cpu-s")
	}
}
