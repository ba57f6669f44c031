package experiment

import (
	"math"
	"strings"

	"github.com/spsim/spsim/sim"
)

// Range is the set of values a quantity can possibly take, [Min, Max];
// either end may be infinite. A count, time or cost is in [0, ∞) and a
// share in [0, 1].
type Range struct{ Min, Max float64 }

// The ranges of most KPIs.
var (
	Unbounded   = Range{math.Inf(-1), math.Inf(1)}
	NonNegative = Range{0, math.Inf(1)}
	UnitShare   = Range{0, 1}
)

// Contains reports whether x lies in r.
func (r Range) Contains(x float64) bool { return r.Min <= x && x <= r.Max }

// Clamp returns x moved into r (NaN stays NaN).
func (r Range) Clamp(x float64) float64 {
	switch {
	case x < r.Min:
		return r.Min
	case x > r.Max:
		return r.Max
	}
	return x
}

// Difference is the range of b − a for a and b in r: what a paired
// difference of two scenarios' values can possibly be.
func (r Range) Difference() Range { return Range{r.Min - r.Max, r.Max - r.Min} }

// RangeOfUnit is the possible range of a quantity measured in unit, for a
// KPI with no declared range: a share is in [0, 1]; people, weeks, money,
// hours, places and other counts, rates and indices are never negative.
// An unknown unit is unbounded. A difference between groups (a KPI named
// inequity_gap_*) can be negative, so it is unbounded but for a share gap,
// which lies in [−1, 1]: see [RangeOf].
func RangeOfUnit(unit string) Range {
	switch {
	case unit == sim.UnitShare:
		return UnitShare
	case unit == "":
		return Unbounded
	}
	base, _, _ := strings.Cut(unit, "/")
	switch base {
	case "people", sim.UnitWeeks, sim.UnitGBP, "needs", "referrals", "places", "hours", sim.UnitIndex,
		"appointments", "person-weeks", "post-weeks", "services", "count", "days", "FTE", "posts":
		return NonNegative
	}
	return Unbounded
}

// RangeOf is the possible range of the named KPI measured in unit: from
// the unit ([RangeOfUnit]), except that a gap between groups may be
// negative.
func RangeOf(name, unit string) Range {
	if strings.HasPrefix(name, "inequity_gap") {
		if unit == sim.UnitShare {
			return UnitShare.Difference()
		}
		return Unbounded
	}
	return RangeOfUnit(unit)
}

// IntervalIn is [Interval] for a quantity known to lie in r: the mean of
// xs and a confidence interval at the given level that never leaves r.
//
// The interval is Student's t on a scale on which r is the whole real line,
// mapped back (a transformed interval, with the standard error carried
// across by the delta method):
//
//   - [a, ∞): log(x − a), so the interval is a + (m − a)·exp(±t·se/(m − a));
//   - (−∞, b]: log(b − x), the mirror image;
//   - [a, b]: logit((x − a)/(b − a)), with se·(b − a)/((m − a)(b − m));
//   - (−∞, ∞): the plain Student-t interval, m ± t·se.
//
// Near the middle of r (se small against the distance to an end) it is
// the plain t interval; nearer an end it is asymmetric, short towards the
// end and longer away from it, as the sampling distribution of a mean of
// skewed, bounded values is. Where the plain interval would cross an end
// (t·se beyond the distance to it: few replications, or a rare event
// that most replications never see) the transformation is no longer a
// fair approximation and its far bound explodes: that bound then grows
// along a line instead (farBounds). A mean on an end of r (every value there) has
// the zero-width interval at it. HalfWidth stays t·se, the measure of
// precision that [Sequential] uses; SD and N are as in [Interval].
//
// Values outside r (which a model should never produce) cannot be
// transformed; the plain interval is then clamped to r, so the promise that
// no bound leaves r holds whatever the input.
func IntervalIn(xs []float64, level float64, r Range) Estimate {
	e := Interval(xs, level)
	if len(xs) < 2 || math.IsNaN(e.Mean) || r == Unbounded {
		return e
	}
	for _, x := range xs {
		if !r.Contains(x) {
			e.Low, e.High = r.Clamp(e.Low), r.Clamp(e.High)
			return e
		}
	}
	m, hw := e.Mean, e.HalfWidth
	lo, hi := math.IsInf(r.Min, -1), math.IsInf(r.Max, 1)
	switch {
	case hw == 0:
		return e
	case !lo && m <= r.Min:
		e.Low, e.High = r.Min, r.Min
	case !hi && m >= r.Max:
		e.Low, e.High = r.Max, r.Max
	case !lo && hi:
		d := m - r.Min
		e.Low, e.High = r.Min+d*math.Exp(-hw/d), r.Min+d*math.Exp(hw/d)
	case lo && !hi:
		d := r.Max - m
		e.Low, e.High = r.Max-d*math.Exp(hw/d), r.Max-d*math.Exp(-hw/d)
	default:
		w := r.Max - r.Min
		p := (m - r.Min) / w
		g := math.Log(p / (1 - p))
		k := hw / (w * p * (1 - p)) // the half-width on the logit scale
		e.Low, e.High = r.Min+w*expit(g-k), r.Min+w*expit(g+k)
	}
	e.Low, e.High = farBounds(e.Low, e.High, m, hw, r)
	// Rounding must not carry a bound past an end or across the mean.
	e.Low, e.High = r.Clamp(math.Min(e.Low, m)), r.Clamp(math.Max(e.High, m))
	return e
}

