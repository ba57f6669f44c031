package workbench

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
	// AreasFile is the areas an areas file gave the scenario, if it did
	// (takenAreas), so that the answer's warnings name the file as the
	// run's that follows do.
	AreasFile *takenAreas `json:"areas_file,omitempty"`
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
	taken := &takenCaseload{fresh: true}
	cfg, v, err := s.withExtract(req.File, req.Data, req.TOML, `a header row (referral_date, status, and optionally sessions, group, profile, awaiting_place), then one row per person`,
		func(cfg *sim.Config, name string) error {
			warns, err := scenarios.SetCaseload(cfg, name, req.Data, req.Date)
			if err != nil {
				return err
			}
			for _, w := range warns { // at a line of the extract, not of scenario.toml
				taken.Warnings = append(taken.Warnings, problem{Text: w.String(), Words: warningWords(w)})
			}
			// The run starts from today: a warm-up would leave today's
			// people out of every result, as if they were not there.
			warmup = cfg.Run.WarmupWeeks
			return scenarios.Set(cfg, "run.warmup_weeks", "0")
		}, scenarioRequest{Caseload: taken, AreasFile: req.AreasFile})
	if err != nil {
		return nil, err
	}
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
// one; taken is what the scenario took from files before, as the page
// sends it back with a run (scenarioRequest's Caseload and AreasFile), so
// that the answer's warnings are said as the run's will be.
func (s *Server) withExtract(file string, data []byte, text, what string, set func(cfg *sim.Config, name string) error, taken scenarioRequest) (*sim.Config, *scenarioView, error) {
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
	taken.TOML = text
	_, v, err := s.prepare(taken)
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

// takenCaseload is today's caseload as a caseload extract gave it: the
// page sends it back with the scenario (scenarioRequest.Caseload), which
// answers with it (scenarioView.Caseload) for as long as its people are
// still the extract's. Their warnings are then the extract's own, at its
// lines, in place of those the scenario's checks raise of the same people
// by keys nobody wrote ("initial.people.1.age_weeks = 1830.43…", once for
// the scenario and once for each area): after an areas file, a lever's
// change or an edit elsewhere in the scenario, as when the extract was
// taken. People written or changed in the scenario's text are no longer
// the extract's, and are warned of by key as any other setting.
type takenCaseload struct {
	People   string    `json:"people"`             // peopleKey of the extract's people
	Warnings []problem `json:"warnings,omitempty"` // the extract's own, at its lines
	fresh    bool      // just taken: People is the prepared scenario's
}

// maxTakenWarnings bounds the extract's warnings a request brings back:
// the loader gives a few of each kind, the rest counted in one more.
const maxTakenWarnings = 16

// peopleKey stands for today's people of cfg, person by person.
func peopleKey(cfg *sim.Config) string {
	b, err := json.Marshal(cfg.Initial.People)
	if err != nil || len(cfg.Initial.People) == 0 {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// caseloadWarnings are a scenario's warnings (warns, of cfg) with those of
// the caseload taken, if its people are still cfg's: taken as it stays,
// or nil when they are not.
func caseloadWarnings(cfg *sim.Config, warns []problem, taken *takenCaseload) ([]problem, *takenCaseload, error) {
	if taken == nil {
		return warns, nil, nil
	}
	if len(taken.Warnings) > maxTakenWarnings {
		return nil, nil, fmt.Errorf("%w: the body is not the JSON the page sends: a caseload's %d warnings, over %d", errBadRequest, len(taken.Warnings), maxTakenWarnings)
	}
	key := peopleKey(cfg)
	if taken.fresh {
		taken = &takenCaseload{People: key, Warnings: taken.Warnings}
	}
	if key == "" || key != taken.People {
		return warns, nil, nil
	}
	out := slices.DeleteFunc(warns, func(p problem) bool { return strings.HasPrefix(p.Key, "initial.people.") })
	return append(out, taken.Warnings...), taken, nil
}
