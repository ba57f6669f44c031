package sim

import "github.com/spsim/spsim/scenarios"

// InitialPerson is one person in today's state (see package scenarios).
type InitialPerson = scenarios.InitialPerson

// Statuses of a person in today's state.
const (
	StatusWaiting = scenarios.StatusWaiting
	StatusActive  = scenarios.StatusActive
)

// seedPeople puts today's waiting list and caseloads in place from a list
// of people: the waiting first, then the active, each in list order. The
// draws are those of seeding from counts (group, profile and, on a
// caseload, sessions held are drawn for everyone, then replaced by what the
// list gives), so a list without details is exactly the same state as the
// same counts.
func (m *Model) seedPeople(people []InitialPerson) {
	r := m.rng.initial
	for _, ip := range people {
		if ip.Status != StatusWaiting {
			continue
		}
		id := m.initialPerson(ip, r.Float64(), r.Float64())
		m.pp.slots[id].arrival = -ip.AgeWeeks
		m.join(id, false)
	}
	for _, ip := range people {
		if ip.Status != StatusActive {
			continue
		}
		id := m.initialPerson(ip, r.Float64(), r.Float64())
		p := &m.pp.slots[id]
		p.arrival = -ip.AgeWeeks
		p.attended = m.heldSoFar(p)
		if ip.Sessions != nil {
			p.attended = int32(*ip.Sessions)
			// Someone on a caseload still has a session to come.
			p.needed = max(p.needed, p.attended+1)
		}
		if ip.AwaitingPlace {
			p.attended = p.needed
			m.ensureNeed(id)
		}
		p.held = p.attended
		p.start = m.now() - m.supportSoFar(p, ip.AgeWeeks)
		m.seatToday(id)
	}
}

// supportSoFar is how long someone on today's caseload has been supported,
// so that their week limit counts from when their support began, as their
// sessions so far count against the session limit. An extract gives the
// referral date, not the first contact's: their support is taken to have
// run as long as their sessions so far take at the mean session interval
// (the first, then an interval before each other), never from before
// their referral (ageWeeks ago), when nobody is seen. Today's counts give
// no referral dates and are referred at the run's start (their age is 0),
// so their weeks start there, as they did before.
func (m *Model) supportSoFar(p *person, ageWeeks float64) float64 {
	return min(ageWeeks, float64(max(p.held-1, 0))*m.p.interval.Mean())
}

// seatToday puts a person on today's caseloads on the link worker with
// most room on their track. With no room on it (fewer posts than today's
// caseloads fill, or a tiered reserve or whole-number caps that leave the
// track full), the person is handed back to the list: no caseload ever
// starts past its cap (the run checks it).
func (m *Model) seatToday(id int32) {
	lw := m.roomFor(int(m.pp.slots[id].track))
	if lw < 0 {
		m.handBack(id)
		return
	}
	m.startEpisode(id, lw, true)
}

// handBack puts a person on today's caseloads beyond the team's places
// at the front of the waiting list, as a leaver's caseload is handed back:
// their episode resumes when a link worker is free. Their needs are
// referred on now, as those of the people who keep a place are: they were
// part-way through an episode.
func (m *Model) handBack(id int32) {
	m.pp.slots[id].resume = true
	m.join(id, true)
	m.referOn(id)
}

// initialPerson creates a person of the listed group and profile, or of
// those drawn from u1 and u2 as for a new referral.
func (m *Model) initialPerson(ip InitialPerson, u1, u2 float64) int32 {
	g := pick(m.p.groupCum, u1)
	if ip.Group != "" {
		g = m.groupIndex(ip.Group)
	}
	pr := pick(m.p.groups[g].profileCum, u2)
	if ip.Profile != "" {
		pr = m.profileIndex(ip.Profile)
	}
	m.m.initial++
	return m.newPerson(pr, g, false)
}

// ensureNeed gives a person waiting for a community place at least one
// community need: their profile's likeliest.
func (m *Model) ensureNeed(id int32) {
	p := &m.pp.slots[id]
	for _, n := range m.p.profiles[p.profile].needs {
		if p.need[n.cat] == needPending {
			return
		}
	}
	best := -1
	for i, n := range m.p.profiles[p.profile].needs {
		if best < 0 || n.p > m.p.profiles[p.profile].needs[best].p {
			best = i
		}
	}
	if best >= 0 {
		p.need[m.p.profiles[p.profile].needs[best].cat] = needPending
	}
}

func (m *Model) groupIndex(name string) int {
	for i, g := range m.p.groups {
		if g.name == name {
			return i
		}
	}
	panic("sim: initial person of unknown group " + name + " (the loader checks names)")
}

func (m *Model) profileIndex(name string) int {
	for i, p := range m.p.profiles {
		if p.name == name {
			return i
		}
	}
	panic("sim: initial person of unknown profile " + name + " (the loader checks names)")
}
