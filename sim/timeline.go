package sim

import "math"

// onWeek closes the week that has just ended, then applies what happens at
// the start of week w: timeline changes, turnover and service closures.
func (m *Model) onWeek(w int) {
	m.m.closeWeek(m, w-1)
	if w >= m.cfg.Run.HorizonWeeks {
		m.m.done = true
		return
	}
	// Every step of week w, in file order, whatever order the timeline is
	// in: the loader sorts it, but a Config built in Go need not be, and a
	// step skipped because an earlier one had a later week would silently
	// lose a cut. Timelines are a few steps, checked once a week.
	for i := range m.cfg.Timeline {
		if m.cfg.Timeline[i].Week == w {
			m.apply(&m.cfg.Timeline[i])
		}
	}
	m.weeklyTurnover()
	m.weeklyClosures()
	for i := range m.lws {
		m.lws[i].hours = 0
	}
	m.cal.ScheduleLane(laneWeeks, float64(w+1), evWeek, int32(w+1), 0)
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
			sv.places = *sc.Places
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
			m.closeService(s)
		}
	}
}
