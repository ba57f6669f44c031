package workbench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
)

// problem is one thing wrong with a scenario, placed for the editor.
type problem struct {
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
	Key  string `json:"key,omitempty"`
	Text string `json:"text"` // file:line:col: key: message, as the CLI says it
	// Words are a warning in plain words, for the page's notes above the
	// results ("Warning: key = value: message", warningWords).
	Words string `json:"words,omitempty"`
}

// badScenario is a scenario that cannot be used, with every problem found.
type badScenario struct {
	problems []problem
}

func (b *badScenario) Error() string {
	var s []string
	for _, p := range b.problems {
		s = append(s, p.Text)
	}
	return strings.Join(s, "\n")
}

// newBad makes a badScenario of one problem without a place.
func newBad(format string, args ...any) *badScenario {
	return &badScenario{[]problem{{Text: fmt.Sprintf(format, args...)}}}
}

// asBad turns a loader error into problems, keeping file:line:col.
func asBad(err error, file string) *badScenario {
	var es scenarios.Errors
	if !errors.As(err, &es) {
		if file == "" {
			return newBad("%v", err)
		}
		return newBad("%s: %v", file, err)
	}
	b := &badScenario{}
	for _, e := range es {
		if e.File == "" || !strings.HasPrefix(e.File, "builtin:") {
			e.File = file
		}
		b.problems = append(b.problems, problem{Line: e.Line, Col: e.Col, Key: e.Key, Text: pageProblem(e.Error())})
	}
	return b
}

// fileName is the name a scenario's text is shown under in messages.
const fileName = "scenario.toml"

// loadText loads a scenario written in the page or uploaded. Its extends
// may name a built-in scenario only: the server never reads its own files
// for a visitor's scenario.
func (s *Server) loadText(text string) (*sim.Config, error) {
	cfg, _, err := s.loadWarn(text)
	return cfg, err
}

// loadWarn is loadText with the loader's warnings: values allowed but
// unlikely, such as 28 for a share of 0.28, each placed for the editor.
func (s *Server) loadWarn(text string) (*sim.Config, []problem, error) {
	if len(text) > s.lim.ScenarioBytes {
		return nil, nil, newBad("%s: the scenario is %d KiB, over the workbench's limit of %d KiB", fileName, len(text)>>10, s.lim.ScenarioBytes>>10)
	}
	// Loaded as an upload: extends may name built-ins only, and the loader
	// refuses every file a scenario can name (areas.file, initial.file), so
	// nothing on the server is read. The loader goes first: it refuses
	// text nested too deeply before parsing it, where a TOML parser's time
	// and memory grow far faster than the depth (a 240 KB scenario nested
	// 60,000 deep took 23 GB).
	l, err := scenarios.LoadBytes(fileName, []byte(text), scenarios.Options{BuiltinOnly: true})
	if err != nil {
		if refusesExtends(err) {
			// The text parsed, so reading extends again is safe; the page's
			// own words say what to do instead.
			if err := builtinExtendsOnly(text); err != nil {
				return nil, nil, err
			}
		}
		return nil, nil, asBad(err, fileName)
	}
	l.Config.Extends = ""
	var warns []problem
	for _, w := range l.Warnings {
		if !strings.HasPrefix(w.File, "builtin:") {
			w.File = fileName
		}
		warns = append(warns, problem{Line: w.Line, Col: w.Col, Key: w.Key, Text: w.String(), Words: warningWords(w)})
	}
	return l.Config, warns, nil
}

// refusesExtends reports whether the loader's err refuses the scenario's
// extends.
func refusesExtends(err error) bool {
	var es scenarios.Errors
	if !errors.As(err, &es) {
		return false
	}
	for _, e := range es {
		if e.Key == "extends" {
			return true
		}
	}
	return false
}

