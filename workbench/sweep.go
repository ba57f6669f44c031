package workbench

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

type sweepRequest struct {
	TOML   string    `json:"toml"`
	Key    string    `json:"key"`
	Label  string    `json:"label,omitempty"`
	Values []float64 `json:"values"`
	// By, if set, is a second lever: the sweep is the grid of both, and
	// its answer is read at the grid's corners, as spsim sweep's is.
	By *sweepLever `json:"by,omitempty"`
}

// sweepLever is the second lever of a sweep.
type sweepLever struct {
	Key    string    `json:"key"`
	Label  string    `json:"label,omitempty"`
	Values []float64 `json:"values"`
}

// sweepView is a sweep as the page shows it.
type sweepView struct {
	Key     string    `json:"key"`
	Values  []float64 `json:"values"`
	Seconds float64   `json:"seconds"`
	Answer  []string  `json:"answer"` // how each KPI goes from the first value to the last
	// Notes are the warnings about the values varied, as spsim sweep
	// prints them (a value the timeline sets again, areas keeping their
	// own); the scenario's own warnings are shown with it.
	Notes []string `json:"notes,omitempty"`
	// Command is the spsim command line that writes the sweep's files
	// from its scenario file.
	Command string     `json:"command"`
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
	keys := []string{req.Key}
	if req.By != nil {
		keys = append(keys, req.By.Key)
	}
	if err := cliffFollows(cfg, keys...); err != nil {
		return nil, err
	}
	return s.planSweep(cfg, vary)
}

// cliffFollows refuses to vary the posts of a scenario with the page's
// funding cliff: the cliff is the posts funded at its week less one, which
// each point's posts would need it made again for, and a sweep or plan
// keeps the scenario's steps as they are (the command line's rule), so
// the "cliff" would add posts at some points and cut several at others.
func cliffFollows(cfg *sim.Config, keys ...string) error {
	if _, c := cliff(cfg); c == nil || !slices.Contains(keys, postsKey) {
		return nil
	}
	return fmt.Errorf("%w: the funding cliff ends one of the posts funded at its week, so it would have to be made again at every number of posts; set the funding cliff to 0 (never) to vary the posts, or pin each number of posts with its cliff and compare them", errBadRequest)
}

// handleSweep runs the scenario at each value of one lever, or of two
// (a grid), on common random numbers, and streams the result.
func (s *Server) handleSweep(w http.ResponseWriter, r *http.Request) {
	var req sweepRequest
	if err := readJSON(r, &req); err != nil {
		fail(w, err)
		return
	}
	s.serveJob(w, r, func() (*job, error) { return s.sweepJob(req) }, func(j *job, res any, seconds float64) (any, error) {
		sr := res.(*study.SweepResult)
		v := newSweepView(sr.Sweep, req)
		v.Command = j.command
		for _, w := range sr.LoadWarnings {
			if strings.HasPrefix(w, "--vary ") {
				v.Notes = append(v.Notes, pointWords(w))
			}
		}
		v.Seconds = seconds
		return v, nil
	})
}

// vary checks a sweep request and writes it as the command line's --vary,
// one for each lever.
func (s *Server) vary(req sweepRequest) ([]string, error) {
	first, err := s.varyOne(req.Key, req.Values)
	if err != nil || req.By == nil {
		return []string{first}, err
	}
	second, err := s.varyOne(req.By.Key, req.By.Values)
	switch {
	case err != nil:
		return nil, err
	case req.By.Key == req.Key:
		return nil, fmt.Errorf("%w: a sweep by two levers needs two different keys, got %s twice", errBadRequest, short(req.Key))
	case len(req.Values)*len(req.By.Values) > s.lim.Candidates:
		return nil, fmt.Errorf("%w: %d × %d points, over the workbench's %d: take fewer values of either lever", errBadRequest,
			len(req.Values), len(req.By.Values), s.lim.Candidates)
	}
	return []string{first, second}, nil
}

