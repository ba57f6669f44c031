package output

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// The kinds of reading, as summary.json and compare.json name them.
const (
	readingChange = "timeline_change" // a run's weeks after a change against before it
	readingGrowth = "growth"          // a run's last year against its first
	readingAfter  = "after_change"    // a scenario's weeks after a change against the reference's
)

// reading is what one paragraph says: a change (or a run's growth), the
// weeks read on either side, and each measure there.
type reading struct {
	kind     string
	scenario string // for readingAfter: the scenario read against the reference
	changeIn string // for readingAfter: the one that makes the change, it or the reference
	week     int    // the change's week; 0 for growth
	note     string
	before   [2]int // weeks [from, to)
	after    [2]int
	effects  []experiment.BeforeAfter
}

// runReadings are a run's readings: each timeline change inside the KPIs'
// weeks, then growth, if any; those whose measures cannot be read (the
// results lack the columns) are left out.
func runReadings(cfg *sim.Config, results []*sim.Result, level float64) []reading {
	var out []reading
	for _, cw := range experiment.ChangeWindows(cfg) {
		if e := experiment.ChangeEffects(results, cw, level); len(e) > 0 {
			out = append(out, reading{kind: readingChange, week: cw.Week, note: cw.Note, before: cw.Before, after: cw.After, effects: e})
		}
	}
	if cw, ok := experiment.GrowthWindow(cfg); ok {
		if e := experiment.ChangeEffects(results, cw, level); len(e) > 0 {
			out = append(out, reading{kind: readingGrowth, before: cw.Before, after: cw.After, effects: e})
		}
	}
	return out
}

// compareReadings are, for each timeline change inside the KPIs' weeks
// that one of a compared scenario and the reference makes and the other
// does not, the weeks after it in the scenario against the same weeks in
// the reference.
func compareReadings(c *experiment.Comparison, cfgs []*sim.Config) []reading {
	if len(cfgs) != len(c.Results) || len(cfgs) < 2 {
		return nil
	}
	refChanges := experiment.ChangeWindows(cfgs[0])
	var out []reading
	for i := 1; i < len(cfgs); i++ {
		changes := experiment.ChangeWindows(cfgs[i])
		// The changes one makes and the other does not, the scenario's
		// first: the reference's own are read against it too.
		for _, side := range []struct {
			in           string
			mine, theirs []experiment.ChangeWindow
		}{{c.Names[i], changes, refChanges}, {c.Names[0], refChanges, changes}} {
			for _, cw := range side.mine {
				if slices.ContainsFunc(side.theirs, func(r experiment.ChangeWindow) bool { return r.Week == cw.Week && r.Note == cw.Note }) {
					continue // both make it: not a difference between them
				}
				if e := experiment.AfterEffects(c.Results[0], c.Results[i], cw, c.Level); len(e) > 0 {
					out = append(out, reading{kind: readingAfter, scenario: c.Names[i], changeIn: side.in, week: cw.Week, note: cw.Note,
						before: cw.After, after: cw.After, effects: e})
				}
			}
		}
	}
	return out
}

// driftWords names what besides a timeline change moves referrals between
// two periods: "Seasons in referrals also differ", or "" if nothing does.
func driftWords(d *sim.Demand) string {
	seasons, growth := d.SeasonalAmplitude != 0, d.AnnualGrowth != 0
	switch {
	case seasons && growth:
		return "Seasons and growth in referrals also differ"
	case seasons:
		return "Seasons in referrals also differ"
	case growth:
		return "Growth in referrals also differs"
	}
	return ""
}

// ChangeAnswer says, for each of the scenario's timeline changes inside the
// KPIs' weeks, how the wait, the waiting list, people giving up and needs
// met compare after it with before it, each with the 95% interval of the
// paired difference; a difference whose interval covers 0 is said to be no
// detectable change, and one replication's, which has no interval, is not
// judged. The KPIs average over both periods, so without this a
// run of "what happens when the funding ends?" would not say. With growth
// in referrals it says the same of the last year against the first ("how
// long does the team hold up?"). Results without the weekly columns it
// reads get no answer.
func ChangeAnswer(cfg *sim.Config, results []*sim.Result, level float64) []string {
	readings := runReadings(cfg, results, level)
	changes := len(experiment.ChangeWindows(cfg)) > 0
	var out []string
	for _, r := range readings {
		switch r.kind {
		case readingChange:
			caveat := onsetWords(results, r, level)
			if what := driftWords(&cfg.Demand); what != "" {
				caveat = strings.TrimSpace(caveat + " " + what + " between the two periods; comparing with the scenario without the change (spsim compare) isolates the change.")
			}
			out = append(out, paragraph(r, beforeAfterWords, caveat,
				"From %s, weeks %d to %d against weeks %d to %d before it:", changeName(r, ""), r.after[0], r.after[1]-1, r.before[0], r.before[1]-1))
		case readingGrowth:
			way := map[bool]string{true: "growing", false: "shrinking"}[cfg.Demand.AnnualGrowth > 0]
			caveat := ""
			if changes {
				caveat = "The timeline's changes between them are in the difference too."
			}
			out = append(out, paragraph(r, beforeAfterWords, caveat,
				"With referrals %s by %s a year from week 0 (%s), the last year (weeks %d to %d) against the first after the warm-up (weeks %d to %d):",
				way, experiment.Percent(math.Abs(cfg.Demand.AnnualGrowth)), growthWords(cfg), r.after[0], r.after[1]-1, r.before[0], r.before[1]-1))
		}
	}
	return append(out, unreadWords(cfg)...)
}

