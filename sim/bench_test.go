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

// BenchmarkEnglandYear is one replication of England (~1,250 PCNs) for a
// year; memory is reported by -benchmem.
func BenchmarkEnglandYear(b *testing.B) {
	cfg := load(b, "england")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 52, 0
	benchRuns(b, cfg)
}

// BenchmarkScaling doubles the horizon and the number of areas: time
// should about double with each (compare ns/op of the pairs).
func BenchmarkScaling(b *testing.B) {
	for _, c := range []struct {
		name         string
		weeks, areas int
	}{
		{"weeks=104/areas=20", 104, 20},
		{"weeks=208/areas=20", 208, 20},
		{"weeks=104/areas=40", 104, 40},
	} {
		b.Run(c.name, func(b *testing.B) {
			cfg := load(b, "icb")
			cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = c.weeks, 26
			cfg.Areas.Count = c.areas
			benchRuns(b, cfg)
		})
	}
}
