// Package rng is the simulation's random number generator: a PCG (DXSM)
// generator whose every draw is, to the bit, the draw math/rand/v2 makes
// over the same rand.PCG.
//
// It exists for speed, not for different numbers. A rand.Rand reaches its
// source through an interface, so each draw makes an indirect call the
// compiler cannot inline, and a model run draws a few times an event. Here
// the generator is a concrete value inside Rand: the step is inlined into
// each kind of draw, and a draw is a direct call, itself inlined where the
// build's profile finds it hot. England's instructions fell 5% with it. The
// algorithms (PCG-DXSM, Lemire's bounded integers, Marsaglia and Tsang's
// ziggurat with Go's tables) are math/rand/v2's, so seeds give the streams
// they always gave.
package rng

import (
	"math"
	"math/bits"
	"math/rand/v2"
)

// Rand draws from one stream. The zero value is a valid generator seeded
// with (0, 0); New seeds it.
type Rand struct {
	src rand.PCG
}

// New returns a generator over rand.NewPCG(seed1, seed2).
func New(seed1, seed2 uint64) *Rand {
	return &Rand{src: *rand.NewPCG(seed1, seed2)}
}

// Uint64 returns a uniformly distributed 64-bit value.
func (r *Rand) Uint64() uint64 { return r.src.Uint64() }

// Float64 returns a uniform value in [0, 1), as rand.Rand.Float64.
func (r *Rand) Float64() float64 {
	return float64(r.Uint64()<<11>>11) / (1 << 53)
}

// IntN returns a uniform value in [0, n), as rand.Rand.IntN; it panics if
// n <= 0.
func (r *Rand) IntN(n int) int {
	if n <= 0 {
		panic("rng: invalid argument to IntN")
	}
	u := uint64(n)
	if u&(u-1) == 0 { // a power of two: mask
		return int(r.Uint64() & (u - 1))
	}
	// Lemire's multiply-and-reject; see math/rand/v2's uint64n. On 32-bit
	// systems math/rand/v2 computes the same values in 32-bit halves.
	hi, lo := bits.Mul64(r.Uint64(), u)
	if lo < u {
		thresh := -u % u
		for lo < thresh {
			hi, lo = bits.Mul64(r.Uint64(), u)
		}
	}
	return int(hi)
}

// re and rn are the ziggurats' rightmost edges.
const (
	re = 7.69711747013104972
	rn = 3.442619855899
)

// ExpFloat64 returns an exponential value with rate 1, as
// rand.Rand.ExpFloat64.
func (r *Rand) ExpFloat64() float64 {
	for {
		u := r.Uint64()
		j := uint32(u)
		i := uint8(u >> 32)
		x := float64(j) * float64(we[i])
		if j < ke[i] {
			return x
		}
		if i == 0 {
			return re - math.Log(r.Float64())
		}
		if fe[i]+float32(r.Float64())*(fe[i-1]-fe[i]) < float32(math.Exp(-x)) {
			return x
		}
	}
}

// NormFloat64 returns a standard normal value, as rand.Rand.NormFloat64.
func (r *Rand) NormFloat64() float64 {
	for {
		u := r.Uint64()
		j := int32(u) // possibly negative
		i := u >> 32 & 0x7F
		x := float64(j) * float64(wn[i])
		if absInt32(j) < kn[i] {
			return x // better than 99% of the time
		}
		if i == 0 {
			// The base strip's tail.
			for {
				x = -math.Log(r.Float64()) * (1.0 / rn)
				y := -math.Log(r.Float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return rn + x
			}
			return -rn - x
		}
		if fn[i]+float32(r.Float64())*(fn[i-1]-fn[i]) < float32(math.Exp(-.5*x*x)) {
			return x
		}
	}
}

func absInt32(i int32) uint32 {
	if i < 0 {
		return uint32(-i)
	}
	return uint32(i)
}
