package experiment

import (
	"math"
	"strconv"
	"strings"

	"github.com/spsim/spsim/sim"
)

// Words writes a value as a table cell carries it on its own, its noun
// included: "56.8%", "£256,464 a year", "3.14 weeks", "1 week", "1,043
// people a year", "0.52 people a year", "44.3 people per FTE". Quantity
// is the same number for a sentence or a table whose row names the noun
// ("1,043 a year"). A difference of shares (diff) is in percentage points.
// A value that is not defined is "not defined".
func Words(v float64, unit string, diff bool) string { return words(v, unit, diff, autoDecimals) }

// Signed is Words with the sign of a difference: "+1.4 weeks", "−£1,200";
// none for 0.
func Signed(v float64, unit string, diff bool) string {
	return signedWords(v, unit, diff, autoDecimals)
}

// WordsBetween writes the interval of v in Words, the unit once, its
// bounds to the decimals Bounds writes them to (decimalsWithin): "5.36 to
// 5.90 weeks", "33.4% to 34.9%", "£28 to £434". Percentage points have the
// decimals that keep different bounds apart and a bound that is not 0
// from 0 (shareDecimals). The figure v, written beside them by
// WordsWithin, may add decimals to both so that it does not read as a
// bound it lies inside; bounds without a figure pass NaN for v.
func WordsBetween(v, lo, hi float64, unit string, diff bool) string {
	d := decimalsWithin(v, lo, hi, unit, diff)
	return sharedUnit(words(lo, unit, diff, d), words(hi, unit, diff, d))
}

// SignedBetween is WordsBetween with signs, for the interval of a
// difference: "−5.30 to −4.91 weeks", "−0.01 to +1.96 percentage points",
// "−£45 to +£295 a year".
func SignedBetween(v, lo, hi float64, unit string, diff bool) string {
	d := decimalsWithin(v, lo, hi, unit, diff)
	return sharedUnit(signedWords(lo, unit, diff, d), signedWords(hi, unit, diff, d))
}

// WordsWithin is Words to the decimals of the interval [lo, hi] as
// WordsBetween (and Bounds) writes it: "4.00 weeks" beside "3.89 to 4.11
// weeks", "0.98 percentage points" beside "−0.01 to 1.96 percentage
// points", not "4 weeks" or "1.0".
func WordsWithin(v, lo, hi float64, unit string, diff bool) string {
	return words(v, unit, diff, decimalsWithin(v, lo, hi, unit, diff))
}

// SignedWithin is Signed to the decimals of the interval [lo, hi] as
// SignedBetween writes it: "+4.00 weeks" beside "+3.89 to +4.11 weeks".
func SignedWithin(v, lo, hi float64, unit string, diff bool) string {
	return signedWords(v, unit, diff, decimalsWithin(v, lo, hi, unit, diff))
}

// words is Words to the given decimals, as quantity takes them: a share's
// (at least one), pence (2) or whole pounds (0), or any other number's;
// autoDecimals for the value's own, as Words writes it alone.
func words(v float64, unit string, diff bool, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "not defined"
	}
	num := Number
	if decimals >= 0 {
		num = func(x float64) string { return numberTo(x, decimals) }
	}
	switch unit {
	case sim.UnitShare:
		if diff && decimals == autoDecimals {
			return pointsAlone(v) + " percentage points" // never 0.0 for a difference that is not 0
		}
		decimals = max(decimals, 1)
		if diff {
			return percent(v, decimals) + " percentage points"
		}
		if decimals == 1 {
			return Percent(v) // never 0.0% for a share that is not 0
		}
		return percent(v, decimals) + "%"
	case sim.UnitGBP, sim.UnitGBPPerYear:
		return quantity(v, unit, diff, decimals)
	case sim.UnitWeeks:
		return quantity(v, sim.UnitWeeks, false, decimals) // "1 week"
	case sim.UnitIndex, "":
		return num(v)
	}
	what, per, ok := strings.Cut(unit, "/")
	switch {
	case ok && per == "year" && strings.HasSuffix(what, "-weeks") && what != "person-weeks":
		return num(v) + " weeks a year" // the label says whose weeks
	case ok && per == "year":
		return num(v) + " " + what + " a year"
	}
	return num(v) + " " + UnitWords(unit)
}

// pointsAlone writes a difference of shares, with no interval to take
// decimals from, as a number of percentage points as Percent writes a
// share: to one decimal, but a difference that is not 0 never as 0.0
// (−0.000104 is "−0.010", not "−0.0").
func pointsAlone(v float64) string { return strings.TrimSuffix(Percent(v), "%") }

// signedWords is Signed to the given decimals (as words); a value those
// decimals write as 0 ("£0", "0.0 percentage points") has no sign.
func signedWords(v float64, unit string, diff bool, decimals int) string {
	s := words(math.Abs(v), unit, diff, decimals)
	if strings.HasPrefix(s, "<") { // below what is written: "<0.001", ">−0.001"
		return words(v, unit, diff, decimals)
	}
	figure, _, _ := strings.Cut(s, " ")
	switch {
	case math.IsNaN(v) || math.Round(v*1e9) == 0 || allZero(strings.Trim(figure, "£%")):
		return s
	case v < 0:
		return "−" + s
	}
	return "+" + s
}

// sharedUnit joins two bounds written with their unit, the unit once:
// "2.8 weeks" and "3.4 weeks" make "2.8 to 3.4 weeks".
func sharedUnit(lo, hi string) string {
	if i := strings.IndexByte(hi, ' '); i > 0 && strings.HasSuffix(lo, hi[i:]) {
		lo = strings.TrimSuffix(lo, hi[i:])
	}
	return lo + " to " + hi
}

// maxShareDecimals bounds shareDecimals: a thousandth of a percentage
// point is below anything a run can tell, but for an interval that does
// not hold 0 one more decimal may be needed to show it does not reach 0
// (from −0.006 to −0.0004 points).
const maxShareDecimals = 3

// shareDecimals is how many decimals an interval's percentages need: one,
// unless one would show different bounds as the same number ("[−2.7,
// −2.7]") or a bound that is not 0 as 0 ("[0.0, 2.0]" for an interval
// from −0.012 points, which holds 0), then as many more as that takes, up
// to maxShareDecimals.
func shareDecimals(lo, hi float64) int {
	d, most := 1, maxShareDecimals
	if lo > 0 || hi < 0 {
		most++
	}
	for ; d < most; d++ {
		l, h := percent(lo, d), percent(hi, d)
		apart := l != h || lo == hi
		if apart && (lo == 0 || !allZero(l)) && (hi == 0 || !allZero(h)) {
			break
		}
	}
	return d
}

// percent writes a share as a number of percent to the given decimals,
// with a typographic minus and never a minus zero.
func percent(share float64, decimals int) string {
	s := strconv.FormatFloat(100*share, 'f', decimals, 64)
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		if allZero(rest) {
			return rest
		}
		return "−" + rest
	}
	return s
}

// allZero reports whether a number written in digits is 0 ("0.00").
func allZero(s string) bool { return strings.Trim(s, "−-0.") == "" }
