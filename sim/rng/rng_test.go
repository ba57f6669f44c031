package rng_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/spsim/spsim/sim/rng"
)

// Every draw must be math/rand/v2's to the bit: the model's streams, and so
// every published figure, were made with it. A million draws of each kind
// reach the ziggurats' rare branches (the tails and the wedges) thousands
// of times.
func TestSameDrawsAsMathRand(t *testing.T) {
	const n = 1_000_000
	draws := []struct {
		name string
		ours func(*rng.Rand) float64
		std  func(*rand.Rand) float64
	}{
		{"Uint64", func(r *rng.Rand) float64 { return math.Float64frombits(r.Uint64()) }, func(r *rand.Rand) float64 { return math.Float64frombits(r.Uint64()) }},
		{"Float64", (*rng.Rand).Float64, (*rand.Rand).Float64},
		{"ExpFloat64", (*rng.Rand).ExpFloat64, (*rand.Rand).ExpFloat64},
		{"NormFloat64", (*rng.Rand).NormFloat64, (*rand.Rand).NormFloat64},
		{"IntN(7)", func(r *rng.Rand) float64 { return float64(r.IntN(7)) }, func(r *rand.Rand) float64 { return float64(r.IntN(7)) }},
		{"IntN(64)", func(r *rng.Rand) float64 { return float64(r.IntN(64)) }, func(r *rand.Rand) float64 { return float64(r.IntN(64)) }},
		{"IntN(3<<61)", func(r *rng.Rand) float64 { return float64(r.IntN(3 << 61)) }, func(r *rand.Rand) float64 { return float64(r.IntN(3 << 61)) }},
	}
	for _, d := range draws {
		for _, seed := range [][2]uint64{{0, 0}, {1, 2}, {0x9e3779b97f4a7c15, 42}} {
			t.Run(fmt.Sprintf("%s/%d,%d", d.name, seed[0], seed[1]), func(t *testing.T) {
				ours := rng.New(seed[0], seed[1])
				std := rand.New(rand.NewPCG(seed[0], seed[1]))
				for i := range n {
					a, b := d.ours(ours), d.std(std)
					if math.Float64bits(a) != math.Float64bits(b) {
						t.Fatalf("draw %d: %v, math/rand/v2 gives %v", i, a, b)
					}
				}
			})
		}
	}
}

// Interleaved draws of different kinds share one stream, as the model's do.
func TestInterleavedDrawsShareTheStream(t *testing.T) {
	ours, std := rng.New(7, 11), rand.New(rand.NewPCG(7, 11))
	for i := range 100_000 {
		var a, b float64
		switch i % 4 {
		case 0:
			a, b = ours.ExpFloat64(), std.ExpFloat64()
		case 1:
			a, b = ours.NormFloat64(), std.NormFloat64()
		case 2:
			a, b = float64(ours.IntN(1000)), float64(std.IntN(1000))
		default:
			a, b = ours.Float64(), std.Float64()
		}
		if a != b {
			t.Fatalf("draw %d: %v, math/rand/v2 gives %v", i, a, b)
		}
	}
}

func TestIntNRefusesNonPositive(t *testing.T) {
	for _, n := range []int{0, -1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("IntN(%d) did not panic", n)
				}
			}()
			rng.New(1, 1).IntN(n)
		}()
	}
}

func ExampleRand() {
	r := rng.New(1, 2) // the stream rand.New(rand.NewPCG(1, 2)) gives
	fmt.Printf("%.4f %.4f %d\n", r.Float64(), r.ExpFloat64(), r.IntN(6))
	// Output: 0.6765 0.0680 4
}

// BenchmarkExpFloat64 compares a draw here with math/rand/v2's, through
// the interface every rand.Rand uses.
func BenchmarkExpFloat64(b *testing.B) {
	b.Run("rng", func(b *testing.B) {
		r := rng.New(1, 2)
		var s float64
		for b.Loop() {
			s += r.ExpFloat64()
		}
		_ = s
	})
	b.Run("math-rand-v2", func(b *testing.B) {
		r := rand.New(rand.NewPCG(1, 2))
		var s float64
		for b.Loop() {
			s += r.ExpFloat64()
		}
		_ = s
	})
}
