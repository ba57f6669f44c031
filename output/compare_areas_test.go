package output_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/study"
)

// TestCompareAreaByArea: moving a post from one PCN to another leaves the
// ICB's total about the same, so a comparison of totals alone cannot say
// where waits rise and fall. Area by area, paired on common random
// numbers, the PCN that loses the post waits longer, the one that gains
// it less, and one that is not touched (its own random streams, the same
// in both scenarios) has no detectable difference; the report shows it.
func TestCompareAreaByArea(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, north, south int) string {
		text := fmt.Sprintf("name = %q\nextends = \"baseline\"\n[run]\nhorizon_weeks = 80\nwarmup_weeks = 20\n", name)
		for _, a := range []struct {
			name string
			lw   int
		}{{"Northgate", north}, {"Southside", south}, {"Eastfield", 3}} {
			text += fmt.Sprintf("[[areas.list]]\nname = %q\nset = { \"workforce.link_workers\" = %d }\n", a.name, a.lw)
		}
		p := filepath.Join(dir, name+".toml")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ref, moved := write("today", 4, 2), write("moved", 2, 4)
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{ref, moved}, Options: study.Options{Replications: 6, Jobs: 2}})
	if err != nil {
		t.Fatal(err)
	}
	tab, ok := output.CompareAreaTable(r.Comparison)
	if !ok || len(tab.Rows) != 3 {
		t.Fatalf("area table %v, %v; want a row for each of 3 areas", ok, tab.Rows)
	}
	want := []string{"area", "scenario", "Wait to first contact, mean (weeks)", "Share of needs met (percentage points)", "Total cost (£ a year)"}
	if strings.Join(tab.Head, "|") != strings.Join(want, "|") {
		t.Errorf("heads %q, want %q", tab.Head, want)
	}
	rows := map[string][]string{}
	for _, row := range tab.Rows {
		rows[row[0]] = row
	}
	if w := rows["Northgate"][2]; !strings.HasPrefix(w, "+") || !strings.Contains(w, " to ") {
		t.Errorf("Northgate, losing a post: wait %q; want a detectable rise with its interval", w)
	}
	if w := rows["Southside"][2]; !strings.HasPrefix(w, "-") {
		t.Errorf("Southside, gaining a post: wait %q; want a detectable fall", w)
	}
	for _, c := range rows["Eastfield"][2:] {
		if !strings.HasPrefix(c, "no difference: the same in every replication") {
			t.Errorf("Eastfield, untouched: %q; want no difference", c)
		}
	}
	if s := rows["Northgate"][3]; !strings.HasPrefix(s, "-") || strings.Contains(s, "%") {
		t.Errorf("Northgate's share of needs met %q; want a fall in percentage points, not %%", s)
	}
	out := t.TempDir()
	if err := output.WriteCompare(out, r, study.Outputs{study.Report: true}); err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "Area by area: each scenario minus today in the same area") {
		t.Error("the report has no area-by-area table")
	}
}

