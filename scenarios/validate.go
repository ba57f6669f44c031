package scenarios

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spsim/spsim/internal/tomlnum"
	"github.com/spsim/spsim/sim/dist"
)

// Validate checks every value of c against the model's rules and returns
// every problem found, in no particular order; it returns nil for a valid
// Config. Problems are named by key path; Load turns them into Errors that
// say which file and line set the value.
func Validate(c *Config) []FieldError {
	if c == nil {
		return []FieldError{{Msg: "no scenario (nil Config)"}}
	}
	v := validate(c, nil)
	if v.more > 0 {
		v.errs = append(v.errs, FieldError{Msg: fmt.Sprintf("... and %d more problems", v.more)})
	}
	return v.errs
}

// validate checks c, leaving out errors for which skip is true, and stops
// composing messages after maxErrors.
func validate(c *Config, skip func(FieldError) bool) *validator {
	v := &validator{
		c:          c,
		skip:       skip,
		profiles:   newNames(sortedKeys(c.Profiles)),
		groups:     newNames(sortedKeys(c.Groups)),
		services:   newNames(sortedKeys(c.Services)),
		categories: newNames(c.Categories),
	}
	v.top()
	v.collectionNames() // validate_refs.go
	v.run()
	v.demand()
	v.workforce()
	v.initial()
	v.profileRules()
	v.groupRules()
	v.support()
	v.serviceRules()
	v.holding()
	v.timeline()
	v.timelineSteps()
	v.modelRules() // validate_model.go
	v.roleRules()  // validate_roles.go
	v.areas()
	v.reported = map[string]bool{}
	for _, e := range v.errs {
		v.reported[e.Key] = true
	}
	v.finite(nil, reflect.ValueOf(c).Elem())
	v.checkRanges(nil, reflect.ValueOf(c).Elem())
	v.demandPerFTE()
	return v
}

type validator struct {
	collector
	c    *Config
	skip func(FieldError) bool

	profiles, groups, services, categories names
	reported                               map[string]bool // keys with an error, for finite
	warns                                  []FieldError    // values that are allowed but unlikely
	warnsPerKey                            map[string]int  // warnings about each genericKey, shown or not
	moreWarns                              []moreWarns     // warnings left out, by key, in the order first left out
}

// moreWarns counts the warnings about one generic key (timeline.*.note,
// initial.people.*.sessions) past those shown.
type moreWarns struct {
	key string
	n   int
}

// warn reports a value that is allowed but unlikely, such as a percentage
// where a fraction is expected; also are other keys it involves, as for
// an error.
func (v *validator) warn(path []string, x any, msg string, also ...string) {
	if v.skip != nil && v.skip(FieldError{Key: keyString(path)}) {
		return
	}
	// Warnings are counted and cut key by key, not all together: a
	// hundred people's sessions pushed out the warning of a key checked
	// after them, such as on_cost_share = 28, which was then lost.
	g := genericKey(path)
	if v.warnsPerKey == nil {
		v.warnsPerKey = map[string]int{}
	}
	if v.warnsPerKey[g]++; v.warnsPerKey[g] > shownPerGenericKey(g) {
		i := slices.IndexFunc(v.moreWarns, func(m moreWarns) bool { return m.key == g })
		if i < 0 {
			i, v.moreWarns = len(v.moreWarns), append(v.moreWarns, moreWarns{key: g})
		}
		v.moreWarns[i].n++
		return
	}
	v.warns = append(v.warns, FieldError{Key: keyString(path), Value: formatValue(x), Msg: msg, Also: also})
}

// shownPerGenericKey is how many warnings about one generic key are shown
// one by one: today's people as a caseload file's are (alikeShown), a
// few, and maxErrors of anything else (many timeline steps, each its own
// typo).
func shownPerGenericKey(g string) int {
	if strings.HasPrefix(g, "initial.people.") {
		return alikeShown
	}
	return maxErrors
}

// warning is the line that stands for the warnings about one generic
// key left out, in file top.
func (m moreWarns) warning(top string) Warning {
	msg := fmt.Sprintf("... and %d more warnings about %s", m.n, m.key)
	if strings.HasPrefix(m.key, "initial.people.") {
		msg = fmt.Sprintf("... and %d more people with a warning about their %s, as above", m.n, strings.TrimPrefix(m.key, "initial.people.*."))
	}
	return Warning{File: top, Key: m.key, Message: msg, More: m.n}
}

