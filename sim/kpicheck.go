package sim

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spsim/spsim/internal/editdist"
	"github.com/spsim/spsim/scenarios"
)

// familyMembers are the members a run of cfg reports a family's KPIs for:
// its groups, profiles or roles (the link workers first, then the roles
// beside them).
func familyMembers(cfg *Config, f Family) (what string, members []string) {
	switch f {
	case PerGroup:
		return "group", sortedKeys(cfg.Groups)
	case PerProfile:
		return "profile", sortedKeys(cfg.Profiles)
	case PerRole:
		return "role", append([]string{scenarios.LinkWorkerRole}, sortedKeys(cfg.Roles)...)
	}
	return "", nil
}

// KPINames are the full names of every KPI a run of cfg reports: the
// overall ones, and each family's for cfg's groups, profiles and roles.
func KPINames(cfg *Config) []string {
	var out []string
	for _, m := range KPIs() {
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
		return fmt.Errorf("%s (the README's KPI table lists them)", msg)
	}
	if m.Family == Overall {
		return nil
	}
	_, _, member := SplitMember(name)
	what, members := familyMembers(cfg, m.Family)
	if slices.Contains(members, member) {
		return nil
	}
	msg := fmt.Sprintf("%s: %q is not a %s of the scenario (%ss: %s)", name, member, what, what, strings.Join(members, ", "))
	// "needs_met_share.group.rest" for needs_met_share.rest: the last part.
	tail := member[strings.LastIndex(member, ".")+1:]
	if s := nearest(tail, members); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", m.Member(s))
	}
	return fmt.Errorf("%s", msg)
}

// nearest is the candidate within a plausible typo of name, or "".
func nearest(name string, candidates []string) string {
	lower := strings.ToLower(name)
	best, bestD := "", 1+len(lower)/4
	for _, c := range candidates {
		if d := editdist.Distance(lower, strings.ToLower(c)); d < bestD || d == 0 {
			best, bestD = c, d
		}
	}
	return best
}
