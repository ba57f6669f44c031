//go:build !unix

package cputime

import "time"

// Process is not measured here: it returns 0, and benchmarks then skip
// the CPU figure.
func Process() time.Duration { return 0 }
