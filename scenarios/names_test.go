package scenarios

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyCollectionNames: a service, group, profile or role named "" (or
// only spaces, or only characters that print as nothing) is refused at its
// table, as an empty category is; the simulator would otherwise panic on
// its KPI names. An entry that also lacks keys is told both.
func TestEmptyCollectionNames(t *testing.T) {
	bodies := map[string]string{
		"services": `categories = ["physical_activity"]
places = 10
engagement_weeks = 8.0
acceptance_probability = 0.9
completion_probability = 0.8
when_full = "waitlist"
patience_weeks = 4.0
closure_hazard_per_year = 0.1
grant_per_place_year = 500.0
`,
		"groups":   "share = 0\npatience_multiplier = 1\nvcse_acceptance_multiplier = 1\n",
		"profiles": "share = 0\ncomplex = false\nsessions = 4\npatience_weeks = 12\ndna_probability = 0.1\ngp_appointments_per_year = 5\n",
		"roles": `posts = 1
fte = 1
caseload_cap_per_fte = 40
salary_per_fte_year = 30000
leaving_hazard_per_year = 0.1
profiles = ["complex"]
support = { max_sessions = 6, max_weeks = 12 }
`,
	}
	kinds := map[string]string{"services": "service", "groups": "group", "profiles": "profile", "roles": "role"}
	tests := []struct {
		name, family, key, body string
		wants                   []want
	}{
		{"empty service", "services", `""`, bodies["services"], nil},
		{"empty group", "groups", `""`, bodies["groups"], nil},
		{"empty profile", "profiles", `""`, bodies["profiles"], nil},
		{"empty role", "roles", `""`, bodies["roles"], nil},
		{"a space", "services", `" "`, bodies["services"], nil},
		{"a zero-width space", "services", `"\u200b"`, bodies["services"], nil},
		{"a byte-order mark and a no-break space", "groups", `"\ufeff\u00a0"`, bodies["groups"], nil},
		{"a Hangul filler", "roles", `"\u3164"`, bodies["roles"], nil},
		{"new entry lacking keys", "groups", `""`, "share = 0\n", []want{{line: 3, key: `groups.""`, msg: "missing required keys"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "name = \"e\"\nextends = \"baseline\"\n[" + tt.family + "." + tt.key + "]\n" + tt.body
			dir := writeFiles(t, map[string]string{"e.toml": text})
			path := filepath.Join(dir, "e.toml")
			_, err := LoadFile(path)
			key := tt.family + "." + tt.key
			if strings.Contains(tt.key, `\`) {
				key = keyString([]string{tt.family, mustUnquote(t, tt.key)})
			}
			wants := append([]want{{line: 3, key: key, msg: "a " + kinds[tt.family] + " name must not be empty"}}, tt.wants...)
			checkErrors(t, path, err, wants)
		})
	}
}

func mustUnquote(t *testing.T, quoted string) string {
	t.Helper()
	v, err := parseValue(quoted)
	if err != nil {
		t.Fatal(err)
	}
	return v.(string)
}

// TestBlank: names that print as nothing are blank; others, however
// short or foreign, are not.
func TestBlank(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"", true}, {" ", true}, {"\t", true}, {"\u00a0", true}, {"\u200b", true}, {"\u200d\u2060", true},
		{"\ufeff", true}, {"\u3164", true}, {"\ufe0f", true},
		{"a", false}, {"\u200ba", false}, {"é", false}, {"_", false}, {"北", false},
	} {
		if got := blank(tt.s); got != tt.want {
			t.Errorf("blank(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestInvisibleNames: the scenario's name and question, a category and an
// area name that print as nothing are refused as empty ones are.
func TestInvisibleNames(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Config)
		key    string
	}{
		{"scenario name", func(c *Config) { c.Name = "\u200b" }, "name"},
		{"question", func(c *Config) { c.Question = "\u2060 \ufeff" }, "question"},
		{"category", func(c *Config) { c.Categories = append([]string{"\u200b"}, c.Categories...) }, "categories.0"},
		{"area", func(c *Config) { c.Areas.List = []AreaSpec{{Name: "a"}, {Name: "\u200b"}} }, "areas.list.1.name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := loadBaseline(t)
			tt.change(c)
			errs := Validate(c)
			if len(errs) != 1 || errs[0].Key != tt.key || !strings.Contains(errs[0].Msg, "which prints as nothing") {
				t.Errorf("Validate = %v, want one error at %s saying the name prints as nothing", errs, tt.key)
			}
		})
	}
}

// TestControlCharactersInNames: a service, group, profile or role name is
// printed to the terminal and written to reports, so an escape or a line
// break in one is refused at its table.
func TestControlCharactersInNames(t *testing.T) {
	for _, tt := range []struct{ family, key, body string }{
		{"groups", `"red\u001b[31m"`, "share = 0\npatience_multiplier = 1\nvcse_acceptance_multiplier = 1\n"},
		{"profiles", `"two\nlines"`, "share = 0\ncomplex = false\nsessions = 4\npatience_weeks = 12\ndna_probability = 0.1\ngp_appointments_per_year = 5\n"},
	} {
		text := "name = \"e\"\nextends = \"baseline\"\n[" + tt.family + "." + tt.key + "]\n" + tt.body
		dir := writeFiles(t, map[string]string{"e.toml": text})
		path := filepath.Join(dir, "e.toml")
		_, err := LoadFile(path)
		key := keyString([]string{tt.family, mustUnquote(t, tt.key)})
		checkErrors(t, path, err, []want{{line: 3, key: key, msg: "must not contain control characters"}})
	}
}

// TestControlCharactersInCategories: a category name is printed in messages
// and reports as the others are, so an escape in one is refused.
func TestControlCharactersInCategories(t *testing.T) {
	l, err := LoadBytes("c.toml", []byte("name = \"c\"\nextends = \"baseline\"\ncategories = [\"physical_activity\", \"social_connection\", \"mental_wellbeing\", \"red\\u001b[31m\"]\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "a category name must not contain control characters") {
		t.Errorf("%v, %v; want the escape refused", l, err)
	}
}
