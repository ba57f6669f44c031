package queueing

import (
	"math"
	"testing"
)

// near reports whether got is within tol of want, relative to |want| when
// |want| > 1 and absolute otherwise.
func near(got, want, tol float64) bool {
	if math.IsInf(want, 0) || math.IsNaN(want) {
		return got == want || (math.IsNaN(got) && math.IsNaN(want))
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// bruteMMc sums the M/M/c stationary distribution state by state, in log
// space, up to n = nmax. It shares nothing with the Erlang B route used by
// MMc, so agreement checks the recursion and the B-to-C conversion.
func bruteMMc(lambda, mu float64, c, nmax int) (probWait, lq, util float64) {
	logw := make([]float64, nmax+1)
	for n := 1; n <= nmax; n++ {
		logw[n] = logw[n-1] + math.Log(lambda/(float64(min(n, c))*mu))
	}
	top := math.Inf(-1)
	for _, l := range logw {
		top = math.Max(top, l)
	}
	var sum, full, queue, busy float64
	for n, l := range logw {
		w := math.Exp(l - top)
		sum += w
		busy += float64(min(n, c)) * w
		if n >= c {
			full += w
			queue += float64(n-c) * w
		}
	}
	return full / sum, queue / sum, busy / sum / float64(c)
}

func TestMMcClosedForms(t *testing.T) {
	// M/M/1: P(wait) = rho, Wq = rho/(mu-lambda).
	// M/M/2: P(wait) = 2rho^2/(1+rho), Wq = rho^2/(mu(1-rho^2)),
	// Lq = 2rho^3/(1-rho^2).
	mm1 := func(lambda, mu float64) [3]float64 {
		rho := lambda / mu
		return [3]float64{rho, rho / (mu - lambda), lambda * rho / (mu - lambda)}
	}
	mm2 := func(lambda, mu float64) [3]float64 {
		rho := lambda / (2 * mu)
		return [3]float64{2 * rho * rho / (1 + rho), rho * rho / (mu * (1 - rho*rho)), 2 * rho * rho * rho / (1 - rho*rho)}
	}
	for _, tc := range []struct {
		q    MMc
		want [3]float64 // ProbWait, MeanWait, MeanQueueLength
	}{
		{MMc{Lambda: 0.5, Mu: 1, C: 1}, mm1(0.5, 1)},
		{MMc{Lambda: 0.9, Mu: 1, C: 1}, mm1(0.9, 1)},
		{MMc{Lambda: 3, Mu: 4, C: 1}, mm1(3, 4)},
		{MMc{Lambda: 1.5, Mu: 1, C: 2}, mm2(1.5, 1)},
		{MMc{Lambda: 0.4, Mu: 0.5, C: 2}, mm2(0.4, 0.5)},
		{MMc{Lambda: 19, Mu: 10, C: 2}, mm2(19, 10)},
	} {
		if err := tc.q.Validate(); err != nil {
			t.Fatalf("%+v: %v", tc.q, err)
		}
		got := [3]float64{tc.q.ProbWait(), tc.q.MeanWait(), tc.q.MeanQueueLength()}
		for i, name := range []string{"ProbWait", "MeanWait", "MeanQueueLength"} {
			if !near(got[i], tc.want[i], 1e-12) {
				t.Errorf("%+v: %s = %.15g, want %.15g", tc.q, name, got[i], tc.want[i])
			}
		}
		if u, want := tc.q.Utilisation(), tc.q.Lambda/(float64(tc.q.C)*tc.q.Mu); u != want {
			t.Errorf("%+v: Utilisation = %g, want %g", tc.q, u, want)
		}
	}
}

func TestMMcErlangC(t *testing.T) {
	// The textbook value: 10 servers at 90% load wait with probability
	// 0.6687 (e.g. Gross & Harris tables).
	q := MMc{Lambda: 9, Mu: 1, C: 10}
	if pw := q.ProbWait(); math.Abs(pw-0.6687) > 5e-5 {
		t.Errorf("ProbWait = %.6f, want 0.6687", pw)
	}

	for _, tc := range []struct {
		q    MMc
		nmax int // enough states that the truncated tail is below 1e-16
	}{
		{MMc{Lambda: 9, Mu: 1, C: 10}, 1000},
		{MMc{Lambda: 0.1, Mu: 1, C: 3}, 100},
		{MMc{Lambda: 45, Mu: 0.5, C: 100}, 2000},
		{MMc{Lambda: 170, Mu: 1, C: 200}, 2000},
		{MMc{Lambda: 990, Mu: 1, C: 1000}, 10000},
		// Well past the overflow of a^c/c!.
		{MMc{Lambda: 9900, Mu: 1, C: 10000}, 20000},
		{MMc{Lambda: 9000, Mu: 1, C: 10000}, 12000},
	} {
		pw, lq, util := bruteMMc(tc.q.Lambda, tc.q.Mu, tc.q.C, tc.nmax)
		if got := tc.q.ProbWait(); !near(got, pw, 1e-9) {
			t.Errorf("%+v: ProbWait = %.15g, brute force %.15g", tc.q, got, pw)
		}
		if got := tc.q.MeanQueueLength(); math.Abs(got-lq) > 1e-9*math.Max(lq, 1e-3) {
			t.Errorf("%+v: MeanQueueLength = %.15g, brute force %.15g", tc.q, got, lq)
		}
		if got := tc.q.Utilisation(); !near(got, util, 1e-9) {
			t.Errorf("%+v: Utilisation = %.15g, brute force %.15g", tc.q, got, util)
		}
	}
}

func TestMMcWaitQuantile(t *testing.T) {
	// M/M/1 with rho = 1/2: P(W > t) = exp(-t/2)/2, so the 3/4 quantile is
	// 2 ln 2 and everything up to the median is 0.
	q := MMc{Lambda: 0.5, Mu: 1, C: 1}
	for _, tc := range []struct{ p, want float64 }{
		{0, 0},
		{0.25, 0},
		{0.5, 0},
		{0.75, 2 * math.Ln2},
		{0.95, 2 * math.Log(10)},
		{1, math.Inf(1)},
		{-0.1, math.NaN()},
		{1.1, math.NaN()},
		{math.NaN(), math.NaN()},
	} {
		if got := q.WaitQuantile(tc.p); !near(got, tc.want, 1e-12) {
			t.Errorf("WaitQuantile(%g) = %g, want %g", tc.p, got, tc.want)
		}
	}

	// The quantile inverts the waiting-time distribution function.
	q = MMc{Lambda: 9, Mu: 1, C: 10}
	pw := q.ProbWait()
	for _, p := range []float64{0.4, 0.5, 0.8, 0.9, 0.99} {
		w := q.WaitQuantile(p)
		cdf := 1 - pw*math.Exp(-(10-9)*w)
		if !near(cdf, p, 1e-12) {
			t.Errorf("P(W <= WaitQuantile(%g)) = %g", p, cdf)
		}
	}
}

func TestMMcUnstable(t *testing.T) {
	q := MMc{Lambda: 2, Mu: 1, C: 2}
	if q.Validate() == nil {
		t.Error("Validate accepted rho = 1")
	}
	if pw := q.ProbWait(); pw != 1 {
		t.Errorf("ProbWait = %g, want 1", pw)
	}
	if w := q.MeanWait(); !math.IsInf(w, 1) {
		t.Errorf("MeanWait = %g, want +Inf", w)
	}
	if w := q.WaitQuantile(0.5); !math.IsInf(w, 1) {
		t.Errorf("WaitQuantile(0.5) = %g, want +Inf", w)
	}
}

func TestMMcValidate(t *testing.T) {
	for _, tc := range []struct {
		q  MMc
		ok bool
	}{
		{MMc{Lambda: 1, Mu: 1, C: 2}, true},
		{MMc{Lambda: 1.999, Mu: 1, C: 2}, true},
		{MMc{Lambda: 2, Mu: 1, C: 2}, false},
		{MMc{Lambda: 3, Mu: 1, C: 2}, false},
		{MMc{Lambda: 0, Mu: 1, C: 2}, false},
		{MMc{Lambda: -1, Mu: 1, C: 2}, false},
		{MMc{Lambda: 1, Mu: 0, C: 2}, false},
		{MMc{Lambda: 1, Mu: math.NaN(), C: 2}, false},
		{MMc{Lambda: math.Inf(1), Mu: 1, C: 2}, false},
		{MMc{Lambda: 1, Mu: 1, C: 0}, false},
		{MMc{Lambda: 1, Mu: 1, C: -3}, false},
	} {
		if err := tc.q.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: Validate() = %v, want ok=%t", tc.q, err, tc.ok)
		}
	}
}
