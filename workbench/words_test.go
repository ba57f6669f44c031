package workbench

import (
	"slices"
	"testing"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

func TestPlainWords(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{
		{0.568, "share", "56.8%"},
		{256464.2, "GBP/year", "£256,464 a year"},
		{3.14, "weeks", "3.14 weeks"},
		{1, "weeks", "1 week"},
		{1043.4, "people/year", "1,043 people a year"},
		{0.52, "people/year", "0.52 people a year"},
		{12.34, "people", "12.3 people"},
		{0, "people/year", "0 people a year"},
		{-1234.5, "people", "−1,235 people"},
		{-0.5, "", "−0.5"},
	} {
		if got := plain(c.v, c.unit); got != c.want {
			t.Errorf("plain(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}

// A gap between groups' shares reads in percentage points, with its
// interval; a share reads as a percentage.
func TestRowWords(t *testing.T) {
	for _, c := range []struct {
		kpi, unit      string
		mean, lo, hi   float64
		value, between string
	}{
		{sim.KPIInequityGapNeedsMetShare, sim.UnitShare, -0.0874, -0.0953, -0.0794, "−8.7 percentage points", "−9.5 to −7.9 percentage points"},
		{sim.KPINeedsMetShare, sim.UnitShare, 0.341, 0.334, 0.349, "34.1%", "33.4% to 34.9%"},
		{sim.KPIWaitMean, sim.UnitWeeks, 5.62, 5.36, 5.9, "5.62 weeks", "5.36 to 5.90 weeks"},
	} {
		s := experiment.Summary{Name: c.kpi, Unit: c.unit, Estimate: experiment.Estimate{Mean: c.mean, Low: c.lo, High: c.hi, N: 20}}
		r := newRow(s)
		if r.Value != c.value || r.Interval != c.between {
			t.Errorf("%s: %q, %q; want %q, %q", c.kpi, r.Value, r.Interval, c.value, c.between)
		}
		if r.Mean != c.mean || r.Low != c.lo || r.High != c.hi {
			t.Errorf("%s: numbers %v %v %v changed; want them as summary.json has them", c.kpi, r.Mean, r.Low, r.High)
		}
	}
}

// A paired difference's interval has its signs and its unit once.
func TestSignedInterval(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		unit   string
		want   string
	}{
		{-5.3, -4.91, sim.UnitWeeks, "−5.30 to −4.91 weeks"},
		{0.0631, 0.074, sim.UnitShare, "+6.3 to +7.4 percentage points"},
		{90645, 93713, sim.UnitGBPPerYear, "+£90,645 to +£93,713 a year"},
		{-0.0451, 0.365, "people/year", "−0.045 to +0.365 people a year"},
	} {
		got := signedInterval(experiment.Estimate{Low: c.lo, High: c.hi, N: 20}, c.unit)
		if got != c.want {
			t.Errorf("signedInterval(%v, %v, %q) = %q, want %q", c.lo, c.hi, c.unit, got, c.want)
		}
	}
}

func TestTickLabel(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 2.5: "2.5", 9000: "9,000", 400000: "400k", 1.5e6: "1.5M", -20000: "−20k"} {
		if got := tickLabel(v); got != want {
			t.Errorf("tickLabel(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestPageWords: the command line's phrases in notes and sentences the
// page shows are said as the page's controls (From, To, the Compare tab),
// and a phrase about an option the page lacks is dropped.
func TestPageWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"fit from it with --from 2024-04-01", "fit from it with From 2024-04-01"},
		{"to leave those weeks out fit with --to 2024-09-29", "to leave those weeks out fit with To 2024-09-29"},
		{"--to 1 Jan 2400 is after the extract's last referral (30 Nov 2025): …; give a --to within the extract, or leave it out",
			"To 1 Jan 2400 is after the extract's last referral (30 Nov 2025): …; give a To date within the extract, or leave it out"},
		{`not counted: "Declined" (286) (to count one, list it with the others in --inappropriate)`, `not counted: "Declined" (286)`},
		{"comparing with the scenario without the change (spsim compare) isolates it", "pinning the scenario with and without the change and comparing them (the Compare tab) isolates it"},
		{"the extract's date is its latest referral's unless initial.date gives it", "the extract's date is its latest referral's unless the Extract date gives it"},
		{"to try other values in some areas, write a scenario for each (its areas file changed) and run spsim compare on them",
			"to try other values in some areas, pin a scenario for each (its areas file changed) and compare them on the Compare tab"},
	} {
		if got := pageWords(c.in); got != c.want {
			t.Errorf("pageWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPointWords: a sweep point's warning names the lever as the page
// shows it, not the command line's --vary.
func TestPointWords(t *testing.T) {
	for in, want := range map[string]string{
		"--vary workforce.link_workers=1: initial.active = 80: warning: more people": "Warning: at link-worker posts 1: initial.active = 80: more people",
		"--vary nope.key=2: x": "At nope.key 2: x",
		"a warning of its own": "a warning of its own",
	} {
		if got := pointWords(in); got != want {
			t.Errorf("pointWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWarningWords: a scenario's warning above the results is in plain
// words, "Warning: " and the key with its value, not the command line's
// "scenario.toml:164:1: …: warning: …" (the page wrote that file); a file
// of the user's own is named with its line, an area first, and a table
// named alone ("scenario.toml: initial: warning: …") not at all.
func TestWarningWords(t *testing.T) {
	for _, c := range []struct {
		w    scenarios.Warning
		want string
	}{
		{scenarios.Warning{File: fileName, Line: 164, Col: 1, Key: "costs.on_cost_share", Value: "28.0", Message: "28 is outside the plausible range 0 to 0.6 (typical 0.28); did you mean 0.28?"},
			"Warning: costs.on_cost_share = 28.0: 28 is outside the plausible range 0 to 0.6 (typical 0.28); did you mean 0.28?"},
		{scenarios.Warning{File: fileName, Key: "initial", Message: "today's caseload of 2 people starts each of 2 areas alike (A, B): a caseload is one PCN's"},
			"Warning: today's caseload of 2 people starts each of 2 areas alike (A, B): a caseload is one PCN's"},
		{scenarios.Warning{File: fileName, Line: 174, Col: 9, Key: "demand.referrals_per_week", Value: "60", Message: `area "A \"North\"": 60 referrals a week for 2 link-worker FTE`},
			`Warning: area "A \"North\"": demand.referrals_per_week = 60: 60 referrals a week for 2 link-worker FTE`},
		{scenarios.Warning{File: "builtin:icb", Line: 3, Key: "run.horizon_weeks", Value: "1000", Message: "longer than"},
			"Warning: run.horizon_weeks = 1000: longer than"},
		{scenarios.Warning{Key: "workforce.link_workers", Value: "5", Message: "the scenario's timeline sets it again at week 1"},
			"Warning: workforce.link_workers = 5: the scenario's timeline sets it again at week 1"},
		{scenarios.Warning{File: fileName, Line: 40, Key: "services.gym", Message: "has 40 places but no grant_per_place_year"},
			"Warning: services.gym: has 40 places but no grant_per_place_year"},
		{scenarios.Warning{File: "c.csv", Line: 3, Message: "a referral dated 1 Nov 1990 is 35 years before the extract's date (30 Nov 2025): a mistyped year?"},
			"Warning: c.csv, line 3: a referral dated 1 Nov 1990 is 35 years before the extract's date (30 Nov 2025): a mistyped year?"},
		{scenarios.Warning{File: "c.csv", Message: "... and 5 more people referred over 10 years before the extract's date", More: 5},
			"Warning: c.csv: 5 more people referred over 10 years before the extract's date"},
		{scenarios.Warning{File: fileName, Message: "... and 3 more warnings", More: 3}, "Warning: 3 more warnings"},
		// Escaped and clipped as the command line's.
		{scenarios.Warning{File: "two\nlines.csv", Key: "name", Value: "a\nb", Message: "odd"}, `Warning: two\nlines.csv: name = a\nb: odd`},
	} {
		if got := warningWords(c.w); got != c.want {
			t.Errorf("warningWords(%s)\n = %q\nwant %q", c.w, got, c.want)
		}
	}
}

// TestFlagWarningWords: a sweep's or a plan's warning of a value it sets is
// in the words of the warnings above the results ("Warning: …", the key
// another value made unlikely with its value, no "warning:"), at the
// lever as the tab names it, not the command line's "--vary KEY=V: …:
// warning: …". Before, the Sweep tab said "At link-worker posts 1:
// initial.active = 80: warning: …" and "--vary workforce.link_workers =
// 3: warning: …", and the plan "Link-worker posts at 1: initial.active =
// 80: …".
func TestFlagWarningWords(t *testing.T) {
	levers := []leverValues{{Key: "workforce.caseload_cap_per_fte", Label: "Caseload cap"}, {Key: "workforce.link_workers"}}
	for _, c := range []struct {
		flag, in, want string
	}{
		{"--vary", "--vary workforce.link_workers=1: initial.active = 80: warning: more people on caseloads than places",
			"Warning: at link-worker posts 1: initial.active = 80: more people on caseloads than places"},
		{"--vary", "--vary workforce.link_workers = 3: warning: the scenario's timeline sets it again at week 120",
			"Warning: at link-worker posts 3: the scenario's timeline sets it again at week 120"},
		{"--vary", "--vary costs.on_cost_share = 28: warning: 28 is outside the plausible range 0 to 0.6; did you mean 0.28?",
			"Warning: at costs.on_cost_share 28: 28 is outside the plausible range 0 to 0.6; did you mean 0.28?"},
		{"--vary", "--vary workforce.link_workers: warning: 2 of the 3 areas set workforce.link_workers themselves",
			"Warning: link-worker posts: 2 of the 3 areas set workforce.link_workers themselves"},
		{"--vary", "--vary nope.key=2: initial.active = 80: warning: odd", "Warning: at nope.key 2: initial.active = 80: odd"},
		{"--vary", "--vary nope.key=2: not a warning", "At nope.key 2: not a warning"},
		{"--lever", "--lever workforce.link_workers=1: initial.active = 80: warning: more people on caseloads than places",
			"Warning: at link-worker posts 1: initial.active = 80: more people on caseloads than places"},
		{"--lever", "--lever workforce.caseload_cap_per_fte = 80: warning: the timeline sets it again",
			"Warning: at caseload cap 80: the timeline sets it again"},
		{"--lever", "--lever workforce.caseload_cap_per_fte: warning: every area sets it itself",
			"Warning: caseload cap: every area sets it itself"},
		{"--lever", "--lever workforce.caseload_cap_per_fte changes no planned cost, so the search weighs it by its outcomes alone",
			"Caseload cap changes no planned cost, so the search weighs it by its outcomes alone"},
	} {
		got := pointWords(c.in)
		if c.flag == "--lever" {
			got = leverNote(c.in, levers)
		}
		if got != c.want {
			t.Errorf("%s\n = %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestPageNotesGlossOnce: a comparison's notes may each say "MSER-5
// suggests"; the page explains MSER-5 in the first only.
func TestPageNotesGlossOnce(t *testing.T) {
	in := []string{"a: MSER-5 suggests a warm-up of 55 weeks", "other note", "b: MSER-5 suggests a warm-up of 60 weeks"}
	got := pageNotes(in)
	want := []string{"a: MSER-5, a standard test of how long a run takes to settle from its starting state, suggests a warm-up of 55 weeks", "other note", "b: MSER-5 suggests a warm-up of 60 weeks"}
	if !slices.Equal(got, want) {
		t.Errorf("notes\n%q\nwant\n%q", got, want)
	}
}
