package scenarios

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/spsim/spsim/internal/usage"
)

func loadBaseline(t *testing.T) *Config {
	t.Helper()
	c, err := Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSet(t *testing.T) {
	tests := []struct {
		key, value string
		check      func(c *Config) bool
	}{
		{"workforce.link_workers", "6", func(c *Config) bool { return c.Workforce.LinkWorkers == 6 }},
		{"services.wellbeing_groups.places", "20", func(c *Config) bool { return c.Services["wellbeing_groups"].Places == 20 }},
		{"demand.referrals_per_week", "25.5", func(c *Config) bool { return c.Demand.ReferralsPerWeek == 25.5 }},
		{"demand.referrals_per_week", "30", func(c *Config) bool { return c.Demand.ReferralsPerWeek == 30 }},
		{"workforce.allocation", `"priority"`, func(c *Config) bool { return c.Workforce.Allocation == "priority" }},
		{"workforce.allocation", "priority", func(c *Config) bool { return c.Workforce.Allocation == "priority" }},
		{"holding.enabled", "false", func(c *Config) bool { return !c.Holding.Enabled }},
		{"workforce.recruitment_delay_weeks.mean", "10", func(c *Config) bool {
			s, was := c.Workforce.RecruitmentDelayWeeks, loadBaseline(t).Workforce.RecruitmentDelayWeeks
			return *s.Mean == 10 && *s.SD == *was.SD && s.Dist == was.Dist
		}},
		{"workforce.recruitment_delay_weeks", `{ dist = "exponential", mean = 5 }`, func(c *Config) bool {
			s := c.Workforce.RecruitmentDelayWeeks
			return s.Dist == "exponential" && *s.Mean == 5 && s.SD == nil
		}},
		{"profiles.low.needs", "{ social_connection = 0.9 }", func(c *Config) bool {
			return reflect.DeepEqual(c.Profiles["low"].Needs, map[string]float64{"social_connection": 0.9})
		}},
		{"support.short_term.max_sessions", "8", func(c *Config) bool { return c.Support.ShortTerm.MaxSessions == 8 }},
		// Numbers TOML does not take but tools write, and a spreadsheet's
		// FALSE: read as an areas file's cells are ("want a number").
		{"workforce.fte", ".9", func(c *Config) bool { return c.Workforce.FTE == 0.9 }},
		{"demand.referrals_per_week", "26.", func(c *Config) bool { return c.Demand.ReferralsPerWeek == 26 }},
		{"workforce.link_workers", "007", func(c *Config) bool { return c.Workforce.LinkWorkers == 7 }},
		{"holding.enabled", "FALSE", func(c *Config) bool { return !c.Holding.Enabled }},
		{"name", "007", func(c *Config) bool { return c.Name == "007" }}, // text stays text
		{"support.session_interval_weeks", ".5", func(c *Config) bool {
			return c.Support.SessionIntervalWeeks.Value != nil && *c.Support.SessionIntervalWeeks.Value == 0.5
		}},
		{"timeline", "[{ week = 52, link_workers = 6 }]", func(c *Config) bool {
			return len(c.Timeline) == 1 && *c.Timeline[0].LinkWorkers == 6
		}},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			c := loadBaseline(t)
			if err := Set(c, tt.key, tt.value); err != nil {
				t.Fatalf("Set: %v", err)
			}
			if !tt.check(c) {
				t.Errorf("value not set")
			}
			if errs := Validate(c); errs != nil {
				t.Errorf("Validate after Set = %v", errs)
			}
		})
	}
}

func TestSetTimelineEntry(t *testing.T) {
	c, err := Load("funding-cliff")
	if err != nil {
		t.Fatal(err)
	}
	if err := Set(c, "timeline.0.week", "52"); err != nil {
		t.Fatal(err)
	}
	if c.Timeline[0].Week != 52 || c.Extends != "baseline" || c.Name != "funding-cliff" {
		t.Errorf("week %d extends %q name %q", c.Timeline[0].Week, c.Extends, c.Name)
	}
}

