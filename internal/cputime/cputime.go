//go:build unix

// Package cputime reads the process's CPU time, so that benchmarks on a
// shared machine can report work per CPU-second beside wall time.
package cputime

import (
	"syscall"
	"time"
)

// Process is the process's user and system CPU time so far, or 0 if it
// cannot be read.
func Process() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
