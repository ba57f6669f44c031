package output_test

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/study"
)

// TestRunOutputsLeadWithTheAnswer: the report and the workbook of a run
// of several areas lead with what it found, as the terminal does: the
// run's sentences, then where it is most strained.
func TestRunOutputsLeadWithTheAnswer(t *testing.T) {
	outs := study.Outputs{study.Report: true, study.XLSX: true}
	r, err := study.Run(context.Background(), study.RunSpec{Ref: "icb",
		Options: study.Options{Replications: 10, Jobs: 2, Outputs: outs}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := output.Write(dir, r, outs); err != nil {
		t.Fatal(err)
	}
	report, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	book := sharedStrings(t, filepath.Join(dir, "results.xlsx"))
	for _, want := range []string{"Demand outstrips link-worker supply", "The longest wait for a first contact of the 30 areas is in "} {
		if !strings.Contains(string(report), want) {
			t.Errorf("report.html lacks %q", want)
		}
		if !strings.Contains(book, want) {
			t.Errorf("results.xlsx lacks %q", want)
		}
	}
}

// sharedStrings is the text of a workbook's cells.
func sharedStrings(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/sharedStrings.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatal("no shared strings in the workbook")
	return ""
}

// TestSweepWorkbookLeadsWithTheAnswer: a sweep's workbook leads with how
// each chosen KPI goes across the sweep, as its report and the terminal do.
func TestSweepWorkbookLeadsWithTheAnswer(t *testing.T) {
	outs := study.Outputs{study.XLSX: true}
	p, err := study.PlanSweep(study.SweepSpec{Ref: "baseline", Vary: []string{"workforce.link_workers=3,5"},
		Options: study.Options{Replications: 5, Jobs: 2, Outputs: outs}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Execute(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := output.Write(dir, r, outs); err != nil {
		t.Fatal(err)
	}
	if book := sharedStrings(t, filepath.Join(dir, "results.xlsx")); !strings.Contains(book, "Changing link-worker posts from 3 to 5:") {
		t.Error("the sweep's workbook does not lead with its answer")
	}
}
