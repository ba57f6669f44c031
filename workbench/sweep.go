package workbench

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

type sweepRequest struct {
	TOML   string    `json:"toml"`
	Key    string    `json:"key"`
	Label  string    `json:"label,omitempty"`
	Values []float64 `json:"values"`
}

// sweepView is a sweep as the page shows it.
type sweepView struct {
	Key     string     `json:"key"`
	Values  []float64  `json:"values"`
	Seconds float64    `json:"seconds"`
	Answer  []string   `json:"answer"` // how each KPI goes from the first value to the last
	Head    []string   `json:"head"`
	Rows    [][]string `json:"rows"`
	Chart   chart      `json:"chart"`
}

// sweepKPIs are charted against the lever, one panel each.
var sweepKPIs = []string{sim.KPIWaitMean, sim.KPIReneged, sim.KPINeedsMetShare, sim.KPIUtilisation, sim.KPICostTotal}

// sweepJob plans a sweep request: the page's live sweep and its downloads.
func (s *Server) sweepJob(req sweepRequest) (*job, error) {
	vary, err := s.vary(req)
	if err != nil {
		return nil, err
	}
	cfg, _, err := s.prepare(scenarioRequest{TOML: req.TOML})
	if err != nil {
		return nil, err
	}
	return s.planSweep(cfg, vary)
}

// handleSweep runs the scenario at each value of one lever, on common
// random numbers, and streams the result.
func (s *Server) handleSweep(w http.ResponseWriter, r *http.Request) {
	var req sweepRequest
	if err := readJSON(r, &req); err != nil {
		fail(w, err)
		return
	}
	s.serveJob(w, r, func() (*job, error) { return s.sweepJob(req) }, func(_ *job, res any, seconds float64) (any, error) {
		label := req.Label
		if label == "" {
			label = req.Key
		}
		v := newSweepView(res.(*study.SweepResult).Sweep, req.Key, label, req.Values)
		v.Seconds = seconds
		return v, nil
	})
}

// vary checks a sweep request and writes it as the command line's --vary.
func (s *Server) vary(req sweepRequest) (string, error) {
	if len(req.Values) < 2 || len(req.Values) > s.lim.SweepPoints {
		return "", fmt.Errorf("%w: a sweep takes 2 to %d values, got %d", errBadRequest, s.lim.SweepPoints, len(req.Values))
	}
	if !sweepKey.MatchString(req.Key) {
		return "", fmt.Errorf("%w: a sweep varies a scenario key such as workforce.link_workers, got %s", errBadRequest, short(req.Key))
	}
	vs := make([]string, len(req.Values))
	for i, v := range req.Values {
		vs[i] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return req.Key + "=" + strings.Join(vs, ","), nil
}

var sweepKey = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`)

func newSweepView(sw *experiment.Sweep, key, label string, values []float64) *sweepView {
	v := &sweepView{Key: key, Values: values, Head: []string{label},
		Answer: output.SweepAnswer(sw, sweepKPIs, strings.ToLower(label))}
	var panels []panel
	for _, k := range sweepKPIs {
		p := panel{Title: output.KPILabel(k), XLabel: label, Points: true}
		b := band{Name: k, Label: output.KPILabel(k), Color: len(panels)}
		unit := ""
		for i, pt := range sw.Points {
			s, ok := experiment.FindSummary(pt.Summaries, k)
			if !ok {
				break
			}
			unit = s.Unit
			lo, hi := s.Estimate.Low, s.Estimate.High
			if s.Estimate.N < 2 {
				lo, hi = s.Estimate.Mean, s.Estimate.Mean
			}
			b.X = append(b.X, values[i])
			b.Mean = append(b.Mean, scaleFor(unit)*s.Estimate.Mean)
			b.Low = append(b.Low, scaleFor(unit)*lo)
			b.High = append(b.High, scaleFor(unit)*hi)
		}
		if len(b.X) == 0 {
			continue
		}
		p.YLabel = output.AxisUnit(unit)
		p.Bands = []band{b}
		panels = append(panels, p)
		v.Head = append(v.Head, output.KPILabel(k))
	}
	for i, pt := range sw.Points {
		row := []string{experiment.Number(values[i])}
		for _, k := range sweepKPIs {
			if s, ok := experiment.FindSummary(pt.Summaries, k); ok {
				value, between := kpiWords(k, s.Unit, s.Estimate)
				row = append(row, value+" ("+between+")")
			}
		}
		v.Rows = append(v.Rows, row)
	}
	v.Chart = chart{Name: "sweep", Title: "Sweep of " + label, SVG: svgChart("sweep", "Sweep of "+label, panels),
		Caption: "Each point is the mean of the replications at that value, all on common random numbers; the band is its 95% confidence interval."}
	return v
}

// scaleFor draws shares as percentages.
func scaleFor(unit string) float64 {
	if unit == sim.UnitShare {
		return 100
	}
	return 1
}
