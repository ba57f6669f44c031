package output

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is a finished chart, drawn as SVG; its PNG is rendered only
// when asked for (PNG encoding costs more than the whole simulation of a
// small run). Rendering is deterministic: the same data give the same
// bytes.
type Figure struct {
	Name    string // file name without extension, e.g. "demand_supply"
	Title   string
	Caption string // how to read it, for the report
	SVG     []byte
	// paint draws the figure on a canvas of width by height, for the PNG.
	paint         func(draw.Canvas)
	width, height vg.Length
}

// NewFigure draws a figure of width by height with paint: its SVG now,
// its PNG when asked for.
func NewFigure(name, title, caption string, width, height vg.Length, paint func(draw.Canvas)) (Figure, error) {
	fig := Figure{Name: name, Title: title, Caption: caption, paint: paint, width: width, height: height}
	svg := vgsvg.New(width, height)
	paint(draw.New(svg))
	var sb bytes.Buffer
	if _, err := svg.WriteTo(&sb); err != nil {
		return fig, fmt.Errorf("rendering %s.svg: %w", name, err)
	}
	fig.SVG = fixSVGFonts(sb.Bytes())
	return fig, nil
}

// PNG renders the figure as PNG.
func (f Figure) PNG() ([]byte, error) {
	img := vgimg.NewWith(vgimg.UseWH(f.width, f.height), vgimg.UseDPI(pngDPI))
	f.paint(draw.New(img))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("rendering %s.png: %w", f.Name, err)
	}
	return buf.Bytes(), nil
}

// drawAll draws figures in parallel, in the makers' order.
func drawAll(makers ...func() (Figure, error)) ([]Figure, error) {
	figs := make([]Figure, len(makers))
	err := parallel(len(makers), func(i int) (err error) {
		figs[i], err = makers[i]()
		return err
	})
	if err != nil {
		return nil, err
	}
	return figs, nil
}

// pngDPI sets the PNG resolution: a 10-inch-wide figure is 1200 pixels.
const pngDPI = 120

// Okabe–Ito colours, distinguishable with the common colour-vision
// deficiencies. Those exported are for the decision tools' charts.
var (
	Blue   = color.NRGBA{0x00, 0x72, 0xB2, 0xff}
	Orange = color.NRGBA{0xE6, 0x9F, 0x00, 0xff}
	Red    = color.NRGBA{0xD5, 0x5E, 0x00, 0xff}
	Green  = color.NRGBA{0x00, 0x9E, 0x73, 0xff}
	Grey   = color.NRGBA{0x77, 0x77, 0x77, 0xff}

	colSky     = color.NRGBA{0x56, 0xB4, 0xE9, 0xff}
	colPurple  = color.NRGBA{0xCC, 0x79, 0xA7, 0xff}
	colBlack   = color.NRGBA{0x22, 0x22, 0x22, 0xff}
	colGridCol = color.NRGBA{0xdd, 0xdd, 0xdd, 0xff}
	colWarmup  = color.NRGBA{0x99, 0x99, 0x99, 0x40}
	palette    = []color.Color{Blue, Red, Green, Orange, colPurple, colSky, colBlack}
)

// paletteAt is the i-th series colour, cycling.
func paletteAt(i int) color.Color { return palette[i%len(palette)] }

// translucent is c with the given opacity, for interval bands.
func translucent(c color.Color, alpha uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), alpha}
}

// textStyle is Liberation Sans (metrically Arial) at size points.
func textStyle(size vg.Length, bold bool) text.Style {
	f := font.Font{Typeface: "Liberation", Variant: "Sans"}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return text.Style{Color: colBlack, Font: font.From(f, size), Handler: plot.DefaultTextHandler}
}

// newPanel returns a plot with spsim's house style: sans-serif text large
// enough to read on a slide, a light grid, and readable tick marks.
func newPanel(title, xLabel, yLabel string) *plot.Plot {
	p := basePanel(title, xLabel, yLabel)
	addGrid(p, true, true)
	return p
}

// basePanel is a panel in the house style without a grid.
func basePanel(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle = textStyle(13, true)
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.TextStyle.YAlign = draw.YTop
	p.Title.Padding = vg.Points(6)
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		// Only the fonts change: gonum's alignments and the y label's
		// rotation are kept.
		ax.Label.TextStyle.Font = textStyle(12, false).Font
		ax.Tick.Label.Font = textStyle(11, false).Font
		ax.Tick.Label.Color = colBlack
		ax.Padding = vg.Points(4)
		ax.Tick.Marker = niceTicks{format: plainNumber}
	}
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	return p
}

// newBarPanel is newPanel for a bar chart: grid lines run across the value
// axis only, so that none cuts through a bar.
func newBarPanel(title, xLabel, yLabel string, horizontal bool) *plot.Plot {
	p := basePanel(title, xLabel, yLabel)
	addGrid(p, horizontal, !horizontal)
	return p
}

