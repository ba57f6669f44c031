package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/sim/dist"
)

// Set sets one scenario value by its TOML key path, such as
// "workforce.link_workers", "services.wellbeing_groups.places",
// "timeline.0.week" or "workforce.recruitment_delay_weeks.mean", and checks
// the result as Load would. value is TOML ("6", "0.25", "true",
// `{ dist = "gamma", mean = 13, sd = 4 }`); a value for a text key may
// also be given bare (priority rather than "priority").
//
// On error c is unchanged and the error is an Errors naming the key.
func Set(c *Config, key, value string) error {
	_, err := SetWarn(c, key, value)
	return err
}

// SetWarn is Set, also returning the warnings about the value set: allowed
// but unlikely, such as costs.on_cost_share = 28 where about 0.28 is
// typical. Warnings about the rest of the scenario are not repeated.
func SetWarn(c *Config, key, value string) ([]Warning, error) {
	return SetAll(c, []KeyValue{{key, value}})
}

// KeyValue is a key path and its value as TOML, for SetAll.
type KeyValue struct{ Key, Value string }

// SetAll sets several values as Set does, and checks the result once, so
// that values which must change together can: group shares that sum to 1,
// or a minimum raised past the old maximum. It returns the warnings about
// the values set. On error c is unchanged.
func SetAll(c *Config, kvs []KeyValue) ([]Warning, error) {
	if c == nil {
		return nil, Errors{{Msg: "no scenario to change (nil Config)"}}
	}
	for _, kv := range kvs {
		if err := refuseComment(kv); err != nil {
			return nil, err
		}
	}
	var doc map[string]any
	var buf bytes.Buffer
	if err := Encode(&buf, c); err != nil {
		return nil, err
	}
	if _, err := toml.Decode(buf.String(), &doc); err != nil {
		return nil, fmt.Errorf("setting %s: re-reading the scenario: %w", kvs, err)
	}
	for _, kv := range kvs {
		if msg := setKey(doc, kv.Key, kv.Value); msg != "" {
			return nil, Errors{{Key: kv.Key, Value: kv.Value, Msg: msg}}
		}
	}
	nc, warns, err := buildWarn(doc, provenance{}, "", c.noFiles)
	if err != nil {
		return nil, err
	}
	if err := countsOverPeople(nc, kvs); err != nil {
		return nil, err
	}
	nc.Extends = c.Extends
	before, old := c.Timeline, *c
	*c = *nc
	var mine []Warning
	for _, w := range warns {
		for _, kv := range kvs {
			if w.Key == kv.Key || strings.HasPrefix(w.Key, kv.Key+".") || slices.Contains(w.Also, kv.Key) {
				mine = append(mine, w)
				break
			}
		}
	}
	for _, kv := range kvs {
		if kv.Key == "timeline" {
			if msg := droppedSteps(before, c.Timeline); msg != "" {
				mine = append(mine, Warning{Key: kv.Key, Value: kv.Value, Message: msg})
			}
		}
		if msg := droppedMapEntries(&old, c, kv.Key); msg != "" {
			mine = append(mine, Warning{Key: kv.Key, Value: kv.Value, Message: msg})
		}
		if msg := Overridden(c, kv.Key); msg != "" {
			mine = append(mine, Warning{Key: kv.Key, Value: kv.Value, Message: msg})
		}
	}
	return mine, nil
}

// countsOverPeople refuses a count of today's people (initial.active,
// initial.waiting) set on a scenario that gives the people themselves: the
// people are counted, and the count would be dropped without a word.
func countsOverPeople(c *Config, kvs []KeyValue) error {
	in := &c.Initial
	if len(in.People) == 0 {
		return nil
	}
	// Loading counted the people into in.Waiting and in.Active.
	for _, kv := range kvs {
		var count int
		switch kv.Key {
		case "initial.waiting":
			count = in.Waiting
		case "initial.active":
			count = in.Active
		default:
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSpace(kv.Value)); err == nil && n == count {
			continue // the people's own count
		}
		return Errors{{Key: kv.Key, Value: kv.Value, Msg: fmt.Sprintf("the scenario gives today's people one by one (%d waiting, %d on caseloads), so a count set here would be dropped: to give counts instead, also set initial.people=[]", in.Waiting, in.Active)}}
	}
	return nil
}