// onsetWords says how soon a change shows in the waiting list and the
// wait, for those that change detectably, each with its bootstrap interval
// over the replications: "How soon: half the change shows in the waiting
// list within 2 weeks (at once: 2 weeks is the shortest this reading can
// tell, in at least 95% of resamples) and in the wait to first
// contact within 4 weeks (95% interval 2 to 10 weeks) of the change." ""
// if neither can be timed.
func onsetWords(results []*sim.Result, r reading, level float64) string {
	cw := experiment.ChangeWindow{Week: r.week, Before: r.before, After: r.after}
	var parts []string
	for _, m := range []struct{ kpi, words string }{
		{sim.KPIWaitingListMean, "the waiting list"},
		{sim.KPIWaitMean, "the wait to first contact"},
	} {
		i := slices.IndexFunc(r.effects, func(e experiment.BeforeAfter) bool { return e.KPI == m.kpi })
		if i < 0 {
			continue
		}
		if d := r.effects[i].Difference; !(d.Low > 0 || d.High < 0) {
			continue // no detectable change to time
		}
		if weeks, lo, hi, ok := experiment.OnsetInterval(results, cw, m.kpi, level); ok {
			parts = append(parts, fmt.Sprintf("in %s within %s (%s)", m.words, experiment.Count(weeks, "week"), onsetBounds(lo, hi, level)))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "How soon: half the change shows " + strings.Join(parts, " and ") + " of the change."
}

// onsetBounds writes an onset's interval: "95% interval 2 to 6 weeks".
// Ends that agree are the same onset in nearly every resample, and at the
// reading's shortest (weeks are pooled in pairs) it can tell no sooner.
func onsetBounds(lo, hi int, level float64) string {
	switch {
	case lo == hi && lo <= experiment.OnsetResolution:
		return fmt.Sprintf("at once: %d weeks is the shortest this reading can tell, in at least %s of resamples", lo, experiment.LevelWords(level))
	case lo == hi:
		return fmt.Sprintf("%s in at least %s of resamples", experiment.Count(lo, "week"), experiment.LevelWords(level))
	}
	return fmt.Sprintf("%s interval %d to %d weeks", experiment.LevelWords(level), lo, hi)
}

// growthWords says how far growth has carried referrals from week 0, whose
// rate demand.referrals_per_week is, by the warm-up's end and the horizon:
// the KPIs start from the first, not from the rate the scenario states.
func growthWords(cfg *sim.Config) string {
	run, g := cfg.Run, cfg.Demand.AnnualGrowth
	at := func(week int) string {
		f := math.Pow(1+g, float64(week)/52) - 1
		way := "higher"
		if f < 0 {
			way = "lower"
		}
		return experiment.Percent(math.Abs(f)) + " " + way
	}
	if run.WarmupWeeks == 0 {
		return fmt.Sprintf("demand.referrals_per_week is week 0's rate, when the KPIs start: by the horizon referrals are %s", at(run.HorizonWeeks))
	}
	return fmt.Sprintf("demand.referrals_per_week is week 0's rate: by the warm-up's end, week %d, when the KPIs start, referrals are %s, and by the horizon %s",
		run.WarmupWeeks, at(run.WarmupWeeks), at(run.HorizonWeeks))
}

// unreadWords says of each timeline change that is not read before and
// after why not, so that a change the user made is never passed over in
// silence: in the warm-up the KPIs follow it with nothing before to set it
// against; near another change or an end there are too few weeks. A
// change in the first weeks is the scenario's starting point (a post
// funded from week 1), and is not remarked on.
func unreadWords(cfg *sim.Config) []string {
	var out []string
	for _, u := range experiment.UnreadChanges(cfg) {
		what := fmt.Sprintf("the timeline's change at week %d", u.Week)
		if u.Note != "" {
			what += " (" + u.Note + ")"
		}
		switch {
		case u.InWarmup && u.Week < experiment.MinChangeWeeks:
			continue // from the start: the scenario's set-up (a post funded from week 1), not an event
		case u.InWarmup:
			out = append(out, Sentence("%s falls in the warm-up (weeks 0 to %d), so the KPIs measure the service after it, with no weeks before it to set against; "+
				"to read its effect, make it week %d or later, or compare with the scenario without it (spsim compare)",
				what, cfg.Run.WarmupWeeks-1, cfg.Run.WarmupWeeks+experiment.MinChangeWeeks))
			continue
		}
		out = append(out, Sentence("%s is not read on its own: it leaves fewer than %d weeks to read before or after it (the warm-up's end, another change or the horizon); "+
			"compare with the scenario without it (spsim compare) to see its effect", what, experiment.MinChangeWeeks))
	}
	return out
}

// CompareChangeAnswer says, for each timeline change inside the KPIs' weeks
// that a compared scenario makes and the reference does not (or the
// reference makes and the scenario does not), how the same measures in the
// scenario compare with the reference's over the weeks after it, paired
// replication by replication: on common random numbers, the change's
// effect in those weeks. The comparison's KPIs average over every week
// after the warm-up, before the change as well as after it, which dilutes
// the change: so these paragraphs lead the comparison's answer
// (CompareAnswer), and each says over which weeks the rest is averaged.
func CompareChangeAnswer(c *experiment.Comparison, cfgs []*sim.Config) []string {
	var out []string
	for _, r := range compareReadings(c, cfgs) {
		run := cfgs[0].Run
		if i := slices.Index(c.Names, r.scenario); i >= 0 && i < len(cfgs) {
			run = cfgs[i].Run // the weeks the scenario read averages
		}
		lead := "From %s, weeks %d to %d, against %s in the same weeks:"
		args := []any{changeName(r, r.changeIn), r.after[0], r.after[1] - 1, c.Names[0]}
		if r.changeIn != r.scenario { // the reference's change, which the scenario does not make
			lead = "From %s, weeks %d to %d, %s against it in the same weeks:"
			args[3] = r.scenario
		}
		caveat := fmt.Sprintf("The comparison's other figures average weeks %d to %d, %d of them before the change, and so show less of it.",
			run.WarmupWeeks, run.HorizonWeeks-1, r.week-run.WarmupWeeks)
		out = append(out, paragraph(r, againstWords, caveat, lead, args...))
	}
	return out
}

// CompareAnswer is a comparison's answer in words, in the order every face
// gives it: what a change in the timeline did in the weeks after it, then
// the verdicts, then the notes on what limits or explains them.
func CompareAnswer(c *experiment.Comparison, cfgs []*sim.Config) []string {
	return slices.Concat(CompareChangeAnswer(c, cfgs), VerdictSentences(c), CompareNotes(c, cfgs))
}

// changeName names a reading's change: "week 104 (a post ends)", or "week
// 104 in funding-cliff (…)" for a scenario.
func changeName(r reading, scenario string) string {
	what := fmt.Sprintf("week %d", r.week)
	if scenario != "" {
		what += " in " + scenario
	}
	if r.note != "" {
		what += " (" + r.note + ")"
	}
	return what
}

// paragraph is one reading in words, led by the formatted lead and closed
// by caveat: one paragraph a change, as a comparison's verdict is one a
// scenario, so that it leads the report's first page with the rest.
func paragraph(r reading, say func(experiment.BeforeAfter) string, caveat, lead string, args ...any) string {
	words := []string{fmt.Sprintf(lead, args...)}
	for _, kpi := range experiment.ChangeKPIs() {
		i := slices.IndexFunc(r.effects, func(e experiment.BeforeAfter) bool { return e.KPI == kpi })
		if i < 0 {
			// Said, not dropped: a reader looks for the wait.
			words = append(words, KPILabel(kpi)+": not defined on one side or both (nobody is seen there), so not compared.")
			continue
		}
		words = append(words, say(r.effects[i]))
	}
	if caveat != "" {
		words = append(words, caveat)
	}
	return strings.Join(words, " ")
}

// beforeAfterWords says how one measure goes from before a change to after,
// each side with its interval, as a sweep's ends are.
func beforeAfterWords(e experiment.BeforeAfter) string {
	before, after := sidesWords(e)
	diff := differenceWords(e.Unit, e.Difference)
	switch d := e.Difference; {
	case d.N < 2:
		return fmt.Sprintf("%s: %s and %s (%s; %s).", KPILabel(e.KPI), before, after, diff, noInterval)
	case d.Low > 0:
		return fmt.Sprintf("%s: rises from %s to %s (%s).", KPILabel(e.KPI), before, after, diff)
	case d.High < 0:
		return fmt.Sprintf("%s: falls from %s to %s (%s).", KPILabel(e.KPI), before, after, diff)
	}
	return fmt.Sprintf("%s: no detectable change (%s and %s; %s).", KPILabel(e.KPI), before, after, diff)
}

// sidesWords writes a reading's two sides, each with its interval: "5.00
// weeks [4.80, 5.20]". One replication has no intervals, and then the two
// means alone are written to the same decimals ("5.00 weeks" and "9.34
// weeks", not "5 weeks").
func sidesWords(e experiment.BeforeAfter) (before, after string) {
	b, a := e.Before, e.After
	if !defined(b.Low, b.High, a.Low, a.High) {
		ends := experiment.Alike(e.Unit, false, b.Mean, a.Mean)
		return ends[0], ends[1]
	}
	return experiment.WithBounds(b.Mean, b.Low, b.High, e.Unit, false), experiment.WithBounds(a.Mean, a.Low, a.High, e.Unit, false)
}

// noInterval is what one replication leaves of a difference: its mean,
// and nothing to judge it by.
const noInterval = "with one replication, no interval to judge it"

// againstWords says how one measure in a scenario compares with the
// reference's over the same weeks.
func againstWords(e experiment.BeforeAfter) string {
	ref, alt := sidesWords(e)
	diff := differenceWords(e.Unit, e.Difference)
	if e.Difference.N < 2 {
		return fmt.Sprintf("%s: %s against %s (%s; %s).", KPILabel(e.KPI), alt, ref, diff, noInterval)
	}
	if d := e.Difference; d.Low > 0 || d.High < 0 {
		return fmt.Sprintf("%s: %s against %s (%s).", KPILabel(e.KPI), alt, ref, diff)
	}
	return fmt.Sprintf("%s: no detectable difference (%s against %s; %s).", KPILabel(e.KPI), alt, ref, diff)
}

// ChangeMeta is a reading in summary.json or compare.json: the weeks read
// on either side (first and last, inclusive) and each measure there. For a
// scenario's weeks after a change against the reference's ("after_change"),
// before is the reference and after the scenario, over the same weeks.
type ChangeMeta struct {
	Kind        string          `json:"kind"`                // timeline_change, growth or after_change
	Scenario    string          `json:"scenario,omitempty"`  // after_change: the scenario read against the reference
	ChangeIn    string          `json:"change_in,omitempty"` // after_change: the one that makes the change
	Week        int             `json:"week,omitempty"`
	Note        string          `json:"note,omitempty"`
	BeforeWeeks [2]int          `json:"before_weeks"`
	AfterWeeks  [2]int          `json:"after_weeks"`
	Measures    []ChangeMeasure `json:"measures"`
}

// ChangeMeasure is one measure of a reading: its means on either side, each
// with its interval, and the paired difference with its interval.
type ChangeMeasure struct {
	KPI        string   `json:"kpi"`
	Unit       string   `json:"unit"`
	Before     *float64 `json:"before"`
	BeforeLow  *float64 `json:"before_ci_low"`
	BeforeHigh *float64 `json:"before_ci_high"`
	After      *float64 `json:"after"`
	AfterLow   *float64 `json:"after_ci_low"`
	AfterHigh  *float64 `json:"after_ci_high"`
	Difference *float64 `json:"difference"`
	Low        *float64 `json:"ci_low"`
	High       *float64 `json:"ci_high"`
}

func changeMetas(readings []reading) []ChangeMeta {
	var out []ChangeMeta
	for _, r := range readings {
		m := ChangeMeta{Kind: r.kind, Scenario: r.scenario, ChangeIn: r.changeIn, Week: r.week, Note: r.note,
			BeforeWeeks: [2]int{r.before[0], r.before[1] - 1}, AfterWeeks: [2]int{r.after[0], r.after[1] - 1}}
		for _, e := range r.effects {
			b, a, d := e.Before, e.After, e.Difference
			m.Measures = append(m.Measures, ChangeMeasure{KPI: e.KPI, Unit: e.Unit,
				Before: jnum(b.Mean), BeforeLow: jnum(b.Low), BeforeHigh: jnum(b.High),
				After: jnum(a.Mean), AfterLow: jnum(a.Low), AfterHigh: jnum(a.High),
				Difference: jnum(d.Mean), Low: jnum(d.Low), High: jnum(d.High)})
		}
		out = append(out, m)
	}
	return out
}
