package workbench

import (
	"slices"
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
