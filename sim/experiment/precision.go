package experiment

import (
	"context"
	"fmt"
	"math"

	"github.com/spsim/spsim/sim"
)

// PrecisionOptions control a run that adds replications until the
// confidence intervals are narrow enough.
type PrecisionOptions struct {
	// Target is the largest acceptable half-width relative to |mean|, for
	// example 0.05 for intervals within ±5% of the mean.
	Target float64
	KPIs   []string // the KPIs that must reach the target
	Level  float64  // confidence level, e.g. 0.95
	// Initial is the number of replications in the first batch (at least
	// 2, for an interval); Max caps the total.
	Initial, Max int
	Jobs         int
	// Progress, if set, is called as each replication finishes with the
	// number done so far in the whole run.
	Progress func(done int)
	// Columns are the weekly columns each result keeps (Options.Columns).
	Columns []string
}

// PrecisionCheck is one KPI's interval against the target.
type PrecisionCheck struct {
	KPI       string
	Mean      float64
	HalfWidth float64
	Relative  float64 // HalfWidth / |Mean|; NaN when skipped
	Met       bool
	// Skipped says why the KPI cannot be judged against a relative target,
	// or is "" when it can: a mean of 0 or an undefined mean has no
	// relative precision.
	Skipped string
}

// PrecisionOutcome is the result of Sequential.
type PrecisionOutcome struct {
	Results []*sim.Result    // replications 0..n-1, in order
	Reached bool             // every judged KPI met the target
	Checks  []PrecisionCheck // after the last batch, in the order of KPIs
	Batches []int            // the total number of replications after each batch
}

// Sequential runs replications of cfg in batches until every KPI in
// opt.KPIs has a confidence interval whose half-width is within opt.Target
// of its mean's magnitude, or opt.Max replications have run. Each batch
// continues the sequence (replications 0..n-1, then n..m-1), and the batch
// sizes depend only on the results, so the outcome is the same whatever
// opt.Jobs is. The next total is the number the current worst KPI needs if
// its standard deviation holds (n·(relative/target)²), at least a tenth
// more and at most double.
//
// If ctx is cancelled the replications finished so far are returned, in
// order with no gaps, together with ctx's error.
func Sequential(ctx context.Context, cfg *sim.Config, opt PrecisionOptions) (*PrecisionOutcome, error) {
	if !(opt.Target > 0) {
		return nil, fmt.Errorf("precision target %g, want a positive fraction of the mean", opt.Target)
	}
	if opt.Initial < 2 || opt.Max < opt.Initial {
		return nil, fmt.Errorf("precision run of %d to %d replications, want 2 <= first batch <= cap", opt.Initial, opt.Max)
	}
	out := &PrecisionOutcome{}
	next := opt.Initial
	for {
		n := len(out.Results)
		progress := opt.Progress
		if progress != nil {
			progress = func(done int) { opt.Progress(n + done) }
		}
		batch, err := Replicate(ctx, cfg, Options{Replications: next - n, First: n, Jobs: opt.Jobs, Progress: progress, Columns: opt.Columns})
		out.Results = append(out.Results, batch...)
		if err != nil {
			if len(out.Results) >= 2 {
				out.Checks, out.Reached = checkPrecision(out.Results, opt)
			}
			return out, err
		}
		out.Batches = append(out.Batches, len(out.Results))
		var worst float64
		out.Checks, out.Reached = checkPrecision(out.Results, opt)
		n = len(out.Results)
		if out.Reached || n >= opt.Max {
			return out, nil
		}
		for _, c := range out.Checks {
			if c.Skipped == "" {
				worst = math.Max(worst, c.Relative)
			}
		}
		need := float64(n) * (worst / opt.Target) * (worst / opt.Target)
		if math.IsNaN(need) || math.IsInf(need, 0) || need > float64(opt.Max) {
			need = float64(opt.Max)
		}
		next = min(opt.Max, 2*n, max(int(math.Ceil(need)), n+(n+9)/10))
	}
}

// checkPrecision judges each KPI's interval against the target.
func checkPrecision(results []*sim.Result, opt PrecisionOptions) ([]PrecisionCheck, bool) {
	sums := Summarise(results, opt.Level)
	byName := make(map[string]Estimate, len(sums))
	for _, s := range sums {
		byName[s.Name] = s.Estimate
	}
	checks := make([]PrecisionCheck, 0, len(opt.KPIs))
	reached := true
	for _, name := range opt.KPIs {
		c := PrecisionCheck{KPI: name, Mean: math.NaN(), HalfWidth: math.NaN(), Relative: math.NaN()}
		e, ok := byName[name]
		switch {
		case !ok:
			c.Skipped = "not reported by this scenario"
		case math.IsNaN(e.Mean):
			c.Mean, c.HalfWidth = e.Mean, e.HalfWidth
			c.Skipped = "mean undefined (NaN)"
		case e.Mean == 0:
			c.Mean, c.HalfWidth = e.Mean, e.HalfWidth
			c.Skipped = "mean is 0, so a relative half-width is undefined"
		default:
			c.Mean, c.HalfWidth = e.Mean, e.HalfWidth
			c.Relative = e.HalfWidth / math.Abs(e.Mean)
			c.Met = c.Relative <= opt.Target
			if !c.Met {
				// A NaN half-width (too few values) is never met.
				reached = false
			}
		}
		checks = append(checks, c)
	}
	return checks, reached
}
