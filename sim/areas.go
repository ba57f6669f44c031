package sim

import (
	"fmt"
	"maps"

	"github.com/spsim/spsim/sim/des"
	"github.com/spsim/spsim/sim/dist"
)

// several reports whether the scenario has more than one area.
func (a *Areas) several() bool { return a.Count > 1 || len(a.List) > 0 }

// given reports whether an optional distribution was set.
func given(s *dist.Spec) bool { return s.Dist != "" || s.Value != nil }

// Area is one area of a scenario: its name and resolved configuration.
type Area struct {
	Name   string
	Config *Config
}

// AreaConfigs resolves a scenario of several areas into one Config per
// area. Variation between areas is drawn from its own stream, seeded by the
// scenario seed alone, so an area is the same place in every replication.
func AreaConfigs(cfg *Config) ([]Area, error) {
	a := &cfg.Areas
	r := des.Streams{Seed: cfg.Run.Seed, Replication: -1}.Get("area-variation")
	n := a.Count
	if len(a.List) > 0 {
		n = len(a.List)
	}
	var refMul, refShare dist.Duration
	if given(&a.ReferralsMultiplier) {
		d, err := a.ReferralsMultiplier.Duration()
		if err != nil {
			return nil, fmt.Errorf("areas.referrals_multiplier: %w", err)
		}
		refMul = d
	}
	if given(&a.ReferenceGroupShare) {
		d, err := a.ReferenceGroupShare.Duration()
		if err != nil {
			return nil, fmt.Errorf("areas.reference_group_share: %w", err)
		}
		refShare = d
	}
	areas := make([]Area, n)
	for i := range n {
		c := *cfg
		c.Areas = Areas{}
		name := fmt.Sprintf("area%d", i+1)
		// share < 0 means the scenario's own group shares.
		mul, share := 1.0, -1.0
		if refMul != nil {
			mul = refMul.Rand(r)
		}
		if refShare != nil {
			share = min(1, refShare.Rand(r))
		}
		if len(a.List) > 0 {
			l := a.List[i]
			name = l.Name
			if l.ReferralsMultiplier != nil {
				mul = *l.ReferralsMultiplier
			}
			if l.ReferenceGroupShare != nil {
				share = *l.ReferenceGroupShare
			}
		}
		c.Demand.ReferralsPerWeek *= mul
		if mul != 1 && len(cfg.Timeline) > 0 {
			c.Timeline = make([]Change, len(cfg.Timeline))
			for j, ch := range cfg.Timeline {
				if ch.ReferralsPerWeek != nil {
					v := *ch.ReferralsPerWeek * mul
					ch.ReferralsPerWeek = &v
				}
				c.Timeline[j] = ch
			}
		}
		if share >= 0 && cfg.Outcomes.ReferenceGroup != "" {
			c.Groups = reshare(cfg.Groups, cfg.Outcomes.ReferenceGroup, share)
		}
		areas[i] = Area{Name: name, Config: &c}
	}
	return areas, nil
}

// reshare gives the reference group the share s and scales the other
// groups to fill the rest in their original proportions.
func reshare(groups map[string]*Group, ref string, s float64) map[string]*Group {
	out := maps.Clone(groups)
	rest := 0.0
	for name, g := range groups {
		if name != ref {
			rest += g.Share
		}
	}
	for name, g := range groups {
		c := *g
		if name == ref {
			c.Share = s
		} else if rest > 0 {
			c.Share = g.Share / rest * (1 - s)
		}
		out[name] = &c
	}
	return out
}

// runAreas runs every area of replication rep in turn and sums them. Areas
// are added in a fixed order, so the floating-point sums, and so the
// outputs, do not depend on how the work is scheduled.
func runAreas(cfg *Config, rep int) (*Result, error) {
	areas, err := AreaConfigs(cfg)
	if err != nil {
		return nil, err
	}
	total := &Result{Replication: rep}
	var (
		in   kpiInput
		prev *Model
		flat []float64
	)
	for i, a := range areas {
		m, err := newModel(a.Config, rep, fmt.Sprintf("area%d/", i+1), prev)
		if err != nil {
			return nil, fmt.Errorf("area %s: %w", a.Name, err)
		}
		r, err := m.Run()
		if err != nil {
			return nil, fmt.Errorf("area %s: %w", a.Name, err)
		}
		if i == 0 {
			// The total owns its table and histogram: the area's are
			// recycled for the next area.
			total.Columns = r.Columns
			cols := len(r.Columns)
			flat = make([]float64, len(r.Weekly)*cols)
			total.Weekly = make([][]float64, len(r.Weekly))
			for w := range r.Weekly {
				total.Weekly[w] = flat[w*cols : (w+1)*cols : (w+1)*cols]
			}
			in = m.kpiInput()
			in.cfg = cfg
			in.waits = NewHistogram(1.0/7, 520)
		}
		for w, row := range r.Weekly {
			acc := total.Weekly[w]
			for c, v := range row {
				acc[c] += v
			}
		}
		in.waits.Merge(m.m.waits)
		total.Events += r.Events
		total.Areas = append(total.Areas, AreaResult{Name: a.Name, KPIs: r.KPIs})
		prev = m
	}
	// Every area counts its own weeks; the total keeps the week number.
	if c := total.Col("week"); c >= 0 {
		for w, row := range total.Weekly {
			row[c] = float64(w)
		}
	}
	total.KPIs = kpis(in, total)
	return total, nil
}
