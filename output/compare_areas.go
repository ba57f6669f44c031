package output

import (
	"fmt"
	"math"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// compareAreaKPIs are the KPIs a comparison of several areas is read by
// area by area: the wait, the share of needs met and the cost.
var compareAreaKPIs = []string{sim.KPIWaitMean, sim.KPINeedsMetShare, sim.KPICostTotal}

// CompareAreaTable is, for a comparison of scenarios of several areas,
// each area's paired difference from the reference in the wait, the share
// of needs met and the cost: the same area (by name) in replication i of
// each scenario, on common random numbers, so that moving a post from one
// area to another shows where the waits rise and fall, not only the
// total. A difference whose interval holds 0 is said to be no detectable
// difference; one not defined on a side (a wait where nobody is seen) is
// n/a. ok is false when the reference has one area, or no other scenario
// has the reference's areas.
func CompareAreaTable(c *experiment.Comparison) (t Table, ok bool) {
	if len(c.Results) < 2 || len(c.Results[0]) < 2 || len(c.Results[0][0].Areas) < 2 {
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
			row := []string{area.Name, c.Names[s]}
			for _, name := range compareAreaKPIs {
				row = append(row, areaDifference(ref, alt, a, b, name, c.Level))
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t, len(t.Rows) > 0
}

// areaDifference is the paired difference of KPI name between area b of
// the results alt and area a of ref, in words with its interval.
func areaDifference(ref, alt []*sim.Result, a, b int, name string, level float64) string {
	ka, kb := ref[0].Areas[a].KPIIndex(name), alt[0].Areas[b].KPIIndex(name)
	if ka < 0 || kb < 0 {
		return "-"
	}
	unit := ref[0].Areas[a].KPI(ka).Unit
	d := make([]float64, len(ref))
	for r := range ref {
		d[r] = alt[r].Areas[b].KPI(kb).Value - ref[r].Areas[a].KPI(ka).Value
		if math.IsNaN(d[r]) {
			return "n/a"
		}
	}
	e := experiment.Interval(d, level)
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
