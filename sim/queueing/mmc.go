package queueing

import (
	"fmt"
	"math"
)

// MMc describes an M/M/c queue: Poisson arrivals at rate Lambda, C identical
// servers, exponential service at rate Mu per server.
//
// The methods other than Validate assume valid parameters. For an unstable
// queue (Utilisation >= 1) ProbWait is 1 and the mean wait, mean queue length
// and wait quantiles are +Inf.
type MMc struct {
	Lambda, Mu float64
	C          int
}

// Validate reports whether q has positive finite rates, at least one server,
// and a stationary distribution (Utilisation < 1).
func (q MMc) Validate() error {
	if err := checkRate("Lambda", q.Lambda); err != nil {
		return err
	}
	if err := checkRate("Mu", q.Mu); err != nil {
		return err
	}
	if q.C < 1 {
		return fmt.Errorf("queueing: C = %d, need at least one server", q.C)
	}
	if rho := q.Utilisation(); rho >= 1 {
		return fmt.Errorf("queueing: M/M/c unstable: utilisation %g >= 1", rho)
	}
	return nil
}

// checkRate returns an error unless x is positive and finite.
func checkRate(name string, x float64) error {
	if !(x > 0) || math.IsInf(x, 1) {
		return fmt.Errorf("queueing: %s = %g, need a positive finite rate", name, x)
	}
	return nil
}

// Utilisation returns rho = Lambda/(C Mu), the long-run fraction of time
// each server is busy.
func (q MMc) Utilisation() float64 {
	return q.Lambda / (float64(q.C) * q.Mu)
}

// ProbWait returns the Erlang C probability that an arrival has to wait,
// P(W > 0), which by PASTA is the probability that all C servers are busy.
//
// The Erlang C formula's a^c/c! overflows for c beyond about 170, so it is
// obtained from the Erlang B recursion, whose terms stay in [0, 1]; the cost
// is O(C).
func (q MMc) ProbWait() float64 {
	rho := q.Utilisation()
	if rho >= 1 {
		return 1
	}
	b := erlangB(q.Lambda/q.Mu, q.C)
	return b / (1 - rho*(1-b))
}

// erlangB returns the Erlang B blocking probability for offered load a on c
// servers by the recursion B(k) = a B(k-1) / (k + a B(k-1)), B(0) = 1.
func erlangB(a float64, c int) float64 {
	b := 1.0
	for k := 1; k <= c; k++ {
		ab := a * b
		b = ab / (float64(k) + ab)
	}
	return b
}

// MeanWait returns Wq, the mean time an arrival spends waiting before
// service, counting those who do not wait as waiting 0.
func (q MMc) MeanWait() float64 {
	if q.Utilisation() >= 1 {
		return math.Inf(1)
	}
	return q.ProbWait() / q.drain()
}

// drain returns c mu - lambda, the rate of the exponential waiting time of
// those who wait.
func (q MMc) drain() float64 {
	return float64(q.C)*q.Mu - q.Lambda
}

// MeanQueueLength returns Lq, the mean number waiting (not in service),
// from Little's law Lq = Lambda Wq.
func (q MMc) MeanQueueLength() float64 {
	return q.Lambda * q.MeanWait()
}

// WaitQuantile returns the p-quantile of the waiting time under FCFS. The
// waiting time is 0 with probability 1-ProbWait and otherwise exponential
// with rate C Mu - Lambda, so the quantile is 0 for p <= 1-ProbWait.
// WaitQuantile returns NaN for p outside [0, 1] and +Inf for p == 1.
func (q MMc) WaitQuantile(p float64) float64 {
	if !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	pw := q.ProbWait()
	if p <= 1-pw {
		return 0
	}
	if p == 1 || q.Utilisation() >= 1 {
		return math.Inf(1)
	}
	// P(W > t) = pw exp(-(c mu - lambda) t) = 1 - p.
	return math.Log(pw/(1-p)) / q.drain()
}
