package calibrate

import (
	"fmt"
	"math"
)

// Internal parameter indices.
const (
	iBase = iota
	iGrowth
	iAmp
	iPeak
)

// fitParams finds the maximum-likelihood estimates and their profile
// intervals, and fills f.
func fitParams(f *Fit, m *model, o Options) {
	free := [4]bool{true, !o.NoGrowth, !o.NoSeason, !o.NoSeason}
	vhat, nllhat, nll0 := optimum(f, m, free)
	f.LogLik = -nllhat
	dispersion(f, m, vhat, free)
	p := profiler{m: m, vhat: vhat, nllhat: nllhat, nll0: nll0, free: free, q: f.Threshold}
	p.estimates(f)
}

// optimum maximises the likelihood over the free parameters, returning the
// estimates, their negative log-likelihood and that of the model without
// seasonality.
func optimum(f *Fit, m *model, free [4]bool) (vhat [4]float64, nllhat, nll0 float64) {
	mean := float64(f.Referrals) / float64(f.Weeks)
	// The model without seasonality: its optimum is also where every
	// peak's profile ends up once the amplitude is pushed to 0.
	flat := [4]bool{true, free[iGrowth], false, false}
	v0, nll0 := m.minimise([4]float64{math.Log(mean)}, flat)
	vhat, nllhat = v0, nll0
	if !free[iAmp] {
		return vhat, nllhat, nll0
	}
	// Several starting peaks, so a local optimum in the phase is not
	// taken for the best.
	for q := range 4 {
		start := v0
		start[iAmp], start[iPeak] = 0.2, float64(q)*math.Pi/2
		if v, n := m.minimise(start, free); n < nllhat {
			vhat, nllhat = v, n
		}
	}
	if vhat[iAmp] < 0 {
		vhat[iAmp], vhat[iPeak] = -vhat[iAmp], vhat[iPeak]+math.Pi
	}
	vhat[iPeak] = math.Mod(math.Mod(vhat[iPeak], 2*math.Pi)+2*math.Pi, 2*math.Pi)
	return vhat, nllhat, nll0
}

// dispersion sets the fit's expected counts, its Pearson dispersion and the
// likelihood-ratio threshold its intervals use, widened by overdispersion.
func dispersion(f *Fit, m *model, vhat [4]float64, free [4]bool) {
	k := 0
	for _, ok := range free {
		if ok {
			k++
		}
	}
	var chi2 float64
	f.Expected = make([]float64, f.Weeks)
	for w, t := range m.t0 {
		mu := expected(vhat, t)
		f.Expected[w] = mu
		chi2 += (f.Counts[w] - mu) * (f.Counts[w] - mu) / mu
	}
	f.Dispersion = chi2 / float64(max(1, f.Weeks-k))
	f.Threshold = chi2q95 * max(1, f.Dispersion)
	if f.Dispersion > 1.5 {
		f.Warnings = append(f.Warnings, fmt.Sprintf("weekly counts vary %.1f times as much as a Poisson process would: intervals are widened by that factor (quasi-likelihood); check for bank holidays, batch entry or a change in the service", f.Dispersion))
	}
}

