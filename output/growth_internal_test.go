package output

import (
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestGrowthWords: a growing run says how far growth has carried
// referrals by the warm-up's end and the horizon; with no warm-up, only
// by the horizon (not "by the warm-up's end, week 0, … 0.0% higher").
func TestGrowthWords(t *testing.T) {
	for _, c := range []struct {
		warmup int
		want   string
	}{
		{78, "by the warm-up's end, week 78, when the KPIs start, referrals are 23.3% higher, and by the horizon 74.9% higher"},
		{0, "demand.referrals_per_week is week 0's rate, when the KPIs start: by the horizon referrals are 74.9% higher"},
	} {
		cfg := &sim.Config{}
		cfg.Run.WarmupWeeks, cfg.Run.HorizonWeeks, cfg.Demand.AnnualGrowth = c.warmup, 208, 0.15
		if got := growthWords(cfg); !strings.Contains(got, c.want) {
			t.Errorf("warm-up %d: %q, want %q", c.warmup, got, c.want)
		}
	}
}
