package tomlnum

import (
	"math"
	"strconv"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestFloatReadsBackExactly: every float written reads back as the same
// float through a TOML decoder, in the expected form.
func TestFloatReadsBackExactly(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0.0"}, {3, "3.0"}, {-2.5, "-2.5"}, {0.28, "0.28"}, {1e6, "1000000.0"},
		{1e-5, "0.00001"}, {1.5e-6, "1.5e-06"}, {1e16, "1e+16"}, {math.MaxFloat64, "1.7976931348623157e+308"},
		{math.SmallestNonzeroFloat64, "5e-324"}, {math.Inf(1), "inf"}, {math.Inf(-1), "-inf"},
	} {
		got := Float(tc.v)
		if got != tc.want {
			t.Errorf("Float(%g) = %s, want %s", tc.v, got, tc.want)
		}
		var doc struct{ X float64 }
		if _, err := toml.Decode("x = "+got, &doc); err != nil || doc.X != tc.v {
			t.Errorf("x = %s reads back as %v (%v), want %s", got, doc.X, err, strconv.FormatFloat(tc.v, 'g', -1, 64))
		}
	}
	var doc struct{ X float64 }
	if _, err := toml.Decode("x = "+Float(math.NaN()), &doc); err != nil || !math.IsNaN(doc.X) {
		t.Errorf("nan reads back as %v (%v)", doc.X, err)
	}
}

func TestValue(t *testing.T) {
	for _, c := range []struct {
		in   any
		want float64
		ok   bool
	}{{int64(3), 3, true}, {3, 3, true}, {0.28, 0.28, true}, {"3", 0, false}, {true, 0, false}, {nil, 0, false}} {
		if got, ok := Value(c.in); got != c.want || ok != c.ok {
			t.Errorf("Value(%#v) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
