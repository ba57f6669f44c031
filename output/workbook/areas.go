package workbook

import (
	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// areaChartKPI is the KPI the areas are charted by.
const areaChartKPI = sim.KPIWaitMean

// areas writes one row per area and, for each KPI, its mean across
// replications and its 95% interval in columns of their own (the KPI in
// words at the head), and a bar chart of each area's wait.
func (b *book) areas(results []*sim.Result, level float64) {
	const s = "Areas"
	b.sheet(s)
	first := results[0].Areas
	kpis := make([]sim.KPI, first[0].NumKPIs())
	for k := range kpis {
		kpis[k] = first[0].KPI(k)
	}
	// England has 1,250 areas: written as XML, not cell by cell.
	b.freeze(s, 1)
	b.widths(s, 28)
	est := areaEstimates(results, level)
	out := b.rawRows(s)
	out.start(1)
	out.str(1, 1, b.bold, "area")
	styles := make([]int, len(kpis))
	scales := make([]float64, len(kpis)) // a gap between shares ×100, in points
	chartCol := -1
	var column []float64 // a KPI's means and bounds, for its format
	for k, kpi := range kpis {
		words := label(kpi.Name, sim.LookupKPI)
		out.str(areaCol(k, 0), 1, b.bold, words)
		out.str(areaCol(k, 1), 1, b.bold, words+": "+experiment.LevelWords(level)+" low")
		out.str(areaCol(k, 2), 1, b.bold, words+": "+experiment.LevelWords(level)+" high")
		x, unit := shown(kpi.Name, kpi.Unit)
		scales[k] = x
		column = column[:0]
		for a := range first {
			e := est[a][k]
			column = append(column, x*e.Mean, x*e.Low, x*e.High)
		}
		// A column's format from its largest, so that 0.48 leavers a
		// year is not shown as 0; a gap between groups' shares in
		// percentage points, as the KPIs sheet shows it.
		styles[k] = b.numStyle(FormatFor(unit, column...))
		if kpi.Name == areaChartKPI {
			chartCol = areaCol(k, 0)
		}
	}
	out.end()
	for a, area := range first {
		out.start(a + 2)
		out.str(1, a+2, 0, area.Name)
		for k := range area.NumKPIs() {
			e := est[a][k]
			for i, v := range []float64{e.Mean, e.Low, e.High} {
				out.num(areaCol(k, i), a+2, styles[k], scales[k]*v)
			}
		}
		out.end()
	}
	if chartCol >= 0 {
		b.areaChart(s, chartCol, len(first))
	}
}

// areaCol is the column of KPI k's mean (i 0), low (1) or high (2) bound.
func areaCol(k, i int) int { return 2 + 3*k + i }

// areaEstimates are each area's KPIs over the replications, each with its
// interval within the KPI's possible range.
func areaEstimates(results []*sim.Result, level float64) [][]experiment.Estimate {
	first := results[0].Areas
	est := make([][]experiment.Estimate, len(first))
	vals := make([]float64, len(results))
	for a, area := range first {
		est[a] = make([]experiment.Estimate, area.NumKPIs())
		for k := range area.NumKPIs() {
			est[a][k] = experiment.AreaEstimate(results, a, k, vals, level)
		}
	}
	return est
}

// areaChart draws the areas' mean waits, in column col of rows 2 to n+1.
func (b *book) areaChart(s string, col, n int) {
	b.chart("Area chart", "B2", &excelize.Chart{Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       "'" + s + "'!" + abs(col, 1),
			Categories: "'" + s + "'!" + abs(1, 2) + ":" + abs(1, n+1),
			Values:     "'" + s + "'!" + abs(col, 2) + ":" + abs(col, n+1),
		}},
		Title:  []excelize.RichTextRun{{Text: "Mean wait to first contact by area (weeks)"}},
		Legend: excelize.ChartLegend{Position: "none"},
		XAxis:  excelize.ChartAxis{ReverseOrder: true},
		YAxis:  excelize.ChartAxis{MajorGridLines: true, Title: []excelize.RichTextRun{{Text: "weeks"}}},
		Format: excelize.GraphicOptions{ScaleX: 1.6, ScaleY: 1.0 + float64(n)/12}})
}
