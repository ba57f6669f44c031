package experiment

import (
	"math"
	"slices"
	"strings"

	"github.com/spsim/spsim/sim"
)

// ChangeWindow is a timeline change inside the KPIs' weeks, with the weeks
// its effect is read over: Before runs from the warm-up's end, or the
// change before it, to the change; After from the change to the next
// change or the horizon. Weeks are [from, to).
type ChangeWindow struct {
	Week   int
	Note   string // the scenario's note on the change, if any
	Before [2]int
	After  [2]int
}

// minChangeWeeks is the fewest weeks on either side of a change that its
// effect is read over: fewer say more about one season than the change.
const minChangeWeeks = 8

// ChangeWindows are cfg's timeline changes after the warm-up and before the
// horizon, in week order; changes in the same week are one, their notes
// joined. A change with fewer than 8 weeks on either side is left out.
func ChangeWindows(cfg *sim.Config) []ChangeWindow {
	start, end := cfg.Run.WarmupWeeks, cfg.Run.HorizonWeeks
	weeks, notes := changeWeeks(cfg, func(w int) bool { return w > start && w < end })
	var out []ChangeWindow
	for i, w := range weeks {
		from, to := start, end
		if i > 0 {
			from = weeks[i-1]
		}
		if i+1 < len(weeks) {
			to = weeks[i+1]
		}
		if w-from < minChangeWeeks || to-w < minChangeWeeks {
			continue
		}
		out = append(out, ChangeWindow{Week: w, Note: strings.Join(notes[w], "; "), Before: [2]int{from, w}, After: [2]int{w, to}})
	}
	return out
}

// changeWeeks are the weeks of cfg's timeline changes that keep takes, in
// order, each once, with the notes of the changes in each.
func changeWeeks(cfg *sim.Config, keep func(week int) bool) (weeks []int, notes map[int][]string) {
	notes = map[int][]string{}
	for _, c := range cfg.Timeline {
		if !keep(c.Week) {
			continue
		}
		if !slices.Contains(weeks, c.Week) {
			weeks = append(weeks, c.Week)
		}
		if c.Note != "" {
			notes[c.Week] = append(notes[c.Week], c.Note)
		}
	}
	slices.Sort(weeks)
	return weeks, notes
}

// UnreadChange is a timeline change whose effect ChangeWindows does not
// read: one in the warm-up, which the KPIs follow with no before to set it
// against, or one too near the warm-up's end, another change or the
// horizon.
type UnreadChange struct {
	Week     int
	Note     string
	InWarmup bool // else fewer than MinChangeWeeks on a side
}

// MinChangeWeeks is the fewest weeks on either side of a change that its
// effect is read over (ChangeWindows).
const MinChangeWeeks = minChangeWeeks

// UnreadChanges are cfg's timeline changes before the horizon that
// ChangeWindows leaves out, in week order; changes in the same week are
// one, their notes joined.
func UnreadChanges(cfg *sim.Config) []UnreadChange {
	read := map[int]bool{}
	for _, w := range ChangeWindows(cfg) {
		read[w.Week] = true
	}
	weeks, notes := changeWeeks(cfg, func(w int) bool { return w < cfg.Run.HorizonWeeks && !read[w] })
	out := make([]UnreadChange, len(weeks))
	for i, w := range weeks {
		out[i] = UnreadChange{Week: w, Note: strings.Join(notes[w], "; "), InWarmup: w <= cfg.Run.WarmupWeeks}
	}
	return out
}

// GrowthWindow is, for a scenario whose referrals grow (or shrink) year on
// year, its first year after the warm-up as Before and its last year as
// After: whole years, so that the seasons fall alike in both. Week is 0.
// ok is false without growth or with fewer than two years after the
// warm-up.
func GrowthWindow(cfg *sim.Config) (w ChangeWindow, ok bool) {
	start, end := cfg.Run.WarmupWeeks, cfg.Run.HorizonWeeks
	if cfg.Demand.AnnualGrowth == 0 || end-start < 2*52 {
		return ChangeWindow{}, false
	}
	return ChangeWindow{Before: [2]int{start, start + 52}, After: [2]int{end - 52, end}}, true
}

// ReadsChanges reports whether cfg has a change or growth that
// ChangeEffects reads, so that a study keeping only some weekly columns
// keeps ChangeColumns too.
func ReadsChanges(cfg *sim.Config) bool {
	_, growth := GrowthWindow(cfg)
	return growth || len(ChangeWindows(cfg)) > 0
}

// BeforeAfter is one measure read in the weeks before a change and after
// it: its estimate in each, over replications, and their paired difference
// (after minus before), replication by replication.
type BeforeAfter struct {
	KPI                       string // the KPI the measure is read as
	Unit                      string
	Before, After, Difference Estimate
}