func TestSetErrors(t *testing.T) {
	tests := []struct{ key, value, msg string }{
		{"workforce.link_wrokers", "6", `did you mean "link_workers"?`},
		{"demand.referrals_per_week", "-1", "must be > 0"},
		{"workforce.link_workers", "six", "six: want a whole number (funded link-worker posts, 0-100000)"},
		{"demand.referrals_per_week", "abc", "abc: want a number (mean referrals a week"},
		{"holding.enabled", "yes", "want true or false (whether people stay on caseload"},
		{"support.session_interval_weeks", "gamma", `want a number or a distribution, such as { dist = "gamma", mean = 2, sd = 1 }`},
		{"timeline", "week 3", "want a list in brackets"},
		{"demand.referals_per_week", "abc", `did you mean "referrals_per_week"?`},
		{"workforce.link_workers", "6.5", "expected a whole number"},
		{"workforce.fte.x", "1", "is a single value, not a table"},
		{"timeline.3.week", "10", "timeline has no entries"},
		{"run.horizon_weeks", "20", "a timeline week past the horizon"},
		{"services.new_service.places", "20", "missing required keys in [services.new_service]"},
		{"", "1", "no key given"},
		{"extends", `"baseline"`, "extends cannot be set"},
		{"workforce..fte", "1", "no empty parts"},
		{"demand.referrals_per_week", "1e400", "1e400: a number too large to read (mean referrals a week"},
		{"holding.enabled", "yes", "want true or false"},
		// Numbers as a spreadsheet formats them: told how to write them.
		{"workforce.fte", "90%", "want a number (full-time equivalent per post, over 0 up to 1.5): write a share as a fraction: 0.9 for 90%"},
		{"demand.referrals_per_week", "1,234", "write 1234, without thousands separators"},
		{"workforce.fte", "0,9", "numbers take a decimal point, not a comma: write 0.9"},
		{"workforce.link_workers", "1,234", "want a whole number (funded link-worker posts, 0-100000): write 1234, without thousands separators"},
		{"costs.salary_per_fte_year", "£32,000", "write 32000, without £ or thousands separators"},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			c := loadBaseline(t)
			if tt.key == "run.horizon_weeks" {
				if err := Set(c, "timeline", "[{ week = 52, link_workers = 6 }]"); err != nil {
					t.Fatal(err)
				}
			}
			before := *c
			err := Set(c, tt.key, tt.value)
			var es Errors
			if !errors.As(err, &es) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Set = %v (%T), want Errors with %q", err, err, tt.msg)
			}
			if !reflect.DeepEqual(*c, before) {
				t.Error("a failed Set changed the Config")
			}
		})
	}
}

func TestLoadWithSets(t *testing.T) {
	seed := uint64(7)
	c, _, err := LoadWithSets("baseline", &seed, []string{"workforce.link_workers = 5"})
	if err != nil || c.Workforce.LinkWorkers != 5 || c.Run.Seed != 7 {
		t.Fatalf("LoadWithSets: %v, link workers %v, seed %v", err, c.Workforce.LinkWorkers, c.Run.Seed)
	}
	if _, ws, err := LoadWithSets("baseline", nil, []string{"costs.on_cost_share=28"}); err != nil || len(ws) != 1 || !strings.HasPrefix(ws[0], "--set costs.on_cost_share = 28") {
		t.Errorf("--set costs.on_cost_share=28: warnings %q, error %v; want one warning", ws, err)
	}
	if _, _, err := LoadWithSets("baseline", nil, []string{"workforce.link_wrokers=5"}); err == nil || !strings.Contains(err.Error(), "--set workforce.link_wrokers=5") {
		t.Errorf("a bad --set: %v", err)
	}
}

