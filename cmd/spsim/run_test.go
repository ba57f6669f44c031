package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
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

// TestRunSet: --set changes the loaded scenario for this run alone. The
// results are those of a scenario file that makes the same change, the
// resolved scenario.toml holds it, the report says it was set, a plausible
// typo is warned of, and a bad key or value is refused by name. A run
// sharded and merged keeps the settings.
func TestRunSet(t *testing.T) {
	tmp := t.TempDir()
	set, file := filepath.Join(tmp, "set"), filepath.Join(tmp, "file")
	stdout, stderr := spsim(t, "run", "baseline", "--set", "workforce.link_workers=4", "--set", "costs.on_cost_share=28",
		"--replications", "3", "--outputs", "summary,scenario,report", "-o", set)
	if !strings.HasPrefix(stdout, "baseline with workforce.link_workers=4, costs.on_cost_share=28: 3 replications") {
		t.Errorf("the terminal does not name the settings: %q", stdout)
	}
	if !strings.Contains(stderr, "--set") || !strings.Contains(stderr, "did you mean 0.28?") {
		t.Errorf("a plausible typo in --set is not warned of: %q", stderr)
	}
	scenario := filepath.Join(tmp, "four.toml")
	if err := os.WriteFile(scenario, []byte("name = \"baseline\"\nextends = \"baseline\"\n[workforce]\nlink_workers = 4\n[costs]\non_cost_share = 28.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	spsim(t, "run", scenario, "--replications", "3", "--outputs", "summary", "-o", file)
	a, _ := os.ReadFile(filepath.Join(set, "summary.csv"))
	b, _ := os.ReadFile(filepath.Join(file, "summary.csv"))
	if len(a) == 0 || string(a) != string(b) {
		t.Error("--set gives other results than a file making the same change")
	}
	resolved, _ := os.ReadFile(filepath.Join(set, "scenario.toml"))
	if !strings.Contains(string(resolved), "link_workers = 4") {
		t.Error("scenario.toml does not hold the --set value")
	}
	report, _ := os.ReadFile(filepath.Join(set, "report.html"))
	if !strings.Contains(string(report), "Set on the command line (in scenario.toml): workforce.link_workers=4; costs.on_cost_share=28.") {
		t.Error("the report does not say what was set")
	}
	for _, c := range []struct{ set, want string }{
		{"workforce.no_such_key=4", "no_such_key"},
		{"workforce.link_workers=-1", "workforce.link_workers"},
		{"link_workers", "want KEY=VALUE"},
		// A long value is shown by its start: the message follows it.
		{"question=" + strings.Repeat("q", 5000), "(5009 characters in all)"},
	} {
		_, stderr := spsimFails(t, "run", "baseline", "--set", c.set, "--replications", "2", "-o", filepath.Join(tmp, "bad"))
		if !strings.Contains(stderr, c.want) {
			t.Errorf("--set %.60s: %.300q lacks %q", c.set, stderr, c.want)
		}
		if len(stderr) > 1000 {
			t.Errorf("--set %.60s: a message of %d bytes; a long value should be cut", c.set, len(stderr))
		}
	}
	for i := range 2 {
		spsim(t, "run", "baseline", "--set", "workforce.link_workers=4", "--replications", "2", "--shard", fmt.Sprintf("%d/2", i+1),
			"-o", filepath.Join(tmp, fmt.Sprintf("shard%d", i+1)))
	}
	merged := filepath.Join(tmp, "merged")
	spsim(t, "merge", filepath.Join(tmp, "shard1"), filepath.Join(tmp, "shard2"), "--outputs", "report", "-o", merged)
	if report, _ := os.ReadFile(filepath.Join(merged, "report.html")); !strings.Contains(string(report), "Set on the command line (in scenario.toml): workforce.link_workers=4.") {
		t.Error("the merged report does not say what was set")
	}
}

// TestCompareSet: compare's --set makes the same change in every scenario,
// so the comparison is the one of scenario files that make it; the
// terminal and the report say what was set.
func TestCompareSet(t *testing.T) {
	tmp := t.TempDir()
	grow := func(name, parent string) string {
		p := filepath.Join(tmp, name+".toml")
		body := fmt.Sprintf("name = %q\nextends = %q\n[demand]\nannual_growth = 0.1\n", parent, parent)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	set, files := filepath.Join(tmp, "set"), filepath.Join(tmp, "files")
	stdout, _ := spsim(t, "compare", "baseline", "extra-link-worker", "--set", "demand.annual_growth=0.1",
		"--replications", "3", "--outputs", "summary,report", "-o", set)
	if !strings.Contains(stdout, "set in every scenario: demand.annual_growth=0.1") {
		t.Errorf("the terminal does not say what was set:\n%s", stdout)
	}
	spsim(t, "compare", grow("baseline", "baseline"), grow("extra-link-worker", "extra-link-worker"),
		"--replications", "3", "--outputs", "summary", "-o", files)
	a, _ := os.ReadFile(filepath.Join(set, "compare.csv"))
	b, _ := os.ReadFile(filepath.Join(files, "compare.csv"))
	if len(a) == 0 || string(a) != string(b) {
		t.Error("compare --set differs from scenario files that make the same change")
	}
	if report, _ := os.ReadFile(filepath.Join(set, "report.html")); !strings.Contains(string(report), "Set in every scenario on the command line: demand.annual_growth=0.1.") {
		t.Error("the report does not say what was set")
	}
}

// TestIntervalsKeepToTheirRange: every interval of summary.csv and
// areas.csv lies within its KPI's possible range. icb at seed 11 has
// caseload utilisation within a hair of 100% in every replication, where
// a t interval on the log scale passed 100% (1.0000312).
func TestIntervalsKeepToTheirRange(t *testing.T) {
	dir := t.TempDir()
	spsim(t, "run", "icb", "--replications", "3", "--seed", "11", "--outputs", "summary,areas", "-o", dir, "--quiet")
	for _, f := range []struct {
		name     string
		kpi, low int // columns
	}{{"summary.csv", 0, 2}, {"areas.csv", 1, 3}} {
		data, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			m, ok := sim.LookupKPI(row[f.kpi])
			if !ok || row[f.low] == "NA" {
				continue
			}
			lo, _ := strconv.ParseFloat(row[f.low], 64)
			hi, _ := strconv.ParseFloat(row[f.low+1], 64)
			if m.Name == sim.KPIUtilisation && m.Max != 1 {
				t.Errorf("caseload utilisation may reach %v: no caseload passes its cap, so it is a share", m.Max)
			}
			if lo < m.Min || hi > m.Max {
				t.Errorf("%s: %s [%v, %v] leaves its range [%v, %v]", f.name, strings.Join(row, ","), lo, hi, m.Min, m.Max)
			}
		}
	}
}

// TestPrecisionOutOfReachSaidFirst: a --precision out of reach of the
// replications allowed is warned of first, before the run's output, where
// the run made every replication and only then said so; a reachable one
// is not, and --quiet prints neither.
func TestPrecisionOutOfReachSaidFirst(t *testing.T) {
	_, stderr := spsim(t, "run", short, "-o", t.TempDir(), "--precision", "1e-300", "--max-replications", "2", "--replications", "2")
	first, rest, _ := strings.Cut(stderr, "\n")
	if !strings.HasPrefix(first, "--precision 1e-300: warning: ±1e-300% of the mean is out of reach of 2 replications") ||
		!strings.Contains(rest, "precision: target ±1e-300% not reached after 2 replications") {
		t.Errorf("stderr:\n%s\nwant the warning first, and the target not reached after the run", stderr)
	}
	for _, args := range [][]string{
		{"--precision", "5", "--max-replications", "4", "--replications", "2"},
		{"--precision", "1e-300", "--max-replications", "2", "--replications", "2", "--quiet"},
	} {
		_, stderr := spsim(t, append([]string{"run", short, "-o", t.TempDir()}, args...)...)
		if strings.Contains(stderr, "out of reach") {
			t.Errorf("%s: stderr %q", args, stderr)
		}
	}
}
