package sim_test

import (
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestCheckKPI: a KPI a run reports passes; an unknown name, or a family's
// member the scenario does not have, is refused before any run with the
// likely name, instead of reading as "not defined" after the runs.
func TestCheckKPI(t *testing.T) {
	base, triage := load(t, "baseline"), load(t, "navigator-triage")
	for _, c := range []struct {
		cfg  *sim.Config
		kpi  string
		want string // "" if it passes
	}{
		{base, "needs_met", ""},
		{base, "needs_met_share.most_deprived", ""},
		{base, "all_needs_met_share.profile.complex", ""},
		{triage, "caseload_per_fte_mean.role.link_workers", ""},
		{triage, "episodes_completed.role.care_navigator", ""},
		{base, "caseload_per_fte_mean.role.link_workers", "the scenario has no roles beside the link workers ([roles.NAME]), so no figures by role"},
		{base, "vcse_occupancy.service.wellbeing_groups", ""},
		{base, "vcse_occupancy.service.wellbeing_group", `"wellbeing_group" is not a service of the scenario`},
		{load(t, "mmc"), "vcse_occupancy.service.x", "the scenario has no community services ([services.NAME]), so no figures by service"},
		{base, "need_met_share", `need_met_share: no such KPI; did you mean "needs_met_share"?`},
		{base, "p90_wait", `p90_wait: no such KPI; did you mean "wait_first_contact_p90_weeks"?`}, // every word held
		{base, "needs_met_share.poorest", `needs_met_share.poorest: "poorest" is not a group of the scenario (groups: most_deprived, rest)`},
		{base, "needs_met_share.group.most_deprived", `did you mean "needs_met_share.most_deprived"?`},
		{base, "all_needs_met_share.profile.complx", `"complx" is not a profile of the scenario (profiles: complex, low, moderate); did you mean "all_needs_met_share.profile.complex"?`},
		{triage, "episodes_completed.role.navigator", `"navigator" is not a role of the scenario (roles: link_workers, care_navigator); did you mean "episodes_completed.role.care_navigator"?`},
		{base, "cost_total.rest", "cost_total.rest: no such KPI"},
		{base, "zzz", "zzz: no such KPI (the README's KPI table lists them)"},
	} {
		err := sim.CheckKPI(c.cfg, c.kpi)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.kpi, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.kpi, err, c.want)
		}
	}
	// Every name KPINames lists passes, and is one a run reports.
	for _, cfg := range []*sim.Config{base, triage} {
		reported := map[string]bool{}
		for _, k := range replicate(t, cfg, 1, 1)[0].KPIs {
			reported[k.Name] = true
		}
		names := sim.KPINames(cfg)
		for _, k := range names {
			if err := sim.CheckKPI(cfg, k); err != nil || !reported[k] {
				t.Errorf("%s: listed %s: %v, reported %v", cfg.Name, k, err, reported[k])
			}
		}
		if len(names) != len(reported) {
			t.Errorf("%s: %d names listed, %d reported", cfg.Name, len(names), len(reported))
		}
	}
}