// names is a list of names, with a set for quick look-ups.
type names struct {
	list []string
	set  map[string]bool
}

func newNames(list []string) names {
	n := names{list: list, set: make(map[string]bool, len(list))}
	for _, s := range list {
		n.set[s] = true
	}
	return n
}

// rule is a condition on a number and how to say it.
type rule struct {
	text string
	ok   func(float64) bool
}

var (
	positive    = rule{"> 0", func(x float64) bool { return x > 0 }}
	nonNegative = rule{">= 0", func(x float64) bool { return x >= 0 }}
	probability = rule{"between 0 and 1", func(x float64) bool { return x >= 0 && x <= 1 }}
	fraction    = rule{"at least 0 and less than 1", func(x float64) bool { return x >= 0 && x < 1 }}
)

// p builds a key path.
func p(segs ...string) []string { return segs }

// want reports whether an error at path (involving also) would be
// reported, counting it if there is no room left.
func (v *validator) want(path []string, also []string) bool {
	if v.skip != nil && v.skip(FieldError{Key: keyString(path), Also: also}) {
		return false
	}
	return v.room()
}

// add reports a problem with the value x at path.
func (v *validator) add(path []string, x any, msg string, also ...string) {
	if !v.want(path, also) {
		return
	}
	val := ""
	if x != nil {
		val = formatValue(x)
	}
	v.errs = append(v.errs, FieldError{Key: keyString(path), Value: val, Msg: msg, Also: also})
}

// withHint appends what the key means to msg.
func withHint(msg string, path []string) string {
	if h := hintFor(path); h != "" {
		return msg + " (" + h + ")"
	}
	return msg
}

// num checks that x is finite and obeys r, and reports whether it does.
func (v *validator) num(path []string, x float64, r rule) bool {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		v.add(path, x, withHint("must be a finite number", path))
		return false
	}
	if !r.ok(x) {
		msg := "must be " + r.text
		// A share written as a percentage (25 for 0.25): the likeliest typo.
		// Not below 2: 1.5 may mean 15% as well as 1.5%.
		if (r.text == probability.text || r.text == fraction.text) && x >= 2 && x <= 100 && r.ok(x/100) {
			msg += fmt.Sprintf("; did you mean %s (%s%%)?", formatNumber(x/100), formatNumber(x))
		}
		v.add(path, x, withHint(msg, path))
		return false
	}
	return true
}

// whole checks that lo <= n <= hi, and reports whether it is.
func (v *validator) whole(path []string, n, lo, hi int) bool {
	if n >= lo && n <= hi {
		return true
	}
	msg := fmt.Sprintf("must be between %d and %d", lo, hi)
	if hi == math.MaxInt {
		msg = fmt.Sprintf("must be %d or more", lo)
	}
	v.add(path, n, withHint(msg, path))
	return false
}

// oneOf checks that s is one of allowed.
func (v *validator) oneOf(path []string, s string, allowed ...string) {
	if slices.Contains(allowed, s) {
		return
	}
	quoted := make([]string, len(allowed))
	for i, a := range allowed {
		quoted[i] = fmt.Sprintf("%q", a)
	}
	msg := "must be one of " + strings.Join(quoted, ", ")
	if s := suggest(s, allowed); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	v.add(path, s, msg)
}

// duration checks a distribution of times and returns it, or nil.
func (v *validator) duration(path []string, s dist.Spec) dist.Duration {
	d, err := s.Duration()
	if err != nil {
		v.add(path, s, withHint(err.Error(), path))
		return nil
	}
	return d
}

// ref checks that name is one of ns, names of kind (e.g. "profile")
// declared under the key also, and reports whether it is.
func (v *validator) ref(path []string, name, kind string, ns names, also string) bool {
	if ns.set[name] {
		return true
	}
	if !v.want(path, []string{also}) {
		return false
	}
	msg := fmt.Sprintf("%q is not a %s", name, kind)
	if len(ns.list) <= 1000 {
		if s := suggest(name, ns.list); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
	}
	if len(ns.list) == 0 {
		msg += fmt.Sprintf(" (the scenario has no %s)", also)
	} else {
		msg += fmt.Sprintf(" (%s: %s)", also, listNames(ns.list))
	}
	v.add(path, name, msg, also)
	return false
}

