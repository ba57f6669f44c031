package output_test

import (
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestPerServicePlacesFilled: a service's occupancy and places filled
// are described as the overall KPIs are, places filled and never more
// than the places, not "occupied" (people still in places a timeline cut
// removed are no longer counted as filling any). The descriptions are
// the model's (sim/measures.go); README.md's tables carry them.
func TestPerServicePlacesFilled(t *testing.T) {
	for _, c := range []struct {
		name   string
		lookup func(string) (sim.Measure, bool)
		want   []string
	}{
		{sim.KPIVCSEOccupancy, sim.LookupKPI, []string{"places filled", "never more than the places"}},
		{sim.KPIVCSEOccupancy + ".service.gardening", sim.LookupKPI, []string{"places filled", "never more than its places"}},
		{sim.ColVCSEFilledMean, sim.LookupColumn, []string{"places filled", "never more than the places"}},
		{sim.ColVCSEFilledMean + ".service.gardening", sim.LookupColumn, []string{"places filled", "never more than its places"}},
	} {
		m, ok := c.lookup(c.name)
		if !ok {
			t.Errorf("%s: not a measure", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(m.Description, w) {
				t.Errorf("%s: %q does not say %q", c.name, m.Description, w)
			}
		}
		if strings.Contains(m.Description, "occupied") {
			t.Errorf("%s: %q says occupied, not filled", c.name, m.Description)
		}
	}
}
