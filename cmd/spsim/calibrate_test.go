package main

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spsim/spsim/calibrate"
	"github.com/spsim/spsim/scenarios"
)

// TestCalibrate: an extract drawn from known parameters gives a fragment
// that loads, extends the baseline, and holds the fitted demand, whose
// intervals (in calibration.csv) cover the truth.
func TestCalibrate(t *testing.T) {
	tmp := t.TempDir()
	from := time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)
	truth := calibrate.Params{Base: 24, Growth: 0.06, Amplitude: 0.12, Peak: 5}
	refs := calibrate.Synthetic(truth, from, 156, 11)
	for i := range refs {
		refs[i].Group = []string{"most_deprived", "rest"}[i%2]
		refs[i].Outcome = []string{"seen", "seen", "seen", "inappropriate"}[i%4]
	}
	extract := writeExtract(t, filepath.Join(tmp, "referrals.csv"), refs)
	dir := filepath.Join(tmp, "cal")
	stdout, _ := spsim(t, "calibrate", extract, "-o", dir, "--from", "2023-01-02", "--png")
	// It leads with what the fit found, in words, then each setting in
	// words beside the key it sets.
	if first, _, _ := strings.Cut(stdout, "\n"); !strings.Contains(first, " referrals in 156 whole weeks, 2 Jan 2023 to ") {
		t.Errorf("output does not lead with the extract in words:\n%s", stdout)
	}
	for _, want := range []string{"25.0% of referrals with an outcome were inappropriate",
		"Referrals a week at the start", "demand.referrals_per_week", "Share of referrals: most deprived  50.0%",
		"groups.rest.share", "profile likelihood", "calibrated.toml"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	cfg, err := scenarios.LoadFile(filepath.Join(dir, "calibrated.toml"))
	if err != nil {
		t.Fatal(err)
	}
	d := cfg.Demand
	if math.Abs(d.InappropriateShare-0.25) > 1e-3 || math.Abs(cfg.Groups["rest"].Share-0.5) > 1e-3 || cfg.Workforce.LinkWorkers == 0 {
		t.Errorf("fragment: inappropriate %g, rest share %g, link workers %d; want 0.25, 0.5 and the baseline's team",
			d.InappropriateShare, cfg.Groups["rest"].Share, cfg.Workforce.LinkWorkers)
	}
	table, err := os.ReadFile(filepath.Join(dir, "calibration.csv"))
	if err != nil {
		t.Fatal(err)
	}
	truthOf := map[string]float64{"referrals_per_week": truth.Base, "annual_growth": truth.Growth, "seasonal_amplitude": truth.Amplitude, "seasonal_peak_week": truth.Peak}
	rows := strings.Split(strings.TrimSpace(string(table)), "\n")
	if len(rows) != 6 {
		t.Fatalf("calibration.csv has %d rows, want a header and 5:\n%s", len(rows), table)
	}
	for _, row := range rows[1:5] {
		f := strings.Split(row, ",")
		name := f[0]
		lo, err1 := strconv.ParseFloat(f[2], 64)
		hi, err2 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("row %q: %v %v", row, err1, err2)
		}
		if x := truthOf[name]; !(lo <= x && x <= hi) {
			t.Errorf("%s: true %g outside the interval %g to %g", name, x, lo, hi)
		}
	}
	for _, f := range []string{"referrals_fit.svg", "referrals_fit.png"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() < 1000 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
}

