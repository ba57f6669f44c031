package output

import "testing"

// TestNumRounds: CSV numbers carry Digits significant figures, no
// floating-point noise and no exponent.
func TestNumRounds(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{1266.7800000000002, "1266.78"},
		{0.30000000000000004, "0.3"},
		{123456789.5, "123456790"},
		{-0.000123456789, "-0.00012345679"},
		{20, "20"},
		{0, "0"},
	} {
		if got := num(c.v); got != c.want {
			t.Errorf("num(%v) = %q, want %q", c.v, got, c.want)
		}
		if p := jnum(c.v); *p != Round(c.v) {
			t.Errorf("jnum(%v) = %v, want %v", c.v, *p, Round(c.v))
		}
	}
}
