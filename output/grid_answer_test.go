package output

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestGridAnswer: a two-key sweep is read at its grid's corners, each
// key's change at the other's two ends and their interaction, all paired:
// here places change needs met only where there are posts to refer people
// to them. Without an interaction, or with one replication, or with a KPI
// undefined at a corner, it says so.
func TestGridAnswer(t *testing.T) {
	factors := []experiment.Factor{{Key: "workforce.link_workers", Values: []string{"3", "4", "5"}},
		{Key: "services.wellbeing_groups.places", Values: []string{"40", "120"}}}
	// grid builds the points from each corner's replications, c[posts
	// end][places end]; the middle row (4 posts), their mean, is not read.
	grid := func(c [2][2][]float64) *experiment.Sweep {
		sw := &experiment.Sweep{Factors: factors, Level: 0.95}
		point := func(posts, places string, v []float64) experiment.SweepPoint {
			return experiment.SweepPoint{Values: []string{posts, places}, Summaries: []experiment.Summary{{
				Name: sim.KPINeedsMetShare, Unit: sim.UnitShare, Values: v, Estimate: experiment.Interval(v, 0.95)}}}
		}
		for b, places := range factors[1].Values {
			mid := make([]float64, len(c[0][b]))
			for r := range mid {
				mid[r] = (c[0][b][r] + c[1][b][r]) / 2
			}
			sw.Points = append(sw.Points, point("3", places, c[0][b]), point("4", places, mid), point("5", places, c[1][b]))
		}
		return sw
	}
	low := []float64{0.34, 0.33, 0.35, 0.34, 0.36}
	add := func(xs []float64, d float64, wobble ...float64) []float64 {
		out := make([]float64, len(xs))
		for i, x := range xs {
			out[i] = x + d
			if i < len(wobble) {
				out[i] += wobble[i]
			}
		}
		return out
	}
	interacting := grid([2][2][]float64{{low, add(low, 0.003, 0.01, -0.01, 0.005, -0.008, 0)}, {add(low, 0.07), add(low, 0.12, 0.002, -0.003, 0.001, 0, -0.001)}})
	got := SweepAnswer(interacting, []string{sim.KPINeedsMetShare}, "")
	want := []string{"Changing link-worker posts from 3 to 5 and wellbeing groups: places from 40 to 120, read at the grid's corners:",
		"Share of needs met: from link-worker posts 3 to 5 it rises with wellbeing groups: places 40 (+7.0 percentage points [7.0, 7.0]) and with 120 (+11.7 percentage points [10.9, 12.6]); " +
			"from wellbeing groups: places 40 to 120 it does not change detectably with link-worker posts 3 (+0.2 percentage points [−0.8, 1.3]) but rises with 5 (+5.0 percentage points [4.7, 5.2]). " +
			"The two interact: the change from wellbeing groups: places 40 to 120 is higher with link-worker posts 5 than with 3 (+4.7 percentage points [3.9, 5.6], paired)."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("interacting:\n%q\nwant\n%q", got, want)
	}
	additive := grid([2][2][]float64{{low, add(low, 0.05, 0.01, -0.01, 0.005, -0.008, 0)}, {add(low, 0.07), add(low, 0.12, -0.01, 0.01, -0.005, 0.008, 0)}})
	if s := SweepAnswer(additive, []string{sim.KPINeedsMetShare}, "")[1]; !strings.HasSuffix(s, "No detectable interaction (+0.1 percentage points [−2.0, 2.2], paired).") {
		t.Errorf("additive: %q", s)
	}
	one := grid([2][2][]float64{{{0.34}, {0.35}}, {{0.41}, {0.46}}})
	if s := SweepAnswer(one, []string{sim.KPINeedsMetShare}, "")[1]; !strings.Contains(s, "it changes with wellbeing groups: places 40 (+7.0 percentage points; with one replication, no interval to judge it)") ||
		!strings.HasSuffix(s, "Whether the two interact cannot be judged with one replication.") {
		t.Errorf("one replication: %q", s)
	}
	undefined := grid([2][2][]float64{{{math.NaN(), math.NaN()}, {0.35, 0.36}}, {{0.41, 0.4}, {0.46, 0.45}}})
	if s := SweepAnswer(undefined, []string{sim.KPINeedsMetShare}, "")[1]; s != "Share of needs met: not defined at a corner of the grid (where nobody is seen), so not compared." {
		t.Errorf("undefined: %q", s)
	}
}

// TestGridAnswerOfWordedValues: a grid read at its corners finds the
// points by their values as written, though the sentence says them in
// words (a share as a percentage, a switch as on or off): the answer was
// empty for both.
func TestGridAnswerOfWordedValues(t *testing.T) {
	for _, f := range []experiment.Factor{
		{Key: "demand.annual_growth", Values: []string{"0", "0.1"}},
		{Key: "holding.enabled", Values: []string{"true", "false"}},
	} {
		posts := experiment.Factor{Key: "workforce.link_workers", Values: []string{"3", "4"}}
		sw := &experiment.Sweep{Factors: []experiment.Factor{f, posts}, Level: 0.95}
		for i, v := range f.Values {
			for j, p := range posts.Values {
				vals := []float64{1 + float64(i), 2 + float64(i), 3 + float64(j), 2}
				sw.Points = append(sw.Points, experiment.SweepPoint{Values: []string{v, p}, Summaries: []experiment.Summary{{
					Name: sim.KPIWaitMean, Unit: sim.UnitWeeks, Values: vals, Estimate: experiment.Interval(vals, 0.95)}}})
			}
		}
		if got := SweepAnswer(sw, []string{sim.KPIWaitMean}, ""); len(got) < 2 || !strings.Contains(got[0], "read at the grid's corners") {
			t.Errorf("%s: %q", f.Key, got)
		}
	}
}
