package output

import (
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// ServicesTable is each community service's occupancy, waiting list and
// refusals when full, with their intervals: where more places would be
// taken up, and where they would stand empty. ok is false for a scenario
// without services.
func ServicesTable(sums []experiment.Summary, level float64) (t Table, ok bool) {
	ci := experiment.LevelWords(level) + " CI"
	t = Table{Caption: "Community services: places occupied, people waiting for a place and referrals refused when full (mean and " +
		experiment.LevelWords(level) + " interval)", Head: []string{"service", "places occupied", ci, "waiting for a place, mean", ci, "refused when full", ci}}
	for _, s := range sums {
		base, fam, name := sim.SplitMember(s.Name)
		if base != sim.KPIVCSEOccupancy || fam != sim.PerService {
			continue
		}
		row := []string{scenarios.Words(name)}
		for _, k := range []string{sim.KPIVCSEOccupancy, sim.KPIVCSEWaitingMean, sim.KPIVCSERefused} {
			value, ci := "-", "-"
			if e, ok := experiment.FindSummary(sums, k+"."+sim.ServicePrefix+name); ok {
				value, ci = kpiWords(e)
			}
			row = append(row, value, ci)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, len(t.Rows) > 0
}
