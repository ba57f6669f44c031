package sim_test

import (
	"testing"

	"github.com/spsim/spsim/sim"
)

// BenchmarkMMc runs the M/M/c validation model (λ=9, μ=1, c=10); one op is
// one replication. events/s is the engine and model together.
func BenchmarkMMc(b *testing.B) {
	cfg := load(b, "mmc")
	cfg.Run.HorizonWeeks = 5200
	benchRuns(b, cfg)
}

// BenchmarkBaselineYear is one PCN-year of the baseline scenario.
func BenchmarkBaselineYear(b *testing.B) {
	cfg := load(b, "baseline")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 52, 0
	benchRuns(b, cfg)
}

func benchRuns(b *testing.B, cfg *sim.Config) {
	b.ReportAllocs()
	var events uint64
	for i := 0; b.Loop(); i++ {
		r, err := sim.Run(cfg, i)
		if err != nil {
			b.Fatal(err)
		}
		events += r.Events
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}
