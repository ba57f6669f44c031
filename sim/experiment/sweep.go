package experiment

import (
	"context"
	"fmt"

	"github.com/spsim/spsim/sim"
)

// Factor is one varied parameter of a sweep: a scenario key path and the
// values it takes, written as in the scenario file.
type Factor struct {
	Key    string
	Values []string
}

// Grid returns every combination of the factors' values (the cartesian
// product), one slice of values per point in factor order. The first
// factor varies slowest, so points are grouped by it.
func Grid(factors []Factor) [][]string {
	if len(factors) == 0 {
		return nil
	}
	points := [][]string{nil}
	for _, f := range factors {
		var next [][]string
		for _, p := range points {
			for _, v := range f.Values {
				next = append(next, append(append([]string(nil), p...), v))
			}
		}
		points = next
	}
	return points
}

// Sweep holds a scenario run at every point of a grid of parameter values,
// on common random numbers.
type Sweep struct {
	Factors []Factor
	Level   float64
	Points  []SweepPoint // in Grid order
}

// SweepPoint is one point of a sweep and its KPI estimates.
type SweepPoint struct {
	Values    []string // one per factor
	Summaries []Summary
}

// RunSweep runs opt.Replications replications at each point of
// Grid(factors); cfgs[i] is the scenario with point i's values applied.
// The configurations must share a seed so that points differ only by the
// parameters (common random numbers). opt.Progress counts replications
// over all points.
func RunSweep(ctx context.Context, factors []Factor, cfgs []*sim.Config, opt Options, level float64) (*Sweep, error) {
	points := Grid(factors)
	if len(points) != len(cfgs) {
		return nil, fmt.Errorf("sweep of %d points given %d scenarios", len(points), len(cfgs))
	}
	for _, c := range cfgs {
		if c.Run.Seed != cfgs[0].Run.Seed {
			return nil, fmt.Errorf("sweep points have seeds %d and %d: common random numbers need one seed", cfgs[0].Run.Seed, c.Run.Seed)
		}
	}
	sums, err := SummariseAll(ctx, cfgs, opt, level)
	if err != nil {
		return nil, err
	}
	sw := &Sweep{Factors: factors, Level: level}
	for i, p := range points {
		sw.Points = append(sw.Points, SweepPoint{Values: p, Summaries: sums[i]})
	}
	return sw, nil
}

// SummariseAll is RunAll for a study that keeps only each scenario's
// summaries (a sweep's points): each is summarised as soon as it has run
// and its results dropped, and, unless opt.Columns says otherwise, no
// replication keeps its weekly table, so memory does not grow with the
// points.
func SummariseAll(ctx context.Context, cfgs []*sim.Config, opt Options, level float64) ([][]Summary, error) {
	if opt.Columns == nil {
		opt.Columns = []string{}
	}
	out := make([][]Summary, len(cfgs))
	err := runEach(ctx, cfgs, opt, func(i int, res []*sim.Result) { out[i] = Summarise(res, level) })
	if err != nil {
		return nil, err
	}
	return out, nil
}
