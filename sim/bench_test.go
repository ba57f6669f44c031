package sim_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/spsim/spsim/internal/cputime"
	"github.com/spsim/spsim/sim"
)

// BenchmarkMMc runs the M/M/c validation model (λ=9, μ=1, c=10); one op is
// one replication. events/s is the engine and model together, with each
// replication's weekly table reused by the next, as in a run whose outputs
// need no weekly table.
func BenchmarkMMc(b *testing.B) {
	cfg := load(b, "mmc")
	cfg.Run.HorizonWeeks = 5200
	benchRuns(b, cfg, false)
}

// BenchmarkMMcKeepWeekly is BenchmarkMMc with every replication's weekly
// table kept, as for weekly.csv: each replication writes a new 3 MB table.
func BenchmarkMMcKeepWeekly(b *testing.B) {
	cfg := load(b, "mmc")
	cfg.Run.HorizonWeeks = 5200
	benchRuns(b, cfg, true)
}

// BenchmarkBaselineYear is one PCN-year of the baseline scenario.
func BenchmarkBaselineYear(b *testing.B) {
	cfg := load(b, "baseline")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 52, 0
	benchRuns(b, cfg, false)
}

// BenchmarkMMcAnchor is the anchor workload of bench/anchors.sh: 77
// replications of the M/M/c scenario (2,600 weeks each), about 1.8M
// customers, one op. It is what `spsim run mmc --replications 77 --jobs 1`
// simulates, without the outputs (and, as with --outputs summary, in one
// Workspace whose weekly table each replication reuses).
func BenchmarkMMcAnchor(b *testing.B) {
	cfg := load(b, "mmc")
	b.ReportAllocs()
	var events, customers float64
	var ws sim.Workspace
	ws.Keep([]string{sim.ColReferrals}) // as a run with no weekly output keeps none
	cpu0 := cputime.Process()
	for b.Loop() {
		for i := range anchorReplications {
			r, err := ws.Run(context.Background(), cfg, i, nil)
			if err != nil {
				b.Fatal(err)
			}
			events += float64(r.Events)
			customers += sumColumn(r, sim.ColReferrals)
		}
	}
	reportRates(b, events, customers, cputime.Process()-cpu0)
}

const anchorReplications = 77

func sumColumn(r *sim.Result, name string) float64 {
	c, s := r.Col(name), 0.0
	for _, row := range r.Weekly {
		s += row[c]
	}
	return s
}

func reportRates(b *testing.B, events, customers float64, cpu time.Duration) {
	b.ReportMetric(events/b.Elapsed().Seconds(), "events/s")
	if cpu > 0 {
		b.ReportMetric(events/cpu.Seconds(), "events/cpu-s")
	}
	b.ReportMetric(events/float64(b.N), "events/op")
	b.ReportMetric(customers/float64(b.N), "customers/op")
}

// benchRuns runs replications of cfg one after another in one Workspace,
// as each worker of experiment.Replicate does, and reports events a
// second, both of wall time and of the process's CPU time: on a shared
// machine the second is the steadier. Unless keep is set, results keep only
// the referrals of their weekly tables (Workspace.Keep), as in a run whose
// outputs need no table.
func benchRuns(b *testing.B, cfg *sim.Config, keep bool) {
	b.ReportAllocs()
	var events, customers float64
	var ws sim.Workspace
	if !keep {
		ws.Keep([]string{sim.ColReferrals})
	}
	cpu0 := cputime.Process()
	for i := 0; b.Loop(); i++ {
		r, err := ws.Run(context.Background(), cfg, i, nil)
		if err != nil {
			b.Fatal(err)
		}
		events += float64(r.Events)
		customers += sumColumn(r, sim.ColReferrals)
	}
	reportRates(b, events, customers, cputime.Process()-cpu0)
}

// BenchmarkEnglandYear is one replication of England (~1,250 PCNs) for a
// year; memory is reported by -benchmem.
func BenchmarkEnglandYear(b *testing.B) {
	cfg := load(b, "england")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 52, 0
	benchRuns(b, cfg, false)
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
			benchRuns(b, cfg, false)
		})
	}
}

// BenchmarkEnglandYearWorkers is one England year on a pool of one and of
// two workers: the areas of one replication share the cores (compare
// ns/op; the results are identical, see TestAreasInParallelMatchSequential).
func BenchmarkEnglandYearWorkers(b *testing.B) {
	cfg := load(b, "england")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 52, 0
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", n), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if _, err := sim.RunContext(context.Background(), cfg, i, sim.NewPool(n)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
