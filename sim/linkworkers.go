package sim

import (
	"math"

	"github.com/spsim/spsim/sim/des"
)

// linkWorker is one funded post and, when filled, the person in it.
type linkWorker struct {
	role         int // index of params.roles
	funded       bool
	inPost       bool
	ramping      bool
	fte          float64
	caseload     int            // people on caseload, holding included
	onTrack      [maxTracks]int // of which on each support track
	complex      int            // of which with a complex profile
	held         int            // of which held for a community place
	hours        float64        // session hours this week
	cap          int            // caseload cap now, refreshed when the post changes
	sessionHours float64        // session hours a week in post now, refreshed with cap
	// strainPlaces is the caseload pressure counts against: the cap, or
	// with a sustainable caseload set, that caseload in the same
	// proportion (ramp-up and FTE included), refreshed with cap.
	strainPlaces float64
	trackCap     [maxTracks]int // of which each track may use
	recruit      des.Handle
	rampEnd      des.Handle
}

// capOf is the caseload cap of link worker i now (cached in lw.cap).
func (m *Model) capOf(i int) int { return m.lws[i].cap }

// refreshCaps recomputes every link worker's caps after a change of post.
func (m *Model) refreshCaps() {
	for i := range m.lws {
		m.refreshCap(i)
	}
	m.roomRebuild()
}

// refreshCap sets link worker i's cap and its tracks' shares of it.
func (m *Model) refreshCap(i int) {
	lw := &m.lws[i]
	lw.cap = m.computeCap(i)
	lw.sessionHours = m.computeSessionHours(i)
	lw.strainPlaces = float64(lw.cap) * m.p.roles[lw.role].pressureScale
	for t, tr := range m.p.tracks {
		lw.trackCap[t] = 0
		if tr.role == lw.role {
			lw.trackCap[t] = int(math.Floor(float64(lw.cap)*tr.share + 1e-9))
		}
	}
}

// computeCap is the caseload cap of link worker i: reduced while ramping up,
// zero when the post is empty.
func (m *Model) computeCap(i int) int {
	lw := &m.lws[i]
	if !lw.inPost {
		return 0
	}
	c := lw.fte * m.p.roles[lw.role].capPerFTE
	if lw.ramping {
		c *= m.cfg.Workforce.RampUpCapShare
	}
	// A small epsilon so that 0.8 FTE × 40 is 32 places, not 31.
	return int(math.Floor(c + 1e-9))
}

// sessionHoursAvailable is a link worker's contracted time for sessions in
// a week, after admin, networking and supervision (cached in
// lw.sessionHours).
func (m *Model) sessionHoursAvailable(i int) float64 { return m.lws[i].sessionHours }

// computeSessionHours is sessionHoursAvailable from the post and the
// scenario.
func (m *Model) computeSessionHours(i int) float64 {
	lw := &m.lws[i]
	if !lw.inPost {
		return 0
	}
	return lw.fte * SessionHoursPerFTE(&m.cfg.Workforce, m.p.roles[lw.role].supHours)
}

// SessionHoursPerFTE is a post's hours a week for sessions per FTE: the
// contract less admin and the role's supervision hours.
func SessionHoursPerFTE(w *Workforce, supervisionHours float64) float64 {
	return w.ContractedHoursPerWeek*(1-w.AdminShare) - supervisionHours
}

// free is the number of people link worker i can take on now on the given
// track. Under tiered support, short-term work may not use the share of
// places reserved for longer-term work.
func (m *Model) free(i, track int) int {
	lw := &m.lws[i]
	return min(lw.cap-lw.caseload, lw.trackCap[track]-lw.onTrack[track])
}

// allocate moves people from the waiting list onto caseloads while there is
// room: highest priority class first, first come first served within it.
// With nobody waiting (the waiting level counts the list's people) there is
// nothing to look for, as after most discharges of a team with room.
func (m *Model) allocate() {
	for m.m.waiting.v > 0 {
		id, lw := m.nextAllocation()
		if id < 0 {
			return
		}
		p := &m.pp.slots[id]
		m.cal.Cancel(p.renege)
		p.renege = des.Handle{}
		m.leaveList(id)
		m.startEpisode(id, lw, false)
	}
}

