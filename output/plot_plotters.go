package output

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The plotters below draw in data coordinates and treat NaN as a gap:
// gonum's own refuse NaN, and an undefined week (no first contacts, one
// replication so no interval) must show as missing, not as zero.

// bandLine is a series' mean as a line over its confidence interval as a
// translucent band.
type bandLine struct {
	x, mean, lo, hi []float64
	color           color.Color
	dashes          []vg.Length
	width           vg.Length // 0 means 2 points
}

func (b *bandLine) lineStyle() draw.LineStyle {
	w := b.width
	if w == 0 {
		w = vg.Points(2)
	}
	return draw.LineStyle{Color: b.color, Width: w, Dashes: b.dashes}
}

// Plot implements plot.Plotter.
func (b *bandLine) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	if b.lo != nil {
		fill := translucent(b.color, 0x48)
		for _, seg := range Segments(len(b.x), func(i int) bool { return defined(b.x[i], b.lo[i], b.hi[i]) }) {
			pts := make([]vg.Point, 0, 2*len(seg))
			for _, i := range seg {
				pts = append(pts, vg.Point{X: trX(b.x[i]), Y: trY(b.hi[i])})
			}
			for k := len(seg) - 1; k >= 0; k-- {
				i := seg[k]
				pts = append(pts, vg.Point{X: trX(b.x[i]), Y: trY(b.lo[i])})
			}
			if len(seg) == 1 {
				// A lone defined week: its interval as a vertical stroke.
				c.StrokeLines(draw.LineStyle{Color: fill, Width: vg.Points(3)}, c.ClipLinesXY(pts)...)
				continue
			}
			c.FillPolygon(fill, c.ClipPolygonXY(pts))
		}
	}
	for _, seg := range Segments(len(b.x), func(i int) bool { return defined(b.x[i], b.mean[i]) }) {
		pts := make([]vg.Point, len(seg))
		for k, i := range seg {
			pts[k] = vg.Point{X: trX(b.x[i]), Y: trY(b.mean[i])}
		}
		c.StrokeLines(b.lineStyle(), c.ClipLinesXY(pts)...)
	}
}

// DataRange implements plot.DataRanger, including the band.
func (b *bandLine) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i, x := range b.x {
		for _, y := range []float64{b.mean[i], at(b.lo, i), at(b.hi, i)} {
			if defined(x, y) {
				xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
				ymin, ymax = math.Min(ymin, y), math.Max(ymax, y)
			}
		}
	}
	return
}

// Thumbnail implements plot.Thumbnailer: the band behind the line.
func (b *bandLine) Thumbnail(c *draw.Canvas) {
	if b.lo != nil {
		h := c.Max.Y - c.Min.Y
		r := vg.Rectangle{Min: vg.Point{X: c.Min.X, Y: c.Min.Y + h*0.1}, Max: vg.Point{X: c.Max.X, Y: c.Max.Y - h*0.1}}
		c.FillPolygon(translucent(b.color, 0x48), []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}})
	}
	y := c.Center().Y
	c.StrokeLine2(b.lineStyle(), c.Min.X, y, c.Max.X, y)
}

// span shades the x range [from, to] over the whole height: the warm-up.
// It has no data range, so it never stretches the axes.
type span struct {
	from, to float64
	color    color.Color
}

// Plot implements plot.Plotter.
func (s *span) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x0, x1 := max(trX(s.from), c.Min.X), min(trX(s.to), c.Max.X)
	if x1 <= x0 {
		return
	}
	c.FillPolygon(s.color, []vg.Point{{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}})
}

// Thumbnail implements plot.Thumbnailer.
func (s *span) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.color, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

// refLine is a horizontal (or, if vertical, vertical) reference line at
// value v: a caseload cap, or zero difference.
type refLine struct {
	v        float64
	vertical bool
	style    draw.LineStyle
}

// Plot implements plot.Plotter.
func (r *refLine) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	if r.vertical {
		x := trX(r.v)
		c.StrokeLines(r.style, c.ClipLinesXY([]vg.Point{{X: x, Y: c.Min.Y}, {X: x, Y: c.Max.Y}})...)
		return
	}
	y := trY(r.v)
	c.StrokeLines(r.style, c.ClipLinesXY([]vg.Point{{X: c.Min.X, Y: y}, {X: c.Max.X, Y: y}})...)
}

