package scenarios

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestBaselineLoadsCleanly(t *testing.T) {
	c, err := Load("baseline")
	if err != nil {
		t.Fatalf("Load(baseline): %v", err)
	}
	if errs := Validate(c); errs != nil {
		t.Errorf("Validate(baseline) = %v", errs)
	}
	if c.Name != "baseline" || c.Extends != "" || c.Question == "" {
		t.Errorf("name, extends, question = %q, %q, %q", c.Name, c.Extends, c.Question)
	}
	// Spot-check values against the file itself.
	var raw map[string]any
	src, _ := Source("baseline")
	if _, err := toml.Decode(string(src), &raw); err != nil {
		t.Fatal(err)
	}
	for key, got := range map[string]any{
		"workforce.link_workers":                   int64(c.Workforce.LinkWorkers),
		"services.wellbeing_groups.places":         int64(c.Services["wellbeing_groups"].Places),
		"demand.referrals_per_week":                c.Demand.ReferralsPerWeek,
		"profiles.complex.needs.practical_support": c.Profiles["complex"].Needs["practical_support"],
	} {
		if want, ok := lookup(raw, splitKey(key)); !ok || want != got {
			t.Errorf("%s = %v, file says %v", key, got, want)
		}
	}
}

func TestEveryBuiltinLoadsCleanly(t *testing.T) {
	infos := List()
	if len(infos) == 0 || len(infos) != len(builtinNames()) {
		t.Fatalf("List() has %d entries for %d files", len(infos), len(builtinNames()))
	}
	for i, info := range infos {
		if i > 0 && infos[i-1].Name >= info.Name {
			t.Errorf("List() not sorted: %q before %q", infos[i-1].Name, info.Name)
		}
		t.Run(info.Name, func(t *testing.T) {
			if _, ok := Source(info.Name); !ok {
				t.Fatalf("name = %q does not match the file name", info.Name)
			}
			c, err := Load(info.Name)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if errs := Validate(c); errs != nil {
				t.Errorf("Validate = %v", errs)
			}
			if c.Name != info.Name || c.Question != info.Question || info.Question == "" {
				t.Errorf("Config name %q question %q; List says %q, %q", c.Name, c.Question, info.Name, info.Question)
			}
		})
	}
}

func TestSource(t *testing.T) {
	src, ok := Source("baseline")
	onDisk, err := os.ReadFile("baseline.toml")
	if !ok || err != nil || !bytes.Equal(src, onDisk) {
		t.Errorf("Source(baseline) is not baseline.toml (ok %v, err %v)", ok, err)
	}
	for _, name := range []string{"", "baseline.toml", "nope", "../scenarios/baseline", "testdata/override"} {
		if _, ok := Source(name); ok {
			t.Errorf("Source(%q) found something", name)
		}
	}
}

// TestEncodeRoundTrip checks that Load of Encode's output gives back an
// equal Config, for every built-in.
func TestEncodeRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, info := range List() {
		t.Run(info.Name, func(t *testing.T) {
			c, err := Load(info.Name)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Encode(&buf, c); err != nil {
				t.Fatalf("Encode: %v", err)
			}
			path := filepath.Join(dir, info.Name+".toml")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			back, err := LoadFile(path)
			if err != nil {
				t.Fatalf("Load(Encode(%s)): %v\n%s", info.Name, err, buf.String())
			}
			if strings.Contains(buf.String(), "It extends") {
				t.Errorf("output names extends, which the workbench's copy cannot:\n%s", buf.String())
			}
			back.Extends = c.Extends
			if !reflect.DeepEqual(back, c) {
				t.Errorf("Load(Encode(%s)) differs:\n%s", info.Name, buf.String())
			}
		})
	}
}

func TestEncodeBaselineLayout(t *testing.T) {
	c, err := Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, c); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"\nname = \"baseline\"\n",
		fmt.Sprintf("\n[workforce]\nlink_workers = %d\n", c.Workforce.LinkWorkers),
		fmt.Sprintf("\n[services.wellbeing_groups]\ncategories = [\"mental_wellbeing\"]\nplaces = %d\n", c.Services["wellbeing_groups"].Places),
		"\nrecruitment_delay_weeks = { dist = ",
		"\nshort_term = { max_sessions = ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Encode output lacks %q", want)
		}
	}
}