// TestSetAllTogether: values that are valid only together, such as group
// shares that must sum to 1, are set together; one at a time each is
// refused, and a refusal leaves the scenario as it was.
func TestSetAllTogether(t *testing.T) {
	c, err := Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	if err := Set(c, "groups.rest.share", "0.7"); err == nil || !strings.Contains(err.Error(), "sum to") {
		t.Fatalf("one share alone: %v, want the sum refused", err)
	}
	before := *c
	if _, err := SetAll(c, []KeyValue{{"groups.rest.share", "0.7"}, {"groups.most_deprived.share", "0.2"}}); err == nil {
		t.Fatal("shares summing to 0.9 were accepted")
	}
	if !reflect.DeepEqual(*c, before) {
		t.Error("a refused SetAll changed the Config")
	}
	if _, err := SetAll(c, []KeyValue{{"groups.rest.share", "0.7"}, {"groups.most_deprived.share", "0.3"}}); err != nil {
		t.Fatal(err)
	}
	if c.Groups["rest"].Share != 0.7 || c.Groups["most_deprived"].Share != 0.3 {
		t.Errorf("shares %v and %v", c.Groups["rest"].Share, c.Groups["most_deprived"].Share)
	}
	c, _, err = LoadWithSets("baseline", nil, []string{"groups.rest.share=0.7", "groups.most_deprived.share=0.3"})
	if err != nil || c.Groups["rest"].Share != 0.7 {
		t.Errorf("two --set group shares: %v", err)
	}
}

// TestSetWarn: a plausible typo set by key path is warned of with the
// typical value, as it would be in a file; a likely value, and the rest of
// the scenario, give no warning.
func TestSetWarn(t *testing.T) {
	for _, tc := range []struct {
		key, value string
		want       string // in the one warning; "" for none
	}{
		{"costs.on_cost_share", "28", "0.28"},
		{"costs.on_cost_share", "0.3", ""},
		{"workforce.link_workers", "5", ""},
	} {
		c := loadBaseline(t)
		ws, err := SetWarn(c, tc.key, tc.value)
		if err != nil {
			t.Fatalf("%s=%s: %v", tc.key, tc.value, err)
		}
		switch {
		case tc.want == "" && len(ws) != 0:
			t.Errorf("%s=%s: warnings %v, want none", tc.key, tc.value, ws)
		case tc.want != "" && (len(ws) != 1 || ws[0].Key != tc.key || !strings.Contains(ws[0].String(), tc.want)):
			t.Errorf("%s=%s: warnings %v, want one on %s naming %s", tc.key, tc.value, ws, tc.key, tc.want)
		}
	}
}

// TestWarningAfterAFlag: a warning about the key a flag set names it as
// the file would; one about another key the setting made unlikely names
// the setting first.
func TestWarningAfterAFlag(t *testing.T) {
	c, err := Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key, value, want string
	}{
		{"costs.on_cost_share", "28", "--vary costs.on_cost_share = 28: warning: 28 is outside the plausible range"},
		{"workforce.link_workers", "1", "--vary workforce.link_workers=1: initial.active = 80: warning: more people on caseloads than there are caseload places"},
	} {
		c := *c
		ws, err := SetWarn(&c, tc.key, tc.value)
		if err != nil || len(ws) != 1 {
			t.Fatalf("%s=%s: %v, %v", tc.key, tc.value, ws, err)
		}
		if got := ws[0].After("--vary", tc.key, tc.value); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%q, want it to start %q", got, tc.want)
		}
	}
}

// TestSetMapWholeWarns: a profile's needs or a group's service_acceptance
// set whole drops the entries it does not give, as a child file's map does:
// that is warned of, naming them; one entry set alone, or every entry
// given, is not.
func TestSetMapWholeWarns(t *testing.T) {
	for _, tt := range []struct{ key, value, want string }{
		{"profiles.low.needs", "{ physical_activity = 0.5 }", "replaces the whole needs, so mental_wellbeing, social_connection, not given here, are dropped"},
		{"profiles.low.needs", "{ physical_activity = 0.5, mental_wellbeing = 0.2, social_connection = 0 }", ""},
		{"profiles.low.needs.physical_activity", "0.5", ""},
		{"groups.most_deprived.service_acceptance", "{ wellbeing_groups = 0.8 }", "replaces the whole service_acceptance, so"},
	} {
		c, err := Load("baseline")
		if err != nil {
			t.Fatal(err)
		}
		if tt.key == "groups.most_deprived.service_acceptance" && len(c.Groups["most_deprived"].ServiceAcceptance) < 2 {
			c.Groups["most_deprived"].ServiceAcceptance = map[string]float64{"wellbeing_groups": 0.9, "advice_money_housing": 0.9}
		}
		ws, err := SetWarn(c, tt.key, tt.value)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, w := range ws {
			got += w.Message
		}
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("--set %s=%s: warnings %q, want %q", tt.key, tt.value, got, tt.want)
		}
	}
}

