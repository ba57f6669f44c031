package sim_test

import (
	"math"
	"testing"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/dist"
	"github.com/spsim/spsim/sim/experiment"
)

// move is a KPI a parameter change must move, and which way.
type move struct {
	kpi string
	up  bool
}

// response is one mechanism's parameter changed, and what it must move:
// the scenario as loaded (after both, if set) against the same with change
// applied, paired on common random numbers.
type response struct {
	name     string
	scenario string
	both     func(*sim.Config) // applied to both sides: a setting where the mechanism acts
	change   func(*sim.Config)
	reps     int // replications a side; 10 unless set
	moves    []move
}

// scaleMean returns spec with its mean multiplied by f (a fresh pointer: a
// loaded scenario may share a spec's parameters between profiles).
func scaleMean(s dist.Spec, f float64) dist.Spec {
	s.Mean = ptr(*s.Mean * f)
	return s
}

// TestMechanismResponses: each mechanism docs/model.md describes moves its
// outputs the way the model says when its own parameter changes, and by
// more than the noise: the whole paired 95% interval of the difference
// lies on the expected side of zero. A mechanism whose parameter the model
// ignored would give identical runs on common random numbers, a difference
// of exactly 0 [0, 0], and fail.
func TestMechanismResponses(t *testing.T) {
	up, down := true, false
	thinServices := func(c *sim.Config) { scaleServices(c, 0.4) }
	for _, r := range []response{
		// Demand.
		{name: "annual growth 0 to 15%", change: func(c *sim.Config) { c.Demand.AnnualGrowth = 0.15 },
			moves: []move{{sim.KPINewReferrals, up}, {sim.KPIWaitMean, up}, {sim.KPIReneged, up}}},
		{name: "inappropriate share 12% to 30%", change: func(c *sim.Config) { c.Demand.InappropriateShare = 0.3 },
			moves: []move{{sim.KPIInappropriate, up}, {sim.KPIReneged, down}, {sim.KPIWaitMean, down}}},
		{name: "assessment 45 to 120 minutes", change: func(c *sim.Config) { c.Support.AssessmentMinutes = 120 },
			moves: []move{{sim.KPISessionHours, up}, {sim.KPIHoursUtilisation, up}}},
		// Need profiles.
		{name: "sessions needed x1.5", change: func(c *sim.Config) {
			for _, p := range c.Profiles {
				p.Sessions = scaleMean(p.Sessions, 1.5)
			}
		}, moves: []move{{sim.KPIEpisodeWeeksMean, up}, {sim.KPIShortSupport, up}, {sim.KPIWaitMean, up}}},
		{name: "patience x2", change: func(c *sim.Config) {
			for _, p := range c.Profiles {
				p.PatienceWeeks = scaleMean(p.PatienceWeeks, 2)
			}
		}, moves: []move{{sim.KPIWaitingListMean, up}, {sim.KPIWaitMean, up}}},
		{name: "missed sessions x2", change: func(c *sim.Config) {
			for _, p := range c.Profiles {
				p.DNAProbability *= 2
			}
		}, moves: []move{{sim.KPIDropouts, up}, {sim.KPIContactsPerEpisode, down}}},
		{name: "drop out after 2 missed sessions to 1", change: func(c *sim.Config) { c.Support.DropoutAfterDNAs = 1 },
			moves: []move{{sim.KPIDropouts, up}, {sim.KPIEpisodeWeeksMean, down}}},
		{name: "session interval 2.25 to 3 weeks", change: func(c *sim.Config) {
			c.Support.SessionIntervalWeeks = scaleMean(c.Support.SessionIntervalWeeks, 3/2.25)
		}, moves: []move{{sim.KPIEpisodeWeeksMean, up}, {sim.KPIWaitMean, up}}},
		// Groups: inequity is an output of the multipliers, not an input.
		{name: "most deprived patience x0.8 to x1", change: func(c *sim.Config) { c.Groups["most_deprived"].PatienceMultiplier = 1 },
			moves: []move{{sim.KPIInequityGapRenegedShare, down}, {sim.KPIReneged + ".most_deprived", down}}},
		{name: "most deprived acceptance x0.9 to x1", change: func(c *sim.Config) { c.Groups["most_deprived"].VCSEAcceptanceMultiplier = 1 },
			moves: []move{{sim.KPIInequityGapNeedsMetShare, up}, {sim.KPIVCSEDeclined, down}}},
		// Allocation: under priority, complex needs (priority 2) go first.
		{name: "allocation fcfs to priority", change: func(c *sim.Config) { c.Workforce.Allocation = scenarios.Priority },
			moves: []move{{sim.KPIEpisodesCompleted + ".profile.complex", up}, {sim.KPIEpisodesCompleted + ".profile.low", down}}},
		{name: "most deprived given priority", both: func(c *sim.Config) { c.Workforce.Allocation = scenarios.Priority },
			change: func(c *sim.Config) { c.Groups["most_deprived"].Priority = 3 },
			moves:  []move{{sim.KPIInequityGapWait, down}, {sim.KPIInequityGapRenegedShare, down}}},
		// Support limits: fewer sessions free places and meet more needs per
		// referral, while fewer people finish their support (docs/model.md,
		// "Outcomes that face the right way").
		{name: "short-term limit 6 to 3 sessions", change: func(c *sim.Config) { c.Support.ShortTerm.MaxSessions = 3 },
			moves: []move{{sim.KPIShortSupport, up}, {sim.KPINeedsMetPer1000Referrals, up}, {sim.KPIReferredAllNeedsMetShare, down}, {sim.KPIWaitMean, down}}},
		{name: "short-term limit 12 to 6 weeks", change: func(c *sim.Config) { c.Support.ShortTerm.MaxWeeks = 6 },
			moves: []move{{sim.KPIShortSupport, up}, {sim.KPIEpisodeWeeksMean, down}, {sim.KPIWaitMean, down}}},
		// Link workers.
		{name: "caseload cap 45 to 55", change: func(c *sim.Config) { c.Workforce.CaseloadCapPerFTE = 55 },
			moves: []move{{sim.KPIWaitMean, down}, {sim.KPIReneged, down}, {sim.KPINeedsMetPer1000Referrals, up}}},
		{name: "admin share 25% to 70%", change: func(c *sim.Config) { c.Workforce.AdminShare = 0.7 },
			moves: []move{{sim.KPIHoursUtilisation, up}, {sim.KPIPressureMean, up}}},
		{name: "complex pressure weight 2 to 0", change: func(c *sim.Config) { c.Workforce.ComplexPressureWeight = 0 },
			moves: []move{{sim.KPIPressureMean, down}, {sim.KPILeaversPerFTE, down}}},
		{name: "holding pressure weight 1 to 4", both: thinServices, change: func(c *sim.Config) { c.Workforce.HoldingPressureWeight = 4 },
			moves: []move{{sim.KPIPressureMean, up}}},
		// Turnover and recruitment.
		{name: "leaving hazard 0.10 to 0.30", change: func(c *sim.Config) { c.Workforce.LeavingHazardPerYear = 0.3 }, reps: 30,
			moves: []move{{sim.KPILeaversPerFTE, up}, {sim.KPIVacancyWeeks, up}, {sim.KPICostRecruitment, up}}},
		// Recruitment and ramp-up act only after a leaver: high-turnover's.
		{name: "recruitment delay 22 to 44 weeks", scenario: "high-turnover", change: func(c *sim.Config) {
			c.Workforce.RecruitmentDelayWeeks = scaleMean(c.Workforce.RecruitmentDelayWeeks, 2)
		}, reps: 30, moves: []move{{sim.KPIVacancyWeeks, up}, {sim.KPICapacityPlaces, down}, {sim.KPICostLW, down}}},
		{name: "ramp-up at half the cap to a tenth", scenario: "high-turnover", change: func(c *sim.Config) { c.Workforce.RampUpCapShare = 0.1 }, reps: 30,
			moves: []move{{sim.KPICapacityPlaces, down}, {sim.KPIWaitMean, up}}},
		// Short-term support's 6 sessions would absorb most extra sessions:
		// under longer-term support they are held.
		{name: "handover extra sessions 1 to 4", scenario: "high-turnover", both: func(c *sim.Config) { c.Support.Model = scenarios.LongerTerm },
			change: func(c *sim.Config) { c.Workforce.HandoverExtraSessions = 4 }, reps: 30,
			moves: []move{{sim.KPIContactsPerEpisode, up}, {sim.KPIEpisodeWeeksMean, up}}},
		// Community services.
		{name: "community places x2", change: func(c *sim.Config) { scaleServices(c, 2) },
			moves: []move{{sim.KPINeedsMetPer1000Referrals, up}, {sim.KPIReferredAllNeedsMetShare, up}, {sim.KPIVCSEWaitingMean, down}}},
		{name: "acceptance x0.7", change: func(c *sim.Config) {
			for _, s := range c.Services {
				s.AcceptanceProbability *= 0.7
			}
		}, moves: []move{{sim.KPIVCSEDeclined, up}, {sim.KPINeedsMet, down}}},
		{name: "completion x0.7", change: func(c *sim.Config) {
			for _, s := range c.Services {
				s.CompletionProbability *= 0.7
			}
		}, moves: []move{{sim.KPINeedsMet, down}, {sim.KPIReferredAllNeedsMetShare, down}}},
		{name: "engagement x1.5", change: func(c *sim.Config) {
			for _, s := range c.Services {
				s.EngagementWeeks = scaleMean(s.EngagementWeeks, 1.5)
			}
		}, moves: []move{{sim.KPIVCSEWaitingMean, up}, {sim.KPINeedsMet, down}}},
		{name: "service patience x0.5", both: thinServices, reps: 20, change: func(c *sim.Config) {
			for _, s := range c.Services {
				s.PatienceWeeks = scaleMean(s.PatienceWeeks, 0.5)
			}
		}, moves: []move{{sim.KPIVCSEGaveUp, up}, {sim.KPIVCSEWaitingMean, down}}},
		{name: "full services refuse, not waitlist", change: func(c *sim.Config) {
			for _, s := range c.Services {
				s.WhenFull = scenarios.Refuse
			}
		}, moves: []move{{sim.KPIVCSERefused, up}, {sim.KPIVCSEWaitlisted, down}, {sim.KPIHoldingWeeks, down}}},
		{name: "grants end at week 104", scenario: "vcse-cut", both: func(c *sim.Config) {
			for _, s := range c.Timeline[0].Services {
				s.Places = nil // the cut's funding alone: closures, not fewer places
			}
		}, change: func(c *sim.Config) {
			for _, s := range c.Services {
				s.ClosureHazardPerYear *= 3
			}
		}, moves: []move{{sim.KPIVCSEClosures, up}, {sim.KPINeedsMet, down}}},
		// Holding.
		// Held people's needs are at the front of their services' lists
		// (they joined at the first session), and most are placed or give up
		// within weeks: the limit binds only when people wait long for a place.
		{name: "holding up to 12 to 24 weeks", both: func(c *sim.Config) {
			thinServices(c)
			for _, s := range c.Services {
				s.PatienceWeeks = scaleMean(s.PatienceWeeks, 4)
			}
		}, change: func(c *sim.Config) { c.Holding.MaxWeeks = 24 },
			moves: []move{{sim.KPIHoldingWeeks, up}, {sim.KPIWaitMean, up}}},
		{name: "holding on to off", both: thinServices, reps: 20, change: func(c *sim.Config) { c.Holding.Enabled = false },
			moves: []move{{sim.KPIHoldingWeeks, down}, {sim.KPIWaitMean, down}, {sim.KPINeedsUnmet, up}}},
		// Re-referral.
		// After the warm-up re-referrals run at the rate people leave with
		// needs unmet, whatever the delay: the delay decides how soon they
		// build up, so the run is measured from its start.
		{name: "re-referral delay 26 to 8 weeks", both: func(c *sim.Config) { c.Run.HorizonWeeks, c.Run.WarmupWeeks = 52, 0 }, change: func(c *sim.Config) {
			c.Rereferral.DelayWeeks = dist.Spec{Dist: "gamma", Mean: ptr(8), SD: ptr(4)}
		}, moves: []move{{sim.KPIRereferrals, up}, {sim.KPIWaitMean, up}}},
		// Roles beside the link workers (navigator-triage's care navigator).
		// At 60 places the navigator has room (its low-need referrals hold
		// about 40): a second post helps only where the first is full.
		{name: "care navigator posts 1 to 2", scenario: "navigator-triage", both: func(c *sim.Config) { c.Roles["care_navigator"].CaseloadCapPerFTE = 20 },
			change: func(c *sim.Config) { c.Roles["care_navigator"].Posts = 2 },
			moves:  []move{{sim.KPIEpisodesCompleted + "." + sim.RolePrefix + "care_navigator", up}, {sim.KPIReneged, down}}},
		// Low needs take about 4 sessions: at one, nearly all are handed on
		// to the link workers (an episode the navigator does not complete),
		// whose list they join and do not give up.
		{name: "care navigator's limit 3 to 1 sessions", scenario: "navigator-triage", change: func(c *sim.Config) { c.Roles["care_navigator"].Support.MaxSessions = 1 },
			moves: []move{{sim.KPIRoleHandovers, up}, {sim.KPIEpisodesCompleted + "." + sim.RolePrefix + "care_navigator", down}, {sim.KPIWaitingListMean, up}}},
		// Areas: a structural multiplier, drawn once per area from the seed.
		{name: "areas' referrals multiplier mean 1 to 1.3", both: func(c *sim.Config) {
			c.Areas.Count = 3
			c.Areas.ReferralsMultiplier = dist.Spec{Dist: "gamma", Mean: ptr(1), SD: ptr(0.25)}
		}, change: func(c *sim.Config) { c.Areas.ReferralsMultiplier.Mean = ptr(1.3) },
			moves: []move{{sim.KPINewReferrals, up}, {sim.KPIWaitMean, up}}},
	} {
		t.Run(r.name, func(t *testing.T) {
			name := r.scenario
			if name == "" {
				name = "baseline"
			}
			base, variant := load(t, name), load(t, name)
			if r.both != nil {
				r.both(base)
				r.both(variant)
			}
			r.change(variant)
			for _, c := range []*sim.Config{base, variant} {
				if errs := scenarios.Validate(c); len(errs) > 0 {
					t.Fatalf("an invalid scenario: %v", errs)
				}
			}
			reps := r.reps
			if reps == 0 {
				reps = 10
			}
			a, b := replicate(t, base, reps, 2), replicate(t, variant, reps, 2)
			for _, m := range r.moves {
				direction(t, m.kpi, experiment.Paired(kpi(t, a, m.kpi), kpi(t, b, m.kpi), 0.95), m.up)
			}
		})
	}
}

