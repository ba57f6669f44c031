package optimise

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Target is a requirement on one KPI: its mean must be at most (AtMost) or
// at least Value.
type Target struct {
	KPI    string
	AtMost bool
	Value  float64
	// Tolerance is the indifference zone ε > 0, in the KPI's units: a
	// candidate whose true mean is within ε of Value may be judged either
	// way; one further away is judged right with the stated confidence.
	Tolerance float64
}

// String writes the target as it is given on the command line.
func (t Target) String() string {
	op := ">="
	if t.AtMost {
		op = "<="
	}
	return t.KPI + op + strconv.FormatFloat(t.Value, 'g', -1, 64)
}

// Words writes the requirement: "at most 4", "at least 512".
func (t Target) Words() string {
	if t.AtMost {
		return "at most " + strconv.FormatFloat(t.Value, 'g', -1, 64)
	}
	return "at least " + strconv.FormatFloat(t.Value, 'g', -1, 64)
}

// Bound is the requirement in the KPI's unit: "at most 4 weeks", "at least
// 486.5 needs/1,000 referrals".
func (t Target) Bound() string {
	unit, gap := unitOf(t.KPI)
	// The value as given, not rounded to three figures: a target of 486.5
	// is not one of 487.
	q := experiment.Quantity(t.Value, unit, gap)
	if n := experiment.Number(t.Value); strings.HasPrefix(q, n) {
		q = strconv.FormatFloat(t.Value, 'g', -1, 64) + q[len(n):]
	}
	if t.AtMost {
		return "at most " + q
	}
	return "at least " + q
}

// toleranceFloor is the least default tolerance of a target on kpi, in
// its unit: 5% of a target near 0 (a wait of at most 0.01 weeks, nobody
// giving up) would be a tolerance no number of replications could meet,
// and of 0 none at all.
func toleranceFloor(kpi string) float64 {
	m, ok := sim.LookupKPI(kpi)
	if !ok {
		return 0
	}
	switch m.Unit {
	case sim.UnitWeeks:
		return 0.1 // about half a working day
	case sim.UnitShare:
		return 0.005 // half a percentage point
	case sim.UnitGBP, sim.UnitGBPPerYear:
		return 100
	case sim.UnitIndex, "people/FTE-year":
		return 0.01 // a pressure index, or leavers per FTE (about 0.2)
	case "contacts", "hours/week":
		return 0.1
	}
	return 1 // a count (people, places, services, needs per 1,000 referrals), or one a year
}

// ParseTarget reads "KPI<=X" or "KPI>=X", with an optional tolerance
// "KPI<=X±E" (or "+-E"). Without one the tolerance is 5% of |X|, and at
// least toleranceFloor's.
func ParseTarget(s string) (Target, error) {
	var t Target
	var rest string
	if k, r, ok := strings.Cut(s, "<="); ok {
		t.KPI, rest, t.AtMost = k, r, true
	} else if k, r, ok := strings.Cut(s, ">="); ok {
		t.KPI, rest = k, r
	} else {
		return t, usage.Errorf("--target %q: want KPI<=X or KPI>=X, such as 'wait_first_contact_p90_weeks<=4'", s)
	}
	t.KPI = strings.TrimSpace(t.KPI)
	val, tol, hasTol := strings.Cut(strings.ReplaceAll(rest, "+-", "±"), "±")
	v, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || t.KPI == "" {
		return t, usage.Errorf("--target %q: want KPI<=X or KPI>=X with X a number, such as 'wait_first_contact_p90_weeks<=4'", s)
	}
	t.Value, t.Tolerance = v, max(0.05*math.Abs(v), toleranceFloor(t.KPI))
	if hasTol {
		if t.Tolerance, err = strconv.ParseFloat(strings.TrimSpace(tol), 64); err != nil {
			return t, usage.Errorf("--target %q: tolerance %q is not a number", s, tol)
		}
	}
	if !(t.Tolerance > 0) || math.IsInf(t.Tolerance, 0) {
		return t, usage.Errorf("--target %q: the tolerance must be a positive number; give one as %s±E", s, strings.TrimSpace(strings.Split(s, "±")[0]))
	}
	return t, nil
}

// Decision is the state of a feasibility check.
type Decision int8

// Decisions.
const (
	Undecided Decision = iota
	Feasible
	Infeasible
	// Chosen and Eliminated are a selection's (Select): the one candidate
	// left, and those dropped as worse than another.
	Chosen
	Eliminated
)

func (d Decision) String() string {
	return [...]string{"undecided", "feasible", "infeasible", "chosen", "eliminated"}[d]
}

// eta is Kim & Nelson's constant for c = 1: the triangular region's
// probability of a wrong exit is at most β when
// ½(1 + 2η)^(−(n0−1)/2) = β.
func eta(beta float64, n0 int) float64 {
	return 0.5 * (math.Pow(2*beta, -2/float64(n0-1)) - 1)
}

// check is the sequential feasibility check of one target on one
// candidate (Andradóttir & Kim 2010, procedure F_B with c = 1). After the
// first n0 values it fixes the variance S²; then with R(r) = Σ (x_j − q)
// over the first r values, and a(r) = max(0, h²S²/(2ε) − εr/2), it
// declares the target met ("feasible" for ≤) when R(r) ≤ −a(r) and
// missed when R(r) ≥ a(r); otherwise it needs another value. For a ≥
// target the signs are reversed. h² = 2η(n0 − 1).
type check struct {
	t      Target
	n0     int
	h2     float64
	s2     float64
	sum    float64
	n      int
	values []float64
	result Decision
}

func newCheck(t Target, n0 int, beta float64) *check {
	return &check{t: t, n0: n0, h2: 2 * eta(beta, n0) * float64(n0-1)}
}

// add takes the next replication's value and returns the decision so far.
func (c *check) add(x float64) Decision {
	if c.result != Undecided {
		return c.result
	}
	d := x - c.t.Value
	if !c.t.AtMost {
		d = -d
	}
	c.values = append(c.values, x)
	c.sum += d
	c.n++
	if c.n < c.n0 {
		return Undecided
	}
	if c.n == c.n0 {
		c.s2 = stat.Variance(c.values, nil)
	}
	eps := c.t.Tolerance
	a := math.Max(0, c.h2*c.s2/(2*eps)-eps*float64(c.n)/2)
	switch {
	case math.IsNaN(c.sum):
		c.result = Infeasible // an undefined KPI never meets a target
	case c.sum <= -a:
		c.result = Feasible
	case c.sum >= a:
		c.result = Infeasible
	}
	return c.result
}