// varyOne checks one lever of a sweep and writes it as KEY=V1,V2,...
func (s *Server) varyOne(key string, values []float64) (string, error) {
	if len(values) < 2 || len(values) > s.lim.SweepPoints {
		return "", fmt.Errorf("%w: a sweep takes 2 to %d values, got %d", errBadRequest, s.lim.SweepPoints, len(values))
	}
	if !sweepKey.MatchString(key) {
		return "", fmt.Errorf("%w: a sweep varies a scenario key such as workforce.link_workers, got %s", errBadRequest, short(key))
	}
	if err := canVary(key); err != nil {
		return "", err
	}
	vs := make([]string, len(values))
	for i, v := range values {
		vs[i] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	if v, twice := experiment.Repeated(vs); twice {
		return "", fmt.Errorf("%w: %s is among the values twice: give each value once", errBadRequest, v)
	}
	return key + "=" + strings.Join(vs, ","), nil
}

// canVary refuses, in the page's words, a lever that a sweep, a plan or a
// screening cannot vary (lever.Varies is false): the funding cliff, a
// control of the page's own, and the seed and replications every point
// shares.
func canVary(key string) error {
	switch {
	case key == cliffKey:
		return fmt.Errorf("%w: the funding cliff is a step of the timeline, not a scenario key, so it cannot be varied here: pin the scenario with the cliff at each week you want on Compare", errBadRequest)
	case scenarios.CommonRunKey("", key) != nil:
		return fmt.Errorf("%w: every point of a sweep, plan or screening runs with one seed and one number of replications (common random numbers), so %s cannot be varied", errBadRequest, key)
	}
	return nil
}

var sweepKey = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`)

// newSweepView lays out a sweep's result: its answer, a row per point and
// a panel per KPI, with a line per value of the second lever, if any,
// against the first.
func newSweepView(sw *experiment.Sweep, req sweepRequest) *sweepView {
	label := orKey(req.Label, req.Key)
	v := &sweepView{Key: req.Key, Values: req.Values, Head: []string{label},
		Answer: output.SweepAnswer(sw, sweepKPIs, strings.ToLower(label))}
	lines, title := []string{""}, "Sweep of "+label
	if req.By != nil {
		byLabel := orKey(req.By.Label, req.By.Key)
		v.Head = append(v.Head, byLabel)
		lines, title = nil, title+" by "+strings.ToLower(byLabel)
		for _, x := range req.By.Values {
			lines = append(lines, byLabel+" "+experiment.Number(x))
		}
	}
	var panels []panel
	for _, k := range sweepKPIs {
		p := panel{Title: output.KPILabel(k), XLabel: label, Points: true}
		for j, name := range lines {
			b := band{Name: k, Label: orKey(name, output.KPILabel(k)), Color: (len(panels) + j) % len(palette)}
			if req.By != nil {
				b.Color = j % len(palette)
			}
			p.YLabel = sweepBand(&b, sw, k, req.Values, j, len(lines))
			if len(b.X) > 0 {
				p.Bands = append(p.Bands, b)
			}
		}
		if len(p.Bands) > 0 {
			panels = append(panels, p)
			v.Head = append(v.Head, output.KPILabel(k))
		}
	}
	for i, pt := range sw.Points {
		row := []string{experiment.Number(req.Values[i/len(lines)])}
		if req.By != nil {
			row = append(row, experiment.Number(req.By.Values[i%len(lines)]))
		}
		for _, k := range sweepKPIs {
			if s, ok := experiment.FindSummary(pt.Summaries, k); ok {
				value, between := kpiWords(k, s.Unit, s.Estimate)
				row = append(row, value+" ("+between+")")
			}
		}
		v.Rows = append(v.Rows, row)
	}
	v.Chart = chart{Name: "sweep", Title: title, SVG: svgChart("sweep", title, panels),
		Caption: "Each point is the mean of the replications at that value, all on common random numbers; the band is its 95% confidence interval."}
	return v
}

// sweepBand fills b with KPI k at the points of line j of n (the grid's
// points whose second value is the j-th; every point when n is 1), against
// the first lever's values, and returns the axis label of k's unit.
func sweepBand(b *band, sw *experiment.Sweep, k string, values []float64, j, n int) string {
	unit := ""
	for i := j; i < len(sw.Points); i += n {
		s, ok := experiment.FindSummary(sw.Points[i].Summaries, k)
		if !ok {
			break
		}
		unit = s.Unit
		lo, hi := s.Estimate.Low, s.Estimate.High
		if s.Estimate.N < 2 {
			lo, hi = s.Estimate.Mean, s.Estimate.Mean
		}
		b.X = append(b.X, values[i/n])
		b.Mean = append(b.Mean, scaleFor(unit)*s.Estimate.Mean)
		b.Low = append(b.Low, scaleFor(unit)*lo)
		b.High = append(b.High, scaleFor(unit)*hi)
	}
	return output.AxisUnit(unit)
}

// orKey is label, or key when there is none.
func orKey(label, key string) string {
	if label == "" {
		return key
	}
	return label
}

// scaleFor draws shares as percentages.
func scaleFor(unit string) float64 {
	if unit == sim.UnitShare {
		return 100
	}
	return 1
}

// varyPoint is the command line's name for a sweep's point in a warning.
var varyPoint = regexp.MustCompile(`^--vary ([a-z0-9_.]+)=([^:,]+): `)

// pointWords says a sweep's warning at the lever the page shows, in the
// words of the warnings above the results (flagWarning): "Warning: at
// link-worker posts 1: initial.active = 80: ...", not "--vary
// workforce.link_workers=1: initial.active = 80: warning: ..."; any other
// note of a point is "At link-worker posts 1: ...".
func pointWords(w string) string {
	if said, ok := flagWarning(w, "--vary", leverLabel); ok {
		return said
	}
	m := varyPoint.FindStringSubmatch(w)
	if m == nil {
		return w
	}
	label := m[1]
	if l := scenarios.KeyLabel(m[1]); l != "" {
		label = output.Uncapitalise(l)
	}
	return "At " + label + " " + m[2] + ": " + w[len(m[0]):]
}
