//go:build !unix

package sim_test

import "time"

// cpuTime is not measured here; benchmarks then skip the CPU figure.
func cpuTime() time.Duration { return 0 }
