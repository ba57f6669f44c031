package workbook

import (
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Pinned is the created and modified time written into every workbook's
// document properties, so that the file does not depend on when it was
// written.
const Pinned = "2000-01-01T00:00:00Z"

// book is a workbook being built, with its cell styles.
type book struct {
	f      *excelize.File
	styles map[string]int // by number format; "" is plain
	bold   int
	title  int
	wrap   int
	err    error // the first error; later calls do nothing
	// raw are sheets whose cells are written as XML, not by excelize.
	raw map[string]*rows
}

func newBook(first string) *book {
	f := excelize.NewFile()
	b := &book{f: f, styles: map[string]int{}}
	b.check(f.SetSheetName("Sheet1", first))
	// The first sheet opens: set now, as later it would read back every
	// streamed sheet.
	f.SetActiveSheet(0)
	b.bold = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	b.title = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	b.wrap = b.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return b
}

func (b *book) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.check(err)
	return id
}

// numStyle is the style for numbers in the given Excel number format.
func (b *book) numStyle(format string) int {
	if id, ok := b.styles[format]; ok {
		return id
	}
	f := format
	id := b.style(&excelize.Style{CustomNumFmt: &f})
	b.styles[format] = id
	return id
}

func (b *book) sheet(name string) {
	_, err := b.f.NewSheet(name)
	b.check(err)
}

// cell is the A1 name of column c, row r (both from 1).
func cell(c, r int) string {
	name, _ := excelize.CoordinatesToCellName(c, r)
	return name
}

// set writes v at (c, r): a float is stored as a number (empty if it is
// not finite), anything else as it is.
func (b *book) set(sheet string, c, r int, v any) {
	if x, ok := v.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
		return
	}
	b.check(b.f.SetCellValue(sheet, cell(c, r), v))
}

// rawRows is where the cells of sheet are written straight as XML; the
// sheet must have no cells set otherwise.
func (b *book) rawRows(sheet string) *rows {
	if b.raw == nil {
		b.raw = map[string]*rows{}
	}
	r := &rows{}
	b.raw[sheet] = r
	return r
}

// row writes values from column 1 of row r.
func (b *book) row(sheet string, r int, vals ...any) {
	for i, v := range vals {
		b.set(sheet, i+1, r, v)
	}
}

func (b *book) styleCells(sheet string, c1, r1, c2, r2, style int) {
	b.check(b.f.SetCellStyle(sheet, cell(c1, r1), cell(c2, r2), style))
}

func (b *book) widths(sheet string, widths ...float64) {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.check(b.f.SetColWidth(sheet, col, col, w))
	}
}

// lineHeight is the points a wrapped line of a paragraph is given.
const lineHeight = 15

// rowLines is how many lines fit in the tallest row Excel allows (409
// points): asking for a taller row fails the whole workbook.
const rowLines = excelize.MaxRowHeight / lineHeight

// paragraph writes text from row r as one wrapped cell across the first
// cols columns (of the given total width in characters), tall enough to
// show it whole: long sentences would otherwise run off the page. It
// returns the row after it. Text too long for one row of Excel's is
// merged down over as many rows as it needs, so that it still reads, and
// copies, as one cell; text too long for one cell goes on in the next.
func (b *book) paragraph(sheet string, r int, text string, cols int, width float64) int {
	for _, p := range cellPieces(text) {
		lines := int(max(1, math.Ceil(float64(len(p))/max(20, width*1.1))))
		n := (lines + rowLines - 1) / rowLines // rows, each at most rowLines high
		b.set(sheet, 1, r, p)
		if cols > 1 || n > 1 {
			b.check(b.f.MergeCell(sheet, cell(1, r), cell(cols, r+n-1)))
		}
		b.styleCells(sheet, 1, r, cols, r+n-1, b.wrap)
		for i := range n {
			h := min(lines, rowLines)
			lines -= h
			b.check(b.f.SetRowHeight(sheet, r+i, float64(lineHeight*h)))
		}
		r += n
	}
	return r
}

// cellPieces splits text into pieces that each fit in one cell (Excel's
// 32,767 UTF-16 characters), at a space where it can: excelize would
// otherwise cut the rest off without a word. Text that fits is the one
// piece, even if empty.
func cellPieces(text string) []string {
	var out []string
	for {
		cut, units, space := len(text), 0, -1
		for i, c := range text {
			if units += utf16.RuneLen(c); units > excelize.TotalCellChars {
				cut = i
				break
			}
			if unicode.IsSpace(c) {
				space = i
			}
		}
		if cut == len(text) {
			return append(out, text)
		}
		if space > 0 {
			cut = space
		}
		out = append(out, text[:cut])
		if text = strings.TrimLeftFunc(text[cut:], unicode.IsSpace); text == "" {
			return out
		}
	}
}

