package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlacesAndFundingMustAgree: funding that is not what the places cost
// is an error naming both keys; funding that agrees, or alone, is fine.
func TestPlacesAndFundingMustAgree(t *testing.T) {
	for _, c := range []struct {
		name, toml, want string
	}{
		{"disagree", `places = 80
funding_per_year = 30000.0`, "services.wellbeing_groups.funding_per_year"},
		{"agree", `places = 80
funding_per_year = 60000.0`, ""},
		{"timeline disagrees", "", "timeline.0.services.wellbeing_groups.funding_per_year"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "name = \"x\"\nextends = \"baseline\"\nquestion = \"q\"\n"
			if c.toml != "" {
				src += "[services.wellbeing_groups]\n" + c.toml + "\n"
			} else {
				src += "[[timeline]]\nweek = 10\nservices.wellbeing_groups = { places = 80, funding_per_year = 30000.0 }\n"
			}
			path := filepath.Join(t.TempDir(), "x.toml")
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadFile(path)
			if c.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error for funding that disagrees with places")
			}
			msg := err.Error()
			for _, w := range []string{c.want, "places", "grant_per_place_year"} {
				if !strings.Contains(msg, w) {
					t.Errorf("error does not name %q:\n%s", w, msg)
				}
			}
		})
	}
}

// TestRolesRefused: a role's bad values are refused naming the key.
func TestRolesRefused(t *testing.T) {
	base := `name = "x"
extends = "navigator-triage"
question = "q"
`
	for _, c := range []struct{ name, toml, want string }{
		{"unknown profile", "[roles.care_navigator]\nprofiles = [\"lo\"]\n", "roles.care_navigator.profiles.0"},
		{"unknown handover", "[roles.care_navigator]\nhandover_to = \"doctors\"\n", "roles.care_navigator.handover_to"},
		{"profile taken twice", "[roles.coach]\nposts = 1\nfte = 1.0\ncaseload_cap_per_fte = 30\nsalary_per_fte_year = 30000.0\nleaving_hazard_per_year = 0.1\nprofiles = [\"low\"]\nsupport = { max_sessions = 6, max_weeks = 12.0 }\n", "roles.coach.profiles.0"},
		{"link workers", "[roles.link_workers]\nposts = 1\nfte = 1.0\ncaseload_cap_per_fte = 30\nsalary_per_fte_year = 30000.0\nleaving_hazard_per_year = 0.1\nprofiles = [\"moderate\"]\nsupport = { max_sessions = 6, max_weeks = 12.0 }\n", "roles.link_workers"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.toml")
			if err := os.WriteFile(path, []byte(base+c.toml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadFile(path)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one naming %s", err, c.want)
			}
		})
	}
}
