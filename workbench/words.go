package workbench

import (
	"math"
	"strings"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// percentagePoints is the unit of a difference of two shares (the value
// still a share), written in points: 57.6% against 55.1% is 2.5
// percentage points, not 2.5%.
const percentagePoints = "percentage points"

// plain writes a value in the words people use for its unit: 56.8%,
// £256,464 a year, 3.1 weeks, 1,043 people a year, 0.52 people a year.
func plain(v float64, unit string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "not defined"
	}
	switch unit {
	case sim.UnitShare:
		return experiment.Percent(v) // to one decimal, as the terminal and the report
	case sim.UnitGBP:
		return pounds(v)
	case sim.UnitGBPPerYear:
		return pounds(v) + " a year"
	case sim.UnitWeeks:
		return experiment.Quantity(v, sim.UnitWeeks, false) // "1 week", as the terminal
	case "people/year", "referrals/year", "needs/year", "appointments/year":
		return experiment.Number(v) + " " + strings.TrimSuffix(unit, "/year") + " a year"
	case "person-weeks/year", "post-weeks/year":
		return experiment.Number(v) + " weeks a year" // as the terminal: the label says whose
	case "hours/week":
		return experiment.Number(v) + " hours a week"
	case "people/FTE":
		return experiment.Number(v) + " people per FTE"
	case "people", "places", "services":
		// Small flows keep three figures: 0.52 leavers a year is not "1".
		return experiment.Number(v) + " " + unit
	case percentagePoints:
		return experiment.Quantity(v, sim.UnitShare, true)
	case sim.UnitIndex, "":
		return experiment.Number(v)
	}
	return experiment.Number(v) + " " + unit
}

// kpiWords writes a KPI's estimate and its interval in plain words. A gap
// between groups' shares is in percentage points (−8.7 percentage points,
// not −8.7%).
func kpiWords(name, unit string, e experiment.Estimate) (value, between string) {
	if m, ok := sim.LookupKPI(name); ok && m.Gap && unit == sim.UnitShare {
		unit = percentagePoints
	}
	return plain(e.Mean, unit), interval(e, unit)
}

// interval writes an estimate's interval in the same words, without the
// unit after the first number: "2.8 to 3.4 weeks" reads as "2.8–3.4 weeks".
func interval(e experiment.Estimate, unit string) string {
	if e.N < 2 || math.IsNaN(e.Low) {
		return "one replication: no interval"
	}
	return sharedUnit(plain(e.Low, unit), plain(e.High, unit))
}

// sharedUnit joins two bounds written with their unit, the unit once:
// "2.8 weeks" and "3.4 weeks" make "2.8 to 3.4 weeks".
func sharedUnit(lo, hi string) string {
	if i := strings.IndexByte(hi, ' '); i > 0 && strings.HasSuffix(lo, hi[i:]) {
		lo = strings.TrimSuffix(lo, hi[i:])
	}
	return lo + " to " + hi
}

// count writes v rounded to a whole number, with thousands separators.
func count(v float64) string { return experiment.Number(math.Round(v)) }

// pounds writes money to the pound: £256,464, or −£1,200.
func pounds(v float64) string {
	if v < 0 {
		return "−£" + count(-v)
	}
	return "£" + count(v)
}

// signed writes a difference with its sign: "+1.4 weeks", "−£1,200".
func signed(v float64, unit string) string {
	if unit == sim.UnitShare {
		unit = percentagePoints // a difference of two percentages
	}
	s := plain(math.Abs(v), unit)
	switch {
	case math.Round(v*1e9) == 0:
		return s
	case v < 0:
		return "−" + s
	}
	return "+" + s
}
