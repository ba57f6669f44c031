package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestComparePeriodNamed: a scenario measured over as many weeks as the
// reference but later (another warm-up and horizon) leads its verdict with
// both periods, in the terminal, compare.json and the report alike; the
// count of weeks alone does not show them apart.
func TestComparePeriodNamed(t *testing.T) {
	dir := t.TempDir()
	later := filepath.Join(dir, "later.toml")
	// short measures weeks 13 to 77; later as many weeks, 26 to 90.
	const file = "name = \"later\"\nextends = \"baseline\"\n\n[run]\nhorizon_weeks = 91\nwarmup_weeks = 26\nreplications = 4\n"
	if err := os.WriteFile(later, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stdout, _ := spsim(t, "compare", short, later, "--jobs", "2", "--outputs", "summary,report", "-o", out)
	const want = "later is measured over weeks 26 to 90 and short over weeks 13 to 77: as many weeks, but not the same ones"
	verdict := ""
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(line, "later") {
			verdict = line
			break
		}
	}
	if !strings.HasPrefix(verdict, want) {
		t.Errorf("terminal verdict %q, want it to lead with %q\n%s", verdict, want, stdout)
	}
	for _, name := range []string{"compare.json", "report.html"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
	// A script reads the periods themselves, not only the sentence.
	b, err := os.ReadFile(filepath.Join(out, "compare.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Periods []struct {
			Scenario     string `json:"scenario"`
			WarmupWeeks  int    `json:"warmup_weeks"`
			HorizonWeeks int    `json:"horizon_weeks"`
		} `json:"periods"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	type period = struct {
		Scenario     string `json:"scenario"`
		WarmupWeeks  int    `json:"warmup_weeks"`
		HorizonWeeks int    `json:"horizon_weeks"`
	}
	if wantP := []period{{"short", 13, 78}, {"later", 26, 91}}; !reflect.DeepEqual(doc.Periods, wantP) {
		t.Errorf("compare.json periods %+v, want %+v", doc.Periods, wantP)
	}
}