// sumToOne checks that the shares of a collection sum to 1.
func (v *validator) sumToOne(path []string, what string, shares map[string]float64, leaf string) {
	sum, terms := 0.0, make([]string, 0, len(shares))
	also := make([]string, 0, len(shares))
	for _, name := range sortedKeys(shares) {
		x := shares[name]
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return // reported on its own
		}
		sum += x
		terms = append(terms, fmt.Sprintf("%s %s", name, formatNumber(x)))
		also = append(also, keyString(join(path, name, leaf)))
		if leaf == "" {
			also[len(also)-1] = keyString(join(path, name))
		}
	}
	if math.Abs(sum-1) <= 1e-6 {
		return
	}
	if len(terms) > 12 {
		terms = append(terms[:12], fmt.Sprintf("... (%d more)", len(terms)-12))
	}
	msg := fmt.Sprintf("%s sum to %s, not 1: %s", what, strconv.FormatFloat(sum, 'g', 10, 64), strings.Join(terms, " + "))
	if names := sortedKeys(shares); len(names) == 2 {
		// Setting one of two (a --set, an areas column) leaves the other as
		// it was: say what the other would be.
		a, b := names[0], names[1]
		msg += fmt.Sprintf("; two shares are each 1 minus the other: %s %s with %s %s, or %s %s with %s %s",
			a, formatNumber(shares[a]), b, formatDerived(1-shares[a]), b, formatNumber(shares[b]), a, formatDerived(1-shares[b]))
	}
	v.add(path, nil, msg, also...)
}

// blank reports whether a name shows nothing: it is empty, or holds only
// spaces (of any width) and characters that print as nothing, such as a
// zero-width space (U+200B), a byte-order mark or a Hangul filler, which a
// name pasted from a web page or a spreadsheet may bring with it.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point) {
			return false
		}
	}
	return true
}

// invisible says, of a blank name that is not empty, what it holds, as
// "(only "\u200b", which prints as nothing)"; "" for an empty name.
func invisible(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf(" (only %s, which prints as nothing)", strconv.QuoteToASCII(s))
}

// formatNumber writes x briefly, for messages.
func formatNumber(x float64) string {
	s := tomlnum.Float(x)
	return strings.TrimSuffix(s, ".0")
}

// formatDerived writes a number worked out from the scenario's values (a
// product, a ratio) to three significant figures, so that floating-point
// noise (54.00000000000001 for 3 × 0.4 × 45) never reaches a message.
func formatDerived(x float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 3, 64), 64)
	if err != nil {
		return formatNumber(x)
	}
	return formatNumber(r)
}

// NameProblems says what is wrong with name as a scenario's name, one
// message a problem, as the loader refuses it: nothing if it is a name.
// A command that writes a scenario (calibrate's --name) checks it first.
func NameProblems(name string) []string {
	var out []string
	if blank(name) {
		out = append(out, "must not be empty"+invisible(name))
	}
	// A name is printed to the terminal and names files: an escape or a
	// line break there could forge lines.
	if strings.ContainsFunc(name, unicode.IsControl) {
		out = append(out, "must not contain control characters (a line break, tab or escape)")
	}
	// A name labels folders, charts, sheets and the report's title,
	// where a long one no longer reads.
	if n := utf8.RuneCountInString(name); n > MaxNameChars {
		out = append(out, fmt.Sprintf("must be at most %d characters, not %d: a name labels the outputs; say more in the scenario's question", MaxNameChars, n))
	}
	return out
}

func (v *validator) top() {
	for _, msg := range NameProblems(v.c.Name) {
		v.add(p("name"), v.c.Name, msg)
	}
	// A question may run over lines.
	if strings.ContainsFunc(v.c.Question, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) {
		v.add(p("question"), v.c.Question, "must not contain control characters other than line breaks and tabs (an escape, say)")
	}
	if blank(v.c.Question) {
		v.add(p("question"), v.c.Question, "must not be empty"+invisible(v.c.Question)+": say what the scenario asks")
	}
	// A question heads the report and the workbook: too long for them, it
	// failed the run at its end, writing results.xlsx.
	if n := utf8.RuneCountInString(v.c.Question); n > maxQuestionChars {
		v.add(p("question"), v.c.Question, fmt.Sprintf("must be at most %d characters, not %d: a question is a sentence or a short paragraph; keep notes in comments (# ...)", maxQuestionChars, n))
	}
}

