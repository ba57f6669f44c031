package output

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
)

// CompareMeta describes a comparison in compare.json.
type CompareMeta struct {
	Scenarios    []string `json:"scenarios"` // the reference first
	Reference    string   `json:"reference"`
	Seed         uint64   `json:"seed"`
	Replications int      `json:"replications"`
	Level        float64  `json:"confidence_level"`
	Version      string   `json:"spsim_version"`
	// CommonRandomNumbers records that replication i of every scenario
	// used the same named random streams, which is what makes the paired
	// intervals valid.
	CommonRandomNumbers bool `json:"common_random_numbers"`
	// LoadWarnings are the scenarios' load warnings.
	LoadWarnings []string `json:"load_warnings,omitempty"`
	// Warnings are the comparison's own: a scenario whose seed or
	// replications gave way to the reference's for common random numbers,
	// or that covers a different period or number of areas, which the
	// verdicts do not allow for.
	Warnings []string `json:"warnings,omitempty"`
	// AfterChanges are, for each timeline change a scenario makes and the
	// reference does not, the weeks after it in both, as the sentences say.
	AfterChanges []ChangeMeta `json:"after_changes,omitempty"`
}

// WriteCompareCSV writes the tidy comparison table: one row per KPI and
// scenario with its mean and interval, its paired difference from the
// reference scenario and the unpaired (Welch) interval of that difference.
// The reference's difference columns are NA. effect says what the paired
// difference means (better, worse, changed, no_detectable_difference);
// cost_per_unit is the extra cost a year per unit of a verdict outcome's
// improvement with Fieller's interval, NA unless the outcome clearly improves.
func WriteCompareCSV(w io.Writer, c *experiment.Comparison) error {
	cw := csv.NewWriter(w)
	vs := experiment.Verdicts(c)
	cw.Write([]string{"kpi", "scenario", "mean", "ci_low", "ci_high", "diff_mean", "diff_ci_low", "diff_ci_high",
		"unpaired_diff_ci_low", "unpaired_diff_ci_high", "n", "unit", "effect", "cost_per_unit", "cost_per_unit_ci_low", "cost_per_unit_ci_high"})
	for _, k := range c.KPIs {
		for s, name := range c.Names {
			e, d, u := k.Estimates[s], k.Paired[s], k.Unpaired[s]
			diff := []string{num(d.Mean), num(d.Low), num(d.High), num(u.Low), num(u.High)}
			if s == 0 {
				diff = []string{"NA", "NA", "NA", "NA", "NA"}
			}
			rec := append([]string{k.Name, name, num(e.Mean), num(e.Low), num(e.High)}, diff...)
			effect := effectOf(k, s)
			if s == 0 {
				effect = "NA"
			}
			rec = append(rec, strconv.Itoa(e.N), k.Unit, effect)
			cw.Write(append(rec, ratioCells(costPer(vs, k.Name, s))...))
		}
	}
	cw.Flush()
	return cw.Error()
}

type jsonInterval struct {
	Mean      *float64 `json:"mean"`
	Low       *float64 `json:"ci_low"`
	High      *float64 `json:"ci_high"`
	HalfWidth *float64 `json:"half_width"`
}

func jinterval(e experiment.Estimate) *jsonInterval {
	return &jsonInterval{Mean: jnum(e.Mean), Low: jnum(e.Low), High: jnum(e.High), HalfWidth: jnum(e.HalfWidth)}
}

type jsonArm struct {
	Scenario     string        `json:"scenario"`
	Mean         *float64      `json:"mean"`
	Low          *float64      `json:"ci_low"`
	High         *float64      `json:"ci_high"`
	N            int           `json:"n"`
	Diff         *jsonInterval `json:"paired_diff,omitempty"`
	Effect       string        `json:"effect,omitempty"`
	CostPer      *jsonRatio    `json:"cost_per_unit,omitempty"`
	UnpairedDiff *jsonInterval `json:"unpaired_diff,omitempty"`
	Values       []*float64    `json:"values"`
}