func TestCalibrateRefusesBadExtract(t *testing.T) {
	extract := filepath.Join(t.TempDir(), "refs.csv")
	if err := os.WriteFile(extract, []byte("date,group\r\n2024-01-01,a\r\n13/13/2024,b\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr := spsimFails(t, "calibrate", extract, "-o", filepath.Join(t.TempDir(), "o"))
	if !strings.Contains(stderr, "refs.csv: line 3, column 1 (date): \"13/13/2024\" is not a date") {
		t.Errorf("stderr %q does not name the line, column and value", stderr)
	}
}

// extendsFixture is a folder holding an extract of 110 weeks, and the
// baseline scenario's file by its absolute path, for a fragment to extend.
func extendsFixture(t *testing.T) (tmp, extract, base string) {
	t.Helper()
	tmp = t.TempDir()
	refs := calibrate.Synthetic(calibrate.Params{Base: 20}, time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), 110, 8)
	extract = writeExtract(t, filepath.Join(tmp, "referrals.csv"), refs)
	base, err := filepath.Abs("../../scenarios/baseline.toml")
	if err != nil {
		t.Fatal(err)
	}
	return tmp, extract, base
}

// TestCalibrateExtendsFile: a fragment that extends a scenario file names
// it relative to the fragment's folder, and loads from there.
func TestCalibrateExtendsFile(t *testing.T) {
	tmp, extract, base := extendsFixture(t)
	dir := filepath.Join(tmp, "out", "cal")
	spsim(t, "calibrate", extract, "-o", dir, "--extends", base, "--quiet")
	cfg, err := scenarios.LoadFile(filepath.Join(dir, "calibrated.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "calibrated.toml"))
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(dir, base)
	if want := `extends = "` + filepath.ToSlash(rel) + `"`; !strings.Contains(string(text), want) || cfg.Workforce.LinkWorkers == 0 {
		t.Errorf("fragment (%d link workers) lacks %s:\n%s", cfg.Workforce.LinkWorkers, want, text)
	}
}

// TestCalibrateThroughALink: with -o naming a link to a folder elsewhere,
// the fragment names the file it extends by its absolute path, which holds
// from the link and from the folder it names alike.
func TestCalibrateThroughALink(t *testing.T) {
	tmp, extract, base := extendsFixture(t)
	target := filepath.Join(tmp, "b", "deep", "target")
	os.MkdirAll(target, 0o755)
	link := filepath.Join(tmp, "a", "out")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	spsim(t, "calibrate", extract, "-o", link, "--extends", base, "--quiet")
	for _, dir := range []string{link, target} {
		if _, err := scenarios.LoadFile(filepath.Join(dir, "calibrated.toml")); err != nil {
			t.Errorf("from %s: %v", dir, err)
		}
	}
}

// TestCalibrateSaysWhenTheParentUndoesTheFit: a parent whose timeline sets
// the referral rate again before the KPIs start would undo the fitted
// rate; the answer says so, and how to carry the fit into the timeline.
func TestCalibrateSaysWhenTheParentUndoesTheFit(t *testing.T) {
	tmp := t.TempDir()
	refs := calibrate.Synthetic(calibrate.Params{Base: 20}, time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), 110, 8)
	extract := writeExtract(t, filepath.Join(tmp, "referrals.csv"), refs)
	parent := filepath.Join(tmp, "parent.toml")
	text := "name = \"parent\"\nextends = \"baseline\"\nquestion = \"q\"\n[[timeline]]\nweek = 1\nreferrals_per_week = 30.0\n"
	if err := os.WriteFile(parent, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _ := spsim(t, "calibrate", extract, "-o", filepath.Join(tmp, "cal"), "--extends", parent)
	if want := "note: the fitted demand.referrals_per_week: the scenario's timeline sets it again at week 1, before the KPIs start at week 78, so the value set here does not reach them; set timeline.0.referrals_per_week instead"; !strings.Contains(stdout, want) {
		t.Errorf("output lacks %q:\n%s", want, stdout)
	}
}

// writeExtract writes refs as a referral extract at path.
func writeExtract(t *testing.T, path string, refs []calibrate.Referral) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := calibrate.WriteCSV(f, refs); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCalibrateSaysHowToFitWithoutWhatItCannotTell: an extract of steady
// referrals has growth and seasons that cannot be told from none; the
// answer says the fitted values are used all the same and names the flags
// that fit without them, which then silence it.
func TestCalibrateSaysHowToFitWithoutWhatItCannotTell(t *testing.T) {
	tmp := t.TempDir()
	refs := calibrate.Synthetic(calibrate.Params{Base: 20}, time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), 110, 8)
	extract := writeExtract(t, filepath.Join(tmp, "referrals.csv"), refs)
	stdout, _ := spsim(t, "calibrate", extract, "-o", filepath.Join(tmp, "a"))
	for _, want := range []string{"a rate without growth or seasons fits the extract about as well",
		"note: to fit without growth or seasons, run again with --no-growth --no-season"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	stdout, _ = spsim(t, "calibrate", extract, "-o", filepath.Join(tmp, "b"), "--no-growth", "--no-season")
	if strings.Contains(stdout, "fit without") || strings.Contains(stdout, "all the same") {
		t.Errorf("with both fixed, it still speaks of them:\n%s", stdout)
	}
	// Without --png the chart is SVG alone, as run's and compare's are.
	if _, err := os.Stat(filepath.Join(tmp, "a", "referrals_fit.png")); err == nil {
		t.Error("referrals_fit.png written without --png")
	}
}

// TestCalibrateNameIsAScenarioName: the fragment's name follows the rule
// of a scenario's name. Named after a long extract file (the default
// calibrated-NAME), it is cut to fit, and the fragment loads; a --name the
// scenario would refuse (too long, empty, an escape) is a usage error
// before any fitting, not "the fragment written does not load (please
// report this)" naming a temporary file.
func TestCalibrateNameIsAScenarioName(t *testing.T) {
	tmp := t.TempDir()
	refs := calibrate.Synthetic(calibrate.Params{Base: 20}, time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), 104, 3)
	extract := writeExtract(t, filepath.Join(tmp, "referrals_"+strings.Repeat("x", 200)+".csv"), refs)
	dir := filepath.Join(tmp, "cal")
	if code, _, stderr := cli("calibrate", extract, "-o", dir, "--quiet"); code != 0 {
		t.Fatalf("a long extract name: exit %d: %s", code, stderr)
	}
	cfg, err := scenarios.LoadFile(filepath.Join(dir, "calibrated.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(cfg.Name, "calibrated-referrals_xxx") {
		t.Errorf("name %q, want calibrated- and the extract's name", cfg.Name)
	}
	for _, name := range []string{strings.Repeat("n", 201), "   ", "a\x1bb"} {
		code, _, stderr := cli("calibrate", extract, "-o", filepath.Join(tmp, "bad"), "--name", name)
		if code != exitUsage || !strings.Contains(stderr, "--name ") || strings.Contains(stderr, "please report") {
			t.Errorf("--name %.20q: exit %d, stderr %q; want a usage error about --name", name, code, stderr)
		}
	}
}

// TestCalibrateInappropriateListNotEmpty: an --inappropriate list with no
// values is a usage error; it was read as the default list, without a
// word, so a user who meant to count no outcome as inappropriate had
// "declined" counted.
func TestCalibrateInappropriateListNotEmpty(t *testing.T) {
	tmp := t.TempDir()
	refs := calibrate.Synthetic(calibrate.Params{Base: 20}, time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), 104, 3)
	extract := writeExtract(t, filepath.Join(tmp, "referrals.csv"), refs)
	for _, list := range []string{"", " , "} {
		code, _, stderr := cli("calibrate", extract, "-o", filepath.Join(tmp, "out"), "--inappropriate", list)
		if code != exitUsage || !strings.Contains(stderr, "--inappropriate") || !strings.Contains(stderr, "give one or more outcome values") {
			t.Errorf("--inappropriate %q: exit %d, stderr %q; want a usage error naming the flag", list, code, stderr)
		}
	}
}
