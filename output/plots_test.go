package output_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// replicate runs a library scenario shortened for tests.
func replicate(t *testing.T, name string, reps int) (*sim.Config, []*sim.Result) {
	t.Helper()
	cfg, err := scenarios.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 60, 10
	res, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: reps, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	return cfg, res
}

// checkFigure fails unless the figure's PNG decodes and its SVG is
// well-formed XML with a title.
func checkFigure(t *testing.T, f output.Figure) {
	t.Helper()
	if f.Name == "" || f.Title == "" || f.Caption == "" {
		t.Errorf("figure %q lacks a name, title or caption: %q, %q", f.Name, f.Title, f.Caption)
	}
	b, err := f.PNG()
	if err != nil {
		t.Fatalf("%s.png: %v", f.Name, err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Errorf("%s.png: %v", f.Name, err)
	} else if b := img.Bounds(); b.Dx() < 800 || b.Dy() < 400 {
		t.Errorf("%s.png is %dx%d, too small to read", f.Name, b.Dx(), b.Dy())
	}
	if err := wellFormed(bytes.NewReader(f.SVG)); err != nil {
		t.Errorf("%s.svg: %v", f.Name, err)
	}
	if !bytes.Contains(f.SVG, []byte(f.Title)) && !strings.Contains(f.Title, "'") {
		t.Errorf("%s.svg does not show its title %q", f.Name, f.Title)
	}
}

// wellFormed parses r as strict XML to the end.
func wellFormed(r io.Reader) error {
	d := xml.NewDecoder(r)
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestRunFigures(t *testing.T) {
	cfg, res := replicate(t, "baseline", 3)
	sums := experiment.Summarise(res, 0.95)
	figs, err := output.RunFigures(res, sums, cfg, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"demand_supply", "waiting", "caseload_per_fte", "vcse", "workforce", "needs_by_group", "costs"}
	if len(figs) != len(want) {
		t.Fatalf("%d figures, want %d", len(figs), len(want))
	}
	for i, f := range figs {
		if f.Name != want[i] {
			t.Errorf("figure %d is %s, want %s", i, f.Name, want[i])
		}
		checkFigure(t, f)
	}
	// Drawing is deterministic: the same data give the same bytes.
	again, err := output.RunFigures(res, sums, cfg, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	for i := range figs {
		p1, _ := figs[i].PNG()
		p2, _ := again[i].PNG()
		if !bytes.Equal(p1, p2) || !bytes.Equal(figs[i].SVG, again[i].SVG) {
			t.Errorf("%s drawn twice differs", figs[i].Name)
		}
	}
	if !bytes.Contains(figs[6].SVG, []byte("assumption-driven")) {
		t.Error("the cost chart does not label the GP value as assumption-driven")
	}
}

func TestRunFiguresOneReplication(t *testing.T) {
	// One replication has no intervals: lines without bands, no panic.
	cfg, res := replicate(t, "deprived-area", 1)
	figs, err := output.RunFigures(res, experiment.Summarise(res, 0.95), cfg, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		checkFigure(t, f)
	}
}

func TestCompareAndSweepFigures(t *testing.T) {
	_, a := replicate(t, "baseline", 3)
	_, b := replicate(t, "vcse-cut", 3)
	cmp := experiment.Contrast([]string{"baseline", "vcse-cut"}, [][]*sim.Result{a, b}, 0.95)
	figs, err := output.CompareFigures(cmp, output.CompareKPIs)
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 2 {
		t.Fatalf("%d comparison figures, want 2", len(figs))
	}
	for _, f := range figs {
		checkFigure(t, f)
	}
	// A difference of shares is in percentage points, a share in percent.
	if svg := string(figs[1].SVG); !strings.Contains(svg, "Difference from baseline (percentage points)") {
		t.Error("the differences chart does not put a difference of shares in percentage points")
	}
	if svg := string(figs[0].SVG); strings.Contains(svg, "percentage points") {
		t.Error("the KPI bars chart calls a share percentage points")
	}
	if _, err := output.CompareFigures(cmp, []string{"no_such_kpi"}); err == nil {
		t.Error("a comparison chart of no known KPI did not fail")
	}

	for _, factors := range [][]experiment.Factor{
		{{Key: "workforce.link_workers", Values: []string{"3", "4"}}},
		{{Key: "support.model", Values: []string{"short_term", "tiered"}}, {Key: "holding.enabled", Values: []string{"true", "false"}}},
	} {
		sw := &experiment.Sweep{Factors: factors, Level: 0.95}
		for _, p := range experiment.Grid(factors) {
			sw.Points = append(sw.Points, experiment.SweepPoint{Values: p, Summaries: experiment.Summarise(a, 0.95)})
		}
		f, err := output.SweepFigure(sw, output.SweepKPIs)
		if err != nil {
			t.Fatal(err)
		}
		checkFigure(t, f)
	}
}

func TestKPILabel(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"wait_first_contact_p90_weeks", "Wait to first contact, 90th percentile"},
		{"needs_met_share.most_deprived", "Share of needs met: most deprived"},
		{"some_new_kpi", "Some new kpi"},
	} {
		if got := output.KPILabel(tc.name); got != tc.want {
			t.Errorf("KPILabel(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
