package sensitivity

import "testing"

// TestKPIList: KPIs named in a sentence keep an initialism's capitals.
func TestKPIList(t *testing.T) {
	if got, want := kpiList([]string{"vcse_occupancy", "leavers", "needs_met"}), "VCSE occupancy, link workers leaving and needs met"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
