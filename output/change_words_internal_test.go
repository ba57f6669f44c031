package output

import (
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestChangeEndsAlike: the two figures a change compares in one sentence
// have the same decimals: "rises from 5.00 weeks to 9.34 weeks", not
// "from 5 weeks to 9.34 weeks".
func TestChangeEndsAlike(t *testing.T) {
	est := func(m, lo, hi float64) experiment.Estimate {
		return experiment.Estimate{Mean: m, Low: lo, High: hi, N: 20}
	}
	for _, tc := range []struct {
		name          string
		e             experiment.BeforeAfter
		want, against string
	}{
		{"before and after", experiment.BeforeAfter{KPI: sim.KPIWaitMean, Unit: sim.UnitWeeks,
			Before: est(5, 4.8, 5.2), After: est(9.34, 9.1, 9.6), Difference: est(4, 3.89, 4.11)},
			"Wait to first contact, mean: rises from 5.00 weeks to 9.34 weeks (+4.00 weeks [3.89, 4.11]).",
			"Wait to first contact, mean: 9.34 weeks against 5.00 weeks (+4.00 weeks [3.89, 4.11])."},
		{"counts", experiment.BeforeAfter{KPI: sim.KPIReneged, Unit: "people/year",
			Before: est(465, 446, 485), After: est(213, 190, 238), Difference: est(-252, -271, -233)},
			"People who gave up waiting: falls from 465 a year to 213 a year (−252 a year [−271, −233]).",
			"People who gave up waiting: 213 a year against 465 a year (−252 a year [−271, −233])."},
	} {
		if got := beforeAfterWords(tc.e); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
		if got := againstWords(tc.e); got != tc.against {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.against)
		}
	}
}
