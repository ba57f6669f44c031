package sim

import (
	"fmt"
	"math"
)

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
	pressureSum, lwAssessed, episodeWeeks, episodeContacts, needsUnseen, ended float64
	listExits, listSojourn, caseEntries, caseExits, caseSojourn float64
	roleHandovers, handoverWaitSum, handoversSeen               float64
}

// roleFlows are one role's episodes, leavers and pressure in a week, with
// several roles: the team's headline workforce figures are the link
// workers', and each other role has its own.
type roleFlows struct {
	episodes, leavers, pressureSum, assessed float64
}

type profileFlows struct {
	episodes, limitReached, concluded, allMet float64
	firstContacts, waitSum                    float64
}

type groupFlows struct {
	referrals, firstContacts, waitSum, reneged, episodes, limitReached,
	needsMet, needsUnmet, needsUnseen float64
}

// metrics collects a replication's weekly table as it goes, so memory does
// not grow with the number of people ever referred.
type metrics struct {
	flows
	// The week's counts by role (with several roles), group and profile,
	// cleared with flows. They are kept out of flows, which is then only
	// numbers: zeroing it each week is a clear, not a copy with pointers.
	role    []roleFlows
	group   []groupFlows
	profile []profileFlows
	waiting, caseload, holding, places, hoursCap, fte, vacant,
	vcseOccupied, vcseFilled, vcseWaiting, vcsePlaces level

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
	rnames           [][]string
	snames           [][]string
	roleCaseload     []level // by role, with several roles
	roleFTE          []level
	rolePlaces       []level
	roleBuf          []roleCapacity // a scratch buffer
	flat             []float64      // backing store of rows: one allocation for the run

	// As rows are written: the sums of the weeks after the warm-up (the
	// KPIs' window), and the sum of every value times 0, which is NaN if
	// any value is not finite. Summed while a row is in cache, they spare
	// two passes over the whole table at the end.
	windowSums []float64
	notFinite  float64

	// The columns a Workspace keeps (their indices), copied as each row
	// is written and still in cache; kept is their table, row by row.
	keep    []int
	kept    []float64
	keeping bool // only kept and the last row are read after the run
}

func (mt *metrics) init(m *Model) {
	mt.group = make([]groupFlows, len(m.p.groups))
	mt.role, mt.roleCaseload, mt.roleFTE, mt.rolePlaces, mt.roleBuf = nil, nil, nil, nil, nil
	if n := len(m.p.roles); n > 1 {
		mt.role = make([]roleFlows, n)
		mt.roleCaseload = make([]level, n)
		mt.roleFTE = make([]level, n)
		mt.rolePlaces = make([]level, n)
		mt.roleBuf = make([]roleCapacity, n)
	}
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
	if mt.columns == nil {
		// Writing a row once names the columns (a row at time 0 adds
		// nothing to any level's area).
		mt.naming = true
		mt.writeRow(m, 0, 0)
		mt.naming = false
	}
	mt.windowSums = append(mt.windowSums[:0], make([]float64, len(mt.columns))...)
	mt.notFinite = 0
}

func (mt *metrics) referral(g int, rereferral bool) {
	mt.referred++
	mt.referrals++
	mt.group[g].referrals++
	if rereferral {
		mt.rereferrals++
	}
}

func (mt *metrics) firstContact(g, pr int, wait, now float64) {
	mt.firstContacts++
	mt.waitSum += wait
	mt.group[g].firstContacts++
	mt.group[g].waitSum += wait
	mt.profile[pr].firstContacts++
	mt.profile[pr].waitSum += wait
	if now >= mt.warmup {
		mt.waits.Add(wait)
	}
}

