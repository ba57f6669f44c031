package sim

import (
	"context"
	"runtime"
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
	if cfg.Areas.Several() {
		return runAreas(ctx, cfg, rep, pool)
	}
	m, err := New(cfg, rep)
	if err != nil {
		return nil, err
	}
	pool.acquire()
	defer pool.release()
	return m.RunContext(ctx)
}
