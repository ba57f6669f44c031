package study

import (
	"fmt"

	"github.com/spsim/spsim/sim"
)

// Limits on a study, checked before any work starts; Options.AllowLarge
// lifts them.
const (
	MaxEvents = 2e10    // about an hour at a few million events a second
	MaxBytes  = 8 << 30 // results and models in memory
)

// checkLimits refuses a study whose estimated events or memory, over every
// scenario and replication it runs, exceed the limits, unless allowed.
// what names the study in the message.
func checkLimits(what string, cfgs []*sim.Config, reps, jobs int, allow bool) error {
	var events, bytes, models float64
	for _, cfg := range cfgs {
		fp := sim.Estimate(cfg)
		events += fp.Events * float64(reps)
		// Every replication's weekly table is kept for the outputs; each
		// job holds one model at a time.
		bytes += float64(reps) * float64(cfg.Run.HorizonWeeks) * 150 * 8
		models = max(models, fp.Bytes*float64(jobs))
	}
	bytes += models
	if allow || (events <= MaxEvents && bytes <= MaxBytes) {
		return nil
	}
	n := len(cfgs) * reps
	return fmt.Errorf("%s is too large to run without --allow-large: about %.3g events (limit %.3g) and %.1f GiB of memory (limit %d GiB) for %d replications; use fewer replications, fewer points or a shorter horizon, or pass --allow-large",
		what, events, float64(MaxEvents), bytes/(1<<30), MaxBytes>>30, n)
}
