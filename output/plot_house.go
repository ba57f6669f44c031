package output

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/spsim/spsim/sim"
)

// Chart is one panel in spsim's house style with its legend beside it, as
// the run's charts are drawn, for charts drawn outside this package: the
// decision tools' frontier, tornado and screening charts.
type Chart struct {
	Plot    *plot.Plot
	legend  *plot.Legend // drawn to the right of the panel, outside the data
	entries int
	title   string
}

// NewChart is a chart titled title, with axis labels, in the house style:
// sans-serif text, a light grid and short tick labels (12k, 1.5M).
func NewChart(title, xLabel, yLabel string) *Chart {
	return &Chart{Plot: newPanel("", xLabel, yLabel), legend: newLegend(), title: title}
}

// NewBarChart is NewChart for bars along the x axis (horizontal bars):
// grid lines run across the values only, so that none cuts through a bar.
func NewBarChart(title, xLabel, yLabel string) *Chart {
	return &Chart{Plot: newBarPanel("", xLabel, yLabel, true), legend: newLegend(), title: title}
}

// AddLegend adds an entry to the chart's legend, beside the panel.
func (c *Chart) AddLegend(label string, thumbs ...plot.Thumbnailer) {
	c.legend.Add(label, thumbs...)
	c.entries++
}

// AddLabels writes each label beside its point, in the house font.
func (c *Chart) AddLabels(xys plotter.XYs, labels []string) error {
	lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
	if err != nil {
		return err
	}
	for i := range lb.TextStyle {
		lb.TextStyle[i] = textStyle(10, false)
	}
	lb.Offset = vg.Point{X: vg.Points(6), Y: vg.Points(3)}
	c.Plot.Add(lb)
	return nil
}

// MoneyAxis writes ax's ticks as pounds: £210k, £1.2M.
func MoneyAxis(ax *plot.Axis) { ax.Tick.Marker = niceTicks{format: pounds} }

// KPIAxis labels ax with the KPI's words and unit, such as "Wait to first
// contact, 90th percentile (weeks)", and writes its ticks as the unit is
// written (a share in per cent). It returns the scale to draw the KPI's
// values at: 100 for a share, otherwise 1.
func KPIAxis(ax *plot.Axis, kpi string) float64 {
	d := displayFor(kpiUnit(kpi))
	ax.Label.Text = KPILabel(kpi)
	if d.unit != "" {
		ax.Label.Text += " (" + d.unit + ")"
	}
	ax.Tick.Marker = niceTicks{format: d.format}
	return d.scale
}

// ChangeUnit is the unit in words of a change in the KPI named kpi, for
// an axis ("weeks", "£ a year", and a share's "percentage points"), and
// the scale to draw changes at: 100 for a share, otherwise 1.
func ChangeUnit(kpi string) (unit string, scale float64) {
	d := diffDisplayFor(kpiUnit(kpi))
	return d.unit, d.scale
}

// kpiUnit is the unit of the KPI named name, or "" if it is not known.
func kpiUnit(name string) string {
	m, _ := sim.LookupKPI(name)
	return m.Unit
}

// Render draws the chart, width by height, as a figure named name: its
// SVG now, its PNG when written.
func (c *Chart) Render(name, caption string, width, height vg.Length) (Figure, error) {
	l := layout{title: c.title, rows: [][]*plot.Plot{{c.Plot}}, width: width, height: height}
	if c.entries > 0 {
		l.legend = []*plot.Legend{c.legend}
	}
	return l.render(name, caption)
}