// droppedMapEntries says, of a profile's needs or a group's
// service_acceptance set whole (--set profiles.low.needs={...}), which of
// its entries the new map drops, as a child file's map is warned of
// (droppedEntries): one may have meant to change one need and keep the
// rest, as --set profiles.low.needs.physical_activity would. "" if none.
func droppedMapEntries(old, now *Config, key string) string {
	parts := strings.Split(key, ".")
	if len(parts) != 3 {
		return ""
	}
	var before, after map[string]float64
	switch {
	case parts[0] == "profiles" && parts[2] == "needs" && old.Profiles[parts[1]] != nil && now.Profiles[parts[1]] != nil:
		before, after = old.Profiles[parts[1]].Needs, now.Profiles[parts[1]].Needs
	case parts[0] == "groups" && parts[2] == "service_acceptance" && old.Groups[parts[1]] != nil && now.Groups[parts[1]] != nil:
		before, after = old.Groups[parts[1]].ServiceAcceptance, now.Groups[parts[1]].ServiceAcceptance
	default:
		return ""
	}
	dropped := missingKeys(before, after)
	if len(dropped) == 0 {
		return ""
	}
	msg := "replaces the whole " + parts[2] + ", so " + droppedWords(dropped)
	if given := sortedKeys(after); len(given) > 0 {
		msg += fmt.Sprintf(", or set one entry alone, as %s.%s=%s does", key, given[0], formatNumber(after[given[0]]))
	}
	return msg
}

// missingKeys are before's keys that after lacks, in order.
func missingKeys[A, B any](before map[string]A, after map[string]B) []string {
	var out []string
	for _, k := range sortedKeys(before) {
		if _, kept := after[k]; !kept {
			out = append(out, k)
		}
	}
	return out
}

// droppedWords says which entries a map given whole drops, and how to keep
// them: "social_connection, not given here, is dropped: give every entry
// …".
func droppedWords(dropped []string) string {
	verb := "are dropped"
	if len(dropped) == 1 {
		verb = "is dropped"
	}
	return strings.Join(dropped, ", ") + ", not given here, " + verb + ": give every entry to keep it (0 for one left out on purpose)"
}

// droppedSteps says, of a timeline set whole (--set timeline=[...], an
// areas file's timeline column), which of the scenario's steps it drops,
// or "": a scenario file's [[timeline]] adds to its parent's, so that a
// step dropped here may well have been meant to stay.
func droppedSteps(old, now []Change) string {
	var dropped []string
	for _, ch := range old {
		if slices.ContainsFunc(now, func(n Change) bool { return reflect.DeepEqual(n, ch) }) {
			continue
		}
		step := fmt.Sprintf("week %d", ch.Week)
		if ch.Note != "" {
			step += " (" + ch.Note + ")"
		}
		dropped = append(dropped, step)
	}
	if len(dropped) == 0 {
		return ""
	}
	what := "step at " + dropped[0] + " is"
	if len(dropped) > 1 {
		what = "steps at " + strings.Join(dropped, ", ") + " are"
	}
	return fmt.Sprintf("replaces the scenario's whole timeline, so its %s dropped (a [[timeline]] in a scenario file adds to its parent's, but a timeline set whole does not): give the steps to keep as well, or set one step's keys, such as timeline.0.week", what)
}

