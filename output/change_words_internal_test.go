package output

import (
	"math"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestChangeEndsAlike: the two figures a change compares in one sentence
// each come with their interval, every figure having one, written as a
// sweep's ends are; with one replication, when there are no intervals,
// the two means have the same decimals: "5.00 weeks and 9.34 weeks", not
// "5 weeks and 9.34 weeks".
func TestChangeEndsAlike(t *testing.T) {
	nan := math.NaN()
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
			"Wait to first contact, mean: rises from 5.00 weeks [4.80, 5.20] to 9.34 weeks [9.10, 9.60] (+4.00 weeks [3.89, 4.11]).",
			"Wait to first contact, mean: 9.34 weeks [9.10, 9.60] against 5.00 weeks [4.80, 5.20] (+4.00 weeks [3.89, 4.11])."},
		{"counts", experiment.BeforeAfter{KPI: sim.KPIReneged, Unit: "people/year",
			Before: est(465, 446, 485), After: est(213, 190, 238), Difference: est(-252, -271, -233)},
			"People who gave up waiting: falls from 465 a year [446, 485] to 213 a year [190, 238] (−252 a year [−271, −233]).",
			"People who gave up waiting: 213 a year [190, 238] against 465 a year [446, 485] (−252 a year [−271, −233])."},
		{"one replication", experiment.BeforeAfter{KPI: sim.KPIWaitMean, Unit: sim.UnitWeeks,
			Before: experiment.Estimate{Mean: 5, Low: nan, High: nan, N: 1}, After: experiment.Estimate{Mean: 9.34, Low: nan, High: nan, N: 1},
			Difference: experiment.Estimate{Mean: 4.34, Low: nan, High: nan, N: 1}},
			"Wait to first contact, mean: 5.00 weeks and 9.34 weeks (+4.34 weeks; with one replication, no interval to judge it).",
			"Wait to first contact, mean: 9.34 weeks against 5.00 weeks (+4.34 weeks; with one replication, no interval to judge it)."},
	} {
		if got := beforeAfterWords(tc.e); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
		if got := againstWords(tc.e); got != tc.against {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.against)
		}
	}
}
