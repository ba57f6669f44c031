package workbench

import (
	"context"
	"errors"
	"sync"
)

// errBusy is returned when the queue is full.
var errBusy = errors.New("the workbench is busy: too many runs are waiting; try again when one finishes")

// queue lets one run work at a time (a run already uses every core) and
// holds a bounded number of others waiting, in arrival order, so that
// several browsers cannot exhaust memory.
type queue struct {
	mu      sync.Mutex
	busy    bool
	waiting []waiter
	max     int // most runs waiting
}

// waiter is a run waiting for its turn: told on turn when it comes, and
// on ahead how many runs are ahead of it whenever that changes.
type waiter struct {
	turn  chan struct{}
	ahead chan int
}

func newQueue(maxWaiting int) *queue { return &queue{max: maxWaiting} }

// acquire waits for the run's turn. ahead, if set, is told how many runs
// are ahead whenever that changes. It returns errBusy when the queue is
// full and the context's error if the caller goes away while waiting; on
// success the caller must call release.
func (q *queue) acquire(ctx context.Context, ahead func(int)) (release func(), err error) {
	q.mu.Lock()
	if !q.busy && len(q.waiting) == 0 {
		q.busy = true
		q.mu.Unlock()
		return q.release, nil
	}
	if len(q.waiting) >= q.max {
		q.mu.Unlock()
		return nil, errBusy
	}
	w := waiter{turn: make(chan struct{}, 1), ahead: make(chan int, 1)}
	q.waiting = append(q.waiting, w)
	n := len(q.waiting)
	q.mu.Unlock()
	if ahead == nil {
		ahead = func(int) {}
	}
	ahead(n)
	for {
		select {
		case <-w.turn:
			return q.release, nil
		case n := <-w.ahead:
			ahead(n)
		case <-ctx.Done():
			q.mu.Lock()
			defer q.mu.Unlock()
			for i, x := range q.waiting {
				if x.turn == w.turn {
					q.waiting = append(q.waiting[:i], q.waiting[i+1:]...)
					q.tellAhead()
					return nil, ctx.Err()
				}
			}
			// The turn was handed over as the context ended: pass it on.
			q.handOver()
			return nil, ctx.Err()
		}
	}
}

// tellAhead tells each waiting run how many runs are now ahead of it: the
// one working and those before it. Only the latest count is kept for a
// run that has not read the last. q.mu is held.
func (q *queue) tellAhead() {
	for i, w := range q.waiting {
		select {
		case <-w.ahead:
		default:
		}
		w.ahead <- i + 1
	}
}

// release ends the current run and starts the next waiting one.
func (q *queue) release() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.handOver()
}

// handOver gives the turn to the first waiting run, or frees the queue.
// q.mu is held.
func (q *queue) handOver() {
	if len(q.waiting) == 0 {
		q.busy = false
		return
	}
	next := q.waiting[0]
	q.waiting = q.waiting[1:]
	next.turn <- struct{}{}
	q.tellAhead()
}

// length is the number of runs working or waiting.
func (q *queue) length() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := len(q.waiting)
	if q.busy {
		n++
	}
	return n
}
