package sim

import (
	"context"
	"runtime"
	"slices"
)

// Pool limits how many simulations run at once, across every replication
// that shares it: a replication of a scenario with several areas runs its
// areas on as many of the pool's workers as are free, so one England
// replication uses every core, and thirty share them. Results never depend
// on the pool's size.
type Pool struct{ tokens chan struct{} }

// NewPool returns a pool of n workers; n <= 0 means one per core.
func NewPool(n int) *Pool {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	return &Pool{tokens: make(chan struct{}, n)}
}

// size is the number of workers; a nil Pool has one.
func (p *Pool) size() int {
	if p == nil {
		return 1
	}
	return cap(p.tokens)
}

func (p *Pool) acquire() {
	if p != nil {
		p.tokens <- struct{}{}
	}
}

func (p *Pool) release() {
	if p != nil {
		<-p.tokens
	}
}

// RunContext is Run with a way to stop: when ctx is cancelled the
// simulation stops within a few thousand events and RunContext returns
// ctx's error. Simulations run on pool's workers (nil: one at a time).
func RunContext(ctx context.Context, cfg *Config, rep int, pool *Pool) (*Result, error) {
	var w Workspace
	return w.Run(ctx, cfg, rep, pool)
}

// Workspace keeps a model's working memory (its calendar, people, rooms,
// waits histogram and column names) from one run to the next, so that a
// worker running replications one after another allocates little more
// than each result. Results never share a Workspace's memory, and do not
// depend on what it ran before. A Workspace is for one goroutine at a time;
// its zero value is ready to use.
type Workspace struct {
	prev *Model
	// The weekly table of the last result, which Trim may take back.
	rows [][]float64
	flat []float64
}

// Run is RunContext, reusing w's memory.
func (w *Workspace) Run(ctx context.Context, cfg *Config, rep int, pool *Pool) (*Result, error) {
	if cfg.Areas.Several() {
		return runAreas(ctx, cfg, rep, pool)
	}
	prev := w.prev
	w.prev = nil
	m, err := newModel(cfg, rep, "", prev)
	if err != nil {
		return nil, err
	}
	pool.acquire()
	r, err := m.RunContext(ctx)
	pool.release()
	if err != nil {
		return nil, err
	}
	// The result owns the weekly table: the next run writes a new one,
	// unless Trim gives it back. Column names are kept for the next run,
	// so the result gets a copy.
	w.rows, w.flat = m.m.rows, m.m.flat
	m.m.rows, m.m.flat = nil, nil
	r.Columns = slices.Clone(r.Columns)
	w.prev = m
	return r, nil
}

// Trim keeps, of r's weekly table, only the named columns (in that order;
// a name r lacks is left out), in a small table of r's own. If r is the
// result of w's last Run, its full table goes back to w, so that the next
// run writes into it instead of a new one: a study that needs only a few
// weekly series, or none, then keeps and allocates almost nothing per
// replication. r's KPIs, computed from the full table, are unchanged.
func (w *Workspace) Trim(r *Result, columns []string) {
	var idx []int
	var cols []Column
	for _, name := range columns {
		if c := r.Col(name); c >= 0 {
			idx = append(idx, c)
			cols = append(cols, r.Columns[c])
		}
	}
	flat := make([]float64, len(r.Weekly)*len(idx))
	weekly := make([][]float64, len(r.Weekly))
	for wk, row := range r.Weekly {
		out := flat[wk*len(idx) : (wk+1)*len(idx) : (wk+1)*len(idx)]
		for j, c := range idx {
			out[j] = row[c]
		}
		weekly[wk] = out
	}
	if w.prev != nil && len(r.Weekly) > 0 && len(w.rows) > 0 && &r.Weekly[0] == &w.rows[0] {
		w.prev.m.rows, w.prev.m.flat = w.rows, w.flat
	}
	w.rows, w.flat = nil, nil
	r.Weekly, r.Columns = weekly, cols
}
