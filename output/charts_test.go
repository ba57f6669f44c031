package output_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
)

// TestTimelineEventsMarkedOnTimeCharts: a funding cliff at week 104 is
// marked and named on every chart over time.
func TestTimelineEventsMarkedOnTimeCharts(t *testing.T) {
	cfg, err := scenarios.Load("funding-cliff")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 120, 10
	res, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 2, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	figs, err := output.RunFigures(res, experiment.Summarise(res, 0.95), cfg, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	timeCharts := map[string]bool{"demand_supply": true, "waiting": true, "caseload_per_fte": true, "vcse": true, "workforce": true}
	for _, f := range figs {
		marked := strings.Contains(string(f.SVG), "1: week 104, fixed-term funding for one post ends")
		if timeCharts[f.Name] != marked {
			t.Errorf("%s: event marked %v, want %v", f.Name, marked, timeCharts[f.Name])
		}
	}
}

// TestCaptionsNameTheColoursDrawn: the charts' colours are blue, amber,
// dark orange, green, light blue, pink, black and grey; a caption must not
// call one of them red, orange or purple.
func TestCaptionsNameTheColoursDrawn(t *testing.T) {
	cfg, res := replicate(t, "baseline", 2)
	figs, err := output.RunFigures(res, experiment.Summarise(res, 0.95), cfg, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	wrong := regexp.MustCompile(`\b(red|purple|yellow)\b|(^|[^k] )orange`)
	named := 0
	for _, f := range figs {
		if m := wrong.FindString(f.Caption); m != "" {
			t.Errorf("%s caption names a colour not drawn (%q): %s", f.Name, m, f.Caption)
		}
		if strings.Contains(f.Caption, "dark orange") || strings.Contains(f.Caption, "blue") {
			named++
		}
	}
	if named < 2 {
		t.Errorf("only %d captions name their colours", named)
	}
}

// TestSweepChartForms: unordered values are drawn as bars, a 2-D grid as
// small multiples.
func TestSweepChartForms(t *testing.T) {
	point := func(vals ...string) experiment.SweepPoint {
		return experiment.SweepPoint{Values: vals, Summaries: []experiment.Summary{{Name: "needs_met_share", Unit: "share",
			Estimate: experiment.Estimate{Mean: 0.6, Low: 0.55, High: 0.65, N: 3}}}}
	}
	cat := &experiment.Sweep{Level: 0.95, Factors: []experiment.Factor{{Key: "support.model", Values: []string{"short_term", "tiered"}}},
		Points: []experiment.SweepPoint{point("short_term"), point("tiered")}}
	grid := &experiment.Sweep{Level: 0.95, Factors: []experiment.Factor{{Key: "workforce.link_workers", Values: []string{"3", "4"}},
		{Key: "services.wellbeing_groups.places", Values: []string{"30", "50"}}},
		Points: []experiment.SweepPoint{point("3", "30"), point("3", "50"), point("4", "30"), point("4", "50")}}
	for _, tc := range []struct {
		sw   *experiment.Sweep
		want string
	}{{cat, "drawn as bars"}, {grid, "Small multiples"}} {
		f, err := output.SweepFigure(tc.sw, []string{"needs_met_share"})
		if err != nil {
			t.Fatal(err)
		}
		checkFigure(t, f)
		if !strings.Contains(f.Caption, tc.want) {
			t.Errorf("sweep over %s: caption %q, want %q", tc.sw.Factors[0].Key, f.Caption, tc.want)
		}
	}
}
