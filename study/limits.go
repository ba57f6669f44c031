package study

import (
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// checkLimits refuses a study whose estimated events or memory, over every
// scenario and replication it runs, exceed experiment's limits, unless
// allowed (Options.AllowLarge). what names the study in the message.
func checkLimits(what string, cfgs []*sim.Config, reps, jobs int, allow bool, lim experiment.Limits) error {
	if allow {
		return nil
	}
	return experiment.CheckLimits(what, cfgs, reps, jobs, lim)
}

// checkSummarisedLimits is checkLimits for a study that keeps only
// summaries (a sweep).
func checkSummarisedLimits(what string, cfgs []*sim.Config, reps, jobs int, allow bool, lim experiment.Limits) error {
	if allow {
		return nil
	}
	return experiment.CheckSummarisedLimits(what, cfgs, reps, jobs, lim)
}
