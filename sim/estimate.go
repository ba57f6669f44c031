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
// passed validation.
func Estimate(cfg *Config) Footprint {
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
	// People stay while waiting, supported and engaged: a year is a
	// generous bound for all three together in a scenario that is not
	// collapsing, and the initial state adds to it.
	// Converted before adding: two huge ints would wrap negative.
	people := rate*52 + float64(cfg.Initial.Waiting) + float64(cfg.Initial.Active)
	const perPerson = float64(unsafe.Sizeof(person{})) + 4*48 // slab entry plus its pending events
	columns := 60.0 + 8*float64(len(cfg.Groups)) + 4*float64(len(cfg.Profiles))
	bytes := people*perPerson + weeks*columns*8
	// Areas run one after another and their tables are summed, so events
	// scale with the number of areas but memory barely does: one area's
	// model at a time plus each area's KPIs.
	n := float64(max(1, cfg.Areas.Count, len(cfg.Areas.List)))
	var mul float64 = 1
	if given(&cfg.Areas.ReferralsMultiplier) {
		if d, err := cfg.Areas.ReferralsMultiplier.Duration(); err == nil {
			mul = d.Mean()
		}
	}
	if n > 1 {
		events *= n * mul
		bytes += weeks*columns*8 + n*(columns+200)*8
	}
	return Footprint{Events: math.Ceil(events), PeakPeople: math.Ceil(people), Bytes: math.Ceil(bytes)}
}
