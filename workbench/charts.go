package workbench

import (
	"fmt"
	"html"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Charts are drawn here as SVG rather than with the output package's
// gonum/plot figures: those take over a second for a run's set (PNG and
// SVG of every chart), which alone would break the one-second what-if,
// while this takes about a millisecond. Each line also carries its
// series name and each panel its scales, so the page, screen readers and
// tests can read the values back. report.html still has the command
// line's figures.

// band is one line with its confidence band.
type band struct {
	Name            string // stable name, e.g. "waiting_list_mean"
	Label           string
	Color           int // index into palette
	Dashed          bool
	X               []float64
	Mean, Low, High []float64
}

// panel is one chart area: lines over a shared x axis.
type panel struct {
	Title, XLabel, YLabel string
	Shade                 float64 // x from 0 to Shade is shaded (the warm-up)
	Points                bool    // mark each point (sweeps)
	Bands                 []band
}

// palette is colour-blind safe (Okabe-Ito).
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"}

const (
	chartW  = 720.0
	panelH  = 220.0
	padL    = 64.0
	padR    = 16.0
	padTop  = 46.0 // title and legend
	padBot  = 36.0
	fontCSS = `font-family="system-ui, sans-serif" font-size="12"`
)

// svgChart draws panels stacked in one SVG.
func svgChart(name, title string, panels []panel) string {
	var b strings.Builder
	h := panelH * float64(len(panels))
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="%s" viewBox="0 0 %g %g" role="img" aria-label="%s" %s>`,
		name, chartW, h, html.EscapeString(title), fontCSS)
	fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(title))
	for i, p := range panels {
		p.draw(&b, float64(i)*panelH)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// draw writes the panel with its top at y0.
func (p panel) draw(b *strings.Builder, y0 float64) {
	left, right := padL, chartW-padR
	top, bottom := y0+padTop, y0+panelH-padBot
	xmin, xmax, ymin, ymax := p.extent()
	xs := func(x float64) float64 { return left + (x-xmin)/(xmax-xmin)*(right-left) }
	ys := func(y float64) float64 { return bottom - (y-ymin)/(ymax-ymin)*(bottom-top) }
	fmt.Fprintf(b, `<g class="panel" data-x0="%g" data-x1="%g" data-y0="%g" data-y1="%g" data-left="%g" data-right="%g" data-top="%g" data-bottom="%g">`,
		xmin, xmax, ymin, ymax, left, right, top, bottom)
	fmt.Fprintf(b, `<text x="%g" y="%g" font-weight="600" font-size="13">%s</text>`, left, y0+16, html.EscapeString(p.Title))
	// Legend, one row under the title.
	lx := left
	for _, s := range p.Bands {
		fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="2.5"%s/>`, lx, y0+31, lx+18, y0+31, palette[s.Color%len(palette)], dash(s.Dashed))
		fmt.Fprintf(b, `<text x="%g" y="%g">%s</text>`, lx+22, y0+35, html.EscapeString(s.Label))
		lx += 22 + 6.6*float64(len(s.Label)) + 18
	}
	if p.Shade > xmin {
		fmt.Fprintf(b, `<rect class="warmup" x="%g" y="%g" width="%g" height="%g" fill="#eee"><title>Warm-up: not counted in the results</title></rect>`,
			left, top, xs(math.Min(p.Shade, xmax))-left, bottom-top)
	}
	// Axes and grid.
	for _, t := range ticks(ymin, ymax) {
		y := ys(t)
		fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#ddd"/>`, left, y, right, y)
		fmt.Fprintf(b, `<text x="%g" y="%g" text-anchor="end">%s</text>`, left-6, y+4, tickLabel(t))
	}
	xt := ticks(xmin, xmax)
	if p.Points && wholeX(p) {
		xt = wholeTicks(xmin, xmax) // no tick at half a post
	}
	for _, t := range xt {
		x := xs(t)
		fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#999"/>`, x, bottom, x, bottom+4)
		fmt.Fprintf(b, `<text x="%g" y="%g" text-anchor="middle">%s</text>`, x, bottom+16, tickLabel(t))
	}
	fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#999"/>`, left, bottom, right, bottom)
	fmt.Fprintf(b, `<text x="%g" y="%g" text-anchor="middle" fill="#444">%s</text>`, (left+right)/2, bottom+31, html.EscapeString(p.XLabel))
	fmt.Fprintf(b, `<text transform="translate(14 %g) rotate(-90)" text-anchor="middle" fill="#444">%s</text>`, (top+bottom)/2, html.EscapeString(p.YLabel))
	for _, s := range p.Bands {
		col := palette[s.Color%len(palette)]
		fmt.Fprintf(b, `<g class="series" data-series="%s">`, html.EscapeString(s.Name))
		for _, seg := range segments(s) {
			var d strings.Builder
			for k, i := range seg {
				fmt.Fprintf(&d, "%s%.1f %.1f", moveOrLine(k), xs(s.X[i]), ys(s.High[i]))
			}
			for k := len(seg) - 1; k >= 0; k-- {
				i := seg[k]
				fmt.Fprintf(&d, "L%.1f %.1f", xs(s.X[i]), ys(s.Low[i]))
			}
			fmt.Fprintf(b, `<path class="band" d="%sZ" fill="%s" fill-opacity="0.18" stroke="none"/>`, d.String(), col)
		}
		for _, seg := range segments(s) {
			var d strings.Builder
			for k, i := range seg {
				fmt.Fprintf(&d, "%s%.2f %.2f", moveOrLine(k), xs(s.X[i]), ys(s.Mean[i]))
			}
			fmt.Fprintf(b, `<path class="line" d="%s" fill="none" stroke="%s" stroke-width="2"%s/>`, d.String(), col, dash(s.Dashed))
			if p.Points {
				for _, i := range seg {
					fmt.Fprintf(b, `<circle cx="%.2f" cy="%.2f" r="3.5" fill="%s"><title>%s: %s (%s to %s)</title></circle>`,
						xs(s.X[i]), ys(s.Mean[i]), col, experiment.Number(s.X[i]), experiment.Number(s.Mean[i]), experiment.Number(s.Low[i]), experiment.Number(s.High[i]))
				}
			}
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</g>`)
}

func moveOrLine(k int) string {
	if k == 0 {
		return "M"
	}
	return "L"
}

func dash(d bool) string {
	if d {
		return ` stroke-dasharray="6 3"`
	}
	return ""
}

// tickLabel is an axis number short enough for the axis's margin: 400k,
// not 400,000, which ran into the axis title.
func tickLabel(t float64) string {
	switch a := math.Abs(t); {
	case a >= 1e6:
		return experiment.Number(t/1e6) + "M"
	case a >= 1e4:
		return experiment.Number(t/1e3) + "k"
	}
	return experiment.Number(t)
}

// segments splits a series into runs of points where it is defined.
func segments(s band) [][]int {
	return output.Segments(len(s.X), func(i int) bool {
		return finite(s.Mean[i]) && finite(s.Low[i]) && finite(s.High[i])
	})
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// extent is the panel's data range: y always includes 0, and both axes
// have some width.
func (p panel) extent() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = math.Inf(1), math.Inf(-1), 0, math.Inf(-1)
	for _, s := range p.Bands {
		for i, x := range s.X {
			xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
			for _, v := range []float64{s.Mean[i], s.Low[i], s.High[i]} {
				if finite(v) {
					ymin, ymax = math.Min(ymin, v), math.Max(ymax, v)
				}
			}
		}
	}
	if !finite(xmin) || !finite(xmax) {
		xmin, xmax = 0, 1
	}
	if xmax <= xmin {
		xmin, xmax = xmin-1, xmax+1
	}
	if !finite(ymax) || ymax <= ymin {
		ymax = ymin + 1
	}
	ymax += 0.05 * (ymax - ymin)
	return
}

// ticks are round values spanning [lo, hi], about five of them.
func ticks(lo, hi float64) []float64 {
	span := hi - lo
	if !(span > 0) {
		return []float64{lo}
	}
	step := output.NiceStep(span / 5)
	var out []float64
	for t := math.Ceil(lo/step) * step; t <= hi+step*1e-9; t += step {
		out = append(out, math.Round(t/step)*step)
	}
	return out
}

// wholeX reports whether every point of p is at a whole number: a sweep of
// posts or sessions.
func wholeX(p panel) bool {
	for _, b := range p.Bands {
		for _, x := range b.X {
			if x != math.Trunc(x) {
				return false
			}
		}
	}
	return true
}

// wholeTicks are ticks for whole-number values: round ones at a whole
// step (2.5 becomes 2), none between two whole numbers.
func wholeTicks(lo, hi float64) []float64 {
	step := math.Max(1, math.Floor(output.NiceStep((hi-lo)/5)))
	var out []float64
	for t := math.Ceil(lo/step) * step; t <= hi+1e-9; t += step {
		out = append(out, t)
	}
	return out
}

// diffRow is one scenario's paired difference from the reference.
type diffRow struct {
	Name string
	Est  experiment.Estimate
}

// diffPanel is one KPI's differences.
type diffPanel struct {
	Title string
	Unit  string
	Rows  []diffRow
}

// svgDiffs draws each KPI's paired differences as dots with whiskers
// against a zero line, one small panel per KPI.
func svgDiffs(name, title string, panels []diffPanel) string {
	const rowH, headH, gap = 22.0, 24.0, 14.0
	h := 0.0
	for _, p := range panels {
		h += headH + rowH*float64(len(p.Rows)) + gap
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="%s" viewBox="0 0 %g %g" role="img" aria-label="%s" %s><title>%s</title>`,
		name, chartW, h, html.EscapeString(title), fontCSS, html.EscapeString(title))
	// The right margin fits the longest difference written beside its dot
	// with its interval ("+6.9 percentage points [6.1, 7.5]"), at about
	// 7.5 px a character.
	labelW := 150.0
	for _, p := range panels {
		for _, r := range p.Rows {
			labelW = max(labelW, 7.5*float64(utf8.RuneCountInString(diffLabel(r.Est, p.Unit)))+20)
		}
	}
	// The left column fits the longest pin name at about 7 px a
	// character (a name is at most 40), and clips one of wide letters
	// rather than draw it over the dots; the full name is its title.
	nameW := 0.0
	for _, p := range panels {
		for _, r := range p.Rows {
			nameW = max(nameW, 7*float64(utf8.RuneCountInString(r.Name)))
		}
	}
	left, right := min(max(200, 12+nameW+20), chartW-labelW-200), chartW-labelW
	fmt.Fprintf(&b, `<defs><clipPath id="%s-names"><rect x="0" y="0" width="%g" height="%g"/></clipPath></defs>`, name, left-8, h)
	y := 0.0
	for _, p := range panels {
		lo, hi := 0.0, 0.0
		for _, r := range p.Rows {
			if finite(r.Est.Low) && finite(r.Est.High) {
				lo, hi = math.Min(lo, r.Est.Low), math.Max(hi, r.Est.High)
			}
			lo, hi = math.Min(lo, r.Est.Mean), math.Max(hi, r.Est.Mean)
		}
		if hi <= lo {
			lo, hi = lo-1, hi+1
		}
		pad := 0.05 * (hi - lo)
		lo, hi = lo-pad, hi+pad
		xs := func(v float64) float64 { return left + (v-lo)/(hi-lo)*(right-left) }
		fmt.Fprintf(&b, `<g class="panel" data-kpi="%s">`, html.EscapeString(p.Title))
		fmt.Fprintf(&b, `<text x="0" y="%g" font-weight="600">%s</text>`, y+16, html.EscapeString(p.Title))
		z := xs(0)
		top, bottom := y+headH-4, y+headH+rowH*float64(len(p.Rows))
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="#888" stroke-dasharray="3 3"/>`, z, top, z, bottom)
		for i, r := range p.Rows {
			cy := y + headH + rowH*float64(i) + rowH/2
			col := palette[(i+1)%len(palette)]
			if !detectable(r.Est) {
				col = "#888"
			}
			fmt.Fprintf(&b, `<text x="12" y="%g" clip-path="url(#%s-names)"><title>%s</title>%s</text>`, cy+4, name, html.EscapeString(r.Name), html.EscapeString(r.Name))
			if finite(r.Est.Low) && finite(r.Est.High) {
				fmt.Fprintf(&b, `<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="%s" stroke-width="2"/>`, xs(r.Est.Low), cy, xs(r.Est.High), cy, col)
			}
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%g" r="5" fill="%s"/>`, xs(r.Est.Mean), cy, col)
			fmt.Fprintf(&b, `<text x="%g" y="%g">%s</text>`, right+10, cy+4, html.EscapeString(diffLabel(r.Est, p.Unit)))
		}
		b.WriteString(`</g>`)
		y += headH + rowH*float64(len(p.Rows)) + gap
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// diffLabel writes a difference beside its dot with its interval, to the
// decimals the table gives it: "−4.90 weeks [−5.14, −4.66]". The mean
// alone, to its own decimals ("−0.0904 people per FTE a year" beside the
// table's "−0.090"), left the whisker's numbers to be guessed.
func diffLabel(e experiment.Estimate, unit string) string {
	if e.N < 2 || !finite(e.Low) || !finite(e.High) {
		return signed(e.Mean, unit)
	}
	return experiment.SignedWithBounds(e.Mean, e.Low, e.High, unit, unit == sim.UnitShare)
}
