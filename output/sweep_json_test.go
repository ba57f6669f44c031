package output_test

import (
	"context"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/study"
)

// TestSweepJSONKeepsEveryReplication: a sweep's points share their random
// numbers, so a researcher's own paired analysis between points (adjacent
// values, a point against the first) needs every replication's value at
// every point, as summary.json gives a run's. sweep.csv has only means and
// intervals; sweep.json carries the sweep's description (scenario, seed,
// replications, factors, values set for every point) and each point's KPIs
// with their per-replication values, in replication order.
func TestSweepJSONKeepsEveryReplication(t *testing.T) {
	r, err := study.Sweep(context.Background(), study.SweepSpec{Ref: "baseline",
		Vary:    []string{"workforce.link_workers=3,4"},
		Sets:    []string{"run.horizon_weeks=60", "run.warmup_weeks=13"},
		Options: study.Options{Replications: 3, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := output.WriteSweep(dir, r, study.Outputs{study.Summary: true}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "sweep.json"))
	if err != nil {
		t.Fatalf("no sweep.json beside sweep.csv: %v", err)
	}
	var got struct {
		Scenario     string   `json:"scenario"`
		Seed         *uint64  `json:"seed"`
		Replications int      `json:"replications"`
		HorizonWeeks int      `json:"horizon_weeks"`
		WarmupWeeks  int      `json:"warmup_weeks"`
		Level        float64  `json:"confidence_level"`
		Sets         []string `json:"sets"`
		Factors      []struct {
			Key    string   `json:"key"`
			Values []string `json:"values"`
		} `json:"factors"`
		Points []struct {
			Values []string `json:"values"`
			KPIs   []struct {
				KPI    string     `json:"kpi"`
				Mean   *float64   `json:"mean"`
				N      int        `json:"n"`
				Values []*float64 `json:"values"`
			} `json:"kpis"`
		} `json:"points"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Scenario != "baseline" || got.Seed == nil || *got.Seed != r.Base.Run.Seed || got.Replications != 3 ||
		got.HorizonWeeks != 60 || got.WarmupWeeks != 13 || got.Level != 0.95 || len(got.Sets) != 2 {
		t.Errorf("sweep.json's description: %+v", got)
	}
	if len(got.Factors) != 1 || got.Factors[0].Key != "workforce.link_workers" || len(got.Factors[0].Values) != 2 {
		t.Errorf("sweep.json's factors: %+v", got.Factors)
	}
	if len(got.Points) != len(r.Sweep.Points) {
		t.Fatalf("sweep.json has %d points, the sweep %d", len(got.Points), len(r.Sweep.Points))
	}
	for i, p := range got.Points {
		want := r.Sweep.Points[i]
		if len(p.Values) != 1 || p.Values[0] != want.Values[0] || len(p.KPIs) != len(want.Summaries) {
			t.Fatalf("point %d: values %v, %d KPIs; want %v, %d", i, p.Values, len(p.KPIs), want.Values, len(want.Summaries))
		}
		for k, kpi := range p.KPIs {
			s := want.Summaries[k]
			if kpi.KPI != s.Name || kpi.N != 3 || len(kpi.Values) != len(s.Values) || len(s.Values) != 3 {
				t.Fatalf("point %d, %s: n %d, %d values; want %s with 3", i, kpi.KPI, kpi.N, len(kpi.Values), s.Name)
			}
			for j, v := range kpi.Values {
				if (v == nil) != (s.Values[j] != s.Values[j]) || v != nil && *v != output.Round(s.Values[j]) {
					t.Errorf("point %d, %s, replication %d: %v, want %g", i, kpi.KPI, j+1, v, s.Values[j])
				}
			}
		}
	}
}

// TestSweepStatesItsManyComparisons: a sweep reads many intervals at once
// (every point's, and a paired change for every KPI shown), each at 95% on
// its own. The report and the workbook say so, with their number, so
// that a researcher does not read one surprising point as a finding.
func TestSweepStatesItsManyComparisons(t *testing.T) {
	r, err := study.Sweep(context.Background(), study.SweepSpec{Ref: "baseline",
		Vary:    []string{"workforce.link_workers=3,4,5"},
		Sets:    []string{"run.horizon_weeks=60", "run.warmup_weeks=13"},
		KPIs:    []string{"wait_first_contact_mean_weeks", "needs_met"},
		Options: study.Options{Replications: 2, Jobs: 2, Outputs: study.Outputs{study.Summary: true, study.Report: true}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := output.WriteSweep(dir, r, study.Outputs{study.Report: true, study.Charts: true}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := "at 95% on its own, not adjusted for their number: of the 6 intervals in the table (3 points × 2 KPIs), about one in twenty may miss by chance alone"
	if !strings.Contains(html.UnescapeString(string(b)), want) {
		t.Errorf("the report does not say how many intervals it reads at once: want %q", want)
	}
	if f := output.SweepComparisons(r.Sweep, r.KPIs); !strings.Contains(f, want) {
		t.Errorf("SweepComparisons = %q", f)
	}
}