// nextAllocation pops the person to allocate next and their link worker, or
// returns -1 if nobody waiting can be taken on.
func (m *Model) nextAllocation() (int32, int) {
	for class := range m.p.classes {
		bestTrack, bestLW := -1, -1
		var bestSince float64
		for track := range m.p.tracks {
			q := &m.queue[track][class]
			if q.len() == 0 {
				continue
			}
			// Room before the list's stale entries: with a queue, most
			// often nobody has room, and they can wait until somebody does.
			lw := m.roomFor(track)
			if lw < 0 {
				continue
			}
			if m.dropStale(q); q.len() == 0 {
				continue
			}
			since := m.pp.slots[q.front().id].listSince
			if bestTrack < 0 || since < bestSince {
				bestTrack, bestLW, bestSince = track, lw, since
			}
		}
		if bestTrack >= 0 {
			return m.queue[bestTrack][class].popFront().id, bestLW
		}
	}
	return -1, -1
}

// dropStale removes entries for people who have left the list.
func (m *Model) dropStale(q *deque[ref]) {
	for q.len() > 0 {
		r := q.front()
		p := &m.pp.slots[r.id]
		if p.gen == r.gen && p.state == stWaiting {
			return
		}
		q.popFront()
	}
}

// startEpisode puts a person on link worker lw's caseload.
func (m *Model) startEpisode(id int32, lw int, partWay bool) {
	p := &m.pp.slots[id]
	pr := &m.p.profiles[p.profile]
	p.state = stActive
	p.lw = int32(lw)
	p.caseSince = m.now()
	w := &m.lws[lw]
	w.caseload++
	w.onTrack[p.track]++
	if pr.complex {
		w.complex++
	}
	m.roomChanged(lw)
	m.m.caseload.add(m.now(), 1)
	if m.m.roleCaseload != nil {
		m.m.roleCaseload[w.role].add(m.now(), 1)
	}
	m.m.caseEntries++
	switch {
	case p.resume:
		// Handed over mid-episode: the new link worker sees them now.
		p.resume = false
		if p.handedOn {
			// From another role: its episode starts now, and the second
			// wait is counted, as the first contact's wait leaves it out.
			p.handedOn, p.start = false, m.now()
			m.m.handoverWaitSum += m.now() - p.listSince
			m.m.handoversSeen++
		}
		m.holdSession(id)
	case partWay:
		// Today's caseload: their support began before the run, when the
		// seeding says (p.start), and their week limit counts from then.
		m.referOn(id)
		m.scheduleSession(id)
	default:
		p.start = m.now()
		m.m.firstContact(int(p.group), int(p.profile), m.now()-p.arrival, m.now())
		m.chargeSession(lw, m.cfg.Support.FirstSessionMinutes)
		p.attended, p.held = 1, 1
		m.referOn(id)
		m.scheduleSession(id)
	}
}

// scheduleSession schedules the next session, or, where it would fall
// after the support model's week limit, the limit itself: support lasts
// at most its weeks ("at most N sessions over at most W weeks"), not until
// the first session after them.
func (m *Model) scheduleSession(id int32) {
	p := &m.pp.slots[id]
	t := m.now() + m.p.interval.Rand(m.rng.interval)
	if end := p.start + m.limits(p).MaxWeeks; t > end {
		t = max(end, m.now())
	}
	p.next = m.cal.Schedule(t, evSessionDue, id, 0)
}

func (m *Model) chargeSession(lw int, minutes float64) {
	h := minutes / 60
	m.lws[lw].hours += h
	m.m.sessionHours += h
}

// chargeAssessment books an inappropriate referral's assessment to the
// link worker with the least session time this week.
func (m *Model) chargeAssessment(hours float64) {
	best := -1
	for i := range m.lws {
		if m.lws[i].inPost && (best < 0 || m.lws[i].hours < m.lws[best].hours) {
			best = i
		}
	}
	if best >= 0 {
		m.chargeSession(best, hours*60)
	}
}

// limits are the support model's bounds for a person's track.
func (m *Model) limits(p *person) Limits { return m.p.tracks[p.track].limits }

// onSessionDue ends the interval after a session: either the next session
// happens or support ends.
func (m *Model) onSessionDue(id int32) {
	p := &m.pp.slots[id]
	p.next = des.Handle{}
	if p.attended >= p.needed {
		m.endSupport(id)
		return
	}
	lim := m.limits(p)
	// The same tolerance as the holding limit: sessions at whole-week
	// intervals add up to 11.999999 weeks, which must count as 12.
	if int(p.held) >= lim.MaxSessions || m.now()-p.start >= lim.MaxWeeks-1e-9 {
		if t := m.p.handoverTrack(int(p.track), int(p.profile)); t >= 0 {
			m.handOn(id, t)
			return
		}
		// The support model's limits end the episode before the person's
		// needs are met: the short-term tension the research describes.
		p.supportIncomplete = true
		m.m.limitReached(int(p.group), int(p.profile))
		m.endSupport(id)
		return
	}
	m.holdSession(id)
}

