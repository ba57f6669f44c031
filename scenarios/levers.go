package scenarios

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

//go:embed words/levers.toml
var leversTOML string

// Lever is a scenario key that people commonly set or vary, in words: its
// label and unit, the range a PCN plausibly sets, and where its default
// comes from. The workbench shows the levers as controls, and the
// decision tools' answers name keys by their labels.
type Lever struct {
	Group   string   `toml:"group" json:"group"`
	Key     string   `toml:"key" json:"key"` // a * stands for every community service
	Label   string   `toml:"label" json:"label"`
	Unit    string   `toml:"unit" json:"unit"`
	Kind    string   `toml:"kind" json:"kind"` // LeverNumber (the default), LeverChoice, LeverBool or LeverInput
	Min     float64  `toml:"min" json:"min"`
	Max     float64  `toml:"max" json:"max"`
	Step    float64  `toml:"step" json:"step"`
	Choices []string `toml:"choices" json:"choices,omitempty"`
	Note    string   `toml:"note" json:"note"`
	Default *float64 `toml:"default" json:"-"`
	// Screen, for a control, is the range the screening ("What matters")
	// starts from when it varies the key; an input's is Min to Max.
	Screen []float64 `toml:"screen" json:"-"`
}

// The kinds of lever.
const (
	LeverNumber = "number"
	LeverChoice = "choice"
	LeverBool   = "bool"
	// LeverInput is an uncertain input that the screening varies, named in
	// words but not shown as a control.
	LeverInput = "input"
)

// levers are read on first use, not at start: most commands name no key.
var levers = sync.OnceValue(func() []Lever {
	var f struct {
		Lever []Lever `toml:"lever"`
	}
	md, err := toml.Decode(leversTOML, &f)
	if err != nil {
		panic("scenarios: levers.toml: " + err.Error())
	}
	if u := md.Undecoded(); len(u) > 0 {
		panic(fmt.Sprintf("scenarios: levers.toml: unknown keys %v", u))
	}
	for i := range f.Lever {
		if f.Lever[i].Kind == "" {
			f.Lever[i].Kind = LeverNumber
		}
	}
	return f.Lever
})

// Levers are the levers of levers.toml, in its order.
func Levers() []Lever { return slices.Clone(levers()) }

// ScreenInput is a key the screening can vary, in words, with the range
// it starts from.
type ScreenInput struct {
	Key   string  `json:"key"`
	Label string  `json:"label"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
	// Uncertain marks a model input (kind "input"), not a control.
	Uncertain bool `json:"-"`
}

// ScreenInputs are the keys the screening can vary: the uncertain inputs
// (kind "input", over Min to Max) and the controls with a screen range,
// in levers.toml's order. The command line's default screening takes the
// inputs; the workbench offers all of them.
func ScreenInputs() []ScreenInput {
	var out []ScreenInput
	for _, l := range levers() {
		switch {
		case l.Kind == LeverInput:
			out = append(out, ScreenInput{Key: l.Key, Label: l.Label, Lo: l.Min, Hi: l.Max, Uncertain: true})
		case len(l.Screen) == 2:
			out = append(out, ScreenInput{Key: l.Key, Label: l.Label, Lo: l.Screen[0], Hi: l.Screen[1]})
		}
	}
	return out
}

// KeyLabel is a scenario key in words: "Link-worker posts" for
// workforce.link_workers, "Wellbeing groups: places" for
// services.wellbeing_groups.places; "" for a key without words.
func KeyLabel(key string) string {
	for _, l := range levers() {
		if l.Key == key {
			return l.Label
		}
		if before, after, ok := strings.Cut(l.Key, "*"); ok && strings.HasPrefix(key, before) && strings.HasSuffix(key, after) {
			if name := key[len(before) : len(key)-len(after)]; name != "" && !strings.Contains(name, ".") {
				return Words(name) + ": " + l.Label
			}
		}
	}
	return ""
}

// Words turns a snake_case name into words: "wellbeing_groups" is
// "Wellbeing groups".
func Words(name string) string {
	s := strings.ReplaceAll(name, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
