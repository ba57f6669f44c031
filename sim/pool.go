package sim

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
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

// runModel runs m on one of p's workers, giving the worker back however
// the run ends.
func (p *Pool) runModel(ctx context.Context, m *Model) (*Result, error) {
	p.acquire()
	defer p.release()
	return m.RunContext(ctx)
}

// panicError is the error a run returns for a panic in the model: a bug
// must fail its run, not end a workbench serving others, and its stack
// goes in the message for the report.
func panicError(p any) error {
	return fmt.Errorf("internal error, please report it with the scenario: %v\n%s", p, debug.Stack())
}

// RunContext is Run with a way to stop: when ctx is cancelled the
// simulation stops within a few thousand events and RunContext returns
// ctx's error. Simulations run on pool's workers (nil: one at a time).
func RunContext(ctx context.Context, cfg *Config, rep int, pool *Pool) (*Result, error) {
	var w Workspace
	return w.Run(ctx, cfg, rep, pool)
}

// Workspace keeps a model's working memory (its calendar, people, rooms,
// waits histogram, column names and weekly table) from one run to the
// next, so that a worker running replications one after another allocates
// little more than each result. Results never share a Workspace's memory,
// and do not depend on what it ran before. A Workspace is for one
// goroutine at a time; its zero value is ready to use.
type Workspace struct {
	prev *Model
	keep []string
	trim bool // results keep only the columns in keep
}

// Keep makes the results of w's later runs keep, of their weekly tables,
// only the named columns, in that order (a name a result lacks is left
// out); nil keeps every column, as a new Workspace does. The kept columns
// are copied as each week is written, and the full table stays with w for
// the next run to write over: a study that needs only a few weekly series,
// or none, then keeps and allocates almost nothing per replication. The
// KPIs are computed from every column either way.
func (w *Workspace) Keep(columns []string) {
	w.keep, w.trim = slices.Clone(columns), columns != nil
}

// Run is RunContext, reusing w's memory.
func (w *Workspace) Run(ctx context.Context, cfg *Config, rep int, pool *Pool) (r *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			w.prev = nil // its state is whatever the panic left
			r, err = nil, fmt.Errorf("scenario %q replication %d: %w", cfg.Name, rep, panicError(p))
		}
	}()
	if cfg.Areas.Several() {
		r, err := runAreas(ctx, cfg, rep, pool)
		if err == nil && w.trim {
			keepColumns(r, w.keep)
		}
		return r, err
	}
	prev := w.prev
	w.prev = nil
	m, err := newModel(cfg, rep, "", prev)
	if err != nil {
		return nil, err
	}
	var cols []Column
	if w.trim {
		cols = m.m.keepOnly(w.keep, cfg.Run.HorizonWeeks)
	}
	r, err = pool.runModel(ctx, m)
	if err != nil {
		return nil, err
	}
	w.prev = m
	if w.trim {
		// The model keeps its full table for the next run.
		r.Weekly, r.Columns = rowsOf(m.m.kept, len(cols), len(r.Weekly)), cols
		m.m.keep, m.m.kept, m.m.keeping = nil, nil, false
		return r, nil
	}
	// The result owns the weekly table: the next run writes a new one.
	// Column names are kept for the next run, so the result gets a copy.
	m.m.rows, m.m.flat = nil, nil
	r.Columns = slices.Clone(r.Columns)
	return r, nil
}

// rowsOf slices a flat table of the given columns into weeks rows.
func rowsOf(flat []float64, cols, weeks int) [][]float64 {
	rows := make([][]float64, weeks)
	for wk := range rows {
		rows[wk] = flat[wk*cols : (wk+1)*cols : (wk+1)*cols]
	}
	return rows
}

// pickColumns finds the named columns among columns, in the order named
// (a name not there is left out): their indices and the columns.
func pickColumns(columns []Column, names []string) (idx []int, picked []Column) {
	for _, name := range names {
		if c := slices.IndexFunc(columns, func(col Column) bool { return col.Name == name }); c >= 0 {
			idx, picked = append(idx, c), append(picked, columns[c])
		}
	}
	return idx, picked
}

// keepColumns keeps, of r's weekly table, only the named columns, in a
// table of r's own: for a result whose table no Workspace can take back.
func keepColumns(r *Result, names []string) {
	idx, cols := pickColumns(r.Columns, names)
	flat := make([]float64, 0, len(r.Weekly)*len(idx))
	for _, row := range r.Weekly {
		for _, c := range idx {
			flat = append(flat, row[c])
		}
	}
	r.Weekly, r.Columns = rowsOf(flat, len(idx), len(r.Weekly)), cols
}
