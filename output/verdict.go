package output

import (
	"slices"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// VerdictSentences is every scenario's verdict against the reference,
// then the options' head to head ([experiment.HeadToHead]), in plain
// sentences: what the terminal, the report, the workbook and the
// workbench lead a comparison with.
func VerdictSentences(c *experiment.Comparison) []string {
	var out []string
	for _, v := range experiment.Verdicts(c) {
		out = append(out, v.Sentences...)
	}
	for _, v := range experiment.HeadToHead(c) {
		out = append(out, HeadToHeadWords(v)...)
	}
	return out
}

// HeadToHeadWords are a head-to-head verdict's sentences, led by what
// they are: "Head to head, extra-link-worker costs …".
func HeadToHeadWords(v experiment.Verdict) []string {
	out := slices.Clone(v.Sentences)
	if len(out) > 0 {
		out[0] = "Head to head, " + out[0]
	}
	return out
}

// VerdictTable is the verdict's numbers for the report: per scenario, the
// extra cost and each outcome's paired difference, what it means, and the
// cost per unit of improvement where the improvement is clear.
func VerdictTable(c *experiment.Comparison) Table {
	return verdictTable(experiment.Verdicts(c),
		"Verdict: each scenario minus "+c.Names[0]+", paired, with 95% CI; cost per unit only where the outcome clearly improves")
}

// HeadToHeadTable is the head-to-head verdicts' numbers, as VerdictTable
// gives the verdicts'; ok is false when there is no pair of options.
func HeadToHeadTable(c *experiment.Comparison) (t Table, ok bool) {
	vs := experiment.HeadToHead(c)
	if len(vs) == 0 {
		return Table{}, false
	}
	return verdictTable(vs, "Head to head: each option minus the other, paired, with 95% CI; the option meeting more needs first"), true
}

func verdictTable(vs []experiment.Verdict, caption string) Table {
	t := Table{Caption: caption, Head: []string{"scenario", "against", "measure", "difference", "effect", "extra cost per unit"}}
	for _, v := range vs {
		for i, ch := range append([]experiment.Change{v.Cost}, v.Outcomes...) {
			effect := ch.Effect.Words()
			switch {
			case i == 0 && ch.Diff.Low > 0: // the cost: more is "worse" only by the ledger
				effect = "costs more"
			case i == 0 && ch.Diff.High < 0:
				effect = "costs less"
			}
			per := "—"
			switch {
			case ch.CostPer != nil:
				// To its interval's precision, as the verdict's sentence:
				// "£44 [£28, £434]", not "£43.90 [£28, £434]".
				r := ch.CostPer
				per = experiment.WithBounds(r.Value, r.Low, r.High, sim.UnitGBP, false) + " " + ch.PerUnit()
			case ch.Gain() && v.Cost.Effect == experiment.NoDifference:
				// A gain whose cost may be 0 has no ratio to give.
				per = "no detectable extra cost"
			case ch.Effect == experiment.NoDifference:
				per = "no detectable difference"
			}
			t.Rows = append(t.Rows, []string{v.Scenario, v.Reference, ch.Label,
				experiment.WithBounds(ch.Diff.Mean, ch.Diff.Low, ch.Diff.High, ch.Unit, true),
				effect, per})
		}
	}
	return t
}

// effectOf is what scenario s's paired difference in k says, "" for the
// reference.
func effectOf(k experiment.KPIComparison, s int) string {
	if s == 0 {
		return ""
	}
	dir := sim.Neutral
	if m, ok := sim.LookupKPI(k.Name); ok {
		dir = m.Direction
	}
	return string(experiment.EffectOf(k.Paired[s], dir))
}

// costPer finds scenario s's cost per unit of improvement in kpi among
// the verdicts (scenario s's verdict is vs[s-1]).
func costPer(vs []experiment.Verdict, kpi string, s int) *experiment.RatioEstimate {
	if s == 0 || s > len(vs) {
		return nil
	}
	for _, o := range vs[s-1].Outcomes {
		if o.KPI == kpi {
			return o.CostPer
		}
	}
	return nil
}

func ratioCells(r *experiment.RatioEstimate) []string {
	if r == nil {
		return []string{"NA", "NA", "NA"}
	}
	return []string{num(r.Value), num(r.Low), num(r.High)}
}

type jsonRatio struct {
	Value *float64 `json:"value"`
	Low   *float64 `json:"ci_low"`
	High  *float64 `json:"ci_high"`
}

func jratio(r *experiment.RatioEstimate) *jsonRatio {
	if r == nil {
		return nil
	}
	return &jsonRatio{jnum(r.Value), jnum(r.Low), jnum(r.High)}
}

type jsonChange struct {
	KPI     string        `json:"kpi"`
	Unit    string        `json:"unit"`
	Diff    *jsonInterval `json:"paired_diff"`
	Effect  string        `json:"effect"`
	CostPer *jsonRatio    `json:"cost_per_unit,omitempty"`
}

type jsonVerdict struct {
	Scenario  string       `json:"scenario"`
	Reference string       `json:"reference"`
	Sentences []string     `json:"sentences"`
	Cost      jsonChange   `json:"cost"`
	Outcomes  []jsonChange `json:"outcomes"`
}

func jverdicts(vs []experiment.Verdict) []jsonVerdict {
	conv := func(ch experiment.Change) jsonChange {
		return jsonChange{KPI: ch.KPI, Unit: ch.Unit, Diff: jinterval(ch.Diff), Effect: string(ch.Effect), CostPer: jratio(ch.CostPer)}
	}
	var out []jsonVerdict
	for _, v := range vs {
		jv := jsonVerdict{Scenario: v.Scenario, Reference: v.Reference, Sentences: v.Sentences, Cost: conv(v.Cost)}
		for _, o := range v.Outcomes {
			jv.Outcomes = append(jv.Outcomes, conv(o))
		}
		out = append(out, jv)
	}
	return out
}