// MaxNameChars, maxQuestionChars and maxNoteChars bound a scenario's
// name, its question and a timeline step's note.
const (
	MaxNameChars     = 200
	maxQuestionChars = 2000
	maxNoteChars     = 500
)

func (v *validator) run() {
	r := v.c.Run
	okHorizon := v.whole(p("run", "horizon_weeks"), r.HorizonWeeks, 1, 2600)
	switch {
	case r.WarmupWeeks < 0:
		v.whole(p("run", "warmup_weeks"), r.WarmupWeeks, 0, math.MaxInt)
	case okHorizon && r.WarmupWeeks >= r.HorizonWeeks:
		v.add(p("run", "warmup_weeks"), r.WarmupWeeks, fmt.Sprintf(
			"a warm-up at least as long as the horizon leaves nothing to report; must be less than run.horizon_weeks = %d",
			r.HorizonWeeks), "run.horizon_weeks")
		if n := len(v.errs); n > 0 && v.errs[n-1].Key == "run.warmup_weeks" {
			v.errs[n-1].alt = &FieldError{Key: "run.horizon_weeks", Value: fmt.Sprint(r.HorizonWeeks), Also: []string{"run.warmup_weeks"}, Msg: fmt.Sprintf(
				"the horizon must be longer than the warm-up, run.warmup_weeks = %d (inherited), or nothing is left to report; lengthen the horizon or set a shorter warmup_weeks",
				r.WarmupWeeks)}
		}
	case okHorizon && r.HorizonWeeks-r.WarmupWeeks < minKPIWeeks && v.c.warnsImplausible():
		// Figures a year are scaled up from the weeks measured.
		v.warn(p("run", "horizon_weeks"), r.HorizonWeeks, fmt.Sprintf(
			"the KPIs cover only weeks %d to %d, after the warm-up (run.warmup_weeks = %d): figures a year are scaled up from %d weeks, without a year's seasons or leavers; a horizon of at least %d is typical",
			r.WarmupWeeks, r.HorizonWeeks-1, r.WarmupWeeks, r.HorizonWeeks-r.WarmupWeeks, r.WarmupWeeks+52), "run.warmup_weeks")
	}
	v.whole(p("run", "replications"), r.Replications, 1, 10000)
}

// minKPIWeeks is the shortest window of KPIs after the warm-up not warned
// of: half a year.
const minKPIWeeks = 26

func (v *validator) demand() {
	d := v.c.Demand
	v.num(p("demand", "referrals_per_week"), d.ReferralsPerWeek, positive)
	v.num(p("demand", "annual_growth"), d.AnnualGrowth, rule{"> -1", func(x float64) bool { return x > -1 }})
	v.num(p("demand", "seasonal_amplitude"), d.SeasonalAmplitude, fraction)
	v.num(p("demand", "seasonal_peak_week"), d.SeasonalPeakWeek, rule{"at least 0 and less than 52", func(x float64) bool { return x >= 0 && x < 52 }})
	v.num(p("demand", "inappropriate_share"), d.InappropriateShare, fraction)
}

