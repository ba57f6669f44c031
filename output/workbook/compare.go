package workbook

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Compare is what a comparison's workbook shows.
type Compare struct {
	Title, Question string
	Facts           []string
	Verdict         []string
	Headline        []string
	C               *experiment.Comparison
	// Words, if set, writes a scenario's headline value with its interval
	// as the report does ("5.25 weeks [4.99, 5.52]"), for the Summary
	// sheet; without it the sheet shows the bare mean as a number.
	Words func(kpi, unit string, e experiment.Estimate) string
	// Areas are, for scenarios of several areas, each area's paired
	// difference from the reference, for the Area by area sheet; none for
	// scenarios of one area, which have no such sheet.
	Areas []AreaDifference
}

// AreaDifference is one area's paired difference from the reference in
// one KPI (output.AreaDifference, which it converts from).
type AreaDifference struct {
	Area, KPI, Unit     string
	Scenario, Reference string
	Diff                experiment.Estimate
	Effect              experiment.Effect
}

// WriteCompare writes a comparison's workbook: Summary (each headline KPI
// per scenario and the paired difference from the reference, in words),
// Comparison (every KPI, long form), a chart of the headline waits and,
// for scenarios of several areas, Area by area (each area's paired
// difference from the reference).
func WriteCompare(w io.Writer, c Compare) error {
	b := newBook("Summary")
	b.compareSummary(c)
	b.compareSheet(c.C)
	if len(c.Areas) > 0 {
		b.compareAreasSheet(c.C.Names[0], c.Areas)
	}
	return b.finish(w, c.Title)
}

func (b *book) compareSummary(c Compare) {
	const s = "Summary"
	names := c.C.Names
	cols := 1 + 2*len(names) - 1
	scenarioWidth := 16.0
	if c.Words != nil {
		scenarioWidth = 30 // a value and its interval
	}
	width := 48 + scenarioWidth*float64(len(names)) + 44*float64(len(names)-1)
	row := b.opening(s, c.Title, c.Question, c.Facts, "Verdict", c.Verdict, cols, width)
	head := []any{"Key results"}
	for _, n := range names {
		head = append(head, n)
	}
	for _, n := range names[1:] {
		head = append(head, n+" minus "+names[0]+" (paired, 95% CI)")
	}
	b.row(s, row, head...)
	b.styleCells(s, 1, row, len(head), row, b.bold)
	row++
	for _, name := range c.Headline {
		k := c.C.KPI(name)
		if k == nil {
			continue
		}
		vals := []any{label(name, sim.LookupKPI)}
		var means []float64
		x, unit := shown(k.Name, k.Unit)
		for _, e := range k.Estimates {
			if c.Words != nil {
				vals = append(vals, c.Words(k.Name, k.Unit, e))
				continue
			}
			vals = append(vals, x*e.Mean)
			means = append(means, x*e.Mean)
		}
		for i := 1; i < len(names); i++ {
			vals = append(vals, DifferenceWords(k.Paired[i], k.Unit))
		}
		b.row(s, row, vals...)
		if c.Words == nil {
			b.styleCells(s, 2, row, 1+len(names), row, b.numStyle(FormatFor(unit, means...)))
		}
		row++
	}
	row++
	note := "Scenarios ran on common random numbers: differences are paired, replication by replication. Every KPI is on the Comparison sheet."
	if len(c.Areas) > 0 {
		note += " Each area's difference in the wait, the share of needs met and the cost is on the Area by area sheet."
	}
	b.paragraph(s, row, note, cols, width)
	widths := []float64{48}
	for range names {
		widths = append(widths, scenarioWidth)
	}
	for range names[1:] {
		widths = append(widths, 44)
	}
	b.widths(s, widths...)
	b.printWide(s)
}

// DifferenceWords says a paired difference in words, the figure and both
// bounds to one precision as the report writes them: "−3.37 weeks (95% CI
// −3.79 to −2.96 weeks)", "−1.40 person-weeks a year (95% CI −2.03 to
// −0.77 person-weeks a year)", or "no detectable difference (95% CI −0.221
// to +0.353 weeks)" when the interval includes 0. A difference of shares
// is in percentage points.
func DifferenceWords(d experiment.Estimate, unit string) string {
	points := unit == sim.UnitShare
	if math.IsNaN(d.Low) || math.IsNaN(d.High) {
		return experiment.Signed(d.Mean, unit, points)
	}
	between := " (95% CI " + experiment.SignedBetween(d.Mean, d.Low, d.High, unit, points) + ")"
	if d.Low <= 0 && d.High >= 0 {
		return "no detectable difference" + between
	}
	return experiment.SignedWithin(d.Mean, d.Low, d.High, unit, points) + between
}

