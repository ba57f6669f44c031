// Package tomlnum writes numbers as TOML floats, for every value spsim
// writes into a scenario file: the loader's encoder and the distribution
// specs it embeds share one rule, so scenario.toml reads alike throughout.
// It also reads a decoded TOML number back, whichever type it came as.
package tomlnum

import (
	"math"
	"strconv"
	"strings"
)

// Float writes v as a TOML float that reads back exactly: the shortest
// decimal, with ".0" on a whole number (TOML needs a fraction or an
// exponent); an exponent only below 1e-5 or from 1e16 up, where decimals
// would be long; and the specials as inf, -inf and nan.
func Float(v float64) string {
	switch {
	case math.IsNaN(v):
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	if a := math.Abs(v); a != 0 && (a >= 1e16 || a < 1e-5) {
		return strconv.FormatFloat(v, 'e', -1, 64)
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// Value is a decoded TOML number (an integer, or a float) as a float64;
// ok is false for any other value.
func Value(v any) (x float64, ok bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case int:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}
