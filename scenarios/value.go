package scenarios

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Value is a TOML value kept as decoded (a number, text, boolean, array or
// table), for an area's overrides, which may set a key of any type. The
// loader checks it against the key it sets.
type Value struct{ V any }

// UnmarshalTOML keeps the decoded value.
func (v *Value) UnmarshalTOML(raw any) error {
	v.V = raw
	return nil
}

// MarshalTOML writes the value as inline TOML.
func (v Value) MarshalTOML() ([]byte, error) {
	s, err := inlineTOML(v.V)
	return []byte(s), err
}

// String is the value as inline TOML.
func (v Value) String() string {
	s, _ := inlineTOML(v.V)
	return s
}

func inlineTOML(x any) (string, error) {
	switch x := x.(type) {
	case string:
		return strconv.Quote(x), nil
	case bool:
		return strconv.FormatBool(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case int:
		return strconv.Itoa(x), nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return strings.Replace(strconv.FormatFloat(x, 'g', -1, 64), "Inf", "inf", 1), nil
		}
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s, nil
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			p, err := inlineTOML(e)
			if err != nil {
				return "", err
			}
			parts[i] = p
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			p, err := inlineTOML(x[k])
			if err != nil {
				return "", err
			}
			parts[i] = strconv.Quote(k) + " = " + p
		}
		return "{ " + strings.Join(parts, ", ") + " }", nil
	}
	return "", fmt.Errorf("cannot write %v (%T) as TOML", x, x)
}
