package sim

import "github.com/spsim/spsim/sim/des"

// service is the state of one community (VCSE) service.
type service struct {
	open     bool
	places   int
	grant    float64 // per place a year; 0 when unfunded
	occupied int
	waiting  int
	queue    deque[needRef]
	// The service's own places, people in places, places filled and
	// waiting list over time, and the referrals it refused this week: its
	// weekly columns.
	placesLevel, occupiedLevel, filledLevel, waitingLevel level
	refused                                               float64
}

// needRef is a place on a service's waiting list: one need of one person.
type needRef struct {
	id  int32
	gen uint32
	cat int16
}

// costPerWeek is what the service's grants cost this week: its places
// priced at its grant per place.
func (sv *service) costPerWeek() float64 {
	if !sv.open {
		return 0
	}
	return float64(sv.places) * sv.grant / 52
}

func newServices(ps []serviceParams) []service {
	s := make([]service, len(ps))
	for i, p := range ps {
		s[i] = service{open: true, places: p.places, grant: p.grant, placesLevel: level{v: float64(p.places)}}
	}
	return s
}

// referOn refers a person to a community service for each pending need.
func (m *Model) referOn(id int32) {
	p := &m.pp.slots[id]
	for c := range m.needs(p) {
		if p.need[c] == needPending {
			m.referNeed(id, c)
		}
	}
}

// referNeed sends one need to the best open service for its category: one
// with a free place, else the shortest waiting list, else any (which
// refuses). Acceptance is drawn for every referral so the stream stays
// aligned across scenarios.
func (m *Model) referNeed(id int32, c int) {
	p := &m.pp.slots[id]
	s := m.chooseService(c)
	u := m.rng.serviceAccept.Float64()
	m.m.vcseReferrals++
	if s < 0 {
		m.m.vcseRefused++
		p.need[c] = needUnmet
		m.m.needUnmet(int(p.group))
		return
	}
	if u >= m.p.services[s].accept*m.p.groups[p.group].acceptMul[s] {
		m.m.vcseDeclined++
		p.need[c] = needUnmet
		m.m.needUnmet(int(p.group))
		return
	}
	sv := &m.svcs[s]
	p.needSvc[c] = int16(s)
	// Accepted: taken on, at once or onto the list. A referral refused
	// because the service is full is not: referrals are accepted,
	// declined or refused, each once.
	switch {
	case sv.occupied < sv.places:
		m.m.vcseAccepted++
		p.open++
		m.engage(id, c, s)
	case m.p.services[s].waitlist:
		m.m.vcseAccepted++
		m.m.vcseWaitlisted++
		p.open++
		p.need[c] = needWaitlisted
		sv.waiting++
		sv.waitingLevel.add(m.now(), 1)
		m.m.vcseWaiting.add(m.now(), 1)
		sv.queue.pushBack(needRef{id: id, gen: p.gen, cat: int16(c)})
		patience := m.p.services[s].patience.Rand(m.rng.servicePatience) * m.p.groups[p.group].patienceMul
		if t := m.now() + patience; t <= m.horizon() {
			p.needEvent[c] = m.cal.Schedule(t, evServicePatience, id, int32(c))
		}
	default:
		m.m.vcseRefused++
		sv.refused++
		p.need[c] = needUnmet
		m.m.needUnmet(int(p.group))
	}
}

func (m *Model) chooseService(c int) int {
	best, bestFree := -1, 0
	for _, s := range m.p.catSvcs[c] {
		sv := &m.svcs[s]
		if sv.open && sv.places-sv.occupied > bestFree {
			best, bestFree = s, sv.places-sv.occupied
		}
	}
	if best >= 0 {
		return best
	}
	for _, s := range m.p.catSvcs[c] {
		sv := &m.svcs[s]
		if sv.open && m.p.services[s].waitlist && (best < 0 || sv.waiting < m.svcs[best].waiting) {
			best = s
		}
	}
	if best >= 0 {
		return best
	}
	for _, s := range m.p.catSvcs[c] {
		if m.svcs[s].open {
			return s
		}
	}
	return -1
}

// engage starts a person's engagement with service s for need c.
func (m *Model) engage(id int32, c, s int) {
	p := &m.pp.slots[id]
	sv := &m.svcs[s]
	sv.occupied++
	sv.occupiedLevel.add(m.now(), 1)
	m.m.vcseOccupied.add(m.now(), 1)
	m.placesFilled(s)
	p.need[c] = needEngaged
	p.needSvc[c] = int16(s)
	d := m.p.services[s].engagement.Rand(m.rng.engagement)
	p.needEvent[c] = m.cal.Schedule(m.now()+d, evEngagementEnd, id, int32(c))
}

