package workbook_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/sim/experiment"
)

// figures are the numbers a text writes, each as written ("−2.03",
// "£45", "14.0"), but "95% CI" and a unit's "/1,000": an increase's plus sign
// dropped, as the report writes its bounds without one.
func figures(s string) []string {
	var out []string
	for _, f := range figure.FindAllString(strings.NewReplacer("95% CI ", "", "/1,000", "").Replace(s), -1) {
		out = append(out, strings.TrimPrefix(f, "+"))
	}
	return out
}

var figure = regexp.MustCompile(`[−+]?£?[0-9]+(,[0-9]{3})*(\.[0-9]+)?`)

// TestWorkbookWordsAreTheReports: the workbook writes an estimate, and a
// paired difference, with the figures the report writes for it, to the
// same decimals: the figure and both bounds to its interval's precision
// ("+12.5 … (95% CI +11.0 to +14.0 …)" as the report's "+12.5 a year
// [11.0, 14.0]"). Only shares had been; the rest had "+11 to +14",
// "−1.4 … (95% CI −2.03 to −0.766 …)".
func TestWorkbookWordsAreTheReports(t *testing.T) {
	for _, c := range []struct {
		mean, lo, hi float64
		unit         string
	}{
		// spsim compare baseline funding-cliff's differences.
		{12.5, 11.0, 14.0, "people/year"},
		{-1.40, -2.03, -0.766, "person-weeks/year"},
		{-0.100, -0.183, -0.0168, "people/year"},
		{2.91, 2.78, 3.04, "weeks"},
		{58.9, 50.7, 67.0, "people"},
		{-67.9, -72.0, -63.9, "needs/year"},
		{-111, -117, -105, "needs/1,000 referrals"},
		{0.0402, -0.00221, 0.0826, "people/FTE-year"},
		{-35954, -36619, -35290, "GBP/year"},
		{43.9, 37.23, 50.57, "GBP"},
		{125, -45.26, 295, "GBP/year"},
		{-0.075, -0.079, -0.071, "share"},
		{0.0098, -0.00012, 0.0196, "share"},
		// A figure whose interval has more decimals than it alone.
		{4, 3.89, 4.11, "weeks"},
		{0.1, -0.2, 0.4, "weeks"},
	} {
		d := experiment.Estimate{Mean: c.mean, Low: c.lo, High: c.hi}
		share := c.unit == "share"
		report := figures(experiment.SignedWithBounds(c.mean, c.lo, c.hi, c.unit, share))
		words := workbook.DifferenceWords(d, c.unit)
		got := figures(words)
		if strings.HasPrefix(words, "no detectable difference") {
			report = report[1:] // the workbook gives the interval alone
		}
		if !slices.Equal(got, report) {
			t.Errorf("%g [%g, %g] %s: the workbook's difference %q writes %q, the report's %q",
				c.mean, c.lo, c.hi, c.unit, words, got, report)
		}
		if c.mean < 0 {
			continue // not a level
		}
		report = figures(experiment.WithBounds(c.mean, c.lo, c.hi, c.unit, share))
		words = workbook.WordsCI(c.mean, c.lo, c.hi, c.unit, share)
		if got := figures(words); !slices.Equal(got, report) {
			t.Errorf("%g [%g, %g] %s: the workbook's value %q writes %q, the report's %q",
				c.mean, c.lo, c.hi, c.unit, words, got, report)
		}
	}
}