// builtinExtendsOnly refuses a scenario whose extends names anything but a
// built-in scenario. A text that is not TOML is left to the loader, which
// stops at the syntax error before following extends.
func builtinExtendsOnly(text string) error {
	var head struct {
		Extends any `toml:"extends"`
	}
	md, err := toml.Decode(strings.TrimPrefix(text, "\ufeff"), &head)
	if err != nil || !md.IsDefined("extends") {
		return nil
	}
	ref, ok := head.Extends.(string)
	if _, builtin := scenarios.Source(ref); ok && builtin && !strings.ContainsAny(ref, `/\`) && !strings.HasSuffix(ref, ".toml") {
		return nil
	}
	var names []string
	for _, i := range scenarios.List() {
		names = append(names, i.Name)
	}
	return &badScenario{[]problem{{Line: extendsLine(text), Key: "extends",
		Text: fmt.Sprintf("%s:%d: extends: in the workbench a scenario may extend a built-in scenario only, not %s (built-ins: %s); paste the parent's settings into this scenario instead",
			fileName, extendsLine(text), short(fmt.Sprint(head.Extends)), strings.Join(names, ", "))}}}
}

// extendsLine is the line on which extends is set, or 0.
func extendsLine(text string) int {
	for i, l := range strings.Split(text, "\n") {
		if k, _, ok := strings.Cut(strings.TrimSpace(l), "="); ok && strings.Trim(strings.TrimSpace(k), `"'`) == "extends" {
			return i + 1
		}
	}
	return 0
}

// jsonShort is a value from a request as the JSON it came as, cut short:
// a page's words, not Go's (map[a:b]).
func jsonShort(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "a value that is not JSON"
	}
	return cut(string(b))
}

// short quotes a value for a message, cut to a few words: errors never
// echo much of what they were sent.
func short(v string) string { return strconv.Quote(cut(v)) }

// cut is v, cut after 40 bytes (never half a character) with "...".
func cut(v string) string {
	if len(v) > 40 {
		n := 40
		for n > 0 && !utf8.RuneStart(v[n]) {
			n-- // never half a character
		}
		v = v[:n] + "..."
	}
	return v
}

// encode is a resolved scenario as TOML: what the page edits and downloads,
// and what `spsim run` reads back to the same numbers.
func encode(cfg *sim.Config) (string, error) {
	var b bytes.Buffer
	if err := scenarios.Encode(&b, cfg); err != nil {
		return "", fmt.Errorf("encoding scenario %s: %w", cfg.Name, err)
	}
	return b.String(), nil
}

// setting is a lever's new value, as sent by the page.
type setting struct {
	Key   string `json:"key"`
	Value any    `json:"value"`
}

// apply sets each lever's value in cfg, checking the result as the loader
// would. The funding cliff is taken out before the other levers move and
// made again after, from the posts then funded: it ends one post whatever
// the order of the settings, and follows the posts when they change.
func apply(cfg *sim.Config, sets []setting) error {
	// As --set refuses a key given twice: one of the two would be lost.
	for i, st := range sets {
		if slices.ContainsFunc(sets[:i], func(o setting) bool { return o.Key == st.Key }) {
			what := st.Key
			if l := scenarios.KeyLabel(st.Key); l != "" {
				what = l + " (" + st.Key + ")"
			}
			return newBad("%s is set twice: give each lever once", what)
		}
	}
	// The cliff is made again only when it or the posts move: a scenario's
	// step as written (an upload, a file from an earlier page) runs as
	// spsim run runs it.
	if !slices.ContainsFunc(sets, func(st setting) bool { return st.Key == cliffKey || st.Key == postsKey }) {
		return setLevers(cfg, sets)
	}
	week := 0
	if i, c := cliff(cfg); c != nil {
		week = c.Week
		cfg.Timeline = slices.Delete(cfg.Timeline, i, i+1)
	}
	var rest []setting
	for _, st := range sets {
		if st.Key != cliffKey {
			rest = append(rest, st)
			continue
		}
		w, err := cliffWeek(cfg, st.Value)
		if err != nil {
			return err
		}
		week = w
	}
	if err := setLevers(cfg, rest); err != nil {
		return err
	}
	return setCliff(cfg, week)
}

// postsKey is the lever of funded link-worker posts, which the cliff
// follows.
const postsKey = "workforce.link_workers"

