package schema

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/dist"
)

// ID is the schema's identifier.
const ID = "https://github.com/spsim/spsim/schema/scenario.schema.json"

// Families are the distribution families a scenario may name, durations
// and counts together.
var Families = []string{"constant", "exponential", "uniform", "triangular", "gamma", "lognormal", "weibull",
	"empirical", "poisson", "geometric", "negative_binomial"}

// choices are the keys whose value is one of a fixed list: the typed
// configuration's lists, so the schema and the loader agree.
var choices = map[string][]string{
	"workforce.allocation": names(scenarios.Allocations),
	"workforce.handover":   names(scenarios.Handovers),
	"support.model":        names(scenarios.SupportModels),
	"services.*.when_full": names(scenarios.WhenFullRules),
}

func names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// Schema is a JSON Schema (draft 2020-12) document, or one of its parts.
type Schema = map[string]any

// Scenario returns the JSON Schema of a scenario file.
func Scenario() Schema {
	s := object(reflect.TypeFor[scenarios.Config](), nil)
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = ID
	s["title"] = "spsim scenario"
	s["description"] = "A scenario for spsim, the social prescribing capacity simulator. Most scenarios start with extends = \"baseline\" and change a few keys. Times are in weeks, money in pounds. See docs/model.md for what each part means and where its defaults come from."
	s["$defs"] = Schema{"distribution": distribution()}
	// An instruction to the loader rather than a parameter, so the
	// Config has no field for it.
	s["properties"].(Schema)["timeline_replace"] = Schema{
		"type":        "boolean",
		"description": "In a scenario that extends another: true makes this file's [[timeline]] replace the timeline of the scenario it extends (with none of its own, the scenario then has none). By default its steps are added to the parent's.",
	}
	return s
}

// Write writes the schema as indented JSON.
func Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(Scenario())
}

// object is the schema of a struct type: its keys, each with its own
// schema, and no others (the loader refuses unknown keys).
func object(t reflect.Type, path []string) Schema {
	props := Schema{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = value(f.Type, append(append([]string(nil), path...), name))
	}
	s := Schema{"type": "object", "properties": props, "additionalProperties": false}
	// Every key may be left out of a scenario that extends another;
	// "extends" and the checks in `spsim validate` do the rest.
	return s
}

// value is the schema of a key of type t at path.
func value(t reflect.Type, path []string) Schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	key := strings.Join(path, ".")
	s := typeSchema(t, path)
	if allowed, ok := choices[key]; ok {
		s["enum"] = allowed
	}
	d := describe(key)
	if s["type"] == "integer" || s["type"] == "number" {
		d = limits(s, key, d)
	}
	if d != "" {
		s["description"] = d
	}
	return s
}

