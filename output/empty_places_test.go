package output_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// TestEmptyPlaces: a comparison says where places it adds stand partly
// empty (vcse-investment's 61 more places, spread over services people
// were not all queueing for), and says nothing of a scenario whose
// services empty because fewer people are seen, not because it adds
// places (a funding cliff).
func TestEmptyPlaces(t *testing.T) {
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", "funding-cliff", "vcse-investment"},
		Options: study.Options{Replications: 5, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(output.EmptyPlaces(r.Comparison, r.Configs), "\n")
	if !strings.Contains(got, "In vcse-investment, some of the community places it adds stand empty on average: ") ||
		!strings.Contains(got, "wellbeing groups: of its 17 more places, about ") || !strings.Contains(got, " are in use on average and ") {
		t.Errorf("vcse-investment's empty places are not said:\n%s", got)
	}
	// Needs met per 1,000 referrals rise detectably: the places buy
	// something, whatever stands empty.
	if strings.Contains(got, "buy little") || !strings.Contains(got, "Needs met per 1,000 referrals rise all the same, by ") {
		t.Errorf("vcse-investment's places said to buy little, though needs met rise:\n%s", got)
	}
	if strings.Contains(got, "funding-cliff") {
		t.Errorf("a funding cliff adds no places, yet:\n%s", got)
	}
}

// TestEmptyPlacesOfANewService: a service only the alternative has is
// compared where it exists (the reference's value missing, not the row)
// and said to stand partly empty when detectably under nine in ten full.
func TestEmptyPlacesOfANewService(t *testing.T) {
	arts := filepath.Join(t.TempDir(), "arts.toml")
	const file = `name = "arts"
extends = "baseline"

[services.arts_on_prescription]
categories = ["mental_wellbeing"]
places = 20
engagement_weeks = { dist = "gamma", mean = 10.0, sd = 3.0 }
acceptance_probability = 0.85
completion_probability = 0.7
when_full = "waitlist"
patience_weeks = { dist = "exponential", mean = 8.0 }
grant_per_place_year = 750.0
closure_hazard_per_year = 0.5
`
	if err := os.WriteFile(arts, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	const kpi = "vcse_occupancy.service.arts_on_prescription"
	for _, refs := range [][]string{{"baseline", arts}, {arts, "baseline"}} {
		r, err := study.Compare(context.Background(), study.CompareSpec{Refs: refs,
			Options: study.Options{Replications: 5, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
		if err != nil {
			t.Fatal(err)
		}
		k := r.Comparison.KPI(kpi)
		if k == nil {
			t.Fatalf("%v: no %s in the comparison", refs, kpi)
		}
		artsAt := slices.Index(r.Comparison.Names, "arts")
		if e := k.Estimates[artsAt]; !(e.Mean > 0 && e.Mean < 1) || !math.IsNaN(k.Estimates[1-artsAt].Mean) {
			t.Errorf("%v: %s estimates %+v: want arts's a share, the other's missing", refs, kpi, k.Estimates)
		}
		if e := k.Estimates[1-artsAt]; e.N != 0 {
			t.Errorf("%v: the scenario without the service has n = %d for it, want 0", refs, e.N)
		}
		// The new service's rows stay together, after the services'.
		var rows []string
		for _, c := range r.Comparison.KPIs {
			if strings.HasSuffix(c.Name, ".service.arts_on_prescription") {
				rows = append(rows, c.Name)
			}
		}
		if i := slices.IndexFunc(r.Comparison.KPIs, func(c experiment.KPIComparison) bool { return c.Name == rows[0] }); len(rows) != 3 ||
			r.Comparison.KPIs[i+1].Name != rows[1] || r.Comparison.KPIs[i+2].Name != rows[2] {
			t.Errorf("%v: the new service's rows %v are not together", refs, rows)
		}
		got := strings.Join(output.EmptyPlaces(r.Comparison, r.Configs), "\n")
		said := strings.Contains(got, "In arts, some of the community places it adds stand empty on average: arts on prescription (a service baseline does not have): of its 20 places, ")
		if want := artsAt == 1; said != want {
			t.Errorf("%v: new service said partly empty %v, want %v:\n%s", refs, said, want, got)
		}
	}
}

// TestEmptyPlacesInPlaces: of the places a scenario adds, the verdict
// counts those in use (beyond the reference's) and those standing empty,
// each with its paired interval; it says the places buy little only where
// needs met per 1,000 referrals do not rise detectably, and nothing where
// the added places are taken up, or where places are taken away.
func TestEmptyPlacesInPlaces(t *testing.T) {
	const svc = "wellbeing_groups"
	config := func(places int) *sim.Config {
		return &sim.Config{Run: sim.RunSpec{WarmupWeeks: 10, HorizonWeeks: 20},
			Services: map[string]*sim.Service{svc: {Places: places}}}
	}
	jitter := []float64{-0.01, 0.004, 0.012, -0.006, 0}
	reps := func(mean float64) []float64 {
		v := make([]float64, len(jitter))
		for i, j := range jitter {
			v[i] = mean + j
		}
		return v
	}
	kpi := func(name string, ref, alt []float64) experiment.KPIComparison {
		nan := experiment.Estimate{Mean: math.NaN(), Low: math.NaN(), High: math.NaN()}
		return experiment.KPIComparison{Name: name, Unit: sim.UnitShare,
			Estimates: []experiment.Estimate{experiment.Interval(ref, 0.95), experiment.Interval(alt, 0.95)},
			Paired:    []experiment.Estimate{nan, experiment.Paired(ref, alt, 0.95)},
			Values:    [][]float64{ref, alt}}
	}
	for _, tc := range []struct {
		name              string
		refPlaces, places int
		refOcc, occ       float64
		needsGain         float64 // needs met per 1,000 referrals, alternative minus reference
		want, not         []string
	}{
		{name: "added places partly empty, needs met rise", refPlaces: 40, places: 60, refOcc: 0.9, occ: 0.75, needsGain: 30,
			want: []string{"In alt, some of the community places it adds stand empty on average: wellbeing groups: of its 20 more places, about 9.00 [",
				"Needs met per 1,000 referrals rise all the same, by 30.0 [28.", "] are in use on average and 11.0 ["},
			not: []string{"buy little"}},
		{name: "added places partly empty, needs met flat", refPlaces: 40, places: 60, refOcc: 0.9, occ: 0.75, needsGain: 0,
			want: []string{"of its 20 more places, about 9.00 [", "Needs met per 1,000 referrals do not rise detectably (", "places there buy little"}},
		{name: "added places taken up", refPlaces: 40, places: 60, refOcc: 0.9, occ: 0.92, needsGain: 0,
			not: []string{"stand empty", "buy little"}},
		{name: "places taken away", refPlaces: 60, places: 40, refOcc: 0.75, occ: 0.6, needsGain: -30,
			not: []string{"stand empty", "buy little"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &experiment.Comparison{Names: []string{"ref", "alt"}, Level: 0.95, KPIs: []experiment.KPIComparison{
				kpi("vcse_occupancy.service."+svc, reps(tc.refOcc), reps(tc.occ)),
				kpi(sim.KPINeedsMetPer1000Referrals, reps(500), []float64{499 + tc.needsGain, 502 + tc.needsGain, 500 + tc.needsGain, 498 + tc.needsGain, 501 + tc.needsGain}),
			}}
			got := strings.Join(output.EmptyPlaces(c, []*sim.Config{config(tc.refPlaces), config(tc.places)}), "\n")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(got, w) {
					t.Errorf("says %q:\n%s", w, got)
				}
			}
		})
	}
}
