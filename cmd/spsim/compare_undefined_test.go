package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareUndefinedIsNotTooFewReplications: with no link workers
// nobody is seen, so the wait is not defined; the verdict's sentence says
// it cannot be compared, and the report's verdict table and compare.csv
// must not say instead that more replications would tell.
func TestCompareUndefinedIsNotTooFewReplications(t *testing.T) {
	dir := t.TempDir()
	none := filepath.Join(dir, "none.toml")
	const file = "name = \"none\"\nextends = \"baseline\"\n\n[run]\nhorizon_weeks = 78\nwarmup_weeks = 13\n\n[initial]\nactive = 0\n\n[workforce]\nlink_workers = 0\n"
	if err := os.WriteFile(none, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stdout, _ := spsim(t, "compare", short, none, "--jobs", "2", "--outputs", "summary,report", "-o", out)
	if !strings.Contains(stdout, "waits and link-worker turnover cannot be compared (not defined in one of them)") {
		t.Errorf("stdout:\n%s", stdout)
	}
	for _, c := range []struct{ file, want, not string }{
		{"report.html", "not defined in one of them or both", "too few replications to tell"},
		{"compare.csv", "wait_first_contact_mean_weeks,none,NA,NA,NA,NA,NA,NA,NA,NA,0,weeks,not_defined,", "undetermined"},
		{"compare.json", `"effect": "not_defined"`, `"undetermined"`},
	} {
		b, err := os.ReadFile(filepath.Join(out, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if s := string(b); !strings.Contains(s, c.want) || strings.Contains(s, c.not) {
			t.Errorf("%s: want %q, and not %q", c.file, c.want, c.not)
		}
	}
}
