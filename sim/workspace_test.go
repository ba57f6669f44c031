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
