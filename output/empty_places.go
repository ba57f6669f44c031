package output

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// emptyPlaceShare: a service's added places are said to stand partly
// empty when detectably at least a tenth of them stand empty on average,
// that is when the places in use beyond the reference's are detectably at
// most nine in ten of the places added.
const emptyPlaceShare = 0.9

// EmptyPlaces says, of each scenario against the reference, which
// community services it gives more places than the reference does, and
// how many of those places are in use on average and how many stand empty
// (each with its paired interval), for the services where detectably at
// least a tenth of the added places stand empty. Fewer places in use than
// places added is arithmetic, not waste: whether the places buy little is
// read from needs met per 1,000 referrals, and said only where they do
// not rise detectably. cfgs are the scenarios, the reference first.
//
// Where the places cannot be counted (a service closed during the
// measured weeks, a timeline that changes its funding, a scenario of
// several areas), a service is named instead when its occupancy is under
// nine in ten and detectably at least 5 percentage points under the
// reference's.
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
			if p := emptyPlacesCounted(c, cfgs, &k, s, name); p != "" {
				parts = append(parts, p)
			} else if p := emptyPlacesShares(c, cfgs, &k, s, name); p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			out = append(out, fmt.Sprintf("In %s, some of the community places it adds stand empty on average: %s. %s",
				c.Names[s], strings.Join(parts, "; "), placesPayWords(c, s)))
		}
	}
	return out
}

// serviceWords names a service in a sentence, saying so of one the
// reference lacks.
func serviceWords(c *experiment.Comparison, cfgs []*sim.Config, name string) string {
	w := strings.ToLower(scenarios.Words(name))
	if cfgs[0].Services[name] == nil {
		w += fmt.Sprintf(" (a service %s does not have)", c.Names[0])
	}
	return w
}

// emptyPlacesCounted is the words for service name of scenario s, in
// places: "wellbeing groups: of its 17 more places, about 12.1 [11.0,
// 13.2] are in use on average and 4.9 [3.8, 6.0] stand empty". It is ""
// where detectably fewer than a tenth of the added places stand empty, or
// where the places cannot be counted (placesMeasured; a closure).
func emptyPlacesCounted(c *experiment.Comparison, cfgs []*sim.Config, k *experiment.KPIComparison, s int, name string) string {
	p0, ok0 := placesMeasured(cfgs[0], name)
	p1, ok1 := placesMeasured(cfgs[s], name)
	added := p1 - p0
	if !ok0 || !ok1 || !(added > 0) || len(k.Values) <= s || closures(c, 0) || closures(c, s) {
		return ""
	}
	v0, v1 := k.Values[0], k.Values[s]
	if len(v1) < 2 || (p0 > 0 && len(v0) != len(v1)) {
		return ""
	}
	more := make([]float64, len(v1)) // places in use beyond the reference's, replication by replication
	for i, occ := range v1 {
		more[i] = occ * p1
		if p0 > 0 {
			more[i] -= v0[i] * p0
		}
		if math.IsNaN(more[i]) {
			return ""
		}
	}
	use := experiment.Interval(more, c.Level)
	if !(use.High <= emptyPlaceShare*added) {
		return "" // the added places are nearly all taken up, or may be
	}
	places := "more places"
	if p0 == 0 {
		places = "places"
	}
	head := fmt.Sprintf("%s: of its %s %s", serviceWords(c, cfgs, name), experiment.Number(added), places)
	if use.Low <= 0 {
		return fmt.Sprintf("%s, no more are detectably in use on average than in %s (%s): they stand empty",
			head, c.Names[0], experiment.SignedWithBounds(use.Mean, use.Low, use.High, "", false))
	}
	return fmt.Sprintf("%s, about %s are in use on average and %s stand empty",
		head, experiment.WithBounds(use.Mean, use.Low, use.High, "", false),
		experiment.WithBounds(added-use.Mean, added-use.High, added-use.Low, "", false))
}

