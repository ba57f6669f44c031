package output

import (
	"testing"

	"github.com/spsim/spsim/sim"

	"github.com/spsim/spsim/sim/experiment"
)

// TestOneFormatForPeople: tables and charts print a number alike (57.6,
// not "57.60" in one and "57.6" in the other), and an interval's bounds
// are told apart from thousands separators.
func TestOneFormatForPeople(t *testing.T) {
	e := experiment.Estimate{Mean: 57.6, Low: 1071.2, High: 1200, HalfWidth: 64.4, N: 3}
	if got, chart := withCI(e), displayFor("weeks").label(57.6); got != "57.6 [1,071 to 1,200]" || chart != "57.6" {
		t.Errorf("table %q, chart %q; want 57.6 [1,071 to 1,200] and 57.6", got, chart)
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
