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
// their pence (£12.50). An amount with its interval is written to one
// precision (moneyPence): "£231 a year [£28, £434]", not "[£28.15, £434]".
func Money(x float64) string { return money(x, math.Abs(x) < 100) }

// money writes an amount in pounds, with its pence or in whole pounds.
func money(x float64, pence bool) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	a := math.Abs(x)
	s := "£" + commas(strconv.FormatFloat(math.Round(a), 'f', 0, 64))
	if pence && a >= 0.005 { // but nothing is £0, not £0.00
		// Thousands too keep their pence beside an interval narrower than
		// a pound (decimalsWithin): £9,889.50.
		whole, frac, _ := strings.Cut(strconv.FormatFloat(a, 'f', 2, 64), ".")
		s = "£" + commas(whole) + "." + frac
	}
	if x < 0 && math.Round(a*100) != 0 && s != "£0" {
		return "−" + s
	}
	return s
}

// moneyPence reports whether amounts written together, such as a figure
// and its interval's bounds, keep their pence: only when every one of
// them is under £100, as Money writes one alone.
func moneyPence(xs ...float64) bool {
	for _, x := range xs {
		if !(math.Abs(x) < 100) && !math.IsNaN(x) {
			return false
		}
	}
	return true
}

// numberDecimals is how many decimals numbers written together (an
// interval's bounds, which the figure between them then shares, or
// figures compared in one sentence) are written to: those Number gives
// the largest of them (three significant figures, none from 100 up), then
// one more at a time while two of them that differ would read as one
// number, but never more than two more: "[1.401, 1.404]", not "[1.40,
// 1.40]"; "[1.4000, 1.4000]" for bounds closer than that. A number that
// those decimals would write as 0 is written as Number writes it alone
// (numberTo): "[0.0000006, 65,958]", "[0.004, 65.2]". So a figure and its
// interval read alike: "4.00 weeks [3.89, 4.11]", not "4 weeks [3.89,
// 4.11]"; "0.155 [0.008, 0.303]"; "8.5 weeks [7.0, 10.0]".
func numberDecimals(xs ...float64) int {
	big := largest(xs...)
	if big == 0 {
		return 0
	}
	d := ownDecimals(big)
	for most := d + 2; d < most && readAsOne(xs, d); {
		d++
	}
	return d
}

// largest is the largest magnitude among xs that are finite and more than
// rounding's residue, or 0.
func largest(xs ...float64) float64 {
	big := 0.0
	for _, x := range xs {
		if a := math.Abs(x); !math.IsNaN(a) && !math.IsInf(a, 0) && a >= tiny {
			big = max(big, a)
		}
	}
	return big
}

// readAsOne reports whether two of xs that differ (by more than rounding's
// residue) are written to the given decimals as the same number.
func readAsOne(xs []float64, decimals int) bool {
	for i, x := range xs {
		w := numberTo(x, decimals)
		for _, y := range xs[i+1:] {
			if math.Abs(x-y) > tiny*max(1, math.Abs(x)) && w == numberTo(y, decimals) {
				return true
			}
		}
	}
	return false
}

// ownDecimals is the decimals Number gives a (positive) number alone.
func ownDecimals(a float64) int {
	if a >= 100 {
		return 0
	}
	return max(0, 2-int(math.Floor(math.Log10(a))))
}

// numberTo writes x as Number does, to the given decimals, trailing zeros
// kept; 0 (or rounding's residue) is "0", a number those decimals would
// write as 0 and an infinite or undefined number as Number writes it.
func numberTo(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) < tiny {
		return Number(x)
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	if allZero(s) {
		return Number(x) // not 0: its own figures, [0.0000006, 65,958]
	}
	whole, frac, _ := strings.Cut(s, ".")
	s = commas(whole)
	if frac != "" {
		s += "." + frac
	}
	if x < 0 && !allZero(s) {
		return "−" + s
	}
	return s
}

