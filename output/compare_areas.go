package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// compareAreaKPIs are the KPIs a comparison of several areas is read by
// area by area: the wait, the share of needs met and the cost.
var compareAreaKPIs = []string{sim.KPIWaitMean, sim.KPINeedsMetShare, sim.KPICostTotal}

// AreaDifference is one area's paired difference from the reference in
// one KPI: scenario minus reference in the same area (by name),
// replication by replication on common random numbers.
type AreaDifference struct {
	Area, KPI, Unit     string
	Scenario, Reference string
	// Diff is the Student-t interval of the per-replication differences.
	// Its mean is NaN where the KPI has no value in some replication on
	// either side (a wait where nobody is seen); N is 0, and every figure
	// NaN, where an area does not report the KPI at all.
	Diff experiment.Estimate
	// Effect judges Diff in the KPI's own terms, as compare.csv's effect.
	Effect experiment.Effect
}

// CompareAreaDifferences are, for a comparison of scenarios of several
// areas, each area's paired difference from the reference in the wait,
// the share of needs met and the cost: for each scenario after the
// reference, each of the reference's areas that the scenario has too, in
// the reference's order, and within it each KPI. They are the figures of
// the report's "Area by area" table, compare_areas.csv, compare.json's
// areas and the workbook's Area by area sheet. ok is false when the
// reference has one area or one replication, or no other scenario has
// the reference's areas.
func CompareAreaDifferences(c *experiment.Comparison) (ds []AreaDifference, ok bool) {
	if len(c.Results) < 2 || len(c.Results[0]) < 2 || len(c.Results[0][0].Areas) < 2 {
		return nil, false
	}
	ref := c.Results[0]
	for s := 1; s < len(c.Results); s++ {
		alt := c.Results[s]
		if len(alt) != len(ref) || len(alt) == 0 {
			continue
		}
		index := map[string]int{}
		for a, area := range alt[0].Areas {
			index[area.Name] = a
		}
		for a, area := range ref[0].Areas {
			b, found := index[area.Name]
			if !found {
				continue
			}
			for _, name := range compareAreaKPIs {
				ds = append(ds, areaDifference(ref, alt, a, b, name, c.Level, c.Names[s], c.Names[0]))
			}
		}
	}
	return ds, len(ds) > 0
}

// areaDifference is the paired difference of KPI name between area b of
// the results alt and area a of ref.
func areaDifference(ref, alt []*sim.Result, a, b int, name string, level float64, scenario, reference string) AreaDifference {
	d := AreaDifference{Area: ref[0].Areas[a].Name, KPI: name, Scenario: scenario, Reference: reference,
		Diff: experiment.Interval(nil, level), Effect: experiment.NotDefined}
	ka, kb := ref[0].Areas[a].KPIIndex(name), alt[0].Areas[b].KPIIndex(name)
	if ka < 0 || kb < 0 {
		if ka >= 0 {
			d.Unit = ref[0].Areas[a].KPI(ka).Unit
		} else if kb >= 0 {
			d.Unit = alt[0].Areas[b].KPI(kb).Unit
		}
		return d
	}
	d.Unit = ref[0].Areas[a].KPI(ka).Unit
	xs, ys := make([]float64, len(ref)), make([]float64, len(ref))
	for r := range ref {
		xs[r], ys[r] = ref[r].Areas[a].KPI(ka).Value, alt[r].Areas[b].KPI(kb).Value
		if math.IsNaN(ys[r] - xs[r]) {
			d.Diff.N = len(ref)
			return d
		}
	}
	// Paired, as compare.csv's differences, and kept within the range a
	// difference of the KPI can take.
	d.Diff = experiment.PairedIn(xs, ys, level, experiment.KPIRange(name, d.Unit))
	dir := sim.Neutral
	if m, ok := sim.LookupKPI(name); ok {
		dir = m.Direction
	}
	d.Effect = experiment.EffectOf(d.Diff, dir)
	return d
}

