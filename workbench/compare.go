package workbench

import (
	"fmt"
	"math"
	"net/http"
	"regexp"
	"slices"
	"unicode"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// pin is a scenario the page pinned, under the name the user gave it.
type pin struct {
	Name string `json:"name"`
	TOML string `json:"toml"`
}

type compareRequest struct {
	Pins []pin `json:"pins"`
}

// compareView is a comparison as the page shows it.
type compareView struct {
	Names        []string `json:"names"` // the reference first
	Replications int      `json:"replications"`
	Seed         uint64   `json:"seed"`
	Seconds      float64  `json:"seconds"`
	// Notes are the comparison's warnings, as spsim compare prints them:
	// a pin with its own seed or replications, another horizon, another
	// number of areas.
	Notes   []string     `json:"notes,omitempty"`
	Verdict []string     `json:"verdict"`
	Costs   []string     `json:"costs"` // cost per extra outcome, where an outcome clearly improves
	Rows    []compareRow `json:"rows"`
	Chart   chart        `json:"chart"`
	// Areas is whether the comparison has each area's differences, so
	// that the page offers compare_areas.csv only then.
	Areas bool `json:"areas,omitempty"`
}

// compareRow is one KPI: each scenario's value, and each other scenario's
// paired difference from the reference.
type compareRow struct {
	KPI    string   `json:"kpi"`
	Label  string   `json:"label"`
	Values []string `json:"values"`
	Diffs  []string `json:"diffs"` // "" for the reference
}

// pinName is the rule for a pin's name: any printable text of 1 to 40
// characters ("£23k grants for places", "Sam's plan"), without control
// or other invisible characters and line or paragraph separators, and not
// starting with a space or with = + - @, which a spreadsheet opening
// compare.csv or results.xlsx would take for a formula (areas' names are
// held to the same). A download's file name is never a pin's name as
// given (safeFileName). app.js checks the same pattern, with /u.
var pinName = regexp.MustCompile(`^[^\p{C}\p{Z}=+\-@][^\p{C}\p{Zl}\p{Zp}]{0,39}$`)

// pinNameOK reports whether name is a pin's name by pinName, each
// zero-width joiner within an emoji ("👩‍👩‍👧", a family of three emoji
// joined; "🏳️‍🌈") taken as part of the emoji and counted as a character,
// as the page's name box counts it. A joiner anywhere else prints as
// nothing, and is refused as before. Names that print alike are still
// told apart as scenarios.NameKey does, which drops the joiners: "👩‍👩‍👧"
// and "👩👩👧" are one name, as they print where the family has no glyph.
// app.js checks the same (pinNameOK).
func pinNameOK(name string) bool {
	rs := []rune(name)
	for i, r := range rs {
		if r == '\u200d' && i > 0 && i+1 < len(rs) && (unicode.In(rs[i-1], unicode.So, unicode.Sk) || rs[i-1] == '\ufe0f') && unicode.Is(unicode.So, rs[i+1]) {
			rs[i] = '\u2764' // an emoji stands for it
		}
	}
	return pinName.MatchString(string(rs))
}

// pinNameRule says pinName in words.
const pinNameRule = "a pinned scenario's name is 1 to 40 characters, without line breaks or other control characters, and does not start with a space or with = + - or @ (a spreadsheet would take it for a formula)"

// pinned loads each pin as the scenario named by the pin.
func (s *Server) pinned(pins []pin) ([]*sim.Config, error) {
	if len(pins) < 2 || len(pins) > s.lim.Pinned {
		return nil, fmt.Errorf("%w: compare takes 2 to %d pinned scenarios, got %d", errBadRequest, s.lim.Pinned, len(pins))
	}
	var seen scenarios.NameSet[struct{}] // as spsim compare compares names
	var cfgs []*sim.Config
	for _, p := range pins {
		if !pinNameOK(p.Name) {
			return nil, fmt.Errorf("%w: %s, got %s", errBadRequest, pinNameRule, short(p.Name))
		}
		if first, _, dup := seen.Add(p.Name, struct{}{}); dup && first == p.Name {
			return nil, fmt.Errorf("%w: two pinned scenarios are both named %s: give each its own name", errBadRequest, short(p.Name))
		} else if dup {
			return nil, fmt.Errorf("%w: two pinned scenarios are named %s and %s, which print alike (%s): give each its own name", errBadRequest, short(first), short(p.Name), scenarios.NamesAlike)
		}
		cfg, _, err := s.prepare(scenarioRequest{TOML: p.TOML})
		if err != nil {
			if b, ok := err.(*badScenario); ok {
				for i := range b.problems {
					b.problems[i].Text = p.Name + ": " + b.problems[i].Text
				}
			}
			return nil, err
		}
		cfg.Name = p.Name
		cfgs = append(cfgs, cfg)
	}
	return cfgs, nil
}

// compareJob plans a comparison request: the page's live comparison and
// its downloads.
func (s *Server) compareJob(req compareRequest) (*job, error) {
	cfgs, err := s.pinned(req.Pins)
	if err != nil {
		return nil, err
	}
	return s.planCompare(cfgs)
}

// handleCompare runs the pinned scenarios on common random numbers and
// streams the comparison.
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	var req compareRequest
	if err := readJSON(r, &req); err != nil {
		fail(w, err)
		return
	}
	j, err := s.compareJob(req)
	res, st, start, release, ok := s.runJob(w, r, j, err)
	if !ok {
		return
	}
	defer release()
	cr := res.(*study.CompareResult)
	v := newCompareView(cr.Comparison, cr.Configs)
	v.Notes = pageNotes(pageSentences(cr.Warnings))
	v.Seconds = since(start)
	st.send(message{Type: "result", Result: v})
}

