package scenarios

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestServicesNotATable: services = 3 (or 0, or []) over the baseline
// dropped every inherited service, and the type error came last, after an
// error for every need left unmet, each blamed on the built-in baseline.
// It is now the one error, as groups = 3 is.
func TestServicesNotATable(t *testing.T) {
	for _, tt := range []struct{ value, want string }{
		{"3", "s3.toml:3:1: services = 3: expected a table, got a whole number"},
		{"0", "s3.toml:3:1: services = 0: expected a table, got a whole number"},
		{"[]", "s3.toml:3:1: services = []: expected a table, got an array"},
	} {
		t.Run(tt.value, func(t *testing.T) {
			_, err := LoadBytes("s3.toml", []byte("name = \"s3\"\nextends = \"baseline\"\nservices = "+tt.value+"\n"), Options{})
			var es Errors
			if !errors.As(err, &es) || len(es) != 1 || es[0].Error() != tt.want {
				t.Errorf("%v\nwant the one error %s", err, tt.want)
			}
		})
	}
	c := loadBaseline(t)
	_, err := SetWarn(c, "services", "3")
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 || es[0].Error() != "services = 3: expected a table, got a whole number" {
		t.Errorf("--set services=3: %v\nwant the one error services = 3: expected a table", err)
	}
}

// TestKeyEndingInADot: "services." was read as "services", so --set
// services.=3 and an areas file's column headed services. set the whole
// services table; a key ending in a dot is now refused.
func TestKeyEndingInADot(t *testing.T) {
	for _, key := range []string{"services.", `services."wellbeing_groups".`, "workforce.link_workers."} {
		c := loadBaseline(t)
		if _, err := SetWarn(c, key, "3"); err == nil || !strings.Contains(err.Error(), "a key path has no empty parts") {
			t.Errorf("--set %s=3: %v, want it refused for its empty part", key, err)
		}
	}
	dir := writeFiles(t, map[string]string{
		"s.toml":    "name = \"s\"\nextends = \"baseline\"\n[areas]\nfile = \"areas.csv\"\n",
		"areas.csv": "name,services.\nnorth,3\n",
	})
	_, err := LoadFile(filepath.Join(dir, "s.toml"))
	if want := filepath.Join(dir, "areas.csv") + ":1:2: services.: not a scenario key"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("an areas column headed services.: %v\nwant %s", err, want)
	}
	for key, want := range map[string][]string{
		"services.":          {"services", ""},
		`services."a b".`:    {"services", "a b", ""},
		"services.a":         {"services", "a"},
		`services."a.b"`:     {"services", "a.b"},
		`services."".places`: {"services", "", "places"},
	} {
		if got := splitKey(key); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("splitKey(%s) = %q, want %q", key, got, want)
		}
	}
}
