package sim

import "math"

// level is a quantity whose time integral (area) is needed: waiting list,
// caseload, places. The area is collected week by week.
type level struct{ v, last, area float64 }

func (l *level) add(now, d float64) {
	l.area += l.v * (now - l.last)
	l.last = now
	l.v += d
}

func (l *level) set(now, v float64) { l.add(now, v-l.v) }

// take returns the area since the last take.
func (l *level) take(now float64) float64 {
	l.add(now, 0)
	a := l.area
	l.area = 0
	return a
}

// flows are the counts of one week; they are zeroed when the week closes.
type flows struct {
	referrals, rereferrals, inappropriate, firstContacts, waitSum, reneged,
	episodes, limitReached, dna, dropouts, listJoins,
	vcseReferrals, vcseAccepted, vcseDeclined, vcseWaitlisted, vcseRefused,
	vcseGaveUp, vcseClosures, needsMet, needsUnmet, peopleMet, gpAvoided,
	leavers, postsEnded, handedOver, sessionHours, costRecruitment,
	pressureSum, lwAssessed float64
	listExits, listSojourn, caseEntries, caseExits, caseSojourn float64
	group                                                       []groupFlows
	profile                                                     []profileFlows
}

type profileFlows struct {
	episodes, limitReached, concluded, allMet float64
}

type groupFlows struct {
	referrals, firstContacts, waitSum, reneged, episodes, limitReached,
	needsMet, needsUnmet float64
}

// metrics collects a replication's weekly table as it goes, so memory does
// not grow with the number of people ever referred.
type metrics struct {
	flows
	waiting, caseload, holding, places, hoursCap, fte, vacant,
	vcseOccupied, vcseWaiting, vcsePlaces level

	// Totals since the start, for the conservation check.
	initial, referred, closedInappropriate, finished int64
	rereferralsPending                               int64

	warmup           float64
	waits            *Histogram // first-contact waits after the warm-up
	columns          []Column
	rows             [][]float64
	row              []float64
	naming           bool
	done             bool
	lwCostPerFTEWeek float64
	gpEffect         float64 // GP appointments avoided per appointment a year at baseline
	gnames, pnames   [][]string
	flat             []float64 // backing store of rows: one allocation for the run
}

func (mt *metrics) init(m *Model) {
	mt.group = make([]groupFlows, len(m.p.groups))
	mt.profile = make([]profileFlows, len(m.p.profiles))
	mt.warmup = float64(m.cfg.Run.WarmupWeeks)
	// Waits are binned by the day up to ten years: fixed memory, and
	// quantiles within a day of the exact ones.
	if mt.waits == nil {
		mt.waits = NewHistogram(1.0/7, 520)
	}
	if cap(mt.rows) < m.cfg.Run.HorizonWeeks {
		mt.rows = make([][]float64, 0, m.cfg.Run.HorizonWeeks)
	}
	c := &m.cfg.Costs
	mt.lwCostPerFTEWeek = c.SalaryPerFTEYear * (1 + c.OnCostShare) / 52
	o := &m.cfg.Outcomes
	mt.gpEffect = o.GPEffectSize * o.GPEffectDurationWeeks / 52
	total := 0
	for _, s := range m.p.services {
		total += s.places
	}
	mt.vcsePlaces.set(0, float64(total))
	mt.naming = true
	mt.writeRow(m, 0, 0)
	mt.naming = false
}

func (mt *metrics) referral(g int, rereferral bool) {
	mt.referred++
	mt.referrals++
	mt.group[g].referrals++
	if rereferral {
		mt.rereferrals++
	}
}

func (mt *metrics) firstContact(g int, wait, now float64) {
	mt.firstContacts++
	mt.waitSum += wait
	mt.group[g].firstContacts++
	mt.group[g].waitSum += wait
	if now >= mt.warmup {
		mt.waits.Add(wait)
	}
}

func (mt *metrics) renege(g int) {
	mt.reneged++
	mt.group[g].reneged++
}

func (mt *metrics) listExit(sojourn float64) {
	mt.listExits++
	mt.listSojourn += sojourn
}

func (mt *metrics) caseExit(sojourn float64) {
	mt.caseExits++
	mt.caseSojourn += sojourn
}

func (mt *metrics) limitReached(g, pr int) {
	mt.flows.limitReached++
	mt.group[g].limitReached++
	mt.profile[pr].limitReached++
}