// compareSheet writes every KPI for every scenario, with the paired
// difference from the reference, and a bar chart of mean waits.
func (b *book) compareSheet(c *experiment.Comparison) {
	const s = "Comparison"
	b.sheet(s)
	b.row(s, 1, "kpi", "KPI in words", "scenario", "mean", "ci_low", "ci_high", "diff_mean", "diff_ci_low", "diff_ci_high", "unit")
	b.styleCells(s, 1, 1, 10, 1, b.bold)
	row := 2
	waitRows := [2]int{}
	for _, k := range c.KPIs {
		if k.Name == areaChartKPI {
			waitRows = [2]int{row, row + len(c.Names) - 1}
		}
		for i, name := range c.Names {
			e, d := k.Estimates[i], k.Paired[i]
			x, unit := shown(k.Name, k.Unit)
			b.row(s, row, k.Name, label(k.Name, sim.LookupKPI), name, x*e.Mean, x*e.Low, x*e.High, x*d.Mean, x*d.Low, x*d.High, unit)
			// Levels and differences apart: a difference of 0.44 beside
			// 1,304 referrals is not shown as 0.
			b.styleCells(s, 4, row, 6, row, b.numStyle(FormatFor(unit, x*e.Mean, x*e.Low, x*e.High)))
			b.styleCells(s, 7, row, 9, row, b.numStyle(FormatFor(unit, x*d.Mean, x*d.Low, x*d.High)))
			row++
		}
	}
	b.freeze(s, 1)
	b.widths(s, 34, 46, 22, 12, 12, 12, 12, 12, 12, 16)
	b.printWide(s)
	if waitRows[0] == 0 {
		return
	}
	b.chart("Chart", "B2", &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       "'" + s + "'!" + abs(2, waitRows[0]),
			Categories: "'" + s + "'!" + abs(3, waitRows[0]) + ":" + abs(3, waitRows[1]),
			Values:     "'" + s + "'!" + abs(4, waitRows[0]) + ":" + abs(4, waitRows[1]),
		}},
		Title:  []excelize.RichTextRun{{Text: "Mean wait to first contact by scenario (weeks)"}},
		Legend: excelize.ChartLegend{Position: "none"},
		YAxis:  excelize.ChartAxis{MajorGridLines: true},
		Format: excelize.GraphicOptions{ScaleX: 1.5, ScaleY: 1.3}})
}

// compareAreasSheet writes each area's paired difference from the
// reference ref, a row for each scenario, area and KPI as compare_areas.csv
// has them: in words, as the report says it, then as numbers, a
// difference of shares in percentage points. England's 1,250 areas are
// written as XML, not cell by cell.
func (b *book) compareAreasSheet(ref string, ds []AreaDifference) {
	const s = "Area by area"
	b.sheet(s)
	b.freeze(s, 1)
	b.widths(s, 28, 22, 40, 52, 26, 12, 12, 12, 18, 34)
	out := b.rawRows(s)
	out.start(1)
	for c, h := range []string{"area", "scenario", "KPI in words", "minus " + ref + " in the same area (paired, 95% CI)", "effect",
		"diff_mean", "diff_ci_low", "diff_ci_high", "unit", "kpi"} {
		out.str(c+1, 1, b.bold, h)
	}
	out.end()
	for i, d := range ds {
		r := i + 2
		x, unit := shown(d.KPI, d.Unit)
		if d.Unit == sim.UnitShare {
			x, unit = 100, Points // a difference of shares, as the words say it
		}
		e := d.Diff
		// As the report's Area by area table says them.
		words := DifferenceWords(e, d.Unit)
		switch {
		case math.IsNaN(e.Mean):
			words = experiment.NotDefined.Words()
		case e.Mean == 0 && e.SD == 0:
			words = "no difference: the same in every replication"
		}
		style := b.numStyle(FormatFor(unit, x*e.Mean, x*e.Low, x*e.High))
		out.start(r)
		out.str(1, r, 0, d.Area)
		out.str(2, r, 0, d.Scenario)
		out.str(3, r, 0, label(d.KPI, sim.LookupKPI))
		out.str(4, r, 0, words)
		out.str(5, r, 0, d.Effect.Words())
		for c, v := range []float64{e.Mean, e.Low, e.High} {
			out.num(6+c, r, style, x*v)
		}
		out.str(9, r, 0, unit)
		out.str(10, r, 0, d.KPI)
		out.end()
	}
	b.printWide(s)
}

// Sweep is what a sweep's workbook shows.
type Sweep struct {
	Title, Question string
	Facts           []string
	Answer          []string // how each chosen KPI goes across the sweep, a sentence each
	S               *experiment.Sweep
	KPIs            []string // charted against the first factor
}

