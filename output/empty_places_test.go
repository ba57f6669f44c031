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
	if !strings.Contains(got, "In vcse-investment, community places stand partly empty: ") || !strings.Contains(got, "% of places occupied [") {
		t.Errorf("vcse-investment's empty places are not said:\n%s", got)
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
		said := strings.Contains(got, "In arts, community places stand partly empty: arts on prescription (a service baseline does not have), ")
		if want := artsAt == 1; said != want {
			t.Errorf("%v: new service said partly empty %v, want %v:\n%s", refs, said, want, got)
		}
	}
}