// renege records someone who gave up waiting; their community needs were
// never seen and count as unmet in the headline outcomes.
func (mt *metrics) renege(g, needs int) {
	mt.reneged++
	mt.group[g].reneged++
	mt.needsUnseen += float64(needs)
	mt.group[g].needsUnseen += float64(needs)
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

func (mt *metrics) episodeCompleted(g, pr int, weeks, contacts float64) {
	mt.episodes++
	mt.episodeWeeks += weeks
	mt.episodeContacts += contacts
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
	mt.capacityTotals(m)
}

// postChanged is capacityChanged when only post i changed (filled, ramped
// up, vacated): its caps and its leaves of the room trees, not every
// post's, so that a team of thousands of posts is not quadratic in them.
// The totals are summed whole, in the same order, so the series are the
// same to the last digit.
func (mt *metrics) postChanged(m *Model, i int) {
	m.refreshCap(i)
	m.roomChanged(i)
	mt.capacityTotals(m)
}

// roleCapacity is one role's FTE in post and caseload places.
type roleCapacity struct{ fte, places float64 }

// capacityTotals records the team's caseload places, session hours, FTE
// in post and vacant posts from now.
func (mt *metrics) capacityTotals(m *Model) {
	var places, hours, fte, vacant float64
	clear(mt.roleBuf)
	for i := range m.lws {
		lw := &m.lws[i]
		cp := float64(m.capOf(i))
		places += cp
		hours += m.sessionHoursAvailable(i)
		var rc *roleCapacity
		if mt.roleBuf != nil {
			rc = &mt.roleBuf[lw.role]
			rc.places += cp
		}
		if lw.inPost {
			fte += lw.fte
			if rc != nil {
				rc.fte += lw.fte
			}
		} else if lw.funded {
			vacant++
		}
	}
	t := m.now()
	mt.places.set(t, places)
	mt.hoursCap.set(t, hours)
	mt.fte.set(t, fte)
	mt.vacant.set(t, vacant)
	for r := range mt.roleFTE {
		mt.roleFTE[r].set(t, mt.roleBuf[r].fte)
		mt.rolePlaces[r].set(t, mt.roleBuf[r].places)
	}
}

// closeWeek appends the row for week w (the interval [w, w+1)).
func (mt *metrics) closeWeek(m *Model, w int) {
	cols := len(mt.columns)
	n := len(mt.flat)
	if mt.keeping {
		// Only the kept columns and the last row are read after the
		// run: one row, written over each week, stays in cache.
		n = 0
	}
	if n+cols > cap(mt.flat) {
		size := cols
		if !mt.keeping {
			size = max(cols*(cap(mt.rows)-len(mt.rows)), cols)
		}
		mt.flat = make([]float64, 0, size)
		n = 0
	}
	// The row is written straight into the table's backing store.
	mt.row = mt.flat[n : n : n+cols]
	mt.writeRow(m, w, m.now())
	if len(mt.row) != cols {
		panic(fmt.Sprintf("sim: weekly row of %d columns, %d named", len(mt.row), cols))
	}
	mt.flat = mt.flat[:n+cols]
	mt.rows = append(mt.rows, mt.row)
	mt.scan(mt.row, w >= int(mt.warmup))
	for _, c := range mt.keep {
		mt.kept = append(mt.kept, mt.row[c])
	}
	clear(mt.group)
	clear(mt.profile)
	clear(mt.role)
	mt.flows = flows{}
}

// keepOnly resolves the named columns and makes room for them, week by
// week, for a run of the given weeks; it returns the columns found.
func (mt *metrics) keepOnly(names []string, weeks int) []Column {
	var cols []Column
	mt.keep, cols = pickColumns(mt.columns, names)
	mt.keeping = true
	mt.kept = make([]float64, 0, weeks*len(mt.keep))
	return cols
}

// scan adds a finished row to the window's sums if it is after the
// warm-up, in week order as newWindow would, and otherwise to the
// finiteness sum. A row in the window needs no finiteness sum of its own:
// a value that is not finite leaves its column's window sum not finite
// (finiteRows checks the sums).
func (mt *metrics) scan(row []float64, inWindow bool) {
	if inWindow {
		sums := mt.windowSums[:len(row)]
		for c, v := range row {
			sums[c] += v
		}
		return
	}
	var nf float64
	for _, v := range row {
		nf += v * 0
	}
	mt.notFinite += nf
}

// finiteRows reports whether every weekly value written is finite: those
// of the warm-up by their finiteness sum, those after it by their window
// sums (Inf or NaN in a column makes its sum Inf or NaN).
func (mt *metrics) finiteRows() bool {
	nf := mt.notFinite
	for _, s := range mt.windowSums {
		nf += s * 0
	}
	return nf == 0 // a NaN sum is not 0
}

// nanDiv is a/b, NaN when b is 0: an undefined ratio must not look like 0.
func nanDiv(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}
