package sim

import "github.com/spsim/spsim/scenarios"

// A KPI's Max is the largest value the scenario lets it take, where that is
// tighter than its registry range: community places cannot be more than
// full (people still in places a timeline cut removed fill none), a service
// closes at most once, and no caseload exceeds its role's cap. Intervals
// are kept within it, so that none claims an impossible value (a service
// 100.1% full, 5.02 closures of 5 services).

// boundKPIs sets the Max of the KPIs a scenario bounds.
func boundKPIs(ks []KPI, in kpiInput) {
	cfg := in.cfg
	for i := range ks {
		base, fam, member := SplitMember(ks[i].Name)
		switch {
		case base == KPIVCSEOccupancy && (fam == Overall || fam == PerService):
			ks[i].Max = 1
		case base == KPIVCSEClosures && fam == Overall:
			ks[i].Max = float64(len(cfg.Services))
		case impossible(cfg, base, fam, member):
			ks[i].Impossible = true
		case base == KPICaseloadPerFTE && (fam == Overall || fam == PerRole):
			// Today's caseload beyond the places starts on the waiting
			// list, so no caseload ever exceeds its post's cap. The
			// headline is the link workers' own.
			if fam == Overall {
				member = scenarios.LinkWorkerRole
			}
			ks[i].Max = roleCap(cfg, member)
		}
	}
}

// impossible reports whether cfg rules out every event the KPI base
// (of family fam) counts.
func impossible(cfg *Config, base string, fam Family, member string) bool {
	if nobodySeen(cfg) {
		switch base {
		case KPIFirstContacts, KPIEpisodesCompleted, KPIShortSupport, KPIDropouts, KPIHoldingWeeks,
			KPINeedsMet, KPIPeopleNeedsMet, KPILeavers, KPILeaversPerFTE,
			KPIVCSEReferrals, KPIVCSEAccepted, KPIVCSEWaitlisted, KPIVCSERefused, KPIVCSEDeclined, KPIVCSEGaveUp:
			return true
		}
	}
	switch base {
	case KPIVCSEReferrals, KPIVCSEAccepted, KPIVCSEWaitlisted, KPIVCSERefused, KPIVCSEDeclined, KPIVCSEGaveUp:
		return len(cfg.Services) == 0
	case KPILeavers, KPILeaversPerFTE:
		// The headline counts the link workers alone; with several roles
		// each has its own leaving per FTE.
		hazard := cfg.Workforce.LeavingHazardPerYear
		if r := cfg.Roles[member]; fam == PerRole && r != nil {
			hazard = r.LeavingHazardPerYear
		}
		return !(hazard > 0)
	case KPIRoleHandovers:
		for _, r := range cfg.Roles {
			if r.HandoverTo != "" && r.Posts > 0 {
				return false
			}
		}
		return true
	}
	return false
}

// nobodySeen reports whether cfg has no post to see anybody at any time:
// no link workers, none added by the timeline, and no other role's posts.
// Then nobody is supported, referred on or leaves a post, and an interval
// for those counts is [0, 0], not a bound for an event the data did not
// happen to see.
func nobodySeen(cfg *Config) bool {
	if cfg.Workforce.LinkWorkers > 0 {
		return false
	}
	for _, c := range cfg.Timeline {
		if c.LinkWorkers != nil && *c.LinkWorkers > 0 {
			return false
		}
	}
	for _, r := range cfg.Roles {
		if r.Posts > 0 {
			return false
		}
	}
	return true
}

// roleCap is role's caseload cap per FTE.
func roleCap(cfg *Config, role string) float64 {
	if r := cfg.Roles[role]; r != nil && role != scenarios.LinkWorkerRole {
		return r.CaseloadCapPerFTE
	}
	return cfg.Workforce.CaseloadCapPerFTE
}

// boundTotal sets the Max of a total's KPIs from its areas', each bounded
// by its own scenario: closures add up, and a ratio is bounded where
// every area's is, by the largest.
func boundTotal(total []KPI, areas []AreaResult) {
	for i := range total {
		total[i].Max = 0
		total[i].Impossible = len(areas) > 0
		for _, a := range areas {
			if i >= len(a.vals) || !a.vals[i].impossible {
				total[i].Impossible = false
			}
		}
		sum, most, all := 0.0, 0.0, len(areas) > 0
		for _, a := range areas {
			if i >= len(a.vals) || a.heads[i].name != total[i].Name || a.vals[i].max <= 0 {
				all = false
				continue
			}
			sum += a.vals[i].max
			most = max(most, a.vals[i].max)
		}
		switch {
		case total[i].Name == KPIVCSEClosures:
			total[i].Max = sum
		case all:
			total[i].Max = most
		}
	}
}
