package sim_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestWorkspaceRunsAsFresh: a replication run in a Workspace that ran
// other scenarios and replications before gives exactly the result of a
// fresh run, and a later run does not change an earlier result.
func TestWorkspaceRunsAsFresh(t *testing.T) {
	var cfgs []*sim.Config
	for _, name := range []string{"baseline", "tiered", "navigator-triage", "vcse-cut", "high-turnover", "mmc"} {
		cfg := load(t, name)
		cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = min(cfg.Run.HorizonWeeks, 120), min(cfg.Run.WarmupWeeks, 20)
		cfgs = append(cfgs, cfg)
	}
	var ws sim.Workspace
	type run struct {
		name   string
		r      *sim.Result
		weekly []float64 // a copy, to check the result is not changed later
	}
	var runs []run
	// Every scenario twice, in an order that puts each after the others.
	for pass := range 2 {
		for i, cfg := range cfgs {
			rep := pass*len(cfgs) + i
			got, err := ws.Run(context.Background(), cfg, rep, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, err := sim.Run(cfg, rep)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s replication %d", cfg.Name, rep)
			if msg := sameResult(got, want); msg != "" {
				t.Errorf("%s in a used workspace: %s", name, msg)
			}
			runs = append(runs, run{name, got, flatten(got)})
		}
	}
	for _, r := range runs {
		if !sameBits(flatten(r.r), r.weekly) {
			t.Errorf("%s: its weekly table changed after later runs", r.name)
		}
	}
	// Results share no memory: changing one's columns changes no other's.
	for i := range runs[0].r.Columns {
		runs[0].r.Columns[i].Name = "changed"
	}
	for _, r := range runs[1:] {
		if r.r.Columns[0].Name == "changed" {
			t.Fatalf("%s shares its columns with %s", r.name, runs[0].name)
		}
	}
}

func flatten(r *sim.Result) []float64 {
	var out []float64
	for _, row := range r.Weekly {
		out = append(out, row...)
	}
	for _, k := range r.KPIs {
		out = append(out, k.Value)
	}
	return out
}

// sameBits compares values bit for bit, so that NaN equals NaN.
func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// sameResult says how two results differ, or "".
func sameResult(a, b *sim.Result) string {
	switch {
	case a.Events != b.Events:
		return fmt.Sprintf("%d events, want %d", a.Events, b.Events)
	case fmt.Sprint(a.Columns) != fmt.Sprint(b.Columns):
		return "different columns"
	case !sameBits(flatten(a), flatten(b)):
		return "different weekly table or KPIs"
	}
	return ""
}

// TestWorkspaceTrim: a trimmed result keeps the named columns' values and
// its KPIs, and its full table is written over by the next run instead of
// a new one.
func TestWorkspaceTrim(t *testing.T) {
	cfg := load(t, "baseline")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 60, 10
	var ws sim.Workspace
	r, err := ws.Run(context.Background(), cfg, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	full := flatten(r)
	wl, cl := r.Col("waiting_list_mean"), r.Col("caseload_mean")
	want := make([][2]float64, len(r.Weekly))
	for w, row := range r.Weekly {
		want[w] = [2]float64{row[cl], row[wl]}
	}
	kpis := fmt.Sprint(r.KPIs)
	table := &r.Weekly[0][0]
	ws.Trim(r, []string{"caseload_mean", "no_such_column", "waiting_list_mean"})
	if len(r.Columns) != 2 || r.Columns[0].Name != "caseload_mean" || r.Columns[1].Name != "waiting_list_mean" || fmt.Sprint(r.KPIs) != kpis {
		t.Fatalf("trimmed to columns %v", r.Columns)
	}
	for w, row := range r.Weekly {
		if len(row) != 2 || row[0] != want[w][0] || row[1] != want[w][1] {
			t.Fatalf("week %d: %v, want %v", w, row, want[w])
		}
	}
	r2, err := ws.Run(context.Background(), cfg, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if &r2.Weekly[0][0] != table {
		t.Error("the next run did not write into the trimmed result's table")
	}
	if !sameBits(flatten(r2), full) {
		t.Error("the same replication again differs in a reused table")
	}
	if r.Weekly[0][0] != want[0][0] {
		t.Error("the next run changed the trimmed result")
	}
}
