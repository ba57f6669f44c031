package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
)

// Test scenarios: baseline shortened to 78 weeks and 4 replications, and
// the same with a fourth link worker, so the commands run in a blink.
const (
	short      = "testdata/short.toml"
	shortExtra = "testdata/short-extra.toml"
)

// spsim runs the command line and fails the test on a non-zero status.
func spsim(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	if code := Main(args, &out, &errb); code != 0 {
		t.Fatalf("spsim %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
	}
	return out.String(), errb.String()
}

// files returns the names of the outputs in dir, sorted: not the marker
// that lists them.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != output.Marker {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// TestJobsByteIdentical: every output but the report (which states the run
// time) is the same byte for byte whatever the number of workers.
func TestJobsByteIdentical(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"run", []string{"run", short, "--outputs", "all"}},
		{"run --precision", []string{"run", short, "--precision", "3", "--max-replications", "10"}},
		{"compare", []string{"compare", short, shortExtra}},
		{"sweep", []string{"sweep", short, "--vary", "workforce.link_workers=3,4", "--vary", "holding.enabled=true,false"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d1, d2 := t.TempDir(), t.TempDir()
			spsim(t, append(tc.args, "-o", d1, "--force", "--quiet", "--jobs", "1")...)
			spsim(t, append(tc.args, "-o", d2, "--force", "--quiet", "--jobs", "2")...)
			sameOutputs(t, d1, d2, "--jobs 1", "--jobs 2")
		})
	}
}

// sameOutputs checks that two output folders hold the same files, byte for
// byte, but for report.html, which records run time.
func sameOutputs(t *testing.T, a, b, what, other string) {
	t.Helper()
	na, nb := files(t, a), files(t, b)
	if !reflect.DeepEqual(na, nb) {
		t.Fatalf("%s wrote %v, %s wrote %v", what, na, other, nb)
	}
	for _, name := range na {
		if name == "report.html" {
			continue
		}
		ba, _ := os.ReadFile(filepath.Join(a, name))
		bb, err := os.ReadFile(filepath.Join(b, name))
		if err != nil || !bytes.Equal(ba, bb) {
			t.Errorf("%s differs between %s and %s (%v)", name, what, other, err)
		}
	}
}

// checkReport parses report.html strictly and checks that it holds the
// headline table, every figure written beside it, inline, and the method.
func checkReport(t *testing.T, dir string, headline ...string) {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	for {
		if _, err := d.Token(); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("report.html is not well-formed: %v", err)
		}
	}
	s := string(page)
	for _, want := range append([]string{"<table>", "Random numbers and seeds", "Warm-up", "Run time", "fully resolved"}, headline...) {
		if !strings.Contains(s, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	// Every study fills the whole method section and lists its scenario.
	if empty := regexp.MustCompile(`<dt>([^<]*)</dt>\s*<dd>\s*</dd>`).FindAllStringSubmatch(s, -1); len(empty) > 0 {
		t.Errorf("report.html leaves %q empty", empty)
	}
	if i := strings.Index(s, `id="scenario"`); i < 0 || !strings.Contains(s[i:], "as written") || !strings.Contains(s[i:], "<pre>") {
		t.Error("report.html lists no scenario under Scenario")
	}
	if !strings.Contains(s, "built with go") {
		t.Error("report.html does not name the Go version it was built with")
	}
	for _, name := range files(t, dir) {
		stem, ok := strings.CutSuffix(name, ".svg")
		if !ok {
			continue
		}
		i := strings.Index(s, `<figure id="fig-`+stem+`">`)
		if i < 0 || !strings.Contains(s[i:], "<svg") {
			t.Errorf("report.html lacks the chart %s", stem)
		}
	}
}

// checkPlots checks that every chart was written as a well-formed SVG in
// the house style and, when --png was given, a non-empty PNG that decodes.
func checkPlots(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n+".png"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Errorf("%s.png: %v", n, err)
		} else if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Errorf("%s.png: %v", n, err)
		}
		b, err = os.ReadFile(filepath.Join(dir, n+".svg"))
		if err != nil || len(b) == 0 {
			t.Errorf("%s.svg missing or empty: %v", n, err)
		} else if err := xml.Unmarshal(b, new(struct{})); err != nil {
			t.Errorf("%s.svg: %v", n, err)
		} else if bytes.Contains(b, []byte("Liberation Serif")) || !bytes.Contains(b, []byte("Liberation Sans")) {
			t.Errorf("%s.svg is not in the house style (sans-serif text, as every chart)", n)
		}
	}
}

