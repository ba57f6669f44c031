package sim

import (
	"fmt"
	"math"
)

// Column names one column of the weekly table and its unit.
type Column struct{ Name, Unit string }

// KPI is one headline figure of a replication, measured after the warm-up.
type KPI struct {
	Name  string
	Unit  string
	Value float64
}

// Result is what one replication produces.
type Result struct {
	Replication int
	Columns     []Column    // of Weekly
	Weekly      [][]float64 // one row a week, weeks 0 to horizon-1; summed over areas
	KPIs        []KPI
	Areas       []AreaResult // per area, for a scenario of several areas
	Events      uint64       // events fired
}

// AreaResult is one area's headline figures in a scenario of several areas.
type AreaResult struct {
	Name string
	KPIs []KPI
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
	r.KPIs = kpis(m.kpiInput(), r)
	return r
}

// kpiInput is what the KPIs need beyond the weekly table.
type kpiInput struct {
	cfg      *Config
	groups   []string
	profiles []string
	waits    *Histogram
}

func (m *Model) kpiInput() kpiInput {
	in := kpiInput{cfg: m.cfg, waits: m.m.waits}
	for _, g := range m.p.groups {
		in.groups = append(in.groups, g.name)
	}
	for _, p := range m.p.profiles {
		in.profiles = append(in.profiles, p.name)
	}
	return in
}

