package workbook_test

import (
	"bytes"
	"context"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestLargeSheetsReadBack: the sheets not written cell by cell, Weekly
// (raw XML) and Areas (streamed), read back cell for cell as the means
// they show, with their bold headers, number formats, frozen panes and
// widths.
func TestLargeSheetsReadBack(t *testing.T) {
	cfg := load(t, "icb", 30)
	cfg.Areas.Count = 3
	res, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 3, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := workbook.WriteRun(&buf, workbook.Run{Title: "icb", Summaries: experiment.Summarise(res, 0.95), Results: res, Level: 0.95}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	cols := res[0].Columns
	for c, col := range cols {
		checkHeader(t, f, "Weekly", c+1, col.Name)
	}
	for w := range res[0].Weekly {
		for c := range cols {
			sum := 0.0
			for _, r := range res {
				sum += r.Weekly[w][c]
			}
			checkNumber(t, f, "Weekly", c+1, w+2, sum/float64(len(res)))
		}
	}
	checkFrozen(t, f, "Weekly")

	areas := res[0].Areas
	checkHeader(t, f, "Areas", 1, "area")
	vals := make([]float64, len(res))
	cells := make([][]float64, areas[0].NumKPIs()) // by KPI: every area's mean, low and high
	for a, area := range areas {
		if got, _ := f.GetCellValue("Areas", cellName(1, a+2)); got != area.Name {
			t.Errorf("Areas!%s = %q, want %q", cellName(1, a+2), got, area.Name)
		}
		for k := range area.NumKPIs() {
			kpi := area.KPI(k)
			col := 2 + 3*k // the mean, then its interval
			x, _ := areaShown(kpi)
			if a == 0 {
				words := kpiWords(kpi.Name)
				checkHeader(t, f, "Areas", col, words)
				checkHeader(t, f, "Areas", col+1, words+": 95% low")
				checkHeader(t, f, "Areas", col+2, words+": 95% high")
			}
			e := experiment.AreaEstimate(res, a, k, vals, 0.95)
			checkNumber(t, f, "Areas", col, a+2, x*e.Mean)
			checkNumber(t, f, "Areas", col+1, a+2, x*e.Low)
			checkNumber(t, f, "Areas", col+2, a+2, x*e.High)
			cells[k] = append(cells[k], x*e.Mean, x*e.Low, x*e.High)
		}
	}
	// A column's format keeps three significant figures of its largest.
	for k := range areas[0].NumKPIs() {
		_, unit := areaShown(areas[0].KPI(k))
		for a := range areas {
			for i := range 3 {
				checkFormat(t, f, "Areas", 2+3*k+i, a+2, workbook.FormatFor(unit, cells[k]...))
			}
		}
	}
	checkFrozen(t, f, "Areas")
	if w, err := f.GetColWidth("Areas", "A"); err != nil || w != 28 {
		t.Errorf("Areas column A is %v wide (%v), want 28", w, err)
	}
	if rows, _ := f.GetRows("Areas"); len(rows) != 1+len(areas) {
		t.Errorf("Areas has %d rows, want a header and %d areas", len(rows), len(areas))
	}
}

// areaShown is how the Areas sheet shows a KPI: a gap between groups'
// shares ×100 in percentage points, as the KPIs sheet does; any other as
// it is.
func areaShown(kpi sim.KPI) (scale float64, unit string) {
	if m, ok := sim.LookupKPI(kpi.Name); ok && m.Gap && kpi.Unit == sim.UnitShare {
		return 100, workbook.Points
	}
	return 1, kpi.Unit
}

func cellName(c, r int) string {
	name, _ := excelize.CoordinatesToCellName(c, r)
	return name
}

func checkHeader(t *testing.T, f *excelize.File, sheet string, c int, want string) {
	t.Helper()
	at := cellName(c, 1)
	if got, _ := f.GetCellValue(sheet, at); got != want {
		t.Errorf("%s!%s = %q, want %q", sheet, at, got, want)
	}
	id, err := f.GetCellStyle(sheet, at)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("%s!%s is not bold (%v)", sheet, at, err)
	}
}

// checkNumber: the cell holds want exactly, or nothing if want is not finite.
func checkNumber(t *testing.T, f *excelize.File, sheet string, c, r int, want float64) {
	t.Helper()
	at := cellName(c, r)
	raw, err := f.GetCellValue(sheet, at, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if math.IsNaN(want) || math.IsInf(want, 0) {
		if raw != "" {
			t.Errorf("%s!%s = %q, want empty for %v", sheet, at, raw, want)
		}
		return
	}
	if got, err := strconv.ParseFloat(raw, 64); err != nil || got != want {
		t.Errorf("%s!%s = %q, want %v", sheet, at, raw, want)
	}
	if typ, _ := f.GetCellType(sheet, at); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("%s!%s has type %v, want a number", sheet, at, typ)
	}
}

func checkFormat(t *testing.T, f *excelize.File, sheet string, c, r int, want string) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cellName(c, r))
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != want {
		t.Errorf("%s!%s has number format %v (%v), want %q", sheet, cellName(c, r), st.CustomNumFmt, err, want)
	}
}

func checkFrozen(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	p, err := f.GetPanes(sheet)
	if err != nil || !p.Freeze || p.XSplit != 1 || p.YSplit != 1 || p.TopLeftCell != "B2" {
		t.Errorf("%s panes %+v (%v), want the first row and column frozen", sheet, p, err)
	}
}

// TestFormatForKeepsSmallFiguresReadable: a row's largest value keeps
// three significant figures, so a small flow and its interval are not
// rounded to whole numbers (0.8 leavers [0.374, 1.71] was "1 [0, 2]").
func TestFormatForKeepsSmallFiguresReadable(t *testing.T) {
	for _, c := range []struct {
		unit   string
		values []float64
		want   string
	}{
		{"people/year", []float64{0.8, 0.374, 1.71}, "#,##0.00"},
		{"people/year", []float64{0.4, -0.208, 1.01}, "#,##0.00"},
		{"people/year", []float64{44.6, 11.1, 78}, "#,##0.0"},
		{"people/year", []float64{1304, 1264, 1346}, "#,##0"},
		{"people/year", nil, "#,##0"},
		{sim.UnitShare, []float64{0.568, 0.551, 0.584}, "0.0%"},
		{sim.UnitShare, []float64{0.00042, 0, 0.007}, "0.000%"},
		{sim.UnitWeeks, []float64{0.275, 0.098, 0.771}, `0.000" weeks"`},
		{sim.UnitWeeks, []float64{5.94, 4.97, 7.09}, `0.00" weeks"`},
		{sim.UnitGBPPerYear, []float64{256464, 253583, 259431}, `"£"#,##0`},
		{sim.UnitGBP, []float64{51.07, 31.9, 70.24}, `"£"#,##0.00`},
	} {
		if got := workbook.FormatFor(c.unit, c.values...); got != c.want {
			t.Errorf("FormatFor(%q, %v) = %q, want %q", c.unit, c.values, got, c.want)
		}
	}
}

// kpiWords is a KPI's head in the Areas sheet: its label, and a family's
// member in words.
func kpiWords(name string) string {
	m, ok := sim.LookupKPI(name)
	if !ok {
		return name
	}
	if _, _, member := sim.SplitMember(name); member != "" {
		return m.Label + ": " + strings.ReplaceAll(member, "_", " ")
	}
	return m.Label
}