func (mt *metrics) episodeCompleted(g, pr int) {
	mt.episodes++
	mt.group[g].episodes++
	mt.profile[pr].episodes++
}

// concluded records the outcome of a person who was supported.
func (mt *metrics) concluded(pr int, allMet bool) {
	mt.profile[pr].concluded++
	if allMet {
		mt.profile[pr].allMet++
	}
}

func (mt *metrics) needMet(g int) {
	mt.needsMet++
	mt.group[g].needsMet++
}

func (mt *metrics) needUnmet(g int) {
	mt.needsUnmet++
	mt.group[g].needsUnmet++
}

// personMet records someone whose needs were all met, and the GP
// appointments the assumed effect size says they will not need.
func (mt *metrics) personMet(gpPerYear float64) {
	mt.peopleMet++
	mt.gpAvoided += gpPerYear * mt.gpEffect
}

// capacityChanged re-reads the link workers' places, hours and FTE.
func (mt *metrics) capacityChanged(m *Model) {
	m.refreshCaps()
	var places, hours, fte, vacant float64
	for i := range m.lws {
		lw := &m.lws[i]
		places += float64(m.capOf(i))
		hours += m.sessionHoursAvailable(i)
		if lw.inPost {
			fte += lw.fte
		} else if lw.funded {
			vacant++
		}
	}
	t := m.now()
	mt.places.set(t, places)
	mt.hoursCap.set(t, hours)
	mt.fte.set(t, fte)
	mt.vacant.set(t, vacant)
}

// closeWeek appends the row for week w (the interval [w, w+1)).
func (mt *metrics) closeWeek(m *Model, w int) {
	mt.row = mt.row[:0]
	mt.writeRow(m, w, m.now())
	n := len(mt.flat)
	if n+len(mt.row) > cap(mt.flat) {
		mt.flat = make([]float64, 0, max(len(mt.row)*(cap(mt.rows)-len(mt.rows)), len(mt.row)))
		n = 0
	}
	mt.flat = append(mt.flat, mt.row...)
	mt.rows = append(mt.rows, mt.flat[n:n+len(mt.row):n+len(mt.row)])
	clear(mt.group)
	clear(mt.profile)
	mt.flows = flows{group: mt.group, profile: mt.profile}
}

// put adds one column: its name and unit the first time, its value always.
func (mt *metrics) put(name, unit string, v float64) {
	if mt.naming {
		mt.columns = append(mt.columns, Column{Name: name, Unit: unit})
	}
	mt.row = append(mt.row, v)
}

