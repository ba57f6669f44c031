package sim_test

import (
	"fmt"
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

// TestSupervisionIsEachRolesOwn: the link workers' supervision
// ([workforce.supervision]) neither keeps a care navigator in post nor is
// paid for the navigator's FTE; the navigator's own supervision does both.
// Link workers never leave here, so every leaver is a navigator.
func TestSupervisionIsEachRolesOwn(t *testing.T) {
	navigators := func(lw, own float64) *sim.Config {
		cfg := load(t, "navigator-triage")
		cfg.Workforce.LeavingHazardPerYear = 0
		nav := cfg.Roles["care_navigator"]
		nav.LeavingHazardPerYear = 1
		cfg.Workforce.Supervision.LeavingHazardReduction, cfg.Workforce.Supervision.CostPerFTEYear = lw, 1560*lw
		nav.SupervisionLeavingHazardReduction, nav.SupervisionCostPerFTEYear = own, 1560*own
		return cfg
	}
	const reps = 20
	navLeaving := sim.KPILeaversPerFTE + "." + sim.RolePrefix + "care_navigator"
	none, lwOnly := replicate(t, navigators(0, 0), reps, 2), replicate(t, navigators(0.9, 0), reps, 2)
	if a, b := kpi(t, none, navLeaving), kpi(t, lwOnly, navLeaving); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the link workers' supervision changed the navigators' leaving:\n%v\n%v", a, b)
	}
	lwCost, navCost := kpi(t, lwOnly, sim.KPICostSupervision), kpi(t, replicate(t, navigators(0, 0.9), reps, 2), sim.KPICostSupervision)
	// 3 link-worker posts and 1 navigator post, both of 1 FTE: the link
	// workers' share is most of the cost, not all of everyone's.
	if mean(lwCost) <= 2*mean(navCost) || mean(navCost) <= 0 {
		t.Errorf("supervision cost: link workers' %.0f, the navigator's %.0f: each role pays for its own FTE", mean(lwCost), mean(navCost))
	}
	direction(t, "navigators leaving, with their own supervision", effect(t, navigators(0, 0), navigators(0, 0.9), reps, navLeaving), false)
}

// TestWorkforceHeadlinesAreTheLinkWorkers: with a care navigator beside
// them, the workforce headlines are the link workers' own, as their names
// say, and the navigator's are its own: pooled, a navigator with room
// showed link workers' pressure falling and their places freed while
// their caseloads stayed full.
func TestWorkforceHeadlinesAreTheLinkWorkers(t *testing.T) {
	rs := replicate(t, load(t, "navigator-triage"), 4, 2)
	lw, nav := "."+sim.RolePrefix+"link_workers", "."+sim.RolePrefix+"care_navigator"
	for _, k := range []string{sim.KPIPressureMean, sim.KPIUtilisation, sim.KPICaseloadPerFTE, sim.KPILeaversPerFTE} {
		if a, b := kpi(t, rs, k), kpi(t, rs, k+lw); fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%s %v, the link workers' own %v", k, a, b)
		}
	}
	for _, k := range []string{sim.KPIPressureMean, sim.KPIUtilisation} {
		if a, b := mean(kpi(t, rs, k)), mean(kpi(t, rs, k+nav)); b >= a {
			t.Errorf("%s: the navigator's %.3f is not below the full link workers' %.3f", k, b, a)
		}
	}
	// Fewer link workers beside the navigator: their own pressure and the
	// wait rise.
	three, two := load(t, "navigator-triage"), load(t, "navigator-triage")
	two.Workforce.LinkWorkers = 2
	direction(t, "link workers' pressure, one post fewer", effect(t, three, two, 10, sim.KPIPressureMean), true)
	direction(t, "wait, one link-worker post fewer", effect(t, three, two, 10, sim.KPIWaitMean), true)
}

func mean(xs []float64) float64 {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}