// TestSetCountsOverPeople: a count of today's people set on a scenario that
// gives them one by one would be dropped for theirs; it is refused, saying
// how to give counts instead, unless it is the people's own count or the
// people are cleared with it.
func TestSetCountsOverPeople(t *testing.T) {
	const people = `name = "p"
extends = "baseline"
[initial]
people = [{ status = "active", age_weeks = 4.0 }, { status = "waiting", age_weeks = 2.0 }]
`
	for _, tt := range []struct {
		kvs  []KeyValue
		want string
	}{
		{[]KeyValue{{Key: "initial.active", Value: "5"}}, "a count set here would be dropped: to give counts instead, also set initial.people=[]"},
		{[]KeyValue{{Key: "initial.waiting", Value: "7"}}, "(1 waiting, 1 on caseloads)"},
		{[]KeyValue{{Key: "initial.active", Value: "1"}}, ""},
		{[]KeyValue{{Key: "initial.people", Value: "[]"}, {Key: "initial.active", Value: "5"}}, ""},
	} {
		l, err := LoadBytes("p.toml", []byte(people), Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = SetAll(l.Config, tt.kvs)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%v: %v, want it set", tt.kvs, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%v: %v, want %q", tt.kvs, err, tt.want)
		}
	}
}

// TestSetRefusesComments: a value given alone (--set, --vary, --lever, a
// lever of the workbench) holding a TOML comment outside its quoted
// strings is refused, as a usage error naming the key, where it was read
// as the value before the comment (`3 # was 4` set 3). A # inside a quoted
// string is text.
func TestSetRefusesComments(t *testing.T) {
	tests := []struct {
		key, value string
		want       string // "" for accepted
	}{
		{"workforce.link_workers", "3 # comment", `workforce.link_workers = 3 # comment: "# comment" is a TOML comment, which a value given alone may not have (it would be dropped without a word): give the value alone, as workforce.link_workers=3, and put text holding # in quotes`},
		{"workforce.link_workers", "3#4", `"#4" is a TOML comment`},
		{"workforce.link_workers", "# 3", `the # of "# 3" would start a TOML comment, which a value given alone may not have: put text holding # in quotes, as workforce.link_workers="# 3"`},
		{"workforce.recruitment_delay_weeks", `{ dist = "gamma", mean = 13, sd = 4 } # slow`, `give the value alone, as workforce.recruitment_delay_weeks={ dist = "gamma", mean = 13, sd = 4 },`},
		{"name", "Ward #3", `put text holding # in quotes, as name="Ward #3"`},
		{"name", `"Ward" # 3`, `give the value alone, as name="Ward"`},
		{"name", `"a\"" #b`, `"#b" is a TOML comment`},
		{"timeline", `[{ week = 52, link_workers = 6, note = "#1" }] # one`, `"# one" is a TOML comment`},
		// Accepted: the # is inside a string.
		{"name", `"Ward #3"`, ""},
		{"name", `'Ward #3'`, ""},
		{"name", `"a\" #b"`, ""},
		{"name", `"""Ward #3"""`, ""},
		{"name", `'''Ward #3'''`, ""},
		{"timeline", `[{ week = 52, link_workers = 6, note = "post #4" }]`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			c := loadBaseline(t)
			before := *c
			err := Set(c, tt.key, tt.value)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Set: %v", err)
				}
				got := c.Name
				if tt.key == "timeline" {
					got = c.Timeline[0].Note
				}
				if !strings.Contains(got, "#") {
					t.Errorf("the # was dropped: %q", got)
				}
				return
			}
			var es Errors
			var u *usage.Error
			if !errors.As(err, &es) || !errors.As(err, &u) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Set = %v (%T), want Errors and a usage error with %q", err, err, tt.want)
			}
			if es[0].Key != tt.key {
				t.Errorf("the error names %q, want %q", es[0].Key, tt.key)
			}
			if !reflect.DeepEqual(*c, before) {
				t.Error("a refused Set changed the Config")
			}
		})
	}
}

