package sim

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spsim/spsim/internal/editdist"
	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/scenarios"
)

// familyMembers are the members a run of cfg reports a family's KPIs for:
// its groups, profiles or roles. Roles are reported only beside others
// (kpiInput): the link workers first, then the roles in name order.
func familyMembers(cfg *Config, f Family) (what string, members []string) {
	switch f {
	case PerGroup:
		return "group", sortedKeys(cfg.Groups)
	case PerProfile:
		return "profile", sortedKeys(cfg.Profiles)
	case PerService:
		return "service", sortedKeys(cfg.Services)
	case PerRole:
		if len(cfg.Roles) == 0 {
			return "role", nil
		}
		return "role", append([]string{scenarios.LinkWorkerRole}, sortedKeys(cfg.Roles)...)
	}
	return "", nil
}

// hasRoles reports whether cfg has roles beside the link workers, which a
// run reports figures by role (and handovers between them) for.
func hasRoles(cfg *Config) bool { return len(cfg.Roles) > 0 }

// hasGap reports whether a run of cfg reports the inequity gaps: a
// reference group, and others to set against it.
func hasGap(cfg *Config) bool { return cfg.Outcomes.ReferenceGroup != "" && len(cfg.Groups) > 1 }

// conditional are the overall KPIs a run reports only for some scenarios:
// whether cfg is one, and why not.
var conditional = map[string]struct {
	has func(*Config) bool
	why string
}{
	KPIRoleHandovers:            {hasRoles, "the scenario has no roles beside the link workers ([roles.NAME])"},
	KPIHandoverWaitMean:         {hasRoles, "the scenario has no roles beside the link workers ([roles.NAME])"},
	KPIInequityGapNeedsMetShare: {hasGap, "the scenario has no reference group with other groups to set against it (outcomes.reference_group)"},
	KPIInequityGapWait:          {hasGap, "the scenario has no reference group with other groups to set against it (outcomes.reference_group)"},
	KPIInequityGapRenegedShare:  {hasGap, "the scenario has no reference group with other groups to set against it (outcomes.reference_group)"},
}

// KPINames are the full names of every KPI a run of cfg reports: the
// overall ones, and each family's for cfg's groups, profiles and roles.
func KPINames(cfg *Config) []string {
	var out []string
	for _, m := range KPIs() {
		if c, ok := conditional[m.Name]; ok && !c.has(cfg) {
			continue
		}
		if m.Family == Overall {
			out = append(out, m.Name)
			continue
		}
		_, members := familyMembers(cfg, m.Family)
		for _, x := range members {
			out = append(out, m.Member(x))
		}
	}
	return out
}

// CheckKPI refuses a KPI name that a run of cfg does not report, so that a
// mistyped --kpi or --target fails before any run rather than reading as
// "not defined" after them: an unknown name gets the nearest known one, a
// family's member that is not one of cfg's groups, profiles or roles gets
// those it has.
func CheckKPI(cfg *Config, name string) error {
	m, ok := LookupKPI(name)
	if !ok {
		msg := fmt.Sprintf("%s: no such KPI", name)
		if s := nearest(name, KPINames(cfg)); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return usage.Errorf("%s (the README's KPI table lists them)", msg)
	}
	if c, ok := conditional[name]; ok && !c.has(cfg) {
		return usage.Errorf("%s: not reported: %s", name, c.why)
	}
	if m.Family == Overall {
		return nil
	}
	_, _, member := SplitMember(name)
	what, members := familyMembers(cfg, m.Family)
	if slices.Contains(members, member) {
		return nil
	}
	if len(members) == 0 {
		if m.Family == PerService {
			return usage.Errorf("%s: the scenario has no community services ([services.NAME]), so no figures by service", name)
		}
		return usage.Errorf("%s: the scenario has no roles beside the link workers ([roles.NAME]), so no figures by role", name)
	}
	msg := fmt.Sprintf("%s: %q is not a %s of the scenario (%ss: %s)", name, member, what, what, strings.Join(members, ", "))
	// "needs_met_share.group.rest" for needs_met_share.rest: the last part.
	tail := member[strings.LastIndex(member, ".")+1:]
	if s := nearest(tail, members); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", m.Member(s))
	}
	return usage.Errorf("%s", msg)
}

// nearest is the candidate within a plausible typo of name, or one that
// holds it whole ("navigator" for care_navigator), or "".
func nearest(name string, candidates []string) string {
	lower := strings.ToLower(name)
	best, bestD := "", 1+len(lower)/4
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := editdist.Distance(lower, lc)
		if len(lower) >= 4 && strings.Contains(lc, lower) {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		best = holdingEveryWord(lower, candidates)
	}
	return best
}

// holdingEveryWord is the shortest candidate that holds every word of name
// ("wait_first_contact_p90_weeks" for p90_wait), or "".
func holdingEveryWord(name string, candidates []string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '.' || r == ' ' })
	if len(words) < 2 {
		return ""
	}
	best := ""
	for _, c := range candidates {
		parts := strings.Split(strings.ToLower(c), "_")
		all := true
		for _, w := range words {
			all = all && slices.ContainsFunc(parts, func(p string) bool { return strings.HasPrefix(p, w) })
		}
		if all && (best == "" || len(c) < len(best)) {
			best = c
		}
	}
	return best
}
