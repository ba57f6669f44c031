package workbook

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Run is what a run's workbook shows.
type Run struct {
	Title    string // e.g. "spsim run: baseline"
	Question string
	Facts    []string // how the results were made, a sentence each
	// Verdict is the run's conclusion in sentences, if it has one.
	Verdict   []string
	Headline  []string // KPI names shown first, in words, on the summary sheet
	Summaries []experiment.Summary
	Results   []*sim.Result // replications, for the weekly table and areas
	Level     float64
}

// weeklyCharts are the weekly columns charted, each chart a list of
// columns sharing an axis.
var weeklyCharts = []struct {
	title, axis string
	cols        []string
}{
	{"Waiting list and caseload (mean across replications)", "people", []string{sim.ColWaitingListMean, sim.ColCaseloadMean, sim.ColCapacityPlacesMean}},
	{"Referrals and first contacts a week (mean across replications)", "people a week", []string{sim.ColReferrals, sim.ColFirstContacts}},
}

// WriteRun writes a run's workbook: Summary (plain words, verdict), KPIs
// (every KPI with its interval), Weekly (each week's mean across
// replications, with charts) and, for several areas, Areas.
func WriteRun(w io.Writer, r Run) error {
	b := newBook("Summary")
	b.summary(r)
	if len(r.Results) > 0 {
		b.sheet("Charts")
	}
	b.kpiSheet("KPIs", r.Summaries)
	if len(r.Results) > 0 {
		b.weekly(r.Results)
		if len(r.Results[0].Areas) > 0 {
			b.areas(r.Results, r.Level)
		}
	}
	return b.finish(w, r.Title)
}

// opening writes a summary sheet's title, question and facts, then its
// lead sentences under a heading ("Verdict", "What the run found"),
// wrapped to cols columns of the given width, and returns the next row.
func (b *book) opening(s, title, question string, facts []string, heading string, lead []string, cols int, width float64) int {
	b.row(s, 1, title)
	b.styleCells(s, 1, 1, 1, 1, b.title)
	row := b.paragraph(s, 2, question, cols, width) + 1
	for _, f := range facts {
		row = b.paragraph(s, row, f, cols, width)
	}
	if len(lead) > 0 {
		row++
		b.row(s, row, heading)
		b.styleCells(s, 1, row, 1, row, b.bold)
		row++
		for _, line := range lead {
			row = b.paragraph(s, row, line, cols, width)
		}
	}
	return row + 1
}

// summary writes the summary sheet: title, question, facts, what the run
// found, and the headline KPIs in words and as numbers.
func (b *book) summary(r Run) {
	const s = "Summary"
	const cols, width = 6, 48 + 46 + 14 + 14 + 14 + 18
	row := b.opening(s, r.Title, r.Question, r.Facts, "What the run found", r.Verdict, cols, width)
	b.row(s, row, "Key results", "In words", "Mean", "95% CI low", "95% CI high", "Unit")
	b.styleCells(s, 1, row, 6, row, b.bold)
	row++
	for _, name := range r.Headline {
		for _, sum := range r.Summaries {
			if sum.Name != name {
				continue
			}
			e := sum.Estimate
			m, _ := sim.LookupKPI(name)
			x, unit := shown(name, sum.Unit)
			b.row(s, row, label(name, sim.LookupKPI), WordsCI(e.Mean, e.Low, e.High, sum.Unit, m.Gap), x*e.Mean, x*e.Low, x*e.High, unit)
			b.styleCells(s, 3, row, 5, row, b.numStyle(FormatFor(unit, x*e.Mean, x*e.Low, x*e.High)))
			row++
		}
	}
	row++
	b.paragraph(s, row, "Every KPI is on the KPIs sheet; each week's figures are on the Weekly sheet. Intervals are 95% confidence intervals across replications.", cols, width)
	b.widths(s, 48, 46, 14, 14, 14, 18)
	b.printWide(s)
}

