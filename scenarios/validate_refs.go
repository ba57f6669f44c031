package scenarios

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// maxProfiles and maxGroups are the model's limits (sim/params.go).
const (
	maxProfiles = 255
	maxGroups   = 255
)

// This file holds the rules for the named collections (profiles, groups,
// categories, services) and the timeline, which refer to each other by name.

// collectionNames refuses an empty name for a profile, group, service or
// role, or one that prints as nothing (" ", a zero-width space): TOML
// allows [services.""], but the name labels the entry's KPIs and charts,
// and the model needs every label to name something.
func (v *validator) collectionNames() {
	for _, family := range []struct {
		key, kind string
		names     []string
	}{
		{"profiles", "profile", v.profiles.list},
		{"groups", "group", v.groups.list},
		{"services", "service", v.services.list},
		{"roles", "role", sortedKeys(v.c.Roles)},
	} {
		for _, name := range family.names {
			// Said even when the entry's values could not be decoded
			// (keys missing, as in a new entry): the name is wrong
			// whatever they are.
			var msg string
			switch {
			case blank(name):
				msg = fmt.Sprintf("a %s name must not be empty%s", family.kind, invisible(name))
			case strings.ContainsFunc(name, unicode.IsControl):
				// Names are printed to the terminal, report and
				// workbook: an escape there could forge lines.
				msg = fmt.Sprintf("a %s name must not contain control characters (an escape, a line break): %s", family.kind, strconv.QuoteToASCII(name))
			}
			if msg != "" && v.room() {
				v.errs = append(v.errs, FieldError{Key: keyString(p(family.key, name)), Msg: msg})
			}
		}
	}
}

func (v *validator) profileRules() {
	if len(v.c.Profiles) == 0 {
		v.add(p("profiles"), nil, "at least one profile is required, e.g. [profiles.low] with share = 1")
		return
	}
	if n := len(v.c.Profiles); n > maxProfiles {
		v.add(p("profiles"), nil, fmt.Sprintf("%d profiles: at most %d (the model numbers them in a byte)", n, maxProfiles))
	}
	shares := map[string]float64{}
	for _, name := range v.profiles.list {
		pr := v.c.Profiles[name]
		if pr == nil {
			continue
		}
		path := func(k ...string) []string { return join(p("profiles", name), k...) }
		if v.num(path("share"), pr.Share, probability) {
			shares[name] = pr.Share
		}
		if n, err := pr.Sessions.Count(); err != nil {
			v.add(path("sessions"), pr.Sessions, withHint(err.Error(), path("sessions")))
		} else if n.Mean() < 1 {
			v.add(path("sessions"), pr.Sessions, fmt.Sprintf(
				"the mean is %s; it must be at least 1 (link-worker sessions a person needs)", formatNumber(n.Mean())))
		}
		v.duration(path("patience_weeks"), pr.PatienceWeeks)
		v.num(path("dna_probability"), pr.DNAProbability, fraction)
		v.num(path("gp_appointments_per_year"), pr.GPAppointmentsPerYear, nonNegative)
		for _, cat := range sortedKeys(pr.Needs) {
			if v.ref(path("needs", cat), cat, "declared category", v.categories, "categories") {
				v.num(path("needs", cat), pr.Needs[cat], probability)
			}
		}
	}
	if len(shares) == len(v.c.Profiles) {
		v.sumToOne(p("profiles"), "profile shares", shares, "share")
	}
}

func (v *validator) groupRules() {
	groups := v.groups.list
	o := v.c.Outcomes
	switch {
	case o.ReferenceGroup != "":
		v.ref(p("outcomes", "reference_group"), o.ReferenceGroup, "group", v.groups, "groups")
	case len(groups) > 1:
		v.add(p("outcomes", "reference_group"), nil, fmt.Sprintf(
			"missing: with %d groups, say which group's gap to the rest is the inequity gap (groups: %s)",
			len(groups), listNames(groups)), "outcomes", "groups")
	}
	if len(groups) == 0 {
		v.add(p("groups"), nil, "at least one group is required, e.g. [groups.everyone] with share = 1")
		return
	}
	if len(groups) > maxGroups {
		v.add(p("groups"), nil, fmt.Sprintf("%d groups: at most %d (the model numbers them in a byte)", len(groups), maxGroups))
	}
	for _, name := range groups {
		for _, family := range []string{ProfileFamily, RoleFamily, ServiceFamily} {
			if name == family || strings.HasPrefix(name, family+".") {
				v.add(p("groups", name), nil, fmt.Sprintf("a group may not be named %q or begin with %q: KPI names would confuse it with a %s", family, family+".", family))
			}
		}
	}
	shares := map[string]float64{}
	for _, name := range groups {
		g := v.c.Groups[name]
		if g == nil {
			continue
		}
		path := func(k ...string) []string { return join(p("groups", name), k...) }
		if v.num(path("share"), g.Share, probability) {
			shares[name] = g.Share
		}
		if g.ProfileMix != nil {
			v.mix(path("profile_mix"), g.ProfileMix)
		}
		v.num(path("patience_multiplier"), g.PatienceMultiplier, positive)
		v.num(path("vcse_acceptance_multiplier"), g.VCSEAcceptanceMultiplier, nonNegative)
		for _, s := range sortedKeys(g.ServiceAcceptance) {
			if v.ref(path("service_acceptance", s), s, "service", v.services, "services") {
				v.num(path("service_acceptance", s), g.ServiceAcceptance[s], nonNegative)
			}
		}
	}
	if len(shares) == len(v.c.Groups) {
		v.sumToOne(p("groups"), "group shares", shares, "share")
	}
}

