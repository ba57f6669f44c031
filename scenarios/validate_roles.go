package scenarios

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// roleRules checks the roles beside the link workers: their numbers, that
// each profile they take exists and is taken by one role at most, and that
// a handover goes to a role that exists.
func (v *validator) roleRules() {
	taken := map[string]string{}
	for _, name := range sortedKeys(v.c.Roles) {
		r := v.c.Roles[name]
		path := func(k ...string) []string { return join(p("roles", name), k...) }
		if r == nil {
			continue
		}
		if name == LinkWorkerRole {
			v.add(path(), name, fmt.Sprintf("%q is the role [workforce] describes: name this role something else", LinkWorkerRole))
			continue
		}
		if v.whole(path("posts"), r.Posts, 0, 100000) && r.Posts == 0 && len(r.Profiles) > 0 {
			v.warn(path("posts"), r.Posts, fmt.Sprintf(
				"nobody takes the role's profiles (%s): their referrals wait until they give up, and the waits of those seen leave them out; give the role posts, or leave the role out of the scenario and link workers take its profiles",
				strings.Join(r.Profiles, ", ")))
		}
		v.num(path("fte"), r.FTE, rule{"more than 0 and at most 1.5", func(x float64) bool { return x > 0 && x <= 1.5 }})
		v.num(path("caseload_cap_per_fte"), r.CaseloadCapPerFTE, positive)
		v.num(path("salary_per_fte_year"), r.SalaryPerFTEYear, nonNegative)
		v.num(path("leaving_hazard_per_year"), r.LeavingHazardPerYear, nonNegative)
		v.num(path("supervision_hours_per_week"), r.SupervisionHours, nonNegative)
		v.num(path("supervision_cost_per_fte_year"), r.SupervisionCostPerFTEYear, nonNegative)
		v.num(path("supervision_leaving_hazard_reduction"), r.SupervisionLeavingHazardReduction, probability)
		v.whole(path("support", "max_sessions"), r.Support.MaxSessions, 1, math.MaxInt)
		v.num(path("support", "max_weeks"), r.Support.MaxWeeks, positive)
		if len(r.Profiles) == 0 {
			v.add(path("profiles"), r.Profiles, "must list at least one need profile the role takes", "profiles")
		}
		for i, pr := range r.Profiles {
			if !v.ref(path("profiles", strconv.Itoa(i)), pr, "profile", v.profiles, "profiles") {
				continue
			}
			if other, ok := taken[pr]; ok {
				v.add(path("profiles", strconv.Itoa(i)), pr, fmt.Sprintf("is already taken by role %q: a profile goes to one role", other))
				continue
			}
			taken[pr] = name
		}
		if h := r.HandoverTo; h != "" && h != LinkWorkerRole {
			if _, ok := v.c.Roles[h]; !ok || h == name {
				v.add(path("handover_to"), h, fmt.Sprintf("must be %q or another role's name", LinkWorkerRole))
			}
		}
	}
	if len(v.c.Roles) > MaxRoles {
		v.add(p("roles"), len(v.c.Roles), fmt.Sprintf("at most %d roles beside the link workers", MaxRoles))
	}
	v.handoverLoops()
}

// handoverLoops refuses handovers that come back round (a to b, b to a):
// people would pass from role to role at each's limits, waiting again each
// time, and never end. Each loop is said once, at its first role by name.
func (v *validator) handoverLoops() {
	said := map[string]bool{}
	for _, start := range sortedKeys(v.c.Roles) {
		chain := []string{start}
		for at := start; !said[start]; {
			r := v.c.Roles[at]
			if r == nil || r.HandoverTo == "" || r.HandoverTo == LinkWorkerRole || r.HandoverTo == at {
				break // ends, or refused above (a role handing to itself)
			}
			at = r.HandoverTo
			if at == start {
				for _, n := range chain {
					said[n] = true
				}
				v.add(p("roles", start, "handover_to"), r.HandoverTo, fmt.Sprintf(
					"hands over in a loop (%s → %s): people would pass between the roles at each's limits, waiting again each time; end the chain at %q, or with no handover",
					strings.Join(chain, " → "), start, LinkWorkerRole))
				break
			}
			if slices.Contains(chain, at) {
				break // a loop further on, said from its own first role
			}
			chain = append(chain, at)
		}
	}
}
