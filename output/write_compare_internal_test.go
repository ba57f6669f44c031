package output

import (
	"slices"
	"testing"

	"github.com/spsim/spsim/sim"
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
