package output_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestCompareChartsShowTheVerdictsMeasures: the comparison's charts draw
// the measures its verdict leads with (needs met per 1,000 referrals, the
// share of referred people with every need met, the mean wait, people
// giving up and turnover), each as a panel of the differences chart.
func TestCompareChartsShowTheVerdictsMeasures(t *testing.T) {
	_, a := replicate(t, "baseline", 3)
	_, b := replicate(t, "vcse-cut", 3)
	cmp := experiment.Contrast([]string{"baseline", "vcse-cut"}, [][]*sim.Result{a, b}, 0.95)
	figs, err := output.CompareFigures(cmp, output.CompareKPIs)
	if err != nil {
		t.Fatal(err)
	}
	diffs := string(figs[1].SVG)
	for _, tc := range []struct{ kpi, title string }{
		{sim.KPINeedsMetPer1000Referrals, "Needs met per 1,000 referrals"},
		{sim.KPIReferredAllNeedsMetShare, "Share of referred people with every need met"},
		{sim.KPIWaitMean, "Wait to first contact, mean"},
		{sim.KPIReneged, "People who gave up waiting"},
		{sim.KPILeaversPerFTE, "Link workers leaving per FTE"},
	} {
		if !slices.Contains(output.CompareKPIs, tc.kpi) {
			t.Errorf("%s, which the verdict leads with, is not charted", tc.kpi)
		}
		if !strings.Contains(diffs, tc.title) {
			t.Errorf("the differences chart has no panel %q", tc.title)
		}
	}
}
