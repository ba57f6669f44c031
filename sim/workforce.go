package sim

import (
	"math"

	"github.com/spsim/spsim/sim/des"
)

// addPost creates a funded post, filled at once (the starting team, whose
// capacity the caller then records) or recruited to.
func (m *Model) addPost(filled bool, role int) {
	m.lws = append(m.lws, linkWorker{funded: true, fte: m.p.roles[role].fte, role: role})
	i := len(m.lws) - 1
	if filled {
		m.lws[i].inPost = true // the caller updates capacity
		return
	}
	m.recruit(i)
}

// recruit starts filling vacant post i.
func (m *Model) recruit(i int) {
	d := m.p.recruit.Rand(m.rng.recruitment)
	m.m.costRecruitment += m.cfg.Costs.RecruitmentCost
	m.lws[i].recruit = m.cal.Schedule(m.now()+d, evPostFilled, int32(i), 0)
}

// onPostFilled is a new starter's first day: they ramp up at a reduced cap.
func (m *Model) onPostFilled(i int) {
	lw := &m.lws[i]
	lw.recruit = des.Handle{}
	lw.inPost = true
	if m.cfg.Workforce.RampUpWeeks > 0 {
		lw.ramping = true
		lw.rampEnd = m.cal.Schedule(m.now()+m.cfg.Workforce.RampUpWeeks, evRampEnd, int32(i), 0)
	}
	m.m.postChanged(m, i)
	m.allocate()
}

func (m *Model) onRampEnd(i int) {
	m.lws[i].ramping = false
	m.lws[i].rampEnd = des.Handle{}
	m.m.postChanged(m, i)
	m.allocate()
}

// pressure is how strained link worker i is, from what strains link
// workers in the research (docs/model.md): caseload pushed past what they
// can sustain (the cap, or workforce.sustainable_caseload_per_fte) and
// session hours beyond contract last week (weight 1 each); complex cases
// and people held on caseload for a community place, each per sustainable
// place of their own; and people waiting for the team, as a share
// of those waiting or on the team's caseload places (so a long list weighs
// up to 1, however few link workers are left).
func (m *Model) pressure(i int, waitTerm float64) float64 {
	lw := &m.lws[i]
	w := &m.cfg.Workforce
	pr := 0.0
	// Over the sustainable caseload and over contract are tested before
	// dividing: most weeks most posts are neither, and the divisions are
	// then skipped. The result is the same to the bit: a/b-1 is positive
	// just when a > b.
	if cp := lw.strainPlaces; cp > 0 {
		if c := float64(lw.caseload); c > cp {
			pr += c/cp - 1
		}
		// A term of weight 0 adds exactly 0: skipping it changes nothing.
		if w.ComplexPressureWeight != 0 {
			pr += w.ComplexPressureWeight * float64(lw.complex) / cp
		}
		if w.HoldingPressureWeight != 0 {
			pr += w.HoldingPressureWeight * float64(lw.held) / cp
		}
	}
	if h := lw.sessionHours; h > 0 && lw.hours > h {
		pr += lw.hours/h - 1
	}
	return pr + waitTerm
}

// waitingPressure is pressure's term for the people waiting, the same for
// every link worker in a week.
func (m *Model) waitingPressure() float64 {
	if waiting := m.m.waiting.v; waiting > 0 {
		return m.cfg.Workforce.WaitingPressureWeight * waiting / (waiting + m.m.places.v)
	}
	return 0
}

// weeklyTurnover lets each link worker in post leave with a weekly
// probability from a yearly hazard that rises with pressure and falls with
// its role's supervision: hazard = base × (1 − the reduction) × exp(sensitivity × pressure).
func (m *Model) weeklyTurnover() {
	w := &m.cfg.Workforce
	var sum float64
	n := 0
	waitTerm := m.waitingPressure() // the same for every post until one leaves
	for i := range m.lws {
		// One draw per post per week, filled or not, keeps the stream
		// aligned across scenarios with the same posts.
		var u float64
		if m.p.anyLeaving {
			u = m.rng.leaving.Float64()
		}
		if !m.lws[i].inPost {
			continue
		}
		pr := m.pressure(i, waitTerm)
		sum += pr
		n++
		var rw *roleFlows
		if m.m.role != nil {
			rw = &m.m.role[m.lws[i].role]
			rw.pressureSum += pr
			rw.assessed++
		}
		base := m.p.roles[m.lws[i].role].hazard // after its supervision
		if base == 0 {
			continue
		}
		hazard := base * math.Exp(w.PressureSensitivity*pr)
		if u < 1-math.Exp(-hazard/52) {
			m.m.leavers++
			if rw != nil {
				rw.leavers++
			}
			m.vacate(i)
			if m.lws[i].funded {
				m.recruit(i)
			}
			// The caseload handed back to the list weighs on the rest.
			waitTerm = m.waitingPressure()
		}
	}
	m.m.pressureSum += sum
	m.m.lwAssessed += float64(n)
}

// vacate empties post i and hands its caseload over: to colleagues with
// room, or back to the front of the waiting list, with extra sessions for
// the disruption.
func (m *Model) vacate(i int) {
	lw := &m.lws[i]
	lw.inPost = false
	lw.ramping = false
	m.cal.Cancel(lw.rampEnd)
	lw.rampEnd = des.Handle{}
	m.m.postChanged(m, i)
	if lw.caseload == 0 {
		return
	}
	extra := int32(m.cfg.Workforce.HandoverExtraSessions)
	toColleagues := m.p.toColleagues
	for id := range m.pp.slots {
		p := &m.pp.slots[id]
		if p.lw != int32(i) || (p.state != stActive && p.state != stHolding) {
			continue
		}
		p.needed += extra
		if toColleagues {
			if j := m.roomFor(int(p.track)); j >= 0 {
				m.moveCaseload(int32(id), i, j)
				continue
			}
		}
		// Back to the list: the episode resumes when someone is free.
		m.cal.Cancel(p.next)
		p.next = des.Handle{}
		if p.state == stHolding {
			m.m.holding.add(m.now(), -1)
		}
		m.offCaseload(int32(id))
		p.resume = true
		m.join(int32(id), true)
	}
	m.allocate()
}

// moveCaseload hands person id from link worker a to b.
func (m *Model) moveCaseload(id int32, a, b int) {
	p := &m.pp.slots[id]
	complex := m.p.profiles[p.profile].complex
	for _, k := range [2]int{a, b} {
		d := 1
		if k == a {
			d = -1
		}
		w := &m.lws[k]
		w.caseload += d
		w.onTrack[p.track] += d
		if p.state == stHolding {
			w.held += d
		}
		if complex {
			w.complex += d
		}
	}
	m.roomChanged(a)
	m.roomChanged(b)
	p.lw = int32(b)
	m.m.handedOver++
}

// setPosts changes the number of funded posts. Posts end vacant ones first,
// then the most recently created; their caseloads are handed over.
func (m *Model) setPosts(n int) {
	for m.posts < n {
		m.posts++
		m.addPost(false, 0)
	}
	for i := len(m.lws) - 1; i >= 0 && m.posts > n; i-- {
		lw := &m.lws[i]
		if lw.funded && !lw.inPost && lw.role == 0 {
			lw.funded = false
			m.cal.Cancel(lw.recruit)
			lw.recruit = des.Handle{}
			m.posts--
		}
	}
	for i := len(m.lws) - 1; i >= 0 && m.posts > n; i-- {
		lw := &m.lws[i]
		if lw.funded && lw.role == 0 {
			lw.funded = false
			m.posts--
			m.m.postsEnded++
			m.vacate(i)
		}
	}
}
