package workbench

import (
	"math"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// plain writes a value in the words people use for its unit: 56.8%,
// £256,464 a year, 3.1 weeks, 1,043 people a year, 0.52 people a year (the
// vocabulary every face shares, experiment.Words).
func plain(v float64, unit string) string { return experiment.Words(v, unit, false) }

// kpiWords writes a KPI's estimate and its interval in plain words. A gap
// between groups' shares is in percentage points (−8.7 percentage points,
// not −8.7%).
func kpiWords(name, unit string, e experiment.Estimate) (value, between string) {
	gap := false
	if m, ok := sim.LookupKPI(name); ok {
		gap = m.Gap && unit == sim.UnitShare
	}
	return experiment.WordsWithin(e.Mean, e.Low, e.High, unit, gap), interval(e, unit, gap)
}

// interval writes an estimate's interval in the same words, without the
// unit after the first number: "2.8 to 3.4 weeks" reads as "2.8–3.4 weeks".
func interval(e experiment.Estimate, unit string, gap bool) string {
	if e.N < 2 || math.IsNaN(e.Low) {
		return "one replication: no interval"
	}
	return experiment.WordsBetween(e.Low, e.High, unit, gap)
}

// count writes v rounded to a whole number, with thousands separators.
func count(v float64) string { return experiment.Number(math.Round(v)) }

// signed writes a difference with its sign: "+1.4 weeks", "−£1,200"; a
// difference of shares in percentage points.
func signed(v float64, unit string) string {
	return experiment.Signed(v, unit, unit == sim.UnitShare)
}
