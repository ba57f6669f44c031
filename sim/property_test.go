package sim_test

import (
	"bytes"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/dist"
	"github.com/spsim/spsim/sim/experiment"
)

var update = flag.Bool("update", false, "rewrite golden files")

// randomScenario perturbs the baseline into another valid scenario: every
// lever a user might pull, drawn at random within its allowed range.
func randomScenario(t *testing.T, r *rand.Rand) *sim.Config {
	cfg := load(t, "baseline")
	cfg.Run.HorizonWeeks = 60 + r.IntN(100)
	cfg.Run.WarmupWeeks = r.IntN(cfg.Run.HorizonWeeks / 2)
	d := &cfg.Demand
	d.ReferralsPerWeek = 1 + 60*r.Float64()
	d.AnnualGrowth = 0.4*r.Float64() - 0.2
	d.SeasonalAmplitude = 0.9 * r.Float64()
	d.InappropriateShare = 0.5 * r.Float64()
	w := &cfg.Workforce
	w.LinkWorkers = 1 + r.IntN(8)
	w.FTE = 0.2 + 0.8*r.Float64()
	w.CaseloadCapPerFTE = 5 + 60*r.Float64()
	w.LeavingHazardPerYear = 2 * r.Float64()
	w.PressureSensitivity = 3 * r.Float64()
	w.RampUpWeeks = 20 * r.Float64()
	w.Allocation = scenarios.Allocations[r.IntN(2)]
	w.Handover = scenarios.Handovers[r.IntN(2)]
	places := float64(w.LinkWorkers) * w.FTE * w.CaseloadCapPerFTE
	cfg.Initial.Active = r.IntN(int(places*0.9) + 1)
	cfg.Initial.Waiting = r.IntN(50)
	cfg.Support.Model = scenarios.SupportModels[r.IntN(3)]
	cfg.Support.SessionIntervalWeeks = dist.Spec{Dist: "exponential", Mean: ptr(0.5 + 3*r.Float64())}
	cfg.Holding.Enabled = r.IntN(2) == 0
	cfg.Holding.MaxWeeks = 30 * r.Float64()
	cfg.Rereferral.Probability = r.Float64()
	for _, s := range cfg.Services {
		s.Places = r.IntN(100)
		s.WhenFull = scenarios.WhenFullRules[r.IntN(2)]
		if r.IntN(4) == 0 {
			s.GrantPerPlaceYear, s.FundingPerYear = 0, nil
			s.ClosureHazardPerYear = 5 * r.Float64()
		}
	}
	if r.IntN(2) == 0 {
		week := 1 + r.IntN(cfg.Run.HorizonWeeks-1)
		n := r.IntN(6)
		cfg.Timeline = append(cfg.Timeline, sim.Change{Week: week, LinkWorkers: &n})
	}
	if errs := scenarios.Validate(cfg); len(errs) > 0 {
		t.Fatalf("generated an invalid scenario: %v", errs)
	}
	return cfg
}

func ptr(v float64) *float64 { return &v }

// TestRandomScenarios: for random valid scenarios the model never panics,
// passes its self-checks (run by sim.Run) and obeys Little's law on the
// waiting list.
func TestRandomScenarios(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 11))
	n := 100
	if testing.Short() {
		n = 10
	}
	for i := range n {
		cfg := randomScenario(t, r)
		res, err := sim.Run(cfg, i)
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		// Little's law over the whole run, where the list starts and ends
		// near empty relative to its flow: L·T = Σ sojourn + what is still
		// waiting, so compare with a tolerance for the people left.
		var area, joins, exits, soj float64
		for _, row := range res.Weekly {
			area += row[res.Col("waiting_list_mean")]
			joins += row[res.Col("list_joins")]
			exits += row[res.Col("list_exits")]
			soj += row[res.Col("list_sojourn_sum")]
		}
		left := res.Weekly[len(res.Weekly)-1][res.Col("waiting_list_end")]
		if joins-exits != left {
			t.Fatalf("scenario %d: %v joined the list, %v left, but %v remain", i, joins, exits, left)
		}
		// Everyone who left contributes exactly their sojourn; those still
		// waiting contribute at most the horizon each.
		slack := left * float64(cfg.Run.HorizonWeeks)
		if area < soj-1e-6 || area > soj+slack+1e-6 {
			t.Fatalf("scenario %d: list area %v outside [%v, %v]", i, area, soj, soj+slack)
		}
		for _, k := range res.KPIs {
			if math.IsInf(k.Value, 0) {
				t.Fatalf("scenario %d: KPI %s is infinite", i, k.Name)
			}
		}
	}
}

// TestGoldenBaselineSummary pins the summary of baseline with its seed, so
// that a change to the numbers is a decision, not an accident. After an
// intended change, run: go test ./sim/ -run Golden -update
func TestGoldenBaselineSummary(t *testing.T) {
	cfg := load(t, "baseline")
	rs := replicate(t, cfg, 5, 2)
	var b bytes.Buffer
	if err := output.WriteSummaryCSV(&b, experiment.Summarise(rs, 0.95)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "baseline-seed1-5reps-summary.csv")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Fatalf("baseline summary changed; if intended, run go test ./sim/ -run Golden -update and commit %s", path)
	}
}
