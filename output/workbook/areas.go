package workbook

import (
	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// areaChartKPI is the KPI the areas are charted by.
const areaChartKPI = sim.KPIWaitMean

// areas writes one row per area and one column per KPI (the mean across
// replications), and a bar chart of each area's wait.
func (b *book) areas(results []*sim.Result, level float64) {
	const s = "Areas"
	b.sheet(s)
	first := results[0].Areas
	kpis := first[0].KPIs
	// England has 1,250 areas: written as XML, not cell by cell.
	b.freeze(s, 1)
	b.widths(s, 28)
	out := b.rawRows(s)
	out.start(1)
	out.str(1, 1, b.bold, "area")
	// Each area's mean of each KPI, then a column's format from its
	// largest, so that 0.48 leavers a year is not shown as 0.
	means := make([][]float64, len(first))
	vals := make([]float64, len(results))
	for a, area := range first {
		means[a] = make([]float64, len(area.KPIs))
		for k, kpi := range area.KPIs {
			for r, res := range results {
				vals[r] = res.Areas[a].KPIs[k].Value
			}
			means[a][k] = experiment.IntervalIn(vals, level, experiment.KPIRange(kpi.Name, kpi.Unit)).Mean
		}
	}
	styles := make([]int, len(kpis))
	chartCol := -1
	column := make([]float64, len(first))
	for k, kpi := range kpis {
		out.str(k+2, 1, b.bold, kpi.Name)
		for a := range first {
			column[a] = means[a][k]
		}
		styles[k] = b.numStyle(FormatFor(kpi.Unit, column...))
		if kpi.Name == areaChartKPI {
			chartCol = k + 2
		}
	}
	out.end()
	for a, area := range first {
		out.start(a + 2)
		out.str(1, a+2, 0, area.Name)
		for k := range area.KPIs {
			out.num(k+2, a+2, styles[k], means[a][k])
		}
		out.end()
	}
	if chartCol < 0 {
		return
	}
	n := len(first)
	b.chart("Area chart", "B2", &excelize.Chart{Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       "'" + s + "'!" + abs(chartCol, 1),
			Categories: "'" + s + "'!" + abs(1, 2) + ":" + abs(1, n+1),
			Values:     "'" + s + "'!" + abs(chartCol, 2) + ":" + abs(chartCol, n+1),
		}},
		Title:  []excelize.RichTextRun{{Text: "Mean wait to first contact by area (weeks)"}},
		Legend: excelize.ChartLegend{Position: "none"},
		XAxis:  excelize.ChartAxis{ReverseOrder: true},
		YAxis:  excelize.ChartAxis{MajorGridLines: true, Title: []excelize.RichTextRun{{Text: "weeks"}}},
		Format: excelize.GraphicOptions{ScaleX: 1.6, ScaleY: 1.0 + float64(n)/12}})
}