// holdSession holds one follow-up session now and schedules the next.
func (m *Model) holdSession(id int32) {
	p := &m.pp.slots[id]
	pr := &m.p.profiles[p.profile]
	m.chargeSession(int(p.lw), m.cfg.Support.FollowupMinutes)
	p.held++
	if m.p.anyDNA && m.rng.dna.Float64() < pr.dna {
		m.m.dna++
		p.dnaRun++
		if d := m.cfg.Support.DropoutAfterDNAs; d > 0 && int(p.dnaRun) >= d {
			p.supportIncomplete = true
			m.m.dropouts++
			m.endSupport(id)
			return
		}
	} else {
		p.dnaRun = 0
		p.attended++
	}
	m.scheduleSession(id)
}

// endSupport ends the link-worker sessions. Someone still waiting for a
// community place is held on caseload if the policy allows; otherwise
// their waiting needs go unmet and they are discharged.
func (m *Model) endSupport(id int32) {
	p := &m.pp.slots[id]
	if m.waitlistedNeeds(p) > 0 && m.holding {
		p.state = stHolding
		p.holdSince = m.now()
		m.lws[p.lw].held++
		m.m.holding.add(m.now(), 1)
		m.scheduleHoldCheck(id)
		return
	}
	m.withdrawWaitlisted(id)
	m.discharge(id)
}

func (m *Model) scheduleHoldCheck(id int32) {
	p := &m.pp.slots[id]
	h := &m.cfg.Holding
	t := min(m.now()+h.CheckinIntervalWeeks, p.holdSince+h.MaxWeeks)
	p.next = m.cal.Schedule(t, evHoldCheck, id, 0)
}

// onHoldCheck is a check-in with a held person, or the end of holding when
// the limit is reached.
func (m *Model) onHoldCheck(id int32) {
	p := &m.pp.slots[id]
	p.next = des.Handle{}
	if m.now()-p.holdSince >= m.cfg.Holding.MaxWeeks-1e-9 || !m.holding {
		m.withdrawWaitlisted(id)
		m.discharge(id)
		return
	}
	m.chargeSession(int(p.lw), m.cfg.Holding.CheckinMinutes)
	m.scheduleHoldCheck(id)
}

// discharge takes a person off their link worker's caseload. They stay in
// the system while still engaged with a community service.
func (m *Model) discharge(id int32) {
	p := &m.pp.slots[id]
	if p.state == stHolding {
		m.m.holding.add(m.now(), -1)
	}
	if m.m.role != nil {
		m.m.role[m.lws[p.lw].role].episodes++
	}
	m.offCaseload(id)
	m.m.episodeCompleted(int(p.group), int(p.profile), m.now()-p.start, float64(p.attended-p.attendedBefore))
	p.state = stDischarged
	if p.open == 0 {
		m.conclude(id)
	}
	m.allocate()
}

// offCaseload removes a person from their link worker's counts.
func (m *Model) offCaseload(id int32) {
	p := &m.pp.slots[id]
	w := &m.lws[p.lw]
	w.caseload--
	w.onTrack[p.track]--
	if p.state == stHolding {
		w.held--
	}
	if m.p.profiles[p.profile].complex {
		w.complex--
	}
	m.roomChanged(int(p.lw))
	p.lw = -1
	m.m.caseload.add(m.now(), -1)
	if m.m.roleCaseload != nil {
		m.m.roleCaseload[w.role].add(m.now(), -1)
	}
	m.m.caseExit(m.now() - p.caseSince)
}

// conclude records a discharged person's outcome once every community need
// is resolved.
func (m *Model) conclude(id int32) {
	p := &m.pp.slots[id]
	allMet := !p.supportIncomplete
	for _, s := range m.needs(p) {
		if s == needUnmet {
			allMet = false
		}
	}
	m.m.concluded(int(p.profile), allMet)
	m.finish(id, allMet)
}

// handOn passes a person whose support on their track has reached its
// limits to the waiting list of the role that takes over (track t): for
// example a care navigator passing someone who needs more to a link worker.
// The new episode continues the old: sessions count on, and the person
// does not give up waiting for it.
func (m *Model) handOn(id int32, t int) {
	p := &m.pp.slots[id]
	m.offCaseload(id)
	p.track = uint8(t)
	p.held, p.resume, p.handedOn = 0, true, true
	p.attendedBefore = p.attended // this episode's contacts count from here, as its weeks do
	m.m.roleHandovers++
	m.join(id, false)
	m.allocate()
}