// typeSchema is the JSON Schema type of a Go type.
func typeSchema(t reflect.Type, path []string) Schema {
	switch {
	case t == reflect.TypeFor[dist.Spec]():
		return Schema{"$ref": "#/$defs/distribution"}
	case t == reflect.TypeFor[scenarios.Value]():
		return Schema{} // any TOML value: a key path's value, checked by the loader
	}
	switch t.Kind() {
	case reflect.Struct:
		return object(t, path)
	case reflect.Map:
		return Schema{"type": "object", "additionalProperties": value(t.Elem(), append(path, "*"))}
	case reflect.Slice:
		return Schema{"type": "array", "items": value(t.Elem(), append(path, "*"))}
	case reflect.Bool:
		return Schema{"type": "boolean"}
	case reflect.String:
		return Schema{"type": "string"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return Schema{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return Schema{"type": "number"}
	}
	return Schema{}
}

// limits sets a number's minimum and maximum from the loader's hard limits
// and returns its description d with the typical range the loader warns
// outside.
func limits(s Schema, key, d string) string {
	lo, hi, tlo, thi, ok := scenarios.Range(key)
	if !ok {
		if lo, hi := bounds(key); lo != nil || hi != nil {
			if lo != nil {
				s["minimum"] = *lo
			}
			if hi != nil {
				s["maximum"] = *hi
			}
		}
		return d
	}
	if !math.IsInf(lo, -1) && lo > -math.MaxFloat64 {
		s["minimum"] = lo
	}
	if !math.IsInf(hi, 1) && hi < math.MaxFloat64 && !(s["type"] == "integer" && hi >= 1<<53) {
		s["maximum"] = hi
	}
	if tlo != lo || thi != hi {
		d = strings.TrimSuffix(d, ".") + fmt.Sprintf(". spsim validate warns outside %g to %g.", tlo, thi)
		d = strings.TrimPrefix(d, ". ")
	}
	return d
}

// describe is a key's description: the loader's hint and its unit.
func describe(key string) string {
	d := scenarios.Describe(key)
	if u := unit(key); u != "" && !strings.Contains(d, u) {
		if d != "" {
			d += ". "
		}
		d += "Unit: " + u + "."
	}
	return d
}

// unit is the unit a key's name implies.
func unit(key string) string {
	last := key[strings.LastIndex(key, ".")+1:]
	switch {
	case strings.HasSuffix(last, "_weeks"), last == "week":
		return "weeks"
	case strings.HasSuffix(last, "_minutes"):
		return "minutes"
	case strings.HasSuffix(last, "_per_week") && strings.Contains(last, "hours"):
		return "hours a week"
	case strings.HasPrefix(last, "salary") || strings.HasPrefix(last, "funding") || strings.HasPrefix(last, "grant") ||
		strings.HasSuffix(last, "_cost") || strings.HasPrefix(last, "cost_"):
		if strings.HasSuffix(last, "_year") {
			return "pounds a year"
		}
		return "pounds"
	case strings.HasSuffix(last, "_value"):
		return "pounds"
	case strings.HasSuffix(last, "_share") || strings.HasSuffix(last, "_probability") || strings.HasSuffix(last, "_size") ||
		strings.HasSuffix(last, "_reduction"), strings.Contains(key, "profile_mix.") || strings.Contains(key, "needs."):
		return "a share, 0 to 1"
	case strings.HasSuffix(last, "_per_year"):
		return "a year"
	}
	return ""
}

// bounds are a numeric key's limits where the loader's table of ranges
// has none: shares 0 to 1, most quantities 0 or more.
func bounds(key string) (lo, hi *float64) {
	f := func(v float64) *float64 { return &v }
	last := key[strings.LastIndex(key, ".")+1:]
	switch {
	case unit(key) == "a share, 0 to 1" && !strings.HasSuffix(last, "on_cost_share"):
		return f(0), f(1)
	case last == "annual_growth":
		return f(-1), nil
	case last == "priority":
		return nil, nil
	case last == "seasonal_peak_week":
		return f(0), f(52)
	}
	return f(0), nil
}

// distribution is the schema of a distribution: a number (a constant) or
// a table naming its family and the parameters people think in.
func distribution() Schema {
	num := Schema{"type": "number"}
	nums := Schema{"type": "array", "items": num}
	return Schema{
		"description": "A number (a constant), or a distribution by the parameters people think in, e.g. { dist = \"gamma\", mean = 13.0, sd = 4.0 }.",
		"oneOf": []any{
			Schema{"type": "number", "minimum": 0.0},
			Schema{"type": "object", "additionalProperties": false, "required": []string{"dist"},
				"properties": Schema{
					"dist":  Schema{"type": "string", "enum": Families, "description": "the family: durations are constant, exponential, uniform, triangular, gamma, lognormal, weibull, empirical; counts are constant, poisson, geometric, negative_binomial, empirical"},
					"value": num, "mean": num, "sd": num, "min": num, "max": num, "mode": num, "shape": num, "scale": num,
					"values": nums, "weights": nums,
				}},
		},
	}
}
