package workbench

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sensitivity"
	"github.com/spsim/spsim/sim"
)

// sensitivityRequest asks which uncertain inputs drive the outcomes, as
// spsim sensitivity does with Morris screening.
type sensitivityRequest struct {
	TOML   string       `json:"toml"`
	Inputs []inputRange `json:"inputs"`
}

type inputRange struct {
	Key   string  `json:"key"`
	Label string  `json:"label"` // its name on the page
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
}

// sensitivityView is an analysis as the page shows it.
type sensitivityView struct {
	Sentences []string   `json:"sentences"`
	Seconds   float64    `json:"seconds"`
	Head      []string   `json:"head"`
	Rows      [][]string `json:"rows"`
	Charts    []chart    `json:"charts"`
	Command   string     `json:"command"` // the spsim command line that writes its files
}

// sensitivityKPIs are the outcomes whose drivers the page ranks.
var sensitivityKPIs = []string{sim.KPIWaitP90, sim.KPINeedsMet, sim.KPILeavers}

// maxInputs bounds the inputs of one analysis on the page; Morris runs
// (inputs + 1) points a trajectory.
const maxInputs = 6

// handleSensitivity runs a Morris screening and streams its progress and
// answer.
func (s *Server) handleSensitivity(w http.ResponseWriter, r *http.Request) {
	var req sensitivityRequest
	if err := readJSON(r, &req); err != nil {
		fail(w, err)
		return
	}
	s.serveJob(w, r, func() (*job, error) { return s.screeningJob(req) }, func(j *job, res any, seconds float64) (any, error) {
		v, err := newSensitivityView(res.(*sensitivity.Result), req.Inputs)
		if err == nil {
			v.Seconds, v.Command = seconds, j.command
		}
		return v, err
	})
}

// screeningJob plans a screening request: the page's live screening and
// its downloads.
func (s *Server) screeningJob(req sensitivityRequest) (*job, error) {
	vary, err := sensitivityVary(req)
	if err != nil {
		return nil, err
	}
	cfg, _, err := s.prepare(scenarioRequest{TOML: req.TOML})
	if err != nil {
		return nil, err
	}
	return s.planSensitivity(cfg, vary)
}

// sensitivityVary checks a request and writes it as the command line's
// --vary KEY=LO..HI.
func sensitivityVary(req sensitivityRequest) ([]string, error) {
	if len(req.Inputs) < 1 || len(req.Inputs) > maxInputs {
		return nil, fmt.Errorf("%w: an analysis takes 1 to %d inputs, got %d", errBadRequest, maxInputs, len(req.Inputs))
	}
	var vary []string
	seen := map[string]bool{}
	for _, in := range req.Inputs {
		if !sweepKey.MatchString(in.Key) {
			return nil, fmt.Errorf("%w: an input is a scenario key such as workforce.leaving_hazard_per_year, got %s", errBadRequest, short(in.Key))
		}
		if err := canVary(in.Key); err != nil {
			return nil, err // as the Sweep and Plan tabs refuse it
		}
		if seen[in.Key] {
			return nil, fmt.Errorf("%w: %s is given twice", errBadRequest, in.Key)
		}
		seen[in.Key] = true
		if math.IsNaN(in.Lo) || math.IsNaN(in.Hi) || math.IsInf(in.Lo, 0) || math.IsInf(in.Hi, 0) || !(in.Hi > in.Lo) {
			return nil, fmt.Errorf("%w: %s needs a range from a number to a larger one", errBadRequest, in.Key)
		}
		vary = append(vary, in.Key+"="+strconv.FormatFloat(in.Lo, 'g', -1, 64)+".."+strconv.FormatFloat(in.Hi, 'g', -1, 64))
	}
	return vary, nil
}

// newSensitivityView lays out an analysis: the drivers in words, each
// input's μ* on each outcome with its interval, and the tornado charts.
func newSensitivityView(r *sensitivity.Result, asked []inputRange) (*sensitivityView, error) {
	// The inputs are named in words, as the page names them.
	r.Labels = map[string]string{}
	for _, in := range asked {
		if in.Label != "" {
			r.Labels[in.Key] = in.Label
		}
	}
	v := &sensitivityView{Sentences: pageSentences(r.Sentences()), Head: []string{"Input", "Key"}}
	for _, k := range r.KPIs {
		v.Head = append(v.Head, output.KPILabel(k)+": μ*")
	}
	for i, in := range r.Inputs {
		name := in.Key
		if l := r.Labels[in.Key]; l != "" {
			name = l
		}
		row := []string{name, in.Key}
		for k := range r.KPIs {
			row = append(row, r.MuStarWords(k, i))
		}
		v.Rows = append(v.Rows, row)
	}
	figs, err := r.Figures()
	if err != nil {
		return nil, err
	}
	for _, f := range figs {
		// The tornados answer "what drives it"; the μ*–σ charts are in
		// spsim sensitivity's report.
		if strings.HasPrefix(f.Name, "tornado_") {
			v.Charts = append(v.Charts, chart{Name: f.Name, Title: f.Title, Caption: f.Caption, SVG: string(f.SVG)})
		}
	}
	return v, nil
}
