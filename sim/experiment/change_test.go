package experiment_test

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

func TestChangeWindows(t *testing.T) {
	two := 2
	change := func(week int, note string) sim.Change { return sim.Change{Week: week, Note: note, LinkWorkers: &two} }
	for _, tc := range []struct {
		name     string
		timeline []sim.Change
		want     []experiment.ChangeWindow
	}{
		{"none", nil, nil},
		{"one, after the warm-up", []sim.Change{change(104, "a post ends")},
			[]experiment.ChangeWindow{{Week: 104, Note: "a post ends", Before: [2]int{78, 104}, After: [2]int{104, 208}}}},
		{"in the warm-up, or at its end: not in the KPIs' weeks", []sim.Change{change(40, ""), change(78, "")}, nil},
		{"too near the horizon", []sim.Change{change(203, "")}, nil},
		{"two in one week are one", []sim.Change{change(104, "a post ends"), change(104, "grants end")},
			[]experiment.ChangeWindow{{Week: 104, Note: "a post ends; grants end", Before: [2]int{78, 104}, After: [2]int{104, 208}}}},
		{"each read up to the next", []sim.Change{change(150, "second"), change(100, "first")},
			[]experiment.ChangeWindow{
				{Week: 100, Note: "first", Before: [2]int{78, 100}, After: [2]int{100, 150}},
				{Week: 150, Note: "second", Before: [2]int{100, 150}, After: [2]int{150, 208}}}},
	} {
		cfg := &sim.Config{Run: sim.RunSpec{WarmupWeeks: 78, HorizonWeeks: 208}, Timeline: tc.timeline}
		if got := experiment.ChangeWindows(cfg); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestChangeEffectsRead: the before and after of hand-made weekly tables
// are their window means, and the difference is paired by replication.
func TestChangeEffectsRead(t *testing.T) {
	cols := []sim.Column{{Name: sim.ColWaitSum}, {Name: sim.ColFirstContacts}, {Name: sim.ColWaitingListMean}, {Name: sim.ColReneged}, {Name: sim.ColNeedsMet}}
	table := func(before, after float64) *sim.Result {
		r := &sim.Result{Columns: cols}
		for w := range 20 {
			v := before
			if w >= 10 {
				v = after
			}
			// every week: 10 first seen, waiting v weeks each; v on the list; v give up; 2v needs met
			r.Weekly = append(r.Weekly, []float64{10 * v, 10, v, v, 2 * v})
		}
		return r
	}
	results := []*sim.Result{table(2, 5), table(3, 5), table(4, 8)}
	cw := experiment.ChangeWindow{Week: 10, Before: [2]int{0, 10}, After: [2]int{10, 20}}
	got := experiment.ChangeEffects(results, cw, 0.95)
	if len(got) != 4 {
		t.Fatalf("%d measures, want 4", len(got))
	}
	wait := got[0]
	if wait.KPI != sim.KPIWaitMean || wait.Before.Mean != 3 || wait.After.Mean != 6 || wait.Difference.Mean != 3 {
		t.Errorf("wait %+v, want 3 before, 6 after, +3", wait)
	}
	// The differences are 3, 2 and 4: their own spread, not the periods'.
	if d := experiment.Paired([]float64{2, 3, 4}, []float64{5, 5, 8}, 0.95); math.Abs(wait.Difference.HalfWidth-d.HalfWidth) > 1e-12 {
		t.Errorf("difference half-width %v, want the paired %v", wait.Difference.HalfWidth, d.HalfWidth)
	}
	if gaveUp := got[2]; gaveUp.KPI != sim.KPIReneged || gaveUp.Before.Mean != 3*52 || gaveUp.After.Mean != 6*52 {
		t.Errorf("people giving up %+v, want 156 and 312 a year", gaveUp)
	}
}

// TestFundingCliffRaisesWaits: when one of three posts ends, the wait, the
// waiting list and people giving up all rise after the change, each
// detectably, and needs met and the cost a year fall.
func TestFundingCliffRaisesWaits(t *testing.T) {
	cfg := load(t, "funding-cliff", 208, 78, 5)
	results, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 5, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	windows := experiment.ChangeWindows(cfg)
	if len(windows) != 1 || windows[0].Week != 104 {
		t.Fatalf("windows %+v, want the cliff at week 104", windows)
	}
	costed := false
	for _, m := range experiment.ChangeEffects(results, windows[0], 0.95) {
		costed = costed || m.KPI == sim.KPICostTotal
		up := m.KPI != sim.KPINeedsMet && m.KPI != sim.KPICostTotal
		if d := m.Difference; up && !(d.Low > 0) || !up && !(d.High < 0) {
			t.Errorf("%s: %v before, %v after, difference %+v: want a detectable %s", m.KPI, m.Before.Mean, m.After.Mean, d, map[bool]string{true: "rise", false: "fall"}[up])
		}
	}
	if !costed {
		t.Error("no cost a year before and after the cliff: the whole run's cost mixes in the weeks before it")
	}
}

func TestGrowthWindow(t *testing.T) {
	for _, tc := range []struct {
		growth          float64
		warmup, horizon int
		want            experiment.ChangeWindow
		ok              bool
	}{
		{0.15, 78, 208, experiment.ChangeWindow{Before: [2]int{78, 130}, After: [2]int{156, 208}}, true},
		{-0.05, 0, 104, experiment.ChangeWindow{Before: [2]int{0, 52}, After: [2]int{52, 104}}, true},
		{0, 78, 208, experiment.ChangeWindow{}, false},
		{0.15, 78, 181, experiment.ChangeWindow{}, false}, // under two years after the warm-up
	} {
		cfg := &sim.Config{Run: sim.RunSpec{WarmupWeeks: tc.warmup, HorizonWeeks: tc.horizon}, Demand: sim.Demand{AnnualGrowth: tc.growth}}
		if got, ok := experiment.GrowthWindow(cfg); got != tc.want || ok != tc.ok {
			t.Errorf("growth %v, weeks %d to %d: %+v %v, want %+v %v", tc.growth, tc.warmup, tc.horizon, got, ok, tc.want, tc.ok)
		}
	}
}

// TestAfterEffectsPairScenarios: after a change, a scenario's measures
// are read against the reference's over the same weeks, paired by
// replication.
func TestAfterEffectsPairScenarios(t *testing.T) {
	cols := []sim.Column{{Name: sim.ColWaitSum}, {Name: sim.ColFirstContacts}, {Name: sim.ColWaitingListMean}, {Name: sim.ColReneged}, {Name: sim.ColNeedsMet}}
	flat := func(v float64) *sim.Result {
		r := &sim.Result{Columns: cols}
		for range 20 {
			r.Weekly = append(r.Weekly, []float64{10 * v, 10, v, v, 2 * v})
		}
		return r
	}
	ref := []*sim.Result{flat(2), flat(3), flat(4)}
	alt := []*sim.Result{flat(5), flat(5), flat(8)}
	got := experiment.AfterEffects(ref, alt, experiment.ChangeWindow{Week: 10, Before: [2]int{0, 10}, After: [2]int{10, 20}}, 0.95)
	if len(got) != 4 || got[0].Before.Mean != 3 || got[0].After.Mean != 6 || got[0].Difference.Mean != 3 {
		t.Fatalf("%+v, want the reference's 3 weeks against the scenario's 6, +3", got)
	}
	if d := experiment.Paired([]float64{2, 3, 4}, []float64{5, 5, 8}, 0.95); math.Abs(got[0].Difference.HalfWidth-d.HalfWidth) > 1e-12 {
		t.Errorf("half-width %v, want the paired %v", got[0].Difference.HalfWidth, d.HalfWidth)
	}
	if experiment.AfterEffects(ref, alt[:2], experiment.ChangeWindow{After: [2]int{10, 20}}, 0.95) != nil {
		t.Error("unequal replications read")
	}
	if experiment.ChangeEffects(nil, experiment.ChangeWindow{After: [2]int{10, 20}}, 0.95) != nil {
		t.Error("no replications read")
	}
}
