package workbook_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestSweepChartBesideTheTable: the sweep's chart sits beside its table,
// level with the table's head, and covers none of the opening's merged
// paragraphs (the question, facts and answer), however many rows they
// take. At a fixed row it had covered them.
func TestSweepChartBesideTheTable(t *testing.T) {
	sw := sweepLinkWorkers(t, 30, "2", "4")
	for _, question := range []string{"Short?", strings.Repeat("A long question. ", 60)} {
		var buf bytes.Buffer
		if err := workbook.WriteSweep(&buf, workbook.Sweep{Title: "sweep", Question: question, S: sw,
			KPIs: []string{"wait_first_contact_mean_weeks"}, Answer: []string{"Waits fall.", "A second sentence."}}); err != nil {
			t.Fatal(err)
		}
		col, row := chartFrom(t, buf.Bytes())
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		head := 0 // the table's head: the row naming the factor
		rows, _ := f.GetRows("Summary")
		for i, r := range rows {
			if len(r) > 0 && r[0] == "workforce.link_workers" {
				head = i + 1
			}
		}
		if row != head {
			t.Errorf("question of %d characters: the chart starts at row %d, the table's head is row %d", len(question), row, head)
		}
		merged, _ := f.GetMergeCells("Summary")
		for _, m := range merged {
			c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
			if c1 <= col && col <= c2 && r1 <= row && row <= r2 {
				t.Errorf("question of %d characters: the chart's corner (column %d, row %d) is on the merged paragraph %s:%s", len(question), col, row, m.GetStartAxis(), m.GetEndAxis())
			}
		}
	}
}

// chartFrom returns the 1-based column and row of the top-left corner of
// the workbook's first drawing (its chart), from the drawing's XML.
func chartFrom(t *testing.T, book []byte) (col, row int) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name != "xl/drawings/drawing1.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		m := regexp.MustCompile(`<xdr:from><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>`).FindSubmatch(data)
		if m == nil {
			t.Fatalf("no anchor in the drawing: %.300s", data)
		}
		c, _ := strconv.Atoi(string(m[1]))
		r, _ := strconv.Atoi(string(m[2]))
		return c + 1, r + 1
	}
	t.Fatal("the workbook has no drawing")
	return 0, 0
}

// sweepLinkWorkers runs a small sweep of the baseline's link workers over
// values, two replications of weeks weeks each.
func sweepLinkWorkers(t *testing.T, weeks int, values ...string) *experiment.Sweep {
	t.Helper()
	factors := []experiment.Factor{{Key: "workforce.link_workers", Values: values}}
	var cfgs []*sim.Config
	for _, v := range values {
		cfg := load(t, "baseline", weeks)
		if err := scenarios.Set(cfg, "workforce.link_workers", v); err != nil {
			t.Fatal(err)
		}
		cfgs = append(cfgs, cfg)
	}
	sw, err := experiment.RunSweep(context.Background(), factors, cfgs, experiment.Options{Replications: 2, Jobs: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	return sw
}
