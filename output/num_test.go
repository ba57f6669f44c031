package output

import (
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// appendNumRef is appendNum as it was first written, three conversions a
// number: the reference the fast one must match byte for byte.
func appendNumRef(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "NA"...)
	}
	return strconv.AppendFloat(b, Round(v), 'f', -1, 64)
}

// numEdges are the numbers where a shortcut in appendNum could go wrong.
var numEdges = []float64{
	0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1),
	1, -1, 20, 0.1, 0.30000000000000004, 1266.7800000000002, -0.000123456789,
	1e-300, -1e-300, 1.0000001e-300, 9.99999999e-301, 2.2250738585072014e-308, 2.225073858507201e-308,
	5e-324, -5e-324, 1e-310, 4.9406564584124654e-320,
	1e300, -1e300, math.MaxFloat64, -math.MaxFloat64, 1.7976931e308,
	99999999, 99999999.5, -99999999.5, 99999999.4, 1e8, -1e8, 100000001, 123456785, 123456789.5, 123456795,
	9.9999999e5, 9.99999995e5, 999999995, 9.99999995e-5, 0.99999999, 0.999999995, 9.999999949999e7,
	1e20, -1e20, 1e21, 1e22, 1e23, 12345678901234567890,
	1 << 53, 1<<53 + 1, 1<<53 + 2, -(1<<53 + 2), 1 << 62, 1 << 63, -(1 << 63), 1 << 64,
	0.5, 1.5, 2.5, 0.125, 1e-5, 1e-7, 1.5e-7, 1e-8, 123.456789012, 57.6, 0.001,
	math.Nextafter(1, 2), math.Nextafter(1, 0), math.Nextafter(1e8, 0), math.Nextafter(1e8, 2e8),
	math.Pi, -math.E, 1 / 3.0, 2 / 3.0, 7e-4, 123456.785, 1.00000005, 1.000000049999,
	// Counts, written two figures at a time.
	2, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 1234567, 10000000, 12345678, -3, -12, -100,
	// The ends of the fast path's range.
	1e-15, 1.0000001e-15, 9.9999999e-16, 9.99999995e-16, 1e30, 9.99999995e29, 9.9999999e29, 1e29, 1e-16,
	0.5e-15, 1.23456789e29, 12345678.5, 1234567.85, 0.125e-3, 99999999.49999999,
}

// TestAppendNumEdges: at every edge, the fast number writer writes the
// bytes of the reference one.
func TestAppendNumEdges(t *testing.T) {
	for _, v := range numEdges {
		for _, v := range []float64{v, math.Nextafter(v, 0), math.Nextafter(v, math.Inf(1))} {
			got, want := string(appendNum([]byte("x"), v)), string(appendNumRef([]byte("x"), v))
			if got != want {
				t.Errorf("appendNum(%v [%#x]) = %q, want %q", v, math.Float64bits(v), got, want)
			}
		}
	}
}

// TestAppendNumSweep: a deterministic sweep of every decade, with values
// that sit just either side of a rounding boundary, matches the reference.
func TestAppendNumSweep(t *testing.T) {
	for exp := -320; exp <= 308; exp++ {
		base := math.Pow(10, float64(exp))
		for _, m := range []float64{1, 1.5, 2.5, 9.9999999, 9.99999995, 9.999999949, 9.9999999500001, 1.23456785, 3.14159265358979, 5.55555555} {
			for _, v := range []float64{m * base, math.Nextafter(m*base, 0), math.Nextafter(m*base, math.Inf(1)), -m * base} {
				if math.IsInf(v, 0) {
					continue
				}
				if got, want := string(appendNum(nil, v)), string(appendNumRef(nil, v)); got != want {
					t.Fatalf("appendNum(%v [%#x]) = %q, want %q", v, math.Float64bits(v), got, want)
				}
			}
		}
	}
}

// TestAppendNumRandom: numbers of every size a model writes, drawn at
// random (seeded), including ones exactly at 8 and 9 significant figures,
// match the reference. SPSIM_NUM_DRAWS raises the count for a long check.
func TestAppendNumRandom(t *testing.T) {
	draws := 200_000
	if s := os.Getenv("SPSIM_NUM_DRAWS"); s != "" {
		draws, _ = strconv.Atoi(s)
	}
	rng := rand.New(rand.NewPCG(12, 1))
	for range draws {
		exp := rng.IntN(60) - 30
		var v float64
		switch rng.IntN(3) {
		case 0: // anything
			v = rng.Float64() * math.Pow(10, float64(exp))
		case 1: // a decimal of 9 figures: a tie at the 8th half the time
			v = float64(rng.Int64N(9e8)+1e8) * math.Pow(10, float64(exp-8))
		default: // a decimal of 8 figures plus a hair
			v = float64(rng.Int64N(9e7)+1e7) * math.Pow(10, float64(exp-7))
			v = math.Nextafter(v, math.Inf(rng.IntN(2)*2-1))
		}
		if rng.IntN(2) == 0 {
			v = -v
		}
		if got, want := string(appendNum(nil, v)), string(appendNumRef(nil, v)); got != want {
			t.Fatalf("appendNum(%v [%#x]) = %q, want %q", v, math.Float64bits(v), got, want)
		}
	}
}

// TestAppendNumNoAlloc: writing a number into a buffer with room
// allocates nothing (subnormals, which no model writes, may).
func TestAppendNumNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 512)
	for _, v := range []float64{57.6, 12, -0.000123456789, 1e20, 0, math.NaN()} {
		if n := testing.AllocsPerRun(100, func() { buf = appendNum(buf[:0], v) }); n != 0 {
			t.Errorf("appendNum(%v) allocates %v times", v, n)
		}
	}
}

// FuzzAppendNum compares the fast writer with the reference on arbitrary
// float64 bits, and on the same bits with the exponent folded into
// [2^-64, 2^96), where the weekly numbers are and the fast path works.
func FuzzAppendNum(f *testing.F) {
	for _, v := range numEdges {
		f.Add(math.Float64bits(v))
	}
	f.Fuzz(func(t *testing.T, bits uint64) {
		folded := bits&^(0x7ff<<52) | (1023-64+(bits>>52&0x7ff)%160)<<52
		for _, v := range []float64{math.Float64frombits(bits), math.Float64frombits(folded)} {
			if got, want := string(appendNum(nil, v)), string(appendNumRef(nil, v)); got != want {
				t.Errorf("appendNum(%v [%#x]) = %q, want %q", v, math.Float64bits(v), got, want)
			}
		}
	})
}

// BenchmarkAppendNum compares the writer with the reference on numbers
// like weekly.csv's: counts, means and shares.
func BenchmarkAppendNum(b *testing.B) {
	for _, bc := range []struct {
		name string
		vals []float64
	}{
		{"means", []float64{12, 0, 57.6, 1266.7800000000002, 0.56789123456, 3.25, 41, 256464.37512, 1e-3 / 7, 98}},
		// The M/M/c anchor's weekly.csv: 56% zeros, 35% other counts.
		{"mmc", []float64{0, 0, 0, 0, 0, 0, 9, 101, 3, 1.2345678901}},
	} {
		benchAppendNum(b, bc.name, bc.vals)
	}
}

func benchAppendNum(b *testing.B, name string, vals []float64) {
	for _, c := range []struct {
		name string
		f    func([]byte, float64) []byte
	}{{"fast", appendNum}, {"reference", appendNumRef}} {
		b.Run(name+"/"+c.name, func(b *testing.B) {
			buf := make([]byte, 0, 64)
			for b.Loop() {
				for _, v := range vals {
					buf = c.f(buf[:0], v)
				}
			}
		})
	}
}
