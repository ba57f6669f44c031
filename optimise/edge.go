package optimise

import (
	"math"
	"strconv"
	"strings"
)

// Where a plan sits in the range searched: at an end, a value beyond it
// may do as well or better, unless the budget rules it out.

// atEdge says which numeric levers the plan takes at an end of the range
// searched, where a value beyond it may do as well or better: either end
// for the best within a budget, the low end for the cheapest plan (a lower
// value might meet the targets too). "" if none.
func (p *Problem) atEdge(r *Result, bothEnds bool) string {
	var parts []string
	for f, l := range p.Levers {
		lo, hi, ok := numericRange(l.Values)
		if !ok {
			continue
		}
		at := r.Candidates[r.Plan].Levers[f]
		v, _ := strconv.ParseFloat(at, 64)
		switch {
		case v == lo && lo > 0: // nothing lies below no posts or places
			parts = append(parts, p.leverValue(f, at)+", the lowest")
		case v == hi && bothEnds && !r.beyondBudget(f, l.Values):
			parts = append(parts, p.leverValue(f, at)+", the highest")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "It sits at an end of the range searched (" + strings.Join(parts, "; ") + "): a value beyond it may do as well or better, so widen the range to be sure."
}

// beyondBudget reports whether one more step of lever f above the plan's
// value would cost more than the budget: its cost grows by the step from
// the value below it to the plan's (posts and places cost the same each),
// so a higher value is not a range left unsearched but one the budget
// rules out.
func (r *Result) beyondBudget(f int, values []string) bool {
	if r.Options.Budget <= 0 {
		return false
	}
	plan := r.Candidates[r.Plan]
	below, ok := nextBelow(values, plan.Levers[f])
	if !ok {
		return false
	}
	for _, c := range r.Candidates {
		if c.Levers[f] != below || !sameBut(c.Levers, plan.Levers, f) {
			continue
		}
		return plan.Cost+(plan.Cost-c.Cost) > r.Options.Budget
	}
	return false
}

// nextBelow is the greatest of values below at, all numbers.
func nextBelow(values []string, at string) (string, bool) {
	v, err := strconv.ParseFloat(at, 64)
	if err != nil {
		return "", false
	}
	best, found := math.Inf(-1), ""
	for _, s := range values {
		if x, err := strconv.ParseFloat(s, 64); err == nil && x < v && x > best {
			best, found = x, s
		}
	}
	return found, found != ""
}

// sameBut reports whether a and b agree on every lever but f.
func sameBut(a, b []string, f int) bool {
	for i := range a {
		if i != f && a[i] != b[i] {
			return false
		}
	}
	return true
}

// numericRange is the least and greatest of values, if there are two or
// more and all are numbers.
func numericRange(values []string) (lo, hi float64, ok bool) {
	if len(values) < 2 {
		return 0, 0, false
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range values {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, 0, false
		}
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi, true
}
