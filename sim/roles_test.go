package sim_test

import (
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestNavigatorFreesLinkWorkers: in navigator-triage a care navigator takes
// the low-need referrals, so link workers support more people with complex
// needs than in the baseline (paired on common random numbers), and fewer
// people give up waiting.
func TestNavigatorFreesLinkWorkers(t *testing.T) {
	base, nav := load(t, "baseline"), load(t, "navigator-triage")
	direction(t, "complex episodes completed a year", effect(t, base, nav, 20, sim.KPIEpisodesCompleted+".profile.complex"), true)
	direction(t, "people who gave up waiting", effect(t, base, nav, 20, sim.KPIReneged), false)
	rs := replicate(t, nav, 5, 2)
	for _, k := range []string{sim.KPIRoleHandovers, sim.KPIEpisodesCompleted + ".role.care_navigator"} {
		if v := kpi(t, rs, k); v[0] <= 0 {
			t.Errorf("%s = %v: the navigator did no work", k, v[0])
		}
	}
}

// TestOneRoleUnchanged: a scenario with no roles beside the link workers
// emits no per-role columns (its results are the golden summary's).
func TestOneRoleUnchanged(t *testing.T) {
	for _, c := range emitted(t).Columns {
		if _, fam, _ := sim.SplitMember(c.Name); fam == sim.PerRole {
			t.Errorf("one-role scenario emits %s", c.Name)
		}
	}
}
