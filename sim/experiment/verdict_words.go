package experiment

import (
	"fmt"
	"math"
	"strings"

	"github.com/spsim/spsim/sim"
)

// A verdict's sentences: what it costs, how each outcome moves, and what
// else a commissioner should know of the numbers.

// phrases name the verdict's outcomes in a sentence, with whether the
// phrase is plural and the singular of one unit of improvement.
var phrases = map[string]struct {
	text   string
	plural bool
	unit   string
}{
	sim.KPINeedsMetPer1000Referrals: {"needs met per 1,000 referrals", true, ""},
	sim.KPINeedsMet:                 {"needs met", true, "need met"},
	sim.KPIReferredAllNeedsMetShare: {"the share of referred people with every need met", false, ""},
	sim.KPIPeopleNeedsMet:           {"people with every need met", true, "person with every need met"},
	sim.KPIWaitMean:                 {"waits", true, "week off the mean wait"},
	sim.KPIReneged:                  {"people giving up waiting", true, "person fewer giving up"},
	sim.KPILeavers:                  {"link workers leaving", true, "leaver fewer"},
	sim.KPILeaversPerFTE:            {"link-worker turnover", false, "leaver fewer per FTE a year"},
}

// sentences states a verdict in plain words from its numbers.
func sentences(v Verdict) []string {
	if s := unjudged(v); s != "" {
		return []string{s}
	}
	var b strings.Builder
	b.WriteString(costClause(v))
	var same, undefined []string
	inEither := true // every outcome undefined is undefined in both
	for _, o := range sentenceOutcomes(v.Outcomes) {
		p := phrases[o.KPI]
		switch {
		case math.IsNaN(o.Scenario) || math.IsNaN(o.Reference):
			// A wait when nobody is seen: not "no change", no measure.
			undefined = append(undefined, p.text)
			inEither = inEither && math.IsNaN(o.Scenario) && math.IsNaN(o.Reference)
		case o.Effect == NoDifference || o.Effect == Undetermined:
			same = append(same, p.text)
		default:
			b.WriteString("; " + outcomeClause(v, o))
		}
	}
	if len(same) > 0 {
		verb := " do not change detectably"
		if len(same) == 1 && !phrases[sameKPI(v.Outcomes, same[0])].plural {
			verb = " does not change detectably"
		}
		b.WriteString("; " + list(same) + verb)
	}
	imprecise := impreciseWords(v)
	if len(undefined) > 0 {
		where := "one of them"
		if inEither {
			where = "either" // not "one of them", which reads as if the other had one
		}
		b.WriteString("; " + list(undefined) + " cannot be compared (not defined in " + where + ")")
	}
	b.WriteString(".")
	out := []string{b.String()}
	if imprecise != "" {
		out = append(out, imprecise)
	}
	for _, s := range []string{costSentence(v), heldSentence(v), assumedSentence(v)} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// imprecision is the half-width of a difference, against the reference's
// level, past which "does not change detectably" says more about the
// replications than the scenarios.
const imprecision = 0.25

// impreciseWords says which outcomes that do not change detectably were
// measured too loosely to tell (their interval wider than a quarter of the
// reference's level either way: rare events such as leavers), and that
// more replications may tell; "" if none.
func impreciseWords(v Verdict) string {
	var loose []string
	for _, o := range sentenceOutcomes(v.Outcomes) {
		if o.Effect != NoDifference || math.IsNaN(o.Diff.HalfWidth) || o.Reference == 0 {
			continue
		}
		if o.Diff.HalfWidth > imprecision*math.Abs(o.Reference) {
			loose = append(loose, fmt.Sprintf("%s (±%s of %s level)", phrases[o.KPI].text,
				Percent(o.Diff.HalfWidth/math.Abs(o.Reference)), possessive(v.Reference)))
		}
	}
	if len(loose) == 0 {
		return ""
	}
	return "The interval is wide for " + list(loose) + ": a difference there may be hidden by too few replications, and more would tell."
}

// costClause opens the verdict with the scenario's name: what it costs
// against the reference.
func costClause(v Verdict) string {
	d := v.Cost.Diff
	switch v.Cost.Effect {
	case Better, Worse, Changed:
		more, lo, hi := "more", d.Low, d.High
		if d.Mean < 0 {
			more, lo, hi = "less", -d.High, -d.Low
		}
		amount := Money(math.Abs(d.Mean))
		if lo != hi { // else the same in every replication: no interval to show
			amount = moneyWithin(math.Abs(d.Mean), lo, hi) + " " + Bounds(math.Abs(d.Mean), lo, hi, sim.UnitGBP, true)
		}
		return v.Scenario + " costs " + amount + " " + more + " a year than " + v.Reference
	case NoDifference:
		if d.N >= 2 && d.Mean == 0 && d.Low == 0 && d.High == 0 {
			// The same cost in every replication: no interval to show.
			return v.Scenario + " costs the same as " + v.Reference
		}
		// The figure is written alone (Quantity), not to its bounds'
		// decimals, so it adds none to them (NaN).
		return possessive(v.Scenario) + " cost does not differ detectably from " + possessive(v.Reference) + " (" +
			Quantity(d.Mean, sim.UnitGBPPerYear, true) + " " + Bounds(math.NaN(), d.Low, d.High, sim.UnitGBP, true) + ")"
	}
	return v.Scenario + " is compared with " + v.Reference + " without a cost"
}

// outcomeClause says how outcome o moves: "waits fall by 3.04 weeks [2.47,
// 3.6]".
func outcomeClause(v Verdict, o Change) string {
	p := phrases[o.KPI]
	verb, lo, hi := "rise", o.Diff.Low, o.Diff.High
	if o.Diff.Mean < 0 {
		verb, lo, hi = "fall", -o.Diff.High, -o.Diff.Low
	}
	if !p.plural {
		verb += "s"
	}
	amount := QuantityWithin(math.Abs(o.Diff.Mean), lo, hi, o.Unit, true)
	if strings.Contains(p.text, " per ") {
		amount = numberWithin(math.Abs(o.Diff.Mean), lo, hi) // the phrase names the unit
	}
	text := p.text
	if o.KPI == sim.KPIWaitMean && o.Effect == Better && worse(v.Outcomes, sim.KPIReneged) {
		// Waits are measured over the people seen: shorter waits while
		// more give up are not a better service for everyone referred.
		text = "waits of those seen"
	}
	return text + " " + verb + " by " + amount + " " + Bounds(math.Abs(o.Diff.Mean), lo, hi, o.Unit, true)
}

// assumedSentence tells the assumed value of GP appointments avoided, when
// it differs detectably; "" otherwise.
func assumedSentence(v Verdict) string {
	a := v.Assumed
	if a == nil {
		return ""
	}
	verb, lo, hi := "rises", a.Diff.Low, a.Diff.High
	if a.Diff.Mean < 0 {
		verb, lo, hi = "falls", -a.Diff.High, -a.Diff.Low
	}
	return "On the scenario's assumed effect of social prescribing, the value of GP appointments avoided " + verb + " by " +
		QuantityWithin(math.Abs(a.Diff.Mean), lo, hi, a.Unit, true) + " " + Bounds(math.Abs(a.Diff.Mean), lo, hi, a.Unit, true) + " (assumption-driven)."
}

// heldSentence tells how the time held on caseload awaiting a community
// place moves, when it differs detectably; "" otherwise.
func heldSentence(v Verdict) string {
	h := v.Held
	if h == nil {
		return ""
	}
	return "People are held on caseload awaiting a community place for " + numberWithin(h.Diff.Mean, h.Diff.Low, h.Diff.High) + " more person-weeks a year " +
		Bounds(h.Diff.Mean, h.Diff.Low, h.Diff.High, h.Unit, true) + "."
}

// unjudged is a verdict's one sentence when its numbers leave nothing to
// judge, or "": the same results as the reference in every replication,
// or one replication, so no intervals (saying "does not change
// detectably" would then read as a finding).
func unjudged(v Verdict) string {
	switch {
	case v.Identical:
		return v.Scenario + " gives the same results as " + v.Reference + ", every KPI in every replication: nothing it changes reaches the run."
	case oneReplication(v):
		return "With one replication there are no intervals, so " + v.Scenario + " cannot be judged against " + v.Reference +
			"; run 2 or more replications (10 or more for a decision)."
	}
	return ""
}

// oneReplication reports whether v's differences rest on one replication
// each: defined means, but no intervals.
func oneReplication(v Verdict) bool {
	for _, c := range append([]Change{v.Cost}, v.Outcomes...) {
		if c.Diff.N >= 2 {
			return false
		}
	}
	return len(v.Outcomes) > 0 || v.Cost.Diff.N == 1
}

// sentenceOutcomes picks, for the sentence, one measure of each outcome:
// the headline rate in place of the count it is built from, when both
// are present.
func sentenceOutcomes(os []Change) []Change {
	have := map[string]bool{}
	for _, o := range os {
		have[o.KPI] = true
	}
	var out []Change
	for _, o := range os {
		switch {
		case o.KPI == sim.KPINeedsMet && have[sim.KPINeedsMetPer1000Referrals],
			o.KPI == sim.KPIPeopleNeedsMet && have[sim.KPIReferredAllNeedsMetShare]:
			continue
		}
		out = append(out, o)
	}
	return out
}

func sameKPI(os []Change, text string) string {
	for _, o := range os {
		if phrases[o.KPI].text == text {
			return o.KPI
		}
	}
	return ""
}

// costSentence gives the cost of one extra outcome, for the first count
// of needs or people met that improves, or says why there is none.
func costSentence(v Verdict) string {
	for _, o := range v.Outcomes {
		if !o.Gain() || (o.KPI != sim.KPINeedsMet && o.KPI != sim.KPIPeopleNeedsMet) {
			continue
		}
		// The sentence names the headline rate in place of the count: when
		// more needs are met a year but a smaller part of the referrals'
		// needs, the scenario has not "achieved" anything to price.
		if h, ok := headlineOf(v.Outcomes, o.KPI); ok && h.Effect != Better {
			continue
		}
		p := phrases[o.KPI]
		switch v.Cost.Effect {
		case NoDifference:
			// With outcomes that worsen, "it achieves this" would read as
			// praise for the whole result: name the gain, and what worsens.
			if worse := worsened(v.Outcomes); len(worse) > 0 {
				gain := p.text
				if h, ok := headlineOf(v.Outcomes, o.KPI); ok {
					gain = phrases[h.KPI].text
				}
				verb := " worsen."
				if len(worse) == 1 && !phrases[sameKPI(v.Outcomes, worse[0])].plural {
					verb = " worsens."
				}
				return "The rise in " + gain + " comes at no detectable extra cost, but " + list(worse) + verb
			}
			return "It achieves this at no detectable extra cost."
		case Better:
			return "It is cheaper and still gains " + numberWithin(o.Diff.Mean, o.Diff.Low, o.Diff.High) + " " + p.text + " a year " + Bounds(o.Diff.Mean, o.Diff.Low, o.Diff.High, o.Unit, true) + "."
		}
		r := o.CostPer
		if r == nil {
			continue // no cost, or no ratio to give
		}
		return "Each extra " + p.unit + " costs " + moneyWithin(r.Value, r.Low, r.High) + " " + Bounds(r.Value, r.Low, r.High, sim.UnitGBP, true) + "."
	}
	return ""
}

// Gain reports whether ch is a flow (a count a year) that improves
// detectably: an outcome a cost per unit could price.
func (ch Change) Gain() bool { return ch.Effect == Better && strings.HasSuffix(ch.Unit, "/year") }

// find returns outcome kpi of os, if it was reported.
func find(os []Change, kpi string) (Change, bool) {
	for _, o := range os {
		if o.KPI == kpi {
			return o, true
		}
	}
	return Change{}, false
}

// worse reports whether outcome kpi is among os and detectably worse.
func worse(os []Change, kpi string) bool {
	o, ok := find(os, kpi)
	return ok && o.Effect == Worse
}

// worsened names the sentence's outcomes that are detectably worse.
func worsened(os []Change) []string {
	var out []string
	for _, o := range sentenceOutcomes(os) {
		if o.Effect == Worse {
			out = append(out, phrases[o.KPI].text)
		}
	}
	return out
}

// headlineOf returns the headline rate that stands for count kpi in the
// sentence (needs met per 1,000 referrals for needs met; the share of
// referred people with every need met for people), if it was reported.
func headlineOf(os []Change, kpi string) (Change, bool) {
	return find(os, map[string]string{sim.KPINeedsMet: sim.KPINeedsMetPer1000Referrals, sim.KPIPeopleNeedsMet: sim.KPIReferredAllNeedsMetShare}[kpi])
}

func list(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// possessive writes a scenario's name as its owner: "baseline's", "three
// posts'".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// numberWithin writes x, a number whose unit the sentence names, to the
// decimals of its interval [lo, hi]: "1.40 more person-weeks a year [0.77,
// 2.03]", not "1.4 … [0.77, 2.03]".
func numberWithin(x, lo, hi float64) string {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return Number(x)
	}
	return numberTo(x, decimalsWithin(x, lo, hi, "", true))
}

// moneyWithin writes an amount of money to the precision of its interval:
// whole pounds unless every bound is under £100, as Bounds writes them.
func moneyWithin(x, lo, hi float64) string { return QuantityWithin(x, lo, hi, sim.UnitGBP, false) }
