package workbench

import (
	"testing"

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
		"--vary workforce.link_workers=1: initial.active = 80: warning: more people": "At link-worker posts 1: initial.active = 80: warning: more people",
		"--vary nope.key=2: x": "At nope.key 2: x",
		"a warning of its own": "a warning of its own",
	} {
		if got := pointWords(in); got != want {
			t.Errorf("pointWords(%q) = %q, want %q", in, got, want)
		}
	}
}
