package scenarios

import (
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/spsim/spsim/internal/editdist"
)

// hints say in a few words what a key means, for error messages. Keys are
// generic: "*" stands for any profile, group, service, timeline entry or
// map key.
var hints = map[string]string{
	"run.horizon_weeks":         "weeks simulated, 1-2600; 156 is three years",
	"run.warmup_weeks":          "weeks at the start left out of the results, less than horizon_weeks",
	"run.replications":          "independent runs averaged, 1-10000; typical 20-100",
	"run.seed":                  "random seed, a whole number 0 or more",
	"run.plausibility_warnings": "false silences the warnings for values outside the plausible ranges, for a scenario that sets them on purpose; true when unset",

	"demand.referrals_per_week":  "mean referrals a week; about 20 for a 40,000-patient PCN",
	"demand.annual_growth":       "yearly growth of referrals as a fraction, e.g. 0.05 for 5%; more than -1",
	"demand.seasonal_amplitude":  "seasonal swing as a fraction of the mean, 0 to under 1; 0.1 is ±10%",
	"demand.seasonal_peak_week":  "week of the year demand peaks, 0 to under 52",
	"demand.inappropriate_share": "share of referrals that are assessed and closed, 0 to under 1",

	"initial.waiting": "people on the waiting list when the run starts",
	"initial.active":  "people on link workers' caseloads when the run starts",

	"profiles.*.share":                    "share of referrals with this profile, 0-1; all profiles' shares sum to 1",
	"profiles.*.priority":                 "higher is allocated first under priority allocation",
	"profiles.*.complex":                  "whether the profile counts as complex needs",
	"profiles.*.sessions":                 "link-worker sessions needed, a count of at least 1",
	"profiles.*.needs":                    "community need category = probability, 0-1",
	"profiles.*.needs.*":                  "probability of having this community need, 0-1",
	"profiles.*.patience_weeks":           "weeks a person will wait before giving up",
	"profiles.*.dna_probability":          "chance a session is missed, 0 to under 1",
	"profiles.*.gp_appointments_per_year": "GP appointments a year; the national average is about 4",

	"groups.*.share":                      "share of referrals from this group, 0-1; all groups' shares sum to 1",
	"groups.*.priority":                   "higher is allocated first under priority allocation",
	"groups.*.profile_mix":                "profile = share for this group, summing to 1",
	"groups.*.profile_mix.*":              "share of this group's referrals with the profile, 0-1",
	"groups.*.patience_multiplier":        "multiplies profiles' patience; 1 is no change, more than 0",
	"groups.*.vcse_acceptance_multiplier": "multiplies services' acceptance probability; 1 is no change",
	"groups.*.service_acceptance":         "service = extra acceptance multiplier",
	"groups.*.service_acceptance.*":       "multiplies this service's acceptance probability for the group; 1 is no change",

	"workforce.link_workers":                 "funded link-worker posts, 0-100000",
	"workforce.fte":                          "full-time equivalent per post, over 0 up to 1.5",
	"workforce.contracted_hours_per_week":    "hours a week for a full-time post, over 0 up to 80; typical 37.5",
	"workforce.caseload_cap_per_fte":         "caseload places per full-time link worker; typical 30-60",
	"workforce.sustainable_caseload_per_fte": "the caseload a full-time link worker carries without strain, which pressure counts against; typical 40, 30-60",
	"workforce.admin_share":                  "share of time on admin and networking, 0 to under 1; typical 0.25",
	"workforce.allocation":                   `"fcfs" (first come, first served) or "priority"`,
	"workforce.leaving_hazard_per_year":      "yearly rate of leaving with no caseload pressure; 0.15 is about 14% a year",
	"workforce.pressure_sensitivity":         "how strongly caseload pressure raises leaving, 0 or more",
	"workforce.complex_pressure_weight":      "how much a complex case adds to pressure, 0 or more",
	"workforce.recruitment_delay_weeks":      "weeks to fill a vacant post",
	"workforce.ramp_up_weeks":                "weeks a new link worker works at a reduced caseload, 0 or more",
	"workforce.ramp_up_cap_share":            "share of the full caseload cap during ramp-up, over 0 up to 1",
	"workforce.handover":                     `who takes a leaver's caseload: "colleagues" or "waiting_list"`,
	"workforce.handover_extra_sessions":      "extra sessions a handed-over person needs, 0 or more",

	"support.model":                    `"short_term", "longer_term" or "tiered"`,
	"support.first_session_minutes":    "minutes of a first session, more than 0; typical 60",
	"support.followup_minutes":         "minutes of a follow-up session, more than 0; typical 30",
	"support.session_interval_weeks":   "weeks between sessions, with a mean over 0",
	"support.dropout_after_dnas":       "consecutive missed sessions that end an episode; 0 never",
	"support.short_term":               "{ max_sessions = N, max_weeks = W } for short-term support",
	"support.longer_term":              "{ max_sessions = N, max_weeks = W } for longer-term support",
	"support.short_term.max_sessions":  "most sessions in a short-term episode, 1 or more; typical 6",
	"support.short_term.max_weeks":     "longest short-term episode in weeks, more than 0; typical 12",
	"support.longer_term.max_sessions": "most sessions in a longer-term episode, 1 or more; typical 20",
	"support.longer_term.max_weeks":    "longest longer-term episode in weeks, more than 0; typical 52",
	"support.tiered_longer_profiles":   "profiles that get longer-term support under the tiered model",
	"support.tiered_reserved_share":    "share of each caseload kept for longer-term work, 0 to under 1",
	"support.assessment_minutes":       "minutes to assess an inappropriate referral, 0 or more",
	"support.inappropriate_assessed":   "whether inappropriate referrals take link-worker time",

	"categories": "the community need categories, e.g. [\"social_connection\", \"mental_wellbeing\"]",

	"services.*.categories":              "need categories the service meets, from the top-level categories",
	"services.*.places":                  "people the service can take at once, 0 or more",
	"services.*.engagement_weeks":        "weeks a person takes part",
	"services.*.acceptance_probability":  "chance a referred person takes up the place, 0-1",
	"services.*.completion_probability":  "chance a person who starts completes, 0-1",
	"services.*.when_full":               `"waitlist" or "refuse"`,
	"services.*.patience_weeks":          "weeks a person waits for a place before giving up",
	"services.*.funding_per_year":        "pounds a year, 0 or more; 0 means unfunded",
	"services.*.closure_hazard_per_year": "yearly rate of closing while unfunded, 0 or more",

	"holding.enabled":                "whether people stay on caseload while they wait for a community place",
	"holding.checkin_interval_weeks": "weeks between check-ins while holding, more than 0",
	"holding.checkin_minutes":        "minutes of a check-in, 0 or more",
	"holding.max_weeks":              "longest a person is held, 0 or more",

	"rereferral.probability": "chance a person with unmet needs is referred again, 0-1",
	"rereferral.delay_weeks": "weeks until the re-referral",

	"costs.salary_per_fte_year":  "pounds a year for a full-time link worker, 0 or more",
	"costs.on_cost_share":        "employer on-costs as a share of salary, 0 or more; typical 0.28",
	"costs.recruitment_cost":     "pounds to fill a vacant post, 0 or more",
	"costs.gp_appointment_value": "pounds per GP appointment, 0 or more",

	"outcomes.gp_effect_size":                "share of GP appointments avoided once all needs are met, 0-1",
	"outcomes.gp_effect_duration_weeks":      "weeks the GP effect lasts, 0 or more",
	"outcomes.reference_group":               "the group whose gap to the rest is the inequity gap",
	"areas.count":                            "copies of the area, for an ICB or England; 0 or 1 is a single area",
	"areas.referrals_multiplier":             "per area, multiplies demand.referrals_per_week; mean about 1",
	"areas.reference_group_share":            "per area, the share of referrals from outcomes.reference_group, 0-1",
	"areas.list.*.name":                      "the area's name",
	"areas.list.*.referrals_multiplier":      "multiplies this area's referrals; 1 is no change",
	"areas.list.*.reference_group_share":     "share of this area's referrals from outcomes.reference_group, 0-1",
	"timeline.*.week":                        "the week the change takes effect, 1 to horizon_weeks-1",
	"timeline.*.link_workers":                "funded posts from this week, 0 or more",
	"timeline.*.referrals_per_week":          "mean referrals a week from this week, more than 0",
	"timeline.*.holding":                     "whether holding is on from this week",
	"timeline.*.services.*.places":           "the service's places from this week, 0 or more",
	"timeline.*.services.*.funding_per_year": "the service's funding from this week, 0 or more",
}