// Alike writes numbers compared in one sentence in unit to the same
// decimals (pence alike for pounds): "5.00 weeks" and "9.34 weeks", not "5
// weeks" and "9.34 weeks". Shares keep Quantity's one decimal.
func Alike(unit string, diff bool, xs ...float64) []string {
	d := autoDecimals
	switch unit {
	case sim.UnitShare:
	case sim.UnitGBP, sim.UnitGBPPerYear:
		d = 0
		if moneyPence(xs...) {
			d = 2
		}
	default:
		finite := 0
		for _, x := range xs {
			if !math.IsNaN(x) && !math.IsInf(x, 0) {
				finite++
			}
		}
		if finite > 1 {
			d = numberDecimals(xs...)
		}
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = quantity(x, unit, diff, d)
	}
	return out
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
func Quantity(x float64, unit string, diff bool) string { return quantity(x, unit, diff, autoDecimals) }

// autoDecimals asks quantity for a number's own decimals, as Number and
// Money write it alone (one decimal for a share).
const autoDecimals = -1

// WithBounds writes an estimate and its interval: Quantity and Bounds,
// "3.1 weeks [2.8, 3.4]". A difference of shares keeps its interval's
// decimals, "0.98 percentage points [−0.01, 1.96]", not "1.0 … [−0.01,
// 1.96]".
func WithBounds(x, lo, hi float64, unit string, diff bool) string {
	return QuantityWithin(x, lo, hi, unit, diff) + " " + Bounds(x, lo, hi, unit, diff)
}

// QuantityWithin is Quantity to the decimals Bounds writes its interval
// to, for a table that puts them in columns of their own: "4.00 weeks"
// within [3.89, 4.11], "£57 a year" within [£-12, £127].
func QuantityWithin(x, lo, hi float64, unit string, diff bool) string {
	return quantity(x, unit, diff, decimalsWithin(x, lo, hi, unit, diff))
}

// decimalsWithin is the decimals a figure and its interval's bounds are
// written to together: the bounds' own (boundsDecimals), then more while
// the figure, though it differs from a bound, would be written as that
// bound, up to the cap the bounds' own decimals have: a reader takes
// "0.2 percentage points [0.1, 0.2]" for an estimate on the edge of its
// interval, so 0.18 within [0.12, 0.23] is "0.18 … [0.12, 0.23]". Pounds
// keep their pence then ("£231.40 [£231.20, £434.00]"). A figure not known
// (NaN) leaves the bounds their own decimals.
func decimalsWithin(x, lo, hi float64, unit string, diff bool) int {
	d := boundsDecimals(lo, hi, unit, diff)
	if d == autoDecimals || math.IsNaN(x) {
		return d
	}
	most, step := d, 1
	switch unit {
	case sim.UnitShare:
		most = maxShareDecimals // as shareDecimals
		if lo > 0 || hi < 0 {
			most++
		}
	case sim.UnitGBP, sim.UnitGBPPerYear:
		most, step = 2, 2 // whole pounds or pence, nothing between
	default:
		if big := largest(lo, hi); big > 0 {
			most = ownDecimals(big) + 2 // as numberDecimals
		}
	}
	for d < most && onABound(x, lo, hi, unit, diff, d) {
		d += step
	}
	return d
}

// boundsDecimals is the decimals an interval's bounds take by themselves:
// a share's as shareDecimals; pence (2) or whole pounds (0) by
// moneyPence; any other number's by numberDecimals. An interval not known
// (NaN) leaves the figure its own decimals.
func boundsDecimals(lo, hi float64, unit string, diff bool) int {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return autoDecimals
	}
	switch unit {
	case sim.UnitShare:
		return shareDecimals(lo, hi)
	case sim.UnitGBP, sim.UnitGBPPerYear:
		if moneyPence(lo, hi) {
			return 2
		}
		return 0
	}
	return numberDecimals(lo, hi)
}

// onABound reports whether x, which differs (by more than rounding's
// residue) from a bound of [lo, hi], is written to the given decimals as
// that bound is.
func onABound(x, lo, hi float64, unit string, diff bool, decimals int) bool {
	figure := figureNumeral(x, unit, diff, decimals)
	for _, b := range []float64{lo, hi} {
		if math.Abs(x-b) > tiny*max(1, math.Abs(x)) && figure == boundNumeral(b, unit, decimals) {
			return true
		}
	}
	return false
}

// figureNumeral is the number quantity and words write x as, to the given
// decimals (not autoDecimals), without its unit or a share's "%".
func figureNumeral(x float64, unit string, diff bool, decimals int) string {
	switch unit {
	case sim.UnitShare:
		if !diff && decimals <= 1 {
			return strings.TrimSuffix(Percent(x), "%")
		}
		return percent(x, max(decimals, 1))
	case sim.UnitGBP, sim.UnitGBPPerYear:
		return money(x, decimals > 0)
	}
	return numberTo(x, decimals)
}

