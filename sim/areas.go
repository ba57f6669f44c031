package sim

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/spsim/spsim/sim/des"
	"github.com/spsim/spsim/sim/dist"
)

// given reports whether an optional distribution was set.
func given(s *dist.Spec) bool { return s.Dist != "" || s.Value != nil }

// Area is one area of a scenario: its name and resolved configuration.
type Area struct {
	Name   string
	Config *Config
}

// AreaConfigs resolves a scenario of several areas into one Config per
// area. Variation between areas is drawn from its own stream, seeded by the
// scenario seed alone, so an area is the same place in every replication.
func AreaConfigs(cfg *Config) ([]Area, error) {
	a := &cfg.Areas
	r := des.Streams{Seed: cfg.Run.Seed, Replication: -1}.Get("area-variation")
	n := a.Count
	if len(a.List) > 0 {
		n = len(a.List)
	}
	refMul, refShare, err := areaVariation(a)
	if err != nil {
		return nil, err
	}
	areas := make([]Area, n)
	for i := range n {
		c := *cfg
		c.Areas = Areas{}
		name := fmt.Sprintf("area%d", i+1)
		// share < 0 means the scenario's own group shares.
		mul, share := 1.0, -1.0
		if refMul != nil {
			mul = refMul.Rand(r)
		}
		if refShare != nil {
			share = min(1, refShare.Rand(r))
		}
		if len(a.List) > 0 {
			l := a.List[i]
			name = l.Name
			if len(l.Set) > 0 {
				if l.Resolved == nil {
					return nil, fmt.Errorf("area %s: its overrides (set) are applied when the scenario is loaded; load it with package scenarios", l.Name)
				}
				c = *l.Resolved
				c.Areas = Areas{}
			}
			// An area that gives its own referrals or group shares has
			// them as given: the variation drawn stands in for values
			// not known. The draws are still made, so that the other
			// areas' stay the same.
			if setsReferrals(l.Set) {
				mul = 1
			}
			if setsGroupShares(l.Set) {
				share = -1
			}
			if l.ReferralsMultiplier != nil {
				mul = *l.ReferralsMultiplier
			}
			if l.ReferenceGroupShare != nil {
				share = *l.ReferenceGroupShare
			}
		}
		scaleReferrals(&c, mul)
		if share >= 0 && c.Outcomes.ReferenceGroup != "" {
			c.Groups = reshare(c.Groups, c.Outcomes.ReferenceGroup, share)
		}
		areas[i] = Area{Name: name, Config: &c}
	}
	return areas, nil
}

// setsReferrals reports whether an area's settings give its referrals a
// week (the key, or its table).
func setsReferrals[V any](set map[string]V) bool {
	for k := range set {
		if k == "demand.referrals_per_week" || k == "demand" {
			return true
		}
	}
	return false
}

// setsGroupShares reports whether an area's settings give any group's
// share (groups.NAME.share, a group's table, or all the groups).
func setsGroupShares[V any](set map[string]V) bool {
	for k := range set {
		rest, ok := strings.CutPrefix(k, "groups.")
		if k == "groups" || ok && (!strings.Contains(rest, ".") || strings.HasSuffix(rest, ".share")) {
			return true
		}
	}
	return false
}

// areaVariation is how areas drawn at random vary: their referral
// multiplier and reference group's share, each nil if not given.
func areaVariation(a *Areas) (refMul, refShare dist.Duration, err error) {
	if given(&a.ReferralsMultiplier) {
		if refMul, err = a.ReferralsMultiplier.Duration(); err != nil {
			return nil, nil, fmt.Errorf("areas.referrals_multiplier: %w", err)
		}
	}
	if given(&a.ReferenceGroupShare) {
		if refShare, err = a.ReferenceGroupShare.Duration(); err != nil {
			return nil, nil, fmt.Errorf("areas.reference_group_share: %w", err)
		}
	}
	return refMul, refShare, nil
}

