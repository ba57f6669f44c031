package output

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// SweepKPIs are the KPIs a sweep charts unless told otherwise.
var SweepKPIs = study.DefaultSweepKPIs

// SweepFigure draws the chosen KPIs of a sweep against the first varied
// parameter, one panel per KPI, with interval bands; with more parameters,
// one line per combination of the others' values.
func SweepFigure(sw *experiment.Sweep, kpis []string) (Figure, error) {
	if len(sw.Factors) == 0 || len(sw.Points) == 0 {
		return Figure{}, fmt.Errorf("sweep chart: no points")
	}
	ax := newSweepAxis(sw.Factors[0])
	groups := sweepGroups(sw)
	// One group is one line (or set of bars) per panel. With several, a
	// panel per group and KPI (small multiples, a row per KPI sharing its
	// scale) keeps bands from blurring into each other; beyond 4 groups,
	// one panel per KPI with a line per group and a legend.
	sf := &sweepFigure{sw: sw, ax: ax, groups: groups, multiples: len(groups) > 1 && len(groups) <= 4}
	if len(groups) > 1 && !sf.multiples {
		sf.lg = newLegend()
	}
	var (
		rows [][]*plot.Plot // small multiples: a row per KPI
		flat []*plot.Plot   // otherwise: a panel per KPI, two to a row
	)
	for i, name := range kpis {
		row := sf.kpiPanels(name, i == 0)
		if sf.multiples {
			shareY(row)
			rows = append(rows, row)
		} else {
			flat = append(flat, row...)
		}
	}
	if !sf.multiples {
		rows = grid(flat, 2)
	}
	return sf.render(rows)
}

// sweepAxis places the first varied parameter's values: a numeric
// parameter to scale, text values evenly.
type sweepAxis struct {
	factor  experiment.Factor
	xs      map[string]float64
	numeric bool
}

// pad is the room either side of a numeric axis's outermost values: a
// twentieth of their span, so 0 to 0.2 fills the panel as 3 to 12 does.
func (ax sweepAxis) pad() float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range ax.xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	if !(hi > lo) {
		return 0.5
	}
	return (hi - lo) / 20
}

func newSweepAxis(first experiment.Factor) sweepAxis {
	ax := sweepAxis{factor: first, xs: make(map[string]float64, len(first.Values)), numeric: true}
	for _, v := range first.Values {
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || !defined(x) {
			ax.numeric = false
		}
		ax.xs[v] = x
	}
	if !ax.numeric {
		for i, v := range first.Values {
			ax.xs[v] = float64(i)
		}
	}
	return ax
}

// sweepGroup is the points of one line: one combination of the values of
// the factors after the first.
type sweepGroup struct {
	label  string
	points []experiment.SweepPoint
}