// farBounds holds the bound away from an end of r to a line once the plain
// interval crosses that end. There the delta method no longer holds, and
// the transformed bound grows as exp(t·se/(m − a)) without limit: with two
// replications, one at the end, 330,000 times the mean. The line is the
// plain bound, m + t·se, moved out by (m − a)(e − 2): it meets the
// transformed bound where the plain interval first touches the end
// (t·se = m − a), and lies above it before, so the bound is continuous and
// grows with the level as an interval must, where a plain interval clamped
// at the end jumps there.
func farBounds(low, high, m, hw float64, r Range) (float64, float64) {
	if d := m - r.Min; !math.IsInf(r.Min, -1) {
		high = min(high, m+hw+d*(math.E-2))
	}
	if d := r.Max - m; !math.IsInf(r.Max, 1) {
		low = max(low, m-hw-d*(math.E-2))
	}
	return low, high
}

func expit(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// PairedIn is [Paired] for values in r: the interval of the differences
// b[i] − a[i], kept within the range a difference can take,
// r.Difference(). A difference has no natural end to transform away from,
// so it is the plain paired interval, clamped.
func PairedIn(a, b []float64, level float64, r Range) Estimate {
	return clampDiff(Paired(a, b, level), r)
}

// clampDiff keeps a difference's interval within the range a difference
// of values in r can take.
func clampDiff(e Estimate, r Range) Estimate {
	d := r.Difference()
	if !math.IsNaN(e.Low) {
		e.Low, e.High = d.Clamp(e.Low), d.Clamp(e.High)
	}
	return e
}

// KPIRange is the possible range of the named KPI: its Min and Max in the
// model's registry ([sim.LookupKPI]), or for a name the registry does not
// know (results read from an older file), the range its unit implies
// ([RangeOf]).
func KPIRange(name, unit string) Range {
	if m, ok := sim.LookupKPI(name); ok {
		return Range{m.Min, m.Max}
	}
	return RangeOf(name, unit)
}

// rangeAcross is [KPIRange] tightened by the scenario's own bound on the
// KPI (sim.KPI.Max), where every replication's has one (ks, one a
// replication, nil where missing): a service cannot be more than full, nor
// close twice.
func rangeAcross(ks []*sim.KPI, name, unit string) Range {
	r := KPIRange(name, unit)
	most := 0.0
	for _, k := range ks {
		if k == nil || k.Max <= 0 {
			return r
		}
		most = max(most, k.Max)
	}
	if most > 0 {
		r.Max = min(r.Max, most)
	}
	return r
}

// KPIRangeOf is [KPIRange] tightened by k's own bound: for an area's KPI,
// whose bound is the same in every replication.
func KPIRangeOf(k sim.KPI) Range {
	r := KPIRange(k.Name, k.Unit)
	if k.Max > 0 {
		r.Max = min(r.Max, k.Max)
	}
	return r
}

// kpiInterval is a KPI's interval across results (EstimateOf), ks being
// its entry in each (nil where missing) and vals their values: within the
// scenario's range, and bounded above where no replication saw an event
// the scenario allows.
func kpiInterval(results []*sim.Result, ks []*sim.KPI, name, unit string, vals []float64, level float64) Estimate {
	return EstimateOf(vals, level, rangeAcross(ks, name, unit), unit, exposure(results, ks))
}

// exposure is what results measured their KPI ks over, added up: the
// FTE-years for a rate per FTE-year (KPI.Exposure), else the weeks. It is
// 0 where a result does not say (one read from an older file) or its
// scenario rules out what the KPI counts.
func exposure(results []*sim.Result, ks []*sim.KPI) float64 {
	total := 0.0
	for i, r := range results {
		x := kpiExposure(ks[i], r.Weeks)
		if x == 0 {
			return 0
		}
		total += x
	}
	return total
}

// kpiExposure is what one result measured k over (see exposure), weeks
// being the result's.
func kpiExposure(k *sim.KPI, weeks float64) float64 {
	switch {
	case k == nil || k.Impossible:
		return 0
	case k.Unit == perFTEYear:
		return k.Exposure
	case weeks > 0:
		return weeks
	}
	return 0
}

// eventUnits are the units of counts of events a year, and of leavers per
// FTE-year.
var eventUnits = map[string]bool{"people/year": true, "referrals/year": true, "needs/year": true, perFTEYear: true}

// perFTEYear is the unit of a rate per FTE-year, whose exposure is in
// FTE-years (the others' is in weeks). Only a KPI that sets its Exposure
// (a leaving rate) is bounded: people supported per FTE shares the unit
// but counts no rare event, and its Exposure is 0.
const perFTEYear = "people/FTE-year"

// EstimateOf is IntervalIn within r, except for a rate of events (unit: a
// year, or a year per FTE) that no value saw over exposure (above 0; the
// weeks, or for a rate per FTE-year the FTE-years, measured): none seen
// does not show the event cannot happen, only that it is rare, and the
// interval is the exact Poisson bound of a rate never seen, [0,
// 52·ln(2/α)/weeks] or [0, ln(2/α)/FTE-years], not [0, 0]. A rare event (a
// community service refusing a referral) would otherwise read as
// impossible.
func EstimateOf(vals []float64, level float64, r Range, unit string, exposure float64) Estimate {
	e := IntervalIn(vals, level, r)
	if !eventUnits[unit] || e.N < 2 || !(exposure > 0) {
		return e
	}
	for _, v := range vals {
		if v != 0 {
			return e
		}
	}
	if unit == perFTEYear {
		e.Low, e.High = 0, -math.Log((1-level)/2)/exposure
		return e
	}
	e.Low, e.High = 0, -math.Log((1-level)/2)/exposure*52
	return e
}

// AreaEstimate is the interval of KPI k of area a across results, as
// EstimateOf gives a total's: within the area's own bound, and bounded
// above where no replication saw an event the area allows. vals is
// scratch of len(results), reused by callers that estimate many.
func AreaEstimate(results []*sim.Result, a, k int, vals []float64, level float64) Estimate {
	total, seen := 0.0, true
	for r, res := range results {
		kpi := res.Areas[a].KPI(k)
		vals[r] = kpi.Value
		x := kpiExposure(&kpi, res.Weeks)
		seen = seen && x > 0
		total += x
	}
	if !seen {
		total = 0
	}
	kpi := results[0].Areas[a].KPI(k)
	return EstimateOf(vals, level, KPIRangeOf(kpi), kpi.Unit, total)
}
