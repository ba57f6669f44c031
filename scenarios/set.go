package scenarios

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
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
	fail := func(msg string) ([]Warning, error) { return nil, Errors{{Key: key, Value: value, Msg: msg}} }
	path := splitKey(key)
	if key == "" || len(path) == 0 {
		return fail("no key given")
	}
	for _, s := range path {
		if s == "" {
			return fail("a key path has no empty parts (write it like workforce.link_workers)")
		}
	}
	switch {
	case c == nil:
		return fail("no scenario to change (nil Config)")
	case path[0] == "extends":
		return fail("extends cannot be set: it is resolved when a scenario is loaded")
	}
	var doc map[string]any
	var buf bytes.Buffer
	if err := Encode(&buf, c); err != nil {
		return nil, err
	}
	if _, err := toml.Decode(buf.String(), &doc); err != nil {
		return nil, fmt.Errorf("setting %s: re-reading the scenario: %w", key, err)
	}
	raw, err := parseValue(value)
	if err != nil {
		if t := typeAt(path); t == nil || t.Kind() != reflect.String {
			return fail("not a TOML value (" + err.Error() + `); write text in quotes, e.g. "fcfs"`)
		}
		raw = value
	}
	if msg := setIn(doc, path, raw); msg != "" {
		return fail(msg)
	}
	nc, warns, err := buildWarn(doc, provenance{}, "")
	if err != nil {
		return nil, err
	}
	nc.Extends = c.Extends
	*c = *nc
	var mine []Warning
	for _, w := range warns {
		if w.Key == key || strings.HasPrefix(w.Key, key+".") {
			mine = append(mine, w)
		}
	}
	return mine, nil
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

// typeAt returns the Go type a key path decodes into, or nil.
func typeAt(path []string) reflect.Type {
	t := reflect.TypeFor[Config]()
	for _, s := range path {
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
	for _, kv := range sets {
		k, v, _ := strings.Cut(kv, "=")
		ws, err := SetWarn(c, strings.TrimSpace(k), strings.TrimSpace(v))
		if err != nil {
			return nil, nil, fmt.Errorf("--set %s: %w", kv, err)
		}
		for _, w := range ws {
			warns = append(warns, "--set "+w.String())
		}
	}
	return c, warns, nil
}
