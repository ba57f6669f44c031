package workbench

import (
	"context"
	"fmt"
	"runtime"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// level is the confidence level of every interval, as on the command line.
const level = 0.95

// This file is the workbench's only door to the simulation core: the same
// replication, comparison and sweep functions the command line calls.

// replicate runs cfg's replications.
func (s *Server) replicate(ctx context.Context, cfg *sim.Config, progress func(int)) ([]*sim.Result, []experiment.Summary, error) {
	res, err := experiment.Replicate(ctx, cfg, experiment.Options{Replications: cfg.Run.Replications, Jobs: s.opt.Jobs, Progress: progress})
	if err != nil {
		return nil, nil, err
	}
	return res, experiment.Summarise(res, level), nil
}

// compare runs scenarios on common random numbers: the first's seed and
// replications for all.
func (s *Server) compare(ctx context.Context, cfgs []*sim.Config, progress func(int)) (*experiment.Comparison, error) {
	for _, c := range cfgs[1:] {
		c.Run.Seed, c.Run.Replications = cfgs[0].Run.Seed, cfgs[0].Run.Replications
	}
	return experiment.Compare(ctx, cfgs, experiment.Options{Replications: cfgs[0].Run.Replications, Jobs: s.opt.Jobs, Progress: progress}, level)
}

// sweep runs cfgs, one per value of the factor, on common random numbers.
func (s *Server) sweep(ctx context.Context, f experiment.Factor, cfgs []*sim.Config, progress func(int)) (*experiment.Sweep, error) {
	for _, c := range cfgs[1:] {
		c.Run.Seed, c.Run.Replications = cfgs[0].Run.Seed, cfgs[0].Run.Replications
	}
	return experiment.RunSweep(ctx, []experiment.Factor{f}, cfgs, experiment.Options{Replications: cfgs[0].Run.Replications, Jobs: s.opt.Jobs, Progress: progress}, level)
}

// tooLarge is a request over the estimate limits.
type tooLarge struct{ msg string }

func (e *tooLarge) Error() string { return e.msg }

// checkLimits refuses scenarios whose estimated events or memory, for all
// their replications together, exceed the limits: the same estimate and
// limits as the command line without --allow-large.
func (s *Server) checkLimits(cfgs []*sim.Config) error {
	var events, bytes float64
	jobs := s.opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	for _, c := range cfgs {
		if c.Run.Replications > s.lim.Replications {
			return &tooLarge{fmt.Sprintf("%s asks for %d replications; the workbench runs at most %d (use spsim run for more)", c.Name, c.Run.Replications, s.lim.Replications)}
		}
		fp := sim.Estimate(c)
		reps := float64(c.Run.Replications)
		events += fp.Events * reps
		// Every replication's weekly table is kept; each job holds one model.
		bytes = max(bytes, fp.Bytes*float64(jobs)) + reps*float64(c.Run.HorizonWeeks)*150*8
	}
	if events <= s.lim.Events && bytes <= s.lim.Bytes {
		return nil
	}
	return &tooLarge{fmt.Sprintf("too large to run here: about %.3g events (limit %.3g) and %.1f GiB of memory (limit %.0f GiB); use fewer replications, a shorter horizon or fewer areas, or run it with spsim run --allow-large",
		events, s.lim.Events, bytes/(1<<30), s.lim.Bytes/(1<<30))}
}
