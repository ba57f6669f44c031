package scenarios

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/spsim/spsim/sim/dist"
)

// span is a closed range of numbers.
type span struct{ lo, hi float64 }

func (s span) has(x float64) bool { return x >= s.lo && x <= s.hi }

// bounds are the ranges of one numeric key: a value outside hard is an
// error (it is impossible, or large enough to overflow or to make a run
// take hours); a value outside typical is a warning, as it is more likely a
// typo (28 for 0.28) than a real scenario. For a distribution they bound
// its mean.
type bounds struct {
	hard, typical span
	weeks         bool // a number of weeks, which might have been given in years
	minutes       bool // a number of minutes, which might have been given in hours
	share         bool // a fraction people read as a percentage (0.2 as 20%)
}

// b builds bounds.
func b(hardLo, hardHi, lo, hi float64) bounds {
	return bounds{hard: span{hardLo, hardHi}, typical: span{lo, hi}}
}

// inWeeks marks bounds as a number of weeks.
func inWeeks(x bounds) bounds { x.weeks = true; return x }

// asShare marks bounds as a fraction read as a percentage.
func asShare(x bounds) bounds { x.share = true; return x }

// inMinutes marks bounds as a number of minutes.
func inMinutes(x bounds) bounds { x.minutes = true; return x }

var (
	probabilityBounds = asShare(b(0, 1, 0, 1))
	linkWorkers       = b(0, 100000, 0, 200)
	referralRate      = b(0, 1e9, 0.5, 500) // the estimate refuses runs too large long before
	places            = b(0, 1e6, 0, 2000)
	funding           = b(0, 1e9, 0, 1e6)
	patience          = inWeeks(b(0, 1e12, 0.5, 104)) // 1e12: never gives up
	priority          = b(-1000, 1000, -100, 100)
	multiplier        = b(0, 100, 0.2, 5)
)

