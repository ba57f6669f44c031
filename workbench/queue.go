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
	waiting []chan struct{}
	max     int // most runs waiting
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
	turn := make(chan struct{}, 1)
	q.waiting = append(q.waiting, turn)
	n := len(q.waiting)
	q.mu.Unlock()
	if ahead != nil {
		ahead(n)
	}
	select {
	case <-turn:
		return q.release, nil
	case <-ctx.Done():
		q.mu.Lock()
		defer q.mu.Unlock()
		for i, c := range q.waiting {
			if c == turn {
				q.waiting = append(q.waiting[:i], q.waiting[i+1:]...)
				return nil, ctx.Err()
			}
		}
		// The turn was handed over as the context ended: pass it on.
		q.handOver()
		return nil, ctx.Err()
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
	next <- struct{}{}
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