// scaleReferrals multiplies an area's referral rate, and every rate its
// timeline sets, by mul. The timeline is copied: areas share the
// scenario's.
func scaleReferrals(c *Config, mul float64) {
	c.Demand.ReferralsPerWeek *= mul
	tl := c.Timeline
	if mul == 1 || len(tl) == 0 {
		return
	}
	c.Timeline = make([]Change, len(tl))
	for j, ch := range tl {
		if ch.ReferralsPerWeek != nil {
			v := *ch.ReferralsPerWeek * mul
			ch.ReferralsPerWeek = &v
		}
		c.Timeline[j] = ch
	}
}

// reshare gives the reference group the share s and scales the other
// groups to fill the rest in their original proportions.
func reshare(groups map[string]*Group, ref string, s float64) map[string]*Group {
	out := maps.Clone(groups)
	rest := 0.0
	for _, name := range sortedKeys(groups) { // in order: a float sum depends on it
		if name != ref {
			rest += groups[name].Share
		}
	}
	for name, g := range groups {
		c := *g
		if name == ref {
			c.Share = s
		} else if rest > 0 {
			c.Share = g.Share / rest * (1 - s)
		}
		out[name] = &c
	}
	return out
}

// areaOut is one finished area: its model (whose buffers the result
// shares) and its result, or why it failed; held until it is added to the
// total in area order.
type areaOut struct {
	m   *Model
	r   *Result
	err error
}

// areaWindow bounds how far area runs may get ahead of the area being
// added, per worker: it caps the finished areas held in memory.
const areaWindow = 4

// runAreas runs every area of replication rep, up to pool's limit at a time,
// and sums them. Areas are added to the total in a fixed order, whatever
// order they finish in, so the floating-point sums, and so the outputs, do
// not depend on how the work is scheduled.
func runAreas(ctx context.Context, cfg *Config, rep int, pool *Pool) (*Result, error) {
	areas, err := AreaConfigs(cfg)
	if err != nil {
		return nil, err
	}
	s := &areaRuns{ctx: ctx, rep: rep, cfg: cfg, areas: areas, pool: pool, done: make([]*areaOut, len(areas)),
		total: &Result{Replication: rep}}
	s.cond = sync.NewCond(&s.mu)
	n := min(pool.size(), len(areas))
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() { s.work(n * areaWindow) })
	}
	wg.Wait()
	if s.err != nil {
		return nil, s.err
	}
	if s.added != len(areas) {
		return nil, fmt.Errorf("sim: %d of %d areas added to the total", s.added, len(areas))
	}
	total := s.total
	// Every area counts its own weeks; the total keeps the week number.
	if c := total.Col("week"); c >= 0 {
		for w, row := range total.Weekly {
			row[c] = float64(w)
		}
	}
	total.KPIs = kpis(s.in, total)
	total.Weeks = float64(s.in.cfg.Run.HorizonWeeks - s.in.cfg.Run.WarmupWeeks)
	boundTotal(total.KPIs, total.Areas)
	return total, nil
}

// areaRuns hands out the areas of one replication to workers and adds
// what they finish to the total, in area order. The worker that finishes
// the next area to add adds it, and those after it that are finished, so
// that no goroutine waits to be woken for each area.
type areaRuns struct {
	ctx   context.Context
	rep   int
	cfg   *Config
	areas []Area
	pool  *Pool

	mu      sync.Mutex
	cond    *sync.Cond // a worker waits on it for the total to catch up
	next    int        // the next area to start
	added   int        // areas added to the total so far
	done    []*areaOut // finished, not yet added
	spare   []*Model   // added areas' models, whose buffers can be reused
	stopped bool       // an area failed: start no more
	adding  bool       // a worker is adding finished areas to the total
	err     error      // the lowest-numbered area's failure

	// The total so far, touched only by the worker adding.
	total *Result
	in    kpiInput
}

