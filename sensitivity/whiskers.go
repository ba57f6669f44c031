package sensitivity

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// whiskers draw each bar's confidence interval across it: a horizontal
// line from low to high, with end caps, at the bar's place (its row
// shifted by the bar's offset, in drawing units as plotter.BarChart's
// Offset is). Without them a tornado ranks inputs whose intervals overlap
// as if the order were sure.
type whiskers struct {
	low, high []float64 // by row, in the bars' scale; NaN draws nothing
	offset    vg.Length
	style     draw.LineStyle
}

func newWhiskers(low, high []float64, offset vg.Length) *whiskers {
	return &whiskers{low: low, high: high, offset: offset,
		style: draw.LineStyle{Color: color.Gray{Y: 40}, Width: vg.Points(1.2)}}
}

// Plot implements plot.Plotter.
func (w *whiskers) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	caps := vg.Points(3)
	for i := range w.low {
		lo, hi := w.low[i], w.high[i]
		if math.IsNaN(lo) || math.IsNaN(hi) {
			continue
		}
		y := trY(float64(i)) + w.offset
		x0, x1 := trX(lo), trX(hi)
		c.StrokeLine2(w.style, x0, y, x1, y)
		c.StrokeLine2(w.style, x0, y-caps, x0, y+caps)
		c.StrokeLine2(w.style, x1, y-caps, x1, y+caps)
	}
}

// DataRange implements plot.DataRanger, so that the axis takes in every
// interval.
func (w *whiskers) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for i := range w.low {
		if !math.IsNaN(w.low[i]) {
			xmin = math.Min(xmin, w.low[i])
		}
		if !math.IsNaN(w.high[i]) {
			xmax = math.Max(xmax, w.high[i])
		}
	}
	return xmin, xmax, 0, float64(len(w.low) - 1)
}

// Thumbnail implements plot.Thumbnailer: the legend's sample, a whisker.
func (w *whiskers) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	caps := vg.Points(3)
	c.StrokeLine2(w.style, c.Min.X, y, c.Max.X, y)
	c.StrokeLine2(w.style, c.Min.X, y-caps, c.Min.X, y+caps)
	c.StrokeLine2(w.style, c.Max.X, y-caps, c.Max.X, y+caps)
}