// DataRange implements plot.DataRanger: the line's value is always shown.
func (r *refLine) DataRange() (xmin, xmax, ymin, ymax float64) {
	inf := math.Inf(1)
	if r.vertical {
		return r.v, r.v, inf, -inf
	}
	return inf, -inf, r.v, r.v
}

// Thumbnail implements plot.Thumbnailer.
func (r *refLine) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(r.style, c.Min.X, y, c.Max.X, y)
}

// bars draws one bar per category at positions pos (in category units,
// the categories being 0, 1, 2...), from base (0 if nil) to val, with an
// optional interval [lo, hi] as an error bar, and an optional text label
// at the end of each bar.
type bars struct {
	pos, val, lo, hi, base []float64
	width                  float64 // in category units
	color                  color.Color
	colors                 []color.Color // per bar, overriding color
	horizontal             bool
	labels                 []string
}

func (b *bars) colorAt(i int) color.Color {
	if i < len(b.colors) && b.colors[i] != nil {
		return b.colors[i]
	}
	return b.color
}

// Plot implements plot.Plotter.
func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	// pt maps (category position, value) to the canvas.
	pt := func(cat, v float64) vg.Point {
		if b.horizontal {
			return vg.Point{X: trX(v), Y: trY(cat)}
		}
		return vg.Point{X: trX(cat), Y: trY(v)}
	}
	whisker := draw.LineStyle{Color: colBlack, Width: vg.Points(1.5)}
	ts := textStyle(10, false)
	for i, cat := range b.pos {
		if !defined(b.val[i]) {
			continue
		}
		base := at(b.base, i)
		if math.IsNaN(base) {
			base = 0
		}
		w := b.width / 2
		poly := []vg.Point{pt(cat-w, base), pt(cat+w, base), pt(cat+w, b.val[i]), pt(cat-w, b.val[i])}
		c.FillPolygon(b.colorAt(i), c.ClipPolygonXY(poly))
		if lo, hi := at(b.lo, i), at(b.hi, i); defined(lo, hi) {
			cap := w / 3
			c.StrokeLines(whisker, c.ClipLinesXY(
				[]vg.Point{pt(cat, lo), pt(cat, hi)},
				[]vg.Point{pt(cat-cap, lo), pt(cat+cap, lo)},
				[]vg.Point{pt(cat-cap, hi), pt(cat+cap, hi)})...)
		}
		if i < len(b.labels) && b.labels[i] != "" {
			end := math.Max(b.val[i], at(b.hi, i))
			if math.IsNaN(end) {
				end = b.val[i]
			}
			q := pt(cat, end)
			if b.horizontal {
				ts.XAlign, ts.YAlign = draw.XLeft, draw.YCenter
				q.X += 4
			} else {
				ts.XAlign, ts.YAlign = draw.XCenter, draw.YBottom
				q.Y += 3
			}
			c.FillText(ts, q, b.labels[i])
		}
	}
}

// DataRange implements plot.DataRanger, including zero, error bars and
// room for the labels.
func (b *bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	cmin, cmax, vmin, vmax := math.Inf(1), math.Inf(-1), 0.0, 0.0
	for i, cat := range b.pos {
		cmin, cmax = math.Min(cmin, cat-b.width/2), math.Max(cmax, cat+b.width/2)
		for _, v := range []float64{b.val[i], at(b.lo, i), at(b.hi, i), at(b.base, i)} {
			if defined(v) {
				vmin, vmax = math.Min(vmin, v), math.Max(vmax, v)
			}
		}
	}
	if len(b.labels) > 0 && vmax > 0 {
		vmax *= 1.18 // room for the value labels
	}
	if b.horizontal {
		return vmin, vmax, cmin, cmax
	}
	return cmin, cmax, vmin, vmax
}