// boundNumeral writes a bound as Bounds does, to the given decimals,
// without a share's "%": a share's to one at least, pounds with their
// pence for decimals above 0, any other number as Number writes it for
// autoDecimals.
func boundNumeral(b float64, unit string, decimals int) string {
	switch {
	case math.IsNaN(b):
		return "n/a"
	case unit == sim.UnitShare:
		return percent(b, max(decimals, 1))
	case unit == sim.UnitGBP || unit == sim.UnitGBPPerYear:
		return money(b, decimals > 0)
	case decimals == autoDecimals:
		return Number(b)
	}
	return numberTo(b, decimals)
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

// quantity is Quantity to the given decimals: a share's, the pence (2)
// or not (0) of pounds, or any other number's; autoDecimals for the
// number's own.
func quantity(x float64, unit string, diff bool, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	num := Number
	if decimals >= 0 {
		num = func(x float64) string { return numberTo(x, decimals) }
	}
	switch unit {
	case sim.UnitShare:
		if diff && decimals == autoDecimals {
			return pointsAlone(x) + " percentage points" // not "−0.0" for −0.000104
		}
		if diff {
			return percent(x, max(decimals, 1)) + " percentage points"
		}
		if decimals > 1 { // to its interval's decimals: "99.99% [99.99%, 100.00%]"
			return percent(x, decimals) + "%"
		}
		return Percent(x)
	case sim.UnitGBP, sim.UnitGBPPerYear:
		s := Money(x)
		if decimals >= 0 {
			s = money(x, decimals > 0)
		}
		if unit == sim.UnitGBPPerYear {
			s += " a year"
		}
		return s
	case sim.UnitWeeks:
		if x == 1 && decimals <= 0 {
			return "1 week"
		}
		return num(x) + " weeks"
	}
	if what, per, ok := strings.Cut(unit, "/"); ok && per == "year" {
		if what == "person-weeks" {
			// Everyone's weeks together: "0.92 weeks a year" would read
			// as one person's.
			return num(x) + " person-weeks a year"
		}
		if strings.HasSuffix(what, "-weeks") {
			// "8.6 weeks a year" vacant: the label says whose weeks.
			return num(x) + " weeks a year"
		}
		return num(x) + " a year"
	}
	if unit == "" {
		return num(x)
	}
	return num(x) + " " + UnitWords(unit)
}

// UnitWords writes a unit as people read it: "people/FTE" is "people per
// FTE", "hours/week" "hours a week", "people/FTE-year" "people per FTE a
// year".
func UnitWords(unit string) string {
	return unitWords.Replace(unit)
}

var unitWords = strings.NewReplacer("/FTE-year", " per FTE a year", "/FTE", " per FTE", "/week", " a week", "/year", " a year")

// Bounds writes the bounds of x's interval in the style of Quantity's
// number, without the unit: "[1.2, 1.6]", "[£41,000, £52,000]"; a share's
// as percentages, "[40.3%, 41.2%]", and a difference of shares' (diff) in
// percentage points, "[2.1, 3.5]", to the decimals that keep the bounds
// apart and a bound that is not 0 from 0 (shareDecimals): whether a
// difference holds 0 must show, and bounds that differ are never written
// as one number ("[99.99%, 100.00%]"; "[100.0%, 100.0%]" only for a team
// full in every replication). The figure x takes the same decimals
// (QuantityWithin) and so may add to them, that it not be written as a
// bound it lies inside: "0.18 percentage points [0.12, 0.23]", not "0.2
// [0.1, 0.2]". Bounds without a figure pass NaN for x.
func Bounds(x, lo, hi float64, unit string, diff bool) string {
	d := decimalsWithin(x, lo, hi, unit, diff)
	if d == autoDecimals && (unit == sim.UnitGBP || unit == sim.UnitGBPPerYear) && moneyPence(lo, hi) {
		d = 2 // an interval not known keeps the pence of the bound it has
	}
	f := func(b float64) string {
		if unit == sim.UnitShare && !diff && !math.IsNaN(b) {
			return boundNumeral(b, unit, d) + "%"
		}
		return boundNumeral(b, unit, d)
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