// changeMeasures are what ChangeEffects reads, over a window, from the
// weekly sums the KPIs of the same names are read from; the wait is the
// mean of the exact waits of those first seen (the KPI bins them by day).
var changeMeasures = []struct {
	kpi, unit string
	read      func(w window) float64
}{
	{sim.KPIWaitMean, sim.UnitWeeks, func(w window) float64 { return w.sum(sim.ColWaitSum) / w.sum(sim.ColFirstContacts) }},
	{sim.KPIWaitingListMean, "people", func(w window) float64 { return w.sum(sim.ColWaitingListMean) / w.weeks() }},
	{sim.KPIReneged, "people/year", func(w window) float64 { return w.sum(sim.ColReneged) * 52 / w.weeks() }},
	{sim.KPINeedsMet, "needs/year", func(w window) float64 { return w.sum(sim.ColNeedsMet) * 52 / w.weeks() }},
	// What the change saves or costs over the same weeks: a funding
	// cliff's whole-run cost mixes in the weeks before it.
	{sim.KPICostTotal, sim.UnitGBPPerYear, func(w window) float64 {
		return (w.sum(sim.ColCostLW) + w.sum(sim.ColCostSupervision) + w.sum(sim.ColCostRecruitment) + w.sum(sim.ColCostVCSE)) * 52 / w.weeks()
	}},
}

// ChangeKPIs are the measures ChangeEffects reads, in order. One that is
// not defined on a side (a wait where nobody is seen) is left out of its
// effects.
func ChangeKPIs() []string {
	out := make([]string, len(changeMeasures))
	for i, m := range changeMeasures {
		out[i] = m.kpi
	}
	return out
}

// ChangeColumns are the weekly columns ChangeEffects reads: a study that
// keeps only some columns keeps these for a scenario with a change.
var ChangeColumns = []string{sim.ColWaitSum, sim.ColFirstContacts, sim.ColWaitingListMean, sim.ColReneged, sim.ColNeedsMet,
	sim.ColCostLW, sim.ColCostSupervision, sim.ColCostRecruitment, sim.ColCostVCSE}

// window is one replication's weekly columns over weeks [from, to).
type window struct {
	r        *sim.Result
	from, to int
}

func (w window) weeks() float64 { return float64(w.to - w.from) }

func (w window) sum(col string) float64 {
	c := w.r.Col(col)
	if c < 0 {
		return math.NaN()
	}
	s := 0.0
	for _, row := range w.r.Weekly[w.from:w.to] {
		s += row[c]
	}
	return s
}

// ChangeEffects reads, for the change cw, the wait to first contact, the
// waiting list, people giving up waiting and needs met before and after
// it, at the given confidence level. The difference is not the change's
// effect alone: whatever else differs between the two periods (seasons,
// growth in referrals) is in it too. A measure whose columns the results
// lack, or that is undefined in some replication, is left out.
func ChangeEffects(results []*sim.Result, cw ChangeWindow, level float64) []BeforeAfter {
	return effects(results, results, cw.Before, cw.After, level)
}

// AfterEffects reads the same measures over the weeks after the change cw
// in a reference's results and in a scenario's that has the change:
// Before is the reference's estimate, After the scenario's, and their
// difference is paired replication by replication. On common random
// numbers that difference is the change's effect in those weeks, with
// nothing else between them.
func AfterEffects(ref, alt []*sim.Result, cw ChangeWindow, level float64) []BeforeAfter {
	return effects(ref, alt, cw.After, cw.After, level)
}

// effects reads each measure over weeks wa of a's results and wb of b's,
// replication by replication.
func effects(a, b []*sim.Result, wa, wb [2]int, level float64) []BeforeAfter {
	if len(a) != len(b) || len(a) == 0 {
		return nil
	}
	for _, rs := range [][]*sim.Result{a, b} {
		for _, r := range rs {
			if max(wa[1], wb[1]) > len(r.Weekly) {
				return nil
			}
		}
	}
	var out []BeforeAfter
	for _, m := range changeMeasures {
		xs, ys := make([]float64, len(a)), make([]float64, len(b))
		for i := range a {
			xs[i] = m.read(window{r: a[i], from: wa[0], to: wa[1]})
			ys[i] = m.read(window{r: b[i], from: wb[0], to: wb[1]})
		}
		if slices.ContainsFunc(xs, isNaN) || slices.ContainsFunc(ys, isNaN) {
			continue
		}
		out = append(out, BeforeAfter{KPI: m.kpi, Unit: m.unit,
			Before: IntervalIn(xs, level, NonNegative), After: IntervalIn(ys, level, NonNegative),
			Difference: PairedIn(xs, ys, level, NonNegative)})
	}
	return out
}

func isNaN(x float64) bool { return math.IsNaN(x) }
