package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// mmcOpt is the Erlang C case: λ 9, μ 1, servers as the lever, a post
// priced so that more servers cost more.
var mmcOpt = []string{"optimise", "mmc", "--lever", "workforce.link_workers=10..14",
	"--set", "costs.salary_per_fte_year=1000", "--set", "run.horizon_weeks=520", "--set", "run.warmup_weeks=52", "--jobs", "2"}

// withJobs is args with --jobs n in place of their --jobs (a flag given
// twice is refused).
func withJobs(args []string, n string) []string {
	out := slices.Clone(args)
	for i := range out[:len(out)-1] {
		if out[i] == "--jobs" {
			out[i+1] = n
			return out
		}
	}
	return append(out, "--jobs", n)
}

func TestOptimiseOutputs(t *testing.T) {
	dir := t.TempDir()
	stdout, _ := spsim(t, append(append([]string(nil), mmcOpt...), "--target", "wait_first_contact_mean_weeks<=0.15±0.03", "-o", dir)...)
	if !strings.Contains(stdout, "The cheapest plan meeting the target on wait to first contact, mean (at most 0.15 weeks) at 95% confidence is link-worker posts 12") ||
		!strings.Contains(stdout, "The runner-up is link-worker posts 13") {
		t.Errorf("stdout:\n%s", stdout)
	}
	checkPlots(t, dir, "frontier_wait_first_contact_mean_weeks")
	checkReport(t, dir, "link-worker posts 12")
	leadsWith(t, dir, "frontier_wait_first_contact_mean_weeks")
	f, err := os.Open(filepath.Join(dir, "optimise.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0][:7], ","); got != "order,workforce.link_workers,planned_cost,decision,role,replications,replications_used" {
		t.Errorf("optimise.csv header %s", got)
	}
	var j struct {
		Plan  struct{ Levers map[string]string } `json:"plan"`
		Spent int                                `json:"replications_spent"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "optimise.json"))
	if err := json.Unmarshal(b, &j); err != nil || j.Plan.Levers["workforce.link_workers"] != "12" || j.Spent < 40 {
		t.Errorf("optimise.json plan %+v, spent %d (%v)", j.Plan, j.Spent, err)
	}
	// The same seed writes the same files.
	again := t.TempDir()
	spsim(t, withJobs(append(append([]string(nil), mmcOpt...), "--target", "wait_first_contact_mean_weeks<=0.15±0.03", "-o", again), "1")...)
	for _, name := range []string{"optimise.csv", "optimise.json", "frontier_wait_first_contact_mean_weeks.svg"} {
		a, _ := os.ReadFile(filepath.Join(dir, name))
		b, _ := os.ReadFile(filepath.Join(again, name))
		if string(a) != string(b) {
			t.Errorf("%s differs between --jobs 2 and --jobs 1", name)
		}
	}
}

// TestOptimiseBestWithinBudget: --minimise chooses the lowest mean wait
// the budget buys (Erlang C's falls with every server), says so with the
// runner-up, and writes the same files as a target search does, the same
// whatever --jobs.
func TestOptimiseBestWithinBudget(t *testing.T) {
	args := append(append([]string(nil), mmcOpt...), "--minimise", "wait_first_contact_mean_weeks±0.02", "--budget", "13000", "--set", "costs.on_cost_share=0")
	dir := t.TempDir()
	stdout, _ := spsim(t, append(args, "-o", dir)...)
	for _, want := range []string{"Of the 4 combinations costing at most £13,000 a year, link-worker posts 13 has the lowest wait to first contact, mean",
		"The runner-up is link-worker posts 12, costing £1,000 less a year; wait to first contact, mean: higher by ", "it is chosen with probability at least 95%"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	checkPlots(t, dir, "frontier_wait_first_contact_mean_weeks")
	checkReport(t, dir, "Kim &amp; Nelson (2001)")
	var j struct {
		Plan      struct{ Levers map[string]string } `json:"plan"`
		Objective struct {
			KPI, Sense string
			Tolerance  float64
			Lead       *float64 `json:"plan_minus_runner_up_mean"`
		} `json:"objective"`
		OverBudget int `json:"over_budget"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "optimise.json"))
	if err := json.Unmarshal(b, &j); err != nil || j.Plan.Levers["workforce.link_workers"] != "13" || j.Objective.Sense != "minimise" ||
		j.Objective.Tolerance != 0.02 || j.Objective.Lead == nil || *j.Objective.Lead >= 0 || j.OverBudget != 1 {
		t.Errorf("optimise.json: %+v (%v)\n%s", j, err, b)
	}
	again := t.TempDir()
	spsim(t, withJobs(append(args, "-o", again), "1")...)
	for _, name := range []string{"optimise.csv", "optimise.json", "frontier_wait_first_contact_mean_weeks.svg"} {
		a, _ := os.ReadFile(filepath.Join(dir, name))
		b, _ := os.ReadFile(filepath.Join(again, name))
		if string(a) != string(b) {
			t.Errorf("%s differs between --jobs 2 and --jobs 1", name)
		}
	}
}