// WriteCompareJSON writes the comparison with each scenario's estimate,
// differences and per-replication values.
func WriteCompareJSON(w io.Writer, meta CompareMeta, c *experiment.Comparison) error {
	type jsonKPI struct {
		KPI       string    `json:"kpi"`
		Unit      string    `json:"unit"`
		Scenarios []jsonArm `json:"scenarios"`
	}
	vs := experiment.Verdicts(c)
	out := struct {
		CompareMeta
		Verdicts []jsonVerdict `json:"verdicts"`
		// HeadToHead are the options that spend (or save) money judged
		// against each other: scenario is the one meeting more needs.
		HeadToHead []jsonVerdict `json:"head_to_head,omitempty"`
		// Periods are the weeks each scenario's KPIs measure, so that a
		// script can see that two were measured over different weeks.
		Periods []jsonPeriod `json:"periods,omitempty"`
		KPIs    []jsonKPI    `json:"kpis"`
		// Areas are, for scenarios of several areas, each area's paired
		// difference from the reference, as compare_areas.csv has them.
		Areas []jsonAreaDifference `json:"areas,omitempty"`
	}{CompareMeta: meta, Verdicts: jverdicts(vs), HeadToHead: jverdicts(experiment.HeadToHead(c)), Periods: jperiods(c), Areas: jareas(c)}
	for _, k := range c.KPIs {
		jk := jsonKPI{KPI: k.Name, Unit: k.Unit}
		for s, name := range c.Names {
			e := k.Estimates[s]
			a := jsonArm{Scenario: name, Mean: jnum(e.Mean), Low: jnum(e.Low), High: jnum(e.High), N: e.N}
			if s > 0 {
				a.Diff, a.UnpairedDiff = jinterval(k.Paired[s]), jinterval(k.Unpaired[s])
				a.Effect, a.CostPer = effectOf(k, s), jratio(costPer(vs, k.Name, s))
			}
			for _, v := range k.Values[s] {
				a.Values = append(a.Values, jnum(v))
			}
			jk.Scenarios = append(jk.Scenarios, a)
		}
		out.KPIs = append(out.KPIs, jk)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// jsonPeriod is a scenario's measured weeks in compare.json: from
// warmup_weeks (counted from week 0) to horizon_weeks − 1.
type jsonPeriod struct {
	Scenario     string `json:"scenario"`
	WarmupWeeks  int    `json:"warmup_weeks"`
	HorizonWeeks int    `json:"horizon_weeks"`
}

// jperiods are c's periods by scenario, or none if c does not know them.
func jperiods(c *experiment.Comparison) []jsonPeriod {
	if len(c.Periods) != len(c.Names) {
		return nil
	}
	out := make([]jsonPeriod, len(c.Names))
	for s, p := range c.Periods {
		out[s] = jsonPeriod{Scenario: c.Names[s], WarmupWeeks: p.Warmup, HorizonWeeks: p.Horizon}
	}
	return out
}

// CompareTable is the headline comparison for people: what each KPI is,
// each scenario's value with its interval in its unit's words (34.1%
// [33.4%, 34.9%], 5.62 weeks [5.36, 5.9]), after the reference each
// scenario's paired difference from it (+4.9 percentage points [4.4,
// 5.4]), and last the KPI's stable name, to find it in compare.csv.
func CompareTable(c *experiment.Comparison, names []string) (head []string, rows [][]string) {
	head = []string{"what"}
	for s, n := range c.Names {
		head = append(head, n)
		if s > 0 {
			head = append(head, n+" − "+c.Names[0]+" (paired)")
		}
	}
	head = append(head, "kpi")
	for _, name := range names {
		for _, k := range c.KPIs {
			if k.Name != name {
				continue
			}
			row := []string{KPILabel(k.Name)}
			for s := range c.Names {
				row = append(row, estimateWords(k.Name, k.Unit, k.Estimates[s]))
				if s > 0 {
					row = append(row, differenceWords(k.Unit, k.Paired[s]))
				}
			}
			rows = append(rows, append(row, k.Name))
		}
	}
	return head, rows
}

// estimateWords is a KPI's value and interval as people read them.
func estimateWords(name, unit string, e experiment.Estimate) string {
	value, ci := kpiWords(experiment.Summary{Name: name, Unit: unit, Estimate: e})
	if math.IsNaN(e.Low) {
		return value
	}
	return value + " " + ci
}

// differenceWords is a difference with its sign and interval: a difference
// of shares in percentage points.
func differenceWords(unit string, e experiment.Estimate) string {
	if math.IsNaN(e.Mean) {
		return "-"
	}
	if math.IsNaN(e.Low) {
		return signedQuantity(e.Mean, unit)
	}
	return experiment.SignedWithBounds(e.Mean, e.Low, e.High, unit, true)
}

// PrintCompareHeadline writes the headline KPIs side by side in words,
// each scenario after the reference followed by its paired difference.
func PrintCompareHeadline(w io.Writer, c *experiment.Comparison, names []string) error {
	head, rows := CompareTable(c, names)
	return printWords(w, head, rows)
}

// SweepTable is the headline of a sweep for people: the varied values, then
// each chosen KPI's value and interval in its unit's words. A varied key
// is headed and its values written as the sentences say them ("Referral
// growth", "5%"), where the lever vocabulary has its words; sweep.csv
// keeps the keys and raw values.
func SweepTable(sw *experiment.Sweep, kpis []string) (head []string, rows [][]string) {
	for _, f := range sw.Factors {
		h := f.Key
		if l := scenarios.KeyLabel(f.Key); l != "" {
			h = l
		}
		head = append(head, h)
	}
	for _, k := range kpis {
		head = append(head, KPILabel(k))
	}
	for _, p := range sw.Points {
		var row []string
		for i, v := range p.Values {
			if i < len(sw.Factors) {
				v = valueWords(sw.Factors[i].Key, v)
			}
			row = append(row, v)
		}
		for _, k := range kpis {
			if s, ok := experiment.FindSummary(p.Summaries, k); ok {
				row = append(row, estimateWords(s.Name, s.Unit, s.Estimate))
			} else {
				row = append(row, "-")
			}
		}
		rows = append(rows, row)
	}
	return head, rows
}

// PrintSweepHeadline writes one row per sweep point with the chosen KPIs.
func PrintSweepHeadline(w io.Writer, sw *experiment.Sweep, kpis []string) error {
	head, rows := SweepTable(sw, kpis)
	return printWords(w, head, rows)
}

// WriteSweepCSV writes one row per sweep point and KPI: the varied values
// (one column per key), kpi, mean, ci_low, ci_high, n, unit.
func WriteSweepCSV(w io.Writer, sw *experiment.Sweep) error {
	cw := csv.NewWriter(w)
	var head []string
	for _, f := range sw.Factors {
		head = append(head, f.Key)
	}
	cw.Write(append(head, "kpi", "mean", "ci_low", "ci_high", "n", "unit"))
	for _, p := range sw.Points {
		for _, s := range p.Summaries {
			e := s.Estimate
			rec := append(append([]string(nil), p.Values...), s.Name, num(e.Mean), num(e.Low), num(e.High), strconv.Itoa(e.N), s.Unit)
			cw.Write(rec)
		}
	}
	cw.Flush()
	return cw.Error()
}

// printWords aligns a table of words in columns, as the run's headline.
func printWords(w io.Writer, head []string, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}