// CompareAreaTable is the report's "Area by area" table of
// [CompareAreaDifferences]: a row for each scenario after the reference
// and area, a column for each KPI, so that moving a post from one area to
// another shows where the waits rise and fall, not only the total. A
// difference whose interval holds 0 is said to be no detectable
// difference; one not defined on a side (a wait where nobody is seen) is
// n/a. ok is false where there are no such differences.
func CompareAreaTable(c *experiment.Comparison) (t Table, ok bool) {
	ds, ok := CompareAreaDifferences(c)
	if !ok {
		return Table{}, false
	}
	ref := c.Results[0]
	t = Table{Caption: fmt.Sprintf("Area by area: each scenario minus %s in the same area, paired replication by replication, with %.0f%% CI", c.Names[0], 100*c.Level),
		Head: []string{"area", "scenario"}}
	for _, k := range compareAreaKPIs {
		unit := ""
		if i := ref[0].Areas[0].KPIIndex(k); i >= 0 {
			unit = ref[0].Areas[0].KPI(i).Unit
		}
		t.Head = append(t.Head, KPILabel(k)+" ("+diffDisplayFor(unit).unit+")")
	}
	for i := 0; i < len(ds); i += len(compareAreaKPIs) {
		row := []string{ds[i].Area, ds[i].Scenario}
		for _, d := range ds[i : i+len(compareAreaKPIs)] {
			row = append(row, areaDifferenceWords(d))
		}
		t.Rows = append(t.Rows, row)
	}
	return t, true
}

// areaDifferenceWords is an area's paired difference in words with its
// interval, for the report's table, whose column head gives the unit.
func areaDifferenceWords(d AreaDifference) string {
	e, unit := d.Diff, d.Unit
	if e.N == 0 {
		return "-"
	}
	if math.IsNaN(e.Mean) {
		return "n/a"
	}
	if e.Mean == 0 && e.SD == 0 {
		return "no difference: the same in every replication"
	}
	// The unit is in the column's head: "+3.15 (2.58 to 3.72)" under
	// "(weeks)", "-3.83 (-4.93 to -2.74)" under "(percentage points)".
	disp := diffDisplayFor(unit)
	label := func(v float64) string {
		if unit == sim.UnitShare {
			return sig3(v * disp.scale)
		}
		return disp.label(v * disp.scale)
	}
	signed := label(e.Mean)
	if e.Mean > 0 {
		signed = "+" + signed
	}
	if !defined(e.Low, e.High) {
		return signed + " (one replication: no interval)"
	}
	bounds := " (" + label(e.Low) + " to " + label(e.High) + ")"
	if !(e.Low > 0 || e.High < 0) {
		return "no detectable difference" + bounds
	}
	return signed + bounds
}

// compareAreasHead is compare_areas.csv's header: compare.csv's names for
// the same things, after the area.
var compareAreasHead = []string{"area", "kpi", "scenario", "reference", "diff_mean", "diff_ci_low", "diff_ci_high", "n", "unit", "effect"}

// WriteCompareAreasCSV writes compare_areas.csv, the tidy table of
// [CompareAreaDifferences]: one row per scenario after the reference,
// area and KPI, with the paired difference (scenario minus reference in
// the same area), its interval, the replications paired, the unit and
// the effect, named as compare.csv names them. A difference not defined
// on a side is NA, not_defined. A comparison of scenarios of one area has
// the header alone; compare writes no such file for it.
func WriteCompareAreasCSV(w io.Writer, c *experiment.Comparison) error {
	cw := csv.NewWriter(w)
	cw.Write(compareAreasHead)
	ds, _ := CompareAreaDifferences(c)
	for _, d := range ds {
		cw.Write([]string{d.Area, d.KPI, d.Scenario, d.Reference, num(d.Diff.Mean), num(d.Diff.Low), num(d.Diff.High),
			strconv.Itoa(d.Diff.N), d.Unit, string(d.Effect)})
	}
	cw.Flush()
	return cw.Error()
}

// jsonAreaDifference is an area's paired difference in compare.json's
// areas, named as its kpis' scenarios are.
type jsonAreaDifference struct {
	Area     string        `json:"area"`
	KPI      string        `json:"kpi"`
	Unit     string        `json:"unit"`
	Scenario string        `json:"scenario"`
	N        int           `json:"n"`
	Diff     *jsonInterval `json:"paired_diff"`
	Effect   string        `json:"effect"`
}

// jareas are compare.json's areas, none for scenarios of one area.
func jareas(c *experiment.Comparison) []jsonAreaDifference {
	ds, _ := CompareAreaDifferences(c)
	var out []jsonAreaDifference
	for _, d := range ds {
		out = append(out, jsonAreaDifference{Area: d.Area, KPI: d.KPI, Unit: d.Unit, Scenario: d.Scenario, N: d.Diff.N,
			Diff: jinterval(d.Diff), Effect: string(d.Effect)})
	}
	return out
}
