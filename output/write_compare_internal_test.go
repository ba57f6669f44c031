package output

import (
	"slices"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// TestCompareScenarioFilesStayInTheFolder: a compared scenario's file is
// named from its name made safe, so a name such as "/../../x" cannot write
// outside the output folder, and a name that comes out as one already
// taken gets a number until it is free.
func TestCompareScenarioFilesStayInTheFolder(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  []string
	}{
		{[]string{"baseline", "/../../../my-area"}, []string{"scenario.baseline.toml", "scenario.my-area.toml"}},
		{[]string{"north/south", "north-south"}, []string{"scenario.north-south.toml", "scenario.north-south-2.toml"}},
		{[]string{"x/y", "x-y", "x-y-2"}, []string{"scenario.x-y.toml", "scenario.x-y-2.toml", "scenario.x-y-2-2.toml"}},
		{[]string{"Base", "base"}, []string{"scenario.Base.toml", "scenario.base-2.toml"}},
		{[]string{"..", "a b"}, []string{"scenario.scenario.toml", "scenario.a-b.toml"}},
	} {
		var cfgs []*sim.Config
		for _, n := range c.names {
			cfgs = append(cfgs, &sim.Config{Name: n})
		}
		if got := compareScenarioFiles(cfgs); !slices.Equal(got, c.want) {
			t.Errorf("%q: files %q, want %q", c.names, got, c.want)
		}
	}
}

// TestCompareRunFactSaysEachScenariosWeeks: the report's and workbook's
// facts give each scenario's weeks where they differ, as the terminal
// does; they gave the reference's as every scenario's.
func TestCompareRunFactSaysEachScenariosWeeks(t *testing.T) {
	cfg := func(horizon int) *sim.Config {
		c := &sim.Config{}
		c.Run.HorizonWeeks, c.Run.WarmupWeeks, c.Run.Replications, c.Run.Seed = horizon, 78, 20, 1
		return c
	}
	for _, c := range []struct {
		horizons []int
		want     string
	}{
		{[]int{208, 208}, "20 replications of each scenario, 208 weeks (warm-up 78), seed 1, on common random numbers."},
		{[]int{208, 150}, "20 replications of each scenario: 208 weeks (warm-up 78) for baseline, 150 weeks (warm-up 78) for hz; seed 1, on common random numbers."},
	} {
		r := &study.CompareResult{Comparison: &experiment.Comparison{Names: []string{"baseline", "hz"}},
			Configs: []*sim.Config{cfg(c.horizons[0]), cfg(c.horizons[1])}}
		if got := compareRunFact(r); got != c.want {
			t.Errorf("%q\nwant %q", got, c.want)
		}
	}
}
