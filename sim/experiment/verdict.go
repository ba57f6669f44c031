package experiment

import (
	"fmt"
	"math"
	"strings"

	"github.com/spsim/spsim/sim"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Effect is what a paired difference says about a scenario against the
// reference, in a KPI's own terms.
type Effect string

// Effects. A difference is detectable when its paired interval excludes 0.
const (
	Better       Effect = "better"                   // detectable, the way the KPI improves
	Worse        Effect = "worse"                    // detectable, the other way
	Changed      Effect = "changed"                  // detectable, for a KPI with no better way
	NoDifference Effect = "no_detectable_difference" // the interval includes 0
	Undetermined Effect = "undetermined"             // too few replications for an interval
	// NotDefined: the KPI has no value in one of the two (a wait where
	// nobody is seen), so there is no difference to judge, however many
	// replications run.
	NotDefined Effect = "not_defined"
)

// Words is the effect as a report says it: "no detectable difference",
// not the stable name files keep.
func (e Effect) Words() string {
	switch e {
	case NoDifference:
		return "no detectable difference"
	case Undetermined:
		return "too few replications to tell"
	case NotDefined:
		return "not defined in one of them or both"
	}
	return string(e)
}

// EffectOf judges a paired difference d (scenario minus reference) of a
// KPI that improves in direction dir.
func EffectOf(d Estimate, dir sim.Direction) Effect {
	switch {
	case math.IsNaN(d.Mean):
		return NotDefined
	case math.IsNaN(d.Low) || math.IsNaN(d.High):
		return Undetermined
	case d.Low <= 0 && 0 <= d.High:
		return NoDifference
	case dir == sim.Neutral:
		return Changed
	case (d.Mean > 0) == (dir == sim.HigherIsBetter):
		return Better
	}
	return Worse
}

// RatioEstimate is a ratio of means with its confidence interval.
type RatioEstimate struct {
	Value, Low, High float64
}

// Fieller returns mean(num)/mean(den) for paired per-replication values
// (for example each replication's extra cost and extra needs met) with
// Fieller's confidence interval (Fieller 1954; for cost-effectiveness
// ratios, Willan & O'Brien 1996). The interval is the set of ratios R for
// which mean(num) − R·mean(den) is not significantly different from 0,
// using the sample covariance of num and den. It is a finite interval only
// when mean(den) is itself significantly different from 0 at the level;
// otherwise ok is false and the ratio is not reported: a ratio whose
// denominator may be 0 divides by noise.
func Fieller(num, den []float64, level float64) (r RatioEstimate, ok bool) {
	n := len(num)
	if n != len(den) || n < 2 {
		return RatioEstimate{math.NaN(), math.NaN(), math.NaN()}, false
	}
	mc, me := stat.Mean(num, nil), stat.Mean(den, nil)
	vc, ve := stat.Variance(num, nil)/float64(n), stat.Variance(den, nil)/float64(n)
	cov := stat.Covariance(num, den, nil) / float64(n)
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(1 - (1-level)/2)
	t2 := q * q
	a := me*me - t2*ve
	b := mc*me - t2*cov
	c := mc*mc - t2*vc
	r = RatioEstimate{Value: mc / me, Low: math.NaN(), High: math.NaN()}
	if !(a > 0) {
		return r, false
	}
	disc := math.Max(b*b-a*c, 0)
	lo, hi := (b-math.Sqrt(disc))/a, (b+math.Sqrt(disc))/a
	r.Low, r.High = math.Min(lo, hi), math.Max(lo, hi)
	return r, true
}

// Change is one KPI's difference between a scenario and the reference.
type Change struct {
	KPI, Unit string
	Label     string        // in words, from the registry
	Direction sim.Direction // which way is better
	// Reference and Scenario are the two means; Diff is the paired
	// difference, scenario minus reference, with its interval.
	Reference, Scenario float64
	Diff                Estimate
	Effect              Effect
	// CostPer is the extra cost a year per unit of improvement (per extra
	// need met, per person fewer giving up), with Fieller's interval; set
	// only for a flow (a count a year) that improves detectably, in a
	// scenario that clearly costs more.
	CostPer *RatioEstimate
}

// PerUnit names the unit CostPer is per, as the verdict's sentence does:
// "per need met", "per person fewer giving up".
func (c Change) PerUnit() string {
	if p := phrases[c.KPI]; p.unit != "" {
		return "per " + p.unit
	}
	return "per unit of improvement in " + strings.ToLower(c.Label[:1]) + c.Label[1:]
}

// Verdict is a scenario against the reference: what it costs and what it
// changes, and the same in one or two plain sentences.
type Verdict struct {
	Scenario, Reference string
	Level               float64
	Cost                Change   // total cost a year
	Outcomes            []Change // in the order of VerdictKPIs, those reported
	// Identical is set when every KPI of the scenario equals the
	// reference's in every replication: what it changes does not reach
	// the run (a seed overridden by the comparison's, a service nobody is
	// referred to).
	Identical bool
	// Assumed is the assumption-driven value of GP appointments avoided,
	// when it differs detectably: a scenario that changes only the assumed
	// effect of social prescribing (optimistic-outcomes) changes nothing
	// else, and its verdict must still say what it is worth on them.
	Assumed *Change
	// Held is the time people are held on caseload awaiting a community
	// place, when it rises detectably. It is neither better nor worse (it
	// rises as more people are seen), but a rise is the strain a service
	// closing or cut puts on link workers, and a verdict says so; a fall
	// follows fewer people seen or more places, which the table shows.
	Held      *Change
	Sentences []string
}

// VerdictKPIs are the outcomes a verdict weighs: needs met, people with
// every need met, waits, reneging and link-worker turnover. Turnover is
// the rate per FTE, not the count of leavers: more posts bring more
// leavers at the same strain, and fewer posts fewer. A KPI the results do
// not carry is left out.
var VerdictKPIs = []string{
	sim.KPINeedsMetPer1000Referrals, sim.KPINeedsMet,
	sim.KPIReferredAllNeedsMetShare, sim.KPIPeopleNeedsMet,
	sim.KPIWaitMean, sim.KPIReneged, sim.KPILeaversPerFTE,
}

// Verdicts judges every scenario of c against the first.
func Verdicts(c *Comparison) []Verdict {
	var out []Verdict
	for s := 1; s < len(c.Names); s++ {
		out = append(out, NewVerdict(c, s))
	}
	return out
}

// NewVerdict judges scenario s of c against the reference.
func NewVerdict(c *Comparison, s int) Verdict {
	v := Verdict{Scenario: c.Names[s], Reference: c.Names[0], Level: c.Level}
	byName := make(map[string]*KPIComparison, len(c.KPIs))
	for i := range c.KPIs {
		byName[c.KPIs[i].Name] = &c.KPIs[i]
	}
	cost, haveCost := byName[sim.KPICostTotal]
	if haveCost {
		v.Cost = change(cost, s)
	}
	for _, name := range VerdictKPIs {
		k, ok := byName[name]
		if !ok {
			continue
		}
		ch := change(k, s)
		// A cost per extra outcome only where the option clearly costs
		// more: over a cost that may be 0, or a saving, a ratio misleads.
		if haveCost && ch.Gain() && v.Cost.Effect == Worse {
			ch.CostPer = costPer(cost.Values, k.Values, s, ch.Direction, c.Level)
		}
		v.Outcomes = append(v.Outcomes, ch)
	}
	if k, ok := byName[sim.KPIGPValue]; ok {
		if ch := change(k, s); ch.Effect == Better || ch.Effect == Worse {
			v.Assumed = &ch
		}
	}
	if k, ok := byName[sim.KPIHoldingWeeks]; ok {
		if ch := change(k, s); ch.Effect == Changed && ch.Diff.Mean > 0 {
			v.Held = &ch
		}
	}
	v.Identical = identical(c, s)
	v.Sentences = sentences(v)
	if w := periodSentence(c, s); w != "" {
		v.Sentences = append([]string{w}, v.Sentences...)
	}
	return v
}

// periodSentence says, when scenario s's KPIs are measured over other
// weeks than the reference's (another horizon or warm-up), that its
// differences are partly the period's: the pairing on common random
// numbers holds, but the two do not measure the same time. Over as many
// weeks but not the same ones it names both periods, as the count alone
// would not show them apart; where the periods are not known (a
// comparison built from results alone), only the count is.
func periodSentence(c *Comparison, s int) string {
	if len(c.Results) <= s || len(c.Results[0]) == 0 || len(c.Results[s]) == 0 {
		return ""
	}
	w, rw := c.Results[s][0].Weeks, c.Results[0][0].Weeks
	if w != rw {
		return fmt.Sprintf("%s's figures are measured over %s weeks after its warm-up and %s's over %s, so part of each difference below is the period's, not what %s changes.",
			c.Names[s], Number(w), c.Names[0], Number(rw), c.Names[s])
	}
	if len(c.Periods) <= s || c.Periods[s] == c.Periods[0] {
		return ""
	}
	return fmt.Sprintf("%s is measured over %s and %s over %s: as many weeks, but not the same ones, so part of each difference below is the period's (growth, seasons and changes are dated from week 0), not what %s changes.",
		c.Names[s], c.Periods[s], c.Names[0], c.Periods[0], c.Names[s])
}

// identical reports whether scenario s of c has every KPI the same as the
// reference in every replication (both undefined counts as the same).
func identical(c *Comparison, s int) bool {
	for _, k := range c.KPIs {
		if len(k.Values) <= s || len(k.Values[s]) != len(k.Values[0]) || len(k.Values[0]) == 0 {
			return false
		}
		for i, x := range k.Values[0] {
			if y := k.Values[s][i]; x != y && !(math.IsNaN(x) && math.IsNaN(y)) {
				return false
			}
		}
	}
	return len(c.KPIs) > 0
}

// change is KPI k's difference between scenario s and the reference.
func change(k *KPIComparison, s int) Change {
	ch := Change{KPI: k.Name, Unit: k.Unit, Label: k.Name, Reference: k.Estimates[0].Mean,
		Scenario: k.Estimates[s].Mean, Diff: k.Paired[s]}
	if m, ok := sim.LookupKPI(k.Name); ok {
		ch.Label, ch.Direction = m.Label, m.Direction
	}
	ch.Effect = EffectOf(ch.Diff, ch.Direction)
	return ch
}

// costPer is the extra cost per unit of improvement in an outcome, by
// Fieller's method on the paired replications; nil where the improvement
// is not clearly non-zero.
func costPer(cost, outcome [][]float64, s int, dir sim.Direction, level float64) *RatioEstimate {
	n := len(cost[0])
	if len(cost[s]) != n || len(outcome[0]) != n || len(outcome[s]) != n {
		return nil
	}
	dc, de := make([]float64, n), make([]float64, n)
	sign := 1.0
	if dir == sim.LowerIsBetter {
		sign = -1
	}
	for i := range n {
		dc[i] = cost[s][i] - cost[0][i]
		de[i] = sign * (outcome[s][i] - outcome[0][i])
	}
	r, ok := Fieller(dc, de, level)
	if !ok {
		return nil
	}
	return &r
}