func TestRunWritesChartsAndReport(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr := spsim(t, "run", short, "-o", dir, "--force", "--png")
	if len(files(t, dir)) != 5+2*7+1 {
		t.Errorf("run --png wrote %v, want the tables, workbook, scenario, 7 charts as SVG and PNG, and the report", files(t, dir))
	}
	checkPlots(t, dir, "demand_supply", "waiting", "caseload_per_fte", "vcse", "workforce", "needs_by_group", "costs")
	checkReport(t, dir, output.Headline...)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "outputs in "+dir) {
		t.Errorf("last line %q does not say where the outputs are", last)
	}
	if strings.Contains(stderr, "replications, ") || strings.Contains(stderr, "\r") {
		t.Errorf("progress bar drawn on a stderr that is not a terminal: %q", stderr)
	}
	var sum struct {
		Replications int                `json:"replications"`
		Warmup       *output.WarmupMeta `json:"warmup_suggestion"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Replications != 4 || sum.Warmup == nil || len(sum.Warmup.PerSeries) != 2 || sum.Warmup.ScenarioWeeks != 13 {
		t.Errorf("summary.json: %d replications, warm-up suggestion %+v", sum.Replications, sum.Warmup)
	}
	if sum.Warmup != nil && sum.Warmup.Exceeds != strings.Contains(stderr, "MSER-5 suggests") {
		t.Errorf("warm-up suggestion %d weeks against 13, but warning printed: %v", sum.Warmup.SuggestedWeeks, strings.Contains(stderr, "MSER-5 suggests"))
	}
	// --quiet prints nothing, not even the command line's own warnings
	// (areas.csv asked of a scenario of one area, a run-only output of a
	// sweep).
	for _, args := range [][]string{
		{"run", short},
		{"run", short, "--outputs", "summary,areas"},
		{"sweep", short, "--vary", "workforce.link_workers=3,4", "--replications", "2", "--outputs", "summary,weekly"},
	} {
		stdout, stderr = spsim(t, append(args, "-o", dir, "--force", "--quiet")...)
		if stdout != "" || stderr != "" {
			t.Errorf("%q --quiet printed %q and %q", args, stdout, stderr)
		}
	}
}

// TestOutputsChooseFiles: --outputs writes what it names and nothing else;
// by default charts are SVG only.
func TestOutputsChooseFiles(t *testing.T) {
	for _, tc := range []struct {
		outputs string
		want    []string
	}{
		{"summary", []string{"summary.csv", "summary.json"}},
		{"weekly,scenario", []string{"scenario.toml", "weekly.csv"}},
		{"png", []string{"caseload_per_fte.png", "costs.png", "demand_supply.png", "needs_by_group.png", "vcse.png", "waiting.png", "workforce.png"}},
		{"default", []string{"caseload_per_fte.svg", "costs.svg", "demand_supply.svg", "needs_by_group.svg", "report.html", "results.xlsx",
			"scenario.toml", "summary.csv", "summary.json", "vcse.svg", "waiting.svg", "weekly.csv", "workforce.svg"}},
	} {
		dir := t.TempDir()
		spsim(t, "run", short, "-o", dir, "--force", "--quiet", "--outputs", tc.outputs, "--replications", "2")
		if got := files(t, dir); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("--outputs %s wrote %v, want %v", tc.outputs, got, tc.want)
		}
	}
	// The summary is the same whichever outputs come with it, though a
	// summary alone keeps only the warm-up's weekly series; and no report
	// is named when none is written.
	all, alone := t.TempDir(), t.TempDir()
	stdout, _ := spsim(t, "run", short, "-o", all, "--force", "--replications", "3")
	if !strings.Contains(stdout, "(report: ") {
		t.Errorf("a run with a report does not name it: %q", stdout)
	}
	stdout, _ = spsim(t, "run", short, "-o", alone, "--force", "--outputs", "summary", "--replications", "3")
	if strings.Contains(stdout, "report") {
		t.Errorf("a run without a report names one: %q", stdout)
	}
	for _, f := range []string{"summary.csv", "summary.json"} {
		a, _ := os.ReadFile(filepath.Join(all, f))
		b, _ := os.ReadFile(filepath.Join(alone, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the default outputs and --outputs summary", f)
		}
	}
	code, stderr := spsimFails(t, "run", short, "--outputs", "summary,pdf")
	if code == 0 || !strings.Contains(stderr, `no output "pdf"`) {
		t.Errorf("--outputs summary,pdf: exit %d, %q", code, stderr)
	}
}

func TestRunPrecisionCap(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr := spsim(t, "run", short, "-o", dir, "--precision", "0.5", "--max-replications", "9", "--replications", "3")
	var sum struct {
		Replications int                   `json:"replications"`
		Precision    *output.PrecisionMeta `json:"precision"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	p := sum.Precision
	if p == nil || p.Reached || p.Replications != 9 || sum.Replications != 9 || !reflect.DeepEqual(p.Batches, []int{3, 6, 9}) {
		t.Fatalf("summary.json precision %+v, want the cap of 9 reached in batches 3, 6, 9", p)
	}
	for _, k := range p.KPIs {
		if k.RelativePercent == nil || k.Met != (*k.RelativePercent <= 0.5) {
			t.Errorf("%s: met %v with relative half-width %v%%", k.KPI, k.Met, k.RelativePercent)
		}
	}
	if !strings.Contains(stdout, "precision ±0.5% of the mean NOT reached after 9 replications") {
		t.Errorf("stdout does not report the precision:\n%s", stdout)
	}
	// The warning names the KPIs in words, with their keys, and what to do.
	if !strings.Contains(stderr, "precision: target ±0.5% not reached after 9 replications (cap 9) for ") ||
		!strings.Contains(stderr, "people who gave up waiting (reneged)") || strings.Contains(stderr, "(leavers)") || !strings.Contains(stderr, "raise --max-replications") {
		t.Errorf("stderr's precision warning:\n%s", stderr)
	}
	checkReport(t, dir, "Precision reached")
}

