package experiment

import (
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestVerdictFiguresToTheirIntervals: a figure the verdict writes beside
// its interval is written to the interval's decimals, as every other is:
// "1.40 more person-weeks a year [0.77, 2.03]", not "1.4 … [0.77, 2.03]";
// "£44 [£28, £434]", not "£43.90 [£28, £434]".
func TestVerdictFiguresToTheirIntervals(t *testing.T) {
	held := &Change{KPI: sim.KPIHoldingWeeks, Unit: "person-weeks/year", Diff: Estimate{Mean: 1.4, Low: 0.77, High: 2.03, N: 20}}
	for _, c := range []struct{ got, want string }{
		{heldSentence(Verdict{Held: held}), "for 1.40 more person-weeks a year [0.77, 2.03]"},
		{numberWithin(52.6, 42.7, 62.6), "52.6"},
		{numberWithin(4, 3.89, 4.11), "4.00"},
		{moneyWithin(43.9, 28.15, 434), "£44"},
		{moneyWithin(43.9, 28.15, 60.2), "£43.90"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("%q, want it to hold %q", c.got, c.want)
		}
	}
}
