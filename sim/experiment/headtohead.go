package experiment

import (
	"math"

	"github.com/spsim/spsim/sim"
)

// HeadToHead judges the compared options against each other, where the
// question is which to fund: every pair of scenarios that both cost
// detectably more than the reference, both less, or both no detectably
// different amount is a choice between two uses of the same kind of
// money, such as a fifth link worker or grants for more community places,
// or two support models at the same staffing. Each pair's verdict is the
// option that meets more needs (by mean) against the other, paired
// replication by replication on the same common random numbers as the rest
// of the comparison, so it says "no detectable difference" where that is
// the truth. A pair whose costs move different ways answers different
// questions, and is left out. Of more than three options, the one meeting
// the most needs is set against each of the others.
func HeadToHead(c *Comparison) []Verdict {
	cost := c.KPI(sim.KPICostTotal)
	if cost == nil || len(cost.Values) == 0 || len(cost.Values[0]) < 2 {
		return nil // one replication: nothing to judge (the verdicts say so)
	}
	var dearer, cheaper, same []int
	for s := 1; s < len(c.Names); s++ {
		d := cost.Paired[s]
		switch EffectOf(d, sim.LowerIsBetter) {
		case Worse:
			dearer = append(dearer, s)
		case Better:
			cheaper = append(cheaper, s)
		case NoDifference:
			same = append(same, s)
		}
	}
	var out []Verdict
	for _, group := range [][]int{dearer, cheaper, same} {
		for _, p := range pairs(c, group) {
			if v, ok := headToHead(c, p[0], p[1]); ok {
				out = append(out, v)
			}
		}
	}
	return out
}

// maxAllPairs is the most options set each against each: beyond it, the
// pairs grow as the square, and the option meeting the most needs is set
// against each of the others instead.
const maxAllPairs = 3

// pairs are the pairs of a group of options to set head to head.
func pairs(c *Comparison, group []int) [][2]int {
	var out [][2]int
	if len(group) <= maxAllPairs {
		for i, a := range group {
			for _, b := range group[i+1:] {
				out = append(out, [2]int{a, b})
			}
		}
		return out
	}
	needs := c.KPI(sim.KPINeedsMet)
	if needs == nil {
		return nil
	}
	top := group[0]
	for _, s := range group[1:] {
		if needs.Estimates[s].Mean > needs.Estimates[top].Mean {
			top = s
		}
	}
	for _, s := range group {
		if s != top {
			out = append(out, [2]int{top, s})
		}
	}
	return out
}

// headToHead is the verdict of the one of scenarios a and b that meets
// more needs against the other; ok is false when the comparison carries
// no needs met to order them by.
func headToHead(c *Comparison, a, b int) (Verdict, bool) {
	needs := c.KPI(sim.KPINeedsMet)
	if needs == nil {
		return Verdict{}, false
	}
	if needs.Estimates[a].Mean > needs.Estimates[b].Mean || math.IsNaN(needs.Estimates[b].Mean) {
		a, b = b, a
	}
	pair := Contrast([]string{c.Names[a], c.Names[b]}, [][]*sim.Result{c.Results[a], c.Results[b]}, c.Level)
	if len(c.Periods) == len(c.Names) {
		pair.Periods = []Period{c.Periods[a], c.Periods[b]}
	}
	return NewVerdict(pair, 1), true
}