// TestCompareAreasInFiles: the report's Area by area figures are in
// compare_areas.csv, compare.json's areas and the workbook's Area by area
// sheet, the same figures (one computation), with stable names, the same
// bytes whatever --jobs; scenarios of one area, or one replication (where
// the report has no such table), write no such file, key or sheet.
func TestCompareAreasInFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name+".toml")
		text := fmt.Sprintf("name = %q\nextends = \"baseline\"\n[run]\nhorizon_weeks = 80\nwarmup_weeks = 20\n", name) + body
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	areas := func(north, south int) string {
		text := ""
		for _, a := range []struct {
			name string
			lw   int
		}{{"Northgate", north}, {"Southside", south}, {"Eastfield", 3}} {
			text += fmt.Sprintf("[[areas.list]]\nname = %q\nset = { \"workforce.link_workers\" = %d }\n", a.name, a.lw)
		}
		return text
	}
	today, moved := write("today", areas(4, 2)), write("moved", areas(2, 4))
	one, more := write("one", ""), write("more", "[workforce]\nlink_workers = 4\n")
	compare := func(reps, jobs int, refs ...string) (*study.CompareResult, string) {
		r, err := study.Compare(context.Background(), study.CompareSpec{Refs: refs, Options: study.Options{Replications: reps, Jobs: jobs}})
		if err != nil {
			t.Fatal(err)
		}
		out := t.TempDir()
		if err := output.WriteCompare(out, r, study.Outputs{study.Summary: true, study.XLSX: true, study.Report: true}); err != nil {
			t.Fatal(err)
		}
		return r, out
	}
	for _, c := range []struct {
		name  string
		reps  int
		refs  []string
		areas bool
	}{
		{"areas", 6, []string{today, moved}, true},
		{"one area", 6, []string{one, more}, false},
		{"one replication", 1, []string{today, moved}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, out := compare(c.reps, 2, c.refs...)
			csvText, err := os.ReadFile(filepath.Join(out, "compare_areas.csv"))
			if c.areas != (err == nil) {
				t.Fatalf("compare_areas.csv written %v (%v); want %v", err == nil, err, c.areas)
			}
			var js struct {
				Areas []struct {
					Area, KPI, Unit, Scenario, Effect string
					N                                 int
					Diff                              struct {
						Mean *float64 `json:"mean"`
						Low  *float64 `json:"ci_low"`
						High *float64 `json:"ci_high"`
					} `json:"paired_diff"`
				} `json:"areas"`
			}
			jsText, err := os.ReadFile(filepath.Join(out, "compare.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(jsText, &js); err != nil {
				t.Fatal(err)
			}
			if c.areas != strings.Contains(string(jsText), `"areas":`) {
				t.Errorf("compare.json has areas: %v; want %v", !c.areas, c.areas)
			}
			book, err := excelize.OpenFile(filepath.Join(out, "results.xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			defer book.Close()
			sheet, err := book.GetRows("Area by area", excelize.Options{RawCellValue: true})
			if c.areas != (err == nil) {
				t.Fatalf("workbook's Area by area sheet: %v; want one %v", err, c.areas)
			}
			tab, ok := output.CompareAreaTable(r.Comparison)
			if ok != c.areas {
				t.Fatalf("report's area table %v; want %v", ok, c.areas)
			}
			if !c.areas {
				return
			}
			rows, err := csv.NewReader(strings.NewReader(string(csvText))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			// Stable names: compare.csv's for the same things.
			if h, want := strings.Join(rows[0], ","), "area,kpi,scenario,reference,diff_mean,diff_ci_low,diff_ci_high,n,unit,effect"; h != want {
				t.Errorf("compare_areas.csv's header %s, want %s", h, want)
			}
			if len(rows) != 1+3*3 || len(js.Areas) != 3*3 || len(sheet) != 1+3*3 {
				t.Fatalf("%d rows in compare_areas.csv, %d areas in compare.json, %d rows in the sheet; want 9 each after a header", len(rows)-1, len(js.Areas), len(sheet)-1)
			}
			if h := sheet[0]; h[0] != "area" || h[3] != "minus today in the same area (paired, 95% CI)" || h[9] != "kpi" {
				t.Errorf("the sheet's heads %q", h)
			}
			report := map[string][]string{}
			for _, row := range tab.Rows {
				report[row[0]] = row
			}
			for _, k := range []struct {
				kpi    string
				column int     // in the report's table
				scale  float64 // from the CSV's figure to the report's and the sheet's
				effect string
				unit   string
			}{
				{"wait_first_contact_mean_weeks", 2, 1, "worse", "weeks"},
				{"needs_met_share", 3, 100, "worse", "share"},
			} {
				i := slices.IndexFunc(rows, func(row []string) bool { return row[0] == "Northgate" && row[1] == k.kpi })
				if i < 0 {
					t.Fatalf("no Northgate %s row in compare_areas.csv", k.kpi)
				}
				row := rows[i]
				if row[2] != "moved" || row[3] != "today" || row[7] != "6" || row[8] != k.unit || row[9] != k.effect {
					t.Errorf("Northgate %s: %q; want moved against today, n 6, %s, %s", k.kpi, row, k.unit, k.effect)
				}
				csvFig := make([]float64, 3)
				for j := range csvFig {
					csvFig[j], _ = strconv.ParseFloat(row[4+j], 64)
				}
				// The report's cell, "+3.07 (2.69 to 3.46)", rounds the
				// CSV's figures.
				cell := report["Northgate"][k.column]
				shown := regexp.MustCompile(`[-+]?[0-9.]+`).FindAllString(cell, -1)
				if len(shown) != 3 {
					t.Fatalf("Northgate's report cell %q: want a figure and two bounds", cell)
				}
				for j, s := range shown {
					v, _ := strconv.ParseFloat(s, 64)
					decimals := 0
					if d := strings.IndexByte(s, '.'); d >= 0 {
						decimals = len(s) - d - 1
					}
					if math.Abs(v-k.scale*csvFig[j]) > 0.5*math.Pow(10, -float64(decimals))+1e-9 {
						t.Errorf("Northgate %s: the report shows %s (%q), compare_areas.csv %v", k.kpi, s, cell, csvFig[j])
					}
				}
				j := js.Areas[i-1]
				if j.Area != "Northgate" || j.KPI != k.kpi || j.Scenario != "moved" || j.Effect != k.effect || j.N != 6 || j.Unit != k.unit ||
					output.Num(*j.Diff.Mean) != row[4] || output.Num(*j.Diff.Low) != row[5] || output.Num(*j.Diff.High) != row[6] {
					t.Errorf("compare.json's area %d: %+v; compare_areas.csv's %q", i-1, j, row)
				}
				s := sheet[i]
				v, _ := strconv.ParseFloat(s[5], 64)
				if s[0] != "Northgate" || s[9] != k.kpi || math.Abs(v-k.scale*csvFig[0]) > 1e-6*math.Abs(v) || s[4] != k.effect {
					t.Errorf("the sheet's row %d %q; compare_areas.csv's %q", i, s, row)
				}
			}
			for _, row := range rows[1:] {
				if row[0] == "Eastfield" && (row[4] != "0" || row[9] != "no_detectable_difference") {
					t.Errorf("Eastfield, untouched: %q; want 0, no_detectable_difference", row)
				}
			}
			// The same bytes with one worker.
			_, serial := compare(c.reps, 1, c.refs...)
			for _, f := range []string{"compare_areas.csv", "compare.json", "results.xlsx"} {
				a, _ := os.ReadFile(filepath.Join(out, f))
				b, _ := os.ReadFile(filepath.Join(serial, f))
				if !bytes.Equal(a, b) {
					t.Errorf("%s differs between --jobs 2 and 1", f)
				}
			}
		})
	}
}
