package experiment_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/spsim/spsim/sim/experiment"
)

// BenchmarkReplicateJobs runs 8 replications of a 20-PCN scenario with one
// and two workers: on 2 cores, jobs=2 should take a little over half the
// time of jobs=1.
func BenchmarkReplicateJobs(b *testing.B) {
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			cfg := load(b, "icb", 104, 26, 8)
			cfg.Areas.Count = 20
			for b.Loop() {
				if _, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 8, Jobs: jobs}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