// setKey sets key to value in a decoded scenario document; it returns why
// it cannot, or "".
func setKey(doc map[string]any, key, value string) string {
	path := splitKey(key)
	if key == "" || len(path) == 0 {
		return "no key given"
	}
	for _, s := range path {
		if s == "" {
			return "a key path has no empty parts (write it like workforce.link_workers)"
		}
	}
	if path[0] == "extends" {
		return "extends cannot be set: it is resolved when a scenario is loaded"
	}
	raw, err := parseValue(value)
	if v := strings.TrimSpace(value); err != nil && numberCell.MatchString(v) && numericKey(path) {
		// .9, 26. and 007 are numbers, as an areas file's cells are read;
		// they were told "want a number".
		if raw, err = plainNumber(v); err != nil {
			return "a number too large to read" + keyHint(path)
		}
	}
	if b, ok := boolWord(path, value); err != nil && ok {
		raw, err = b, nil // TRUE, as a spreadsheet writes it
	}
	if err != nil {
		if why := notAValue(path, value, err); why != "" {
			return why
		}
		// Text needs no quotes on the command line; and a key that is not
		// in the format is named as such, with a suggestion, when the
		// scenario is checked.
		raw = value
	}
	return setIn(doc, path, raw)
}

// keyHint is what the key at path means, in brackets after a message, or
// "".
func keyHint(path []string) string {
	if h := hintFor(path); h != "" {
		return " (" + h + ")"
	}
	return ""
}

// numericKey reports whether the key at path takes a number (or a
// distribution, which may be one): text such as a name "007" stays text.
func numericKey(path []string) bool {
	t := typeAt(path)
	if t == nil {
		return false
	}
	k := t.Kind()
	return wholeKind(k) || k == reflect.Float32 || k == reflect.Float64 || t == reflect.TypeFor[dist.Spec]()
}

// boolWord reads value as true or false in any case (TRUE, False, as
// spreadsheets write them), if the key at path takes one.
func boolWord(path []string, value string) (bool, bool) {
	if t := typeAt(path); t == nil || t.Kind() != reflect.Bool {
		return false, false
	}
	b, ok := map[string]bool{"true": true, "false": false}[strings.ToLower(strings.TrimSpace(value))]
	return b, ok
}

// notAValue says why value, which is not TOML, cannot be the value of the
// key at path, in the terms of what the key takes, and how to write a
// number a spreadsheet formatted ("90%", "1,234"); "" if the key takes
// text (or is unknown).
func notAValue(path []string, value string, err error) string {
	t := typeAt(path)
	if t == nil {
		return ""
	}
	what := ""
	if h := hintFor(path); h != "" {
		what = " (" + h + ")"
	}
	switch t.Kind() {
	case reflect.String:
		return ""
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return joinHint("want a whole number"+what, numberHint(strings.TrimSpace(value), true))
	case reflect.Float32, reflect.Float64:
		return joinHint("want a number"+what, formattedNumberHint(strings.TrimSpace(value)))
	case reflect.Bool:
		return "want true or false" + what
	case reflect.Slice:
		return "not a TOML value (" + err.Error() + "): want a list in brackets, such as [{ week = 52, link_workers = 3 }]" + what
	}
	if t == reflect.TypeFor[dist.Spec]() {
		return "not a TOML value (" + err.Error() + `): want a number or a distribution, such as { dist = "gamma", mean = 2, sd = 1 }` + what
	}
	return "not a TOML value (" + err.Error() + "): want a table in braces" + what
}

// parseValue parses a single TOML value.
func parseValue(s string) (any, error) {
	var m map[string]any
	if _, err := toml.Decode("v = "+s, &m); err != nil {
		if pe, ok := err.(toml.ParseError); ok {
			return nil, fmt.Errorf("%s", pe.Message)
		}
		return nil, err
	}
	v, ok := m["v"]
	if !ok || len(m) != 1 {
		return nil, fmt.Errorf("expected a single value")
	}
	return v, nil
}

