package scenarios

import (
	"fmt"
	"math"
	"strconv"
)

// modelRules checks the model's newer keys: pressure weights, supervision,
// and that a service's places and funding agree.
func (v *validator) modelRules() {
	w := v.c.Workforce
	wp := func(k ...string) []string { return join(p("workforce"), k...) }
	v.num(wp("waiting_pressure_weight"), w.WaitingPressureWeight, nonNegative)
	v.num(wp("holding_pressure_weight"), w.HoldingPressureWeight, nonNegative)
	sup := w.Supervision
	hours := nonNegative
	if w.AdminShare >= 0 && w.AdminShare < 1 && w.ContractedHoursPerWeek > 0 {
		session := w.ContractedHoursPerWeek * (1 - w.AdminShare)
		hours = rule{fmt.Sprintf("at least 0 and less than the %s session hours of a week (workforce.contracted_hours_per_week × (1 − admin_share) = %s × %s)",
			formatDerived(session), formatNumber(w.ContractedHoursPerWeek), formatDerived(1-w.AdminShare)),
			func(x float64) bool { return x >= 0 && x < session }}
	}
	v.num(wp("supervision", "hours_per_week"), sup.HoursPerWeek, hours)
	v.num(wp("supervision", "cost_per_fte_year"), sup.CostPerFTEYear, nonNegative)
	v.num(wp("supervision", "leaving_hazard_reduction"), sup.LeavingHazardReduction, probability)
	for _, name := range v.services.list {
		if s := v.c.Services[name]; s != nil {
			v.serviceFunding(name, s.Places, s.GrantPerPlaceYear, s.FundingPerYear, p("services", name))
		}
	}
	for i, ch := range v.c.Timeline {
		for _, name := range sortedKeys(ch.Services) {
			sc, s := ch.Services[name], v.c.Services[name]
			if sc == nil || s == nil || sc.FundingPerYear == nil {
				continue
			}
			path := p("timeline", strconv.Itoa(i), "services", name)
			if !v.num(join(path, "funding_per_year"), *sc.FundingPerYear, nonNegative) || *sc.FundingPerYear == 0 {
				continue // 0 withdraws the grant
			}
			places := s.Places
			if sc.Places != nil {
				places = *sc.Places
			}
			v.agree(path, places, s.Grant(), *sc.FundingPerYear, keyString(p("services", name, "grant_per_place_year")))
		}
	}
}

// serviceFunding checks a service's grant per place and funding: places
// cost money, so funding must be what its places cost.
func (v *validator) serviceFunding(name string, places int, grant float64, funding *float64, path []string) {
	okGrant := v.num(join(path, "grant_per_place_year"), grant, nonNegative)
	if funding == nil || !v.num(join(path, "funding_per_year"), *funding, nonNegative) || !okGrant {
		return
	}
	if grant == 0 {
		if places == 0 && *funding > 0 {
			v.add(join(path, "funding_per_year"), *funding, "funds a service with no places: a service's cost follows its places; set places, or set funding_per_year to 0",
				keyString(join(path, "places")))
		}
		return // the grant per place is funding_per_year / places
	}
	v.agree(path, places, grant, *funding, keyString(join(path, "grant_per_place_year")))
}

// agree reports funding that differs from places × grant by more than £1
// or 0.5%, naming the keys that disagree.
func (v *validator) agree(path []string, places int, grant, funding float64, grantKey string) {
	want := float64(places) * grant
	if math.Abs(funding-want) <= math.Max(1, 0.005*want) {
		return
	}
	v.add(join(path, "funding_per_year"), funding, fmt.Sprintf(
		"disagrees with places: %d places × grant_per_place_year £%s = £%s a year; a service's cost follows its places, so set places and grant_per_place_year and leave funding_per_year out (or make them agree)",
		places, formatNumber(grant), formatNumber(want)), keyString(join(path, "places")), grantKey)
}
