package experiment

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/spsim/spsim/sim"
)

// Options control a set of replications.
type Options struct {
	Replications int
	First        int // index of the first replication (for shards and top-ups)
	Jobs         int // parallel workers; 0 means all cores
	// Progress, if set, is called after each replication finishes with the
	// number done so far. It may be called from several goroutines.
	Progress func(done int)
	// Columns, if not nil, are the only weekly columns each result keeps
	// (sim.Workspace.Keep): for a study whose outputs need no weekly
	// table, say WarmupColumns. KPIs are computed before, from every
	// column.
	Columns []string
}

// Replicate runs replications First..First+Replications-1 of cfg. Results
// come back in replication order, and each replication draws only from its
// own streams, so the output is the same whatever Jobs is. If ctx is
// cancelled, the replications finished so far are returned (in order, with
// no gaps) together with ctx's error.
func Replicate(ctx context.Context, cfg *sim.Config, opt Options) ([]*sim.Result, error) {
	n := opt.Replications
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	// Every replication shares one pool of jobs workers: a scenario of
	// several areas runs its areas on whichever are free, so one England
	// replication uses every core.
	pool := sim.NewPool(jobs)
	jobs = min(jobs, max(n, 1))
	results := make([]*sim.Result, n)
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ws sim.Workspace // this worker's memory, from one replication to the next
			ws.Keep(opt.Columns)
			for i := range next {
				results[i], errs[i] = ws.Run(ctx, cfg, opt.First+i, pool)
				if errs[i] != nil && ctx.Err() != nil {
					results[i], errs[i] = nil, nil // stopped part-way: not finished
					continue
				}
				mu.Lock()
				done++
				d := done
				mu.Unlock()
				if opt.Progress != nil {
					opt.Progress(d)
				}
			}
		}()
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("replication %d: %w", opt.First+i, err)
		}
	}
	// Keep the finished prefix only: a partial set must still be the first
	// k replications, so that it means the same as a shorter run.
	k := 0
	for k < n && results[k] != nil {
		k++
	}
	if k < n {
		return results[:k], ctx.Err()
	}
	return results, nil
}

// Summary is one KPI's estimate across replications.
type Summary struct {
	Name     string
	Unit     string
	Estimate Estimate
	Values   []float64 // one per replication, in order
}

// FindSummary returns the summary of the KPI called name, if sums has it.
func FindSummary(sums []Summary, name string) (Summary, bool) {
	for _, s := range sums {
		if s.Name == name {
			return s, true
		}
	}
	return Summary{}, false
}

// Summarise estimates every KPI across results at the given level, each
// interval within the KPI's possible range ([IntervalIn], [KPIRange]).
// KPIs come in the order the model reports them.
func Summarise(results []*sim.Result, level float64) []Summary {
	if len(results) == 0 {
		return nil
	}
	var out []Summary
	ks := make([]*sim.KPI, len(results))
	for i, k := range results[0].KPIs {
		vals := make([]float64, len(results))
		for r, res := range results {
			ks[r] = &res.KPIs[i]
			vals[r] = ks[r].Value
		}
		out = append(out, Summary{Name: k.Name, Unit: k.Unit, Estimate: kpiInterval(results, ks, k.Name, k.Unit, vals, level), Values: vals})
	}
	return out
}
