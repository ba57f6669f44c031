//go:build !unix

package des

import "time"

// cpuTime is not measured here; benchmarks then skip the CPU figure.
func cpuTime() time.Duration { return 0 }
