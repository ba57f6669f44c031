package sim_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
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

// TestWorkspaceKeep: a result of a Workspace that keeps some columns has
// those columns' values, in the order named, and the KPIs of the full
// table; the full table is written over by the next run instead of a new
// one, which leaves the kept result alone; Keep(nil) keeps every column
// again. An areas scenario, whose table is the areas' total, is trimmed
// the same way.
func TestWorkspaceKeep(t *testing.T) {
	for _, name := range []string{"baseline", "icb"} {
		t.Run(name, func(t *testing.T) {
			cfg := load(t, name)
			cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 60, 10
			var full sim.Workspace
			r, err := full.Run(context.Background(), cfg, 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			wl, cl := r.Col(sim.ColWaitingListMean), r.Col(sim.ColCaseloadMean)
			var ws sim.Workspace
			ws.Keep([]string{sim.ColCaseloadMean, "no_such_column", sim.ColWaitingListMean})
			k, err := ws.Run(context.Background(), cfg, 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(k.Columns) != 2 || k.Columns[0].Name != sim.ColCaseloadMean || k.Columns[1].Name != sim.ColWaitingListMean {
				t.Fatalf("kept columns %v", k.Columns)
			}
			if fmt.Sprint(k.KPIs) != fmt.Sprint(r.KPIs) {
				t.Errorf("KPIs differ when columns are kept:\n%v\n%v", k.KPIs, r.KPIs)
			}
			if len(k.Weekly) != len(r.Weekly) {
				t.Fatalf("%d weeks kept of %d", len(k.Weekly), len(r.Weekly))
			}
			for w, row := range r.Weekly {
				if got := k.Weekly[w]; len(got) != 2 || got[0] != row[cl] || got[1] != row[wl] {
					t.Fatalf("week %d: kept %v, want [%v %v]", w, got, row[cl], row[wl])
				}
			}
			before := flatten(k)
			k2, err := ws.Run(context.Background(), cfg, 1, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !sameBits(flatten(k), before) {
				t.Error("the next run changed the kept result")
			}
			if sameBits(flatten(k2), before) {
				t.Error("another replication kept the same values")
			}
			ws.Keep(nil)
			again, err := ws.Run(context.Background(), cfg, 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !sameBits(flatten(again), flatten(r)) {
				t.Error("Keep(nil) then the same replication: a different table")
			}
		})
	}
}

// TestWorkspaceKeepReusesTable: a Workspace that keeps some columns writes
// each run's full table over the last one's instead of allocating a new
// one.
func TestWorkspaceKeepReusesTable(t *testing.T) {
	cfg := load(t, "baseline")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 60, 10
	var ws sim.Workspace
	ws.Keep([]string{})
	if _, err := ws.Run(context.Background(), cfg, 0, nil); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(5, func() {
		if _, err := ws.Run(context.Background(), cfg, 0, nil); err != nil {
			t.Fatal(err)
		}
	})
	var fresh sim.Workspace
	whole := testing.AllocsPerRun(5, func() {
		if _, err := fresh.Run(context.Background(), cfg, 0, nil); err != nil {
			t.Fatal(err)
		}
	})
	// A new table is one allocation for its rows and one for their values.
	if allocs > whole-2 {
		t.Errorf("%v allocations a run keeping no column, %v keeping all: the table is not reused", allocs, whole)
	}
}

// TestAPanicFailsTheRunNotTheProcess: a bug that panics in the model (here a
// service with no name, which validation refuses, given in Go) fails its
// run with an error naming it an internal error; the process, perhaps a
// workbench serving others, goes on. Areas run on their own goroutines, and
// are caught there.
func TestAPanicFailsTheRunNotTheProcess(t *testing.T) {
	one := load(t, "baseline")
	areas := load(t, "icb")
	areas.Areas.Count = 3
	for _, cfg := range []*sim.Config{one, areas} {
		for name, s := range cfg.Services {
			cfg.Services[""] = s
			delete(cfg.Services, name)
			break
		}
		cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 10, 0
		_, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 4, Jobs: 2})
		if err == nil || !strings.Contains(err.Error(), "internal error") {
			t.Errorf("%s: err = %v, want an internal error", cfg.Name, err)
		}
	}
}

// TestAPanicAddingAnAreaFailsTheRun: adding a finished area to the
// replication's total runs on an area's goroutine too, and a panic there
// (here an area whose weekly table is longer than the first's, which
// validation would refuse, given in Go) fails the run with an internal
// error naming the area; the process goes on.
func TestAPanicAddingAnAreaFailsTheRun(t *testing.T) {
	cfg := load(t, "baseline")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 10, 0
	longer := *cfg
	longer.Run.HorizonWeeks = 20
	cfg.Areas = sim.Areas{List: []sim.AreaSpec{
		{Name: "north"},
		{Name: "south", Set: map[string]sim.Value{"run.horizon_weeks": {V: int64(20)}}, Resolved: &longer},
	}}
	_, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 2, Jobs: 2})
	if err == nil || !strings.Contains(err.Error(), "internal error") || !strings.Contains(err.Error(), "area south") {
		t.Errorf("err = %v, want an internal error naming area south", err)
	}
}
