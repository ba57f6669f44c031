package dist

import (
	"fmt"
	"math"
	"strings"
)

// Spec is a distribution as a user writes it in a scenario: a family name and
// the parameters people think in (mean and sd, not mu and sigma). In TOML it
// is either a bare number, meaning a constant, or an inline table such as
// { dist = "lognormal", mean = 3, sd = 1.5 }. Unset parameters are nil so
// that a parameter that does not belong to the family can be reported.
//
// A Spec is only a description; [Spec.Duration] and [Spec.Count] check it
// and build a sampler. The zero Spec names no distribution and is invalid.
type Spec struct {
	Dist    string    `toml:"dist"`
	Value   *float64  `toml:"value"`
	Mean    *float64  `toml:"mean"`
	SD      *float64  `toml:"sd"`
	Min     *float64  `toml:"min"`
	Max     *float64  `toml:"max"`
	Mode    *float64  `toml:"mode"`
	Shape   *float64  `toml:"shape"`
	Scale   *float64  `toml:"scale"`
	Values  []float64 `toml:"values"`
	Weights []float64 `toml:"weights"`
}

// Constant returns the Spec of a distribution that is always v.
func Constant(v float64) Spec {
	return Spec{Dist: "constant", Value: &v}
}

// paramKeys are the parameter keys in the order String and MarshalTOML write
// them. The order suits every family: mean before sd, min, mode, max.
var paramKeys = []string{"value", "mean", "sd", "min", "mode", "max", "shape", "scale", "values", "weights"}

// tableKeys are all the keys a TOML table or the text form may use.
var tableKeys = append([]string{"dist"}, paramKeys...)

// scalar returns the field holding the one-number parameter key, or nil if
// key is not such a parameter.
func (s *Spec) scalar(key string) **float64 {
	switch key {
	case "value":
		return &s.Value
	case "mean":
		return &s.Mean
	case "sd":
		return &s.SD
	case "min":
		return &s.Min
	case "mode":
		return &s.Mode
	case "max":
		return &s.Max
	case "shape":
		return &s.Shape
	case "scale":
		return &s.Scale
	}
	return nil
}

// list returns the field holding the list parameter key, or nil if key is
// not such a parameter.
func (s *Spec) list(key string) *[]float64 {
	switch key {
	case "values":
		return &s.Values
	case "weights":
		return &s.Weights
	}
	return nil
}

// isSet reports whether parameter key is given. An empty but non-nil list
// counts as given, so that values = [] is reported as empty, not missing.
func (s *Spec) isSet(key string) bool {
	if p := s.scalar(key); p != nil {
		return *p != nil
	}
	if l := s.list(key); l != nil {
		return *l != nil
	}
	return false
}