func (m *Model) onEngagementEnd(id int32, c int) {
	p := &m.pp.slots[id]
	s := int(p.needSvc[c])
	p.needEvent[c] = des.Handle{}
	m.svcs[s].occupied--
	m.svcs[s].occupiedLevel.add(m.now(), -1)
	m.m.vcseOccupied.add(m.now(), -1)
	m.placesFilled(s)
	if m.rng.completion.Float64() < m.p.services[s].complete {
		p.need[c] = needMet
		m.m.needMet(int(p.group))
	} else {
		p.need[c] = needUnmet
		m.m.needUnmet(int(p.group))
	}
	p.open--
	m.fillPlaces(s)
	m.needResolved(id)
}

func (m *Model) onServicePatience(id int32, c int) {
	p := &m.pp.slots[id]
	p.needEvent[c] = des.Handle{}
	m.m.vcseGaveUp++
	m.unwait(id, c, needUnmet)
	m.needResolved(id)
}

// unwait takes need c of a person off its service's waiting list.
func (m *Model) unwait(id int32, c int, to needState) {
	p := &m.pp.slots[id]
	sv := &m.svcs[p.needSvc[c]]
	sv.waiting--
	sv.waitingLevel.add(m.now(), -1)
	m.m.vcseWaiting.add(m.now(), -1)
	p.need[c] = to
	p.open--
	if to == needUnmet {
		m.m.needUnmet(int(p.group))
	}
}

// withdrawWaitlisted ends every community wait of a person, needs unmet.
func (m *Model) withdrawWaitlisted(id int32) {
	p := &m.pp.slots[id]
	for c := range m.needs(p) {
		if p.need[c] == needWaitlisted {
			m.cal.Cancel(p.needEvent[c])
			p.needEvent[c] = des.Handle{}
			m.unwait(id, c, needUnmet)
		}
	}
}

func (m *Model) waitlistedNeeds(p *person) int {
	n := 0
	for _, s := range m.needs(p) {
		if s == needWaitlisted {
			n++
		}
	}
	return n
}

// fillPlaces moves people from service s's waiting list into free places.
func (m *Model) fillPlaces(s int) {
	sv := &m.svcs[s]
	for sv.open && sv.occupied < sv.places && sv.queue.len() > 0 {
		r := sv.queue.popFront()
		p := &m.pp.slots[r.id]
		c := int(r.cat)
		if p.gen != r.gen || p.need[c] != needWaitlisted || int(p.needSvc[c]) != s {
			continue // gave up or withdrawn: a stale entry
		}
		m.cal.Cancel(p.needEvent[c])
		sv.waiting--
		sv.waitingLevel.add(m.now(), -1)
		m.m.vcseWaiting.add(m.now(), -1)
		m.engage(r.id, c, s)
		m.needResolved(r.id)
	}
}

// needResolved lets a held person go once nothing is left to wait for, and
// concludes a discharged person once every engagement has ended.
func (m *Model) needResolved(id int32) {
	p := &m.pp.slots[id]
	switch p.state {
	case stHolding:
		if m.waitlistedNeeds(p) == 0 {
			m.cal.Cancel(p.next)
			p.next = des.Handle{}
			m.discharge(id)
		}
	case stDischarged:
		if p.open == 0 {
			m.conclude(id)
		}
	}
}

// closeService shuts service s: its waiting list and engagements end with
// needs unmet. Closures are rare, so scanning everyone is fine.
func (m *Model) closeService(s int) {
	sv := &m.svcs[s]
	sv.open = false
	m.m.vcseClosures++
	for id := range m.pp.slots {
		p := &m.pp.slots[id]
		if p.state == stFree {
			continue
		}
		touched := false
		for c := range m.needs(p) {
			if int(p.needSvc[c]) != s {
				continue
			}
			switch p.need[c] {
			case needWaitlisted:
				m.cal.Cancel(p.needEvent[c])
				p.needEvent[c] = des.Handle{}
				m.unwait(int32(id), c, needUnmet)
				touched = true
			case needEngaged:
				m.cal.Cancel(p.needEvent[c])
				p.needEvent[c] = des.Handle{}
				sv.occupied--
				sv.occupiedLevel.add(m.now(), -1)
				m.m.vcseOccupied.add(m.now(), -1)
				p.need[c] = needUnmet
				p.open--
				m.m.needUnmet(int(p.group))
				touched = true
			}
		}
		if touched {
			m.needResolved(int32(id))
		}
	}
	sv.queue = deque[needRef]{}
	m.placesFilled(s)
}

// placesFilled brings service s's filled places up to date: the people in
// its places, but never more than its places. After a timeline cut the
// people in the places it removed finish their engagements; they are
// counted as attending (occupied), not as filling places that are gone, so
// that occupancy is never above 100%. Without a cut the two move together,
// add for add. A closed service has nobody in its places, so fills none.
func (m *Model) placesFilled(s int) {
	sv := &m.svcs[s]
	if d := float64(min(sv.occupied, sv.places)) - sv.filledLevel.v; d != 0 {
		sv.filledLevel.add(m.now(), d)
		m.m.vcseFilled.add(m.now(), d)
	}
}
