package scenarios

import (
	"reflect"
	"strings"
)

// RepeatedValue returns the first of values that is the same value as one
// before it, as the scenario would read them: 3 and 3.0, fcfs and "fcfs"
// (text needs no quotes on the command line), or a distribution with its
// keys in another order. A sweep's or a plan's two points of one value
// would be the same point twice, labelled as two.
func RepeatedValue(values []string) (string, bool) {
	seen := make([]any, 0, len(values))
	for _, v := range values {
		x := canonicalValue(v)
		for _, y := range seen {
			if reflect.DeepEqual(x, y) {
				return v, true
			}
		}
		seen = append(seen, x)
	}
	return "", false
}

// canonicalValue is a value as Set reads it, its numbers as float64 (-0
// as 0): text that is not TOML is the text itself.
func canonicalValue(s string) any {
	s = strings.TrimSpace(s)
	v, err := parseValue(s)
	if err != nil {
		return s
	}
	return canonicalNumbers(v)
}

func canonicalNumbers(v any) any {
	switch x := v.(type) {
	case int64:
		return canonicalNumbers(float64(x))
	case float64:
		if x == 0 {
			return 0.0
		}
		return x
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = canonicalNumbers(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = canonicalNumbers(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = canonicalNumbers(e)
		}
		return out
	}
	return v
}
