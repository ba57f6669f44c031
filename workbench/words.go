package workbench

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// percentagePoints is the unit of a difference of two shares, written in
// points: 57.6% against 55.1% is 2.5 percentage points, not 2.5%.
const percentagePoints = "percentage points"

// plain writes a value in the words people use for its unit: 56.8%,
// £256,464 a year, 3.1 weeks, 1,043 people a year, 0.52 people a year.
func plain(v float64, unit string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "not defined"
	}
	switch unit {
	case sim.UnitShare:
		return sig3(100*v) + "%"
	case sim.UnitGBP:
		return pounds(v)
	case sim.UnitGBPPerYear:
		return pounds(v) + " a year"
	case sim.UnitWeeks:
		return sig3(v) + " weeks"
	case "people/year", "referrals/year", "needs/year", "appointments/year":
		return sig3(v) + " " + strings.TrimSuffix(unit, "/year") + " a year"
	case "person-weeks/year", "post-weeks/year":
		return sig3(v) + " " + strings.TrimSuffix(unit, "/year") + " a year"
	case "hours/week":
		return sig3(v) + " hours a week"
	case "people/FTE":
		return sig3(v) + " people per FTE"
	case "people", "places", "services":
		// Small flows keep three figures: 0.52 leavers a year is not "1".
		return sig3(v) + " " + unit
	case sim.UnitIndex, "":
		return sig3(v)
	}
	return sig3(v) + " " + unit
}

// kpiWords writes a KPI's estimate and its interval in plain words. A gap
// between groups' shares is in percentage points (−8.7 percentage points,
// not −8.7%).
func kpiWords(name, unit string, e experiment.Estimate) (value, between string) {
	if m, ok := sim.LookupKPI(name); ok && m.Gap && unit == sim.UnitShare {
		e.Mean, e.Low, e.High = 100*e.Mean, 100*e.Low, 100*e.High
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

// sig3 writes v to 3 significant figures (whole numbers from 100 up), with
// thousands separators.
func sig3(v float64) string {
	a := math.Abs(v)
	switch {
	case a == 0:
		return "0"
	case a >= 100:
		return count(v)
	}
	d := 2 - int(math.Floor(math.Log10(a)))
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		s = "−" + rest // a minus sign, as signed and pounds write it
	}
	return s
}

// count writes v rounded to a whole number, with thousands separators.
func count(v float64) string {
	n := int64(math.Round(v))
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	if neg {
		b.WriteString("−")
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// pounds writes money to the pound: £256,464, or −£1,200.
func pounds(v float64) string {
	if v < 0 {
		return "−£" + count(-v)
	}
	return "£" + count(v)
}

// signed writes a difference with its sign: "+1.4 weeks", "−£1,200".
func signed(v float64, unit string) string {
	s := plain(math.Abs(v), unit)
	if unit == sim.UnitShare {
		// A difference of two percentages is in points, not per cent.
		s = plain(100*math.Abs(v), percentagePoints)
	}
	switch {
	case math.Round(v*1e9) == 0:
		return s
	case v < 0:
		return "−" + s
	}
	return "+" + s
}

// sentence makes a sentence: first letter capital, a full stop.
func sentence(format string, args ...any) string {
	s := fmt.Sprintf(format, args...)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
