package sim

import (
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/des"
)

// maxCategories bounds community need categories so that a person's needs
// fit in fixed arrays: no allocation per person, and memory grows with the
// people in the system rather than with everyone ever referred.
const maxCategories = scenarios.MaxCategories

type personState uint8

const (
	stFree       personState = iota // slot unused
	stWaiting                       // on the link-worker waiting list
	stActive                        // on a caseload, sessions under way
	stHolding                       // on a caseload, support done, waiting for a community place
	stDischarged                    // off the caseload, still engaged with a community service
)

type needState uint8

const (
	needNone       needState = iota // not needed
	needPending                     // needed, not yet referred on
	needWaitlisted                  // on a service's waiting list
	needEngaged                     // attending a service
	needMet
	needUnmet
)

// person is one referral in the system. People live in a slab that reuses
// slots; gen tells a stale reference (in a queue) from the current occupant.
type person struct {
	gen      uint32
	state    personState
	profile  uint8
	group    uint8
	track    uint8 // support track, an index of params.tracks
	resume   bool  // handed back to the waiting list mid-episode
	handedOn bool  // on another role's waiting list after a handover, not yet seen
	rerefer  bool  // this referral is a re-referral
	lw       int32

	listSince float64 // joined the waiting list
	arrival   float64 // original referral time
	start     float64 // first contact
	holdSince float64
	caseSince float64 // joined the current caseload

	needed, attended, held int32
	dnaRun                 int32
	attendedBefore         int32 // sessions attended in episodes before a handover
	supportIncomplete      bool

	renege des.Handle
	next   des.Handle // next session or holding check-in

	open      int32 // needs waitlisted or engaged
	need      [maxCategories]needState
	needSvc   [maxCategories]int16
	needEvent [maxCategories]des.Handle
}

// needs is a person's need states for the scenario's categories only: the
// loops over them run on every referral and discharge.
func (m *Model) needs(p *person) []needState { return p.need[:len(m.p.catSvcs)] }

// people is the slab of persons.
type people struct {
	slots []person
	free  []int32
	inUse int
}

func (ps *people) alloc() int32 {
	var id int32
	if n := len(ps.free); n > 0 {
		id = ps.free[n-1]
		ps.free = ps.free[:n-1]
	} else {
		ps.slots = append(ps.slots, person{})
		id = int32(len(ps.slots) - 1)
	}
	p := &ps.slots[id]
	gen := p.gen + 1
	*p = person{gen: gen}
	ps.inUse++
	return id
}

func (ps *people) release(id int32) {
	p := &ps.slots[id]
	p.state = stFree
	p.gen++
	ps.free = append(ps.free, id)
	ps.inUse--
}

// ref is a queued reference to a person that may have gone stale.
type ref struct {
	id  int32
	gen uint32
}

// deque is a ring-buffer double-ended queue; it grows as needed and never
// shrinks, so steady-state use does not allocate. Its buffer's length is a
// power of two, so that an index wraps with a mask rather than a division:
// the waiting list is pushed and popped for nearly every referral.
type deque[T any] struct {
	buf        []T
	head, size int
}

func (q *deque[T]) len() int { return q.size }

func (q *deque[T]) grow() {
	n := len(q.buf) * 2
	if n == 0 {
		n = 16
	}
	nb := make([]T, n)
	for i := 0; i < q.size; i++ {
		nb[i] = q.buf[(q.head+i)&(len(q.buf)-1)]
	}
	q.buf, q.head = nb, 0
}

func (q *deque[T]) pushBack(r T) {
	if q.size == len(q.buf) {
		q.grow()
	}
	q.buf[(q.head+q.size)&(len(q.buf)-1)] = r
	q.size++
}

func (q *deque[T]) pushFront(r T) {
	if q.size == len(q.buf) {
		q.grow()
	}
	q.head = (q.head - 1) & (len(q.buf) - 1)
	q.buf[q.head] = r
	q.size++
}

func (q *deque[T]) front() T { return q.buf[q.head] }

func (q *deque[T]) popFront() T {
	r := q.buf[q.head]
	q.head = (q.head + 1) & (len(q.buf) - 1)
	q.size--
	return r
}
