package workbench

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
)

// scenarioRequest names a scenario the page works on: a built-in by name,
// or TOML text (edited or uploaded), with levers set on top.
type scenarioRequest struct {
	Name string    `json:"name,omitempty"`
	TOML string    `json:"toml,omitempty"`
	Set  []setting `json:"set,omitempty"`
	// Caseload is today's caseload as an extract gave it, if it did
	// (takenCaseload): the scenario's view answered it.
	Caseload *takenCaseload `json:"caseload,omitempty"`
	// AreasFile is the areas an areas file gave, if it did (takenAreas):
	// the scenario's view answered it.
	AreasFile *takenAreas `json:"areas_file,omitempty"`
}

// scenarioView is a scenario as the page shows it: the resolved TOML that
// runs (and downloads), and the levers with their values.
type scenarioView struct {
	Name         string  `json:"name"`
	Question     string  `json:"question"`
	TOML         string  `json:"toml"`
	Levers       []lever `json:"levers"`
	Replications int     `json:"replications"`
	Seed         uint64  `json:"seed"`
	HorizonWeeks int     `json:"horizon_weeks"`
	WarmupWeeks  int     `json:"warmup_weeks"`
	Areas        int     `json:"areas"`
	// Warnings are values the scenario allows but that are unlikely, as
	// spsim validate gives them: 28 for a share of 0.28, say.
	Warnings []problem `json:"warnings,omitempty"`
	// Caseload is the caseload taken, while today's people are its.
	Caseload *takenCaseload `json:"caseload,omitempty"`
	// AreasFile is the areas file taken, while the areas are its.
	AreasFile *takenAreas `json:"areas_file,omitempty"`
}

// errUnknown is a built-in name the library does not have.
type errUnknown struct{ name string }

func (e errUnknown) Error() string {
	var names []string
	for _, i := range scenarios.List() {
		names = append(names, i.Name)
	}
	return fmt.Sprintf("no built-in scenario named %s (built-ins: %s)", short(e.name), strings.Join(names, ", "))
}

// prepare resolves a scenario request into the scenario that will run. The
// result is always the loader's reading of its own TOML, so that what runs
// is exactly what downloads.
func (s *Server) prepare(req scenarioRequest) (*sim.Config, *scenarioView, error) {
	var cfg *sim.Config
	var err error
	switch {
	case req.Name != "" && req.TOML != "":
		return nil, nil, fmt.Errorf("%w: send a built-in scenario's name or TOML text, not both", errBadRequest)
	case req.Name != "":
		if _, ok := scenarios.Source(req.Name); !ok || strings.ContainsAny(req.Name, `/\.`) {
			return nil, nil, errUnknown{req.Name}
		}
		// As an upload: no lever or area set later may read a file.
		var l *scenarios.Loaded
		if l, err = scenarios.LoadWith(req.Name, scenarios.Options{BuiltinOnly: true}); err == nil {
			cfg = l.Config
		}
	case req.TOML != "":
		cfg, err = s.loadText(req.TOML)
	default:
		return nil, nil, newBad("%s: empty scenario: choose a built-in scenario or upload a .toml file", fileName)
	}
	if err != nil {
		return nil, nil, err
	}
	cfg.Extends = ""
	if err := apply(cfg, req.Set); err != nil {
		return nil, nil, err
	}
	text, err := encode(cfg)
	if err != nil {
		return nil, nil, err
	}
	cfg, warns, err := s.loadWarn(text)
	if err != nil {
		return nil, nil, err
	}
	warns, taken, err := caseloadWarnings(cfg, warns, req.Caseload)
	if err != nil {
		return nil, nil, err
	}
	areasFile := areasFileWarnings(cfg, warns, req.AreasFile)
	var doc map[string]any
	if _, err := toml.Decode(text, &doc); err != nil {
		return nil, nil, fmt.Errorf("workbench: re-reading the scenario: %w", err)
	}
	warns = append(warns, leverWarnings(cfg, req.Set)...)
	v := &scenarioView{Name: cfg.Name, Question: cfg.Question, TOML: text, Levers: levers(cfg, doc),
		Replications: cfg.Run.Replications, Seed: cfg.Run.Seed, HorizonWeeks: cfg.Run.HorizonWeeks,
		WarmupWeeks: cfg.Run.WarmupWeeks, Areas: max(cfg.Areas.Count, len(cfg.Areas.List), 1), Warnings: warns,
		Caseload: taken, AreasFile: areasFile}
	return cfg, v, nil
}

// leverWarnings warn of the levers set (sets) that cfg keeps from
// reaching the results. A lever the timeline sets again
// (extra-link-worker's posts from week 1) would move nothing the results
// show: say so. The funding cliff follows the posts, so it does not set
// them again.
func leverWarnings(cfg *sim.Config, sets []setting) []problem {
	own := withoutCliff(cfg)
	leverWarning := func(st setting, msg string) problem {
		return problem{Key: st.Key, Text: fmt.Sprintf("%s = %v: warning: %s", st.Key, st.Value, msg),
			Words: warningWords(scenarios.Warning{Key: st.Key, Value: fmt.Sprint(st.Value), Message: msg})}
	}
	var warns []problem
	for _, st := range sets {
		if msg := scenarios.Overridden(own, st.Key); msg != "" {
			warns = append(warns, leverWarning(st, msg))
		}
		// An area's own value wins over the lever's, as over --set.
		if msg := scenarios.AreasKeeping(cfg, st.Key, false); msg != "" {
			warns = append(warns, leverWarning(st, msg))
		}
	}
	return warns
}

// handleOpen opens a built-in scenario or an uploaded one.
func (s *Server) handleOpen(w http.ResponseWriter, r *http.Request) {
	var req scenarioRequest
	if err := readJSON(r, &req); err != nil {
		fail(w, err)
		return
	}
	_, v, err := s.prepare(req)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// handleCheck checks edited TOML and levers, answering with the scenario
// or with every problem at its line.
func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	s.handleOpen(w, r)
}