// setKeys returns the parameters given, in paramKeys order.
func (s *Spec) setKeys() []string {
	var keys []string
	for _, k := range paramKeys {
		if s.isSet(k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// family is one distribution family for a kind of quantity T (Duration or
// Count): the parameters it requires, the one it may take (weights), and how
// to build it once the parameters are known to be present and finite.
type family[T any] struct {
	name     string
	required []string
	optional string
	build    func(Spec) (T, error)
}

// takes describes the family's parameters for error messages.
func (f family[T]) takes() string {
	s := joinWords(f.required, "and")
	if f.optional != "" {
		s += " and optionally " + f.optional
	}
	return s
}

func (f family[T]) accepts(key string) bool {
	return f.optional == key || contains(f.required, key)
}

// Duration checks s as a distribution of durations (non-negative reals) and
// returns a sampler for it. The families are constant (value), exponential
// (mean), uniform (min, max), triangular (min, mode, max), gamma (mean, sd),
// lognormal (mean, sd of the duration itself), weibull (shape, scale) and
// empirical (values, optional weights).
//
// The error says what is wrong and what is allowed; it does not say where
// in the scenario the Spec came from, which the caller adds.
func (s Spec) Duration() (Duration, error) {
	return build(s, "duration", durationFamilies, countFamilies)
}

// Count checks s as a distribution of counts (non-negative integers) and
// returns a sampler for it. The families are constant (value, a whole
// number), poisson (mean), geometric (mean; failures before the first
// success), negative_binomial (mean, sd with sd² > mean) and empirical
// (whole-number values, optional weights). Means, sds and values may be at
// most 1e9; poisson and geometric accept mean 0, which always gives 0.
func (s Spec) Count() (Count, error) {
	return build(s, "count", countFamilies, durationFamilies)
}

type moments interface {
	Mean() float64
	Variance() float64
}

// build finds the family of s among fams, checks that exactly its
// parameters are given and finite, and builds it. others are the families
// of the other kind, named in the error when s.Dist belongs there.
func build[T moments, U any](s Spec, kind string, fams []family[T], others []family[U]) (T, error) {
	var zero T
	names := make([]string, len(fams))
	for i, f := range fams {
		names[i] = f.name
	}
	allowed := strings.Join(names, ", ")
	if s.Dist == "" {
		return zero, fmt.Errorf("no distribution given for a %s: set dist to one of %s, or give a bare number for a constant", kind, allowed)
	}
	i := indexFamily(fams, s.Dist)
	if i < 0 {
		if indexFamily(others, s.Dist) >= 0 {
			return zero, fmt.Errorf("%q is a distribution for a %s, not a %s; allowed for a %s: %s", s.Dist, otherKind(kind), kind, kind, allowed)
		}
		return zero, fmt.Errorf("unknown distribution %q for a %s%s; allowed: %s", s.Dist, kind, didYouMean(s.Dist, names), allowed)
	}
	f := fams[i]
	var extra, missing []string
	for _, k := range s.setKeys() {
		if !f.accepts(k) {
			extra = append(extra, k)
		}
	}
	if len(extra) > 0 {
		return zero, fmt.Errorf("%s takes %s, not %s", f.name, f.takes(), joinWords(extra, "or"))
	}
	for _, k := range f.required {
		if !s.isSet(k) {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return zero, fmt.Errorf("%s is missing %s (it takes %s)", f.name, joinWords(missing, "and"), f.takes())
	}
	if k, v, ok := firstNonFinite(&s); ok {
		return zero, fmt.Errorf("%s needs finite numbers, got %s = %s", f.name, k, formatNumber(v))
	}
	d, err := f.build(s)
	if err != nil {
		return zero, err
	}
	// A last guard for parameters each fine on its own but extreme together,
	// such as weibull(shape=0.001, scale=1), whose mean overflows.
	if m, v := d.Mean(), d.Variance(); math.IsNaN(m) || math.IsInf(m, 0) || math.IsNaN(v) || math.IsInf(v, 0) {
		return zero, fmt.Errorf("%v is too extreme to simulate: its mean or variance is not a finite number", s)
	}
	return d, nil
}

func indexFamily[T any](fams []family[T], name string) int {
	for i, f := range fams {
		if f.name == name {
			return i
		}
	}
	return -1
}

func otherKind(kind string) string {
	if kind == "count" {
		return "duration"
	}
	return "count"
}

// firstNonFinite returns the first parameter, in paramKeys order, that is
// NaN or infinite, naming a list element as values[2].
func firstNonFinite(s *Spec) (key string, v float64, ok bool) {
	for _, k := range paramKeys {
		if p := s.scalar(k); p != nil && *p != nil && !finite(**p) {
			return k, **p, true
		}
		if l := s.list(k); l != nil {
			for i, x := range *l {
				if !finite(x) {
					return fmt.Sprintf("%s[%d]", k, i), x, true
				}
			}
		}
	}
	return "", 0, false
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// joinWords joins words as in prose: "a", "a and b", "a, b and c".
func joinWords(words []string, conj string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}