// Thumbnail implements plot.Thumbnailer.
func (b *bars) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(b.color, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

// whiskers is a dot-and-whisker plot: a point estimate and its interval
// per category, drawn across the value axis.
type whiskers struct {
	pos, mid, lo, hi []float64
	color            color.Color
	horizontal       bool // intervals run along x
	radius           vg.Length
	hollow           bool
	// pad is the room kept either side of the outermost positions: half a
	// category (0, the default, means 0.5); a numeric axis sets its own,
	// as 0.5 of a share would crush 0 to 0.2 into its middle.
	pad float64
}

// Plot implements plot.Plotter.
func (w *whiskers) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pt := func(cat, v float64) vg.Point {
		if w.horizontal {
			return vg.Point{X: trX(v), Y: trY(cat)}
		}
		return vg.Point{X: trX(cat), Y: trY(v)}
	}
	line := draw.LineStyle{Color: w.color, Width: vg.Points(2.5)}
	glyph := draw.GlyphStyle{Color: w.color, Radius: w.radius, Shape: draw.CircleGlyph{}}
	if w.hollow {
		glyph.Shape = draw.RingGlyph{}
	}
	for i, cat := range w.pos {
		if lo, hi := w.lo[i], w.hi[i]; defined(lo, hi) {
			c.StrokeLines(line, c.ClipLinesXY([]vg.Point{pt(cat, lo), pt(cat, hi)})...)
		}
		if defined(w.mid[i]) {
			if q := pt(cat, w.mid[i]); c.Contains(q) {
				c.DrawGlyph(glyph, q)
			}
		}
	}
}

// DataRange implements plot.DataRanger.
func (w *whiskers) DataRange() (xmin, xmax, ymin, ymax float64) {
	cmin, cmax, vmin, vmax := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	pad := w.pad
	if pad == 0 {
		pad = 0.5
	}
	for i, cat := range w.pos {
		cmin, cmax = math.Min(cmin, cat-pad), math.Max(cmax, cat+pad)
		for _, v := range []float64{w.mid[i], w.lo[i], w.hi[i]} {
			if defined(v) {
				vmin, vmax = math.Min(vmin, v), math.Max(vmax, v)
			}
		}
	}
	if w.horizontal {
		return vmin, vmax, cmin, cmax
	}
	return cmin, cmax, vmin, vmax
}

// Thumbnail implements plot.Thumbnailer.
func (w *whiskers) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(draw.LineStyle{Color: w.color, Width: vg.Points(2.5)}, c.Min.X, y, c.Max.X, y)
	glyph := draw.GlyphStyle{Color: w.color, Radius: w.radius, Shape: draw.CircleGlyph{}}
	if w.hollow {
		glyph.Shape = draw.RingGlyph{}
	}
	c.DrawGlyph(glyph, c.Center())
}

// Segments splits 0..n-1 into runs of consecutive indices where ok holds:
// the pieces of a line or band drawn around its undefined points.
func Segments(n int, ok func(int) bool) [][]int {
	var out [][]int
	var cur []int
	for i := range n {
		if ok(i) {
			cur = append(cur, i)
			continue
		}
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// defined reports whether every value is a finite number.
func defined(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// at is xs[i], or NaN if xs is too short.
func at(xs []float64, i int) float64 {
	if i < len(xs) {
		return xs[i]
	}
	return math.NaN()
}

// events marks timeline events on a chart over time: a dotted vertical
// line at each event's week, numbered at the top, so every time chart
// shows when a post ended or funding was cut. The numbers refer to the
// list in the figure's caption.
type events struct {
	weeks []float64
	style draw.LineStyle
	font  text.Style
}

// Plot implements plot.Plotter.
func (e *events) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	for i, w := range e.weeks {
		x := trX(w)
		if x < c.Min.X || x > c.Max.X {
			continue
		}
		c.StrokeLine2(e.style, x, c.Min.Y, x, c.Max.Y)
		c.FillText(e.font, vg.Point{X: x + vg.Points(2), Y: c.Max.Y - e.font.Font.Size}, strconv.Itoa(i+1))
	}
}

// Thumbnail implements plot.Thumbnailer.
func (e *events) Thumbnail(c *draw.Canvas) {
	x := c.Center().X
	c.StrokeLine2(e.style, x, c.Min.Y, x, c.Max.Y)
}
