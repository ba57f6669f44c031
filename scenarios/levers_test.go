package scenarios_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/spsim/spsim/scenarios"
)

func TestKeyLabel(t *testing.T) {
	for _, tc := range []struct{ key, want string }{
		{"workforce.link_workers", "Link-worker posts"},
		{"services.wellbeing_groups.places", "Wellbeing groups: places"},
		{"workforce.leaving_hazard_per_year", "Yearly leaving rate with no pressure"},
		{"services.a.b.places", ""},
		{"services..places", ""},
		{"no.such.key", ""},
	} {
		if got := scenarios.KeyLabel(tc.key); got != tc.want {
			t.Errorf("KeyLabel(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

// TestLeversNameRealKeys: every lever without a default names a key the
// baseline has (a * standing for one of its services), so that no label is
// left on a key that has been renamed.
func TestLeversNameRealKeys(t *testing.T) {
	cfg, err := scenarios.Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := scenarios.Encode(&b, cfg); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if _, err := toml.Decode(b.String(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, l := range scenarios.Levers() {
		if l.Label == "" || l.Key == "" {
			t.Errorf("lever %+v without a key or label", l)
		}
		if l.Default != nil || l.Key == "funding_cliff.week" { // a workbench control, set as a timeline step
			continue
		}
		var cur any = doc
		for _, k := range strings.Split(strings.Replace(l.Key, "*", "wellbeing_groups", 1), ".") {
			m, _ := cur.(map[string]any)
			cur = m[k]
		}
		if cur == nil {
			t.Errorf("lever %s (%s): the baseline has no such key", l.Key, l.Label)
		}
	}
}

func ExampleKeyLabel() {
	for _, key := range []string{"workforce.link_workers", "services.wellbeing_groups.places", "demand.seasonal_peak_week"} {
		fmt.Printf("%s: %q\n", key, scenarios.KeyLabel(key))
	}
	// Output:
	// workforce.link_workers: "Link-worker posts"
	// services.wellbeing_groups.places: "Wellbeing groups: places"
	// demand.seasonal_peak_week: ""
}