// genericKey replaces the collection entries and array indices in path by
// "*", giving the key of hints.
func genericKey(path []string) string {
	t := reflect.TypeFor[Config]()
	out := make([]string, len(path))
	for i, s := range path {
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		out[i] = s
		if t != nil && !isOpaque(t) && (t.Kind() == reflect.Map || t.Kind() == reflect.Slice) {
			out[i] = "*"
		}
		t = targetType(t, s)
	}
	return strings.Join(out, ".")
}

// hintFor returns what the key at path means, or "".
func hintFor(path []string) string {
	return hints[genericKey(path)]
}

// tableOf maps each leaf key name of the scenario format to the tables it
// appears in, e.g. "places" → ["services.*", "timeline.*.services.*"].
var tableOf = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	var walk func(t reflect.Type, prefix []string, depth int)
	walk = func(t reflect.Type, prefix []string, depth int) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Map || t.Kind() == reflect.Slice {
			if t.Kind() != reflect.Pointer {
				prefix = join(prefix, "*")
			}
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || isOpaque(t) || depth > 6 {
			return
		}
		for _, f := range fieldsOf(t) {
			m[f.name] = append(m[f.name], strings.Join(prefix, "."))
			walk(t.Field(f.index).Type, join(prefix, f.name), depth+1)
		}
	}
	walk(reflect.TypeFor[Config](), nil, 0)
	return m
})

// findKey says where a key name belongs when it is written in the wrong
// table, such as "[demand]", or returns "" if no table has it.
func findKey(name string) string {
	var where []string
	for _, t := range tableOf()[name] {
		switch {
		case t == "":
			where = append(where, "the top level (write it before the first [table] header)")
		case strings.HasPrefix(t, "timeline.*"):
			where = append(where, "a [[timeline]] entry")
		default:
			where = append(where, "["+strings.ReplaceAll(t, "*", "NAME")+"]")
		}
	}
	where = slices.Compact(where)
	if len(where) > 3 {
		where = where[:3]
	}
	return strings.Join(where, " or ")
}

// suggest returns the candidate closest to name, if close enough to be a
// likely misspelling, or "".
func suggest(name string, candidates []string) string {
	return suggestExcept(name, candidates)
}

// suggestExcept is suggest, never suggesting name itself.
func suggestExcept(name string, candidates []string) string {
	return editdist.Closest(name, candidates)
}