// window sums the weekly columns over the weeks after the warm-up.
type window struct {
	r     *Result
	sums  []float64 // per column, in one pass over the rows
	weeks float64
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
func (w window) mean(name string) float64    { return w.sum(name) / w.weeks }

// kpis computes the headline figures. Their names are part of spsim's
// interface: they are documented in the README and must not change lightly.
func kpis(in kpiInput, r *Result) []KPI {
	cfg := in.cfg
	w := newWindow(r, cfg.Run.WarmupWeeks, float64(cfg.Run.HorizonWeeks-cfg.Run.WarmupWeeks))
	var ks []KPI
	add := func(name, unit string, v float64) { ks = append(ks, KPI{name, unit, v}) }
	last := r.Weekly[len(r.Weekly)-1]
	h := in.waits

	add("referrals", "people/year", w.perYear("referrals"))
	add("rereferrals", "people/year", w.perYear("rereferrals"))
	add("inappropriate", "people/year", w.perYear("inappropriate"))
	add("first_contacts", "people/year", w.perYear("first_contacts"))
	add("wait_first_contact_mean_weeks", "weeks", h.Mean())
	add("wait_first_contact_median_weeks", "weeks", h.Quantile(0.5))
	add("wait_first_contact_p90_weeks", "weeks", h.Quantile(0.9))
	add("wait_list_time_mean_weeks", "weeks", nanDiv(w.sum("list_sojourn_sum"), w.sum("list_exits")))
	add("waiting_list_mean", "people", w.mean("waiting_list_mean"))
	add("waiting_list_end", "people", last[r.Col("waiting_list_end")])
	add("reneged", "people/year", w.perYear("reneged"))
	add("reneged_share", "share", nanDiv(w.sum("reneged"), w.sum("list_exits")))
	add("episodes_completed", "people/year", w.perYear("episodes_completed"))
	add("needs_unmet_short_support", "people/year", w.perYear("needs_unmet_short_support"))
	add("dropouts", "people/year", w.perYear("dropouts"))
	add("caseload_mean", "people", w.mean("caseload_mean"))
	add("caseload_per_fte_mean", "people/FTE", nanDiv(w.sum("caseload_mean"), w.sum("fte_in_post_mean")))
	add("caseload_cap_per_fte", "people/FTE", cfg.Workforce.CaseloadCapPerFTE)
	add("lw_utilisation", "share", nanDiv(w.sum("caseload_mean"), w.sum("capacity_places_mean")))
	add("lw_hours_utilisation", "share", nanDiv(w.sum("session_hours"), w.sum("capacity_hours")))
	add("capacity_places_mean", "places", w.mean("capacity_places_mean"))
	add("capacity_hours_mean", "hours/week", w.mean("capacity_hours"))
	add("session_hours_mean", "hours/week", w.mean("session_hours"))
	add("holding_weeks", "person-weeks/year", w.perYear("holding_weeks"))
	add("vcse_referrals", "referrals/year", w.perYear("vcse_referrals"))
	add("vcse_accepted", "referrals/year", w.perYear("vcse_accepted"))
	add("vcse_waitlisted", "referrals/year", w.perYear("vcse_waitlisted"))
	add("vcse_refused", "referrals/year", w.perYear("vcse_refused"))
	add("vcse_declined", "referrals/year", w.perYear("vcse_declined"))
	add("vcse_gave_up", "referrals/year", w.perYear("vcse_gave_up"))
	add("vcse_occupancy", "share", nanDiv(w.sum("vcse_occupied_mean"), w.sum("vcse_places_mean")))
	add("vcse_closures", "services", w.sum("vcse_closures"))
	add("needs_met", "needs/year", w.perYear("needs_met"))
	add("needs_unmet", "needs/year", w.perYear("needs_unmet"))
	add("needs_met_share", "share", nanDiv(w.sum("needs_met"), w.sum("needs_met")+w.sum("needs_unmet")))
	add("people_needs_met", "people/year", w.perYear("people_needs_met"))
	add("leavers", "people/year", w.perYear("leavers"))
	add("vacancy_weeks", "post-weeks/year", w.perYear("vacancy_weeks"))
	add("pressure_mean", "index", nanDiv(w.sum("pressure_sum"), w.sum("lw_assessed")))

	costLW, costRec, costVCSE := w.perYear("cost_lw"), w.perYear("cost_recruitment"), w.perYear("cost_vcse")
	total := costLW + costRec + costVCSE
	add("cost_lw", "GBP/year", costLW)
	add("cost_recruitment", "GBP/year", costRec)
	add("cost_vcse", "GBP/year", costVCSE)
	add("cost_total", "GBP/year", total)
	add("cost_per_person_supported", "GBP", nanDiv(total, w.perYear("episodes_completed")))
	add("cost_per_need_met", "GBP", nanDiv(total, w.perYear("needs_met")))
	gp := w.perYear("gp_appointments_avoided")
	add("gp_appointments_avoided_assumed", "appointments/year", gp)
	add("gp_value_assumed", "GBP/year", gp*cfg.Costs.GPAppointmentValue)

	// Per group, and the inequity gap: the reference group minus the rest.
	ref := cfg.Outcomes.ReferenceGroup
	var refMet, refAll, restMet, restAll, refWait, refN, restWait, restN float64
	for _, g := range in.groups {
		met, unmet := w.sum("needs_met."+g), w.sum("needs_unmet."+g)
		wait, n := w.sum("wait_first_contact_sum."+g), w.sum("first_contacts."+g)
		add("needs_met_share."+g, "share", nanDiv(met, met+unmet))
		add("wait_first_contact_mean_weeks."+g, "weeks", nanDiv(wait, n))
		add("needs_unmet_short_support."+g, "people/year", w.perYear("needs_unmet_short_support."+g))
		add("reneged."+g, "people/year", w.perYear("reneged."+g))
		if g == ref {
			refMet, refAll, refWait, refN = met, met+unmet, wait, n
		} else {
			restMet, restAll, restWait, restN = restMet+met, restAll+met+unmet, restWait+wait, restN+n
		}
	}
	for _, pr := range in.profiles {
		name := "profile." + pr
		add("needs_unmet_short_support."+name, "people/year", w.perYear("needs_unmet_short_support."+name))
		add("all_needs_met_share."+name, "share", nanDiv(w.sum("supported_all_needs_met."+name), w.sum("supported_concluded."+name)))
	}
	if ref != "" && len(in.groups) > 1 {
		add("inequity_gap_needs_met_share", "share", nanDiv(refMet, refAll)-nanDiv(restMet, restAll))
		add("inequity_gap_wait_weeks", "weeks", nanDiv(refWait, refN)-nanDiv(restWait, restN))
	}
	return ks
}

// check verifies the replication's invariants; a violation is a bug in the
// model, reported rather than hidden in plausible numbers.
func (m *Model) check() error {
	var waiting, active, holding, discharged int
	caseload := make([]int, len(m.lws))
	for i := range m.pp.slots {
		p := &m.pp.slots[i]
		switch p.state {
		case stWaiting:
			waiting++
		case stActive:
			active++
			caseload[p.lw]++
		case stHolding:
			holding++
			caseload[p.lw]++
		case stDischarged:
			discharged++
		}
	}
	mt := &m.m
	inSystem := int64(waiting + active + holding + discharged)
	if in, out := mt.initial+mt.referred, mt.closedInappropriate+mt.finished+inSystem; in != out {
		return fmt.Errorf("invariant conservation: initial %d + referrals %d != closed as inappropriate %d + finished %d + in system %d (waiting %d, active %d, holding %d, discharged awaiting community outcome %d)",
			mt.initial, mt.referred, mt.closedInappropriate, mt.finished, inSystem, waiting, active, holding, discharged)
	}
	if int64(m.pp.inUse) != inSystem {
		return fmt.Errorf("invariant people slab: %d slots in use, %d people in a state", m.pp.inUse, inSystem)
	}
	if float64(waiting) != mt.waiting.v || float64(active+holding) != mt.caseload.v || float64(holding) != mt.holding.v {
		return fmt.Errorf("invariant counts: waiting %d/%v, caseload %d/%v, holding %d/%v (people/counter)",
			waiting, mt.waiting.v, active+holding, mt.caseload.v, holding, mt.holding.v)
	}
	for i := range m.lws {
		if caseload[i] != m.lws[i].caseload {
			return fmt.Errorf("invariant caseload: link worker %d has %d people but counts %d", i, caseload[i], m.lws[i].caseload)
		}
		if m.lws[i].caseload < 0 || m.lws[i].longer < 0 || m.lws[i].complex < 0 {
			return fmt.Errorf("invariant non-negative: link worker %d counts went negative", i)
		}
	}
	occupied, waitingV := 0, 0
	for s := range m.svcs {
		sv := &m.svcs[s]
		if sv.occupied < 0 || sv.waiting < 0 {
			return fmt.Errorf("invariant non-negative: service %s has occupied %d, waiting %d", m.p.services[s].name, sv.occupied, sv.waiting)
		}
		occupied += sv.occupied
		waitingV += sv.waiting
	}
	if float64(occupied) != mt.vcseOccupied.v || float64(waitingV) != mt.vcseWaiting.v {
		return fmt.Errorf("invariant community counts: occupied %d/%v, waiting %d/%v", occupied, mt.vcseOccupied.v, waitingV, mt.vcseWaiting.v)
	}
	if mt.rereferralsPending < 0 {
		return fmt.Errorf("invariant non-negative: re-referrals pending %d", mt.rereferralsPending)
	}
	if len(mt.rows) != m.cfg.Run.HorizonWeeks {
		return fmt.Errorf("invariant clock: %d weekly rows for a horizon of %d weeks", len(mt.rows), m.cfg.Run.HorizonWeeks)
	}
	return nil
}
