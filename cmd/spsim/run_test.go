package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// spsimFails runs spsim expecting failure and returns the exit code and
// stderr.
func spsimFails(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb)
	if code == 0 {
		t.Fatalf("spsim %s succeeded, want failure", strings.Join(args, " "))
	}
	return code, errb.String()
}

func TestRunWritesOutputsAndRefusesToOverwrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	stdout, _ := spsim(t, "run", short, "-o", dir, "--replications", "2")
	for _, want := range []string{"wait_first_contact_mean_weeks", "lw_utilisation", "outputs in"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("headline table lacks %q:\n%s", want, stdout)
		}
	}
	for _, f := range []string{"weekly.csv", "summary.csv", "summary.json", "scenario.toml", "report.html"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
	before, _ := os.ReadFile(filepath.Join(dir, "summary.csv"))
	code, stderr := spsimFails(t, "run", short, "-o", dir, "--replications", "3")
	if code != 1 || !strings.Contains(stderr, "--force") {
		t.Fatalf("second run into the same folder: exit %d, %q; want exit 1 mentioning --force", code, stderr)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "summary.csv"))
	if !bytes.Equal(before, after) {
		t.Fatal("a refused run changed the earlier outputs")
	}
	spsim(t, "run", short, "-o", dir, "--replications", "3", "--force", "--quiet")
	var s struct{ Replications int }
	b, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err := json.Unmarshal(b, &s); err != nil || s.Replications != 3 {
		t.Fatalf("after --force, summary.json has %d replications (%v), want 3", s.Replications, err)
	}
}

func TestDefaultFolderNeverOverwrites(t *testing.T) {
	scenario := filepath.Join(testdataDir(t), "short.toml")
	t.Chdir(t.TempDir())
	spsim(t, "run", scenario, "--replications", "2", "--quiet")
	spsim(t, "run", scenario, "--replications", "2", "--quiet")
	for _, d := range []string{"out/short", "out/short-2"} {
		if _, err := os.Stat(filepath.Join(d, "summary.csv")); err != nil {
			t.Errorf("%s: %v", d, err)
		}
	}
}

func testdataDir(t *testing.T) string {
	t.Helper()
	wd, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

func TestLimitsRefuseHugeRunsBeforeWork(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, stderr := spsimFails(t, "run", "england", "--replications", "10000", "-o", dir)
	if code != 1 || !strings.Contains(stderr, "--allow-large") || !strings.Contains(stderr, "events") {
		t.Fatalf("exit %d, %q; want a refusal with the estimate and the flag", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a refused run wrote %v", entries)
	}
}

func TestBadScenarioIsRefusedWithFileLineAndKey(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ body, want string }{
		{"extends = \"baseline\"\nname = \"x\"\n[workforce]\nlink_wrokers = 3\n", `:4:`},
		{"extends = \"baseline\"\nname = \"x\"\n[demand]\nreferrals_per_week = -5.0\n", "demand.referrals_per_week"},
	} {
		f := filepath.Join(dir, "bad.toml")
		os.WriteFile(f, []byte(c.body), 0o644)
		_, stderr := spsimFails(t, "run", f, "-o", filepath.Join(dir, "o"))
		if !strings.Contains(stderr, "bad.toml") || !strings.Contains(stderr, c.want) {
			t.Errorf("error %q does not name the file and %q", stderr, c.want)
		}
	}
}
