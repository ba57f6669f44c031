package output

import (
	"fmt"
	"math"
	"testing"

	"github.com/spsim/spsim/sim"

	"github.com/spsim/spsim/sim/experiment"
)

// TestOneFormatForPeople: tables and charts print a number alike (57.6,
// not "57.60" in one and "57.6" in the other), with its unit in words.
func TestOneFormatForPeople(t *testing.T) {
	e := experiment.Estimate{Mean: 57.6, Low: 51.2, High: 64, HalfWidth: 6.4, N: 3}
	if got, chart := estimateWords(sim.KPIWaitMean, sim.UnitWeeks, e), displayFor(sim.UnitWeeks).label(57.6); got != "57.6 weeks [51.2, 64.0]" || chart != "57.6" {
		t.Errorf("table %q, chart %q; want 57.6 weeks [51.2, 64.0] and 57.6", got, chart)
	}
}

// TestComparisonInWords: the comparison table says what each KPI is, its
// values in their unit's words, a difference of shares in percentage
// points, and the stable name last.
func TestComparisonInWords(t *testing.T) {
	est := func(m, lo, hi float64) experiment.Estimate {
		return experiment.Estimate{Mean: m, Low: lo, High: hi, N: 20}
	}
	c := &experiment.Comparison{Names: []string{"three", "five"}, KPIs: []experiment.KPIComparison{{
		Name: sim.KPINeedsMetShare, Unit: sim.UnitShare,
		Estimates: []experiment.Estimate{est(0.341, 0.334, 0.349), est(0.41, 0.404, 0.416)},
		Paired:    []experiment.Estimate{est(math.NaN(), math.NaN(), math.NaN()), est(0.0686, 0.0631, 0.074)},
	}, {
		Name: sim.KPIWaitMean, Unit: sim.UnitWeeks,
		Estimates: []experiment.Estimate{est(5.62, 5.36, 5.9), est(0.518, 0.377, 0.712)},
		Paired:    []experiment.Estimate{est(math.NaN(), math.NaN(), math.NaN()), est(-5.1, -5.3, -4.91)},
	}}}
	head, rows := CompareTable(c, []string{sim.KPIWaitMean, sim.KPINeedsMetShare})
	want := [][]string{
		{"what", "three", "five", "five − three (paired)", "kpi"},
		{"Wait to first contact, mean", "5.62 weeks [5.36, 5.90]", "0.518 weeks [0.377, 0.712]", "−5.10 weeks [−5.30, −4.91]", sim.KPIWaitMean},
		{"Share of needs met", "34.1% [33.4%, 34.9%]", "41.0% [40.4%, 41.6%]", "+6.9 percentage points [6.3, 7.4]", sim.KPINeedsMetShare},
	}
	got := append([][]string{head}, rows...)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("comparison in words:\n%q\nwant\n%q", got, want)
	}
}

// TestEveryChartedKPIIsInTheRegistry: every KPI a chart, the report's
// headline or a sweep names is in the model's registry, so a renamed KPI
// fails here rather than silently dropping a line or a row.
func TestEveryChartedKPIIsInTheRegistry(t *testing.T) {
	for _, list := range [][]string{Headline, CompareKPIs, SweepKPIs} {
		for _, name := range list {
			if _, ok := sim.LookupKPI(name); !ok {
				t.Errorf("%q is charted or reported but not in the registry", name)
			}
		}
	}
}

// TestUncapitalise: a label stands within a sentence in lower case, but an
// initialism keeps its capitals ("fTE per post" was printed).
func TestUncapitalise(t *testing.T) {
	for in, want := range map[string]string{
		"Wait to first contact, mean": "wait to first contact, mean",
		"FTE per post":                "FTE per post",
		"GP appointments avoided":     "GP appointments avoided",
		"A share":                     "a share",
		"Éire's groups":               "éire's groups", // a whole letter, not a byte of one
		"":                            "",
	} {
		if got := Uncapitalise(in); got != want {
			t.Errorf("Uncapitalise(%q) = %q, want %q", in, got, want)
		}
	}
}