// TestOptimiseWithoutLinkWorkers: a lever that reaches no link workers
// leaves the wait undefined there; the search goes on, and the chart leaves
// the point out instead of failing ("plotter: NaN data point"), for a
// target and for a selection.
func TestOptimiseWithoutLinkWorkers(t *testing.T) {
	for _, goal := range [][]string{{"--target", "wait_first_contact_mean_weeks<=6"}, {"--minimise", "wait_first_contact_mean_weeks"}} {
		dir := t.TempDir()
		args := append([]string{"optimise", short, "--lever", "workforce.link_workers=0..3", "--set", "initial.active=0", "-o", dir, "--quiet"}, goal...)
		spsim(t, args...)
		checkPlots(t, dir, "frontier_wait_first_contact_mean_weeks")
	}
}

// TestOptimiseCountsInWords: the line saying what was searched counts in
// words, "1 combination", not "1 combinations".
func TestOptimiseCountsInWords(t *testing.T) {
	stdout, _ := spsim(t, "optimise", short, "--lever", "workforce.link_workers=4", "--minimise", "wait_first_contact_mean_weeks", "--first", "3", "-o", t.TempDir())
	if !strings.Contains(stdout, ": 1 combination, 1 checked, ") || strings.Contains(stdout, "1 combinations") {
		t.Errorf("stdout:\n%s", stdout)
	}
}

func TestOptimiseRefusesTheImpossible(t *testing.T) {
	_, msg := spsimFails(t, append(append([]string(nil), mmcOpt...), "--target", "wait_first_contact_mean_weeks<=0.001±0.0005", "-o", t.TempDir())...)
	if !strings.Contains(msg, "no plan within these levers meets the target; the best reaches wait to first contact, mean ") ||
		!strings.Contains(msg, "with link-worker posts 14") {
		t.Errorf("refusal: %s", msg)
	}
	for _, bad := range [][]string{
		{"optimise", "mmc", "--lever", "workforce.link_workers=10..12", "--target", "wait<=1"},
		{"optimise", "mmc", "--lever", "workforce.link_workers=12..10", "--target", "wait_first_contact_mean_weeks<=1"},
		{"optimise", "mmc", "--target", "wait_first_contact_mean_weeks<=1"},
	} {
		if _, msg := spsimFails(t, append(bad, "-o", t.TempDir())...); msg == "" {
			t.Errorf("%v: no message", bad)
		}
	}
}

func TestSensitivityOutputs(t *testing.T) {
	dir := t.TempDir()
	stdout, _ := spsim(t, "sensitivity", short, "--vary", "workforce.leaving_hazard_per_year=0.05..0.4",
		"--vary", "workforce.link_workers=2..4", "--trajectories", "3", "--reps", "2", "--kpi", "leavers", "-o", dir, "--jobs", "2", "--png")
	if !strings.Contains(stdout, "Link workers leaving is driven most by") {
		t.Errorf("stdout:\n%s", stdout)
	}
	checkPlots(t, dir, "tornado_leavers", "morris_leavers")
	if _, err := os.Stat(filepath.Join(dir, "tornado_leavers.png")); err != nil {
		t.Errorf("--png: %v", err)
	}
	// Without --png, as for run and compare, the charts are SVG alone.
	svgOnly := t.TempDir()
	spsim(t, "sensitivity", short, "--vary", "workforce.link_workers=2..4", "--trajectories", "2", "--reps", "1", "--kpi", "leavers", "-o", svgOnly, "--jobs", "2", "--quiet")
	if pngs, _ := filepath.Glob(filepath.Join(svgOnly, "*.png")); len(pngs) > 0 {
		t.Errorf("PNGs written without --png: %v", pngs)
	}
	checkReport(t, dir, "workforce.leaving_hazard_per_year")
	leadsWith(t, dir, "tornado_leavers")
	b, _ := os.ReadFile(filepath.Join(dir, "sensitivity.csv"))
	if !strings.HasPrefix(string(b), "kpi,input,method,measure,value,ci_low,ci_high,noise_share\n") {
		t.Errorf("sensitivity.csv:\n%s", b)
	}
}

// leadsWith checks that the report's printed summary page carries the
// chart named, so that the first page is the answer with its picture.
func leadsWith(t *testing.T, dir, chart string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	start := strings.Index(page, `<section id="summary">`)
	end := strings.Index(page, `<section id="headline">`)
	if start < 0 || end < start || !strings.Contains(page[start:end], `<figure id="fig-`+chart+`">`) {
		t.Errorf("the report's summary page does not carry %s", chart)
	}
}
