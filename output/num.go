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
// strconv.AppendFloat(b, Round(v), 'f', -1, 64), in about one
// conversion instead of three; weekly.csv is millions of numbers.
//
// Why the figures are enough: Round(v) is the float64 nearest to D, the
// decimal of v's first Digits significant figures. Two different decimals
// of at most 15 figures never read back as the same normal float64, so
// no decimal shorter than D (its trailing zeros dropped) reads back as
// Round(v), and the shortest form is D itself, laid out without exponent.
func appendNum(b []byte, v float64) []byte {
	// Most weekly numbers are counts, and most of those are 0.
	if v == 0 && !math.Signbit(v) {
		return append(b, '0')
	}
	if v > 0 && v < 1e8 && float64(uint64(v)) == v {
		// Whole numbers of at most Digits figures are exact.
		return appendCount(b, uint64(v))
	}
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return append(b, "NA"...)
	case v == math.Trunc(v) && v != 0 && v > -1e8 && v < 1e8:
		return strconv.AppendInt(b, int64(v), 10)
	case v == 0 || math.Abs(v) < minExact:
		// -0 keeps its sign; subnormals lose the 15-figure guarantee, so
		// they take the long way.
		return strconv.AppendFloat(b, Round(v), 'f', -1, 64)
	}
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var digits [Digits]byte
	exp, ok := figuresFast(&digits, v)
	if !ok {
		exp = figures(&digits, v)
	}
	n := Digits
	for n > 1 && digits[n-1] == '0' {
		n--
	}
	return appendPlain(b, digits[:n], exp)
}

// figures writes the Digits significant figures of v > 0, correctly
// rounded, and returns the decimal exponent of the first.
func figures(digits *[Digits]byte, v float64) int {
	var tmp [32]byte
	// d.ddddddde±xx
	e := strconv.AppendFloat(tmp[:0], v, 'e', Digits-1, 64)
	digits[0] = e[0]
	copy(digits[1:], e[2:Digits+1])
	exp := 0
	for _, c := range e[Digits+3:] {
		exp = exp*10 + int(c-'0')
	}
	if e[Digits+2] == '-' {
		exp = -exp
	}
	return exp
}

// pow10 are the powers of ten that are exact in float64.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// figuresFast is figures without strconv for v in [1e-15, 1e30), where
// scaling v to eight integer figures, m = v×10^k or v/10^k, is one
// correctly rounded operation: m is within 2^-26 of the exact scaled
// value. Rounding m is then right unless the exact value is within that
// of a half; near a half (and at the ends of the range) it declines.
func figuresFast(digits *[Digits]byte, v float64) (exp int, ok bool) {
	if Digits != 8 || v < 1e-15 || v >= 1e30 {
		return 0, false // eight figures are written below
	}
	// log10(2) ≈ 0.30103: a guess at the exponent, off by at most one.
	exp = (int(math.Float64bits(v)>>52&0x7ff) - 1023) * 30103 / 100000
	if v < 1 {
		exp-- // division truncates towards zero
	}
	var m float64
	for range 3 {
		switch k := Digits - 1 - exp; {
		case k >= 0 && k < len(pow10):
			m = v * pow10[k]
		case k < 0 && -k < len(pow10):
			m = v / pow10[-k]
		default:
			return 0, false
		}
		switch {
		case m < 1e7:
			exp--
			continue
		case m >= 1e8:
			exp++
			continue
		}
		break
	}
	if m < 1e7 || m >= 1e8 {
		return 0, false
	}
	n := math.Floor(m)
	frac := m - n
	if frac > 0.5-1e-6 && frac < 0.5+1e-6 {
		return 0, false // too near a tie to trust m
	}
	u := uint64(n)
	if frac > 0.5 {
		u++
	}
	if u == 1e8 { // 99999999.7 rounds to 1.0000000e(exp+1)
		u, exp = 1e7, exp+1
	}
	// Two halves of four figures, two figures at a time.
	hi, lo := u/1e4, u%1e4
	for i, p := range [4]uint64{hi / 100, hi % 100, lo / 100, lo % 100} {
		digits[2*i], digits[2*i+1] = pairs[2*p], pairs[2*p+1]
	}
	return exp, true
}

// appendCount appends u < 1e8 in decimal, two figures at a time.
func appendCount(b []byte, u uint64) []byte {
	var buf [8]byte
	i := len(buf)
	for u >= 100 {
		p := 2 * (u % 100)
		u /= 100
		i -= 2
		buf[i], buf[i+1] = pairs[p], pairs[p+1]
	}
	if u >= 10 {
		i -= 2
		buf[i], buf[i+1] = pairs[2*u], pairs[2*u+1]
	} else {
		i--
		buf[i] = byte('0' + u)
	}
	return append(b, buf[i:]...)
}

// pairs are the figures of 00 to 99.
const pairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// appendPlain appends the figures, the first at decimal exponent exp, as a
// decimal without exponent.
func appendPlain(b, digits []byte, exp int) []byte {
	n := len(digits)
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