// printWide fits a sheet to one landscape page wide when printed (or
// converted to PDF).
func (b *book) printWide(sheet string) {
	landscape, one, any := "landscape", 1, 0
	fit := true
	b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}))
}

// freeze keeps the first row (and the first cols columns) in view.
func (b *book) freeze(sheet string, cols int) {
	b.check(b.f.SetPanes(sheet, panes(cols)))
}

// panes freeze the first row and the first cols columns.
func panes(cols int) *excelize.Panes {
	return &excelize.Panes{Freeze: true, XSplit: cols, YSplit: 1, TopLeftCell: cell(cols+1, 2), ActivePane: "bottomRight"}
}

// finish pins the document properties and writes the workbook.
func (b *book) finish(w io.Writer, title string) error {
	defer b.f.Close()
	b.check(b.f.SetDocProps(&excelize.DocProperties{Creator: "spsim", LastModifiedBy: "spsim", Title: title,
		Created: Pinned, Modified: Pinned}))
	if b.err != nil {
		return fmt.Errorf("building workbook: %w", b.err)
	}
	var p parts
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return &p })
	if _, err := b.f.WriteTo(io.Discard); err != nil {
		return fmt.Errorf("writing workbook: %w", err)
	}
	if err := p.splice(b.raw); err != nil {
		return fmt.Errorf("writing workbook: %w", err)
	}
	if err := p.zipCanonical(w); err != nil {
		return fmt.Errorf("writing workbook: %w", err)
	}
	return nil
}

// Points is the unit a workbook gives a gap between groups' shares (a
// difference of two shares, such as inequity_gap_needs_met_share): its
// cells hold the value ×100 and read "−9.3 pts", as the words say
// "−9.3 percentage points", not "−9.3%".
const Points = "percentage points"

// shown is how a workbook's cells show KPI name in unit: the factor its
// values are multiplied by and the unit they are then in. A gap between
// groups' shares is in percentage points (Points); any other KPI as it is.
func shown(name, unit string) (scale float64, in string) {
	if m, ok := sim.LookupKPI(name); ok && m.Gap && unit == sim.UnitShare {
		return 100, Points
	}
	return 1, unit
}

// Format is the Excel number format that shows a value of the unit as
// people read it: shares as percentages, money in pounds, waits in weeks.
func Format(unit string) string { return FormatFor(unit) }

// FormatFor is Format for a row of values (a mean and its interval): their
// largest keeps three significant figures, so that 0.8 leavers a year
// [0.374, 1.71] is not shown as 1 [0, 2], nor +0.4 [−0.208, 1.01] as
// 0 [-0, 1]. Without values it is the unit's usual format.
func FormatFor(unit string, values ...float64) string {
	big := 0.0
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			big = max(big, math.Abs(v))
		}
	}
	// Decimals for three significant figures of big, within [lo, 3].
	dp := func(lo, scale int) int {
		if big == 0 {
			return lo
		}
		return min(3, max(lo, 2-int(math.Floor(math.Log10(big)))-scale))
	}
	fixed := func(d int) string {
		if d == 0 {
			return "0"
		}
		return "0." + strings.Repeat("0", d)
	}
	switch {
	case unit == sim.UnitShare:
		return fixed(dp(1, 2)) + "%"
	case unit == Points:
		return fixed(dp(1, 0)) + `" pts"`
	case strings.HasPrefix(unit, sim.UnitGBP):
		if big > 0 && big < 100 {
			return `"£"#,##0.00` // pence below £100, as the words give them
		}
		return `"£"#,##0`
	case unit == sim.UnitWeeks:
		return fixed(dp(1, 0)) + `" weeks"`
	case unit == sim.UnitIndex:
		return "0.00"
	case strings.HasSuffix(unit, "/year"):
		return "#,##" + fixed(dp(0, 0))
	}
	return "#,##" + fixed(dp(1, 0))
}

// WordsCI writes an estimate and its 95% interval in the words every face
// shares (experiment.Words), the figure and both bounds to one precision
// as the report's Bounds: "5.62 weeks (95% CI 5.36 to 5.90 weeks)",
// "0.520 people a year (95% CI 0.352 to 0.767 people a year)". A gap
// between groups' shares (gap) is in percentage points.
func WordsCI(mean, low, high float64, unit string, gap bool) string {
	if math.IsNaN(low) || math.IsNaN(high) {
		return experiment.Words(mean, unit, gap)
	}
	return experiment.WordsWithin(mean, low, high, unit, gap) + " (95% CI " + experiment.WordsBetween(mean, low, high, unit, gap) + ")"
}

// label is a KPI or column in words, from the model's registry.
func label(name string, lookup func(string) (sim.Measure, bool)) string {
	m, ok := lookup(name)
	if !ok {
		return name
	}
	_, _, member := sim.SplitMember(name)
	if member != "" {
		return m.Label + ": " + strings.ReplaceAll(member, "_", " ")
	}
	return m.Label
}