func (v *validator) workforce() {
	w := v.c.Workforce
	path := func(k string) []string { return p("workforce", k) }
	v.whole(path("link_workers"), w.LinkWorkers, 0, 100000)
	v.num(path("fte"), w.FTE, rule{"more than 0 and at most 1.5", func(x float64) bool { return x > 0 && x <= 1.5 }})
	v.num(path("contracted_hours_per_week"), w.ContractedHoursPerWeek, rule{"more than 0 and at most 80", func(x float64) bool { return x > 0 && x <= 80 }})
	if v.num(path("caseload_cap_per_fte"), w.CaseloadCapPerFTE, positive) && w.FTE > 0 && w.FTE <= 1.5 &&
		math.Floor(w.FTE*w.CaseloadCapPerFTE+1e-9) < 1 {
		v.add(path("caseload_cap_per_fte"), w.CaseloadCapPerFTE, fmt.Sprintf(
			"a link worker of fte %s would have %s × %s = %s caseload places, which rounds down to none, so nobody would be seen; fte × caseload_cap_per_fte must be at least 1",
			formatNumber(w.FTE), formatNumber(w.FTE), formatNumber(w.CaseloadCapPerFTE), formatDerived(w.FTE*w.CaseloadCapPerFTE)), "workforce.fte")
	}
	v.num(path("admin_share"), w.AdminShare, fraction)
	v.oneOf(path("allocation"), string(w.Allocation), choiceNames(Allocations)...)
	v.num(path("leaving_hazard_per_year"), w.LeavingHazardPerYear, nonNegative)
	v.num(path("pressure_sensitivity"), w.PressureSensitivity, nonNegative)
	v.num(path("complex_pressure_weight"), w.ComplexPressureWeight, nonNegative)
	v.duration(path("recruitment_delay_weeks"), w.RecruitmentDelayWeeks)
	v.num(path("ramp_up_weeks"), w.RampUpWeeks, nonNegative)
	v.num(path("ramp_up_cap_share"), w.RampUpCapShare, rule{"more than 0 and at most 1", func(x float64) bool { return x > 0 && x <= 1 }})
	v.oneOf(path("handover"), string(w.Handover), choiceNames(Handovers)...)
	v.whole(path("handover_extra_sessions"), w.HandoverExtraSessions, 0, math.MaxInt)
}

func (v *validator) initial() {
	in, w := v.c.Initial, v.c.Workforce
	// Today's people, from an extract, are where the run starts; a long
	// warm-up leaves them out of every KPI.
	if len(in.People) > 0 && v.c.Run.WarmupWeeks >= 26 {
		who := fmt.Sprintf("today's %s people start", formatNumber(float64(len(in.People))))
		if len(in.People) == 1 {
			who = "today's 1 person starts"
		}
		v.warn(p("initial"), nil, fmt.Sprintf(
			"%s the run, but the KPIs leave out its first %d weeks (run.warmup_weeks), by when most of them have left: to see what today's caseload does to waits, set run.warmup_weeks = 0",
			who, v.c.Run.WarmupWeeks), "run.warmup_weeks")
	}
	if in.Date != "" && in.File == "" && len(in.People) == 0 {
		v.warn(p("initial", "date"), in.Date, "the date of a caseload extract (initial.file), from which its people's waits are counted: without one it changes nothing")
	}
	v.whole(p("initial", "waiting"), in.Waiting, 0, math.MaxInt)
	if !v.whole(p("initial", "active"), in.Active, 0, math.MaxInt) {
		return
	}
	if w.LinkWorkers < 0 || !(w.FTE > 0 && w.FTE <= 1.5) || !(w.CaseloadCapPerFTE > 0) || math.IsInf(w.CaseloadCapPerFTE, 0) {
		return // reported on their own
	}
	places := v.c.CaseloadPlaces()
	if float64(in.Active) <= places+1e-9 {
		return
	}
	// Fewer posts than today's caseloads fill (a scenario cutting posts,
	// a sweep or plan trying fewer) is a question, not a mistake: the
	// model hands the rest back to the list, and says so.
	roles := ""
	if len(v.c.Roles) > 0 {
		roles = ", with the other roles' places"
	}
	// Where today's people are listed, the count is theirs, not a line's
	// initial.active (which they replace): the warning names the list.
	path, value, lead := p("initial", "active"), any(in.Active), "more people on caseloads"
	if len(in.People) > 0 {
		path, value = p("initial", "people"), nil
		if in.File != "" {
			path, value = p("initial", "file"), in.File
		}
		lead = fmt.Sprintf("%s of today's people on caseloads, more", formatNumber(float64(in.Active)))
	}
	v.warn(path, value, fmt.Sprintf(
		"%s than there are caseload places (%s: workforce.link_workers × the places of a post, fte × caseload_cap_per_fte rounded down, = %d × %s%s): the other %s start at the front of the waiting list, as a leaver's caseload is handed back",
		lead, formatNumber(places), w.LinkWorkers, formatNumber(PostPlaces(w.FTE, w.CaseloadCapPerFTE)), roles,
		formatNumber(float64(in.Active)-places)),
		"workforce.link_workers", "workforce.fte", "workforce.caseload_cap_per_fte")
}

