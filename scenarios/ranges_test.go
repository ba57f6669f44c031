package scenarios

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// numericKeys lists the generic key of every number in Config,
// distributions included.
func numericKeys() []string {
	var keys []string
	var walk func(t reflect.Type, prefix []string, depth int)
	walk = func(t reflect.Type, prefix []string, depth int) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if depth > 8 {
			return
		}
		switch {
		case isOpaque(t):
			keys = append(keys, strings.Join(prefix, "."))
		case t.Kind() == reflect.Struct:
			for _, f := range fieldsOf(t) {
				walk(t.Field(f.index).Type, join(prefix, f.name), depth+1)
			}
		case t.Kind() == reflect.Map || t.Kind() == reflect.Slice:
			walk(t.Elem(), join(prefix, "*"), depth+1)
		case t.Kind() >= reflect.Int && t.Kind() <= reflect.Float64:
			keys = append(keys, strings.Join(prefix, "."))
		}
	}
	walk(reflect.TypeFor[Config](), nil, 0)
	return keys
}

// TestRangesCoverConfig: every numeric key has a hard and a typical range,
// the typical inside the hard, and no range names a key that does not exist.
func TestRangesCoverConfig(t *testing.T) {
	keys := numericKeys()
	for _, k := range keys {
		bd, ok := ranges[k]
		switch {
		case unbounded[k]:
		case !ok:
			t.Errorf("%s has no entry in ranges (scenarios/ranges.go): give it a hard and a typical range", k)
		case bd.typical.lo < bd.hard.lo || bd.typical.hi > bd.hard.hi || bd.hard.lo > bd.hard.hi:
			t.Errorf("%s: typical range %v is not inside the hard range %v", k, bd.typical, bd.hard)
		}
	}
	for k := range ranges {
		if !slices.Contains(keys, k) {
			t.Errorf("ranges has %s, which is not a numeric key of the scenario", k)
		}
	}
}

