package workbench

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/spsim/spsim/sim"
)

//go:embed levers.toml
var leversTOML string

// lever is a control on the page: a scenario key with its unit, plausible
// range and the source of its default.
type lever struct {
	Group   string   `toml:"group" json:"group"`
	Key     string   `toml:"key" json:"key"`
	Label   string   `toml:"label" json:"label"`
	Unit    string   `toml:"unit" json:"unit"`
	Kind    string   `toml:"kind" json:"kind"` // "number" (the default), "choice" or "bool"
	Min     float64  `toml:"min" json:"min"`
	Max     float64  `toml:"max" json:"max"`
	Step    float64  `toml:"step" json:"step"`
	Choices []string `toml:"choices" json:"choices,omitempty"`
	Note    string   `toml:"note" json:"note"`
	Default *float64 `toml:"default" json:"-"`
	Value   any      `toml:"-" json:"value"`
}

// leverSpecs are the levers of levers.toml.
var leverSpecs = func() []lever {
	var f struct {
		Lever []lever `toml:"lever"`
	}
	md, err := toml.Decode(leversTOML, &f)
	if err != nil {
		panic("workbench: levers.toml: " + err.Error())
	}
	if u := md.Undecoded(); len(u) > 0 {
		panic(fmt.Sprintf("workbench: levers.toml: unknown keys %v", u))
	}
	for i := range f.Lever {
		if f.Lever[i].Kind == "" {
			f.Lever[i].Kind = "number"
		}
	}
	return f.Lever
}()

// levers are the controls for cfg with its current values. doc is cfg
// encoded and decoded as a TOML document, which holds every key by the
// same path a lever names.
func levers(cfg *sim.Config, doc map[string]any) []lever {
	var out []lever
	for _, l := range leverSpecs {
		if l.Key == cliffKey {
			l.Value = 0
			if _, c := cliff(cfg); c != nil {
				l.Value = c.Week
			}
			l.Max = float64(cfg.Run.HorizonWeeks - 1)
			out = append(out, l)
			continue
		}
		if !strings.Contains(l.Key, "*") {
			if v, ok := lookup(doc, l.Key); ok {
				l.Value = v
				out = append(out, l)
			} else if l.Default != nil {
				l.Value = *l.Default
				out = append(out, l)
			}
			continue
		}
		for _, name := range sortedKeys(cfg.Services) {
			e := l
			e.Key = strings.Replace(l.Key, "*", name, 1)
			e.Label = words(name) + ": " + l.Label
			if v, ok := lookup(doc, e.Key); ok {
				e.Value = v
				e.Max = max(e.Max, numberOf(v)*2)
				out = append(out, e)
			}
		}
	}
	return out
}

// lookup finds a key path such as "support.short_term.max_weeks" in a
// decoded TOML document; a distribution or table is not a lever's value.
func lookup(doc map[string]any, key string) (any, bool) {
	var cur any = doc
	for _, k := range strings.Split(key, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[k]; !ok {
			return nil, false
		}
	}
	switch v := cur.(type) {
	case int64:
		return float64(v), true
	case float64, bool, string:
		return v, true
	}
	return nil, false
}

func numberOf(v any) float64 {
	f, _ := v.(float64)
	return f
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// words turns a snake_case name into words: "wellbeing_groups" is
// "Wellbeing groups".
func words(name string) string {
	s := strings.ReplaceAll(name, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
