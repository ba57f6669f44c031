package output

import (
	"fmt"
	"math"
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
	// One group is one line (or set of bars) per panel. With several, a
	// panel per group and KPI (small multiples, a row per KPI sharing its
	// scale) keeps bands from blurring into each other; beyond 4 groups,
	// one panel per KPI with a line per group and a legend.
	multiples := len(groups) > 1 && len(groups) <= 4
	var (
		rows [][]*plot.Plot // small multiples: a row per KPI
		flat []*plot.Plot   // otherwise: a panel per KPI, two to a row
		lg   *plot.Legend
	)
	if len(groups) > 1 && !multiples {
		lg = newLegend()
	}
	xLabel := capitalise(shortKey(first.Key)) + " (" + first.Key + ")"
	for i, name := range kpis {
		unit := ""
		if s, ok := findSummary(sw.Points[0].Summaries, name); ok {
			unit = s.Unit
		}
		d := displayFor(unit)
		newKPIPanel := func(title string) *plot.Plot {
			p := newPanel(title, xLabel, d.unit)
			p.Title.TextStyle = textStyle(12, true)
			p.Y.Tick.Marker = niceTicks{format: d.format, n: 5}
			if !numeric {
				p.X.Tick.Marker = constantTicks(first.Values)
				p.X.Min, p.X.Max = -0.6, float64(len(first.Values))-0.4
			} else if len(first.Values) <= 12 {
				p.X.Tick.Marker = valueTicks(first.Values)
			}
			return p
		}
		var row []*plot.Plot
		p := newKPIPanel(panelTitle(name, unit))
		for gi, g := range groups {
			if multiples {
				p = newKPIPanel(panelTitle(name, unit) + "\n" + g.label)
			}
			c := paletteAt(gi)
			if multiples {
				c = colBlue
			}
			var x, mean, lo, hi []float64
			for _, pt := range g.points {
				s, _ := findSummary(pt.Summaries, name)
				x = append(x, xs[pt.Values[0]])
				mean = append(mean, s.Estimate.Mean*d.scale)
				lo = append(lo, s.Estimate.Low*d.scale)
				hi = append(hi, s.Estimate.High*d.scale)
			}
			var legendThumb plot.Thumbnailer
			if numeric {
				b := &bandLine{color: c, x: x, mean: mean, lo: lo, hi: hi}
				p.Add(b, &whiskers{pos: x, mid: mean, lo: mean, hi: mean, color: c, radius: vg.Points(3.5)})
				legendThumb = b
			} else {
				// Unordered categories: bars side by side, never a line
				// joining them.
				n, k := 1, 0
				if !multiples {
					n, k = len(groups), gi
				}
				w := 0.7 / float64(n)
				b := &bars{width: w, color: c, val: mean, lo: lo, hi: hi}
				for _, xi := range x {
					b.pos = append(b.pos, xi-0.35+w*(float64(k)+0.5))
				}
				p.Add(b)
				legendThumb = b
			}
			if i == 0 && lg != nil {
				lg.Add(g.label, legendThumb)
			}
			if multiples || gi == len(groups)-1 {
				// Counts, times and shares start at zero, so that a
				// flat line is not drawn as a steep one.
				if p.Y.Min >= 0 {
					p.Y.Min = 0
				}
				row = append(row, p)
			}
		}
		if multiples {
			shareY(row)
			rows = append(rows, row)
		} else {
			flat = append(flat, row...)
		}
	}
	if !multiples {
		rows = grid(flat, 2)
	}
	legends := make([]*plot.Legend, len(rows))
	legends[0] = lg
	what := "Lines: mean"
	if !numeric {
		what = "Bars: mean"
	}
	note := fmt.Sprintf("%s after the warm-up over %d replications at each value (common random numbers). %s: %.0f%% confidence interval.",
		what, sweepReplications(sw), map[bool]string{true: "Bands", false: "Whiskers"}[numeric], 100*sw.Level)
	if multiples {
		note = fmt.Sprintf("Mean of %d replications at each value; bands: %.0f%% confidence interval. A column per %s; each row shares its scale.",
			sweepReplications(sw), 100*sw.Level, shortKey(sw.Factors[1].Key))
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
	if lg == nil && !multiples {
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
