package output

import (
	"strings"
	"testing"
	"time"

	"github.com/spsim/spsim/sim/experiment"
)

// TestRunTimeCountsWorkers: the method's run time counts workers in
// words, "1 parallel worker", not "1 parallel workers".
func TestRunTimeCountsWorkers(t *testing.T) {
	for _, tc := range []struct {
		workers int
		want    string
	}{{1, " with 1 parallel worker on "}, {4, " with 4 parallel workers on "}} {
		if got := runTime(time.Second, tc.workers); !strings.Contains(got, tc.want) {
			t.Errorf("%d workers: %q lacks %q", tc.workers, got, tc.want)
		}
	}
}

// TestSweepTableInWords: the sweep's table heads a key and writes its
// values as the sentences do ("Yearly growth in referrals", "5%"), and
// keeps a key without words as it is.
func TestSweepTableInWords(t *testing.T) {
	for _, tc := range []struct {
		key, value, head, cell string
	}{
		{"demand.annual_growth", "0.05", "Yearly growth in referrals", "5%"},
		{"holding.enabled", "true", "", "on"},
		{"demand.seasonal_peak_week", "27", "demand.seasonal_peak_week", "27"},
	} {
		sw := &experiment.Sweep{Factors: []experiment.Factor{{Key: tc.key, Values: []string{tc.value}}},
			Points: []experiment.SweepPoint{{Values: []string{tc.value}}}}
		head, rows := SweepTable(sw, nil)
		if tc.head != "" && head[0] != tc.head {
			t.Errorf("%s: head %q, want %q", tc.key, head[0], tc.head)
		}
		if head[0] == tc.key && tc.head != tc.key {
			t.Errorf("%s: headed by its key", tc.key)
		}
		if rows[0][0] != tc.cell {
			t.Errorf("%s=%s: cell %q, want %q", tc.key, tc.value, rows[0][0], tc.cell)
		}
	}
}