// typeAt returns the Go type a key path decodes into, or nil. A path with
// an empty part ("services." split) is no scenario key: no name may be
// empty.
func typeAt(path []string) reflect.Type {
	t := reflect.TypeFor[Config]()
	for _, s := range path {
		if s == "" {
			return nil
		}
		if t = targetType(t, s); t == nil {
			return nil
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// setIn sets the value at path in a decoded TOML document, creating tables
// on the way; it returns why it cannot, or "".
func setIn(doc map[string]any, path []string, v any) string {
	var cur any = doc
	for i, k := range path {
		last := i == len(path)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				c[k] = v
				return ""
			}
			next, ok := c[k]
			if t := typeAt(path[:i+1]); !ok && t != nil && t.Kind() == reflect.Slice {
				return fmt.Sprintf("%s has no entries: set it whole, as an array", keyString(path[:i+1]))
			}
			if !ok {
				next = map[string]any{}
				c[k] = next
			}
			cur = next
		case []map[string]any:
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || n >= len(c) {
				return fmt.Sprintf("%s has entries 0 to %d", keyString(path[:i]), len(c)-1)
			}
			if last {
				m, ok := v.(map[string]any)
				if !ok {
					return "a timeline entry must be a table"
				}
				c[n] = m
				return ""
			}
			cur = c[n]
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || n >= len(c) {
				return fmt.Sprintf("%s has entries 0 to %d", keyString(path[:i]), len(c)-1)
			}
			if last {
				c[n] = v
				return ""
			}
			cur = c[n]
		default:
			return fmt.Sprintf("%s is a single value, not a table: set it whole", keyString(path[:i]))
		}
	}
	return ""
}

// LoadWithSets loads a scenario, then sets the seed (when given) and each
// "KEY=VALUE" of a --set list, as the commands that search over scenarios
// do. The warnings are the scenario's and the set values', as text
// ("file:line:col: key = value: warning: ..." and "--set key = value:
// warning: ...").
func LoadWithSets(ref string, seed *uint64, sets []string) (*Config, []string, error) {
	ld, err := LoadWith(ref, Options{})
	if err != nil {
		return nil, nil, err
	}
	c := ld.Config
	var warns []string
	for _, w := range ld.Warnings {
		warns = append(warns, w.String())
	}
	if seed != nil {
		c.Run.Seed = *seed
	}
	ws, err := ApplySets(c, sets)
	if err != nil {
		return nil, nil, err
	}
	return c, append(warns, ws...), nil
}

// ApplySets sets each "KEY=VALUE" of a --set list on c, all at once:
// --set groups.a.share=0.3 --set groups.b.share=0.7 must not be refused
// for the sum between the two. It returns the warnings about the values
// set, as text ("--set key = value: warning: ..."); an error names the
// --set it is about. On error c is unchanged.
func ApplySets(c *Config, sets []string) ([]string, error) {
	kvs := make([]KeyValue, 0, len(sets))
	for _, kv := range sets {
		k, v, ok := strings.Cut(kv, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" {
			return nil, usage.Errorf("--set %q: want KEY=VALUE such as workforce.link_workers=4", kv)
		}
		if err := NoComment("--set", k, v); err != nil {
			return nil, err
		}
		// The last would win silently, as --vary and --lever given twice
		// are refused.
		if i := slices.IndexFunc(kvs, func(x KeyValue) bool { return x.Key == k }); i >= 0 {
			return nil, usage.Errorf("--set %s is given twice (%s and %s): give it once", k, kvs[i].Value, v)
		}
		kvs = append(kvs, KeyValue{k, v})
	}
	if len(kvs) == 0 {
		return nil, nil
	}
	ws, err := SetAll(c, kvs)
	if err != nil {
		return nil, fmt.Errorf("--set %s: %w", blamed(sets, kvs, err), err)
	}
	var warns []string
	for _, w := range ws {
		warns = append(warns, w.AfterOneOf("--set", kvs))
	}
	return warns, nil
}

// blamed is the --set an error is about: the one whose key it names, else
// all of them, since only together were they refused.
func blamed(sets []string, kvs []KeyValue, err error) string {
	var es Errors
	if errors.As(err, &es) && len(es) > 0 {
		for i, kv := range kvs {
			if es[0].Key == kv.Key {
				return clipValue(sets[i])
			}
		}
	}
	shown := make([]string, len(sets))
	for i, s := range sets {
		shown[i] = clipValue(s)
	}
	return strings.Join(shown, " --set ")
}
