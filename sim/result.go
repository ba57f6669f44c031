package sim

import (
	"fmt"
	"math"
	"slices"

	"github.com/spsim/spsim/scenarios"
)

// Column names one column of the weekly table and its unit.
type Column struct{ Name, Unit string }

// KPI is one headline figure of a replication, measured after the warm-up.
type KPI struct {
	Name  string
	Unit  string
	Value float64
	// Max, if above 0, is the largest value the scenario lets the KPI
	// take, tighter than its registry range (see boundKPIs).
	Max float64
	// Impossible is true where the scenario rules out what the KPI counts
	// (leavers with no leaving hazard, community referrals with no
	// services): a count of none is then certain, not merely unseen.
	Impossible bool
	// Exposure, for a rate per FTE-year, is the FTE-years it was measured
	// over: a rate none of several replications saw is then bounded
	// above by them, as a count a year is by the weeks (Result.Weeks).
	Exposure float64
}

// Result is what one replication produces.
type Result struct {
	Replication int
	Columns     []Column    // of Weekly
	Weekly      [][]float64 // one row a week, weeks 0 to horizon-1; summed over areas
	KPIs        []KPI
	Areas       []AreaResult // per area, for a scenario of several areas
	Events      uint64       // events fired
	// Weeks is how many weeks the KPIs measure (the horizon after the
	// warm-up): a count of none over them bounds how often it happens.
	Weeks float64

	finite bool // every weekly value is known to be finite (the model checked as it wrote them)
	// rowsGone: the weekly rows were written over as the run went
	// (Workspace.Keep), so a value that is not finite cannot be found in them.
	rowsGone bool
}

// AreaResult is one area's headline figures in a scenario of several
// areas. The names and units of its KPIs are kept once for the areas that
// share them, and each area keeps only its values: England's thirty
// replications keep 37,500 areas' figures for areas.csv, and a KPI in
// full is 64 bytes, its values 32.
type AreaResult struct {
	Name  string
	heads []kpiHead
	vals  []areaValue
}

// kpiHead is a KPI's name and unit.
type kpiHead struct{ name, unit string }

// areaValue is what an area's KPI holds besides its name and unit.
type areaValue struct {
	value, max, exposure float64
	impossible           bool
}

// NewAreaResult keeps area name's KPIs ks.
func NewAreaResult(name string, ks []KPI) AreaResult { return newAreaResult(name, ks, nil) }

// newAreaResult is NewAreaResult sharing like's names and units, if like
// is not nil and its KPIs are named as ks are.
func newAreaResult(name string, ks []KPI, like *AreaResult) AreaResult {
	a := AreaResult{Name: name, vals: make([]areaValue, len(ks))}
	if like != nil && sameHeads(like.heads, ks) {
		a.heads = like.heads
	} else {
		a.heads = make([]kpiHead, len(ks))
		for i, k := range ks {
			a.heads[i] = kpiHead{k.Name, k.Unit}
		}
	}
	for i, k := range ks {
		a.vals[i] = areaValue{value: k.Value, max: k.Max, exposure: k.Exposure, impossible: k.Impossible}
	}
	return a
}

func sameHeads(heads []kpiHead, ks []KPI) bool {
	if len(heads) != len(ks) {
		return false
	}
	for i, k := range ks {
		if heads[i].name != k.Name || heads[i].unit != k.Unit {
			return false
		}
	}
	return true
}

// NumKPIs is the number of the area's KPIs.
func (a *AreaResult) NumKPIs() int { return len(a.vals) }

// KPI is the area's KPI k, 0 <= k < NumKPIs().
func (a *AreaResult) KPI(k int) KPI {
	h, v := a.heads[k], a.vals[k]
	return KPI{Name: h.name, Unit: h.unit, Value: v.value, Max: v.max, Impossible: v.impossible, Exposure: v.exposure}
}

// KPIIndex is the index of the area's KPI called name, or -1.
func (a *AreaResult) KPIIndex(name string) int {
	for k, h := range a.heads {
		if h.name == name {
			return k
		}
	}
	return -1
}

