// Package chart draws the decision tools' charts (the optimiser's
// cost–outcome frontier, the sensitivity tornado and μ*–σ plots) with
// gonum/plot and returns them as output.Figures, PNG and SVG.
package chart

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/spsim/spsim/output"
)

// Okabe–Ito colours, as the other charts use.
var (
	Blue   = color.NRGBA{0x00, 0x72, 0xB2, 0xff}
	Red    = color.NRGBA{0xD5, 0x5E, 0x00, 0xff}
	Green  = color.NRGBA{0x00, 0x9E, 0x73, 0xff}
	Orange = color.NRGBA{0xE6, 0x9F, 0x00, 0xff}
	Grey   = color.NRGBA{0x77, 0x77, 0x77, 0xff}
)

// New is a plot with a title and axis labels in a readable size.
func New(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = 13
	p.X.Label.Text, p.Y.Label.Text = x, y
	p.X.Label.TextStyle.Font.Size, p.Y.Label.TextStyle.Font.Size = 11, 11
	p.X.Tick.Label.Font.Size, p.Y.Tick.Label.Font.Size = 10, 10
	p.Legend.TextStyle.Font.Size = 10
	p.Legend.Top = true
	return p
}

// Render draws p, w by h inches, as a figure named name: SVG now, PNG
// when written.
func Render(p *plot.Plot, name, caption string, w, h float64) (output.Figure, error) {
	return output.NewFigure(name, p.Title.Text, caption, vg.Length(w)*vg.Inch, vg.Length(h)*vg.Inch, p.Draw)
}
