package sim

import (
	"maps"
	"math"
)

// onWeek closes the week that has just ended, then applies what happens at
// the start of week w: timeline changes, turnover and service closures.
func (m *Model) onWeek(w int) {
	m.m.closeWeek(m, w-1)
	if w >= m.cfg.Run.HorizonWeeks {
		m.m.done = true
		return
	}
	// Every step of week w, whatever order the timeline is in: the loader
	// sorts it, but a Config built in Go need not be, and a step skipped
	// because an earlier one had a later week would silently lose a cut.
	// Timelines are a few steps, checked once a week.
	if c, ok := weekChange(m.cfg.Timeline, w); ok {
		m.apply(&c)
	}
	m.weeklyTurnover()
	m.weeklyClosures()
	for i := range m.lws {
		m.lws[i].hours = 0
	}
	m.cal.ScheduleLane(laneWeeks, float64(w+1), evWeek, int32(w+1), 0)
}

// weekChange is the steps of week w as one change, each key's value the
// last in file order: a child's step at its parent's week replaces the
// parent's value rather than passing through it (posts cut, then
// recruited again). ok is false if no step falls in week w. The change's
// note is the first step's: apply does not read it.
func weekChange(tl []Change, w int) (c Change, ok bool) {
	for i := range tl {
		s := &tl[i]
		if s.Week != w {
			continue
		}
		if !ok {
			c, ok = *s, true
			continue
		}
		if s.LinkWorkers != nil {
			c.LinkWorkers = s.LinkWorkers
		}
		if s.ReferralsPerWeek != nil {
			c.ReferralsPerWeek = s.ReferralsPerWeek
		}
		if s.Holding != nil {
			c.Holding = s.Holding
		}
		c.Services = mergeServiceChanges(c.Services, s.Services)
	}
	return c, ok
}

// mergeServiceChanges is a's service changes with b's over them, field by
// field; a is not changed.
func mergeServiceChanges(a, b map[string]*ServiceChange) map[string]*ServiceChange {
	if len(b) == 0 {
		return a
	}
	out := maps.Clone(a)
	if out == nil {
		out = map[string]*ServiceChange{}
	}
	for name, sb := range b {
		if sb == nil {
			continue
		}
		merged := ServiceChange{}
		if sa := out[name]; sa != nil {
			merged = *sa
		}
		if sb.Places != nil {
			merged.Places = sb.Places
		}
		if sb.FundingPerYear != nil {
			merged.FundingPerYear = sb.FundingPerYear
		}
		out[name] = &merged
	}
	return out
}

// apply makes one timeline change. Changes in the same week apply in file
// order, so where two set the same value the later one wins.
func (m *Model) apply(c *Change) {
	if c.ReferralsPerWeek != nil {
		m.baseRate = *c.ReferralsPerWeek
	}
	if c.Holding != nil {
		m.holding = *c.Holding
	}
	if c.LinkWorkers != nil {
		m.setPosts(*c.LinkWorkers)
	}
	for _, name := range sortedKeys(c.Services) {
		s := m.serviceIndex(name)
		if s < 0 {
			continue // validation rejects unknown services
		}
		sc := c.Services[name]
		sv := &m.svcs[s]
		if sc.Places != nil && sv.open {
			m.m.vcsePlaces.add(m.now(), float64(*sc.Places-sv.places))
			sv.placesLevel.add(m.now(), float64(*sc.Places-sv.places))
			sv.places = *sc.Places
			m.placesFilled(s)
			m.fillPlaces(s)
		}
		// Funding follows places at the grant per place; 0 withdraws it
		// (the service may then close), a sum restores it, spread over the
		// places (validation checks it agrees with the grant).
		if f := sc.FundingPerYear; f != nil {
			switch {
			case *f == 0:
				sv.grant = 0
			case sv.places > 0:
				sv.grant = *f / float64(sv.places)
			default:
				sv.grant = m.p.services[s].grant
			}
		}
	}
}

func (m *Model) serviceIndex(name string) int {
	for i := range m.p.services {
		if m.p.services[i].name == name {
			return i
		}
	}
	return -1
}

// weeklyClosures lets each unfunded service close with its yearly hazard.
func (m *Model) weeklyClosures() {
	for s := range m.svcs {
		u := m.rng.closure.Float64() // one draw per service per week: aligned streams
		sv := &m.svcs[s]
		if !sv.open || sv.grant > 0 {
			continue
		}
		if u < 1-math.Exp(-m.p.services[s].hazard/52) {
			m.m.vcsePlaces.add(m.now(), -float64(sv.places))
			sv.placesLevel.add(m.now(), -float64(sv.places))
			m.closeService(s)
		}
	}
}
