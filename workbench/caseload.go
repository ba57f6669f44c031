package workbench

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
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

// caseload sets today's state of the page's scenario from an uploaded
// caseload extract, as initial.file does on the command line. Nothing is
// written on the server.
func (s *Server) caseload(req caseloadRequest) (*caseloadView, error) {
	warmup := 0
	var fileWarns []scenarios.Warning
	cfg, v, err := s.withExtract(req.File, req.Data, req.TOML, `a header row (referral_date, status, and optionally sessions, group, profile, awaiting_place), then one row per person`,
		func(cfg *sim.Config, name string) error {
			warns, err := scenarios.SetCaseload(cfg, name, req.Data, req.Date)
			if err != nil {
				return err
			}
			fileWarns = warns
			// The run starts from today: a warm-up would leave today's
			// people out of every result, as if they were not there.
			warmup = cfg.Run.WarmupWeeks
			return scenarios.Set(cfg, "run.warmup_weeks", "0")
		})
	if err != nil {
		return nil, err
	}
	v.Warnings = extractWarnings(v.Warnings, fileWarns)
	in := cfg.Initial
	sentences := caseloadSentences(extractName(req.File), in)
	if warmup > 0 {
		sentences = append(sentences, fmt.Sprintf("The results now count from today: the scenario's warm-up of %d weeks, which would have left today's people out of them, is set to none (run.warmup_weeks = 0).", warmup))
	}
	return &caseloadView{Scenario: v, Waiting: in.Waiting, Active: in.Active, Sentences: sentences}, nil
}

// withExtract applies an uploaded extract to the page's scenario (text):
// set reads data into the scenario, and the result is resolved and checked
// whole, as it will run. what says what the file must hold, for an empty
// one.
func (s *Server) withExtract(file string, data []byte, text, what string, set func(cfg *sim.Config, name string) error) (*sim.Config, *scenarioView, error) {
	name := extractName(file)
	if len(data) == 0 {
		return nil, nil, &badExtract{fmt.Errorf("%s is empty: choose a CSV with %s", name, what)}
	}
	if text == "" {
		return nil, nil, newBad("%s: no scenario to use %s with", fileName, name)
	}
	cfg, err := s.loadText(text)
	if err != nil {
		return nil, nil, err
	}
	if err := set(cfg, name); err != nil {
		return nil, nil, &badExtract{err}
	}
	if text, err = encode(cfg); err != nil {
		return nil, nil, err
	}
	if len(text) > s.lim.ScenarioBytes {
		return nil, nil, &badExtract{fmt.Errorf("%s makes the scenario %d KiB, over the workbench's limit of %d KiB; run it on the command line (spsim run), where [initial] file and [areas] file take files of any size",
			name, len(text)>>10, s.lim.ScenarioBytes>>10)}
	}
	_, v, err := s.prepare(scenarioRequest{TOML: text})
	if err != nil {
		return nil, nil, err
	}
	return cfg, v, nil
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
	out := []string{output.Sentence("the run starts from %s: %s waiting for a first contact and %s on link workers' caseloads",
		name, people(in.Waiting), people(in.Active))}
	if len(waits) > 0 {
		slices.Sort(waits)
		out = append(out, output.Sentence("those waiting have waited %s weeks at the median, and %s weeks at the longest",
			experiment.Number(waits[len(waits)/2]), experiment.Number(waits[len(waits)-1])))
	}
	if awaiting > 0 {
		verb := "wait"
		if awaiting == 1 {
			verb = "waits"
		}
		out = append(out, output.Sentence("%s on caseloads %s for a community place", people(awaiting), verb))
	}
	return out
}

func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return count(float64(n)) + " people"
}

// extractWarnings are the scenario's warnings with the extract's own, at
// its lines, in place of those the scenario's checks raise of the same
// people by keys nobody wrote (initial.people.1.age_weeks).
func extractWarnings(scenario []problem, extract []scenarios.Warning) []problem {
	out := slices.DeleteFunc(scenario, func(p problem) bool { return strings.HasPrefix(p.Key, "initial.people.") })
	for _, w := range extract {
		out = append(out, problem{Text: w.String(), Words: warningWords(w)}) // a line of the extract, not of scenario.toml
	}
	return out
}
