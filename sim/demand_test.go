package sim

import (
	"math/rand/v2"
	"testing"
)

// TestMinRateBoundsRate: the shortcut in onArrivalCandidate is exact only
// if minRate is below rate(t) as computed at every time of the run, for
// every base rate the timeline sets, with growth or decline and any season.
func TestMinRateBoundsRate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 500 {
		cfg := baselineConfig(t)
		d := &cfg.Demand
		d.ReferralsPerWeek = 0.1 + 100*r.Float64()
		d.AnnualGrowth = -0.99 + 3*r.Float64()
		d.SeasonalAmplitude = r.Float64()
		d.SeasonalPeakWeek = 52 * r.Float64()
		cfg.Run.HorizonWeeks = 1 + r.IntN(600)
		cfg.Timeline = nil
		for range r.IntN(3) {
			v := 100 * r.Float64()
			cfg.Timeline = append(cfg.Timeline, Change{Week: r.IntN(cfg.Run.HorizonWeeks), ReferralsPerWeek: &v})
		}
		m := &Model{cfg: cfg, minRate: minReferralRate(cfg), maxRate: maxReferralRate(cfg)}
		bases := []float64{d.ReferralsPerWeek}
		for _, c := range cfg.Timeline {
			bases = append(bases, *c.ReferralsPerWeek)
		}
		for range 200 {
			m.baseRate = bases[r.IntN(len(bases))]
			tm := float64(cfg.Run.HorizonWeeks) * r.Float64()
			if rt := m.rate(tm); !(m.minRate <= rt) || rt > m.maxRate*(1+1e-9) {
				t.Fatalf("case %d: rate(%v) = %v outside [minRate %v, maxRate %v]", i, tm, rt, m.minRate, m.maxRate)
			}
		}
	}
}
