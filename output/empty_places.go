package output

import (
	"fmt"
	"strings"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// emptyPlaceShare is the occupancy below which a service's places, fallen
// detectably from the reference's, are said to stand partly empty: a
// tenth of them free on average.
const emptyPlaceShare = 0.9

// EmptyPlaces says, of each scenario against the reference, which
// community services it gives more places than the reference does, and
// whose places then stand partly empty where the reference's were fuller:
// places added where people were not queueing, which buy little. cfgs
// are the scenarios, the reference first.
func EmptyPlaces(c *experiment.Comparison, cfgs []*sim.Config) []string {
	var out []string
	for s := 1; s < len(c.Names); s++ {
		var parts []string
		for _, k := range c.KPIs {
			base, fam, name := sim.SplitMember(k.Name)
			if base != sim.KPIVCSEOccupancy || fam != sim.PerService || len(k.Estimates) <= s || len(k.Paired) <= s {
				continue
			}
			if len(cfgs) <= s || mostPlaces(cfgs[s], name) <= mostPlaces(cfgs[0], name) {
				continue // fewer people seen, not places added
			}
			e, ref, d := k.Estimates[s], k.Estimates[0], k.Paired[s]
			if mostPlaces(cfgs[0], name) == 0 && cfgs[0].Services[name] == nil {
				// A service the reference lacks: partly empty when
				// detectably under nine in ten full.
				if e.N >= 2 && e.High < emptyPlaceShare {
					parts = append(parts, fmt.Sprintf("%s (a service %s does not have), %s of places occupied %s",
						strings.ToLower(scenarios.Words(name)), c.Names[0], experiment.WordsWithin(e.Mean, e.Low, e.High, sim.UnitShare, false),
						experiment.Bounds(e.Low, e.High, sim.UnitShare, false)))
				}
				continue
			}
			// Detectably emptier than the reference's, by at least a
			// tenth of the places, and under nine in ten full.
			if d.N >= 2 && d.High < -0.05 && e.Mean < emptyPlaceShare {
				parts = append(parts, fmt.Sprintf("%s, %s of places occupied %s against %s %s in %s",
					strings.ToLower(scenarios.Words(name)), experiment.WordsWithin(e.Mean, e.Low, e.High, sim.UnitShare, false),
					experiment.Bounds(e.Low, e.High, sim.UnitShare, false), experiment.WordsWithin(ref.Mean, ref.Low, ref.High, sim.UnitShare, false),
					experiment.Bounds(ref.Low, ref.High, sim.UnitShare, false), c.Names[0]))
			}
		}
		if len(parts) > 0 {
			out = append(out, fmt.Sprintf("In %s, community places stand partly empty: %s. Places there buy little; each service's waiting list (Waiting for a community place, by service) says where people queue for one.",
				c.Names[s], strings.Join(parts, "; ")))
		}
	}
	return out
}

// mostPlaces is the most places cfg gives service name at any time: at
// the start or after a timeline change.
func mostPlaces(cfg *sim.Config, name string) int {
	most := 0
	if sv := cfg.Services[name]; sv != nil {
		most = sv.Places
	}
	for _, ch := range cfg.Timeline {
		if sc := ch.Services[name]; sc != nil && sc.Places != nil {
			most = max(most, *sc.Places)
		}
	}
	return most
}
