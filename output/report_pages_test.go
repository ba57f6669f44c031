package output_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/study"
)

// section is the text of the report's section id, or "" if it has none.
func section(html, id string) string {
	i := strings.Index(html, `<section id="`+id+`">`)
	if i < 0 {
		return ""
	}
	return html[i : i+strings.Index(html[i:], "</section>")]
}

// TestReportsLeadWithAChart: the printed summary page of a comparison and
// of a sweep carries their chart, as a run's carries demand against
// supply, rather than a page of a few sentences; the chart is not drawn a
// second time, and a report with no further chart has no empty Charts
// section.
func TestReportsLeadWithAChart(t *testing.T) {
	outs := study.Outputs{study.Report: true, study.Charts: true}
	opts := study.Options{Replications: 3, Jobs: 2, Outputs: outs}
	cmp, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", "extra-link-worker"}, Options: opts})
	if err != nil {
		t.Fatal(err)
	}
	sweepPlan, err := study.PlanSweep(study.SweepSpec{Ref: "baseline", Vary: []string{"workforce.link_workers=3,5"}, Options: opts})
	if err != nil {
		t.Fatal(err)
	}
	sweep, err := sweepPlan.Execute(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		result study.Result
		lead   string
		charts []string // in the Charts section
	}{
		{"compare", cmp, "compare_differences", []string{"compare_kpis"}},
		{"sweep", sweep, "sweep", nil},
	} {
		dir := t.TempDir()
		if err := output.Write(dir, tc.result, outs); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		html := string(b)
		if n := strings.Count(html, `id="fig-`+tc.lead+`"`); n != 1 || !strings.Contains(section(html, "summary"), `id="fig-`+tc.lead+`"`) {
			t.Errorf("%s: the summary page does not lead with %s (drawn %d times)", tc.name, tc.lead, n)
		}
		charts := section(html, "figures")
		for _, c := range tc.charts {
			if !strings.Contains(charts, `id="fig-`+c+`"`) {
				t.Errorf("%s: the Charts section lacks %s", tc.name, c)
			}
		}
		if len(tc.charts) == 0 && (charts != "" || strings.Contains(html, `href="#figures"`)) {
			t.Errorf("%s: a Charts section, or a link to one, with no chart in it", tc.name)
		}
	}
}

// TestCaptionsNameOnlyFilesWritten: a chart's caption in the report names
// its files beside the report only as they were written: SVG by default,
// PNG too when asked for, none when only the report was.
func TestCaptionsNameOnlyFilesWritten(t *testing.T) {
	r, err := study.Run(context.Background(), study.RunSpec{Ref: "baseline",
		Options: study.Options{Replications: 2, Jobs: 2, Outputs: study.Outputs{study.Report: true}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		outs       study.Outputs
		want, lack string
	}{
		{study.Outputs{study.Report: true, study.Charts: true}, "(Files: waiting.svg.)", "waiting.png"},
		{study.Outputs{study.Report: true, study.Charts: true, study.PNG: true}, "(Files: waiting.png, waiting.svg.)", ""},
		{study.Outputs{study.Report: true}, "", "(Files:"},
	} {
		dir := t.TempDir()
		if err := output.Write(dir, r, tc.outs); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		html := string(b)
		if tc.want != "" && !strings.Contains(html, tc.want) {
			t.Errorf("outputs %v: the report lacks %q", tc.outs, tc.want)
		}
		if tc.lack != "" && strings.Contains(html, tc.lack) {
			t.Errorf("outputs %v: the report names %q, not written", tc.outs, tc.lack)
		}
		for _, f := range []string{"waiting.svg", "waiting.png"} {
			_, err := os.Stat(filepath.Join(dir, f))
			if named := strings.Contains(html, "(Files: "+f) || strings.Contains(html, ", "+f); named != (err == nil) {
				t.Errorf("outputs %v: %s named %v, written %v", tc.outs, f, named, err == nil)
			}
		}
	}
}

// TestCodeColumn: only the column of stable names is set as code, and a
// table without one has none (its first column was, before).
func TestCodeColumn(t *testing.T) {
	for _, tc := range []struct {
		code  string
		cells int
	}{{"", 0}, {"kpi", 2}} {
		var b strings.Builder
		tab := output.Table{Head: []string{"what", "value", "kpi"}, Rows: [][]string{{"Wait", "3.1 weeks", "wait_weeks"}, {"Cost", "£5", "cost_total"}}, Code: tc.code}
		if err := output.WriteReport(&b, output.Report{Title: "t", Headline: tab}); err != nil {
			t.Fatal(err)
		}
		headline := section(b.String(), "headline")
		if n := strings.Count(headline, `<td class="kpi">`); n != tc.cells {
			t.Errorf("code column %q: %d cells set as code, want %d", tc.code, n, tc.cells)
		}
		if tc.cells > 0 && !strings.Contains(headline, `<td class="kpi">wait_weeks</td>`) {
			t.Errorf("code column %q: the stable name is not set as code", tc.code)
		}
	}
}