// compareKPIs are the rows of the comparison table, as spsim compare
// prints them and the report gives them (output.Headline, in its order):
// every measure the verdict names among them. The chart draws
// output.CompareKPIs, in the report's order.
var compareKPIs = output.Headline

// missingIn says why pin has no value of kpi: "not in" it for a community
// service's KPI where the pin has no such service, else "not defined in"
// it (a wait where nobody is seen), as compare.csv's not_defined.
func missingIn(cfg *sim.Config, kpi, pin string) string {
	if _, fam, member := sim.SplitMember(kpi); fam == sim.PerService {
		if _, ok := cfg.Services[member]; !ok {
			return "not in " + pin
		}
	}
	return "not defined in " + pin
}

func newCompareView(cmp *experiment.Comparison, cfgs []*sim.Config) *compareView {
	v := &compareView{Names: cmp.Names, Replications: cfgs[0].Run.Replications, Seed: cfgs[0].Run.Seed}
	_, v.Areas = output.CompareAreaDifferences(cmp)
	byName := map[string]experiment.KPIComparison{}
	for _, k := range cmp.KPIs {
		byName[k.Name] = k
	}
	// The headline rows, then each community service's occupancy: where
	// added places are taken up, and where they stand empty.
	rows := slices.Clone(compareKPIs)
	for _, k := range cmp.KPIs {
		if base, fam, _ := sim.SplitMember(k.Name); base == sim.KPIVCSEOccupancy && fam == sim.PerService {
			rows = append(rows, k.Name)
		}
	}
	for _, name := range rows {
		k, ok := byName[name]
		if !ok {
			continue
		}
		row := compareRow{KPI: name, Label: output.KPILabel(name)}
		for i, e := range k.Estimates {
			if math.IsNaN(e.Mean) {
				// A service this scenario lacks, or a KPI it has with no
				// value (a wait where nobody is seen): compare.csv's
				// not_defined.
				missing := missingIn(cfgs[i], name, cmp.Names[i])
				row.Values = append(row.Values, missing)
				diff := ""
				if i > 0 {
					diff = missing
				}
				row.Diffs = append(row.Diffs, diff)
				continue
			}
			value, between := kpiWords(name, k.Unit, e)
			row.Values = append(row.Values, value+" ("+between+")")
			if i == 0 {
				row.Diffs = append(row.Diffs, "")
				continue
			}
			d := k.Paired[i]
			if math.IsNaN(d.Mean) { // nothing in the reference to pair with
				row.Diffs = append(row.Diffs, missingIn(cfgs[0], name, cmp.Names[0]))
				continue
			}
			row.Diffs = append(row.Diffs, experiment.SignedWithin(d.Mean, d.Low, d.High, k.Unit, k.Unit == sim.UnitShare)+" ("+signedInterval(d, k.Unit)+")")
		}
		v.Rows = append(v.Rows, row)
	}
	// The chart draws the report's measures in the report's order: each
	// other scenario's paired difference from the reference.
	var panels []diffPanel
	for _, name := range output.CompareKPIs {
		k, ok := byName[name]
		if !ok {
			continue
		}
		dp := diffPanel{Title: output.KPILabel(name), Unit: k.Unit}
		for i := 1; i < len(k.Paired); i++ {
			if d := k.Paired[i]; !math.IsNaN(d.Mean) {
				dp.Rows = append(dp.Rows, diffRow{Name: cmp.Names[i], Est: d})
			}
		}
		panels = append(panels, dp)
	}
	// The answer as every face gives it (output.CompareAnswer): what a
	// change did, the verdicts, head to head, then the notes; said in the
	// page's words.
	v.Verdict = pageSentences(output.CompareAnswer(cmp, cfgs))
	v.Costs = costsPerOutcome(cmp)
	v.Chart = chart{Name: "differences", Title: "Differences from " + cmp.Names[0],
		Caption: "Each dot is a scenario's difference from " + cmp.Names[0] + ", paired replication by replication on common random numbers; the whisker is its 95% interval. A whisker that crosses the zero line is no detectable difference.",
		SVG:     svgDiffs("differences", "Differences from "+cmp.Names[0], panels)}
	return v
}

// signedInterval writes a difference's interval with signs, the unit once:
// "−5.30 to −4.91 weeks", "+6.3 to +7.4 percentage points".
func signedInterval(e experiment.Estimate, unit string) string {
	if e.N < 2 {
		return "one replication: no interval"
	}
	return experiment.SignedBetween(e.Mean, e.Low, e.High, unit, unit == sim.UnitShare)
}

// detectable reports whether a paired interval excludes zero.
func detectable(e experiment.Estimate) bool { return e.N >= 2 && (e.Low > 0 || e.High < 0) }

// costsPerOutcome is each clear improvement's cost per unit against the
// reference, with its interval; never a ratio over noise.
func costsPerOutcome(cmp *experiment.Comparison) (costs []string) {
	for _, v := range experiment.Verdicts(cmp) {
		for _, ch := range v.Outcomes {
			// A ratio only where the option clearly costs more (CostPer).
			if ch.CostPer == nil {
				continue
			}
			// A cost a year over an outcome a year: pounds per unit, not a
			// year.
			costs = append(costs, fmt.Sprintf("%s: %s %s %s", v.Scenario, experiment.QuantityWithin(ch.CostPer.Value, ch.CostPer.Low, ch.CostPer.High, sim.UnitGBP, false),
				experiment.Bounds(ch.CostPer.Value, ch.CostPer.Low, ch.CostPer.High, sim.UnitGBP, true), ch.PerUnit()))
		}
	}
	return costs
}
