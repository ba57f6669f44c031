package output

import (
	"fmt"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// communityFull is the share of community places occupied from which
// community services, not link workers, are said to be the limit.
const communityFull = 0.9

// CommunityLimit says, of each scenario whose onward referrals detectably
// give up waiting for a community place more often than the reference's
// while those places are at least nine in ten full, that community places
// are the next limit: more link-worker capacity sends more people to
// services that cannot take them, the load the research says link workers
// place on the voluntary sector.
func CommunityLimit(c *experiment.Comparison) []string {
	gave, occ := c.KPI(sim.KPIVCSEGaveUp), c.KPI(sim.KPIVCSEOccupancy)
	if gave == nil || occ == nil {
		return nil
	}
	var out []string
	for s := 1; s < len(c.Names) && s < len(gave.Paired) && s < len(occ.Estimates); s++ {
		d, o := gave.Paired[s], occ.Estimates[s]
		if !(d.N >= 2 && d.Low > 0 && o.Low >= communityFull) {
			continue
		}
		out = append(out, fmt.Sprintf("In %s, community places are the next limit: they are %s %s full, and %s more referrals a year %s give up waiting for one than in %s.",
			c.Names[s], experiment.WordsWithin(o.Mean, o.Low, o.High, sim.UnitShare, false), experiment.Bounds(o.Mean, o.Low, o.High, sim.UnitShare, false),
			experiment.QuantityWithin(d.Mean, d.Low, d.High, "", true), experiment.Bounds(d.Mean, d.Low, d.High, "", true), c.Names[0]))
	}
	return out
}
