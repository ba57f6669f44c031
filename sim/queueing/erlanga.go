package queueing

import (
	"fmt"
	"math"
)

// ErlangA describes an M/M/c+M queue: an MMc in which each waiting customer
// has exponential patience with rate Theta and abandons the queue when it
// runs out. Customers in service do not abandon.
//
// With Theta > 0 the queue is stable whatever the load. Theta == 0 is
// accepted and means no abandonment, the MMc queue, which then needs
// Lambda < C Mu.
type ErlangA struct {
	Lambda, Mu, Theta float64
	C                 int
}

// ErlangAResult holds the stationary performance of an ErlangA queue.
type ErlangAResult struct {
	// ProbAbandon is the fraction of arrivals who abandon before service.
	ProbAbandon float64

	// ProbWait is the probability that an arrival waits at all, which by
	// PASTA is the probability that all servers are busy.
	ProbWait float64

	// MeanWait is the mean time in queue over all arrivals, served or
	// abandoned, with those served at once counted as 0: Lq/Lambda.
	MeanWait float64

	// MeanWaitServed is the mean time in queue of the arrivals who are
	// eventually served, those served at once included as 0.
	MeanWaitServed float64

	// MeanQueueLength is Lq, the mean number waiting (not in service).
	MeanQueueLength float64

	// Utilisation is the mean number of busy servers divided by C.
	Utilisation float64
}

// Validate reports whether q has positive finite Lambda and Mu, a finite
// non-negative Theta, at least one server, and, when Theta == 0, Lambda < C Mu.
func (q ErlangA) Validate() error {
	if err := checkRate("Lambda", q.Lambda); err != nil {
		return err
	}
	if err := checkRate("Mu", q.Mu); err != nil {
		return err
	}
	if !(q.Theta >= 0) || math.IsInf(q.Theta, 1) {
		return fmt.Errorf("queueing: Theta = %g, need a finite non-negative rate", q.Theta)
	}
	if q.C < 1 {
		return fmt.Errorf("queueing: C = %d, need at least one server", q.C)
	}
	if q.Theta == 0 {
		return q.mmc().Validate()
	}
	return nil
}

func (q ErlangA) mmc() MMc { return MMc{Lambda: q.Lambda, Mu: q.Mu, C: q.C} }

// tailTol is the relative size below which the untruncated remainder of the
// birth–death chain is ignored; it is below float64 resolution.
const tailTol = 1e-17

// rescaleAt bounds the unnormalised stationary weights. For large C the
// weights grow like a^n/n! before peaking, far beyond float64 range, so the
// running sums are scaled down whenever a weight passes this value.
const rescaleAt = 1e280

// Solve returns the stationary performance of q. It panics if q is not
// valid.
//
// It sums the birth–death chain on n, the number in system, with birth rate
// Lambda and death rate min(n,C) Mu + max(n-C,0) Theta, carrying
// unnormalised weights p_n/p_0 and rescaling them to avoid overflow. The
// chain is truncated once the weights are falling and a geometric bound on
// the rest is negligible relative to the sums. The cost is O(C) plus the
// length of the queue's tail, which is long only when Theta is tiny and the
// load exceeds capacity.
//
// ProbAbandon = Theta Lq / Lambda, since waiting customers abandon at rate
// Theta each, and MeanWait = Lq / Lambda by Little's law.
//
// MeanWaitServed comes from following a tagged arrival who finds k = n-C
// others waiting. Under FCFS it advances a place at rate C Mu + j Theta when
// j are ahead and abandons at rate Theta, so it is served with probability
// C Mu / (C Mu + (k+1) Theta) (the product telescopes), and, because the
// holding time in each place is independent of how it ends, the wait of a
// served arrival has mean sum_{j=1..k+1} 1 / (C Mu + j Theta).
func (q ErlangA) Solve() ErlangAResult {
	// An invalid q could make the truncation loop run forever.
	if err := q.Validate(); err != nil {
		panic(err)
	}
	if q.Theta == 0 {
		m := q.mmc()
		wq := m.MeanWait()
		return ErlangAResult{
			ProbWait:        m.ProbWait(),
			MeanWait:        wq,
			MeanWaitServed:  wq,
			MeanQueueLength: m.MeanQueueLength(),
			Utilisation:     m.Utilisation(),
		}
	}

	c := float64(q.C)
	cmu := c * q.Mu
	var (
		w        = 1.0 // p_n / p_0, rescaled
		sum      = 1.0 // sum of w
		busy     float64
		queue    float64 // sum of (n-c) w over n > c
		full     float64 // sum of w over n >= c
		servedW  float64 // sum of w P(served|n) E[wait|served,n] over n >= c
		waitPath float64 // sum_{j=1..n-c+1} 1/(c mu + j theta)
	)
	for n := 1; ; n++ {
		nf := float64(n)
		var death float64
		if n <= q.C {
			death = nf * q.Mu
		} else {
			death = cmu + (nf-c)*q.Theta
		}
		w *= q.Lambda / death
		sum += w
		if n <= q.C {
			busy += nf * w
		} else {
			busy += c * w
			queue += (nf - c) * w
		}
		if n >= q.C {
			k1 := nf - c + 1 // places the tagged arrival must pass
			full += w
			waitPath += 1 / (cmu + k1*q.Theta)
			servedW += w * cmu / (cmu + k1*q.Theta) * waitPath
		}
		if w > rescaleAt {
			const s = 1 / rescaleAt
			w *= s
			sum *= s
			busy *= s
			queue *= s
			full *= s
			servedW *= s
		}
		// Past the peak the ratio r of successive weights only falls, so
		// the remaining weights are at most w r^i and their sum, and the
		// sum weighted by queue length, have geometric bounds.
		if n > q.C {
			r := q.Lambda / (cmu + (nf+1-c)*q.Theta)
			if r < 1 {
				g := r / (1 - r)
				tailSum := w * g
				tailQueue := w * ((nf-c)*g + g/(1-r))
				if tailSum <= tailTol*sum && tailQueue <= tailTol*queue {
					break
				}
			}
		}
	}

	lq := queue / sum
	pAbandon := q.Theta * lq / q.Lambda
	res := ErlangAResult{
		ProbAbandon:     pAbandon,
		ProbWait:        full / sum,
		MeanWait:        lq / q.Lambda,
		MeanQueueLength: lq,
		Utilisation:     busy / sum / c,
	}
	// Arrivals finding a free server are served with wait 0.
	if pServed := 1 - pAbandon; pServed > 0 {
		res.MeanWaitServed = servedW / sum / pServed
	}
	return res
}