func (v *validator) support() {
	s := v.c.Support
	path := func(k ...string) []string { return join(p("support"), k...) }
	v.oneOf(path("model"), string(s.Model), choiceNames(SupportModels)...)
	v.num(path("first_session_minutes"), s.FirstSessionMinutes, positive)
	v.num(path("followup_minutes"), s.FollowupMinutes, positive)
	if d := v.duration(path("session_interval_weeks"), s.SessionIntervalWeeks); d != nil && !(d.Mean() > 0) {
		v.add(path("session_interval_weeks"), s.SessionIntervalWeeks, "the mean must be > 0 (weeks between sessions)")
	}
	v.whole(path("dropout_after_dnas"), s.DropoutAfterDNAs, 0, math.MaxInt)
	for _, l := range []struct {
		name string
		lim  Limits
	}{{"short_term", s.ShortTerm}, {"longer_term", s.LongerTerm}} {
		v.whole(path(l.name, "max_sessions"), l.lim.MaxSessions, 1, math.MaxInt)
		v.num(path(l.name, "max_weeks"), l.lim.MaxWeeks, positive)
	}
	if s.Model == "tiered" && len(s.TieredLongerProfiles) == 0 {
		v.add(path("tiered_longer_profiles"), s.TieredLongerProfiles,
			`must name at least one profile when model = "tiered" (the profiles that get longer-term support)`, "support.model")
	}
	for i, name := range s.TieredLongerProfiles {
		v.ref(path("tiered_longer_profiles", fmt.Sprint(i)), name, "profile", v.profiles, "profiles")
	}
	v.num(path("tiered_reserved_share"), s.TieredReservedShare, fraction)
	v.num(path("assessment_minutes"), s.AssessmentMinutes, nonNegative)
}

func (v *validator) holding() {
	h := v.c.Holding
	v.num(p("holding", "checkin_interval_weeks"), h.CheckinIntervalWeeks, positive)
	v.num(p("holding", "checkin_minutes"), h.CheckinMinutes, nonNegative)
	v.num(p("holding", "max_weeks"), h.MaxWeeks, nonNegative)

	r := v.c.Rereferral
	v.num(p("rereferral", "probability"), r.Probability, probability)
	v.duration(p("rereferral", "delay_weeks"), r.DelayWeeks)

	c := v.c.Costs
	v.num(p("costs", "salary_per_fte_year"), c.SalaryPerFTEYear, nonNegative)
	v.num(p("costs", "on_cost_share"), c.OnCostShare, nonNegative)
	v.num(p("costs", "recruitment_cost"), c.RecruitmentCost, nonNegative)
	v.num(p("costs", "gp_appointment_value"), c.GPAppointmentValue, nonNegative)

	o := v.c.Outcomes
	v.num(p("outcomes", "gp_effect_size"), o.GPEffectSize, probability)
	v.num(p("outcomes", "gp_effect_duration_weeks"), o.GPEffectDurationWeeks, nonNegative)
}

// finite reports any NaN or infinite number that no rule above reported,
// so that no non-finite number reaches the model.
func (v *validator) finite(path []string, x reflect.Value) {
	if len(path) > 0 && v.reported[keyString(path)] {
		return
	}
	switch x.Kind() {
	case reflect.Pointer:
		if !x.IsNil() {
			v.finite(path, x.Elem())
		}
	case reflect.Float32, reflect.Float64:
		if f := x.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			v.add(path, f, "must be a finite number")
		}
	case reflect.Struct:
		if isOpaque(x.Type()) {
			if s, ok := x.Interface().(dist.Spec); ok && hasNonFinite(s) {
				v.add(path, s, "must have finite parameters")
			}
			return
		}
		for _, f := range fieldsOf(x.Type()) {
			v.finite(join(path, f.name), x.Field(f.index))
		}
	case reflect.Map:
		for _, k := range x.MapKeys() {
			v.finite(join(path, k.String()), x.MapIndex(k))
		}
	case reflect.Slice:
		for i := range x.Len() {
			v.finite(join(path, fmt.Sprint(i)), x.Index(i))
		}
	}
}

func hasNonFinite(s dist.Spec) bool {
	for _, q := range []*float64{s.Value, s.Mean, s.SD, s.Min, s.Max, s.Mode, s.Shape, s.Scale} {
		if q != nil && (math.IsNaN(*q) || math.IsInf(*q, 0)) {
			return true
		}
	}
	for _, x := range slices.Concat(s.Values, s.Weights) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return true
		}
	}
	return false
}
