package output

import (
	"fmt"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// VacancySavings says, of each scenario that detectably costs less than
// the reference while its posts detectably stand empty longer, that part
// of the saving is pay not spent on empty posts: a verdict of "cheaper"
// would otherwise credit a service that loses its link workers.
func VacancySavings(c *experiment.Comparison) []string {
	cost, vac := c.KPI(sim.KPICostTotal), c.KPI(sim.KPIVacancyWeeks)
	if cost == nil || vac == nil {
		return nil
	}
	leaving := c.KPI(sim.KPILeaversPerFTE)
	var out []string
	for s := 1; s < len(c.Names) && s < len(cost.Paired) && s < len(vac.Paired); s++ {
		dc, dv := cost.Paired[s], vac.Paired[s]
		if !(dc.N >= 2 && dc.High < 0 && dv.Low > 0) {
			continue
		}
		why := ""
		if leaving != nil && s < len(leaving.Paired) && leaving.Paired[s].Low > 0 {
			dl := leaving.Paired[s]
			why = fmt.Sprintf(", as more link workers leave (%s per FTE a year %s)",
				experiment.Signed(dl.Mean, "", true), experiment.Bounds(dl.Low, dl.High, "", true))
		}
		out = append(out, fmt.Sprintf("In %s, part of the lower cost is posts standing empty: %s more vacancy weeks a year %s%s. Pay not spent on an empty post is not a saving the service chose.",
			c.Names[s], experiment.Number(dv.Mean), experiment.Bounds(dv.Low, dv.High, "", true), why))
	}
	return out
}
