package scenarios

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInputMessages: each file in testdata gives the message
// docs/bad-input.md shows for it (issue 10), as an error or a warning.
func TestBadInputMessages(t *testing.T) {
	tests := []struct{ file, msg string }{
		{"hint_smart.toml", "4:14: TOML syntax error: expected value but found '“' instead; curly quotes (“ at column 14) are not quotes in TOML"},
		{"hint_nbsp.toml", "4:4: TOML syntax error: expected '.' or '=', but got '\\u00a0' instead; a non-breaking or other special space (U+00A0) at column 4"},
		{"hint_endash.toml", "4:17: TOML syntax error: expected value but found '–' instead; – (column 17) is not a minus sign in TOML"},
		{"hint_comma.toml", "numbers take a decimal point, not a comma: write 0.5, not 0,5"},
		{"hint_cr.toml", "old Mac line endings"},
		{"hint_dup.toml", "7:2: TOML syntax error: Key 'workforce' has already been defined.; [workforce] is written twice (first at line 3)"},
		{"hint_utf16.toml", "hint_utf16.toml: the file is UTF-16 text (what Windows calls \"Unicode\"); save it as UTF-8"},
		{"hint_nan.toml", "NaN and infinity are not allowed: write a finite number"},
		{"hint_seed.toml", "4:1: run.seed = -1: must be 0 or more"},
		{"hint_places.toml", "4:1: services.wellbeing_groups.places = 1e+308: too large for a whole number here"},
		{"hint_ext.toml", `2:1: extends = "baseline.toml": no file scenarios/testdata/baseline.toml; did you mean extends = "baseline"`},
		{"hint_horizon.toml", "4:1: run.horizon_weeks = 4: the horizon must be longer than the warm-up, run.warmup_weeks = 78 (inherited)"},
		{"typos.toml", "4:1: costs.on_cost_share = 28: warning: 28 is outside the plausible range 0 to 0.6"},
		{"overflow_cap.toml", "4:1: workforce.caseload_cap_per_fte = 1e+19: must be between 1 and 10000"},
		{"overflow_salary.toml", "4:1: costs.salary_per_fte_year = 1e+308: must be between 0 and 1000000"},
		{"huge_waiting.toml", "4:1: initial.waiting = 9223372036854775807: must be between 0 and 10000000"},
		{"checkin_tiny.toml", "4:1: holding.checkin_interval_weeks = 1e-09: must be between 0.1 and 52"},
		{"cap_no_places.toml", "which rounds down to none, so nobody would be seen"},
		{"profiles_256.toml", "3:1: profiles: 259 profiles: at most 255"},
		{"extends_secret.toml", "a scenario file's name ends in .toml"},
		{"empty_service_name.toml", `3:1: services."": a service name must not be empty`},
		{"counts_beside_people.toml", "8:1: initial.waiting = 7: give today's people as counts or as initial.people, not both: the people are counted (0 waiting), so this count would be dropped"},
		{"bad_initial_date.toml", `4:1: initial.date = "2025-11-30T25:00": "2025-11-30T25:00" is not a date: "25:00" after the date is not a time of day`},
		{"services_not_table.toml", "3:1: services = 3: expected a table, got a whole number"},
		{"extends_not_scenario.toml", "not a spsim scenario: it has keys that scenarios do not have, or no name = \"...\" (its contents are not shown)"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			l, err := LoadWith(path, Options{})
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				for _, w := range l.Warnings {
					got += w.String() + "\n"
				}
			}
			want := strings.ReplaceAll(tt.msg, "scenarios/testdata/", "testdata/")
			if !strings.Contains(got, want) {
				t.Errorf("got:\n%s\nwant it to contain:\n%s", got, want)
			}
			if strings.Contains(got, "hunter2") {
				t.Errorf("echoes a secret: %s", got)
			}
		})
	}
}