// TestBuiltinsHaveNoWarnings: the library's values are all typical, apart
// from the queueing-theory checks, which are deliberately extreme and say
// so (run.plausibility_warnings = false).
func TestBuiltinsHaveNoWarnings(t *testing.T) {
	for _, name := range builtinNames() {
		l, err := LoadWith(name, Options{Strict: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, w := range l.Warnings {
			t.Errorf("%s: %s", name, w)
		}
	}
}

// TestRanges: plausible typos warn with the likely fix; impossible or
// overflowing values are errors; --strict makes warnings errors.
func TestRanges(t *testing.T) {
	tests := []struct {
		name, body string
		warn, err  string // a warning and an error the load must give, if any
	}{
		{"percentage for a share", "[costs]\non_cost_share = 28\n",
			"x.toml:4:1: costs.on_cost_share = 28: warning: 28 is outside the plausible range 0 to 0.6 (employer on-costs as a share of salary, 0 or more; typical 0.28); did you mean 0.28?", ""},
		{"growth as a percentage", "[demand]\nannual_growth = 5\n", "did you mean 0.05?", ""},
		{"leaving hazard as a percentage", "[workforce]\nleaving_hazard_per_year = 15\n", "did you mean 0.15?", ""},
		{"acceptance multiplier as a percentage", "[groups.rest]\nvcse_acceptance_multiplier = 90\n", "did you mean 0.9?", ""},
		{"caseload cap", "[workforce]\ncaseload_cap_per_fte = 4000\n", "did you mean 40?", ""},
		{"admin share as a percentage", "[workforce]\nadmin_share = 25\n", "", "workforce.admin_share = 25: must be at least 0 and less than 1; did you mean 0.25 (25%)?"},
		{"a share just over 1 (1.5% or 15%?)", "[services.wellbeing_groups]\nacceptance_probability = 1.2\n", "", "services.wellbeing_groups.acceptance_probability = 1.2: must be between 0 and 1 (chance"},
		{"a group named as a KPI family", "[groups.role]\nshare = 0.0\npatience_multiplier = 1.0\nvcse_acceptance_multiplier = 1.0\n", "", "groups.role: a group may not be named \"role\" or begin with \"role.\""},
		{"more categories than a person holds", "categories = [" + strings.Repeat("\"c\", ", 16) + "\"c\"]\n", "", "categories: 17 categories: at most 16"},
		{"horizon in years", "[run]\nhorizon_weeks = 4\nwarmup_weeks = 0\n", "did you mean 208 (4 years in weeks)?", ""},
		{"hours for minutes", "[support]\nfollowup_minutes = 0.5\n", "did you mean 30 (0.5 hours in minutes)?", ""},
		{"an hour for minutes", "[support]\nfirst_session_minutes = 1\n", "did you mean 60 (1 hour in minutes)?", ""},
		{"a multiplier for one area", "[areas]\nreferrals_multiplier = 2.0\n", "areas.referrals_multiplier = 2.0: warning: varies between several areas (areas.count or [[areas.list]]); with one area it changes nothing", ""},
		{"a multiplier for several", "[areas]\ncount = 2\nreferrals_multiplier = 2.0\n", "", ""},
		{"two steps of one week set one key", "[[timeline]]\nweek = 104\nlink_workers = 2\n[[timeline]]\nweek = 104\nlink_workers = 4\n",
			"x.toml:8:1: timeline.1.link_workers = 4: warning: timeline.0 sets link_workers at week 104 too: a week's steps apply as one change, so this later value, 4, is the one that holds", ""},
		{"a step that changes nothing", "[[timeline]]\nweek = 100\nlink_workers = 3\n", "timeline.0.link_workers = 3: warning: changes nothing: link_workers is already 3 at week 100", ""},
		{"a service left open with no places", "[[timeline]]\nweek = 104\nservices.wellbeing_groups = { places = 0 }\n",
			"timeline.0.services.wellbeing_groups.places = 0: warning: leaves wellbeing_groups open with no places", ""},
		{"a service closed", "[[timeline]]\nweek = 104\nservices.wellbeing_groups = { places = 0, funding_per_year = 0 }\n", "", ""},
		{"a service unfunded before", "[[timeline]]\nweek = 90\nservices.wellbeing_groups = { funding_per_year = 0 }\n[[timeline]]\nweek = 104\nservices.wellbeing_groups = { places = 0 }\n", "", ""},
		{"a short window of KPIs", "[run]\nhorizon_weeks = 80\n", "run.horizon_weeks = 80: warning: the KPIs cover only weeks 78 to 79, after the warm-up (run.warmup_weeks = 78): figures a year are scaled up from 2 weeks", ""},
		{"a caseload date without a caseload", "[initial]\ndate = \"2025-11-30\"\n", "initial.date = \"2025-11-30\": warning: the date of a caseload extract (initial.file), from which its people's waits are counted: without one it changes nothing", ""},
		{"supervision past the session hours", "[workforce.supervision]\nhours_per_week = 30\n", "", "less than the 28.1 session hours of a week (workforce.contracted_hours_per_week × (1 − admin_share) = 37.5 × 0.75)"},
		{"mean of a distribution", "[profiles.low]\npatience_weeks = { dist = \"exponential\", mean = 1000.0 }\n", "its mean 1000 is outside the plausible range 0.5 to 104", ""},
		{"sd dwarfing its mean", "[profiles.low]\npatience_weeks = { dist = \"lognormal\", mean = 12.0, sd = 1e6 }\n", "warning: its sd 1000000 is 83300 times its mean 12: nearly every draw falls near 0", ""},
		{"sd just over five times its mean", "[profiles.low]\npatience_weeks = { dist = \"lognormal\", mean = 12.0, sd = 64.0 }\n", "its sd 64 is 5.33 times its mean 12", ""},
		{"sd a few times its mean", "[profiles.low]\npatience_weeks = { dist = \"lognormal\", mean = 12.0, sd = 36.0 }\n", "", ""},
		{"cap overflows an int", "[workforce]\ncaseload_cap_per_fte = 1e19\n", "", "workforce.caseload_cap_per_fte = 1e+19: must be between 1 and 10000"},
		{"cap of 1e308", "[workforce]\ncaseload_cap_per_fte = 1e308\n", "", "must be between 1 and 10000"},
		{"salary overflows a sum", "[costs]\nsalary_per_fte_year = 1e308\n", "", "costs.salary_per_fte_year = 1e+308: must be between 0 and 1000000"},
		{"waiting list that wraps", "[initial]\nwaiting = 9223372036854775807\n", "", "initial.waiting = 9223372036854775807: must be between 0 and 10000000"},
		{"check-in every 1e-9 weeks", "[holding]\ncheckin_interval_weeks = 1e-9\n", "", "holding.checkin_interval_weeks = 1e-09: must be between 0.1 and 52"},
		{"cap that rounds to no places", "[workforce]\ncaseload_cap_per_fte = 0.1\n[initial]\nactive = 0\n", "", "which rounds down to none"},
		{"half a place", "[workforce]\nfte = 0.5\ncaseload_cap_per_fte = 1.5\n[initial]\nactive = 0\n", "", "0.5 × 1.5 = 0.75 caseload places, which rounds down to none"},
		// A whole-number key is not offered a fraction it cannot hold
		// ("did you mean 0.8?" of sessions = 80).
		{"one of today's people", "[initial]\npeople = [{ status = \"waiting\" }]\n", "initial: warning: today's 1 person starts the run, but the KPIs leave out", ""},
		{"sessions held, a whole number", "[initial]\npeople = [{ status = \"active\", sessions = 80 }]\n", "80 is outside the plausible range 0 to 60; did you mean 8?", ""},
		{"in range", "[costs]\non_cost_share = 0.3\n", "", ""},
		{"referrals ten times the team's", "[demand]\nreferrals_per_week = 180\n",
			"x.toml:4:1: demand.referrals_per_week = 180: warning: 180 referrals a week for 3 link-worker FTE (workforce.link_workers × fte) is 60 a week each, more than four times the typical 6.67 (about 20 a week for a PCN's three); did you mean 18?", ""},
		{"referrals for a large team", "[demand]\nreferrals_per_week = 180\n[workforce]\nlink_workers = 27\n[initial]\nactive = 80\n", "", ""},
		{"a tenth of a post, referrals as usual", "[workforce]\nfte = 0.1\n", "is 66.7 a week each, more than four times the typical 6.67 (about 20 a week for a PCN's three)\n", ""},
		{"referrals for part-time posts", "[demand]\nreferrals_per_week = 40\n[workforce]\nfte = 0.4\n", "is 33.3 a week each", ""},
		{"fewer places than today's caseloads", "[workforce]\nlink_workers = 1\n",
			"x.toml:4:1: initial.active = 80: warning: more people on caseloads than there are caseload places (45: workforce.link_workers × the places of a post, fte × caseload_cap_per_fte rounded down, = 1 × 45): the other 35 start at the front of the waiting list, as a leaver's caseload is handed back", ""},
		{"warnings off", "[run]\nplausibility_warnings = false\n[costs]\non_cost_share = 28\n", "", ""},
		{"warnings off, an error still", "[run]\nplausibility_warnings = false\n[costs]\non_cost_share = 1e308\n", "", "costs.on_cost_share = 1e+308: must be between"},
		{"warnings on", "[run]\nplausibility_warnings = true\n[costs]\non_cost_share = 28\n", "did you mean 0.28?", ""},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("name = \"x\"\nextends = \"baseline\"\n" + tt.body)
			l, err := LoadBytes(filepath.Join(dir, "x.toml"), data, Options{})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, want error %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := warningLines(l.Warnings)
			if tt.warn == "" && got != "" || !strings.Contains(got, tt.warn) {
				t.Fatalf("warnings:\n%s\nwant %q", got, tt.warn)
			}
			if tt.warn == "" {
				return
			}
			if _, err := LoadBytes(filepath.Join(dir, "x.toml"), data, Options{Strict: true}); err == nil || !strings.Contains(err.Error(), "under --strict") {
				t.Errorf("strict: got %v, want the warning as an error", err)
			}
		})
	}
}

