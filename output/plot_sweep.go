package output

import (
	"fmt"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

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
	first := sw.Factors[0]
	// A numeric parameter is drawn to scale; text values are placed evenly.
	xs := make(map[string]float64, len(first.Values))
	numeric := true
	for _, v := range first.Values {
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || !defined(x) {
			numeric = false
		}
		xs[v] = x
	}
	if !numeric {
		for i, v := range first.Values {
			xs[v] = float64(i)
		}
	}
	// Lines: the points grouped by the values of the other factors, in
	// the order they first appear.
	type group struct {
		label  string
		points []experiment.SweepPoint
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, p := range sw.Points {
		var parts []string
		for f := 1; f < len(sw.Factors); f++ {
			parts = append(parts, shortKey(sw.Factors[f].Key)+" = "+p.Values[f])
		}
		key := strings.Join(parts, ", ")
		g, ok := byKey[key]
		if !ok {
			g = &group{label: key}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.points = append(g.points, p)
	}
	var panels []*plot.Plot
	var lg *plot.Legend
	if len(groups) > 1 {
		lg = newLegend()
	}
	for i, name := range kpis {
		unit := ""
		if s, ok := findSummary(sw.Points[0].Summaries, name); ok {
			unit = s.Unit
		}
		d := displayFor(unit)
		p := newPanel(panelTitle(name, unit), capitalise(shortKey(first.Key))+" ("+first.Key+")", d.unit)
		p.Title.TextStyle = textStyle(12, true)
		p.Y.Tick.Marker = niceTicks{format: d.format, n: 5}
		if !numeric {
			p.X.Tick.Marker = constantTicks(first.Values)
		} else if len(first.Values) <= 12 {
			p.X.Tick.Marker = valueTicks(first.Values)
		}
		for gi, g := range groups {
			b := &bandLine{color: paletteAt(gi)}
			for _, pt := range g.points {
				s, _ := findSummary(pt.Summaries, name)
				b.x = append(b.x, xs[pt.Values[0]])
				b.mean = append(b.mean, s.Estimate.Mean*d.scale)
				b.lo = append(b.lo, s.Estimate.Low*d.scale)
				b.hi = append(b.hi, s.Estimate.High*d.scale)
			}
			p.Add(b)
			dots := &whiskers{pos: b.x, mid: b.mean, lo: b.mean, hi: b.mean, color: paletteAt(gi), radius: vg.Points(3.5)}
			p.Add(dots)
			if i == 0 && lg != nil {
				lg.Add(g.label, b)
			}
		}
		// Counts, times and shares start at zero, so that a flat line is
		// not drawn as a steep one.
		if p.Y.Min >= 0 {
			p.Y.Min = 0
		}
		panels = append(panels, p)
	}
	rows := grid(panels, 2)
	legends := make([]*plot.Legend, len(rows))
	legends[0] = lg
	l := layout{
		title:  "KPIs against " + shortKey(first.Key),
		note:   fmt.Sprintf("Lines: mean after the warm-up over %d replications at each value (common random numbers). Bands: %.0f%% confidence interval.", sweepReplications(sw), 100*sw.Level),
		rows:   rows,
		legend: legends,
		width:  12 * vg.Inch, height: vg.Length(3.6*float64(len(rows))+0.8) * vg.Inch,
	}
	if lg == nil {
		l.width = 11 * vg.Inch
	}
	return l.render("sweep", "Each panel is one KPI against "+first.Key+"; the band is the 95% confidence interval at each value.")
}

// shortKey is the last part of a key path, in words: "link workers".
func shortKey(key string) string {
	parts := strings.Split(key, ".")
	last := strings.ReplaceAll(parts[len(parts)-1], "_", " ")
	if len(parts) >= 2 && parts[0] == "services" {
		return strings.ReplaceAll(parts[1], "_", " ") + " " + last
	}
	return last
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