func TestCompareOutputs(t *testing.T) {
	dir := t.TempDir()
	stdout, _ := spsim(t, "compare", short, shortExtra, "-o", dir)
	checkPlots(t, dir, "compare_kpis", "compare_differences")
	checkReport(t, dir, "short-extra − short (paired)", "Verdict: each scenario minus short", "short-extra costs £", "<td>costs more</td>")
	// The report's verdict table says effects in words; compare.csv keeps
	// the stable names.
	if page, _ := os.ReadFile(filepath.Join(dir, "report.html")); strings.Contains(string(page), "no_detectable_difference") {
		t.Error("report.html says no_detectable_difference, a file's name, not words")
	}
	f, err := os.Open(filepath.Join(dir, "compare.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := "kpi,scenario,mean,ci_low,ci_high,diff_mean,diff_ci_low,diff_ci_high,unpaired_diff_ci_low,unpaired_diff_ci_high,n,unit," +
		"effect,cost_per_unit,cost_per_unit_ci_low,cost_per_unit_ci_high"
	if got := strings.Join(recs[0], ","); got != head {
		t.Errorf("compare.csv header %s, want %s", got, head)
	}
	if (len(recs)-1)%2 != 0 || recs[1][1] != "short" || recs[2][1] != "short-extra" || recs[1][5] != "NA" || recs[2][5] == "NA" {
		t.Errorf("compare.csv rows: %v, %v", recs[1], recs[2])
	}
	// The verdict leads, before the table.
	if v, tab := strings.Index(stdout, "short-extra costs £"), strings.Index(stdout, "wait_first_contact_p90_weeks"); v < 0 || v > tab {
		t.Errorf("compare stdout does not lead with the verdict:\n%s", stdout)
	}
	for _, want := range []string{"short (reference) with short-extra", "wait_first_contact_p90_weeks", "outputs in " + dir} {
		if !strings.Contains(stdout, want) {
			t.Errorf("compare stdout lacks %q:\n%s", want, stdout)
		}
	}
}

func TestSweepOutputs(t *testing.T) {
	dir := t.TempDir()
	stdout, _ := spsim(t, "sweep", short, "--set", "initial.active=80", "--vary", "workforce.link_workers=2,3,4",
		"--kpi", "wait_first_contact_mean_weeks", "--kpi", "needs_met_share", "--kpi", "wait_first_contact_mean_weeks", "-o", dir)
	if n := strings.Count(stdout, "Wait to first contact, mean: "); n != 1 {
		t.Errorf("a KPI asked for twice is told %d times, want once:\n%s", n, stdout)
	}
	checkPlots(t, dir, "sweep")
	checkReport(t, dir, "Wait to first contact, mean", "initial.active=80", "change with link-worker posts?")
	if !strings.Contains(stdout, "set for every point: initial.active=80\n") {
		t.Errorf("the terminal does not say what was set:\n%s", stdout)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "sweep.csv"))
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "workforce.link_workers,kpi,mean,ci_low,ci_high,n,unit" {
		t.Errorf("sweep.csv header %s", got)
	}
	points := map[string]bool{}
	for _, r := range recs[1:] {
		points[r[0]] = true
	}
	if len(points) != 3 {
		t.Errorf("sweep.csv has points %v, want 2, 3, 4", points)
	}
	if !strings.Contains(stdout, "3 points") {
		t.Errorf("sweep stdout:\n%s", stdout)
	}
}

// TestTwoKeySweepAnswersWhereTheKeysInteract: a sweep of posts and
// community places leads with its corners in words, on the model: more
// places meet more needs only where there are link workers to refer people
// to them, so the two interact, and every face says so.
func TestTwoKeySweepAnswersWhereTheKeysInteract(t *testing.T) {
	dir := t.TempDir()
	stdout, _ := spsim(t, "sweep", "baseline", "--vary", "workforce.link_workers=3,5", "--vary", "services.wellbeing_groups.places=40,120",
		"--kpi", "needs_met_share", "--replications", "8", "-o", dir)
	const interact = "The two interact: the change from wellbeing groups: places 40 to 120 is higher with link-worker posts 5 than with 3"
	for _, want := range []string{"Changing link-worker posts from 3 to 5 and wellbeing groups: places from 40 to 120, read at the grid's corners:",
		"from link-worker posts 3 to 5 it rises with wellbeing groups: places 40", interact} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	checkReport(t, dir, interact)
}

func TestExperimentCommandErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", short}, "two or more scenarios"},
		{[]string{"compare", short, short}, "distinct scenario names"},
		{[]string{"sweep", short}, "--vary"},
		{[]string{"sweep", short, "--vary", "workforce.fte=2"}, "--vary workforce.fte=2 (a point of the sweep): workforce.fte = 2: must be more than 0 and at most 1.5"},
		{[]string{"sweep", short, "--vary", "workforce.no_such_key=1"}, "no_such_key"},
		{[]string{"sweep", short, "--vary", "workforce.link_workers=3", "--kpi", "no_such_kpi"}, "no such KPI"},
		// A family's member the scenario does not have is refused before any
		// run, by every command that takes a KPI (it read as "not defined").
		{[]string{"sweep", short, "--vary", "workforce.link_workers=3", "--kpi", "needs_met_share.poorest"}, `"poorest" is not a group of the scenario`},
		{[]string{"optimise", short, "--lever", "workforce.link_workers=3..4", "--target", "needs_met_share.poorest>=0.3"}, `"poorest" is not a group of the scenario`},
		{[]string{"sensitivity", short, "--vary", "workforce.link_workers=3..4", "--kpi", "needs_met_share.group.rest"}, `did you mean "needs_met_share.rest"?`},
		// The seed and the replications are common to every point: varied,
		// every point would be alike and read as "no effect".
		{[]string{"sweep", short, "--vary", "run.seed=1,2"}, "--vary run.seed: every point runs with one seed (common random numbers), so it cannot be varied; set it for all with --seed"},
		{[]string{"optimise", short, "--lever", "run.replications=5..10", "--target", "needs_met_share>=0.3"}, "set it for all with --replications"},
		{[]string{"sensitivity", short, "--vary", "run.seed=1..5"}, "--vary run.seed: every point runs with one seed"},
		// A key the timeline sets again before the KPIs start cannot change
		// them: a sweep of posts on extra-link-worker read "no change".
		{[]string{"sweep", "extra-link-worker", "--vary", "workforce.link_workers=3,5"}, "so the values varied cannot reach them; vary timeline.0.link_workers instead"},
		{[]string{"optimise", "extra-link-worker", "--lever", "workforce.link_workers=3..5", "--target", "needs_met_share>=0.3"}, "vary timeline.0.link_workers instead"},
		// Two bounds on one side of one KPI: which is meant?
		{[]string{"optimise", short, "--lever", "workforce.link_workers=3..4", "--target", "needs_met_share>=0.3", "--target", "needs_met_share>=0.4"}, "needs_met_share already has a bound on that side (needs_met_share>=0.3)"},
		// A key set for every point and varied: the --set value would be dropped.
		{[]string{"sweep", short, "--set", "workforce.link_workers=6", "--vary", "workforce.link_workers=3,4"}, "--set workforce.link_workers=6 and --vary workforce.link_workers: the values varied win at every point"},
		{[]string{"optimise", short, "--set", "workforce.link_workers=6", "--lever", "workforce.link_workers=3..4", "--target", "needs_met_share>=0.3"}, "and --lever workforce.link_workers: the values varied win"},
		{[]string{"sensitivity", short, "--set", "workforce.link_workers=6", "--vary", "workforce.link_workers=3..4"}, "and --vary workforce.link_workers: the values varied win"},
		{[]string{"run", short, "--max-replications", "5"}, "only with --precision"},
		{[]string{"run", short, "--precision", "0"}, "--precision"},
		{[]string{"run", short, "--precision", "5", "--max-replications", "3"}, "exceed --max-replications"},
		{[]string{"run", short, "--jobs", "-1"}, "--jobs"},
		{[]string{"run", short, "--replication", "2"}, "--replication: no such flag; did you mean --replications?"},
		{[]string{"run", "baselin"}, `no built-in scenario or file named "baselin"; did you mean "baseline"?`},
		{[]string{"run", short, "--set", "workforce.link_workers=3", "--set", "workforce.link_workers=5"}, "--set workforce.link_workers is given twice (3 and 5): give it once"},
	} {
		var out, errb bytes.Buffer
		args := append(tc.args, "-o", filepath.Join(t.TempDir(), "out"))
		if code := Main(args, &out, &errb); code == 0 || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("spsim %s: exit %d, stderr %q; want an error mentioning %q", strings.Join(tc.args, " "), code, errb.String(), tc.want)
		}
	}
}

