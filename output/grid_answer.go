package output

import (
	"fmt"
	"slices"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// gridAnswer is a two-key sweep's result in plain words: for each chosen
// KPI, how it changes from each key's first value to its last at the other
// key's two ends, and whether the two keys interact (one's change depends
// on the other's value: places help only once there are posts to refer
// people to them). The points share their random numbers, so every change
// is the paired difference, replication by replication, and one whose
// interval holds 0 is said to be no detectable change.
func gridAnswer(sw *experiment.Sweep, kpis []string) []string {
	a, b := sw.Factors[0], sw.Factors[1]
	if len(a.Values) < 2 || len(b.Values) < 2 {
		return nil
	}
	a1, am := valueWords(a.Key, a.Values[0]), valueWords(a.Key, a.Values[len(a.Values)-1])
	b1, bn := valueWords(b.Key, b.Values[0]), valueWords(b.Key, b.Values[len(b.Values)-1])
	nameA, nameB := keyWords(a.Key), keyWords(b.Key)
	level := sw.Level
	if level == 0 {
		level = study.Level
	}
	var lines []string
	for _, k := range kpis {
		var c [2][2]experiment.Summary // [a end][b end]
		found := true
		// Points are found by their values as written; the words are for
		// the sentences ("0%" and "on" are stored as 0 and true).
		for i, va := range []string{a.Values[0], a.Values[len(a.Values)-1]} {
			for j, vb := range []string{b.Values[0], b.Values[len(b.Values)-1]} {
				s, ok := gridSummary(sw, k, va, vb)
				found = found && ok
				c[i][j] = s
			}
		}
		if found {
			lines = append(lines, gridKPI(c, nameA, nameB, [2]string{a1, am}, [2]string{b1, bn}, level))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	lead := fmt.Sprintf("Changing %s from %s to %s and %s from %s to %s, read at the grid's corners:", nameA, a1, am, nameB, b1, bn)
	return append([]string{lead}, lines...)
}

// keyWords names a swept key in words (scenarios.KeyLabel), or by its path.
func keyWords(key string) string {
	if w := scenarios.KeyLabel(key); w != "" {
		return Uncapitalise(w)
	}
	return key
}

// gridSummary is KPI k's summary at the point where the two keys take va
// and vb.
func gridSummary(sw *experiment.Sweep, k, va, vb string) (experiment.Summary, bool) {
	for _, p := range sw.Points {
		if slices.Equal(p.Values, []string{va, vb}) {
			return experiment.FindSummary(p.Summaries, k)
		}
	}
	return experiment.Summary{}, false
}

// gridKPI says one KPI's changes at the corners c[a end][b end]: A's at
// either end of B, B's at either end of A, and their interaction.
func gridKPI(c [2][2]experiment.Summary, nameA, nameB string, va, vb [2]string, level float64) string {
	label := KPILabel(c[0][0].Name)
	for _, row := range c {
		for _, s := range row {
			if !defined(s.Estimate.Mean) {
				return fmt.Sprintf("%s: not defined at a corner of the grid (where nobody is seen), so not compared.", label)
			}
		}
	}
	alongA := gridAlong(nameA, va, nameB, vb, [2][2]experiment.Summary{{c[0][0], c[1][0]}, {c[0][1], c[1][1]}}, level)
	alongB := gridAlong(nameB, vb, nameA, va, c, level)
	return fmt.Sprintf("%s: %s; %s. %s", label, alongA, alongB, gridInteraction(c, nameA, nameB, va, vb, level))
}

// gridAlong says how a KPI changes along one key, from its first value
// to its last, at the other key's two ends: pairs[e] are the summaries at
// the other key's end e, along's first and last. "from link-worker posts 3
// to 5 it rises with places 40 (+7.3 percentage points [6.5, 8.1]) and with
// 120 (+12.2 percentage points [11.2, 13.2])".
func gridAlong(along string, v [2]string, other string, ov [2]string, pairs [2][2]experiment.Summary, level float64) string {
	verb0, d0 := gridChange(pairs[0][0], pairs[0][1], level)
	verb1, d1 := gridChange(pairs[1][0], pairs[1][1], level)
	join := "and"
	if verb1 != verb0 {
		join = "but " + verb1
	}
	return fmt.Sprintf("from %s %s to %s it %s with %s %s (%s) %s with %s (%s)", along, v[0], v[1], verb0, other, ov[0], d0, join, ov[1], d1)
}

// gridChange says how a KPI changes from summary x to y: pairedWords, or
// with one replication the difference of the means and no verdict.
func gridChange(x, y experiment.Summary, level float64) (verb, diff string) {
	if len(x.Values) < 2 || len(x.Values) != len(y.Values) {
		return "changes", signedQuantity(y.Estimate.Mean-x.Estimate.Mean, x.Unit) + "; " + noInterval
	}
	return pairedWords(x, y, level)
}

// gridInteraction says whether the second key's change depends on the
// first key's value: the difference of its changes at the first key's two
// ends, replication by replication (the same as the first key's changes
// at the second's two ends), c[first's end][second's end].
func gridInteraction(c [2][2]experiment.Summary, nameA, nameB string, va, vb [2]string, level float64) string {
	n := len(c[0][0].Values)
	for _, s := range []experiment.Summary{c[0][1], c[1][0], c[1][1]} {
		if len(s.Values) != n {
			n = 0
		}
	}
	if n < 2 {
		return "Whether the two interact cannot be judged with one replication."
	}
	xs := make([]float64, n)
	for r := range xs {
		xs[r] = (c[1][1].Values[r] - c[1][0].Values[r]) - (c[0][1].Values[r] - c[0][0].Values[r])
	}
	e := experiment.Interval(xs, level)
	unit := c[0][0].Unit
	diff := experiment.SignedWithBounds(e.Mean, e.Low, e.High, unit, true)
	if e.Low > 0 || e.High < 0 {
		way := "lower"
		if e.Low > 0 {
			way = "higher"
		}
		return fmt.Sprintf("The two interact: the change from %s %s to %s is %s with %s %s than with %s (%s, paired).",
			nameB, vb[0], vb[1], way, nameA, va[1], va[0], diff)
	}
	return "No detectable interaction (" + diff + ", paired)."
}