// WriteSweep writes a sweep's workbook: Summary (the chosen KPIs at each
// point, as numbers, with a chart of the first against the first factor's
// values) and Sweep (every KPI at every point, long form).
func WriteSweep(w io.Writer, sw Sweep) error {
	b := newBook("Summary")
	const s = "Summary"
	const cols, width = 7, 28 + 28 + 28 + 16 + 16 + 16 + 16
	row := b.opening(s, sw.Title, sw.Question, sw.Facts, "What the sweep found", sw.Answer, cols, width)
	head := []any{}
	for _, f := range sw.S.Factors {
		head = append(head, f.Key)
	}
	for _, k := range sw.KPIs {
		head = append(head, label(k, sim.LookupKPI), "95% CI low", "95% CI high")
	}
	b.row(s, row, head...)
	b.styleCells(s, 1, row, len(head), row, b.bold)
	top := row + 1
	nf := len(sw.S.Factors)
	for _, p := range sw.S.Points {
		row++
		vals := []any{}
		for _, v := range p.Values {
			vals = append(vals, factorValue(v))
		}
		for _, k := range sw.KPIs {
			if sum, ok := experiment.FindSummary(p.Summaries, k); ok {
				e := sum.Estimate
				x, unit := shown(sum.Name, sum.Unit)
				vals = append(vals, x*e.Mean, x*e.Low, x*e.High)
				b.styleCells(s, len(vals)-2, row, len(vals), row, b.numStyle(FormatFor(unit, x*e.Mean, x*e.Low, x*e.High)))
			}
		}
		b.row(s, row, vals...)
	}
	b.widths(s, 28, 28, 28, 16, 16, 16, 16, 16, 16)
	if len(sw.KPIs) > 0 && len(sw.S.Points) > 1 {
		// Beside the table, level with its head: the opening paragraphs above
		// span the first columns, and a chart at a fixed row covered them.
		b.chart(s, cell(nf+3*len(sw.KPIs)+2, top-1), &excelize.Chart{Type: excelize.Line,
			Series: []excelize.ChartSeries{{
				Name:       "'" + s + "'!" + abs(nf+1, top-1),
				Categories: "'" + s + "'!" + abs(1, top) + ":" + abs(1, row),
				Values:     "'" + s + "'!" + abs(nf+1, top) + ":" + abs(nf+1, row),
			}},
			Title:  []excelize.RichTextRun{{Text: label(sw.KPIs[0], sim.LookupKPI) + " against " + sw.S.Factors[0].Key}},
			Legend: excelize.ChartLegend{Position: "none"},
			XAxis:  excelize.ChartAxis{Title: []excelize.RichTextRun{{Text: sw.S.Factors[0].Key}}},
			YAxis:  excelize.ChartAxis{MajorGridLines: true},
			Format: excelize.GraphicOptions{ScaleX: 1.4, ScaleY: 1.3}})
	}
	b.sweepSheet(sw.S)
	return b.finish(w, sw.Title)
}

// factorValue stores a parameter value as a number when it is one.
func factorValue(v string) any {
	var x float64
	if _, err := fmt.Sscan(v, &x); err == nil && fmt.Sprint(x) == strings.TrimSpace(v) {
		return x
	}
	return v
}

// sweepSheet writes every KPI at every point, a row each: thousands of
// rows for a grid, so written as XML rather than cell by cell.
func (b *book) sweepSheet(sw *experiment.Sweep) {
	const s = "Sweep"
	b.sheet(s)
	nf := len(sw.Factors)
	b.freeze(s, nf)
	out := b.rawRows(s)
	out.start(1)
	head := []string{}
	for _, f := range sw.Factors {
		head = append(head, f.Key)
	}
	for c, h := range append(head, "kpi", "mean", "ci_low", "ci_high", "n", "unit") {
		out.str(c+1, 1, b.bold, h)
	}
	out.end()
	row := 2
	for _, p := range sw.Points {
		factors := make([]any, len(p.Values))
		for i, v := range p.Values {
			factors[i] = factorValue(v)
		}
		for _, sum := range p.Summaries {
			out.start(row)
			for i, v := range factors {
				if x, ok := v.(float64); ok {
					out.num(i+1, row, 0, x)
				} else {
					out.str(i+1, row, 0, v.(string))
				}
			}
			e := sum.Estimate
			x, unit := shown(sum.Name, sum.Unit)
			style := b.numStyle(FormatFor(unit, x*e.Mean, x*e.Low, x*e.High))
			out.str(nf+1, row, 0, sum.Name)
			out.num(nf+2, row, style, x*e.Mean)
			out.num(nf+3, row, style, x*e.Low)
			out.num(nf+4, row, style, x*e.High)
			out.num(nf+5, row, 0, float64(e.N))
			out.str(nf+6, row, 0, unit)
			out.end()
			row++
		}
	}
}