func addGrid(p *plot.Plot, vertical, horizontal bool) {
	g := plotter.NewGrid()
	g.Vertical.Color = colGridCol
	g.Horizontal.Color = colGridCol
	g.Vertical.Width = vg.Points(0.5)
	g.Horizontal.Width = vg.Points(0.5)
	if !vertical {
		g.Vertical.Color = nil
	}
	if !horizontal {
		g.Horizontal.Color = nil
	}
	p.Add(g)
}

// newLegend returns an empty legend in the house style.
func newLegend() *plot.Legend {
	l := plot.NewLegend()
	l.TextStyle = textStyle(11, false)
	l.Top, l.Left = true, true
	l.Padding = vg.Points(4)
	l.ThumbnailWidth = vg.Points(22)
	return &l
}

// layout places panels on a page: a title and a note on top, a grid of
// panels, and each row's legend to the right of the row, outside the data
// so that it never hides a line.
type layout struct {
	title  string
	note   string // one line under the title, e.g. how to read bands
	rows   [][]*plot.Plot
	legend []*plot.Legend // one per row, or nil
	width  vg.Length
	height vg.Length
}

// pad is the margin around and between the parts of a figure.
const pad = vg.Length(10)

func (l layout) draw(dc draw.Canvas) {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	top := l.header(dc)
	var legendW vg.Length
	for _, lg := range l.legend {
		if lg != nil {
			legendW = max(legendW, lg.Rectangle(dc).Size().X+pad)
		}
	}
	area := dc
	area.Max.Y = top - 4
	area.Min.Y += pad
	area.Min.X += pad
	area.Max.X -= pad + legendW
	rows, band := l.untitled()
	tiles := draw.Tiles{Rows: len(rows), Cols: len(rows[0]), PadX: vg.Points(18), PadY: vg.Points(16)}
	canvases := plot.Align(rows, tiles, area)
	for j, row := range rows {
		for i, p := range row {
			if p == nil {
				continue
			}
			c := canvases[j][i]
			c.Max.Y -= band
			p.Draw(c)
			if t := l.rows[j][i].Title; t.Text != "" {
				data := p.DataCanvas(c)
				st := t.TextStyle
				st.XAlign, st.YAlign = draw.XCenter, draw.YTop
				c.FillText(st, vg.Point{X: (data.Min.X + data.Max.X) / 2, Y: c.Max.Y + band}, t.Text)
			}
		}
		last := len(row) - 1
		if j < len(l.legend) && l.legend[j] != nil && row[last] != nil {
			c := canvases[j][last]
			c.Max.Y -= band
			data := row[last].DataCanvas(c)
			lc := dc
			lc.Min.X = area.Max.X + pad
			lc.Max.X = dc.Max.X - pad
			lc.Max.Y = data.Max.Y
			lc.Min.Y = data.Min.Y
			l.legend[j].Draw(lc)
		}
	}
}

// header draws the figure's title and note at the top of dc and returns
// the height below them.
func (l layout) header(dc draw.Canvas) vg.Length {
	top := dc.Max.Y - pad
	if l.title != "" {
		st := textStyle(16, true)
		st.XAlign, st.YAlign = draw.XCenter, draw.YTop
		dc.FillText(st, vg.Point{X: dc.Center().X, Y: top}, l.title)
		top -= st.Rectangle(l.title).Size().Y + 4
	}
	if l.note != "" {
		st := textStyle(11, false)
		st.Color = Grey
		st.XAlign, st.YAlign = draw.XCenter, draw.YTop
		dc.FillText(st, vg.Point{X: dc.Center().X, Y: top}, l.note)
		top -= st.Rectangle(l.note).Size().Y + 4
	}
	return top
}

// untitled copies the panels without their titles, and returns the height
// of the band their titles take. Panel titles are drawn by draw rather than
// by gonum, in a band of the same height above every panel: plot.Align
// would otherwise shift a panel with a two-line title up into its
// neighbours.
func (l layout) untitled() ([][]*plot.Plot, vg.Length) {
	var band vg.Length
	rows := make([][]*plot.Plot, len(l.rows))
	for j, row := range l.rows {
		rows[j] = make([]*plot.Plot, len(row))
		for i, p := range row {
			if p == nil {
				continue
			}
			q := *p
			q.Title.Text = ""
			rows[j][i] = &q
			if p.Title.Text != "" {
				band = max(band, p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y+p.Title.Padding)
			}
		}
	}
	return rows, band
}

// render draws the layout as SVG, keeping it for a PNG on request.
func (l layout) render(name, caption string) (Figure, error) {
	return NewFigure(name, l.title, caption, l.width, l.height, l.draw)
}

// fixSVGFonts gives the SVG's font a fallback: Liberation Sans is laid out
// with Arial's metrics, and a viewer without either should still use a
// sans-serif face rather than its default serif.
func fixSVGFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("font-family:Liberation Sans;"),
		[]byte("font-family:Liberation Sans,Arial,Helvetica,sans-serif;"))
}

// InlineSVG returns the figure's SVG without its XML prolog, ready to be
// placed inside an HTML page.
func (f Figure) InlineSVG() string {
	s := string(f.SVG)
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	return s
}
