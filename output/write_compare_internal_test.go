package output

import (
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestCompareScenarioFilesStayInTheFolder: a compared scenario's file is
// named from its name made safe, so a name such as "/../../x" cannot write
// outside the output folder, and two names that come out the same get
// their place in the comparison.
func TestCompareScenarioFilesStayInTheFolder(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  []string
	}{
		{[]string{"baseline", "/../../../my-area"}, []string{"scenario.baseline.toml", "scenario.my-area.toml"}},
		{[]string{"north/south", "north-south"}, []string{"scenario.north-south-1.toml", "scenario.north-south-2.toml"}},
		{[]string{"..", "a b"}, []string{"scenario.scenario.toml", "scenario.a-b.toml"}},
	} {
		var cfgs []*sim.Config
		for _, n := range c.names {
			cfgs = append(cfgs, &sim.Config{Name: n})
		}
		for i, want := range c.want {
			if got := compareScenarioFile(cfgs, i); got != want {
				t.Errorf("%q: file %q, want %q", c.names[i], got, want)
			}
		}
	}
}
