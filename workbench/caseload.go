package workbench

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/spsim/spsim/scenarios"
)

// caseloadRequest is a caseload extract to start the page's scenario from:
// one row per person waiting or on a caseload today.
type caseloadRequest struct {
	File string `json:"file"`
	Data []byte `json:"data"` // base64 in JSON
	TOML string `json:"toml"`
	Date string `json:"date,omitempty"` // the extract's date; "" for the day after its latest referral
}

// caseloadView is the scenario that starts from the extract, and what the
// extract holds in plain words.
type caseloadView struct {
	Scenario  *scenarioView `json:"scenario"`
	Sentences []string      `json:"sentences"`
	Waiting   int           `json:"waiting"`
	Active    int           `json:"active"`
}

// handleCaseload sets today's state of the page's scenario from an uploaded
// caseload extract, as initial.file does on the command line. Nothing is
// written on the server.
func (s *Server) handleCaseload(w http.ResponseWriter, r *http.Request) {
	var req caseloadRequest
	if err := readJSON(r, &req); err != nil {
		fail(w, err)
		return
	}
	v, err := s.caseload(req)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) caseload(req caseloadRequest) (*caseloadView, error) {
	name := extractName(req.File)
	if len(req.Data) == 0 {
		return nil, &badExtract{fmt.Errorf("%s is empty: choose a CSV with a header row (referral_date, status, and optionally sessions, group, profile, awaiting_place), then one row per person", name)}
	}
	if req.TOML == "" {
		return nil, newBad("%s: no scenario to start from the caseload", fileName)
	}
	cfg, err := s.loadText(req.TOML)
	if err != nil {
		return nil, err
	}
	if err := scenarios.SetCaseload(cfg, name, req.Data, req.Date); err != nil {
		return nil, &badExtract{err}
	}
	text, err := encode(cfg)
	if err != nil {
		return nil, err
	}
	// The scenario as it will run, checked whole: places for the active.
	_, v, err := s.prepare(scenarioRequest{TOML: text})
	if err != nil {
		return nil, err
	}
	in := cfg.Initial
	out := &caseloadView{Scenario: v, Waiting: in.Waiting, Active: in.Active}
	out.Sentences = caseloadSentences(name, in)
	return out, nil
}

// caseloadSentences say what the extract holds.
func caseloadSentences(name string, in scenarios.Initial) []string {
	var waits []float64
	awaiting := 0
	for _, p := range in.People {
		if p.Status == scenarios.StatusWaiting {
			waits = append(waits, p.AgeWeeks)
		}
		if p.AwaitingPlace {
			awaiting++
		}
	}
	out := []string{sentence("the run starts from %s: %s waiting for a first contact and %s on link workers' caseloads",
		name, people(in.Waiting), people(in.Active))}
	if len(waits) > 0 {
		slices.Sort(waits)
		out = append(out, sentence("those waiting have waited %s weeks at the median, and %s weeks at the longest",
			sig3(waits[len(waits)/2]), sig3(waits[len(waits)-1])))
	}
	if awaiting > 0 {
		out = append(out, sentence("%s on caseloads wait for a community place", people(awaiting)))
	}
	return out
}

func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return count(float64(n)) + " people"
}