// ranges holds the bounds of every numeric key of a scenario, by generic
// key (see hintFor). TestRangesCoverConfig checks that every numeric key of
// Config has an entry, so a key added to the model must be given one.
var ranges = map[string]bounds{
	"run.horizon_weeks": inWeeks(b(1, 2600, 13, 2600)),
	"run.warmup_weeks":  inWeeks(b(0, 2599, 0, 520)),
	"run.replications":  b(1, 10000, 2, 1000),
	"run.seed":          b(0, math.MaxUint64, 0, math.MaxUint64),

	"demand.referrals_per_week":  referralRate,
	"demand.annual_growth":       asShare(b(-1, 10, -0.2, 0.3)),
	"demand.seasonal_amplitude":  asShare(b(0, 1, 0, 0.5)),
	"demand.seasonal_peak_week":  b(0, 52, 0, 52),
	"demand.inappropriate_share": asShare(b(0, 1, 0, 0.5)),

	"initial.waiting": b(0, 1e7, 0, 5000),
	"initial.active":  b(0, 1e7, 0, 5000),

	"initial.people.*.age_weeks": inWeeks(b(0, maxAgeWeeks, 0, 520)),
	"initial.people.*.sessions":  b(0, 1000, 0, 60),

	"profiles.*.share":                    probabilityBounds,
	"profiles.*.priority":                 priority,
	"profiles.*.sessions":                 b(1, 1000, 1, 50),
	"profiles.*.needs.*":                  probabilityBounds,
	"profiles.*.patience_weeks":           patience,
	"profiles.*.dna_probability":          asShare(b(0, 1, 0, 0.6)),
	"profiles.*.gp_appointments_per_year": b(0, 365, 0, 50),

	"groups.*.share":                      probabilityBounds,
	"groups.*.priority":                   priority,
	"groups.*.profile_mix.*":              probabilityBounds,
	"groups.*.patience_multiplier":        multiplier,
	"groups.*.vcse_acceptance_multiplier": b(0, 100, 0.2, 2),
	"groups.*.service_acceptance.*":       b(0, 100, 0.2, 2),

	"workforce.link_workers":                         linkWorkers,
	"workforce.fte":                                  b(0, 1.5, 0.2, 1.2),
	"workforce.contracted_hours_per_week":            b(0, 80, 15, 48),
	"workforce.caseload_cap_per_fte":                 b(1, 10000, 10, 150),
	"workforce.sustainable_caseload_per_fte":         b(1, 10000, 20, 80),
	"workforce.admin_share":                          asShare(b(0, 1, 0, 0.6)),
	"workforce.leaving_hazard_per_year":              b(0, 52, 0, 1),
	"workforce.pressure_sensitivity":                 b(0, 50, 0, 5),
	"workforce.complex_pressure_weight":              b(0, 100, 0, 10),
	"workforce.waiting_pressure_weight":              b(0, 100, 0, 10),
	"workforce.holding_pressure_weight":              b(0, 100, 0, 10),
	"workforce.recruitment_delay_weeks":              inWeeks(b(0, 520, 0, 78)),
	"workforce.ramp_up_weeks":                        inWeeks(b(0, 520, 0, 52)),
	"workforce.ramp_up_cap_share":                    asShare(b(0, 1, 0.1, 1)),
	"workforce.handover_extra_sessions":              b(0, 100, 0, 5),
	"workforce.supervision.hours_per_week":           b(0, 40, 0, 8),
	"workforce.supervision.cost_per_fte_year":        b(0, 1e6, 0, 20000),
	"workforce.supervision.leaving_hazard_reduction": asShare(b(0, 1, 0, 0.8)),

	"roles.*.posts":                                linkWorkers,
	"roles.*.fte":                                  b(0, 1.5, 0.2, 1.2),
	"roles.*.caseload_cap_per_fte":                 b(1, 10000, 10, 150),
	"roles.*.salary_per_fte_year":                  b(0, 1e6, 15000, 80000),
	"roles.*.leaving_hazard_per_year":              b(0, 52, 0, 1),
	"roles.*.support.max_sessions":                 b(1, 1000, 1, 60),
	"roles.*.support.max_weeks":                    inWeeks(b(0, 1e12, 1, 156)),
	"roles.*.supervision_hours_per_week":           b(0, 40, 0, 8),
	"roles.*.supervision_cost_per_fte_year":        b(0, 1e6, 0, 20000),
	"roles.*.supervision_leaving_hazard_reduction": asShare(b(0, 1, 0, 0.8)),

	"support.first_session_minutes":    inMinutes(b(0, 1440, 10, 180)),
	"support.followup_minutes":         inMinutes(b(0, 1440, 5, 120)),
	"support.session_interval_weeks":   inWeeks(b(0.1, 52, 0.5, 8)),
	"support.dropout_after_dnas":       b(0, 100, 0, 10),
	"support.short_term.max_sessions":  b(1, 1000, 1, 60),
	"support.short_term.max_weeks":     inWeeks(b(0, 1e12, 1, 156)), // 1e12: no limit
	"support.longer_term.max_sessions": b(1, 1000, 1, 60),
	"support.longer_term.max_weeks":    inWeeks(b(0, 1e12, 1, 156)),
	"support.tiered_reserved_share":    asShare(b(0, 1, 0, 0.8)),
	"support.assessment_minutes":       inMinutes(b(0, 1440, 0, 180)),

	"services.*.places":                  places,
	"services.*.engagement_weeks":        inWeeks(b(0, 520, 0.5, 104)),
	"services.*.acceptance_probability":  probabilityBounds,
	"services.*.completion_probability":  probabilityBounds,
	"services.*.patience_weeks":          patience,
	"services.*.grant_per_place_year":    b(0, 1e6, 0, 10000),
	"services.*.funding_per_year":        funding,
	"services.*.closure_hazard_per_year": b(0, 52, 0, 2),

	// A check-in more often than every 0.1 weeks (half a day) would make a
	// single replication run for minutes.
	"holding.checkin_interval_weeks": inWeeks(b(0.1, 52, 0.5, 8)),
	"holding.checkin_minutes":        inMinutes(b(0, 1440, 0, 60)),
	"holding.max_weeks":              inWeeks(b(0, 1e12, 0, 104)),

	"rereferral.probability": probabilityBounds,
	"rereferral.delay_weeks": inWeeks(b(0, 520, 1, 104)),

	"costs.salary_per_fte_year":  b(0, 1e6, 15000, 80000),
	"costs.on_cost_share":        asShare(b(0, 100, 0, 0.6)),
	"costs.recruitment_cost":     b(0, 1e6, 0, 20000),
	"costs.gp_appointment_value": b(0, 10000, 10, 200),

	"outcomes.gp_effect_size":           asShare(b(0, 1, 0, 0.5)),
	"outcomes.gp_effect_duration_weeks": inWeeks(b(0, 520, 0, 156)),

	"timeline.*.week":                        inWeeks(b(1, 2600, 1, 2600)),
	"timeline.*.link_workers":                linkWorkers,
	"timeline.*.referrals_per_week":          referralRate,
	"timeline.*.services.*.places":           places,
	"timeline.*.services.*.funding_per_year": funding,

	"areas.count":                        b(0, maxAreas, 0, 2000),
	"areas.referrals_multiplier":         b(0, 100, 0.1, 10),
	"areas.reference_group_share":        probabilityBounds,
	"areas.list.*.referrals_multiplier":  b(0, 100, 0.1, 10),
	"areas.list.*.reference_group_share": probabilityBounds,
}

