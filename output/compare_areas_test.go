package output_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
