package sim

// onArrivalCandidate is one point of the thinned Poisson process: it becomes
// a referral with probability rate(t)/maxRate.
func (m *Model) onArrivalCandidate() {
	t := m.now()
	// Below the least rate of the whole run a candidate is a referral
	// whatever the time: the same decision, without the cosine and power.
	if u := m.rng.arrivals.Float64() * m.maxRate; u < m.minRate || u < m.rate(t) {
		g := pickFrom(m.p.groupCum, m.rng.group)
		pr := pickFrom(m.p.groups[g].profileCum, m.rng.profile)
		m.refer(pr, g, false)
	}
	m.cal.ScheduleLane(laneArrivals, t+m.arrivalGap(), evArrival, 0, 0)
}

// onRereferral brings back a person whose needs stayed unmet.
func (m *Model) onRereferral(profile, group int) {
	m.m.rereferralsPending--
	m.refer(profile, group, true)
}

// refer handles one referral: an inappropriate one is assessed and closed;
// the rest join the waiting list.
func (m *Model) refer(profile, group int, rereferral bool) {
	m.m.referral(group, rereferral)
	// The draw is made for every referral, so the inappropriate stream stays
	// aligned across scenarios that differ only in the share. With no share
	// (it is fixed for the run) the stream has nothing to decide.
	if share := m.cfg.Demand.InappropriateShare; share > 0 && m.rng.inappropriate.Float64() < share {
		m.m.inappropriate++
		m.m.closedInappropriate++
		if m.cfg.Support.InappropriateAssessed {
			m.chargeAssessment(m.cfg.Support.AssessmentMinutes / 60)
		}
		return
	}
	id := m.newPerson(profile, group, rereferral)
	m.join(id, false)
	m.allocate()
}

// newPerson creates a person with their draws for sessions and needs.
func (m *Model) newPerson(profile, group int, rereferral bool) int32 {
	id := m.pp.alloc()
	p := &m.pp.slots[id]
	pr := &m.p.profiles[profile]
	p.profile, p.group, p.rerefer = uint8(profile), uint8(group), rereferral
	p.arrival = m.now()
	p.lw = -1
	p.track = uint8(pr.track)
	p.needed = int32(max(1, pr.sessions.Rand(m.rng.sessions)))
	for _, n := range pr.needs {
		if m.rng.needs.Float64() < n.p {
			p.need[n.cat] = needPending
		}
	}
	return id
}

// join puts a person on the waiting list. A person handed back mid-episode
// goes to the front and does not give up waiting.
func (m *Model) join(id int32, front bool) {
	p := &m.pp.slots[id]
	p.state = stWaiting
	p.listSince = m.now()
	r := ref{id: id, gen: p.gen}
	q := &m.queue[p.track][m.class(int(p.profile), int(p.group))]
	if front {
		q.pushFront(r)
	} else {
		q.pushBack(r)
	}
	m.m.waiting.add(m.now(), 1)
	m.m.listJoins++
	if !p.resume {
		pr := &m.p.profiles[p.profile]
		patience := pr.patience.Rand(m.rng.patience) * m.p.groups[p.group].patienceMul
		// Patience beyond the horizon never runs out: scheduling it would
		// only add an event to cancel.
		if t := m.now() + patience; t <= m.horizon() {
			p.renege = m.cal.Schedule(t, evRenege, id, 0)
		}
	}
}

// leaveList takes a person off the waiting list count; the queue entry goes
// stale and is skipped when reached.
func (m *Model) leaveList(id int32) {
	p := &m.pp.slots[id]
	m.m.waiting.add(m.now(), -1)
	m.m.listExit(m.now() - p.listSince)
}

func (m *Model) onRenege(id int32) {
	p := &m.pp.slots[id]
	if p.state != stWaiting {
		panic("sim: renege for a person not waiting")
	}
	m.leaveList(id)
	needs := 0
	for _, st := range p.need {
		if st == needPending {
			needs++
		}
	}
	m.m.renege(int(p.group), needs)
	m.finish(id, false)
}

// finish ends a person's time in the system. People whose needs stayed
// unmet may come back later (the revolving door).
func (m *Model) finish(id int32, allMet bool) {
	p := &m.pp.slots[id]
	profile, group := int(p.profile), int(p.group)
	m.m.finished++
	m.m.ended++
	m.pp.release(id)
	if allMet {
		m.m.personMet(m.p.profiles[profile].gpPerYear)
		return
	}
	// Drawn for everyone with unmet needs, so the stream stays aligned.
	if m.rng.rereferral.Float64() < m.cfg.Rereferral.Probability {
		d := m.p.reDelay.Rand(m.rng.rereferralDelay)
		m.m.rereferralsPending++
		m.cal.Schedule(m.now()+d, evRereferral, int32(profile), int32(group))
	}
}

// seedInitialState puts today's waiting list and caseloads in place.
func (m *Model) seedInitialState() {
	if len(m.cfg.Initial.People) > 0 {
		m.seedPeople(m.cfg.Initial.People)
		return
	}
	r := m.rng.initial
	for range m.cfg.Initial.Waiting {
		g := pick(m.p.groupCum, r.Float64())
		pr := pick(m.p.groups[g].profileCum, r.Float64())
		m.m.initial++
		id := m.newPerson(pr, g, false)
		m.join(id, false)
	}
	for range m.cfg.Initial.Active {
		g := pick(m.p.groupCum, r.Float64())
		pr := pick(m.p.groups[g].profileCum, r.Float64())
		m.m.initial++
		id := m.newPerson(pr, g, false)
		p := &m.pp.slots[id]
		p.attended = m.heldSoFar(p)
		p.held = p.attended
		p.start = m.now() // no referral date: see supportSoFar
		m.seatToday(id)
	}
}

// heldSoFar draws the sessions someone on today's caseload has held:
// part-way through an episode, fewer than they need and fewer than their
// support's limit, which they would otherwise have reached already.
func (m *Model) heldSoFar(p *person) int32 {
	return int32(m.rng.initial.IntN(min(int(p.needed), m.limits(p).MaxSessions)))
}
