package output

import (
	"math"
	"strconv"
	"strings"
)

// kpiWords names the KPIs in words, for chart titles and axes; a KPI not
// listed is named from its identifier.
var kpiWords = map[string]string{
	"referrals":                       "Referrals",
	"rereferrals":                     "Re-referrals",
	"inappropriate":                   "Inappropriate referrals",
	"first_contacts":                  "First contacts",
	"wait_first_contact_mean_weeks":   "Wait to first contact, mean",
	"wait_first_contact_median_weeks": "Wait to first contact, median",
	"wait_first_contact_p90_weeks":    "Wait to first contact, 90th percentile",
	"wait_list_time_mean_weeks":       "Time on the waiting list, mean",
	"waiting_list_mean":               "People on the waiting list, mean",
	"waiting_list_end":                "People on the waiting list at the end",
	"reneged":                         "People who gave up waiting",
	"reneged_share":                   "Share of waiting list leavers who gave up",
	"episodes_completed":              "Support episodes completed",
	"needs_unmet_short_support":       "Episodes ended by session limits, needs unmet",
	"dropouts":                        "Drop-outs",
	"caseload_mean":                   "Caseload, mean",
	"caseload_per_fte_mean":           "Caseload per FTE",
	"caseload_cap_per_fte":            "Caseload cap per FTE",
	"lw_utilisation":                  "Link-worker caseload utilisation",
	"lw_hours_utilisation":            "Link-worker hours utilisation",
	"capacity_places_mean":            "Caseload places",
	"capacity_hours_mean":             "Hours available for sessions",
	"session_hours_mean":              "Session hours delivered",
	"holding_weeks":                   "Weeks held on caseload awaiting a community place",
	"vcse_referrals":                  "Onward (VCSE) referrals",
	"vcse_accepted":                   "VCSE referrals accepted",
	"vcse_waitlisted":                 "VCSE referrals waitlisted",
	"vcse_refused":                    "VCSE referrals refused (service full)",
	"vcse_declined":                   "VCSE referrals declined",
	"vcse_gave_up":                    "VCSE waiters who gave up",
	"vcse_occupancy":                  "VCSE occupancy",
	"vcse_closures":                   "VCSE services closed",
	"needs_met":                       "Needs met",
	"needs_unmet":                     "Needs unmet",
	"needs_met_share":                 "Share of needs met",
	"people_needs_met":                "People with all needs met",
	"leavers":                         "Link workers leaving",
	"vacancy_weeks":                   "Vacancy weeks",
	"pressure_mean":                   "Workload pressure index",
	"pressure_sum":                    "Workload pressure, summed over link workers",
	"cost_lw":                         "Link-worker cost",
	"cost_recruitment":                "Recruitment cost",
	"cost_vcse":                       "VCSE grants",
	"cost_total":                      "Total cost",
	"cost_per_person_supported":       "Cost per person supported",
	"cost_per_need_met":               "Cost per need met",
	"gp_appointments_avoided_assumed": "GP appointments avoided (assumption-driven)",
	"gp_value_assumed":                "Value of GP appointments avoided (assumption-driven)",
	"inequity_gap_needs_met_share":    "Inequity gap in needs met (reference group minus rest)",
	"inequity_gap_wait_weeks":         "Inequity gap in wait (reference group minus rest)",
}

// KPILabel names a KPI in words: "wait_first_contact_p90_weeks" is "Wait
// to first contact, 90th percentile"; a per-group KPI such as
// "needs_met_share.most_deprived" adds the group: "Share of needs met: most
// deprived".
func KPILabel(name string) string {
	base, group, _ := strings.Cut(name, ".")
	w, ok := kpiWords[base]
	if !ok {
		w = strings.ReplaceAll(base, "_", " ")
		w = strings.ToUpper(w[:1]) + w[1:]
	}
	if group != "" {
		w += ": " + strings.ReplaceAll(group, "_", " ")
	}
	return w
}

// display is how a unit is shown on a chart: shares as percentages, money
// with a pound sign.
type display struct {
	scale  float64 // multiply values by this
	unit   string  // unit in words for the axis label
	format func(v, step float64) string
	label  func(v float64) string // a value printed on a chart
}

func displayFor(unit string) display {
	switch unit {
	case "share":
		return display{scale: 100, unit: "%", format: percent, label: func(v float64) string { return sig3(v) + "%" }}
	case "GBP":
		return display{scale: 1, unit: "£", format: pounds, label: money}
	case "GBP/year":
		return display{scale: 1, unit: "£ a year", format: pounds, label: money}
	}
	u := strings.ReplaceAll(unit, "/year", " a year")
	u = strings.ReplaceAll(u, "/week", " a week")
	u = strings.ReplaceAll(u, "/FTE", " per FTE")
	return display{scale: 1, unit: u, format: plainNumber, label: sig3}
}

// sig3 prints a value to about three significant figures, in tables and on
// charts alike, whole numbers
// from 1,000 up with thousands separators: 0.136, 3.38, 57.6, 1,071.
func sig3(v float64) string {
	a := math.Abs(v)
	switch {
	case !defined(v):
		return "NA"
	case a >= 1000:
		return thousands(v)
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case a >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	case a == 0:
		return "0"
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// money prints pounds: £255,397.
func money(v float64) string {
	if v < 0 {
		return "-£" + thousands(-v)
	}
	return "£" + thousands(v)
}

// axisLabel is a KPI's label with its display unit: "Share of needs met (%)".
func axisLabel(name, unit string) string {
	return KPILabel(name) + " (" + displayFor(unit).unit + ")"
}
