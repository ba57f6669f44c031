package output_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

func TestReport(t *testing.T) {
	cfg, res := replicate(t, "baseline", 3)
	sums := experiment.Summarise(res, 0.95)
	figs, err := output.RunFigures(res, sums, cfg, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	sug, err := experiment.SuggestWarmup(res, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := output.Report{
		Title:     "spsim run: baseline",
		Question:  cfg.Question,
		Facts:     []string{"3 replications"},
		Warnings:  []string{"a warning with <markup> & an ampersand"},
		Headline:  output.HeadlineTable(sums, output.Headline, 0.95),
		Figures:   figs,
		Sources:   []output.Listing{{Name: "x.toml", Text: "# source: <script>alert(1)</script> & co\nname = \"x\""}},
		Scenarios: []output.Listing{{Name: "baseline", Text: "name = \"baseline\""}},
		Method: output.Method{
			Assumptions: output.Assumptions(cfg), Warmup: output.WarmupMethod(10, &sug),
			RunLength: "60 weeks", Replications: "3", Random: output.RandomMethod(1, false),
			Level: 0.95, Version: "test", GoVersion: "go", RunTime: "0 s",
		},
	}
	var b bytes.Buffer
	if err := output.WriteReport(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if err := wellFormed(strings.NewReader(page)); err != nil {
		t.Fatalf("report is not well-formed: %v", err)
	}
	for _, want := range []string{
		"<table>", "wait_first_contact_p90_weeks", "Model logic", "STRESS-DES", "MSER-5",
		"&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", "&lt;markup&gt; &amp; an ampersand", "assumed effect size",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, f := range figs {
		if !strings.Contains(page, `<figure id="fig-`+f.Name+`">`) {
			t.Errorf("report lacks figure %s", f.Name)
		}
	}
	if n := strings.Count(page, "<svg"); n != len(figs) {
		t.Errorf("%d inline SVGs, want %d", n, len(figs))
	}
	for _, external := range []string{"<script", "<link", "src=\"http", "href=\"http", "@import", "url("} {
		if strings.Contains(page, external) {
			t.Errorf("report refers to something outside itself: %q", external)
		}
	}
}

// TestAssumptionsGiveTheMixThatRuns: the profile mix the report gives is
// the one the model draws from: the groups' own mixes, weighted by their
// shares, where every group sets one (deprived-area's is 36.6% complex,
// not the 30% its unused profile shares say).
func TestAssumptionsGiveTheMixThatRuns(t *testing.T) {
	cfg, err := scenarios.Load("deprived-area")
	if err != nil {
		t.Fatal(err)
	}
	as := strings.Join(output.Assumptions(cfg), "\n")
	if want := "Need profile mix: complex 36.6%, low 38.4%, moderate 25%, from the population groups' own mixes."; !strings.Contains(as, want) {
		t.Errorf("assumptions %q lack %q", as, want)
	}
	// A group without a mix of its own draws from the profiles' shares.
	cfg.Groups["rest"].ProfileMix = nil
	as = strings.Join(output.Assumptions(cfg), "\n")
	v := cfg.Groups["most_deprived"].Share*cfg.Groups["most_deprived"].ProfileMix["complex"] + cfg.Groups["rest"].Share*cfg.Profiles["complex"].Share
	want := fmt.Sprintf("complex %s%%", strconv.FormatFloat(math.Round(v*1000)/10, 'f', -1, 64))
	if !strings.Contains(as, want) || !strings.Contains(as, "and the profiles' shares for rest.") {
		t.Errorf("with one group's mix, assumptions %q lack %q or the words for rest", as, want)
	}
}

// TestServicesTable: a run's report has a row a community service, with
// its occupancy, waiting list and refusals and their intervals; a
// scenario without services (mmc) has no such table.
func TestServicesTable(t *testing.T) {
	for _, c := range []struct {
		ref  string
		rows int
	}{{"baseline", 5}, {"mmc", 0}} {
		r, err := study.Run(context.Background(), study.RunSpec{Ref: c.ref, Options: study.Options{Replications: 3, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
		if err != nil {
			t.Fatal(err)
		}
		tab, ok := output.ServicesTable(r.Summaries, r.Level)
		if ok != (c.rows > 0) || len(tab.Rows) != c.rows {
			t.Fatalf("%s: %d rows (%v), want %d", c.ref, len(tab.Rows), ok, c.rows)
		}
		if c.rows > 0 && (tab.Rows[4][0] != "Wellbeing groups" || !strings.HasSuffix(tab.Rows[4][1], "%") || !strings.HasPrefix(tab.Rows[4][2], "[")) {
			t.Errorf("%s: wellbeing groups' row %q", c.ref, tab.Rows[4])
		}
	}
}