// mix checks a group's profile mix: known profiles, shares summing to 1.
func (v *validator) mix(path []string, mix map[string]float64) {
	if len(mix) == 0 {
		v.add(path, nil, "must not be empty; leave profile_mix out to use the profiles' own shares")
		return
	}
	ok := true
	for _, name := range sortedKeys(mix) {
		if !v.ref(join(path, name), name, "profile", v.profiles, "profiles") ||
			!v.num(join(path, name), mix[name], probability) {
			ok = false
		}
	}
	if ok {
		v.sumToOne(path, "profile_mix shares", mix, "")
	}
}

func (v *validator) serviceRules() {
	if n := len(v.c.Categories); n > MaxCategories {
		v.add(p("categories"), nil, fmt.Sprintf("%d categories: at most %d (the model keeps a person's needs in a fixed array)", n, MaxCategories))
	}
	seen := map[string]bool{}
	for i, cat := range v.c.Categories {
		path := p("categories", strconv.Itoa(i))
		switch {
		case blank(cat):
			v.add(path, cat, "a category name must not be empty"+invisible(cat))
		case strings.ContainsFunc(cat, unicode.IsControl):
			v.add(path, strconv.QuoteToASCII(cat), "a category name must not contain control characters (an escape, a line break)")
		case seen[cat]:
			v.add(path, cat, fmt.Sprintf("category %q is listed twice", cat))
		}
		seen[cat] = true
	}
	served := map[string]bool{}
	for _, name := range v.services.list {
		s := v.c.Services[name]
		if s == nil {
			continue
		}
		path := func(k ...string) []string { return join(p("services", name), k...) }
		if len(s.Categories) == 0 {
			v.add(path("categories"), s.Categories, "must list at least one need category the service meets", "categories")
		}
		for i, cat := range s.Categories {
			if v.ref(path("categories", strconv.Itoa(i)), cat, "declared category", v.categories, "categories") {
				served[cat] = true
			}
		}
		v.whole(path("places"), s.Places, 0, math.MaxInt)
		v.duration(path("engagement_weeks"), s.EngagementWeeks)
		v.num(path("acceptance_probability"), s.AcceptanceProbability, probability)
		v.num(path("completion_probability"), s.CompletionProbability, probability)
		v.oneOf(path("when_full"), string(s.WhenFull), choiceNames(WhenFullRules)...)
		v.duration(path("patience_weeks"), s.PatienceWeeks)
		v.num(path("closure_hazard_per_year"), s.ClosureHazardPerYear, nonNegative)
	}
	// A need that no service meets can never be met: say so once per
	// category, at the first profile that needs it.
	also := []string{"categories"}
	for _, name := range v.services.list {
		also = append(also, keyString(p("services", name, "categories")))
	}
	// Last, so that a service's categories written in the file are
	// pointed at first; and so that services = 3, refused as no table,
	// is not told again as every need unmet.
	also = append(also, "services")
	reported := map[string]bool{}
	for _, name := range v.profiles.list {
		pr := v.c.Profiles[name]
		if pr == nil {
			continue
		}
		for _, cat := range sortedKeys(pr.Needs) {
			if served[cat] || reported[cat] || !v.categories.set[cat] || !(pr.Needs[cat] > 0) {
				continue
			}
			reported[cat] = true
			v.add(p("profiles", name, "needs", cat), pr.Needs[cat], fmt.Sprintf(
				"no service meets the category %q: add it to a service's categories, or set the need to 0", cat), also...)
		}
	}
}
