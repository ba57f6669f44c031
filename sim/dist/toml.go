package dist

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spsim/spsim/internal/tomlnum"
)

// UnmarshalTOML implements toml.Unmarshaler. It accepts a bare number
// (TOML integer or float), meaning a constant, or a table with the keys
// dist, value, mean, sd, min, mode, max, shape, scale, values and weights,
// as in { dist = "lognormal", mean = 3, sd = 1.5 }.
//
// It checks only keys and types; [Spec.Duration] and [Spec.Count] check the
// values. An unknown key is reported with the nearest known one.
func (s *Spec) UnmarshalTOML(v any) error {
	*s = Spec{} // a table replaces any default, it does not merge with it
	switch v := v.(type) {
	case int64:
		*s = Constant(float64(v))
		return nil
	case float64:
		*s = Constant(v)
		return nil
	case map[string]any:
		return s.fromTable(v)
	}
	return fmt.Errorf(`a distribution must be a number or a table such as { dist = "lognormal", mean = 3, sd = 1.5 }, got %s`, describeTOML(v))
}

func (s *Spec) fromTable(t map[string]any) error {
	// Sorted keys make the error, when there are several problems, always
	// the same one.
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := t[k]
		switch {
		case k == "dist":
			name, ok := v.(string)
			if !ok {
				return fmt.Errorf(`key "dist" must be a string such as "lognormal", got %s`, describeTOML(v))
			}
			s.Dist = name
		case s.scalar(k) != nil:
			x, ok := tomlnum.Value(v)
			if !ok {
				return fmt.Errorf("key %q must be a number, got %s", k, describeTOML(v))
			}
			*s.scalar(k) = &x
		case s.list(k) != nil:
			arr, ok := v.([]any)
			if !ok {
				return fmt.Errorf("key %q must be an array of numbers such as [1, 2, 3], got %s", k, describeTOML(v))
			}
			list := make([]float64, len(arr))
			for i, e := range arr {
				x, ok := tomlnum.Value(e)
				if !ok {
					return fmt.Errorf("key %q must be an array of numbers, got %s at position %d", k, describeTOML(e), i+1)
				}
				list[i] = x
			}
			*s.list(k) = list
		default:
			return fmt.Errorf("unknown key %q in a distribution%s; allowed keys: %s", k, didYouMean(k, tableKeys), strings.Join(tableKeys, ", "))
		}
	}
	return nil
}

// describeTOML names the TOML type of a decoded value, with the value when
// it is short, for errors such as `got string "3"`.
func describeTOML(v any) string {
	switch v := v.(type) {
	case string:
		if len(v) > 40 {
			v = v[:40] + "..."
		}
		return fmt.Sprintf("string %q", v)
	case bool:
		return fmt.Sprintf("boolean %v", v)
	case int64:
		return fmt.Sprintf("integer %d", v)
	case float64:
		return "float " + formatNumber(v)
	case []any:
		return "an array"
	case []map[string]any:
		return "an array of tables"
	case map[string]any:
		return "a table"
	case nil:
		return "nothing"
	}
	return "a date or time"
}

// MarshalTOML implements toml.Marshaler. A constant is written as a bare
// number, anything else as an inline table such as
// { dist = "lognormal", mean = 3.0, sd = 1.5 }, which UnmarshalTOML reads
// back to an equal Spec.
//
// The BurntSushi/toml encoder writes these bytes verbatim after "key = ",
// for fields, map entries and array elements alike, so they must be one
// complete TOML value.
func (s Spec) MarshalTOML() ([]byte, error) {
	keys := s.setKeys()
	if s.Dist == "constant" && len(keys) == 1 && keys[0] == "value" {
		return []byte(tomlnum.Float(*s.Value)), nil
	}
	var b strings.Builder
	b.WriteByte('{')
	lead := " "
	if s.Dist != "" {
		b.WriteString(" dist = ")
		b.WriteString(tomlString(s.Dist))
		lead = ", "
	}
	s.writeParams(&b, lead, " = ", tomlnum.Float)
	if s.Dist != "" || len(keys) > 0 {
		b.WriteByte(' ')
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// tomlString quotes s as a TOML basic string. TOML allows fewer escapes
// than Go, so control characters are written as \u escapes with four hex digits; invalid UTF-8,
// which TOML cannot hold, becomes U+FFFD as range decodes it.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
