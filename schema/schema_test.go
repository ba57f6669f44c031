package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/schema"
)

func decode(t *testing.T, name, text string) map[string]any {
	t.Helper()
	var doc map[string]any
	if _, err := toml.Decode(text, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// TestLibraryScenariosMatchTheSchema: every built-in scenario, as written,
// is valid against the schema an editor would use.
func TestLibraryScenariosMatchTheSchema(t *testing.T) {
	s := schema.Scenario()
	n := 0
	for _, sc := range scenarios.List() {
		src, ok := scenarios.Source(sc.Name)
		if !ok {
			t.Fatalf("no source for %s", sc.Name)
		}
		for _, err := range schema.Validate(s, decode(t, sc.Name, string(src))) {
			t.Errorf("%s.toml: %v", sc.Name, err)
		}
		n++
	}
	if n < 10 {
		t.Errorf("checked only %d library scenarios", n)
	}
}

// TestSchemaAcceptsWhatTheLoaderAccepts: keys the loader takes that are
// not parameters are in the schema too, checked against the loader.
func TestSchemaAcceptsWhatTheLoaderAccepts(t *testing.T) {
	s := schema.Scenario()
	tests := []struct {
		toml    string
		loadErr bool
	}{
		{"extends = \"funding-cliff\"\ntimeline_replace = true", false},
		{"extends = \"funding-cliff\"\ntimeline_replace = false", false},
		{"extends = \"funding-cliff\"\ntimeline_replace = \"yes\"", true},
	}
	for _, tt := range tests {
		text := "name = \"x\"\n" + tt.toml
		path := filepath.Join(t.TempDir(), "x.toml")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := scenarios.Load(path)
		errs := schema.Validate(s, decode(t, tt.toml, text))
		if loaded := err == nil; loaded != (len(errs) == 0) || loaded == tt.loadErr {
			t.Errorf("%q: the loader says %v, the schema %q", tt.toml, err, errs)
		}
	}
}

// TestSchemaRefusesWhatTheLoaderRefuses: the schema catches the mistakes
// an editor should underline.
func TestSchemaRefusesWhatTheLoaderRefuses(t *testing.T) {
	s := schema.Scenario()
	tests := []struct{ toml, want string }{
		{"[workforce]\nlink_worker = 4", "workforce.link_worker: is not a key"},
		{"[workforce]\nlink_workers = \"four\"", "workforce.link_workers: is text, want integer"},
		{"[workforce]\nlink_workers = -1", "below the minimum 0"},
		{"[demand]\ninappropriate_share = 12.0", "above the maximum 1"},
		{"[support]\nmodel = \"long\"", "want one of short_term, longer_term, tiered"},
		{"[services.x]\nwhen_full = \"queue\"", "services.x.when_full"},
		{"[profiles.low]\nsessions = { dist = \"normal\", mean = 3.0 }", "profiles.low.sessions: matches 0"},
		{"[[timeline]]\nweek = 10\nlink_workers = 2.5", "timeline[0].link_workers"},
		{"horizon = 3", "horizon: is not a key"},
	}
	for _, tt := range tests {
		errs := schema.Validate(s, decode(t, tt.toml, "name = \"x\"\n"+tt.toml))
		var got []string
		for _, e := range errs {
			got = append(got, e.Error())
		}
		if !strings.Contains(strings.Join(got, "\n"), tt.want) {
			t.Errorf("%q: errors %q, want one containing %q", tt.toml, got, tt.want)
		}
	}
}

// TestSchemaIsJSONWithDescriptions: the schema is valid JSON and describes
// its keys with their units and allowed values.
func TestSchemaIsJSONWithDescriptions(t *testing.T) {
	var b bytes.Buffer
	if err := schema.Write(&b); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	text := b.String()
	for _, want := range []string{`"$schema": "https://json-schema.org/draft/2020-12/schema"`,
		"mean referrals a week", "Unit: weeks.", `"enum": [`, `"fcfs"`, "negative_binomial", `"additionalProperties": false`} {
		if !strings.Contains(text, want) {
			t.Errorf("schema lacks %q", want)
		}
	}
}

// TestChoicesAreTheLoadersChoices: every allowed value in the schema loads,
// and a value outside them is refused, so the two lists cannot drift.
func TestChoicesAreTheLoadersChoices(t *testing.T) {
	s := schema.Scenario()
	props := s["properties"].(schema.Schema)
	for _, c := range []struct{ table, key string }{{"workforce", "allocation"}, {"workforce", "handover"}, {"support", "model"}} {
		allowed := props[c.table].(schema.Schema)["properties"].(schema.Schema)[c.key].(schema.Schema)["enum"].([]string)
		for _, v := range append(allowed, "bogus") {
			dir := t.TempDir()
			path := dir + "/x.toml"
			text := "name = \"x\"\nextends = \"baseline\"\n[" + c.table + "]\n" + c.key + " = \"" + v + "\"\n"
			if err := writeFile(path, text); err != nil {
				t.Fatal(err)
			}
			_, err := scenarios.Load(path)
			if (err == nil) != (v != "bogus") {
				t.Errorf("%s.%s = %q: load error %v", c.table, c.key, v, err)
			}
		}
	}
}

func writeFile(path, text string) error { return os.WriteFile(path, []byte(text), 0o644) }
