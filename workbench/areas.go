package workbench

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"
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
		func(cfg *sim.Config, name string) error { return scenarios.SetAreas(cfg, name, req.Data) }, scenarioRequest{Caseload: req.Caseload})
	if err != nil {
		return nil, err
	}
	name := extractName(req.File)
	v.AreasFile = &takenAreas{File: name, List: areasKey(cfg)}
	nameAreasFile(v.Warnings, name)
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

// takenAreas is the areas an areas file gave: the page sends it back with
// the scenario (scenarioRequest.AreasFile), which answers with it
// (scenarioView.AreasFile) for as long as its areas are still the file's.
// An area's warnings then name the file after a lever's change or an edit
// elsewhere, as when the file was taken ("Warning: pcns.csv, area "B":
// …"), not only in the upload's answer. Areas written or changed in the
// scenario's text are no longer the file's, and are warned of as the
// scenario's.
type takenAreas struct {
	File string `json:"file"` // the file's name, as extractName gives it
	List string `json:"list"` // areasKey of the file's areas
}

// areasKey stands for cfg's listed areas, area by area: each one's name
// and what it sets, its values as inline TOML, which reads the same from
// an areas file's cells and from the scenario's text.
func areasKey(cfg *sim.Config) string {
	if len(cfg.Areas.List) == 0 {
		return ""
	}
	var b strings.Builder
	num := func(f *float64) string {
		if f == nil {
			return "-"
		}
		return strconv.FormatFloat(*f, 'g', -1, 64)
	}
	for _, a := range cfg.Areas.List {
		b.WriteString(strconv.Quote(a.Name) + " " + num(a.ReferralsMultiplier) + " " + num(a.ReferenceGroupShare))
		for _, k := range slices.Sorted(maps.Keys(a.Set)) {
			b.WriteString(" " + k + "=" + a.Set[k].String())
		}
		b.WriteString("\n")
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}

// areasFileWarnings names the areas file in an area's warnings (warns, of
// cfg) while cfg's areas are still the file's; taken as it stays, or nil
// when they are not.
func areasFileWarnings(cfg *sim.Config, warns []problem, taken *takenAreas) *takenAreas {
	if taken == nil || taken.List == "" || taken.List != areasKey(cfg) {
		return nil
	}
	name := extractName(taken.File) // a name the page sends back is held to an upload's
	nameAreasFile(warns, name)
	return &takenAreas{File: name, List: taken.List}
}

// nameAreasFile names the areas file (name) in each area's warning of
// warns, in its text and in its words.
func nameAreasFile(warns []problem, name string) {
	for i, w := range warns {
		if text := fromAreasFile(w.Text, name); text != w.Text {
			warns[i].Text, warns[i].Words = text, areasFileWords(w.Words, name)
		}
	}
}
