package output_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/study"
)

// TestCompareJSONCarriesTheComparisonsWarnings: compare.json says, as the
// report and workbook do, when a scenario covers a different period from
// the reference or had its own seed replaced for common random numbers: a
// reader of the JSON alone would otherwise take a verdict ("link-worker
// turnover rises") for one on like periods. A comparison with nothing to
// warn of has no warnings.
func TestCompareJSONCarriesTheComparisonsWarnings(t *testing.T) {
	dir := t.TempDir()
	const run = "[run]\nwarmup_weeks = 4\nhorizon_weeks = 30\n"
	for name, body := range map[string]string{
		"ref.toml":     "name = \"ref\"\nextends = \"baseline\"\n" + run,
		"shorter.toml": "name = \"shorter\"\nextends = \"baseline\"\n[run]\nwarmup_weeks = 4\nhorizon_weeks = 40\n",
		"seeded.toml":  "name = \"seeded\"\nextends = \"baseline\"\n" + run + "seed = 7\n",
		"same.toml":    "name = \"same\"\nextends = \"baseline\"\n" + run,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		other string
		want  string
	}{
		{"shorter.toml", "its KPIs cover a different period"},
		{"seeded.toml", "it runs with ref's seed 1"},
		{"same.toml", ""},
	} {
		r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{filepath.Join(dir, "ref.toml"), filepath.Join(dir, c.other)},
			Options: study.Options{Replications: 2, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out-"+c.other)
		if err := os.Mkdir(out, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := output.WriteCompare(out, r, study.Outputs{study.Summary: true}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(out, "compare.json"))
		if err != nil {
			t.Fatal(err)
		}
		var j struct {
			Warnings []string `json:"warnings"`
		}
		if err := json.Unmarshal(b, &j); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(j.Warnings, "\n")
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%s: compare.json's warnings %q; want %q", c.other, got, c.want)
		}
	}
}