// sweepGroups groups the points by the values of the other factors, in
// the order they first appear.
func sweepGroups(sw *experiment.Sweep) []*sweepGroup {
	var groups []*sweepGroup
	byKey := map[string]*sweepGroup{}
	for _, p := range sw.Points {
		var parts []string
		for f := 1; f < len(sw.Factors); f++ {
			parts = append(parts, shortKey(sw.Factors[f].Key)+" = "+p.Values[f])
		}
		key := strings.Join(parts, ", ")
		g, ok := byKey[key]
		if !ok {
			g = &sweepGroup{label: key}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.points = append(g.points, p)
	}
	return groups
}

// sweepFigure is a sweep chart being drawn.
type sweepFigure struct {
	sw        *experiment.Sweep
	ax        sweepAxis
	groups    []*sweepGroup
	multiples bool
	lg        *plot.Legend // a line per group, when not small multiples
}

// kpiPanels draws one KPI: a panel per group with small multiples, else
// one panel with every group. The first KPI's groups fill the legend.
func (sf *sweepFigure) kpiPanels(name string, first bool) []*plot.Plot {
	unit := ""
	if s, ok := experiment.FindSummary(sf.sw.Points[0].Summaries, name); ok {
		unit = s.Unit
	}
	d := displayFor(unit)
	var row []*plot.Plot
	p := sf.panel(panelTitle(name, unit), d)
	for gi, g := range sf.groups {
		c := paletteAt(gi)
		if sf.multiples {
			p = sf.panel(panelTitle(name, unit)+"\n"+g.label, d)
			c = Blue
		}
		thumb := sf.drawGroup(p, g, gi, name, d, c)
		if first && sf.lg != nil {
			sf.lg.Add(g.label, thumb)
		}
		if sf.multiples || gi == len(sf.groups)-1 {
			// Counts, times and shares start at zero, so that a
			// flat line is not drawn as a steep one.
			if p.Y.Min >= 0 {
				p.Y.Min = 0
			}
			row = append(row, p)
		}
	}
	return row
}

// panel is an empty KPI panel against the first parameter.
func (sf *sweepFigure) panel(title string, d display) *plot.Plot {
	first := sf.ax.factor
	p := newPanel(title, capitalise(shortKey(first.Key))+" ("+first.Key+")", d.unit)
	p.Title.TextStyle = textStyle(12, true)
	p.Y.Tick.Marker = niceTicks{format: d.format, n: 5}
	if !sf.ax.numeric {
		p.X.Tick.Marker = constantTicks(first.Values)
		p.X.Min, p.X.Max = -0.6, float64(len(first.Values))-0.4
	} else if len(first.Values) <= 12 {
		p.X.Tick.Marker = valueTicks(first.Values)
	}
	return p
}

// drawGroup adds one group's KPI to p: a band and dots for a numeric
// parameter, bars for unordered categories. It returns the legend's thumb.
func (sf *sweepFigure) drawGroup(p *plot.Plot, g *sweepGroup, gi int, name string, d display, c color.Color) plot.Thumbnailer {
	var x, mean, lo, hi []float64
	for _, pt := range g.points {
		s, _ := experiment.FindSummary(pt.Summaries, name)
		x = append(x, sf.ax.xs[pt.Values[0]])
		mean = append(mean, s.Estimate.Mean*d.scale)
		lo = append(lo, s.Estimate.Low*d.scale)
		hi = append(hi, s.Estimate.High*d.scale)
	}
	if sf.ax.numeric {
		b := &bandLine{color: c, x: x, mean: mean, lo: lo, hi: hi}
		p.Add(b, &whiskers{pos: x, mid: mean, lo: mean, hi: mean, color: c, radius: vg.Points(3.5), pad: sf.ax.pad()})
		return b
	}
	// Unordered categories: bars side by side, never a line joining them.
	n, k := 1, 0
	if !sf.multiples {
		n, k = len(sf.groups), gi
	}
	w := 0.7 / float64(n)
	b := &bars{width: w, color: c, val: mean, lo: lo, hi: hi}
	for _, xi := range x {
		b.pos = append(b.pos, xi-0.35+w*(float64(k)+0.5))
	}
	p.Add(b)
	return b
}

// render lays the panels out with the sweep's title, note and caption.
func (sf *sweepFigure) render(rows [][]*plot.Plot) (Figure, error) {
	sw, first, numeric, multiples := sf.sw, sf.ax.factor, sf.ax.numeric, sf.multiples
	legends := make([]*plot.Legend, len(rows))
	legends[0] = sf.lg
	what := "Lines: mean"
	if !numeric {
		what = "Bars: mean"
	}
	note := fmt.Sprintf("%s after the warm-up over %s at each value (common random numbers). %s: %.0f%% confidence interval.",
		what, experiment.Count(sweepReplications(sw), "replication"), map[bool]string{true: "Bands", false: "Whiskers"}[numeric], 100*sw.Level)
	if multiples {
		note = fmt.Sprintf("Mean of %s at each value; bands: %.0f%% confidence interval. A column per %s; each row shares its scale.",
			experiment.Count(sweepReplications(sw), "replication"), 100*sw.Level, shortKey(sw.Factors[1].Key))
	}
	perRow := 3.6
	if multiples {
		perRow = 3.2
	}
	l := layout{
		title:  "KPIs against " + shortKey(first.Key),
		note:   note,
		rows:   rows,
		legend: legends,
		width:  12 * vg.Inch, height: vg.Length(perRow*float64(len(rows))+0.8) * vg.Inch,
	}
	if sf.lg == nil && !multiples {
		l.width = 11 * vg.Inch
	}
	caption := "Each panel is one KPI against " + first.Key + "; the band is the 95% confidence interval at each value."
	switch {
	case !numeric:
		caption = "Each panel is one KPI for each value of " + first.Key + ", drawn as bars because the values have no order; whiskers are 95% confidence intervals."
	case multiples:
		caption = "Small multiples: a row per KPI, a column per value of " + sw.Factors[1].Key + ", each KPI against " + first.Key + " with its 95% confidence band; panels in a row share a scale, so heights compare across columns."
	}
	return l.render("sweep", caption)
}

// shareY gives panels one y range, the union of theirs, so that small
// multiples compare by height.
func shareY(panels []*plot.Plot) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range panels {
		lo, hi = math.Min(lo, p.Y.Min), math.Max(hi, p.Y.Max)
	}
	for _, p := range panels {
		p.Y.Min, p.Y.Max = lo, hi
	}
}

// shortKey is a key in words: its label ("link-worker posts"), else the
// last part of its path ("seasonal peak week").
func shortKey(key string) string {
	if w := scenarios.KeyLabel(key); w != "" {
		return Uncapitalise(w)
	}
	parts := strings.Split(key, ".")
	last := strings.ReplaceAll(parts[len(parts)-1], "_", " ")
	if len(parts) >= 2 && parts[0] == "services" {
		return strings.ReplaceAll(parts[1], "_", " ") + " " + last
	}
	return last
}

// valueTicks labels exactly the swept values.
func valueTicks(values []string) plot.ConstantTicks {
	var ticks plot.ConstantTicks
	for _, v := range values {
		if x, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			ticks = append(ticks, plot.Tick{Value: x, Label: strings.TrimSpace(v)})
		}
	}
	return ticks
}

func sweepReplications(sw *experiment.Sweep) int {
	if len(sw.Points) == 0 || len(sw.Points[0].Summaries) == 0 {
		return 0
	}
	return sw.Points[0].Summaries[0].Estimate.N
}