// writeRow defines the weekly table: every column, in order.
func (mt *metrics) writeRow(m *Model, w int, now float64) {
	waitArea := mt.waiting.take(now)
	caseArea := mt.caseload.take(now)
	placesArea := mt.places.take(now)
	fteArea := mt.fte.take(now)
	hoursCap := mt.hoursCap.take(now)
	vcsePlacesArea := mt.vcsePlaces.take(now)
	vcseOccArea := mt.vcseOccupied.take(now)
	costLW := fteArea * mt.lwCostPerFTEWeek
	costVCSE := 0.0
	for s := range m.svcs {
		if m.svcs[s].open {
			costVCSE += m.svcs[s].funding / 52
		}
	}

	mt.put("week", "week", float64(w))
	mt.put("referrals", "people", mt.referrals)
	mt.put("rereferrals", "people", mt.rereferrals)
	mt.put("inappropriate", "people", mt.inappropriate)
	mt.put("first_contacts", "people", mt.firstContacts)
	mt.put("wait_first_contact_sum", "person-weeks", mt.waitSum)
	mt.put("reneged", "people", mt.reneged)
	mt.put("list_joins", "people", mt.listJoins)
	mt.put("waiting_list_end", "people", mt.waiting.v)
	mt.put("waiting_list_mean", "people", waitArea)
	mt.put("list_exits", "people", mt.listExits)
	mt.put("list_sojourn_sum", "person-weeks", mt.listSojourn)
	mt.put("caseload_end", "people", mt.caseload.v)
	mt.put("caseload_mean", "people", caseArea)
	mt.put("caseload_entries", "people", mt.caseEntries)
	mt.put("caseload_exits", "people", mt.caseExits)
	mt.put("caseload_sojourn_sum", "person-weeks", mt.caseSojourn)
	mt.put("holding_end", "people", mt.holding.v)
	mt.put("holding_weeks", "person-weeks", mt.holding.take(now))
	mt.put("capacity_places_mean", "places", placesArea)
	mt.put("capacity_places_end", "places", mt.places.v)
	mt.put("capacity_hours", "hours", hoursCap)
	mt.put("session_hours", "hours", mt.sessionHours)
	mt.put("fte_in_post_mean", "FTE", fteArea)
	mt.put("posts_funded", "posts", float64(m.posts))
	mt.put("vacancies_end", "posts", mt.vacant.v)
	mt.put("vacancy_weeks", "post-weeks", mt.vacant.take(now))
	mt.put("episodes_completed", "people", mt.episodes)
	mt.put("needs_unmet_short_support", "people", mt.flows.limitReached)
	mt.put("dna", "sessions", mt.dna)
	mt.put("dropouts", "people", mt.dropouts)
	mt.put("vcse_referrals", "referrals", mt.vcseReferrals)
	mt.put("vcse_accepted", "referrals", mt.vcseAccepted)
	mt.put("vcse_declined", "referrals", mt.vcseDeclined)
	mt.put("vcse_waitlisted", "referrals", mt.vcseWaitlisted)
	mt.put("vcse_refused", "referrals", mt.vcseRefused)
	mt.put("vcse_gave_up", "referrals", mt.vcseGaveUp)
	mt.put("vcse_waiting_end", "people", mt.vcseWaiting.v)
	mt.put("vcse_waiting_mean", "people", mt.vcseWaiting.take(now))
	mt.put("vcse_places_mean", "places", vcsePlacesArea)
	mt.put("vcse_occupied_mean", "places", vcseOccArea)
	mt.put("vcse_closures", "services", mt.vcseClosures)
	mt.put("needs_met", "needs", mt.needsMet)
	mt.put("needs_unmet", "needs", mt.needsUnmet)
	mt.put("people_needs_met", "people", mt.peopleMet)
	mt.put("gp_appointments_avoided", "appointments", mt.gpAvoided)
	mt.put("leavers", "people", mt.leavers)
	mt.put("posts_ended", "posts", mt.postsEnded)
	mt.put("handovers", "people", mt.handedOver)
	mt.put("pressure_sum", "index", mt.pressureSum)
	mt.put("lw_assessed", "link workers", mt.lwAssessed)
	mt.put("cost_lw", "GBP", costLW)
	mt.put("cost_recruitment", "GBP", mt.costRecruitment)
	mt.put("cost_vcse", "GBP", costVCSE)
	for i, g := range mt.group {
		n := mt.groupCols(m, i)
		mt.put(n[0], "people", g.referrals)
		mt.put(n[1], "people", g.firstContacts)
		mt.put(n[2], "person-weeks", g.waitSum)
		mt.put(n[3], "people", g.reneged)
		mt.put(n[4], "people", g.episodes)
		mt.put(n[5], "people", g.limitReached)
		mt.put(n[6], "needs", g.needsMet)
		mt.put(n[7], "needs", g.needsUnmet)
	}
	for i, pf := range mt.profile {
		n := mt.profileCols(m, i)
		mt.put(n[0], "people", pf.episodes)
		mt.put(n[1], "people", pf.limitReached)
		mt.put(n[2], "people", pf.concluded)
		mt.put(n[3], "people", pf.allMet)
	}
}

// groupCols names group i's weekly columns, once: building names every
// week would allocate on the hot path.
func (mt *metrics) groupCols(m *Model, i int) []string {
	for len(mt.gnames) <= i {
		name := m.p.groups[len(mt.gnames)].name
		mt.gnames = append(mt.gnames, []string{
			"referrals." + name, "first_contacts." + name, "wait_first_contact_sum." + name,
			"reneged." + name, "episodes_completed." + name, "needs_unmet_short_support." + name,
			"needs_met." + name, "needs_unmet." + name})
	}
	return mt.gnames[i]
}

// profileCols names profile i's weekly columns, once.
func (mt *metrics) profileCols(m *Model, i int) []string {
	for len(mt.pnames) <= i {
		name := "profile." + m.p.profiles[len(mt.pnames)].name
		mt.pnames = append(mt.pnames, []string{
			"episodes_completed." + name, "needs_unmet_short_support." + name,
			"supported_concluded." + name, "supported_all_needs_met." + name})
	}
	return mt.pnames[i]
}

// nanDiv is a/b, NaN when b is 0: an undefined ratio must not look like 0.
func nanDiv(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}
