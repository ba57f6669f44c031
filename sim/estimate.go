package sim

import (
	"math"
	"unsafe"
)

// Footprint is a rough, deliberately generous estimate of what one
// replication of a scenario costs, made before it runs so that a scenario
// too large for the machine is refused with numbers rather than left to run
// out of memory.
type Footprint struct {
	Events     float64 // events fired
	PeakPeople float64 // people in the system at once
	Bytes      float64 // memory for the model and its weekly table
}

// Estimate returns the footprint of one replication of cfg, which must have
// passed validation. A scenario of several areas is estimated area by
// area, each as resolved with its own settings (an area's referrals or
// posts may be far from the scenario's).
func Estimate(cfg *Config) Footprint {
	if !cfg.Areas.Several() {
		return estimateArea(cfg)
	}
	areas, err := AreaConfigs(cfg)
	if err != nil { // as validation would have refused: estimate the scenario alone
		return estimateArea(cfg)
	}
	// Areas run a few at a time and their tables are summed, so events
	// add up but memory barely does: the largest area's model at a time
	// plus each area's KPIs and the total's table.
	var f Footprint
	for _, a := range areas {
		e := estimateArea(a.Config)
		f.Events += e.Events
		f.PeakPeople = max(f.PeakPeople, e.PeakPeople)
		f.Bytes = max(f.Bytes, e.Bytes)
	}
	weeks, columns := float64(cfg.Run.HorizonWeeks), weeklyColumns(cfg)
	f.Bytes += weeks*columns*8 + float64(len(areas))*(columns+200)*8
	return f
}

// weeklyColumns is about how many columns a weekly row of cfg has.
func weeklyColumns(cfg *Config) float64 {
	return 60.0 + 8*float64(len(cfg.Groups)) + 4*float64(len(cfg.Profiles))
}

// postEventCost is how many posts' worth of bookkeeping costs about as
// much as an event: a week's close visits every post, and a post filled,
// ramped up or vacated sums the team's capacity afresh.
const postEventCost = 50

// estimateArea is Estimate for one area's resolved scenario.
func estimateArea(cfg *Config) Footprint {
	weeks := float64(cfg.Run.HorizonWeeks)
	rate := maxReferralRate(cfg)
	var sessions, needs float64
	for _, name := range sortedKeys(cfg.Profiles) { // in order: a float sum depends on it
		p := cfg.Profiles[name]
		if c, err := p.Sessions.Count(); err == nil {
			sessions += p.Share * c.Mean()
		}
		for _, cat := range sortedKeys(p.Needs) {
			needs += p.Share * p.Needs[cat]
		}
	}
	// Per referral: the candidate arrival, sessions (plus an end), and for
	// each need a referral, a wait and an engagement; thinning and holding
	// add a little, which the factor 1.5 covers.
	perReferral := 1.5 * (2 + sessions + 3*needs)
	events := weeks*rate*perReferral + weeks*float64(1+len(cfg.Services))
	// Posts: each week's close visits every post, and each post that
	// changes (a leaver, a starter, the end of a ramp-up: three a leaver,
	// at a hazard that pressure may multiply by e or so) sums the whole
	// team again.
	posts, hazard := postsAndHazard(cfg)
	changes := 3 * posts * hazard * math.E / 52
	events += weeks * posts * (1 + changes) / postEventCost
	// People stay while waiting, supported and engaged: a year is a
	// generous bound for all three together in a scenario that is not
	// collapsing, and the initial state adds to it.
	// Converted before adding: two huge ints would wrap negative.
	people := rate*52 + float64(cfg.Initial.Waiting) + float64(cfg.Initial.Active)
	const perPerson = float64(unsafe.Sizeof(person{})) + 4*48  // slab entry plus its pending events
	const perPost = float64(unsafe.Sizeof(linkWorker{})) + 3*8 // and its leaves of the room trees
	bytes := people*perPerson + posts*perPost + weeks*weeklyColumns(cfg)*8
	return Footprint{Events: math.Ceil(events), PeakPeople: math.Ceil(people), Bytes: math.Ceil(bytes)}
}

// postsAndHazard are the most posts cfg funds at any time (its roles' and
// its timeline's included) and the highest no-pressure leaving hazard a
// year of any role.
func postsAndHazard(cfg *Config) (posts, hazard float64) {
	lw := cfg.Workforce.LinkWorkers
	for _, ch := range cfg.Timeline {
		if ch.LinkWorkers != nil {
			lw = max(lw, *ch.LinkWorkers)
		}
	}
	posts, hazard = float64(lw), cfg.Workforce.LeavingHazardPerYear
	for _, name := range sortedKeys(cfg.Roles) {
		r := cfg.Roles[name]
		posts += float64(r.Posts)
		hazard = max(hazard, r.LeavingHazardPerYear)
	}
	return posts, hazard
}
