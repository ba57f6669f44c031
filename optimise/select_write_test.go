package optimise

import (
	"strings"
	"testing"

	"github.com/spsim/spsim/sim/experiment"
)

// TestCheaperRunnerUp: a cheaper runner-up is weighed for the commissioner
// when its difference from the choice lies within the tolerance or cannot
// be detected, and not when it is detectably worse beyond the tolerance.
func TestCheaperRunnerUp(t *testing.T) {
	for _, c := range []struct {
		name      string
		low, high float64
		n         int
		want      string
	}{
		{"within the tolerance", 0.001, 0.009, 10, "The whole interval lies within the tolerance of 0.05 weeks: if a difference that small does not matter, the runner-up does as well for £1,000 a year less."},
		{"not detectable", -0.02, 0.08, 10, "The two cannot be told apart on these replications: the difference may be as large as 0.08 weeks, so if a difference that large does not matter, the runner-up may do as well for £1,000 a year less."},
		{"not detectable, reaching the other way", -0.09, 0.01, 10, "the difference may be as large as 0.09 weeks"},
		{"one replication", 0.1, 0.1, 1, "cannot be told apart"},
		{"worse beyond the tolerance", 0.03, 0.09, 10, ""},
	} {
		ru := experiment.Estimate{Mean: (c.low + c.high) / 2, Low: c.low, High: c.high, N: c.n}
		got := cheaperRunnerUp(ru, 0.05, 1000, "weeks")
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
