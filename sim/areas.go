package sim

import (
	"context"
	"fmt"
	"maps"
	"slices"
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
	for name, g := range groups {
		if name != ref {
			rest += g.Share
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
	s := &areaRuns{ctx: ctx, rep: rep, areas: areas, pool: pool, done: make([]*areaOut, len(areas))}
	s.cond = sync.NewCond(&s.mu)
	n := min(pool.size(), len(areas))
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.work(n * areaWindow)
		}()
	}
	total, err := s.fold(cfg, rep)
	s.stop()
	wg.Wait()
	return total, err
}

// areaRuns hands out the areas of one replication to workers and collects
// what they finish.
type areaRuns struct {
	ctx   context.Context
	rep   int
	areas []Area
	pool  *Pool

	mu      sync.Mutex
	cond    *sync.Cond
	next    int        // the next area to start
	added   int        // areas added to the total so far
	done    []*areaOut // finished, not yet added
	spare   []*Model   // added areas' models, whose buffers can be reused
	stopped bool       // an area failed or the total is complete: start no more
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
		}
		s.cond.Broadcast()
		s.mu.Unlock()
	}
}

// run simulates area i, reusing prev's buffers if it is not nil.
func (s *areaRuns) run(i int, prev *Model) *areaOut {
	a := s.areas[i]
	m, err := newModel(a.Config, s.rep, fmt.Sprintf("area%d/", i+1), prev)
	if err != nil {
		return &areaOut{err: fmt.Errorf("area %s: %w", a.Name, err)}
	}
	s.pool.acquire()
	r, err := m.RunContext(s.ctx)
	s.pool.release()
	if err != nil {
		if s.ctx.Err() == nil {
			err = fmt.Errorf("area %s: %w", a.Name, err)
		}
		return &areaOut{err: err}
	}
	return &areaOut{m: m, r: r}
}

// stop makes the workers return once their current area ends.
func (s *areaRuns) stop() {
	s.mu.Lock()
	s.stopped = true
	s.cond.Broadcast()
	s.mu.Unlock()
}

// take waits for area i, which has been started, to finish and takes it.
// Every area before the first failure is started, so the error returned is
// always the lowest-numbered area's, whatever the scheduling.
func (s *areaRuns) take(i int) *areaOut {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.done[i] == nil {
		s.cond.Wait()
	}
	out := s.done[i]
	s.done[i] = nil
	return out
}

// give returns an added area's model for reuse and lets workers move on.
func (s *areaRuns) give(m *Model) {
	s.mu.Lock()
	s.spare = append(s.spare, m)
	s.added++
	s.cond.Broadcast()
	s.mu.Unlock()
}

// fold adds the areas to the total in area order.
func (s *areaRuns) fold(cfg *Config, rep int) (*Result, error) {
	total := &Result{Replication: rep}
	var in kpiInput
	for i, a := range s.areas {
		out := s.take(i)
		if out.err != nil {
			return nil, out.err
		}
		m, r := out.m, out.r
		if i == 0 {
			// The total owns its table and histogram: the area's are
			// recycled for a later area.
			total.Columns = slices.Clone(r.Columns) // the area's are reused
			cols := len(r.Columns)
			total.Weekly = rowsOf(make([]float64, len(r.Weekly)*cols), cols, len(r.Weekly))
			in = m.kpiInput()
			in.cfg = cfg
			in.waits = NewHistogram(1.0/7, 520)
		}
		for w, row := range r.Weekly {
			acc := total.Weekly[w]
			for c, v := range row {
				acc[c] += v
			}
		}
		in.waits.Merge(m.m.waits)
		total.Events += r.Events
		total.Areas = append(total.Areas, AreaResult{Name: a.Name, KPIs: r.KPIs})
		s.give(m)
	}
	// Every area counts its own weeks; the total keeps the week number.
	if c := total.Col("week"); c >= 0 {
		for w, row := range total.Weekly {
			row[c] = float64(w)
		}
	}
	total.KPIs = kpis(in, total)
	return total, nil
}
