package workbook_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/sim/experiment"
)

// long is n bytes of sentences, as a long question or generated answer.
func long(n int) string {
	return strings.Repeat("Waits grow when referrals outrun the link workers' places. ", n/59+1)[:n]
}

// TestLongTextFitsExcel: a paragraph of any length writes a workbook (a
// row taller than Excel's 409 points had failed the whole run at its
// end), no row is taller than 409 points, the text's rows together are
// tall enough to show it, and none of it is lost, even past a cell's
// 32,767 characters.
func TestLongTextFitsExcel(t *testing.T) {
	name := strings.Repeat("n", 200) // the longest name the loader allows
	for _, tc := range []struct {
		name  string
		text  string
		write func(*bytes.Buffer, string) error
	}{
		{"run question 5,000", long(5000), func(w *bytes.Buffer, s string) error {
			return workbook.WriteRun(w, workbook.Run{Title: "run", Question: s})
		}},
		{"run question 20,000", long(20000), func(w *bytes.Buffer, s string) error {
			return workbook.WriteRun(w, workbook.Run{Title: "run", Question: s})
		}},
		{"run fact 5,000", long(5000), func(w *bytes.Buffer, s string) error {
			return workbook.WriteRun(w, workbook.Run{Title: "run", Question: "Q?", Facts: []string{"a", s, "b"}})
		}},
		{"run answer 20,000", long(20000), func(w *bytes.Buffer, s string) error {
			return workbook.WriteRun(w, workbook.Run{Title: "run", Question: "Q?", Verdict: []string{"a", s}})
		}},
		{"run question 40,000", long(40000), func(w *bytes.Buffer, s string) error {
			return workbook.WriteRun(w, workbook.Run{Title: "run", Question: s})
		}},
		{"compare long names, question 10,000", long(10000), func(w *bytes.Buffer, s string) error {
			c := &experiment.Comparison{Names: []string{name, name + "2", name + "3"}}
			return workbook.WriteCompare(w, workbook.Compare{Title: "compare", Question: s, C: c})
		}},
		{"compare verdict 20,000", long(20000), func(w *bytes.Buffer, s string) error {
			c := &experiment.Comparison{Names: []string{"a", "b"}}
			return workbook.WriteCompare(w, workbook.Compare{Title: "compare", Question: "Q?", Verdict: []string{s}, C: c})
		}},
		{"sweep answer 20,000", long(20000), func(w *bytes.Buffer, s string) error {
			return workbook.WriteSweep(w, workbook.Sweep{Title: "sweep", Question: "Q?", Answer: []string{s}, S: &experiment.Sweep{Factors: []experiment.Factor{{Key: "workforce.link_workers", Values: []string{"2"}}}}})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf, tc.text); err != nil {
				t.Fatalf("writing: %v", err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("Summary")
			if err != nil {
				t.Fatal(err)
			}
			var colA []string
			for r := 1; r <= len(rows); r++ {
				h, err := f.GetRowHeight("Summary", r)
				if err != nil {
					t.Fatal(err)
				}
				if h > excelize.MaxRowHeight {
					t.Errorf("row %d is %g points high, above Excel's %d", r, h, excelize.MaxRowHeight)
				}
				if len(rows[r-1]) > 0 {
					colA = append(colA, rows[r-1][0])
				}
			}
			if !strings.Contains(strings.Join(colA, " "), tc.text) {
				t.Errorf("the text is not all in the workbook")
			}
			// Shown whole: the merged areas of its cells are at least
			// as tall as its lines at a generous 200 characters a line.
			merged, err := f.GetMergeCells("Summary")
			if err != nil {
				t.Fatal(err)
			}
			tall := 0.0
			for _, m := range merged {
				if v := m.GetCellValue(); len(v) < 1000 || !strings.Contains(tc.text, v) {
					continue // another paragraph
				}
				_, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
				_, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
				for r := r1; r <= r2; r++ {
					h, _ := f.GetRowHeight("Summary", r)
					tall += h
				}
			}
			if want := 15 * float64(len(tc.text)) / 200; tall < want {
				t.Errorf("its rows are %g points high in all, less than the %g its lines need", tall, want)
			}
		})
	}
}
