package output

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// WriteSummaryCSV writes one row per KPI: kpi, mean, ci_low, ci_high, n, unit.
func WriteSummaryCSV(w io.Writer, sums []experiment.Summary) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"kpi", "mean", "ci_low", "ci_high", "n", "unit"})
	for _, s := range sums {
		e := s.Estimate
		cw.Write([]string{s.Name, num(e.Mean), num(e.Low), num(e.High), strconv.Itoa(e.N), s.Unit})
	}
	cw.Flush()
	return cw.Error()
}

// Meta describes a run in summary.json.
type Meta struct {
	// LoadWarnings are values the scenario allows but that are unlikely
	// to be meant, as file:line:col: key = value: warning: message.
	LoadWarnings []string `json:"load_warnings,omitempty"`
	Scenario     string   `json:"scenario"`
	Question     string   `json:"question"`
	Seed         uint64   `json:"seed"`
	Replications int      `json:"replications"`
	HorizonWeeks int      `json:"horizon_weeks"`
	WarmupWeeks  int      `json:"warmup_weeks"`
	Level        float64  `json:"confidence_level"`
	Partial      bool     `json:"partial"`
	Version      string   `json:"spsim_version"`
	// Precision is set for a run that added replications until its
	// intervals were narrow enough (--precision).
	Precision *PrecisionMeta `json:"precision,omitempty"`
	// WarmupSuggestion is the MSER-5 warm-up suggested by the run.
	WarmupSuggestion *WarmupMeta `json:"warmup_suggestion,omitempty"`
	// Changes are what the run found at each timeline change and across
	// its years of growth, as its sentences say.
	Changes []ChangeMeta `json:"changes,omitempty"`
}

type jsonKPI struct {
	KPI       string     `json:"kpi"`
	Unit      string     `json:"unit"`
	Mean      *float64   `json:"mean"`
	Low       *float64   `json:"ci_low"`
	High      *float64   `json:"ci_high"`
	HalfWidth *float64   `json:"half_width"`
	SD        *float64   `json:"sd"`
	N         int        `json:"n"`
	Values    []*float64 `json:"values"`
}

// jnum is a number for JSON, where NaN has no spelling: undefined is null.
func jnum(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	v = Round(v)
	return &v
}

// WriteSummaryJSON writes the run's description and every KPI with its
// interval and per-replication values.
func WriteSummaryJSON(w io.Writer, meta Meta, sums []experiment.Summary) error {
	out := struct {
		Meta
		KPIs []jsonKPI `json:"kpis"`
	}{Meta: meta}
	out.KPIs = jsonKPIs(sums)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// jsonKPIs are the summaries as summary.json and sweep.json write them:
// each KPI with its interval and its replications' values.
func jsonKPIs(sums []experiment.Summary) []jsonKPI {
	var out []jsonKPI
	for _, s := range sums {
		e := s.Estimate
		k := jsonKPI{KPI: s.Name, Unit: s.Unit, Mean: jnum(e.Mean), Low: jnum(e.Low), High: jnum(e.High),
			HalfWidth: jnum(e.HalfWidth), SD: jnum(e.SD), N: e.N}
		for _, v := range s.Values {
			k.Values = append(k.Values, jnum(v))
		}
		out = append(out, k)
	}
	return out
}

// Headline is the short table printed after a run.
var Headline = study.Headline

// PrintHeadline writes the named KPIs for people: what each is, its value
// and interval as people read them (56.8%, £256,464 a year, 3.1 weeks),
// and last the KPI's stable name, to look it up in summary.csv.
func PrintHeadline(w io.Writer, sums []experiment.Summary, names []string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "what\tvalue\t95%% CI\tkpi\n")
	for _, name := range names {
		for _, s := range sums {
			if s.Name != name {
				continue
			}
			value, ci := kpiWords(s)
			if math.IsNaN(s.Estimate.Low) {
				ci = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", KPILabel(s.Name), value, ci, s.Name)
		}
	}
	return tw.Flush()
}

// EstimateWords writes an estimate of the KPI named name as people read
// it, with its interval: "3.1 weeks [2.9, 3.3]", "56.8% [55.1%, 58.4%]",
// "£256,464 a year [£253,583, £256,431]".
func EstimateWords(name string, e experiment.Estimate) string {
	m, _ := sim.LookupKPI(name)
	value, interval := kpiWords(experiment.Summary{Name: name, Unit: m.Unit, Estimate: e})
	return value + " " + interval
}

// kpiWords writes a KPI's mean and interval as people read them: 56.8%
// [55.1%, 58.4%] for a share, 3.1 weeks [2.9, 3.3], £256,464 a year
// [£253,583, £256,431]; a gap between groups' shares is in percentage
// points, -8.7 percentage points [-9.5, -7.9].
func kpiWords(s experiment.Summary) (value, interval string) {
	e := s.Estimate
	gap := false
	if m, ok := sim.LookupKPI(s.Name); ok {
		gap = m.Gap
	}
	return experiment.QuantityWithin(e.Mean, e.Low, e.High, s.Unit, gap), experiment.Bounds(e.Mean, e.Low, e.High, s.Unit, gap)
}

// WriteAreas writes, for a scenario of several areas, each area's KPIs
// across replications: area, kpi, mean, ci_low, ci_high, n, unit. England
// has 1,250 areas and about 50,000 rows, so rows are formatted straight
// into a buffer, the bytes encoding/csv would write.
func WriteAreas(w io.Writer, results []*sim.Result, level float64) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"area", "kpi", "mean", "ci_low", "ci_high", "n", "unit"})
	if cw.Flush(); len(results) == 0 || cw.Error() != nil {
		return cw.Error()
	}
	vals := make([]float64, len(results))
	var buf []byte
	for a, area := range results[0].Areas {
		buf = buf[:0]
		for k := range area.NumKPIs() {
			kpi := area.KPI(k)
			e := experiment.AreaEstimate(results, a, k, vals, level)
			buf = append(appendField(buf, area.Name), ',')
			buf = append(appendField(buf, kpi.Name), ',')
			buf = append(appendNum(buf, e.Mean), ',')
			buf = append(appendNum(buf, e.Low), ',')
			buf = append(appendNum(buf, e.High), ',')
			buf = append(strconv.AppendInt(buf, int64(e.N), 10), ',')
			buf = append(appendField(buf, kpi.Unit), '\n')
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}