// estimates sets each parameter's estimate and its profile-likelihood
// interval.
func (p *profiler) estimates(f *Fit) {
	vhat, free := p.vhat, p.free
	f.Base = Estimate{Value: math.Exp(vhat[iBase])}
	lo, hi := p.interval(iBase, vhat[iBase], 0.5/math.Sqrt(float64(f.Referrals)), math.Inf(-1), math.Inf(1))
	f.Base.Low, f.Base.High = math.Exp(lo), math.Exp(hi)

	f.Growth = Estimate{Value: math.Expm1(vhat[iGrowth]), Fixed: !free[iGrowth]}
	if free[iGrowth] {
		lo, hi := p.interval(iGrowth, vhat[iGrowth], 0.05, math.Inf(-1), math.Inf(1))
		f.Growth.Low, f.Growth.High = math.Expm1(lo), math.Expm1(hi)
	}

	f.Amplitude = Estimate{Value: math.Tanh(vhat[iAmp]), Fixed: !free[iAmp]}
	f.Peak = Estimate{Fixed: !free[iPeak]}
	if !free[iAmp] {
		return
	}
	f.Amplitude.Low, f.Amplitude.High = p.interval(iAmp, f.Amplitude.Value, 0.02, 0, 0.999)
	peak := vhat[iPeak] / omega
	f.Peak.Value = peak
	lo, hi = p.interval(iPeak, peak, 1, peak-26, peak+26)
	if lo <= peak-26 || hi >= peak+26 {
		f.Peak.Undetermined = true
		lo, hi = 0, 52
	}
	f.Peak.Low, f.Peak.High = lo, hi
	// At amplitude 0 the peak is not identified, so the test of no
	// seasonality has two degrees of freedom; read on one, as the
	// profile above does, it would find seasons in about 15% of
	// extracts without any.
	if 2*(p.nll0-p.nllhat) < chi2q95df2*max(1, f.Dispersion) {
		f.Amplitude.Low = 0
		f.Peak.Undetermined = true
		f.Peak.Low, f.Peak.High = 0, 52
	}
}

// profiler evaluates the profile likelihood of one parameter at a time.
type profiler struct {
	m            *model
	vhat         [4]float64
	nllhat, nll0 float64
	free         [4]bool
	q            float64 // the likelihood-ratio cut-off
}

// stat is the likelihood-ratio statistic with parameter i held at x (in
// its natural unit for amplitude and peak: a share, a week).
func (p *profiler) stat(i int, x float64) float64 {
	v := p.vhat
	free := p.free
	free[i] = false
	switch i {
	case iAmp:
		if x <= 0 {
			return 2 * (p.nll0 - p.nllhat)
		}
		v[iAmp] = math.Atanh(x)
	case iPeak:
		v[iPeak] = x * omega
	default:
		v[i] = x
	}
	w, nll := p.m.minimise(v, free)
	if i == iPeak && w[iAmp] < 0 {
		// A negative amplitude is the opposite peak: with the amplitude
		// kept at least 0, the best is no seasonality at all.
		nll = p.nll0
	}
	return max(0, 2*(nll-p.nllhat))
}

// interval is the set of values of parameter i whose statistic is within
// the cut-off, searched outwards from the estimate by doubling steps and
// then narrowed by the Illinois method. A side that stays within the
// cut-off up to its bound ends at the bound.
func (p *profiler) interval(i int, est, step, lower, upper float64) (lo, hi float64) {
	side := func(dir float64, bound float64) float64 {
		prev, dPrev := est, 0.0
		for k := 0; k < 60; k++ {
			x := est + dir*step*math.Exp2(float64(k))
			if dir*(x-bound) >= 0 {
				x = bound
			}
			d := p.stat(i, x)
			if d >= p.q {
				return p.root(i, prev, dPrev, x, d)
			}
			if x == bound {
				return bound
			}
			prev, dPrev = x, d
		}
		return bound
	}
	return side(-1, lower), side(1, upper)
}

// root finds where the statistic crosses the cut-off between a (below)
// and b (above).
func (p *profiler) root(i int, a, fa, b, fb float64) float64 {
	fa, fb = fa-p.q, fb-p.q
	last := 0
	for k := 0; k < 60 && math.Abs(b-a) > 1e-7*(1+math.Abs(a)); k++ {
		c := b - fb*(b-a)/(fb-fa)
		fc := p.stat(i, c) - p.q
		if fc == 0 {
			return c
		}
		if (fc < 0) == (fa < 0) {
			a, fa = c, fc
			if last == -1 {
				fb /= 2
			}
			last = -1
		} else {
			b, fb = c, fc
			if last == 1 {
				fa /= 2
			}
			last = 1
		}
	}
	return (a + b) / 2
}
