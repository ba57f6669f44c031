package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimelineInheritance: a child's steps add to its parent's, in week
// order, unless it sets timeline_replace; errors still point at the step
// as written.
func TestTimelineInheritance(t *testing.T) {
	type step struct{ week, posts int }
	tests := []struct {
		name  string
		body  string
		want  []step
		error string // a message the load fails with, if any
	}{
		{"adds to the parent's", "extends = \"funding-cliff\"\n[[timeline]]\nweek = 120\nlink_workers = 4\n",
			[]step{{104, 2}, {120, 4}}, ""},
		{"sorted by week", "extends = \"funding-cliff\"\n[[timeline]]\nweek = 150\nlink_workers = 5\n[[timeline]]\nweek = 100\nlink_workers = 1\n",
			[]step{{100, 1}, {104, 2}, {150, 5}}, ""},
		{"same week: the child's step last, so it wins", "extends = \"funding-cliff\"\n[[timeline]]\nweek = 104\nlink_workers = 3\n",
			[]step{{104, 2}, {104, 3}}, ""},
		{"inline array adds too", "extends = \"funding-cliff\"\ntimeline = [{ week = 60, link_workers = 4 }]\n",
			[]step{{60, 4}, {104, 2}}, ""},
		{"replace", "extends = \"funding-cliff\"\ntimeline_replace = true\n[[timeline]]\nweek = 120\nlink_workers = 4\n",
			[]step{{120, 4}}, ""},
		{"replace with none", "extends = \"funding-cliff\"\ntimeline_replace = true\n", nil, ""},
		{"no timeline of its own", "extends = \"funding-cliff\"\n[workforce]\nlink_workers = 4\n", []step{{104, 2}}, ""},
		{"replace is not a bool", "extends = \"funding-cliff\"\ntimeline_replace = \"yes\"\n", nil,
			`child.toml:3:1: timeline_replace = "yes": must be true or false`},
		{"error in an added step names its line", "extends = \"funding-cliff\"\n[[timeline]]\nweek = 5000\nlink_workers = 4\n", nil,
			"child.toml:4:1: timeline.1.week = 5000: a timeline week past the horizon"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "child.toml")
			if err := os.WriteFile(path, []byte("name = \"child\"\n"+tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := Load(path)
			if tt.error != "" {
				if err == nil || !strings.Contains(err.Error(), tt.error) {
					t.Fatalf("got %v, want %q", err, tt.error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []step
			for _, ch := range c.Timeline {
				got = append(got, step{ch.Week, *ch.LinkWorkers})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("timeline %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("timeline %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestOverridden: a value set at a key the timeline sets again is warned
// of, and from when it holds; varying it is refused when the timeline sets
// it before the KPIs start, since every value would give the same KPIs.
func TestOverridden(t *testing.T) {
	for _, c := range []struct {
		ref, key, warn, refuse string
	}{
		{"extra-link-worker", "workforce.link_workers", "the scenario's timeline sets it again at week 1 (a fourth link-worker post is funded), before the KPIs start at week 78, so the value set here does not reach them; set timeline.0.link_workers instead",
			"--vary workforce.link_workers: the scenario's timeline sets it again at week 1 (a fourth link-worker post is funded), before the KPIs start at week 78, so the values varied cannot reach them; vary timeline.0.link_workers instead"},
		{"vcse-investment", "services.wellbeing_groups.places", "set timeline.0.services.wellbeing_groups.places instead", "vary timeline.0.services.wellbeing_groups.places instead"},
		{"funding-cliff", "workforce.link_workers", "the scenario's timeline sets it again at week 104 (fixed-term funding for one post ends), so the value set here holds until then; timeline.0.link_workers sets the value after", ""},
		{"baseline", "workforce.link_workers", "", ""},
		{"extra-link-worker", "workforce.caseload_cap_per_fte", "", ""},
	} {
		cfg, err := Load(c.ref)
		if err != nil {
			t.Fatal(err)
		}
		ws, err := SetWarn(cfg, c.key, "50")
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, w := range ws {
			if strings.Contains(w.Message, "timeline") {
				got = w.Message
			}
		}
		if c.warn == "" && got != "" || !strings.Contains(got, c.warn) {
			t.Errorf("%s, %s: warning %q, want %q", c.ref, c.key, got, c.warn)
		}
		err = Unreached(cfg, "--vary", c.key)
		if c.refuse == "" && err != nil || c.refuse != "" && (err == nil || !strings.Contains(err.Error(), c.refuse)) {
			t.Errorf("%s, %s: varying it: %v, want %q", c.ref, c.key, err, c.refuse)
		}
	}
}

// TestUnusedProfileShare: where every group sets its own profile mix, a
// profile's share is not used: setting it warns, varying it is refused,
// each naming the groups' keys that decide it; a scenario whose groups
// take the profiles' shares (mmc) neither warns nor refuses.
func TestUnusedProfileShare(t *testing.T) {
	const mixes = "groups.most_deprived.profile_mix.complex and groups.rest.profile_mix.complex"
	for _, c := range []struct {
		ref, key, warn, refuse string
	}{
		{"baseline", "profiles.complex.share", "every population group sets its own profile mix, so the profiles' shares are not used; set " + mixes + " instead, with another profile's entry of each mix so that it still sums to 1",
			"--vary profiles.complex.share: every population group sets its own profile mix, so the profiles' shares are not used and the values varied would change nothing; vary " + mixes + " instead, with another profile's entry of each mix so that it still sums to 1"},
		{"baseline", "profiles.nosuch.share", "", ""},
		{"baseline", "profiles.complex.patience_weeks", "", ""},
		{"mmc", "profiles.only.share", "", ""},
	} {
		cfg, err := Load(c.ref)
		if err != nil {
			t.Fatal(err)
		}
		if got := Overridden(cfg, c.key); got != c.warn {
			t.Errorf("%s, %s: warning %q, want %q", c.ref, c.key, got, c.warn)
		}
		err = Unreached(cfg, "--vary", c.key)
		if c.refuse == "" && err != nil || c.refuse != "" && (err == nil || err.Error() != c.refuse) {
			t.Errorf("%s, %s: varying it: %v, want %q", c.ref, c.key, err, c.refuse)
		}
	}
}

// TestTimelineSetWholeWarns: --set timeline=[...] on funding-cliff
// replaced its week-104 step without a word, though a child file's
// [[timeline]] adds to its parent's; it warns, naming the steps dropped,
// as does an areas file's timeline column. A timeline that keeps every
// step, or a scenario with none, is not warned of.
func TestTimelineSetWholeWarns(t *testing.T) {
	const dropped = "replaces the scenario's whole timeline, so its step at week 104 (fixed-term funding for one post ends) is dropped"
	for _, tt := range []struct {
		scenario, value, want string
	}{
		{"funding-cliff", "[{ week = 150, link_workers = 5 }]", dropped},
		{"funding-cliff", `[{ week = 104, link_workers = 2, note = "fixed-term funding for one post ends" }, { week = 150, link_workers = 5 }]`, ""},
		{"baseline", "[{ week = 150, link_workers = 5 }]", ""},
	} {
		c, err := Load(tt.scenario)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(c.Timeline); tt.scenario == "funding-cliff" && (n != 1 || *c.Timeline[0].LinkWorkers != 2) {
			t.Fatalf("funding-cliff's timeline is %+v; the test assumes one step to 2 link workers", c.Timeline)
		}
		ws, err := SetWarn(c, "timeline", tt.value)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, w := range ws {
			if w.Key == "timeline" {
				got += w.Message
			}
		}
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%s --set timeline=%s: warnings %q, want %q", tt.scenario, tt.value, got, tt.want)
		}
	}
	dir := writeFiles(t, map[string]string{
		"s.toml":    "name = \"s\"\nextends = \"funding-cliff\"\n[areas]\nfile = \"areas.csv\"\n",
		"areas.csv": "name,timeline\nnorth,\"[{week=150,link_workers=5}]\"\nsouth,\n",
	})
	l, err := LoadWith(filepath.Join(dir, "s.toml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range l.Warnings {
		found = found || w.Line == 2 && strings.Contains(w.Message, `area "north": `+dropped)
	}
	if !found {
		t.Errorf("an areas file's timeline column: warnings %v, want area \"north\": %s", l.Warnings, dropped)
	}
}
