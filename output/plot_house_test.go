package output_test

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
)

// TestChartInTheHouseStyle: a decision tool's chart renders to a PNG that
// decodes and an SVG, byte for byte the same each time, in the house font,
// with its legend only when it has entries.
func TestChartInTheHouseStyle(t *testing.T) {
	draw := func(legend bool) output.Figure {
		c := output.NewChart("title", "x", "y")
		s, err := plotter.NewScatter(plotter.XYs{{X: 1, Y: 2}, {X: 3, Y: 4}})
		if err != nil {
			t.Fatal(err)
		}
		c.Plot.Add(s)
		if legend {
			c.AddLegend("the points, in their legend", s)
		}
		f, err := c.Render("test", "caption", 4*vg.Inch, 3*vg.Inch)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	a, b := draw(true), draw(true)
	pa, err := a.PNG()
	if err != nil {
		t.Fatal(err)
	}
	pb, _ := b.PNG()
	if !bytes.Equal(pa, pb) || !bytes.Equal(a.SVG, b.SVG) {
		t.Error("the same chart rendered twice differs")
	}
	if _, err := png.Decode(bytes.NewReader(pa)); err != nil {
		t.Errorf("PNG: %v", err)
	}
	svg := string(a.SVG)
	if !strings.Contains(svg, "Liberation Sans") || strings.Contains(svg, "Liberation Serif") {
		t.Error("not in the house font")
	}
	if !strings.Contains(svg, "the points, in their legend") {
		t.Error("the legend's entry is missing")
	}
	if strings.Contains(string(draw(false).SVG), "in their legend") {
		t.Error("a legend drawn with no entries")
	}
}

// TestKPIAxis: an axis for a KPI names it with its unit and draws a share
// in per cent.
func TestKPIAxis(t *testing.T) {
	for _, tc := range []struct {
		kpi   string
		label string
		scale float64
	}{
		{sim.KPIWaitP90, "Wait to first contact, 90th percentile (weeks)", 1},
		{sim.KPINeedsMetShare, "(%)", 100},
	} {
		c := output.NewChart("", "", "")
		if scale := output.KPIAxis(&c.Plot.Y, tc.kpi); scale != tc.scale || !strings.Contains(c.Plot.Y.Label.Text, tc.label) {
			t.Errorf("%s: axis %q at scale %v, want %q at %v", tc.kpi, c.Plot.Y.Label.Text, scale, tc.label, tc.scale)
		}
	}
}
