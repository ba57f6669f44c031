package calibrate

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// simpson are the weights of Simpson's rule over one week.
var simpson = [3]struct{ dt, w float64 }{{0, 1.0 / 6}, {0.5, 4.0 / 6}, {1, 1.0 / 6}}

// derivs returns the negative log-likelihood with its gradient and Hessian
// in the internal parameters.
func (m *model) derivs(v [4]float64) (f float64, g [4]float64, h [4][4]float64) {
	a, sech2 := math.Tanh(v[2]), 1/math.Pow(math.Cosh(v[2]), 2)
	f = m.logFac
	for i, t0 := range m.t0 {
		var mu float64
		var d [4]float64
		var dd [4][4]float64
		for _, s := range simpson {
			t := t0 + s.dt
			e := math.Exp(v[0] + v[1]*t/52)
			c, sn := math.Cos(omega*t-v[3]), math.Sin(omega*t-v[3])
			l := e * (1 + a*c)
			u := t / 52
			dz, dp := e*sech2*c, e*a*sn
			mu += s.w * l
			d[0] += s.w * l
			d[1] += s.w * u * l
			d[2] += s.w * dz
			d[3] += s.w * dp
			dd[0][0] += s.w * l
			dd[0][1] += s.w * u * l
			dd[1][1] += s.w * u * u * l
			dd[0][2] += s.w * dz
			dd[0][3] += s.w * dp
			dd[1][2] += s.w * u * dz
			dd[1][3] += s.w * u * dp
			dd[2][2] += s.w * e * (-2 * sech2 * a) * c
			dd[2][3] += s.w * e * sech2 * sn
			dd[3][3] += s.w * (-e * a * c)
		}
		if mu <= 0 {
			return math.Inf(1), g, h
		}
		n := m.n[i]
		f += mu - n*math.Log(mu)
		r, q := 1-n/mu, n/(mu*mu)
		for j := range 4 {
			g[j] += r * d[j]
			for k := j; k < 4; k++ {
				h[j][k] += r*dd[j][k] + q*d[j]*d[k]
			}
		}
	}
	for j := range 4 {
		for k := range j {
			h[j][k] = h[k][j]
		}
	}
	return f, g, h
}

// minimise runs damped Newton from v over the parameters marked free and
// returns the minimum found and its value.
func (m *model) minimise(v [4]float64, free [4]bool) ([4]float64, float64) {
	var idx []int
	for j, ok := range free {
		if ok {
			idx = append(idx, j)
		}
	}
	f, g, h := m.derivs(v)
	if len(idx) == 0 {
		return v, f
	}
	k := len(idx)
	for iter := 0; iter < 200; iter++ {
		grad := mat.NewVecDense(k, nil)
		hess := mat.NewSymDense(k, nil)
		scale := 0.0
		for a, j := range idx {
			grad.SetVec(a, g[j])
			for b := a; b < k; b++ {
				hess.SetSym(a, b, h[j][idx[b]])
			}
			scale = max(scale, math.Abs(h[j][j]))
		}
		step := newtonStep(hess, grad, scale)
		if step == nil {
			break
		}
		dec := -mat.Dot(grad, step) // the Newton decrement squared
		if dec < 1e-12 {
			break
		}
		moved := false
		for alpha := 1.0; alpha > 1e-10; alpha /= 2 {
			w := v
			for a, j := range idx {
				w[j] += alpha * step.AtVec(a)
			}
			if fw := m.nll(w); fw <= f-1e-4*alpha*dec {
				v = w
				moved = true
				break
			}
		}
		if !moved {
			break
		}
		f, g, h = m.derivs(v)
	}
	return v, f
}

// newtonStep solves (H + μI) d = −g with the smallest damping μ that makes
// the matrix positive definite, so every step goes downhill.
func newtonStep(h *mat.SymDense, g *mat.VecDense, scale float64) *mat.VecDense {
	k := g.Len()
	mu := 0.0
	for try := 0; try < 40; try++ {
		a := mat.NewSymDense(k, nil)
		a.CopySym(h)
		for i := range k {
			a.SetSym(i, i, a.At(i, i)+mu)
		}
		var ch mat.Cholesky
		if ch.Factorize(a) {
			var d mat.VecDense
			if err := ch.SolveVecTo(&d, g); err == nil {
				d.ScaleVec(-1, &d)
				return &d
			}
		}
		if mu == 0 {
			mu = 1e-8 * (1 + scale)
		} else {
			mu *= 10
		}
	}
	return nil
}