// unbounded are numeric generic keys that ranges leaves out on purpose:
// an area's set overrides are checked as the keys they set.
var unbounded = map[string]bool{"areas.list.*.set.*": true}

// checkRanges reports every number of the Config outside its hard range as
// an error (unless another rule reported it) and outside its typical range
// as a warning.
func (v *validator) checkRanges(path []string, x reflect.Value) {
	if len(path) > 0 && v.reported[keyString(path)] {
		return
	}
	var value float64
	switch x.Kind() {
	case reflect.Pointer:
		if !x.IsNil() {
			v.checkRanges(path, x.Elem())
		}
		return
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		value = float64(x.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		value = float64(x.Uint())
	case reflect.Float32, reflect.Float64:
		value = x.Float()
	case reflect.Struct:
		if isOpaque(x.Type()) {
			s, ok := x.Interface().(dist.Spec)
			if !ok || !isSet(s) {
				return
			}
			m, ok := specMean(s)
			if !ok {
				return
			}
			v.rangeOf(path, m, s, "its mean ")
			v.spread(path, m, s)
			return
		}
		for _, f := range fieldsOf(x.Type()) {
			v.checkRanges(join(path, f.name), x.Field(f.index))
		}
		return
	case reflect.Map:
		// In key order, not the map's: which warnings a long list keeps
		// (100 a key) must not change from one run to the next.
		keys := x.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			v.checkRanges(join(path, k.String()), x.MapIndex(k))
		}
		return
	case reflect.Slice:
		for i := range x.Len() {
			v.checkRanges(join(path, fmt.Sprint(i)), x.Index(i))
		}
		return
	default:
		return
	}
	v.rangeOf(path, value, x.Interface(), "")
}

// maxTypicalCV is the largest spread of a distribution, as its sd over its
// mean, that a scenario plausibly means: waits, durations and counts in
// services vary, but an sd of 1e6 on a mean of 12 puts nearly every draw
// near 0 and a rare few in the millions.
const maxTypicalCV = 5

// spread warns of a distribution whose sd dwarfs its mean m.
func (v *validator) spread(path []string, m float64, s dist.Spec) {
	if s.SD == nil || !(m > 0) || !(*s.SD > maxTypicalCV*m) || !v.c.warnsImplausible() {
		return
	}
	v.warn(path, s, fmt.Sprintf("its sd %s is %s times its mean %s: nearly every draw falls near 0 and a rare few are huge; an sd above %d times the mean is rarely meant",
		formatNumber(*s.SD), formatDerived(*s.SD/m), formatNumber(m), maxTypicalCV))
}

// specMean is the mean of a distribution, if it has a finite one.
func specMean(s dist.Spec) (float64, bool) {
	if d, err := s.Duration(); err == nil {
		m := d.Mean()
		return m, !math.IsNaN(m) && !math.IsInf(m, 0)
	}
	if c, err := s.Count(); err == nil {
		m := c.Mean()
		return m, !math.IsNaN(m) && !math.IsInf(m, 0)
	}
	return 0, false
}

// rangeOf checks x, the value (or mean, as what says) at path, against its
// bounds. raw is the value as set, for the message.
func (v *validator) rangeOf(path []string, x float64, raw any, what string) {
	bd, ok := ranges[genericKey(path)]
	if !ok || math.IsNaN(x) || math.IsInf(x, 0) {
		return // NaN and Inf are reported by finite
	}
	if !bd.hard.has(x) {
		msg := withHint(fmt.Sprintf("%smust be between %s and %s", what, formatNumber(bd.hard.lo), formatNumber(bd.hard.hi)), path)
		if s := likelyFix(x, bd, isWhole(raw)); s != "" {
			msg += "; " + s
		}
		v.add(path, raw, msg)
		return
	}
	if bd.typical.has(x) || !v.c.warnsImplausible() || v.c.peopleFromFile && path[0] == "initial" {
		return // a caseload file's people are warned of at its lines (countWarnings)
	}
	msg := fmt.Sprintf("%s%s is outside the plausible range %s to %s", what, formatNumber(x), formatNumber(bd.typical.lo), formatNumber(bd.typical.hi))
	if h := hintFor(path); h != "" {
		msg += " (" + h + ")"
	}
	if s := likelyFix(x, bd, isWhole(raw)); s != "" {
		msg += "; " + s
	}
	v.warn(path, raw, msg)
}

