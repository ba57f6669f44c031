package output

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// SweepAnswer is a one-key sweep's result in plain words, for the top of
// its report and the terminal: how each chosen KPI goes from the first
// value to the last. The points share their random numbers, so the two
// ends are compared replication by replication: a change is told only
// where the paired difference's interval excludes 0; otherwise the
// sentence says there is no detectable change, rather than reading a
// direction into noise. Summaries without their replications' values are
// compared by their intervals, which must not overlap: a conservative test.
// A sweep of two keys is read at its grid's corners (gridAnswer); one of
// more keys gets none. what
// names the key in the first sentence; "" names it in the words of
// scenarios.KeyLabel, or by its key path if it has none.
func SweepAnswer(sw *experiment.Sweep, kpis []string, what string) []string {
	if len(sw.Factors) == 2 {
		if len(sw.Points) >= 2 && inert(sw, kpis) {
			a, b := sw.Factors[0], sw.Factors[1]
			first, last := sw.Points[0].Values, sw.Points[len(sw.Points)-1].Values
			return inertAnswer(sw, keyWords(a.Key)+" and "+keyWords(b.Key), valueWords(a.Key, first[0])+" and "+valueWords(b.Key, first[1]), valueWords(a.Key, last[0])+" and "+valueWords(b.Key, last[1]))
		}
		return gridAnswer(sw, kpis)
	}
	if len(sw.Factors) != 1 || len(sw.Points) < 2 {
		return nil
	}
	if what == "" {
		what = sw.Factors[0].Key
		if w := scenarios.KeyLabel(what); w != "" {
			what = Uncapitalise(w)
		}
	}
	if inert(sw, kpis) {
		key := sw.Factors[0].Key
		return inertAnswer(sw, what, valueWords(key, sw.Points[0].Values[0]), valueWords(key, sw.Points[len(sw.Points)-1].Values[0]))
	}
	// Numbers are read from the first to the last; choices (short_term,
	// longer_term, tiered) have no order, so each is read against the first.
	ends := []int{len(sw.Points) - 1}
	if choices(sw.Points) {
		ends = ends[:0]
		for j := 1; j < len(sw.Points); j++ {
			ends = append(ends, j)
		}
	}
	var out []string
	for _, j := range ends {
		out = append(out, sweepEnds(sw, kpis, what, j)...)
	}
	if len(out) == 0 {
		return nil
	}
	if s := sweepCapacity(sw); s != "" {
		out = append(out, s)
	}
	if s := sweepTipping(sw); s != "" {
		out = append(out, s)
	}
	return out
}