// kpiSheet writes every KPI: its stable name, words, mean, interval,
// replications and unit.
func (b *book) kpiSheet(s string, sums []experiment.Summary) {
	b.sheet(s)
	b.row(s, 1, "kpi", "KPI in words", "mean", "ci_low", "ci_high", "n", "unit")
	b.styleCells(s, 1, 1, 7, 1, b.bold)
	for i, sum := range sums {
		e := sum.Estimate
		x, unit := shown(sum.Name, sum.Unit)
		b.row(s, i+2, sum.Name, label(sum.Name, sim.LookupKPI), x*e.Mean, x*e.Low, x*e.High, e.N, unit)
		b.styleCells(s, 3, i+2, 5, i+2, b.numStyle(FormatFor(unit, x*e.Mean, x*e.Low, x*e.High)))
	}
	b.freeze(s, 1)
	b.widths(s, 36, 52, 14, 14, 14, 6, 18)
	b.printWide(s)
}

// weekly writes each week's mean across replications, every column, and
// charts of the main ones.
func (b *book) weekly(results []*sim.Result) {
	const s = "Weekly"
	b.sheet(s)
	weeks := len(results[0].Weekly)
	b.freeze(s, 1)
	b.weeklyMeans(b.rawRows(s), results)
	anchor := 2
	zero, last := 0.0, float64(weeks)
	for _, ch := range weeklyCharts {
		var series []excelize.ChartSeries
		for i, name := range ch.cols {
			c := results[0].Col(name)
			if c < 0 {
				continue
			}
			// The legend names series in words, from cells in the
			// charts sheet's hidden first column.
			b.set("Charts", 1, anchor+i, label(name, sim.LookupColumn))
			series = append(series, excelize.ChartSeries{
				Name:       "'Charts'!" + abs(1, anchor+i),
				Categories: "'" + s + "'!" + abs(1, 2) + ":" + abs(1, weeks+1),
				Values:     "'" + s + "'!" + abs(c+1, 2) + ":" + abs(c+1, weeks+1),
				Line:       excelize.ChartLine{Type: excelize.ChartLineSolid, Width: 1.5},
				Marker:     excelize.ChartMarker{Symbol: "none"},
			})
		}
		if len(series) == 0 {
			continue
		}
		b.chart("Charts", cell(2, anchor), &excelize.Chart{Type: excelize.Scatter, Series: series,
			Title:  []excelize.RichTextRun{{Text: ch.title}},
			Legend: excelize.ChartLegend{Position: "bottom"},
			XAxis:  excelize.ChartAxis{Title: []excelize.RichTextRun{{Text: "week"}}, MajorUnit: 26, Minimum: &zero, Maximum: &last},
			YAxis:  excelize.ChartAxis{Title: []excelize.RichTextRun{{Text: ch.axis}}, MajorGridLines: true, Minimum: &zero},
			Format: excelize.GraphicOptions{ScaleX: 1.6, ScaleY: 1.4}})
		anchor += 22
	}
	b.check(b.f.SetColVisible("Charts", "A", false))
	b.printWide("Charts")
}

// weeklyMeans writes the weekly sheet's cells: a header of column names,
// then each week's mean across replications. It is the largest sheet, so
// its cells are written as XML: cell by cell through excelize they would
// cost most of the workbook's time.
func (b *book) weeklyMeans(out *rows, results []*sim.Result) {
	cols := results[0].Columns
	weeks := len(results[0].Weekly)
	out.buf = make([]byte, 0, (weeks+1)*len(cols)*48) // a cell is about 45 bytes
	out.start(1)
	for c, col := range cols {
		out.str(c+1, 1, b.bold, col.Name)
	}
	out.end()
	sums := make([]float64, len(cols))
	for w := range weeks {
		// Row by row, replication by replication: each column's sum
		// adds in the same order as column by column, so the same bits.
		clear(sums)
		for _, r := range results {
			for c, v := range r.Weekly[w] {
				sums[c] += v
			}
		}
		out.start(w + 2)
		for c, sum := range sums {
			out.num(c+1, w+2, 0, sum/float64(len(results)))
		}
		out.end()
	}
}

// chart adds a chart to the named sheet, creating the sheet if needed.
func (b *book) chart(sheet, at string, c *excelize.Chart) {
	if i, _ := b.f.GetSheetIndex(sheet); i < 0 {
		b.sheet(sheet)
	}
	b.check(b.f.AddChart(sheet, at, c))
}

// abs is an absolute cell reference, $A$1.
func abs(c, r int) string {
	name, _ := excelize.CoordinatesToCellName(c, r, true)
	return name
}