// work runs areas in order until none is left or one fails, staying at
// most window areas ahead of the total.
func (s *areaRuns) work(window int) {
	for {
		s.mu.Lock()
		for !s.stopped && s.next < len(s.areas) && s.next >= s.added+window {
			s.cond.Wait()
		}
		if s.stopped || s.next >= len(s.areas) {
			s.mu.Unlock()
			return
		}
		i := s.next
		s.next++
		var prev *Model
		if k := len(s.spare); k > 0 {
			prev, s.spare = s.spare[k-1], s.spare[:k-1]
		}
		s.mu.Unlock()

		out := s.run(i, prev)

		s.mu.Lock()
		s.done[i] = out
		if out.err != nil {
			s.stopped = true
			s.cond.Broadcast()
		}
		if !s.adding {
			s.adding = true
			s.addFinished()
			s.adding = false
		}
		s.mu.Unlock()
	}
}

// addFinished adds the finished areas that come next in order to the
// total, with s.mu held; the mutex is let go while each is added. Every
// area before the first failure is started, so the error kept is always
// the lowest-numbered area's, whatever the scheduling.
func (s *areaRuns) addFinished() {
	for s.err == nil && s.added < len(s.areas) && s.done[s.added] != nil {
		i, out := s.added, s.done[s.added]
		if out.err != nil {
			s.err = out.err
			return
		}
		s.done[i] = nil
		s.mu.Unlock()
		err := s.addCaught(i, out)
		s.mu.Lock()
		if err != nil {
			s.err, s.stopped = err, true
			s.cond.Broadcast()
			return
		}
		s.spare = append(s.spare, out.m)
		s.added++
		s.cond.Broadcast()
	}
}

// addCaught adds area i to the total, turning a panic into the
// replication's error, as run does for the area's simulation: it runs on an
// area's goroutine too.
func (s *areaRuns) addCaught(i int, out *areaOut) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("area %s: %w", s.areas[i].Name, panicError(p))
		}
	}()
	s.add(i, out)
	return nil
}

// run simulates area i, reusing prev's buffers if it is not nil.
func (s *areaRuns) run(i int, prev *Model) (out *areaOut) {
	a := s.areas[i]
	// An area runs on its own goroutine: a panic there is caught there,
	// and fails the replication as any area's error does.
	defer func() {
		if p := recover(); p != nil {
			out = &areaOut{err: fmt.Errorf("area %s: %w", a.Name, panicError(p))}
		}
	}()
	m, err := newModel(a.Config, s.rep, fmt.Sprintf("area%d/", i+1), prev)
	if err != nil {
		return &areaOut{err: fmt.Errorf("area %s: %w", a.Name, err)}
	}
	r, err := s.pool.runModel(s.ctx, m)
	if err != nil {
		if s.ctx.Err() == nil {
			err = fmt.Errorf("area %s: %w", a.Name, err)
		}
		return &areaOut{err: err}
	}
	return &areaOut{m: m, r: r}
}

// add adds area i's weekly table, waits and events to the total.
func (s *areaRuns) add(i int, out *areaOut) {
	m, r, total := out.m, out.r, s.total
	if i == 0 {
		// The total owns its table and histogram: the area's are
		// recycled for a later area.
		total.Columns = slices.Clone(r.Columns) // the area's are reused
		cols := len(r.Columns)
		total.Weekly = rowsOf(make([]float64, len(r.Weekly)*cols), cols, len(r.Weekly))
		s.in = m.kpiInput()
		s.in.cfg = s.cfg
		s.in.waits = NewHistogram(1.0/7, 520)
	}
	for w, row := range r.Weekly {
		acc := total.Weekly[w]
		for c, v := range row {
			acc[c] += v
		}
	}
	s.in.waits.Merge(m.m.waits)
	total.Events += r.Events
	var like *AreaResult // the last area's names and units, most often the same
	if n := len(total.Areas); n > 0 {
		like = &total.Areas[n-1]
	}
	total.Areas = append(total.Areas, newAreaResult(s.areas[i].Name, r.KPIs, like))
}
