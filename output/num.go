package output

import (
	"math"
	"strconv"
)

// Digits is the precision of every number in spsim's CSV and JSON files:
// significant figures, far finer than any interval, and coarse enough that
// floating-point noise (1266.7800000000002) never reaches a user.
const Digits = 8

// Round rounds v to Digits significant figures.
func Round(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', Digits, 64), 64)
	return r
}

// num formats a number rounded to Digits significant figures, without an
// exponent; an undefined value is "NA".
func num(v float64) string { return string(appendNum(nil, v)) }

// Num is a number as every spsim CSV writes it (num), for the commands
// whose files are written outside this package.
func Num(v float64) string { return num(v) }

// JSONNum is a number as every spsim JSON file writes it (jnum).
func JSONNum(v float64) *float64 { return jnum(v) }

// minExact is a magnitude above which every float64 is normal with room
// to spare: there any decimal of at most 15 significant figures survives
// a round trip through float64, which appendNum relies on.
const minExact = 1e-300

// appendNum appends num(v): the shortest decimal, without an exponent,
// that reads back as Round(v). It is the bytes of
// strconv.AppendFloat(b, Round(v), 'f', -1, 64), in one conversion
// instead of three; weekly.csv is millions of numbers.
//
// Why one conversion is enough: Round(v) is the float64 nearest to D, the
// decimal of v's first Digits significant figures. Two different decimals
// of at most 15 figures never read back as the same normal float64, so
// no decimal shorter than D (its trailing zeros dropped) reads back as
// Round(v), and the shortest form is D itself, laid out without exponent.
func appendNum(b []byte, v float64) []byte {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return append(b, "NA"...)
	case v == math.Trunc(v) && v != 0 && v > -1e8 && v < 1e8:
		// Whole numbers of at most Digits figures are counts: exact.
		return strconv.AppendInt(b, int64(v), 10)
	case v == 0 || math.Abs(v) < minExact:
		// Zero keeps its sign ("-0"); subnormals lose the 15-figure
		// guarantee, so they take the long way.
		return strconv.AppendFloat(b, Round(v), 'f', -1, 64)
	}
	var tmp [32]byte
	// d.ddddddde±xx: the Digits significant figures, correctly rounded.
	e := strconv.AppendFloat(tmp[:0], v, 'e', Digits-1, 64)
	neg := e[0] == '-'
	if neg {
		e = e[1:]
		b = append(b, '-')
	}
	mark := 1 + 1 + (Digits - 1) // after the mantissa: 'e'
	exp := 0
	for _, c := range e[mark+2:] {
		exp = exp*10 + int(c-'0')
	}
	if e[mark+1] == '-' {
		exp = -exp
	}
	// The significant figures without the point, trailing zeros dropped.
	digits := tmp[len(tmp)-Digits:]
	digits[0] = e[0]
	copy(digits[1:], e[2:mark])
	n := Digits
	for n > 1 && digits[n-1] == '0' {
		n--
	}
	digits = digits[:n]
	switch {
	case exp >= n-1: // a whole number: the figures, then zeros
		b = append(b, digits...)
		for range exp - (n - 1) {
			b = append(b, '0')
		}
	case exp >= 0: // the point falls inside the figures
		b = append(b, digits[:exp+1]...)
		b = append(append(b, '.'), digits[exp+1:]...)
	default: // 0.000ddd
		b = append(b, '0', '.')
		for range -exp - 1 {
			b = append(b, '0')
		}
		b = append(b, digits...)
	}
	return b
}