// emptyPlacesShares is the words for service name of scenario s in
// occupancy, where its places cannot be counted: named when under nine in
// ten full and detectably at least 5 percentage points emptier than the
// reference's (a service the reference lacks: detectably under nine in
// ten full).
func emptyPlacesShares(c *experiment.Comparison, cfgs []*sim.Config, k *experiment.KPIComparison, s int, name string) string {
	e, ref, d := k.Estimates[s], k.Estimates[0], k.Paired[s]
	occupied := func(e experiment.Estimate) string {
		return experiment.WordsWithin(e.Mean, e.Low, e.High, sim.UnitShare, false) + " " + experiment.Bounds(e.Mean, e.Low, e.High, sim.UnitShare, false)
	}
	if cfgs[0].Services[name] == nil {
		if e.N >= 2 && e.High < emptyPlaceShare {
			return fmt.Sprintf("%s, %s of places occupied", serviceWords(c, cfgs, name), occupied(e))
		}
		return ""
	}
	if d.N >= 2 && d.High < -0.05 && e.Mean < emptyPlaceShare {
		return fmt.Sprintf("%s, %s of places occupied against %s in %s", serviceWords(c, cfgs, name), occupied(e), occupied(ref), c.Names[0])
	}
	return ""
}

// placesPayWords says whether the places buy anything, from needs met per
// 1,000 referrals: "buy little" only where they do not rise detectably.
func placesPayWords(c *experiment.Comparison, s int) string {
	const where = "each service's waiting list (Waiting for a community place, by service) says where people queue for one."
	k := c.KPI(sim.KPINeedsMetPer1000Referrals)
	if k == nil || len(k.Paired) <= s {
		return "Each service's waiting list (Waiting for a community place, by service) says where people queue for one."
	}
	d := k.Paired[s]
	switch experiment.EffectOf(d, sim.HigherIsBetter) {
	case experiment.Better:
		return fmt.Sprintf("Needs met per 1,000 referrals rise all the same, by %s: the places in use meet needs, and the empty ones are room beyond what people referred on take up; %s",
			experiment.WithBounds(d.Mean, d.Low, d.High, "", false), where)
	case experiment.Worse:
		return fmt.Sprintf("Needs met per 1,000 referrals fall, by %s: places there buy little; %s",
			experiment.WithBounds(-d.Mean, -d.High, -d.Low, "", false), where)
	case experiment.NoDifference:
		return fmt.Sprintf("Needs met per 1,000 referrals do not rise detectably (%s): places there buy little; %s",
			experiment.SignedWithBounds(d.Mean, d.Low, d.High, "", false), where)
	}
	return "Each service's waiting list (Waiting for a community place, by service) says where people queue for one."
}

// closures reports whether any community service closed during the
// measured weeks of any replication of scenario s.
func closures(c *experiment.Comparison, s int) bool {
	k := c.KPI(sim.KPIVCSEClosures)
	if k == nil || len(k.Values) <= s {
		return false
	}
	return slices.ContainsFunc(k.Values[s], func(v float64) bool { return v != 0 })
}

// placesMeasured is the mean of the places cfg gives service name over
// the measured weeks (after the warm-up), as its timeline changes them:
// the denominator of the service's occupancy while it stays open. ok is
// false where that is not known from cfg: a scenario of several areas, or
// a timeline that changes the service's funding.
func placesMeasured(cfg *sim.Config, name string) (places float64, ok bool) {
	if cfg.Areas.Several() {
		return 0, false
	}
	now := 0
	if sv := cfg.Services[name]; sv != nil {
		now = sv.Places
	}
	changes := slices.Clone(cfg.Timeline)
	slices.SortStableFunc(changes, func(a, b sim.Change) int { return a.Week - b.Week })
	for _, ch := range changes {
		if sc := ch.Services[name]; sc != nil && sc.FundingPerYear != nil {
			return 0, false
		}
	}
	from, to := cfg.Run.WarmupWeeks, cfg.Run.HorizonWeeks
	if to <= from {
		return 0, false
	}
	sum, next := 0.0, 0
	for w := from; w < to; w++ {
		for ; next < len(changes) && changes[next].Week <= w; next++ {
			if sc := changes[next].Services[name]; sc != nil && sc.Places != nil {
				now = *sc.Places
			}
		}
		sum += float64(now)
	}
	return sum / float64(to-from), true
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
