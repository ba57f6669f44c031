package workbench

import (
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestCompareTableHoldsTheVerdictsMeasures: every measure a verdict names
// (its outcomes, time held, the assumed value of GP appointments) has a row
// in the page's comparison table, so that a reader can check each claim.
func TestCompareTableHoldsTheVerdictsMeasures(t *testing.T) {
	for _, k := range append(slices.Clone(experiment.VerdictKPIs), sim.KPIHoldingWeeks, sim.KPIGPValue, sim.KPICostTotal) {
		if !slices.Contains(compareKPIs, k) {
			t.Errorf("the verdict names %s; the table has no row for it", k)
		}
	}
}

// TestPinNameRuleShared: the page checks a pin's name by the server's own
// rule when it is pinned, not first when Compare is pressed.
func TestPinNameRuleShared(t *testing.T) {
	js, err := assets.ReadFile("assets/app.js")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), "/"+pinName.String()+"/.test(name)") {
		t.Errorf("app.js does not check a pin's name by %s", pinName)
	}
}
