package study

import "time"

// Result is a finished study: a *RunResult, *CompareResult, *SweepResult
// or *ShardResult.
type Result interface {
	setElapsed(time.Duration)
}

func (r *RunResult) setElapsed(d time.Duration)     { r.Elapsed = d }
func (r *CompareResult) setElapsed(d time.Duration) { r.Elapsed = d }
func (r *SweepResult) setElapsed(d time.Duration)   { r.Elapsed = d }
func (r *ShardResult) setElapsed(time.Duration)     {}
