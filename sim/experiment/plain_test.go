package experiment_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim/experiment"
)

// TestFigureAndIntervalAlike: a figure and its interval, or figures
// compared in one sentence, are written to the same decimals (Number
// alone trims its trailing zeros) and, in pounds, to one precision (Money
// alone keeps pence below £100).
func TestFigureAndIntervalAlike(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct{ got, want string }{
		// A figure and its interval.
		{experiment.SignedWithBounds(4, 3.89, 4.11, "weeks", true), "+4.00 weeks [3.89, 4.11]"},
		{experiment.WithBounds(0.155, 0.00754, 0.303, "weeks", true), "0.155 weeks [0.008, 0.303]"},
		{experiment.WithBounds(13.4, 2.76, 24, "people/year", true), "13.4 a year [2.8, 24.0]"},
		{experiment.WithBounds(89.5, 79.6, 101, "people", false), "90 people [80, 101]"},
		{experiment.WithBounds(1314, 1304, 1324, "people/year", false), "1,314 a year [1,304, 1,324]"},
		{experiment.WithBounds(3.14, 2.9, 3.3, "weeks", false), "3.14 weeks [2.90, 3.30]"},
		{experiment.WithBounds(1.404, 1.4012, 1.4087, "weeks", true), "1.404 weeks [1.401, 1.409]"}, // not "1.40 [1.40, 1.41]", on its bound
		{experiment.WithBounds(1.4, 1.4012, 1.4041, "weeks", true), "1.400 weeks [1.401, 1.404]"},   // bounds that differ never read as one
		{experiment.WithBounds(0, 0, 0, "person-weeks/year", false), "0 person-weeks a year [0, 0]"},
		{experiment.WithBounds(30, 30-1e-12, 30+1e-12, "", true), "30.0 [30.0, 30.0]"}, // rounding's residue apart, not different bounds
		{experiment.SignedWithBounds(1.11e-17, -0.121, 0.121, "people/year", true), "0 a year [−0.121, 0.121]"},
		{experiment.WithBounds(1, 0.5, 1.5, "weeks", false), "1.00 weeks [0.50, 1.50]"},
		{experiment.QuantityWithin(4, nan, nan, "weeks", false), "4 weeks"},
		{experiment.Bounds(nan, 3.89, 4.11, "weeks", true), "[3.89, 4.11]"},
		{experiment.Bounds(nan, -10, -14.7, "", true), "[−10.0, −14.7]"},
		{experiment.Bounds(nan, 0.0000006, 65958, "people/year", false), "[0.0000006, 65,958]"}, // not [0.0000006, 65,958.0000000]
		// numberDecimals: the largest's own decimals, then up to two more
		// while bounds that differ read as one; a bound that would read 0
		// keeps its own figures.
		{experiment.Bounds(nan, 1.4012, 1.4041, "weeks", true), "[1.401, 1.404]"},
		{experiment.Bounds(nan, 1.40001, 1.40002, "weeks", true), "[1.4000, 1.4000]"}, // two more at most
		{experiment.Bounds(nan, 0.004, 65.2, "weeks", false), "[0.004, 65.2]"},
		{experiment.Bounds(nan, -0.183, -0.0168, "", true), "[−0.183, −0.017]"},
		{experiment.Bounds(nan, 0.00012, 0.00019, "", false), "[0.000120, 0.000190]"},
		// Pounds: pence only when every amount is under £100.
		{experiment.WithBounds(231, 28.15, 434, "GBP/year", true), "£231 a year [£28, £434]"},
		{experiment.WithBounds(57.3, -12.4, 127, "GBP/year", true), "£57 a year [−£12, £127]"},
		{experiment.WithBounds(18.49, 11.08, 25.91, "GBP", true), "£18.49 [£11.08, £25.91]"},
		{experiment.Bounds(nan, -0.3, 250, "GBP", true), "[£0, £250]"},
		{experiment.Money(28.15), "£28.15"}, // alone, a figure keeps its pence
		// Shares keep their own rule.
		{experiment.WithBounds(0.0098, -0.00012, 0.0196, "share", true), "0.98 percentage points [−0.01, 1.96]"},
		{experiment.WithBounds(0.341, 0.334, 0.349, "share", false), "34.1% [33.4%, 34.9%]"},
		// Figures compared in one sentence.
		{fmt.Sprint(experiment.Alike("weeks", false, 5, 9.34)), "[5.00 weeks 9.34 weeks]"},
		{fmt.Sprint(experiment.Alike("people/year", false, 465, 213.4)), "[465 a year 213 a year]"},
		{fmt.Sprint(experiment.Alike("GBP", false, 12.5, 450)), "[£13 £450]"},
		{fmt.Sprint(experiment.Alike("share", false, 0.3, 0.568)), "[30.0% 56.8%]"},
		{fmt.Sprint(experiment.Alike("weeks", false, nan, 2)), "[n/a 2 weeks]"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestWordsAtTheirIntervalsPrecision: the words a workbook writes (Words
// and its interval, with the noun) carry the figure and both bounds to the
// decimals Bounds gives them, as the report's WithBounds does, in every
// unit, not only shares: "+4.00 weeks" beside "+3.89 to +4.11 weeks".
func TestWordsAtTheirIntervalsPrecision(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{experiment.SignedWithin(4, 3.89, 4.11, "weeks", true), "+4.00 weeks"},
		{experiment.SignedBetween(4, 3.89, 4.11, "weeks", true), "+3.89 to +4.11 weeks"},
		{experiment.SignedWithin(12.5, 11.0, 14.0, "people/year", true), "+12.5 people a year"},
		{experiment.SignedBetween(12.5, 11.0, 14.0, "people/year", true), "+11.0 to +14.0 people a year"},
		{experiment.SignedWithin(-1.4, -2.03, -0.766, "person-weeks/year", true), "−1.40 person-weeks a year"},
		{experiment.SignedBetween(-1.4, -2.03, -0.766, "person-weeks/year", true), "−2.03 to −0.77 person-weeks a year"},
		{experiment.SignedWithin(-0.1, -0.183, -0.0168, "people/year", true), "−0.100 people a year"},
		{experiment.SignedBetween(-0.1, -0.183, -0.0168, "people/year", true), "−0.183 to −0.017 people a year"},
		{experiment.WordsWithin(5.62, 5.36, 5.9, "weeks", false), "5.62 weeks"},
		{experiment.WordsBetween(5.62, 5.36, 5.9, "weeks", false), "5.36 to 5.90 weeks"},
		{experiment.WordsWithin(1, 0.5, 1.5, "weeks", false), "1.00 weeks"},
		{experiment.WordsWithin(0.919, 0.604, 1.4, "person-weeks/year", false), "0.92 person-weeks a year"},
		{experiment.WordsBetween(0.919, 0.604, 1.4, "person-weeks/year", false), "0.60 to 1.40 person-weeks a year"},
		{experiment.WordsWithin(8.6, 7.0, 10.0, "post-weeks/year", false), "8.6 weeks a year"},
		{experiment.WordsBetween(8.6, 7.0, 10.0, "post-weeks/year", false), "7.0 to 10.0 weeks a year"},
		// Pounds: pence only when every bound is under £100.
		{experiment.SignedWithin(125, -45.26, 295, "GBP/year", true), "+£125 a year"},
		{experiment.SignedBetween(125, -45.26, 295, "GBP/year", true), "−£45 to +£295 a year"},
		{experiment.SignedWithin(43.9, 37.23, 50.57, "GBP", true), "+£43.90"},
		{experiment.SignedBetween(math.NaN(), -0.3, 250, "GBP", true), "£0 to +£250"},
		{experiment.WordsWithin(43.9, 28, 434, "GBP", false), "£44"},
		// Shares keep their rule; alone, a figure keeps its own decimals.
		{experiment.SignedWithin(0.0098, -0.00012, 0.0196, "share", true), "+0.98 percentage points"},
		{experiment.WordsWithin(0.341, 0.334, 0.349, "share", false), "34.1%"},
		{experiment.WordsWithin(4, math.NaN(), math.NaN(), "weeks", false), "4 weeks"},
		{experiment.Words(0.52, "people/year", false), "0.52 people a year"},
		{experiment.Signed(28.15, "GBP", true), "+£28.15"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestFigureNeverReadsAsItsBound: a figure strictly inside its interval
// is never written as one of its bounds ("0.2 percentage points [0.1,
// 0.2]" reads as an estimate on the edge of its interval): the figure and
// its bounds take the decimals that tell them apart, up to the cap the
// bounds' own decimals have, and the same decimals in every form that
// writes them (WithBounds; QuantityWithin beside Bounds; WordsWithin beside
// WordsBetween; SignedWithin beside SignedBetween).
func TestFigureNeverReadsAsItsBound(t *testing.T) {
	for _, tc := range []struct {
		name      string
		x, lo, hi float64
		unit      string
		diff      bool
		want      string // WithBounds
		between   string // WordsBetween
		capped    bool   // the figure still reads as a bound at the cap
	}{
		// spsim compare short-term tiered --replications 2000: was "0.2
		// percentage points [0.1, 0.2]".
		{"points", 0.0018, 0.0012, 0.0023, "share", true, "0.18 percentage points [0.12, 0.23]", "0.12 to 0.23 percentage points", false},
		{"points below 0", -0.0018, -0.0023, -0.0012, "share", true, "−0.18 percentage points [−0.23, −0.12]", "−0.23 to −0.12 percentage points", false},
		{"share", 0.4014, 0.4012, 0.4087, "share", false, "40.14% [40.12%, 40.87%]", "40.12% to 40.87%", false},
		{"weeks", 1.404, 1.4012, 1.4087, "weeks", true, "1.404 weeks [1.401, 1.409]", "1.401 to 1.409 weeks", false},
		{"thousands", 1314.4, 1314.2, 1324, "people/year", false, "1,314.4 a year [1,314.2, 1,324.0]", "1,314.2 to 1,324.0 people a year", false},
		{"number", 0.183, 0.1826, 0.3, "", true, "0.1830 [0.1826, 0.3000]", "0.1826 to 0.3000", false},
		{"whole pounds", 231.4, 231.2, 434, "GBP/year", true, "£231.40 a year [£231.20, £434.00]", "£231.20 to £434.00 a year", false},
		{"thousands of pounds", 9889.5, 9889.26, 9889.74, "GBP/year", true, "£9,889.50 a year [£9,889.26, £9,889.74]", "£9,889.26 to £9,889.74 a year", false},
		// Nothing changes when the figure reads apart from its bounds.
		{"apart", 0.0098, -0.00012, 0.0196, "share", true, "0.98 percentage points [−0.01, 1.96]", "−0.01 to 1.96 percentage points", false},
		{"apart in pounds", 231, 28.15, 434, "GBP/year", true, "£231 a year [£28, £434]", "£28 to £434 a year", false},
		// At most the cap: pence, two decimals more than a number's own,
		// maxShareDecimals (one more for an interval that does not hold 0).
		{"pence", 18.491, 18.49, 25.91, "GBP", true, "£18.49 [£18.49, £25.91]", "£18.49 to £25.91", true},
		{"two more", 1.400015, 1.40001, 1.40002, "weeks", true, "1.4000 weeks [1.4000, 1.4000]", "1.4000 to 1.4000 weeks", true},
		{"a ten-thousandth of a point", 0.0000101, 0.00001, 0.00002, "share", true, "0.0010 percentage points [0.0010, 0.0020]", "0.0010 to 0.0020 percentage points", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := experiment.WithBounds(tc.x, tc.lo, tc.hi, tc.unit, tc.diff)
			if got != tc.want {
				t.Errorf("WithBounds: got %q, want %q", got, tc.want)
			}
			if cols := experiment.QuantityWithin(tc.x, tc.lo, tc.hi, tc.unit, tc.diff) + " " + experiment.Bounds(tc.x, tc.lo, tc.hi, tc.unit, tc.diff); cols != got {
				t.Errorf("QuantityWithin and Bounds: %q, WithBounds %q", cols, got)
			}
			between := experiment.WordsBetween(tc.x, tc.lo, tc.hi, tc.unit, tc.diff)
			if between != tc.between {
				t.Errorf("WordsBetween: got %q, want %q", between, tc.between)
			}
			figure, _, _ := strings.Cut(got, " ")
			lo, hi, _ := strings.Cut(strings.Trim(got[strings.LastIndex(got, "["):], "[]"), ", ")
			if onBound := figure == lo || figure == hi; onBound != tc.capped {
				t.Errorf("%q: the figure reads as a bound: %v, want %v", got, onBound, tc.capped)
			}
			// The words a workbook writes: the same numbers, signed or not.
			words, _, _ := strings.Cut(experiment.WordsWithin(tc.x, tc.lo, tc.hi, tc.unit, tc.diff), " ")
			if words != figure {
				t.Errorf("WordsWithin %q, WithBounds %q", words, figure)
			}
			signed, _, _ := strings.Cut(experiment.SignedWithin(tc.x, tc.lo, tc.hi, tc.unit, tc.diff), " ")
			signedLo, rest, _ := strings.Cut(experiment.SignedBetween(tc.x, tc.lo, tc.hi, tc.unit, tc.diff), " to ")
			signedHi, _, _ := strings.Cut(rest, " ")
			signedLo, _, _ = strings.Cut(signedLo, " ")
			unsign := func(s string) string { return strings.TrimPrefix(s, "+") }
			if unsign(signed) != figure || unsign(signedLo) != lo || unsign(signedHi) != hi {
				t.Errorf("SignedWithin %q, SignedBetween %q to %q; WithBounds %q", signed, signedLo, signedHi, got)
			}
		})
	}
}

// TestSmallDifferenceOfSharesNotZero: a difference of shares written
// alone, with no interval to take decimals from (a chart's label beside
// its dot, a sentence), is never "−0.0 percentage points" when it is not
// 0: as Percent writes a share, it keeps two significant figures below
// 0.05 ("−0.010"); beside its interval it has the interval's decimals.
func TestSmallDifferenceOfSharesNotZero(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{experiment.Signed(-0.000104, "share", true), "−0.010 percentage points"},
		{experiment.Signed(0.000104, "share", true), "+0.010 percentage points"},
		{experiment.Words(-0.000104, "share", true), "−0.010 percentage points"},
		{experiment.Quantity(-0.000104, "share", true), "−0.010 percentage points"},
		{experiment.Signed(-0.0000001, "share", true), ">−0.001 percentage points"},
		{experiment.Signed(0.0000001, "share", true), "<0.001 percentage points"},
		{experiment.Signed(-0.087, "share", true), "−8.7 percentage points"},
		{experiment.Signed(0.0098, "share", true), "+1.0 percentage points"},
		{experiment.Signed(0, "share", true), "0.0 percentage points"},
		// With its interval, the figure keeps the interval's decimals.
		{experiment.SignedWithBounds(-0.000104, -0.000273, 0.0000649, "share", true), "−0.01 percentage points [−0.03, 0.01]"},
		{experiment.QuantityWithin(0.0098, math.NaN(), math.NaN(), "share", true), "1.0 percentage points"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