// isWhole reports whether raw, a value as set, is of a whole-number key
// (sessions, posts, places).
func isWhole(raw any) bool {
	switch reflect.ValueOf(raw).Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// likelyFix suggests the value a typo most likely stood for: a percentage
// for a fraction (28 for 0.28), a value ten or a thousand times too large,
// or years for weeks. Of a whole-number key (whole) it suggests only whole
// numbers: sessions = 80 is not a slip for 0.8, which the key cannot hold.
// It returns "" if none is typical.
func likelyFix(x float64, bd bounds, whole bool) string {
	type fix struct {
		y    float64
		note string
	}
	var fixes []fix
	if bd.minutes {
		hours := "hours"
		if x == 1 {
			hours = "hour"
		}
		fixes = append(fixes, fix{x * 60, fmt.Sprintf(" (%s %s in minutes)", formatNumber(x), hours)})
	}
	// A value of 1 or less is not a larger one's slip (0.9 is not 0.009).
	if math.Abs(x) > 1 {
		fixes = append(fixes, fix{x / 100, ""}, fix{x / 10, ""}, fix{x / 1000, ""})
	}
	if bd.weeks {
		fixes = append(fixes, fix{x * 52, fmt.Sprintf(" (%s years in weeks)", formatNumber(x))})
	}
	// A fraction for a number of places or percent (0.45 for 45); not 1,
	// which is no slip of 100.
	if math.Abs(x) < 1 {
		fixes = append(fixes, fix{x * 100, ""})
	}
	for _, f := range fixes {
		if f.y != 0 && bd.typical.has(f.y) && (!whole || f.y == math.Trunc(f.y)) {
			return fmt.Sprintf("did you mean %s%s?", formatDerived(f.y), f.note)
		}
	}
	return ""
}

// typicalReferralsPerFTE is referrals a week per link-worker FTE in
// England: about 1.3 million referrals a year for about 1,250 PCNs of
// three link workers, 20 a week for three (docs/model.md).
const typicalReferralsPerFTE = 20.0 / 3

// demandPerFTE warns of referrals a week more than four times the typical
// load for the team's funded FTE: each value may be plausible alone (a
// large PCN, a small team), but together they are more often a typo, 180
// for 18, than a service meant to turn most people away.
func (v *validator) demandPerFTE() {
	d, w := v.c.Demand, v.c.Workforce
	fte := float64(w.LinkWorkers) * w.FTE
	if !v.c.warnsImplausible() || !(fte > 0) || !(d.ReferralsPerWeek > 0) || v.reported["demand.referrals_per_week"] {
		return
	}
	per := d.ReferralsPerWeek / fte
	if per <= 4*typicalReferralsPerFTE || math.IsInf(per, 0) {
		return
	}
	msg := fmt.Sprintf("%s referrals a week for %s link-worker FTE (workforce.link_workers × fte) is %s a week each, more than four times the typical %s (about 20 a week for a PCN's three)",
		formatNumber(d.ReferralsPerWeek), formatDerived(fte), formatDerived(per), formatDerived(typicalReferralsPerFTE))
	// A team outside its own plausible range is the likelier typo, and
	// its own warning says so: no fix of the referrals is suggested then.
	team := ranges["workforce.fte"].typical.has(w.FTE) && ranges["workforce.link_workers"].typical.has(float64(w.LinkWorkers))
	for _, f := range []float64{10, 100} {
		if team && per/f <= 4*typicalReferralsPerFTE && per/f >= typicalReferralsPerFTE/4 {
			msg += fmt.Sprintf("; did you mean %s?", formatDerived(d.ReferralsPerWeek/f))
			break
		}
	}
	v.warn(p("demand", "referrals_per_week"), d.ReferralsPerWeek, msg, "workforce.link_workers", "workforce.fte")
}

// warnsImplausible reports whether values outside the plausible ranges are
// warned of: unless run.plausibility_warnings is false.
func (c *Config) warnsImplausible() bool {
	return c.Run.PlausibilityWarnings == nil || *c.Run.PlausibilityWarnings
}
