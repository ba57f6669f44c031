package calibrate

import (
	"bytes"
	"fmt"
	"image/color"

	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Okabe–Ito colours, as in spsim's other charts.
var (
	colBlue = color.NRGBA{0x00, 0x72, 0xB2, 0xff}
	colBand = color.NRGBA{0x00, 0x72, 0xB2, 0x30}
	colDots = color.NRGBA{0x22, 0x22, 0x22, 0xff}
)

// Plot draws the observed weekly referrals against the fitted expected
// counts, with the band in which 95% of weeks should fall if the fitted
// Poisson process is right, and returns it as SVG and PNG.
func Plot(f *Fit, source string) (svg, png []byte, err error) {
	p, err := fitPlot(f, source)
	if err != nil {
		return nil, nil, err
	}
	if svg, err = renderSVG(p); err != nil {
		return nil, nil, err
	}
	img := vgimg.NewWith(vgimg.UseWH(10*vg.Inch, 5*vg.Inch), vgimg.UseDPI(120))
	p.Draw(draw.New(img))
	var pb bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&pb); err != nil {
		return nil, nil, fmt.Errorf("rendering the plot: %w", err)
	}
	return svg, pb.Bytes(), nil
}

// PlotSVG is Plot's SVG alone.
func PlotSVG(f *Fit, source string) ([]byte, error) {
	p, err := fitPlot(f, source)
	if err != nil {
		return nil, err
	}
	return renderSVG(p)
}

func renderSVG(p *plot.Plot) ([]byte, error) {
	c := vgsvg.New(10*vg.Inch, 5*vg.Inch)
	p.Draw(draw.New(c))
	var sb bytes.Buffer
	if _, err := c.WriteTo(&sb); err != nil {
		return nil, fmt.Errorf("rendering the plot: %w", err)
	}
	return sb.Bytes(), nil
}

// fitPlot is the plot of Plot, not yet drawn.
func fitPlot(f *Fit, source string) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "Weekly referrals in " + source + ": observed and fitted"
	p.X.Label.Text = "week starting"
	p.Y.Label.Text = "referrals a week"
	p.X.Tick.Marker = plot.TimeTicks{Format: "Jan 2006"}
	grid := plotter.NewGrid()
	grid.Vertical.Color = color.NRGBA{0xdd, 0xdd, 0xdd, 0xff}
	grid.Horizontal.Color = grid.Vertical.Color
	p.Add(grid)

	obs := make(plotter.XYs, f.Weeks)
	fit := make(plotter.XYs, f.Weeks)
	band := make(plotter.XYs, 0, 2*f.Weeks)
	var upper plotter.XYs
	for w := range f.Weeks {
		x := float64(f.From.AddDate(0, 0, 7*w).Unix())
		obs[w] = plotter.XY{X: x, Y: f.Counts[w]}
		fit[w] = plotter.XY{X: x, Y: f.Expected[w]}
		d := distuv.Poisson{Lambda: f.Expected[w]}
		band = append(band, plotter.XY{X: x, Y: poissonQuantile(d, 0.025)})
		upper = append(upper, plotter.XY{X: x, Y: poissonQuantile(d, 0.975)})
	}
	for i := len(upper) - 1; i >= 0; i-- {
		band = append(band, upper[i])
	}
	poly, err := plotter.NewPolygon(band)
	if err != nil {
		return nil, fmt.Errorf("plotting the band: %w", err)
	}
	poly.Color = colBand
	poly.LineStyle.Width = 0
	line, err := plotter.NewLine(fit)
	if err != nil {
		return nil, fmt.Errorf("plotting the fit: %w", err)
	}
	line.Color = colBlue
	line.Width = vg.Points(2)
	dots, err := plotter.NewScatter(obs)
	if err != nil {
		return nil, fmt.Errorf("plotting the counts: %w", err)
	}
	dots.GlyphStyle = draw.GlyphStyle{Color: colDots, Radius: vg.Points(1.8), Shape: draw.CircleGlyph{}}
	p.Add(poly, line, dots)
	p.Legend.Add("observed", dots)
	p.Legend.Add("fitted expected count", line)
	p.Legend.Add("95% of weeks if the fit is right", poly)
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.TextStyle.Font = sans(11)
	p.Title.TextStyle.Font = sans(13)
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Font = sans(12)
		ax.Tick.Label.Font = sans(11)
	}
	// Headroom above the data keeps the legend clear of it.
	top := 0.0
	for w := range f.Weeks {
		top = max(top, f.Counts[w], upper[w].Y)
	}
	p.Y.Min, p.Y.Max = 0, top*1.3

	return p, nil
}

// sans is Liberation Sans (metrically Arial), as in spsim's other charts.
func sans(size vg.Length) font.Font {
	return font.From(font.Font{Typeface: "Liberation", Variant: "Sans"}, size)
}

// poissonQuantile is the smallest k with P(X ≤ k) ≥ q.
func poissonQuantile(d distuv.Poisson, q float64) float64 {
	k := 0.0
	for d.CDF(k) < q {
		k++
	}
	return k
}
