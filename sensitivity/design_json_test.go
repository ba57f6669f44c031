package sensitivity_test

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/spsim/spsim/sensitivity"
)

// TestSensitivityJSONKeepsTheDesign: a researcher reporting a screen
// needs the design it ran (each point's input values, as set) and what
// each point gave (its mean over the replications), to plot the
// responses or recompute the effects; sensitivity.json had only the
// summaries. From the design and the means in the file, each input's μ*
// is recomputed: the mean |Δy / Δx|, Δx as a share of the input's range.
// (The values are written to 6 significant figures, as set.)
func TestSensitivityJSONKeepsTheDesign(t *testing.T) {
	sp := sensitivity.Spec{Ref: "baseline",
		Vary: []string{"workforce.leaving_hazard_per_year=0.05..0.4", "workforce.link_workers=2..5"},
		Sets: []string{"run.horizon_weeks=60", "run.warmup_weeks=13"}, KPIs: []string{"needs_met"},
		Reps: 2, Trajectories: 3, Boot: 20, Jobs: 2}
	r, err := sensitivity.Run(context.Background(), sp)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := sensitivity.Write(dir, r, "test", false); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "sensitivity.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Sets   []string `json:"sets"`
		Inputs []struct {
			Key string `json:"key"`
		} `json:"inputs"`
		Design []struct {
			Values []string   `json:"values"`
			Means  []*float64 `json:"means"`
		} `json:"design"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Sets) != 2 {
		t.Errorf("sets %v, want the two --set values", got.Sets)
	}
	if len(got.Design) != r.Points {
		t.Fatalf("sensitivity.json has %d design points, the analysis %d", len(got.Design), r.Points)
	}
	k := len(r.Inputs)
	for i := range r.Inputs {
		sum, n := 0.0, 0
		for tr := 0; tr < 3; tr++ {
			for s := 0; s < k; s++ {
				p, q := got.Design[tr*(k+1)+s], got.Design[tr*(k+1)+s+1]
				if len(p.Values) != k || len(p.Means) != 1 || p.Means[0] == nil || q.Means[0] == nil {
					t.Fatalf("design point %+v", p)
				}
				a, _ := strconv.ParseFloat(p.Values[i], 64)
				c, _ := strconv.ParseFloat(q.Values[i], 64)
				if a == c {
					continue
				}
				dx := (c - a) / (r.Inputs[i].Hi - r.Inputs[i].Lo)
				sum += math.Abs((*q.Means[0] - *p.Means[0]) / dx)
				n++
			}
		}
		if want := r.Morris[0][i].MuStar.Value; n != 3 || math.Abs(sum/float64(n)-want) > 1e-4*math.Max(1, want) {
			t.Errorf("%s: μ* from the file's design %g (%d steps), the analysis's %g", r.Inputs[i].Key, sum/float64(n), n, want)
		}
	}
}
