package workbook_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

func load(t *testing.T, name string, weeks int) *sim.Config {
	t.Helper()
	cfg, err := scenarios.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = weeks, 10
	return cfg
}

func runBook(t *testing.T, name string) ([]byte, []experiment.Summary) {
	t.Helper()
	cfg := load(t, name, 60)
	res, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 3, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	sums := experiment.Summarise(res, 0.95)
	var b bytes.Buffer
	err = workbook.WriteRun(&b, workbook.Run{Title: "spsim run: " + cfg.Name, Question: cfg.Question,
		Facts:     []string{"3 replications."},
		Verdict:   []string{"Waits are long."},
		Headline:  []string{"wait_first_contact_mean_weeks", "needs_met_share", "cost_total"},
		Summaries: sums, Results: res, Level: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), sums
}

// TestRunWorkbook: the workbook opens, says the headline in words, stores
// numbers as numbers with unit formats, and has the weekly table and charts.
func TestRunWorkbook(t *testing.T) {
	data, sums := runBook(t, "baseline")
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "Summary,Charts,KPIs,Weekly" {
		t.Errorf("sheets %v", got)
	}
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"What the run found", "Waits are long.", "Wait to first contact, mean|", " weeks (95% CI ", "% (95% CI ", "£", " a year (95% CI £"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	// The KPIs sheet holds numbers, not text, and the mean is the summary's.
	for i, s := range sums[:5] {
		c := "C" + string(rune('2'+i))
		typ, err := f.GetCellType("KPIs", c)
		if err != nil || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
			t.Errorf("KPIs!%s (%s) has type %v, %v; want a number", c, s.Name, typ, err)
		}
		raw, _ := f.GetCellValue("KPIs", c, excelize.Options{RawCellValue: true})
		if want := s.Estimate.Mean; raw == "" || !near(raw, want) {
			t.Errorf("KPIs!%s = %q, want %g", c, raw, want)
		}
	}
	weekly, _ := f.GetRows("Weekly")
	if len(weekly) != 61 {
		t.Errorf("weekly sheet has %d rows, want a header and 60 weeks", len(weekly))
	}
	if n := countParts(t, data, "xl/charts/chart"); n < 2 {
		t.Errorf("%d charts, want at least 2", n)
	}
}

// TestWorkbookByteIdentical: the same results give the same bytes, and the
// document properties carry the pinned time rather than the clock's.
func TestWorkbookByteIdentical(t *testing.T) {
	a, _ := runBook(t, "baseline")
	b, _ := runBook(t, "baseline")
	if !bytes.Equal(a, b) {
		za, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
		zb, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		for i, f := range za.File {
			if i >= len(zb.File) || zb.File[i].Name != f.Name {
				t.Fatalf("entry %d: %s vs other", i, f.Name)
			}
			if part(t, a, f.Name) != part(t, b, f.Name) {
				t.Errorf("entry %s differs:\n%.600s\n%.600s", f.Name, part(t, a, f.Name), part(t, b, f.Name))
			}
		}
		t.Fatal("two workbooks of the same run differ")
	}
	core := part(t, a, "docProps/core.xml")
	if !strings.Contains(core, workbook.Pinned) || strings.Count(core, "dcterms:W3CDTF") != 2 {
		t.Errorf("docProps/core.xml does not pin its times to %s:\n%s", workbook.Pinned, core)
	}
	zr, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	for _, f := range zr.File {
		if !f.Modified.IsZero() && f.Modified.Year() > 1980 {
			t.Errorf("zip entry %s is stamped %v", f.Name, f.Modified)
		}
	}
}