// setLevers sets levers other than the cliff, together, so that values
// valid only together (a fit's group shares) are checked as a whole.
func setLevers(cfg *sim.Config, sets []setting) error {
	if len(sets) == 0 {
		return nil
	}
	kvs := make([]scenarios.KeyValue, 0, len(sets))
	for _, st := range sets {
		v, err := tomlValue(st.Value)
		if err != nil {
			return newBad("%s: %v", st.Key, err)
		}
		kvs = append(kvs, scenarios.KeyValue{Key: st.Key, Value: v})
	}
	if _, err := scenarios.SetAll(cfg, kvs); err != nil {
		b := asBad(err, "") // a lever's value, not a line of a file
		for i, p := range b.problems {
			if l := scenarios.KeyLabel(p.Key); l != "" {
				b.problems[i].Text = l + ": " + p.Text // the lever as the page names it
			}
		}
		return b
	}
	return nil
}

// tomlValue writes a JSON value as a TOML value.
func tomlValue(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", errors.New("a lever needs a value: a number, true or false, text, or a mix of names and numbers")
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), nil
	case bool:
		return strconv.FormatBool(x), nil
	case string:
		return scenarios.QuoteString(x), nil
	case map[string]any:
		// A mix, such as a group's profile_mix: name = number.
		keys := slices.Sorted(maps.Keys(x))
		parts := make([]string, len(keys))
		for i, k := range keys {
			n, ok := x[k].(float64)
			if !ok {
				return "", fmt.Errorf("a mix is names with numbers, got %s", jsonShort(v))
			}
			parts[i] = scenarios.QuoteString(k) + " = " + strconv.FormatFloat(n, 'g', -1, 64)
		}
		return "{ " + strings.Join(parts, ", ") + " }", nil
	}
	return "", fmt.Errorf("a lever's value is a number, true or false, text, or a mix of names and numbers, got %s", jsonShort(v))
}

// The funding cliff is a timeline step that ends one fixed-term post: from
// its week, the posts funded just before it less one. The workbench shows
// its week as one lever (0 for none) and manages its own step alone, known
// by its note; the scenario's own steps (funding-cliff's week-104 cut) are
// kept as they are, and the lever's note names them.
const (
	cliffKey  = "funding_cliff.week"
	cliffNote = "funding cliff: fixed-term posts end" // as earlier versions wrote it, so that their files are read alike
)

// cliff finds the lever's step: the first with its note that sets
// nothing but link workers.
func cliff(cfg *sim.Config) (int, *sim.Change) {
	for i := range cfg.Timeline {
		c := &cfg.Timeline[i]
		if c.Note == cliffNote && c.LinkWorkers != nil && c.ReferralsPerWeek == nil && c.Holding == nil && len(c.Services) == 0 {
			return i, c
		}
	}
	return -1, nil
}

// withoutCliff is cfg with the cliff's step setting nothing, where the
// scenario's own steps keep their places (timeline.N).
func withoutCliff(cfg *sim.Config) *sim.Config {
	i, c := cliff(cfg)
	if c == nil {
		return cfg
	}
	own := *cfg
	own.Timeline = slices.Clone(cfg.Timeline)
	own.Timeline[i].LinkWorkers = nil
	return &own
}

// cliffWeek reads the cliff lever's value: a week within the run, or 0.
func cliffWeek(cfg *sim.Config, v any) (int, error) {
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) || f < 0 || int(f) >= cfg.Run.HorizonWeeks {
		return 0, newBad("%s: the funding-cliff week is a whole week from 1 to %d, or 0 for none; got %s", cliffKey, cfg.Run.HorizonWeeks-1, short(fmt.Sprint(v)))
	}
	return int(f), nil
}

// setCliff adds the funding cliff at week (none for 0) to a timeline
// without one: after the scenario's own steps of that week, it funds one
// post fewer than they leave.
func setCliff(cfg *sim.Config, week int) error {
	if week == 0 {
		return nil
	}
	funded := cfg.Workforce.LinkWorkers
	for _, c := range cfg.Timeline {
		if c.Week <= week && c.LinkWorkers != nil {
			funded = *c.LinkWorkers
		}
	}
	if funded < 1 {
		return newBad("%s: the funding cliff ends a post at week %d, but no link-worker posts are funded then; set it to 0 (never), or fund a post", cliffKey, week)
	}
	n := funded - 1
	cfg.Timeline = append(cfg.Timeline, sim.Change{Week: week, Note: cliffNote, LinkWorkers: &n})
	slices.SortStableFunc(cfg.Timeline, func(a, b sim.Change) int { return a.Week - b.Week })
	return nil
}