// TestCostsFollowTheirPrices: a price scales its cost exactly, and changes
// nothing else: prices never reach the model's dynamics, so every other
// KPI, the wait among them, is the same to the bit.
func TestCostsFollowTheirPrices(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*sim.Config)
		kpi    string
		factor float64
	}{
		{"salary x2", func(c *sim.Config) { c.Costs.SalaryPerFTEYear *= 2 }, sim.KPICostLW, 2},
		{"on-costs 28% to 56%", func(c *sim.Config) { c.Costs.OnCostShare = 0.56 }, sim.KPICostLW, 1.56 / 1.28},
		{"recruitment cost x3", func(c *sim.Config) { c.Costs.RecruitmentCost *= 3 }, sim.KPICostRecruitment, 3},
		{"GP appointments a year x2", func(c *sim.Config) {
			for _, p := range c.Profiles {
				p.GPAppointmentsPerYear *= 2
			}
		}, sim.KPIGPAppointmentsAvoided, 2},
		{"GP effect 10% to 28%", func(c *sim.Config) { c.Outcomes.GPEffectSize = 0.28 }, sim.KPIGPAppointmentsAvoided, 2.8},
		{"GP effect for half a year", func(c *sim.Config) { c.Outcomes.GPEffectDurationWeeks = 26 }, sim.KPIGPAppointmentsAvoided, 0.5},
		{"GP appointment value x2", func(c *sim.Config) { c.Costs.GPAppointmentValue *= 2 }, sim.KPIGPValue, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			base, priced := load(t, "baseline"), load(t, "baseline")
			c.change(priced)
			a, b := replicate(t, base, 2, 2), replicate(t, priced, 2, 2)
			for i := range a {
				x, _ := a[i].KPI(c.kpi)
				y, _ := b[i].KPI(c.kpi)
				if x <= 0 || math.Abs(y/x-c.factor) > 1e-9 {
					t.Errorf("replication %d: %s %v, then %v: a factor of %v, want %v", i, c.kpi, x, y, y/x, c.factor)
				}
				for _, k := range []string{sim.KPIWaitMean, sim.KPINeedsMet, sim.KPILeavers} {
					if x, _ := a[i].KPI(k); x != kpiOf(t, b[i], k) {
						t.Errorf("replication %d: a price changed %s from %v to %v", i, k, x, kpiOf(t, b[i], k))
					}
				}
			}
		})
	}
}