// sweepEnds says how each KPI goes from the sweep's first point to point
// j, after a line that names the two values; none if no KPI is found.
func sweepEnds(sw *experiment.Sweep, kpis []string, what string, j int) []string {
	first, last := sw.Points[0], sw.Points[j]
	var lines []string
	for _, k := range kpis {
		a, okA := experiment.FindSummary(first.Summaries, k)
		b, okB := experiment.FindSummary(last.Summaries, k)
		if okA && okB {
			lines = append(lines, sweepChange(a, b, sw.Level))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	key := sw.Factors[0].Key
	lead := fmt.Sprintf("Changing %s from %s to %s:", what, valueWords(key, first.Values[0]), valueWords(key, last.Values[0]))
	return append([]string{lead}, lines...)
}

// valueWords writes key's value v as people say it: a share as a
// percentage (0.2 as 20%), a switch as on or off, any other as it is.
func valueWords(key, v string) string {
	if x, err := strconv.ParseFloat(v, 64); err == nil && scenarios.IsShare(key) {
		return strconv.FormatFloat(math.Round(x*100*1e9)/1e9, 'f', -1, 64) + "%"
	}
	return onOff(v)
}

// onOff writes a switch's value as people say it: "on" and "off" for
// true and false; any other value as it is.
func onOff(v string) string {
	switch v {
	case "true":
		return "on"
	case "false":
		return "off"
	}
	return v
}

// inertAnswer is the answer of a sweep whose KPIs shown are the same at
// every point, replication by replication. A key may still move KPIs not
// shown (a salary moves only costs): those are told, so that the answer
// never says a key changes nothing when it changes what it costs.
func inertAnswer(sw *experiment.Sweep, what, from, to string) []string {
	first, last := sw.Points[0], sw.Points[len(sw.Points)-1]
	var moved []string
	for _, a := range first.Summaries {
		if inert(sw, []string{a.Name}) {
			continue
		}
		if b, ok := experiment.FindSummary(last.Summaries, a.Name); ok {
			moved = append(moved, sweepChange(a, b, sw.Level))
		}
	}
	if len(moved) == 0 {
		return []string{fmt.Sprintf("Changing %s from %s to %s changes nothing: every replication gives the same results at every value, on common random numbers; check that the scenario uses it (a tiered share does nothing under short-term support).", what, from, to)}
	}
	if len(moved) > maxMoved {
		moved = append(moved[:maxMoved], fmt.Sprintf("And %d more KPIs (--kpi names any of them).", len(moved)-maxMoved))
	}
	lead := fmt.Sprintf("Changing %s from %s to %s leaves the KPIs shown exactly as they were, replication by replication; it changes others:", what, from, to)
	return append([]string{lead}, moved...)
}

// maxMoved is how many KPIs not shown an inert sweep's answer tells.
const maxMoved = 4

// inert reports whether every point gives, replication by replication,
// exactly the first point's values of every KPI: the key varied reaches
// nothing the run measures. It needs the replications' values.
func inert(sw *experiment.Sweep, kpis []string) bool {
	found := false
	for _, k := range kpis {
		a, ok := experiment.FindSummary(sw.Points[0].Summaries, k)
		if !ok {
			continue
		}
		if len(a.Values) == 0 {
			return false
		}
		for _, p := range sw.Points[1:] {
			b, ok := experiment.FindSummary(p.Summaries, k)
			if !ok || !slices.Equal(a.Values, b.Values) {
				return false
			}
		}
		found = true
	}
	return found
}

// choices reports whether a one-key sweep's values are choices rather than
// numbers: any value that does not read as a number makes them so.
func choices(points []experiment.SweepPoint) bool {
	for _, p := range points {
		if _, err := strconv.ParseFloat(p.Values[0], 64); err != nil {
			return true
		}
	}
	return false
}

// sweepCapacity says where along a one-key sweep demand outstrips
// link-worker supply and where link workers have room, by the run's own
// reading of each point's utilisation interval: "Demand outstrips
// link-worker supply at 2 to 4; link workers are close to full at 5; link
// workers have room at 6." It is "" if the points carry no utilisation.
func sweepCapacity(sw *experiment.Sweep) string {
	var parts []string
	var run []string // the values of the current stretch of one reading
	var at capacity
	words := capacityWords
	if len(sw.Points) > 0 {
		words = capacityWordsFor(sw.Points[0].Summaries)
	}
	flush := func() {
		if len(run) > 0 {
			parts = append(parts, words[at]+" at "+stretch(run))
		}
	}
	for i, p := range sw.Points {
		u, ok := experiment.FindSummary(p.Summaries, sim.KPIUtilisation)
		if !ok {
			return ""
		}
		if c := capacityOf(u.Estimate); i == 0 || c != at {
			flush()
			run, at = nil, c
		}
		run = append(run, valueWords(sw.Factors[0].Key, p.Values[0]))
	}
	if len(parts) == 0 && len(run) == len(sw.Points) {
		return capitalise(words[at]) + " at every point, " + stretch(run) + "."
	}
	flush()
	return capitalise(strings.Join(parts, "; ")) + "."
}

// stretch names a run of consecutive sweep values: "5", "4 and 5", "2 to
// 4"; choices, which have no range between them, each by name:
// "short_term, longer_term and tiered".
func stretch(values []string) string {
	switch {
	case len(values) == 1:
		return values[0]
	case len(values) == 2:
		return values[0] + " and " + values[1]
	case !numbers(values):
		return strings.Join(values[:len(values)-1], ", ") + " and " + values[len(values)-1]
	}
	return values[0] + " to " + values[len(values)-1]
}

// numbers reports whether every value reads as a number.
func numbers(values []string) bool {
	for _, v := range values {
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return false
		}
	}
	return true
}

// sweepChange says in a sentence how one KPI goes from a to b, each end
// with its interval.
func sweepChange(a, b experiment.Summary, level float64) string {
	from, to := withInterval(a), withInterval(b)
	ea, eb := a.Estimate, b.Estimate
	switch {
	case !defined(ea.Mean) || !defined(eb.Mean):
		// A wait when nobody is seen (no link workers): nothing to compare.
		return fmt.Sprintf("%s: %s and %s; not defined at one end.", KPILabel(a.Name), from, to)
	case ea.N < 2 || eb.N < 2:
		return fmt.Sprintf("%s: %s and %s (%s).", KPILabel(a.Name), from, to, noInterval)
	case len(a.Values) >= 2 && len(a.Values) == len(b.Values):
		return pairedChange(a, b, from, to, level)
	case eb.Low > ea.High:
		return fmt.Sprintf("%s: rises from %s to %s.", KPILabel(a.Name), from, to)
	case eb.High < ea.Low:
		return fmt.Sprintf("%s: falls from %s to %s.", KPILabel(a.Name), from, to)
	}
	return fmt.Sprintf("%s: no clear change (%s and %s; the intervals overlap).", KPILabel(a.Name), from, to)
}

// pairedChange tells the change between a sweep's ends by their paired
// difference, last minus first, replication by replication.
func pairedChange(a, b experiment.Summary, from, to string, level float64) string {
	verb, diff := pairedWords(a, b, level)
	if verb == noChange {
		return fmt.Sprintf("%s: no detectable change (%s and %s; %s, paired).", KPILabel(a.Name), from, to, diff)
	}
	return fmt.Sprintf("%s: %s from %s to %s (%s, paired).", KPILabel(a.Name), verb, from, to, diff)
}

// noChange is pairedWords' verb for a paired interval that holds 0.
const noChange = "does not change detectably"

// pairedWords words the paired difference y − x of two summaries with
// their replications' values, on the sweep's common random numbers: its
// verb ("rises", "falls", or noChange) and the difference with its interval
// ("+5.1 percentage points [4.3, 5.9]"). A level of 0 is study.Level.
func pairedWords(x, y experiment.Summary, level float64) (verb, diff string) {
	if level == 0 {
		level = study.Level
	}
	d := experiment.PairedIn(x.Values, y.Values, level, experiment.KPIRange(x.Name, x.Unit))
	diff = experiment.SignedWithBounds(d.Mean, d.Low, d.High, x.Unit, true)
	if d.Low <= 0 && d.High >= 0 {
		return noChange, diff
	}
	// A gap between groups that keeps its sign narrows or widens: "rises
	// from −22.0 to −2.6 points" read as a widening.
	if a, b := x.Estimate.Mean, y.Estimate.Mean; strings.HasPrefix(x.Name, "inequity_gap") && a*b > 0 {
		if math.Abs(b) < math.Abs(a) {
			return "narrows", diff
		}
		return "widens", diff
	}
	if d.Low > 0 {
		return "rises", diff
	}
	return "falls", diff
}

// signedQuantity is Quantity with a plus sign on an increase.
func signedQuantity(v float64, unit string) string {
	s := experiment.Quantity(v, unit, true)
	if v > 0 {
		s = "+" + s
	}
	return s
}
