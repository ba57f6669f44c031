// Package chart draws the decision tools' charts (the optimiser's
// cost–outcome frontier, the sensitivity tornado and μ*–σ plots) with
// gonum/plot and returns them as output.Figures, PNG and SVG.
package chart

import (
	"bytes"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

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

// Render draws p, w by h inches, as a figure named name.
func Render(p *plot.Plot, name, caption string, w, h float64) (output.Figure, error) {
	fig := output.Figure{Name: name, Title: p.Title.Text, Caption: caption}
	width, height := vg.Length(w)*vg.Inch, vg.Length(h)*vg.Inch
	img := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(120))
	p.Draw(draw.New(img))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return fig, fmt.Errorf("rendering %s.png: %w", name, err)
	}
	fig.PNG = buf.Bytes()
	svg := vgsvg.New(width, height)
	p.Draw(draw.New(svg))
	var sb bytes.Buffer
	if _, err := svg.WriteTo(&sb); err != nil {
		return fig, fmt.Errorf("rendering %s.svg: %w", name, err)
	}
	fig.SVG = bytes.ReplaceAll(sb.Bytes(), []byte("font-family:Liberation Sans;"),
		[]byte("font-family:Liberation Sans,Arial,Helvetica,sans-serif;"))
	return fig, nil
}
