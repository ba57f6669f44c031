package sensitivity

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/scenarios"
)

// Input is an uncertain scenario value and its range.
type Input struct {
	Key     string
	Lo, Hi  float64
	Integer bool // the key takes whole numbers: values are rounded
}

// At is the input's value at u in [0, 1], as the scenario file writes it.
func (in Input) At(u float64) string {
	x := in.Lo + u*(in.Hi-in.Lo)
	if in.Integer {
		return strconv.Itoa(int(math.Round(x)))
	}
	return strconv.FormatFloat(x, 'g', 6, 64)
}

// Unit is the input's value at u, as At gives it to the scenario, back on
// the unit scale: u itself, unless a whole number rounds it.
func (in Input) Unit(u float64) float64 {
	if !in.Integer {
		return u
	}
	return (math.Round(in.Lo+u*(in.Hi-in.Lo)) - in.Lo) / (in.Hi - in.Lo)
}

// ParseInput reads KEY=LO..HI.
func ParseInput(s string) (Input, error) {
	key, spec, ok := strings.Cut(s, "=")
	lo, hi, ok2 := strings.Cut(spec, "..")
	a, err1 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
	b, err2 := strconv.ParseFloat(strings.TrimSpace(hi), 64)
	if !ok || !ok2 || err1 != nil || err2 != nil || strings.TrimSpace(key) == "" || !(a < b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return Input{}, usage.Errorf("--vary %q: want KEY=LO..HI with LO < HI, such as workforce.leaving_hazard_per_year=0.1..0.3", s)
	}
	key = strings.TrimSpace(key)
	if err := scenarios.CommonRunKey("--vary", key); err != nil {
		return Input{}, err
	}
	if strings.HasPrefix(key, "run.") {
		return Input{}, usage.Errorf("--vary %s: a run setting (its length, warm-up, seed), not an uncertain input of the model: the screen would rank how the run is measured among what drives the service", key)
	}
	return Input{Key: key, Lo: a, Hi: b}, nil
}

// UncertainInputs are what an analysis varies when it is given no --vary:
// the vocabulary's uncertain inputs (scenarios/words/levers.toml, kind
// "input"), each over its plausible range, as KEY=LO..HI.
func UncertainInputs() []string {
	var out []string
	for _, in := range scenarios.ScreenInputs() {
		if in.Uncertain {
			out = append(out, fmt.Sprintf("%s=%s..%s", in.Key, strconv.FormatFloat(in.Lo, 'g', -1, 64), strconv.FormatFloat(in.Hi, 'g', -1, 64)))
		}
	}
	return out
}

// inputs parses the varied inputs; a key that refuses 0.5 takes whole
// numbers.
func inputs(spec Spec) ([]Input, error) {
	var out []Input
	for _, s := range spec.Vary {
		in, err := ParseInput(s)
		if err != nil {
			return nil, err
		}
		for _, prev := range out {
			if prev.Key == in.Key {
				return nil, usage.Errorf("--vary %s given twice: give it one range", in.Key)
			}
		}
		if err := scenarios.SetAndVaried(spec.Sets, "--vary", []string{in.Key}); err != nil {
			return nil, err
		}
		probe, _ := load(spec)
		if err := scenarios.Unreached(probe, "--vary", in.Key); err != nil {
			return nil, err
		}
		// A key that takes whole numbers refuses 0.5 as a type; one that
		// refuses it as a value (a share that must sum with others) is
		// checked at the range's own ends, in the user's values.
		if err := scenarios.Set(probe, in.Key, "0.5"); err != nil {
			if !strings.Contains(err.Error(), "expected a whole number") {
				if err2 := scenarios.Set(probe, in.Key, in.At(0)); err2 != nil {
					return nil, fmt.Errorf("--vary %s: %w", s, err2)
				}
			} else if err2 := scenarios.Set(probe, in.Key, strconv.Itoa(int(math.Round(in.Lo)))); err2 != nil {
				return nil, fmt.Errorf("--vary %s: %w", s, err2)
			} else {
				in.Integer = true
			}
		}
		out = append(out, in)
	}
	return out, nil
}