// TestApplySetsRefusesComments: --set KEY=VALUE # comment is a usage error
// naming the --set as given, before any value is set.
func TestApplySetsRefusesComments(t *testing.T) {
	for _, tt := range []struct{ set, want string }{
		{"workforce.link_workers=3 # comment", `--set workforce.link_workers=3 # comment: "# comment" is a TOML comment`},
		{"workforce.link_workers = 3 # comment ", `--set workforce.link_workers=3 # comment: "# comment" is a TOML comment`},
		{"name=Ward #3", `--set name=Ward #3: the # of "#3" would start a TOML comment`},
	} {
		c := loadBaseline(t)
		_, err := ApplySets(c, []string{"demand.referrals_per_week=25", tt.set})
		var u *usage.Error
		if !errors.As(err, &u) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ApplySets(%q) = %v, want a usage error starting %q", tt.set, err, tt.want)
		}
		if c.Demand.ReferralsPerWeek == 25 {
			t.Errorf("ApplySets(%q) set the other value", tt.set)
		}
	}
}

// TestNumbersAsTextInAFile: a number written in quotes, or as a
// spreadsheet formats one, in a scenario file is told how to write it;
// text that is no number is told only what the key takes.
// TestSetWholeNumberHints: a whole-number key given a number as a
// spreadsheet formats it is not told to write what it would refuse in
// turn: 3,5 was told "write 3.5", and 50% "write a share as a fraction:
// 0.5 for 50%", for a count of posts.
func TestSetWholeNumberHints(t *testing.T) {
	for _, value := range []string{"3,5", "50%"} {
		c := loadBaseline(t)
		err := Set(c, "workforce.link_workers", value)
		if want := "workforce.link_workers = " + value + ": want a whole number (funded link-worker posts, 0-100000)"; err == nil || err.Error() != want {
			t.Errorf("%s: %v; want %q", value, err, want)
		}
	}
}

func TestNumbersAsTextInAFile(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{"[workforce]\nfte = \"0.9\"\n", `workforce.fte = "0.9": expected a number, got a string (full-time equivalent per post, over 0 up to 1.5): write it without quotes: 0.9`},
		{"[workforce]\nlink_workers = \" 3 \"\n", `expected a whole number, got a string (funded link-worker posts, 0-100000): write it without quotes: 3`},
		{"[costs]\non_cost_share = \"28%\"\n", `expected a number, got a string (employer on-costs as a share of salary, 0 or more; typical 0.28): write a share as a fraction: 0.28 for 28%`},
		{"[costs]\nsalary_per_fte_year = \"£32,000\"\n", `write 32000, without £ or thousands separators`},
		{"[workforce]\nfte = \"N/A\"\n", `expected a number, got a string (full-time equivalent per post, over 0 up to 1.5)`},
		// A whole-number key is not told to write what it refuses in turn.
		{"[workforce]\nlink_workers = \"3,5\"\n", `expected a whole number, got a string (funded link-worker posts, 0-100000)`},
		{"[workforce]\nlink_workers = \"50%\"\n", `expected a whole number, got a string (funded link-worker posts, 0-100000)`},
		{"[workforce]\nlink_workers = \"1,234\"\n", `expected a whole number, got a string (funded link-worker posts, 0-100000): write 1234, without thousands separators`},
		// As TOML writes them: .9, 26. and 007 unquoted are syntax errors.
		{"[workforce]\nfte = \".9\"\n", `write it without quotes: 0.9`},
		{"[demand]\nreferrals_per_week = \"26.\"\n", `write it without quotes: 26`},
		{"[workforce]\nlink_workers = \"007\"\n", `write it without quotes: 7`},
		{"[demand]\nreferrals_per_week = \"1e400\"\n", `expected a number, got a string (mean referrals a week; about 20 for a 40,000-patient PCN)`},
	} {
		_, err := LoadBytes("x.toml", []byte("name = \"x\"\nextends = \"baseline\"\n"+tt.body), Options{})
		if err == nil || !strings.HasSuffix(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want it to end %q", tt.body, err, tt.want)
		}
	}
}