// Col returns the index of the weekly column with the given name, or -1.
func (r *Result) Col(name string) int {
	for i, c := range r.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// KPIByName returns the named KPI, or nil.
func (r *Result) KPIByName(name string) *KPI {
	for i := range r.KPIs {
		if r.KPIs[i].Name == name {
			return &r.KPIs[i]
		}
	}
	return nil
}

// KPI returns the value of the named KPI and whether it exists.
func (r *Result) KPI(name string) (float64, bool) {
	for _, k := range r.KPIs {
		if k.Name == name {
			return k.Value, true
		}
	}
	return math.NaN(), false
}

func (mt *metrics) result(m *Model) *Result {
	r := &Result{Replication: m.rep, Columns: mt.columns, Weekly: mt.rows, Events: m.cal.Fired()}
	in := m.kpiInput()
	in.windowSums = mt.windowSums
	r.KPIs = kpis(in, r)
	r.Weeks = float64(m.cfg.Run.HorizonWeeks - m.cfg.Run.WarmupWeeks)
	r.finite, r.rowsGone = mt.finiteRows(), mt.keeping
	return r
}

// kpiInput is what the KPIs need beyond the weekly table.
type kpiInput struct {
	cfg      *Config
	groups   []string
	profiles []string
	roles    []string // with several roles
	services []string
	waits    *Histogram
	// windowSums, if not nil, are the weekly columns summed over the
	// weeks after the warm-up, as newWindow would sum them.
	windowSums []float64
}

func (m *Model) kpiInput() kpiInput {
	in := kpiInput{cfg: m.cfg, waits: m.m.waits}
	for _, g := range m.p.groups {
		in.groups = append(in.groups, g.name)
	}
	for _, p := range m.p.profiles {
		in.profiles = append(in.profiles, p.name)
	}
	for _, s := range m.p.services {
		in.services = append(in.services, s.name)
	}
	if hasRoles(m.cfg) {
		for _, r := range m.p.roles {
			in.roles = append(in.roles, r.name)
		}
	}
	return in
}

// window sums the weekly columns over the weeks after the warm-up.
type window struct {
	r     *Result
	sums  []float64 // per column, in one pass over the rows
	weeks float64
	// lw is the suffix of the link workers' own columns with several
	// roles, else "": the workforce headlines (pressure, leaving,
	// caseload per FTE, utilisation) are theirs, as their names say, and
	// each other role has its own.
	lw string
}

func newWindow(r *Result, from int, weeks float64) window {
	w := window{r: r, sums: make([]float64, len(r.Columns)), weeks: weeks}
	for _, row := range r.Weekly[from:] {
		for c, v := range row {
			w.sums[c] += v
		}
	}
	return w
}

func (w window) sum(name string) float64 {
	c := w.r.Col(name)
	if c < 0 {
		panic("sim: no weekly column " + name)
	}
	return w.sums[c]
}

func (w window) perYear(name string) float64 { return w.sum(name) * 52 / w.weeks }

func (w window) mean(name string) float64 { return w.sum(name) / w.weeks }

// The workforce figures of the posts whose columns end in suffix: the
// link workers' (window.lw) for the headlines, a role's for its own.

func (w window) fteYears(suffix string) float64 { return w.sum(ColFTEInPostMean+suffix) / 52 }

func (w window) caseloadPerFTE(suffix string) float64 {
	return nanDiv(w.sum(ColCaseloadMean+suffix), w.sum(ColFTEInPostMean+suffix))
}

func (w window) utilisation(suffix string) float64 {
	return nanDiv(w.sum(ColCaseloadMean+suffix), w.sum(ColCapacityPlacesMean+suffix))
}

func (w window) pressure(suffix string) float64 {
	return nanDiv(w.sum(ColPressureSum+suffix), w.sum(ColLWAssessed+suffix))
}

func (w window) leavingPerFTE(suffix string) float64 {
	return nanDiv(w.sum(ColLeavers+suffix), w.fteYears(suffix))
}

// kpis computes the headline figures. Their names are part of spsim's
// interface: they are documented in the README and must not change lightly.
// The order here is the order of every output.
func kpis(in kpiInput, r *Result) []KPI {
	cfg := in.cfg
	weeks := float64(cfg.Run.HorizonWeeks - cfg.Run.WarmupWeeks)
	w := window{r: r, sums: in.windowSums, weeks: weeks}
	if w.sums == nil {
		w = newWindow(r, cfg.Run.WarmupWeeks, weeks)
	}
	if hasRoles(cfg) {
		w.lw = "." + RolePrefix + scenarios.LinkWorkerRole
	}
	var ks []KPI
	add := func(name string, v float64) { ks = append(ks, KPI{Name: name, Unit: kpiReg.unit(name), Value: v}) }
	flowKPIs(add, in, w, r.Weekly[len(r.Weekly)-1], r)
	outcomeKPIs(add, w)
	costKPIs(add, cfg, w)
	familyKPIs(add, in, w)
	boundKPIs(ks, in)
	exposeKPIs(ks, in, w)
	// A copy of just their length: the list grew by appends to twice what
	// it needs, and a scenario of many areas keeps every area's for
	// areas.csv (England, 30 replications: 37,500 lists).
	return slices.Clone(ks)
}

// exposeKPIs sets the FTE-years each leaving rate per FTE was measured over.
func exposeKPIs(ks []KPI, in kpiInput, w window) {
	for i := range ks {
		switch base, fam, member := SplitMember(ks[i].Name); {
		case base != KPILeaversPerFTE:
		case fam == Overall:
			ks[i].Exposure = w.fteYears(w.lw)
		case fam == PerRole:
			ks[i].Exposure = w.fteYears("." + RolePrefix + member)
		}
	}
}

// addKPI records one KPI's value.
type addKPI func(name string, v float64)

// flowKPIs are referrals, waits, the waiting list, support episodes and
// capacity.
func flowKPIs(add addKPI, in kpiInput, w window, last []float64, r *Result) {
	h := in.waits
	add(KPIReferrals, w.perYear(ColReferrals))
	// From the counts, exact: two scenarios with the same new referrals
	// (re-referrals apart) then have the same figure to the last bit.
	add(KPINewReferrals, (w.sum(ColReferrals)-w.sum(ColRereferrals))*52/w.weeks)
	add(KPIRereferrals, w.perYear(ColRereferrals))
	add(KPIInappropriate, w.perYear(ColInappropriate))
	add(KPIFirstContacts, w.perYear(ColFirstContacts))
	add(KPIWaitMean, h.Mean())
	add(KPIWaitMedian, h.Quantile(0.5))
	add(KPIWaitP90, h.Quantile(0.9))
	add(KPIListTimeMean, nanDiv(w.sum(ColListSojournSum), w.sum(ColListExits)))
	add(KPIWaitingListMean, w.mean(ColWaitingListMean))
	add(KPIWaitingListEnd, last[r.Col(ColWaitingListEnd)])
	add(KPIReneged, w.perYear(ColReneged))
	add(KPIRenegedShare, nanDiv(w.sum(ColReneged), w.sum(ColListExits)))
	add(KPIEpisodesCompleted, w.perYear(ColEpisodesCompleted))
	add(KPIPeopleSupportedPerFTE, nanDiv(w.sum(ColEpisodesCompleted+w.lw), w.fteYears(w.lw)))
	add(KPIEpisodeWeeksMean, nanDiv(w.sum(ColEpisodeWeeksSum), w.sum(ColEpisodesCompleted)))
	add(KPIContactsPerEpisode, nanDiv(w.sum(ColEpisodeContactsSum), w.sum(ColEpisodesCompleted)))
	add(KPIShortSupport, w.perYear(ColShortSupport))
	add(KPIDropouts, w.perYear(ColDropouts))
	add(KPICaseloadMean, w.mean(ColCaseloadMean))
	add(KPICaseloadPerFTE, w.caseloadPerFTE(w.lw))
	add(KPICaseloadCapPerFTE, in.cfg.Workforce.CaseloadCapPerFTE)
	add(KPIUtilisation, w.utilisation(w.lw))
	add(KPIHoursUtilisation, nanDiv(w.sum(ColSessionHours), w.sum(ColCapacityHours)))
	add(KPICapacityPlaces, w.mean(ColCapacityPlacesMean))
	add(KPICapacityHours, w.mean(ColCapacityHours))
	add(KPISessionHours, w.mean(ColSessionHours))
	add(KPIHoldingWeeks, w.perYear(ColHoldingWeeks))
}

// outcomeKPIs are community services, needs and the workforce's turnover.
func outcomeKPIs(add addKPI, w window) {
	appropriate := w.sum(ColReferrals) - w.sum(ColInappropriate)
	met, unmet, unseen := w.sum(ColNeedsMet), w.sum(ColNeedsUnmet), w.sum(ColNeedsUnseen)
	add(KPIVCSEReferrals, w.perYear(ColVCSEReferrals))
	add(KPIVCSEAccepted, w.perYear(ColVCSEAccepted))
	add(KPIVCSEWaitlisted, w.perYear(ColVCSEWaitlisted))
	add(KPIVCSERefused, w.perYear(ColVCSERefused))
	add(KPIVCSEDeclined, w.perYear(ColVCSEDeclined))
	add(KPIVCSEGaveUp, w.perYear(ColVCSEGaveUp))
	add(KPIVCSEOccupancy, nanDiv(w.sum(ColVCSEFilledMean), w.sum(ColVCSEPlacesMean)))
	add(KPIVCSEWaitingMean, w.mean(ColVCSEWaitingMean))
	add(KPIVCSEClosures, w.sum(ColVCSEClosures))
	add(KPINeedsMet, w.perYear(ColNeedsMet))
	add(KPINeedsUnmet, w.perYear(ColNeedsUnmet))
	add(KPINeedsUnseen, w.perYear(ColNeedsUnseen))
	add(KPINeedsMetShare, nanDiv(met, met+unmet+unseen))
	add(KPINeedsMetShareReached, nanDiv(met, met+unmet))
	add(KPINeedsMetPer1000Referrals, nanDiv(1000*met, appropriate))
	add(KPIPeopleNeedsMet, w.perYear(ColPeopleNeedsMet))
	add(KPIReferredAllNeedsMetShare, nanDiv(w.sum(ColPeopleNeedsMet), w.sum(ColReferralsEnded)))
	add(KPILeavers, w.perYear(ColLeavers+w.lw))
	add(KPILeaversPerFTE, w.leavingPerFTE(w.lw))
	add(KPIVacancyWeeks, w.perYear(ColVacancyWeeks))
	add(KPIPressureMean, w.pressure(w.lw))
}

// costKPIs are the costs a year, per outcome, and the assumption-driven
// value of GP time.
func costKPIs(add addKPI, cfg *Config, w window) {
	costLW, costSup, costRec, costVCSE := w.perYear(ColCostLW), w.perYear(ColCostSupervision), w.perYear(ColCostRecruitment), w.perYear(ColCostVCSE)
	total := costLW + costSup + costRec + costVCSE
	add(KPICostLW, costLW)
	add(KPICostSupervision, costSup)
	add(KPICostRecruitment, costRec)
	add(KPICostVCSE, costVCSE)
	add(KPICostTotal, total)
	add(KPICostPerPersonSupported, nanDiv(total, w.perYear(ColEpisodesCompleted)))
	add(KPICostPerNeedMet, nanDiv(total, w.perYear(ColNeedsMet)))
	gp := w.perYear(ColGPAvoided)
	add(KPIGPAppointmentsAvoided, gp)
	add(KPIGPValue, gp*cfg.Costs.GPAppointmentValue)
}

// familyKPIs are the KPIs per group, profile and role, and the inequity
// gaps: the reference group minus the rest.
func familyKPIs(add addKPI, in kpiInput, w window) {
	ref := in.cfg.Outcomes.ReferenceGroup
	var refG, rest groupSums
	for _, g := range in.groups {
		gs := groupSums{met: w.sum(ColNeedsMet + "." + g), wait: w.sum(ColWaitSum + "." + g),
			seen: w.sum(ColFirstContacts + "." + g), gaveUp: w.sum(ColReneged + "." + g)}
		gs.needs = gs.met + w.sum(ColNeedsUnmet+"."+g) + w.sum(ColNeedsUnseen+"."+g)
		add(KPINeedsMetShare+"."+g, nanDiv(gs.met, gs.needs))
		add(KPIWaitMean+"."+g, nanDiv(gs.wait, gs.seen))
		add(KPIShortSupport+"."+g, w.perYear(ColShortSupport+"."+g))
		add(KPIReneged+"."+g, w.perYear(ColReneged+"."+g))
		if g == ref {
			refG = gs
		} else {
			rest.add(gs)
		}
	}
	for _, pr := range in.profiles {
		name := ProfilePrefix + pr
		add(KPIShortSupport+"."+name, w.perYear(ColShortSupport+"."+name))
		add(KPIEpisodesCompleted+"."+name, w.perYear(ColEpisodesCompleted+"."+name))
		add(KPIAllNeedsMetShare+"."+name, nanDiv(w.sum(ColSupportedAllNeedsMet+"."+name), w.sum(ColSupportedConcluded+"."+name)))
		// As the group's: from the weekly sums, so the profiles' waits,
		// weighted by the people each saw, average to the overall mean.
		add(KPIWaitMean+"."+name, nanDiv(w.sum(ColWaitSum+"."+name), w.sum(ColFirstContacts+"."+name)))
	}
	if hasRoles(in.cfg) {
		add(KPIRoleHandovers, w.perYear(ColRoleHandovers))
		add(KPIHandoverWaitMean, nanDiv(w.sum(ColHandoverWaitSum), w.sum(ColHandoversSeen)))
	}
	for _, s := range in.services {
		name := ServicePrefix + s
		add(KPIVCSEOccupancy+"."+name, nanDiv(w.sum(ColVCSEFilledMean+"."+name), w.sum(ColVCSEPlacesMean+"."+name)))
		add(KPIVCSEWaitingMean+"."+name, w.mean(ColVCSEWaitingMean+"."+name))
		add(KPIVCSERefused+"."+name, w.perYear(ColVCSERefused+"."+name))
	}
	for _, r := range in.roles {
		sfx := "." + RolePrefix + r
		add(KPICaseloadPerFTE+sfx, w.caseloadPerFTE(sfx))
		add(KPIEpisodesCompleted+sfx, w.perYear(ColEpisodesCompleted+sfx))
		add(KPIUtilisation+sfx, w.utilisation(sfx))
		add(KPIPressureMean+sfx, w.pressure(sfx))
		add(KPILeaversPerFTE+sfx, w.leavingPerFTE(sfx))
	}
	if hasGap(in.cfg) {
		add(KPIInequityGapNeedsMetShare, nanDiv(refG.met, refG.needs)-nanDiv(rest.met, rest.needs))
		add(KPIInequityGapWait, nanDiv(refG.wait, refG.seen)-nanDiv(rest.wait, rest.seen))
		add(KPIInequityGapRenegedShare, refG.gaveUpShare()-rest.gaveUpShare())
	}
}

// groupSums are a group's (or several groups') sums over the window that
// the inequity gaps compare.
type groupSums struct {
	met, needs float64 // needs met, and every need (never seen included)
	wait, seen float64 // waits to first contact, summed, and people seen
	gaveUp     float64 // people who gave up waiting
}

func (s *groupSums) add(o groupSums) {
	s.met, s.needs, s.wait, s.seen, s.gaveUp = s.met+o.met, s.needs+o.needs, s.wait+o.wait, s.seen+o.seen, s.gaveUp+o.gaveUp
}

// gaveUpShare is the share of those leaving the waiting list who gave up.
func (s groupSums) gaveUpShare() float64 { return nanDiv(s.gaveUp, s.gaveUp+s.seen) }

// check verifies the replication's invariants; a violation is a bug in the
// model, reported rather than hidden in plausible numbers.
func (m *Model) check() error {
	c := m.census()
	if err := m.checkPeople(&c); err != nil {
		return err
	}
	if err := m.checkLinkWorkers(&c); err != nil {
		return err
	}
	if err := m.checkServices(); err != nil {
		return err
	}
	if err := m.checkRoom(); err != nil {
		return err
	}
	if len(m.m.rows) != m.cfg.Run.HorizonWeeks {
		return fmt.Errorf("invariant clock: %d weekly rows for a horizon of %d weeks", len(m.m.rows), m.cfg.Run.HorizonWeeks)
	}
	return nil
}

// census is everyone in the system by state, counted from the people
// themselves, and each link worker's people.
type census struct {
	waiting, active, holding, discharged int
	caseload, held                       []int // by link worker
}

func (m *Model) census() census {
	c := census{caseload: make([]int, len(m.lws)), held: make([]int, len(m.lws))}
	for i := range m.pp.slots {
		p := &m.pp.slots[i]
		switch p.state {
		case stWaiting:
			c.waiting++
		case stActive:
			c.active++
			c.caseload[p.lw]++
		case stHolding:
			c.holding++
			c.caseload[p.lw]++
			c.held[p.lw]++
		case stDischarged:
			c.discharged++
		}
	}
	return c
}

// checkPeople holds the census to conservation (every referral accounted
// for) and to the running counts.
func (m *Model) checkPeople(c *census) error {
	mt := &m.m
	inSystem := int64(c.waiting + c.active + c.holding + c.discharged)
	if in, out := mt.initial+mt.referred, mt.closedInappropriate+mt.finished+inSystem; in != out {
		return fmt.Errorf("invariant conservation: initial %d + referrals %d != closed as inappropriate %d + finished %d + in system %d (waiting %d, active %d, holding %d, discharged awaiting community outcome %d)",
			mt.initial, mt.referred, mt.closedInappropriate, mt.finished, inSystem, c.waiting, c.active, c.holding, c.discharged)
	}
	if int64(m.pp.inUse) != inSystem {
		return fmt.Errorf("invariant people slab: %d slots in use, %d people in a state", m.pp.inUse, inSystem)
	}
	if float64(c.waiting) != mt.waiting.v || float64(c.active+c.holding) != mt.caseload.v || float64(c.holding) != mt.holding.v {
		return fmt.Errorf("invariant counts: waiting %d/%v, caseload %d/%v, holding %d/%v (people/counter)",
			c.waiting, mt.waiting.v, c.active+c.holding, mt.caseload.v, c.holding, mt.holding.v)
	}
	if mt.rereferralsPending < 0 {
		return fmt.Errorf("invariant non-negative: re-referrals pending %d", mt.rereferralsPending)
	}
	return nil
}

// checkLinkWorkers holds each link worker's counts to their people.
func (m *Model) checkLinkWorkers(c *census) error {
	for i := range m.lws {
		if c.held[i] != m.lws[i].held {
			return fmt.Errorf("invariant holding: link worker %d holds %d people but counts %d", i, c.held[i], m.lws[i].held)
		}
		if c.caseload[i] != m.lws[i].caseload {
			return fmt.Errorf("invariant caseload: link worker %d has %d people but counts %d", i, c.caseload[i], m.lws[i].caseload)
		}
		if m.lws[i].caseload > m.lws[i].cap {
			return fmt.Errorf("invariant cap: link worker %d has %d people on a caseload capped at %d", i, m.lws[i].caseload, m.lws[i].cap)
		}
		if m.lws[i].caseload < 0 || slices.Min(m.lws[i].onTrack[:]) < 0 || m.lws[i].complex < 0 {
			return fmt.Errorf("invariant non-negative: link worker %d counts went negative", i)
		}
	}
	return nil
}

// checkServices holds the community services' counts to their totals.
func (m *Model) checkServices() error {
	mt := &m.m
	occupied, waiting := 0, 0
	filled := 0.0
	for s := range m.svcs {
		sv := &m.svcs[s]
		if sv.occupied < 0 || sv.waiting < 0 {
			return fmt.Errorf("invariant non-negative: service %s has occupied %d, waiting %d", m.p.services[s].name, sv.occupied, sv.waiting)
		}
		if want := float64(min(sv.occupied, sv.places)); sv.filledLevel.v != want {
			return fmt.Errorf("invariant places filled: service %s fills %v places, with %d people in %d places", m.p.services[s].name, sv.filledLevel.v, sv.occupied, sv.places)
		}
		filled += sv.filledLevel.v
		occupied += sv.occupied
		waiting += sv.waiting
	}
	if filled != mt.vcseFilled.v {
		return fmt.Errorf("invariant community counts: services fill %v places, the total says %v", filled, mt.vcseFilled.v)
	}
	if float64(occupied) != mt.vcseOccupied.v || float64(waiting) != mt.vcseWaiting.v {
		return fmt.Errorf("invariant community counts: occupied %d/%v, waiting %d/%v", occupied, mt.vcseOccupied.v, waiting, mt.vcseWaiting.v)
	}
	return nil
}
