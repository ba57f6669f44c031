package workbook_test

import (
	"bytes"
	"context"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestGapInPoints: a gap between groups' shares (a difference of two
// shares) is shown in percentage points in both workbooks, as its words
// say it: the value ×100 formatted "0.0 pts" with the unit "percentage
// points", not a share formatted "0.0%" ("-9.3%"); a share stays a share.
func TestGapInPoints(t *testing.T) {
	a, b := load(t, "baseline", 40), load(t, "extra-link-worker", 40)
	b.Run.Seed = a.Run.Seed
	c, err := experiment.Compare(context.Background(), []*sim.Config{a, b}, experiment.Options{Replications: 3, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	var run, cmp bytes.Buffer
	sums := experiment.Summarise(c.Results[0], 0.95)
	headline := []string{sim.KPINeedsMetShare, sim.KPIInequityGapNeedsMetShare}
	if err := workbook.WriteRun(&run, workbook.Run{Title: "run", Headline: headline, Summaries: sums, Results: c.Results[0], Level: 0.95}); err != nil {
		t.Fatal(err)
	}
	if err := workbook.WriteCompare(&cmp, workbook.Compare{Title: "compare", C: c, Headline: headline}); err != nil {
		t.Fatal(err)
	}
	gap, _ := experiment.FindSummary(sums, sim.KPIInequityGapNeedsMetShare)
	share, _ := experiment.FindSummary(sums, sim.KPINeedsMetShare)
	for _, tc := range []struct {
		book                 *bytes.Buffer
		sheet                string
		kpiCol, valCol       int
		kpi                  string
		want                 float64
		wantUnit, wantFormat string
		unitCol              int
	}{
		{&run, "KPIs", 1, 3, sim.KPIInequityGapNeedsMetShare, 100 * gap.Estimate.Mean, workbook.Points, `" pts"`, 7},
		{&run, "KPIs", 1, 3, sim.KPINeedsMetShare, share.Estimate.Mean, sim.UnitShare, "%", 7},
		{&run, "Summary", 1, 3, "Inequity gap in needs met (reference group minus rest)", 100 * gap.Estimate.Mean, workbook.Points, `" pts"`, 6},
		{&cmp, "Comparison", 1, 4, sim.KPIInequityGapNeedsMetShare, 100 * gap.Estimate.Mean, workbook.Points, `" pts"`, 10},
		{&cmp, "Summary", 1, 2, "Inequity gap in needs met (reference group minus rest)", 100 * gap.Estimate.Mean, "", `" pts"`, 0},
	} {
		f, err := excelize.OpenReader(bytes.NewReader(tc.book.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(tc.sheet)
		found := false
		for r, row := range rows {
			if len(row) == 0 || row[tc.kpiCol-1] != tc.kpi {
				continue
			}
			found = true
			raw, _ := f.GetCellValue(tc.sheet, cellName(tc.valCol, r+1), excelize.Options{RawCellValue: true})
			if got, err := strconv.ParseFloat(raw, 64); err != nil || !near(raw, tc.want) {
				t.Errorf("%s %s: %q (%v), want %g", tc.sheet, tc.kpi, raw, got, tc.want)
			}
			id, _ := f.GetCellStyle(tc.sheet, cellName(tc.valCol, r+1))
			st, _ := f.GetStyle(id)
			if st == nil || st.CustomNumFmt == nil || !bytes.HasSuffix([]byte(*st.CustomNumFmt), []byte(tc.wantFormat)) {
				t.Errorf("%s %s: number format %v, want one ending %s", tc.sheet, tc.kpi, st, tc.wantFormat)
			}
			if tc.unitCol > 0 {
				if u, _ := f.GetCellValue(tc.sheet, cellName(tc.unitCol, r+1)); u != tc.wantUnit {
					t.Errorf("%s %s: unit %q, want %q", tc.sheet, tc.kpi, u, tc.wantUnit)
				}
			}
			break
		}
		if !found {
			t.Errorf("%s: no row %s", tc.sheet, tc.kpi)
		}
	}
}

// TestAreaGapInPoints: the Areas sheet shows each area's gap between
// groups' shares in percentage points, as the KPIs sheet does (×100,
// formatted " pts"), not as a share formatted "0.0%" ("−8.3%" beside the
// KPIs sheet's "−8.3 pts"); a share stays a share.
func TestAreaGapInPoints(t *testing.T) {
	cfg := load(t, "icb", 40)
	res, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 2, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || len(res[0].Areas) == 0 {
		t.Fatal("icb ran without areas")
	}
	sums := experiment.Summarise(res, 0.95)
	var book bytes.Buffer
	if err := workbook.WriteRun(&book, workbook.Run{Title: "run", Headline: []string{sim.KPINeedsMetShare}, Summaries: sums, Results: res, Level: 0.95}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(book.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Areas")
	if len(rows) < 2 {
		t.Fatalf("Areas sheet has %d rows", len(rows))
	}
	kpiIndex := func(name string) int {
		if k := res[0].Areas[0].KPIIndex(name); k >= 0 {
			return k
		}
		t.Fatalf("no area KPI %s", name)
		return -1
	}
	vals := make([]float64, len(res))
	for _, tc := range []struct {
		kpi        string
		scale      float64
		wantFormat string
	}{
		{sim.KPIInequityGapNeedsMetShare, 100, `" pts"`},
		{sim.KPINeedsMetShare, 1, "%"},
	} {
		k := kpiIndex(tc.kpi)
		col := 0
		for c, head := range rows[0] {
			if m, _ := sim.LookupKPI(tc.kpi); head == m.Label {
				col = c + 1
			}
		}
		if col == 0 {
			t.Errorf("Areas: no column %s in %q", tc.kpi, rows[0])
			continue
		}
		for a := range res[0].Areas {
			e := experiment.AreaEstimate(res, a, k, vals, 0.95)
			for i, want := range []float64{e.Mean, e.Low, e.High} {
				cell := cellName(col+i, a+2)
				raw, _ := f.GetCellValue("Areas", cell, excelize.Options{RawCellValue: true})
				if !near(raw, tc.scale*want) {
					t.Errorf("Areas %s %s: %q, want %g", cell, tc.kpi, raw, tc.scale*want)
				}
				id, _ := f.GetCellStyle("Areas", cell)
				st, _ := f.GetStyle(id)
				if st == nil || st.CustomNumFmt == nil || !bytes.HasSuffix([]byte(*st.CustomNumFmt), []byte(tc.wantFormat)) {
					t.Errorf("Areas %s %s: number format %v, want one ending %s", cell, tc.kpi, st, tc.wantFormat)
				}
			}
		}
	}
}
