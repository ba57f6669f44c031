package output

import (
	"math"
	"strconv"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// sweepTipping says between which two neighbouring values of a one-key
// sweep link workers first run out of room (or first have it, along a
// sweep that adds capacity), and the finer sweep that would place the
// point more closely: "Link workers run out of room between 10 and 15; a
// sweep from 10 to 15 in steps of 1 would find where more closely." This
// is the question "when does it stop being sustainable?", which a coarse
// grid answers only to within its step. It is "" where the reading does
// not change, where the values are not numbers, or where no value lies
// between the two (link workers 3 and 4).
func sweepTipping(sw *experiment.Sweep) string {
	for i := 1; i < len(sw.Points); i++ {
		a, okA := experiment.FindSummary(sw.Points[i-1].Summaries, sim.KPIUtilisation)
		b, okB := experiment.FindSummary(sw.Points[i].Summaries, sim.KPIUtilisation)
		if !okA || !okB {
			return ""
		}
		roomA, roomB := capacityOf(a.Estimate) == capacityRoom, capacityOf(b.Estimate) == capacityRoom
		if roomA == roomB || capacityOf(a.Estimate) == capacityNone || capacityOf(b.Estimate) == capacityNone {
			continue
		}
		lo, hi := sw.Points[i-1].Values[0], sw.Points[i].Values[0]
		step, ok := finerStep(lo, hi)
		if !ok {
			return ""
		}
		what := "Link workers run out of room"
		if roomB {
			what = "Link workers first have room"
		}
		return what + " between " + lo + " and " + hi + "; a sweep from " + lo + " to " + hi +
			" in steps of " + step + " would find where more closely."
	}
	return ""
}

// finerSteps is how many steps finerStep divides a gap into, about.
const finerSteps = 5

// finerStep is a round step, about a fifth of the gap between two sweep
// values, written as a --vary range would take it: whole where both values
// are whole, so that a count such as link workers stays one. ok is false
// where the values are not numbers or no whole number lies between them.
func finerStep(lo, hi string) (step string, ok bool) {
	a, errA := strconv.ParseFloat(lo, 64)
	b, errB := strconv.ParseFloat(hi, 64)
	gap := math.Abs(b - a)
	if errA != nil || errB != nil || gap == 0 || math.IsInf(gap, 0) || math.IsNaN(gap) {
		return "", false
	}
	s := roundStep(gap / finerSteps)
	if a == math.Trunc(a) && b == math.Trunc(b) {
		if gap < 2 {
			return "", false
		}
		s = math.Max(1, math.Round(s))
	}
	return strconv.FormatFloat(s, 'f', -1, 64), true
}

// roundStep rounds x to one significant figure of 1, 2 or 5: 0.93 is 1,
// 0.4 is 0.5, 3 is 2.
func roundStep(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	m := x / p
	switch {
	case m < 1.5:
		m = 1
	case m < 3.5:
		m = 2
	case m < 7.5:
		m = 5
	default:
		m = 10
	}
	return math.Round(m*p*1e12) / 1e12
}