// TestCompareHeadToHead: "a fifth link worker, or grants for more
// places?" is answered in the terminal, the report, the workbook's
// sentences and compare.json, the option meeting more needs first.
func TestCompareHeadToHead(t *testing.T) {
	dir := t.TempDir()
	stdout, _ := spsim(t, "compare", "baseline", "vcse-investment", "extra-link-worker", "--replications", "6",
		"--set", "run.horizon_weeks=104", "--set", "run.warmup_weeks=26", "-o", dir)
	const lead = "Head to head, extra-link-worker's cost does not differ detectably from vcse-investment's"
	if !strings.Contains(stdout, lead) {
		t.Errorf("compare stdout lacks %q:\n%s", lead, stdout)
	}
	checkReport(t, dir, "Head to head, extra-link-worker", "Head to head: each option minus the other") // the apostrophe is escaped there
	b, err := os.ReadFile(filepath.Join(dir, "compare.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		HeadToHead []struct {
			Scenario, Reference string
			Sentences           []string
		} `json:"head_to_head"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.HeadToHead) != 1 || got.HeadToHead[0].Scenario != "extra-link-worker" || got.HeadToHead[0].Reference != "vcse-investment" {
		t.Errorf("compare.json head_to_head: %+v", got.HeadToHead)
	}
}

// TestCompareTerminalOrder: the terminal gives a comparison's answer in the
// order output.CompareAnswer gives it to the report and workbook: the
// change's effect after it, then the verdict, then the notes.
func TestCompareTerminalOrder(t *testing.T) {
	stdout, _ := spsim(t, "compare", "baseline", "funding-cliff", "--replications", "3", "-o", t.TempDir(), "--jobs", "2")
	change, verdict := strings.Index(stdout, "From week 104 in funding-cliff"), strings.Index(stdout, "funding-cliff costs")
	if change < 0 || verdict < 0 || change > verdict {
		t.Errorf("the change's effect (at %d) does not lead the verdict (at %d):\n%s", change, verdict, stdout)
	}
}

// TestCompareNamesThatPrintAlike: two scenarios whose names print alike
// (an accent encoded two ways, a zero-width space, Straße and STRASSE,
// one case of the other) are refused as two of
// one name are, by the rule areas' names follow: their rows of
// compare.csv, their columns and their charts could be told apart by
// nobody.
func TestCompareNamesThatPrintAlike(t *testing.T) {
	dir := t.TempDir()
	parent, err := filepath.Abs(short)
	if err != nil {
		t.Fatal(err)
	}
	for k, names := range [][2]string{{"Café", "Cafe\u0301"}, {"extra", "extra\u200b"}, {"Extra posts", "extra  posts"}, {"Straße", "STRASSE"}} {
		var refs []string
		for i, name := range names {
			f := filepath.Join(dir, fmt.Sprintf("s%d.toml", i))
			body := fmt.Sprintf("extends = %q\nname = %q\n", parent, name)
			if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			refs = append(refs, f)
		}
		code, _, stderr := cli("compare", refs[0], refs[1], "-o", filepath.Join(dir, fmt.Sprint("out", k)))
		if code != exitFailed || !strings.Contains(stderr, "print alike") {
			t.Errorf("compare %q and %q: exit %d, stderr %q; want them refused as names that print alike", names[0], names[1], code, stderr)
		}
	}
}