// TestNoSillyFix: a value of 1 or less is not taken for a larger one's
// slip: 0.9 for a share whose typical range ends at 0.8 gets no "did you
// mean 0.009?", and no suggestion carries floating-point noise.
func TestNoSillyFix(t *testing.T) {
	for _, body := range []string{"[support]\ntiered_reserved_share = 0.9\n", "[workforce]\nadmin_share = 0.99\n"} {
		l, err := LoadBytes("x.toml", []byte("name = \"x\"\nextends = \"baseline\"\n"+body), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Warnings) != 1 || strings.Contains(l.Warnings[0].String(), "did you mean") {
			t.Errorf("%q: warnings %q, want one without a fix", body, l.Warnings)
		}
	}
}

// TestNoFixForOne: a caseload cap of 1 is outside the plausible range, but
// it is no slip of 100, which was suggested.
func TestNoFixForOne(t *testing.T) {
	data := []byte("name = \"x\"\nextends = \"baseline\"\n[workforce]\ncaseload_cap_per_fte = 1\n[initial]\nactive = 0\n")
	l, err := LoadBytes(filepath.Join(t.TempDir(), "x.toml"), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0].String(), "outside the plausible range 10 to 150") || strings.Contains(l.Warnings[0].String(), "did you mean") {
		t.Errorf("warnings %v", l.Warnings)
	}
}

// TestShareKeysAreKeys: every key read as a percentage is a key of the
// scenario, whose typical values are a fraction's (at most 1).
func TestShareKeysAreKeys(t *testing.T) {
	shares := 0
	for k, bd := range ranges {
		if !bd.share {
			continue
		}
		shares++
		if bd.hard.lo < -1 || bd.hard.hi > 100 || bd.typical.hi > 1 {
			t.Errorf("%s is read as a share but its typical range %v is not a fraction's", k, bd.typical)
		}
	}
	if shares < 20 {
		t.Errorf("%d keys read as shares, want the 20 fractions of the scenario", shares)
	}
}
