package sim_test

import (
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// calibration are the NHS figures the baseline must reproduce (docs/model.md;
// sources in scenarios/baseline.toml and docs/calibration.md).
var calibration = []struct {
	kpi      string
	low, hig float64
	source   string
}{
	{sim.KPIPeopleSupportedPerFTE, 200, 250, "NHS England link worker guidance: 200-250 people a year per FTE"},
	{sim.KPICaseloadPerFTE, 30, 60, "NHS England: an active caseload of 30-60 per FTE"},
	{sim.KPIEpisodeWeeksMean, 9, 12, "NHS England: support over about 9-12 weeks"},
	{sim.KPINewReferrals, 1000, 1100, "Bu et al. 2025: 1.3M referrals across ~1,250 PCNs"},
}

// summarised is the 95% interval of a KPI as summary.csv gives it
// (experiment.Summarise: within the KPI's possible range), so that a test
// and docs/calibration.md's table quote the same figures.
func summarised(t *testing.T, rs []*sim.Result, name string) experiment.Estimate {
	t.Helper()
	s, ok := experiment.FindSummary(experiment.Summarise(rs, 0.95), name)
	if !ok {
		t.Fatalf("no KPI %q", name)
	}
	return s.Estimate
}

// TestBaselineCalibration: with the baseline's own replications, the whole
// 95% interval of each figure lies inside its NHS range.
func TestBaselineCalibration(t *testing.T) {
	cfg := load(t, "baseline")
	rs := replicate(t, cfg, cfg.Run.Replications, 2)
	for _, c := range calibration {
		e := summarised(t, rs, c.kpi)
		t.Logf("%-32s %8.1f [%.1f, %.1f]  target %g-%g (%s)", c.kpi, e.Mean, e.Low, e.High, c.low, c.hig, c.source)
		if e.Low < c.low || e.High > c.hig {
			t.Errorf("%s: %.1f [%.1f, %.1f] not within the NHS range %g-%g", c.kpi, e.Mean, e.Low, e.High, c.low, c.hig)
		}
	}
}

// TestEnglandReferrals: england receives about 1.3M new referrals a year
// (Bu et al. 2025). New referrals do not depend on the warm-up, so a short
// run suffices.
func TestEnglandReferrals(t *testing.T) {
	if testing.Short() {
		t.Skip("england is large")
	}
	cfg := load(t, "england")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 30, 4
	// As summary.csv gives it, within the KPI's possible range.
	e := experiment.IntervalIn(kpi(t, replicate(t, cfg, 3, 2), sim.KPINewReferrals), 0.95, experiment.KPIRange(sim.KPINewReferrals, "people/year"))
	t.Logf("england new referrals a year %.0f [%.0f, %.0f]", e.Mean, e.Low, e.High)
	if e.Low < 1.2e6 || e.High > 1.4e6 {
		t.Errorf("england: %.0f [%.0f, %.0f] new referrals a year, want about 1.3M (1.2M-1.4M)", e.Mean, e.Low, e.High)
	}
}

// TestBaselineContactsBelowGuidance: NHS England's guidance speaks of 6-12
// contacts a person, but short-term support, the baseline's and the
// research's main lever, ends at 6 sessions, and people attend about 4 of
// them (docs/calibration.md says why). The baseline is held where the
// docs put it, below the guidance: a change to sessions or limits that
// moves it must be documented, not slip by.
func TestBaselineContactsBelowGuidance(t *testing.T) {
	cfg := load(t, "baseline")
	e := summarised(t, replicate(t, cfg, cfg.Run.Replications, 2), sim.KPIContactsPerEpisode)
	t.Logf("contacts per episode %.2f [%.2f, %.2f]", e.Mean, e.Low, e.High)
	if e.Low < 3.5 || e.High > 4.5 || e.High > float64(cfg.Support.ShortTerm.MaxSessions) {
		t.Errorf("contacts per episode %.2f [%.2f, %.2f], documented as about 3.9 (3.5-4.5), at most the %d sessions short-term support allows",
			e.Mean, e.Low, e.High, cfg.Support.ShortTerm.MaxSessions)
	}
}