// TestReferralsFollowTheirRate: new referrals are the thinned Poisson
// process's points, so their mean over replications is the rate's
// integral over the measured weeks, growth, season and the timeline's
// steps included (docs/model.md, demand): the theory must lie in the
// replications' 95% interval.
func TestReferralsFollowTheirRate(t *testing.T) {
	for _, c := range []struct {
		name                    string
		growth, amplitude, peak float64
		step                    *sim.Change
	}{
		{name: "baseline", growth: 0, amplitude: 0.1, peak: 3},
		{name: "growth 15%, season ±40% peaking in summer", growth: 0.15, amplitude: 0.4, peak: 30},
		{name: "decline 20%, a step to 35 a week at week 120", growth: -0.2, amplitude: 0.1, peak: 3, step: &sim.Change{Week: 120, ReferralsPerWeek: ptr(35)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := load(t, "baseline")
			d := &cfg.Demand
			d.AnnualGrowth, d.SeasonalAmplitude, d.SeasonalPeakWeek = c.growth, c.amplitude, c.peak
			if c.step != nil {
				cfg.Timeline = append(cfg.Timeline, *c.step)
			}
			// rate is docs/model.md's: the base rate (the timeline's from its
			// week), compound growth from week 0 and the season's cosine.
			rate := func(tm float64) float64 {
				base := d.ReferralsPerWeek
				if c.step != nil && tm >= float64(c.step.Week) {
					base = *c.step.ReferralsPerWeek
				}
				return base * math.Pow(1+d.AnnualGrowth, tm/52) * (1 + d.SeasonalAmplitude*math.Cos(2*math.Pi*(tm-d.SeasonalPeakWeek)/52))
			}
			from, to := float64(cfg.Run.WarmupWeeks), float64(cfg.Run.HorizonWeeks)
			const steps = 100 // a step a week: the midpoint rule is exact far below the noise
			n := int(to-from) * steps
			integral := 0.0
			for i := range n {
				integral += rate(from+(float64(i)+0.5)/steps) / steps
			}
			within(t, "new referrals a year", kpi(t, replicate(t, cfg, 20, 2), sim.KPINewReferrals), integral*52/(to-from))
		})
	}
}

// TestSeasonMovesReferralsToItsPeak: a stronger season moves new referrals
// into the half-year around its peak (winter in the baseline) and out of
// the other half, paired on common random numbers.
func TestSeasonMovesReferralsToItsPeak(t *testing.T) {
	flat, seasonal := load(t, "baseline"), load(t, "baseline")
	flat.Demand.SeasonalAmplitude, seasonal.Demand.SeasonalAmplitude = 0, 0.4
	peak := seasonal.Demand.SeasonalPeakWeek
	share := func(rs []*sim.Result) []float64 {
		out := make([]float64, len(rs))
		for i, r := range rs {
			ref, re := r.Col(sim.ColReferrals), r.Col(sim.ColRereferrals)
			var near, all float64
			for w, row := range r.Weekly {
				n := row[ref] - row[re]
				all += n
				// Week w runs from w to w+1: its middle's place in the year.
				if math.Cos(2*math.Pi*(float64(w)+0.5-peak)/52) > 0 {
					near += n
				}
			}
			out[i] = near / all
		}
		return out
	}
	a, b := replicate(t, flat, 10, 2), replicate(t, seasonal, 10, 2)
	direction(t, "share of new referrals in the half-year around the peak", experiment.Paired(share(a), share(b), 0.95), true)
}
