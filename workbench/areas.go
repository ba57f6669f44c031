package workbench

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
)

// areasRequest is an areas file to make the page's scenario one of several
// areas: one row per area (a PCN, say), named, with any scenario keys.
type areasRequest struct {
	File string `json:"file"`
	Data []byte `json:"data"` // base64 in JSON
	TOML string `json:"toml"`
	// Caseload is today's caseload as an extract gave it, if it did.
	Caseload *takenCaseload `json:"caseload,omitempty"`
}

// areasView is the scenario of the file's areas, and what the file sets.
type areasView struct {
	Scenario  *scenarioView `json:"scenario"`
	Sentences []string      `json:"sentences"`
	Areas     int           `json:"areas"`
}

// areas makes the page's scenario one of the uploaded file's areas, as
// areas.file does on the command line. Nothing is written on the server.
func (s *Server) areas(req areasRequest) (*areasView, error) {
	cfg, v, err := s.withExtract(req.File, req.Data, req.TOML, `a header row ("name", then scenario keys such as workforce.link_workers), then one row per area`,
		func(cfg *sim.Config, name string) error { return scenarios.SetAreas(cfg, name, req.Data) }, req.Caseload)
	if err != nil {
		return nil, err
	}
	name := extractName(req.File)
	for i, w := range v.Warnings {
		if text := fromAreasFile(w.Text, name); text != w.Text {
			v.Warnings[i].Text, v.Warnings[i].Words = text, areasFileWords(w.Words, name)
		}
	}
	list := cfg.Areas.List
	keys := map[string]bool{}
	for _, a := range list {
		for k := range a.Set {
			keys[k] = true
		}
		if a.ReferralsMultiplier != nil {
			keys["referrals_multiplier"] = true
		}
		if a.ReferenceGroupShare != nil {
			keys["reference_group_share"] = true
		}
	}
	set := slices.Sorted(maps.Keys(keys))
	out := &areasView{Scenario: v, Areas: len(list)}
	s1 := fmt.Sprintf("the scenario now runs %d areas from %s", len(list), name)
	if len(set) > 0 {
		s1 += ", each with its own " + strings.Join(set, ", ")
	}
	out.Sentences = []string{output.Sentence("%s", s1), output.Sentence("the results rank them, longest wait first, under the headline table")}
	return out, nil
}