func TestAreasSheet(t *testing.T) {
	cfg := load(t, "icb", 30)
	cfg.Areas.Count = 4
	res, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 2, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := workbook.WriteRun(&b, workbook.Run{Title: "icb", Summaries: experiment.Summarise(res, 0.95), Results: res, Level: 0.95}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Areas")
	if len(rows) != 5 {
		t.Errorf("areas sheet has %d rows, want a header and 4 areas", len(rows))
	}
}

func TestCompareAndSweepWorkbooks(t *testing.T) {
	a, b := load(t, "baseline", 40), load(t, "extra-link-worker", 40)
	b.Run.Seed = a.Run.Seed
	c, err := experiment.Compare(context.Background(), []*sim.Config{a, b}, experiment.Options{Replications: 3, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := workbook.WriteCompare(&buf, workbook.Compare{Title: "compare", C: c, Headline: []string{"wait_first_contact_mean_weeks", "cost_total"}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Summary")
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	if !strings.Contains(text, "extra-link-worker minus baseline") || !strings.Contains(text, "(95% CI ") {
		t.Errorf("compare summary:\n%s", text)
	}
	// On the Comparison sheet a difference has the format of its own
	// figures, not of the level beside it (−0.44 beside 1,304 referrals
	// showed as "-0").
	for row := 2; ; row++ {
		kpi, _ := f.GetCellValue("Comparison", cellName(1, row))
		if kpi == "" {
			break
		}
		k := c.KPIs[slices.IndexFunc(c.KPIs, func(x experiment.KPIComparison) bool { return x.Name == kpi })]
		i := (row - 2) % len(c.Names)
		e, d := k.Estimates[i], k.Paired[i]
		unit, x := k.Unit, 1.0
		if strings.HasPrefix(kpi, "inequity_gap_") && unit == sim.UnitShare {
			unit, x = workbook.Points, 100 // a gap between shares, in points
		}
		checkFormat(t, f, "Comparison", 4, row, workbook.FormatFor(unit, x*e.Mean, x*e.Low, x*e.High))
		checkFormat(t, f, "Comparison", 7, row, workbook.FormatFor(unit, x*d.Mean, x*d.Low, x*d.High))
	}

	sw := sweepLinkWorkers(t, 40, "2", "4")
	buf.Reset()
	if err := workbook.WriteSweep(&buf, workbook.Sweep{Title: "sweep", S: sw, KPIs: []string{"wait_first_contact_mean_weeks"},
		Answer: []string{"Waits fall."}}); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err = g.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	if text := fmt.Sprint(rows); !strings.Contains(text, "What the sweep found") || !strings.Contains(text, "Waits fall.") {
		t.Errorf("the sweep's summary does not lead with its answer: %s", text)
	}
	typ, _ := g.GetCellType("Sweep", "A2")
	if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("the swept value is stored as %v, want a number", typ)
	}
}

// The workbook's words are the other faces': small flows keep their
// figures (0.52 leavers a year is not "1 people a year"), a figure and its
// interval are written to one precision ("0.520 … (95% CI 0.352 to
// 0.767 …)", not "0.52"), a gap between
// groups is in percentage points, and an interval that holds 0 shows it.
func TestWords(t *testing.T) {
	for _, c := range []struct {
		mean, lo, hi float64
		unit         string
		gap          bool
		want         string
	}{
		{0.5678, 0.56, 0.58, "share", false, "56.8% (95% CI 56.0% to 58.0%)"},
		{256464.4, 254131, 257460, "GBP/year", false, "£256,464 a year (95% CI £254,131 to £257,460 a year)"},
		{5.62, 5.36, 5.9, "weeks", false, "5.62 weeks (95% CI 5.36 to 5.90 weeks)"},
		{1266.78, 1250, 1280, "people/year", false, "1,267 people a year (95% CI 1,250 to 1,280 people a year)"},
		{0.52, 0.352, 0.767, "people/year", false, "0.520 people a year (95% CI 0.352 to 0.767 people a year)"},
		{0.919, 0.604, 1.4, "person-weeks/year", false, "0.92 person-weeks a year (95% CI 0.60 to 1.40 person-weeks a year)"},
		{44.3, 44.1, 44.6, "people/FTE", false, "44.3 people per FTE (95% CI 44.1 to 44.6 people per FTE)"},
		{-0.0874, -0.0953, -0.0794, "share", true, "−8.7 percentage points (95% CI −9.5 to −7.9 percentage points)"},
		{1234.5, math.NaN(), math.NaN(), "GBP", false, "£1,235"},
	} {
		if got := workbook.WordsCI(c.mean, c.lo, c.hi, c.unit, c.gap); got != c.want {
			t.Errorf("WordsCI(%g, %g, %g, %q) = %q, want %q", c.mean, c.lo, c.hi, c.unit, got, c.want)
		}
	}
	for _, c := range []struct {
		d    experiment.Estimate
		unit string
		want string
	}{
		{experiment.Estimate{Mean: 0.1, Low: -0.2, High: 0.4}, "weeks", "no detectable difference (95% CI −0.200 to +0.400 weeks)"},
		{experiment.Estimate{Mean: -3.37, Low: -3.79, High: -2.96}, "weeks", "−3.37 weeks (95% CI −3.79 to −2.96 weeks)"},
		{experiment.Estimate{Mean: 0.0097, Low: -0.00012, High: 0.0196}, "share", "no detectable difference (95% CI −0.01 to +1.96 percentage points)"},
	} {
		if got := workbook.DifferenceWords(c.d, c.unit); got != c.want {
			t.Errorf("DifferenceWords(%+v, %q) = %q, want %q", c.d, c.unit, got, c.want)
		}
	}
}

func near(s string, want float64) bool {
	var x float64
	if _, err := fmt.Sscan(s, &x); err != nil {
		return false
	}
	return x == want || (x-want)/want < 1e-12 && (want-x)/want < 1e-12
}

func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	t.Fatalf("no %s in the workbook", name)
	return ""
}

func countParts(t *testing.T, data []byte, prefix string) int {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, prefix) {
			n++
		}
	}
	return n
}
