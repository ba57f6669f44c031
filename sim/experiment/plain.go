package experiment

import (
	"math"
	"strconv"
	"strings"

	"github.com/spsim/spsim/sim"
)

// Number writes x for people to read: thousands separated by commas, whole
// from 100 up, three significant figures below (1,234; 86.3; 0.412). NaN
// is "n/a".
func Number(x float64) string {
	switch {
	case math.IsNaN(x):
		return "n/a"
	case math.IsInf(x, 0):
		if x > 0 {
			return "∞"
		}
		return "−∞"
	}
	a := math.Abs(x)
	if a < tiny {
		// Rounding's residue, such as a paired difference of equal values
		// (1.1e-17): not a figure anyone measured.
		x, a = 0, 0
	}
	var s string
	switch {
	case a >= 100 || a == 0:
		s = commas(strconv.FormatFloat(math.Round(a), 'f', 0, 64))
	default:
		digits := max(0, 2-int(math.Floor(math.Log10(a))))
		s = strconv.FormatFloat(a, 'f', digits, 64)
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
	}
	if x < 0 && s != "0" {
		return "−" + s
	}
	return s
}

// tiny is below any figure spsim reports: a count, a week, a pound or a
// pressure index smaller than this is floating-point residue.
const tiny = 1e-9

// Money writes an amount in pounds: £256,464; £-figures below 100 keep
// their pence (£12.50).
func Money(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	a := math.Abs(x)
	s := "£" + commas(strconv.FormatFloat(math.Round(a), 'f', 0, 64))
	if a < 100 && a >= 0.005 { // pence below £100, but nothing is £0, not £0.00
		s = "£" + strconv.FormatFloat(a, 'f', 2, 64)
	}
	if x < 0 && math.Round(a*100) != 0 {
		return "−" + s
	}
	return s
}

// Percent writes a share as a percentage to one decimal: 0.568 is 56.8%.
// A share that is not 0 is never written as 0.0%: below 0.05% it keeps two
// significant figures (0.042%), and below 0.001% it is "<0.001%".
func Percent(share float64) string {
	if math.IsNaN(share) {
		return "n/a"
	}
	if a := math.Abs(100 * share); share != 0 && allZero(points(share)) {
		if a < 0.001 {
			return map[bool]string{true: ">−0.001%", false: "<0.001%"}[share < 0]
		}
		s := strconv.FormatFloat(100*share, 'f', max(2, 1-int(math.Floor(math.Log10(a)))), 64)
		return strings.Replace(s, "-", "−", 1) + "%"
	}
	return points(share) + "%"
}

// LevelWords writes a confidence level as people say it: 95%, 99.5%, and
// 1 − 0.95 as 5%, not 5.000000000000004%.
func LevelWords(c float64) string {
	return strconv.FormatFloat(math.Round(100*c*1e6)/1e6, 'f', -1, 64) + "%"
}

// points writes a share as a number of percent or percentage points, to
// one decimal, with a minus sign and never "-0.0".
func points(share float64) string { return percent(share, 1) }

// Quantity writes x in unit in plain words: "56.8%" for a share, "3.1
// weeks", "£46,000 a year", "86 a year" for a flow, or the number and its
// unit. A difference of shares is in percentage points; diff selects that.
// A value that is not defined (a wait when nobody was seen) is "n/a",
// without a unit.
func Quantity(x float64, unit string, diff bool) string { return quantity(x, unit, diff, 1) }

// WithBounds writes an estimate and its interval: Quantity and Bounds,
// "3.1 weeks [2.8, 3.4]". A difference of shares keeps its interval's
// decimals, "0.98 percentage points [−0.01, 1.96]", not "1.0 … [−0.01,
// 1.96]".
func WithBounds(x, lo, hi float64, unit string, diff bool) string {
	return QuantityWithin(x, lo, hi, unit, diff) + " " + Bounds(lo, hi, unit, diff)
}

// QuantityWithin is Quantity to the decimals of its interval's Bounds, for
// a table that puts them in columns of their own.
func QuantityWithin(x, lo, hi float64, unit string, diff bool) string {
	return quantity(x, unit, diff, decimalsFor(lo, hi, unit, diff))
}

// SignedWithBounds is WithBounds with a plus sign on an increase: "+0.98
// percentage points [−0.01, 1.96]".
func SignedWithBounds(x, lo, hi float64, unit string, diff bool) string {
	s := WithBounds(x, lo, hi, unit, diff)
	if x > tiny {
		return "+" + s
	}
	return s
}

// quantity is Quantity with a difference of shares' decimals given.
func quantity(x float64, unit string, diff bool, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	switch unit {
	case sim.UnitShare:
		if diff {
			return percent(x, decimals) + " percentage points"
		}
		if decimals > 1 { // to its interval's decimals: "99.99% [99.99%, 100.00%]"
			return percent(x, decimals) + "%"
		}
		return Percent(x)
	case sim.UnitGBP:
		return Money(x)
	case sim.UnitGBPPerYear:
		return Money(x) + " a year"
	case sim.UnitWeeks:
		if x == 1 {
			return "1 week"
		}
		return Number(x) + " weeks"
	}
	if what, per, ok := strings.Cut(unit, "/"); ok && per == "year" {
		if what == "person-weeks" {
			// Everyone's weeks together: "0.92 weeks a year" would read
			// as one person's.
			return Number(x) + " person-weeks a year"
		}
		if strings.HasSuffix(what, "-weeks") {
			// "8.6 weeks a year" vacant: the label says whose weeks.
			return Number(x) + " weeks a year"
		}
		return Number(x) + " a year"
	}
	if unit == "" {
		return Number(x)
	}
	return Number(x) + " " + UnitWords(unit)
}

// UnitWords writes a unit as people read it: "people/FTE" is "people per
// FTE", "hours/week" "hours a week", "people/FTE-year" "people per FTE a
// year".
func UnitWords(unit string) string {
	return unitWords.Replace(unit)
}

var unitWords = strings.NewReplacer("/FTE-year", " per FTE a year", "/FTE", " per FTE", "/week", " a week", "/year", " a year")

// Bounds writes an interval's bounds in the style of Quantity's number,
// without the unit: "[1.2, 1.6]", "[£41,000, £52,000]"; a share's as
// percentages, "[40.3%, 41.2%]", and a difference of shares' (diff) in
// percentage points, "[2.1, 3.5]", to the decimals that keep the bounds
// apart and a bound that is not 0 from 0 (shareDecimals): whether a
// difference holds 0 must show, and bounds that differ are never written
// as one number ("[99.99%, 100.00%]"; "[100.0%, 100.0%]" only for a team
// full in every replication).
func Bounds(lo, hi float64, unit string, diff bool) string {
	f := Number
	switch unit {
	case sim.UnitShare:
		d, suffix := 1, "%"
		if !math.IsNaN(lo) && !math.IsNaN(hi) {
			d = shareDecimals(lo, hi)
		}
		if diff {
			suffix = ""
		}
		f = func(x float64) string {
			if math.IsNaN(x) {
				return "n/a"
			}
			return percent(x, d) + suffix
		}
	case sim.UnitGBP, sim.UnitGBPPerYear:
		f = Money
	}
	return "[" + f(lo) + ", " + f(hi) + "]"
}

// commas puts thousands separators into a string of digits.
func commas(digits string) string {
	n := len(digits)
	if n <= 3 {
		return digits
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (n-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return b.String()
}

// Count counts n things in words: "1 replication", "20 replications",
// "1,250 areas".
func Count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return Number(float64(n)) + " " + thing + "s"
}
