package schema

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/spsim/spsim/internal/tomlnum"
)

// Validate checks a decoded TOML or JSON document against a schema of the
// subset this package writes (type, properties, additionalProperties,
// items, enum, minimum, maximum, required, oneOf and $ref to $defs), and
// returns every violation with its key path.
func Validate(root Schema, doc any) []error {
	v := validator{root: root}
	v.check(root, doc, "")
	return v.errs
}

type validator struct {
	root Schema
	errs []error
}

func (v *validator) fail(path, format string, a ...any) {
	if path == "" {
		path = "(top level)"
	}
	v.errs = append(v.errs, fmt.Errorf("%s: %s", path, fmt.Sprintf(format, a...)))
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (v *validator) check(s Schema, x any, path string) {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		def, _ := v.root["$defs"].(Schema)[name].(Schema)
		v.check(def, x, path)
		return
	}
	if alts, ok := s["oneOf"].([]any); ok {
		v.oneOf(alts, x, path)
		return
	}
	if t, ok := s["type"].(string); ok && !hasType(t, x) {
		v.fail(path, "is %s, want %s", kind(x), t)
		return
	}
	v.allowed(s, x, path)
	switch x := x.(type) {
	case map[string]any:
		v.object(s, x, path)
	case []any:
		if items, ok := s["items"].(Schema); ok {
			for i, e := range x {
				v.check(items, e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	case []map[string]any: // an array of tables, as the TOML decoder gives it
		if items, ok := s["items"].(Schema); ok {
			for i, e := range x {
				v.check(items, e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
}

// oneOf checks that x matches exactly one of the alternatives.
func (v *validator) oneOf(alts []any, x any, path string) {
	n := 0
	for _, a := range alts {
		sub := validator{root: v.root}
		sub.check(a.(Schema), x, path)
		if len(sub.errs) == 0 {
			n++
		}
	}
	if n != 1 {
		v.fail(path, "matches %d of the %d allowed forms, want exactly 1", n, len(alts))
	}
}

// allowed checks a value against its schema's enum, minimum and maximum.
func (v *validator) allowed(s Schema, x any, path string) {
	if allowed, ok := s["enum"].([]string); ok {
		if str, _ := x.(string); !slices.Contains(allowed, str) {
			v.fail(path, "is %v, want one of %s", x, strings.Join(allowed, ", "))
		}
	}
	if f, ok := tomlnum.Value(x); ok {
		if lo, ok := s["minimum"].(float64); ok && f < lo {
			v.fail(path, "is %v, below the minimum %v", x, lo)
		}
		if hi, ok := s["maximum"].(float64); ok && f > hi {
			v.fail(path, "is %v, above the maximum %v", x, hi)
		}
	}
}

func (v *validator) object(s Schema, x map[string]any, path string) {
	props, _ := s["properties"].(Schema)
	keys := make([]string, 0, len(x))
	for k := range x {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if p, ok := props[k].(Schema); ok {
			v.check(p, x[k], join(path, k))
			continue
		}
		switch extra := s["additionalProperties"].(type) {
		case bool:
			if !extra {
				v.fail(join(path, k), "is not a key of this table")
			}
		case Schema:
			v.check(extra, x[k], join(path, k))
		}
	}
	if req, ok := s["required"].([]string); ok {
		for _, k := range req {
			if _, ok := x[k]; !ok {
				v.fail(path, "lacks the required key %s", k)
			}
		}
	}
}

func hasType(t string, x any) bool {
	switch t {
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		switch x.(type) {
		case []any, []map[string]any:
			return true
		}
		return false
	case "string":
		_, ok := x.(string)
		return ok
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "integer":
		switch n := x.(type) {
		case int64, int:
			return true
		case float64:
			return n == math.Trunc(n) && !math.IsInf(n, 0)
		}
		return false
	case "number":
		_, ok := tomlnum.Value(x)
		return ok
	}
	return true
}

func kind(x any) string {
	switch x.(type) {
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	case string:
		return "text"
	case bool:
		return "true or false"
	case int64, int:
		return "a whole number"
	case float64:
		return "a number"
	}
	return fmt.Sprintf("%T", x)
}
