package calibrate

import (
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/spsim/spsim/internal/tomlstr"
)

// TestFragmentKeepsExtractTextInItsPlace: the names an extract brings (its
// outcomes, groups and profiles, as typed in a case-management system) and
// the file's own name reach the fragment only as comments or quoted keys
// and strings: a line break in a cell never starts a line of TOML, which
// could set any key of the scenario, and a control character never makes
// the fragment unreadable.
func TestFragmentKeepsExtractTextInItsPlace(t *testing.T) {
	inject := "done\n[workforce]\nlink_workers = 99\n#"
	tests := []struct {
		name             string
		group, outcome   string
		profile          string
		groups, profiles []string // the extended scenario's
		source           string
	}{
		{name: "outcome with line breaks", group: "rest", outcome: inject, profile: "low"},
		{name: "outcome with an escape", group: "rest", outcome: "done\x1b[2J", profile: "low"},
		{name: "outcome with a carriage return", group: "rest", outcome: "done\r[workforce]\rlink_workers = 99", profile: "low"},
		{name: "unknown group with line breaks", group: "rest]\nlink_workers = 77 #", outcome: "declined", profile: "low"},
		{name: "unknown group with a quote", group: `a"b`, outcome: "declined", profile: "low"},
		{name: "known group needing quotes", group: "most deprived", outcome: "declined", profile: "low",
			groups: []string{"most deprived", "rest"}},
		{name: "known group with a dot", group: "north.east", outcome: "declined", profile: "low",
			groups: []string{"north.east", "rest"}},
		{name: "profile with line breaks", group: "rest", outcome: "declined", profile: "low\n[workforce]\nlink_workers = 99\n#"},
		{name: "known profile needing quotes", group: "rest", outcome: "declined", profile: "very low",
			profiles: []string{"very low", "complex"}},
		{name: "file name with an escape and a line break", group: "rest", outcome: "declined", profile: "low", source: "ref\x1b\a\n.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs := Synthetic(Params{Base: 25, Growth: 0.05, Amplitude: 0.15, Peak: 10}, from, 104, 3)
			for i := range refs {
				refs[i].Group = []string{tt.group, "rest", "rest"}[i%3]
				refs[i].Outcome = []string{tt.outcome, "accepted", "declined"}[i%3]
				refs[i].Profile = []string{tt.profile, "complex"}[i%2]
			}
			x := &Extract{Referrals: refs, HasGroup: true, HasOutcome: true, HasProfile: true}
			f, err := FitExtract(x, Options{})
			if err != nil {
				t.Fatal(err)
			}
			groups := tt.groups
			if groups == nil {
				groups = []string{"most_deprived", "rest"}
			}
			profiles := tt.profiles
			if profiles == nil {
				profiles = []string{"complex", "low", "moderate"}
			}
			source := tt.source
			if source == "" {
				source = "x.csv"
			}
			sh := Summarise(x, []string{"declined"})
			var b strings.Builder
			spec := FragmentSpec{Name: "n", Source: source, Extends: "baseline", Fit: f, Shares: sh, Groups: groups, Profiles: profiles}
			if err := WriteFragment(&b, spec); err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if _, err := toml.Decode(b.String(), &doc); err != nil {
				t.Fatalf("the fragment does not read: %v\n%s", err, b.String())
			}
			for k := range doc {
				switch k {
				case "name", "extends", "question", "demand", "groups":
				default:
					t.Errorf("the fragment sets %s, from the extract's text:\n%s", k, b.String())
				}
			}
			if d, ok := doc["demand"].(map[string]any); ok {
				for k := range d {
					switch k {
					case "referrals_per_week", "annual_growth", "seasonal_amplitude", "seasonal_peak_week", "inappropriate_share":
					default:
						t.Errorf("the fragment sets demand.%s, from the extract's text", k)
					}
				}
			}
			if g, ok := doc["groups"].(map[string]any); ok {
				for name, v := range g {
					if !containsString(groups, name) {
						t.Errorf("the fragment sets groups.%q, not a group of the scenario", name)
					}
					for k := range v.(map[string]any) {
						if k != "share" && k != "profile_mix" {
							t.Errorf("the fragment sets groups.%q.%s", name, k)
						}
					}
				}
			}
			if tt.groups != nil {
				want := "groups." + tomlstr.Quote(tt.group) + ".share"
				found := false
				for _, st := range Settings(f, sh, groups) {
					found = found || st.Key == want
				}
				if !found {
					t.Errorf("Settings has no key %s: %+v", want, Settings(f, sh, groups))
				}
				if _, ok := doc["groups"].(map[string]any)[tt.group]; !ok {
					t.Errorf("the known group %q is not set:\n%s", tt.group, b.String())
				}
			}
		})
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestNotesPrintNoControlCharacters: the notes printed to the terminal name
// the extract's groups and unread columns with their control characters
// escaped: an escape sequence in a cell never reaches the terminal.
func TestNotesPrintNoControlCharacters(t *testing.T) {
	tests := []struct {
		name   string
		group  string
		unused []string
		want   string
	}{
		{name: "group with an escape", group: "Most\x1b]0;pwn\a deprived", want: `Most\x1b]0;pwn\a deprived`},
		{name: "group with a line break", group: "north\nnote: forged", want: `north\nnote: forged`},
		{name: "unread column with an escape", group: "rest", unused: []string{"nhs\x1b[31m"}, want: `nhs\x1b[31m`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs := Synthetic(Params{Base: 25}, from, 30, 3)
			for i := range refs {
				refs[i].Group = []string{tt.group, "rest"}[i%2]
			}
			x := &Extract{Referrals: refs, HasGroup: true, Unused: tt.unused}
			list := Notes(x, Summarise(x, nil), []string{"most_deprived", "rest"})
			for _, n := range list {
				if strings.ContainsFunc(n, unicode.IsControl) {
					t.Errorf("a note holds a control character: %q", n)
				}
			}
			notes := strings.Join(list, "\n")
			if !strings.Contains(notes, tt.want) {
				t.Errorf("notes %q do not name %s", notes, tt.want)
			}
		})
	}
}
