package scenarios

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

var unmarshalerType = reflect.TypeFor[toml.Unmarshaler]()

// isOpaque reports whether values of type t are decoded whole by their own
// UnmarshalTOML method (dist.Spec), so that inheritance replaces them whole
// and the decoder does not look inside.
func isOpaque(t reflect.Type) bool {
	return t != nil && reflect.PointerTo(t).Implements(unmarshalerType)
}

// field is a struct field as seen from TOML.
type field struct {
	name     string
	index    int
	optional bool
	// unless lists keys of the same table any of which makes this one
	// optional: tag spsim:"unless=file,people" (counts of today's people
	// are required unless the people themselves are given).
	unless []string
}

// fieldCache holds fieldsOf's answers by type.
var fieldCache sync.Map // reflect.Type → []field

// fieldsOf lists the TOML keys of struct type t in declaration order.
func fieldsOf(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	var fs []field
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		tag := f.Tag.Get("spsim")
		fd := field{name: name, index: i, optional: tag == "optional"}
		if keys, ok := strings.CutPrefix(tag, "unless="); ok {
			fd.unless = strings.Split(keys, ",")
		}
		fs = append(fs, fd)
	}
	fieldCache.Store(t, fs)
	return fs
}

// targetType returns the Go type that key k of a table decoded into t has,
// or nil if t has no such key.
func targetType(t reflect.Type, k string) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == nil || isOpaque(t):
		return nil
	case t.Kind() == reflect.Struct:
		for _, f := range fieldsOf(t) {
			if f.name == k {
				return t.Field(f.index).Type
			}
		}
	case t.Kind() == reflect.Map, t.Kind() == reflect.Slice:
		return t.Elem()
	}
	return nil
}

// decoder decodes a merged TOML map into a Config, checking every key
// against the Config's fields and collecting every problem rather than
// stopping at the first.
type decoder struct {
	collector
	bad      []string // keys whose value could not be decoded, so validation skips them
	siblings []string // names in the collection whose entry is being decoded
}

// decodeConfig decodes m strictly into a new Config.
func decodeConfig(m map[string]any) (*Config, *decoder) {
	d := &decoder{}
	c := new(Config)
	d.value(nil, m, reflect.ValueOf(c).Elem())
	return c, d
}

func (d *decoder) fail(path []string, raw any, msg string) {
	key := keyString(path)
	d.bad = append(d.bad, key)
	if d.room() {
		d.errs = append(d.errs, FieldError{Key: key, Value: formatValue(raw), Msg: msg})
	}
}

// typeError reports a value of the wrong TOML type.
func (d *decoder) typeError(path []string, raw any, want string) {
	msg := fmt.Sprintf("expected %s, got %s", want, describe(raw))
	if h := hintFor(path); h != "" {
		msg += " (" + h + ")"
	}
	// A number in quotes, or as a spreadsheet formats one ("28%",
	// "1,234"): say how to write it.
	if text, ok := raw.(string); ok && strings.HasPrefix(want, "a ") && strings.Contains(want, "number") {
		msg = joinHint(msg, numberTextHint(text, strings.Contains(want, "whole")))
	}
	d.fail(path, raw, msg)
}

// numberTextHint says how to write as a number a value given as text:
// without its quotes ("0.9"), or as formattedNumberHint says of a spreadsheet's
// formatting ("28%", "1,234"); "" if it is neither. For a whole-number
// key (whole) a spreadsheet's hint that is no whole number ("write 3.5",
// "0.5 for 50%") is not given: the key would refuse it in turn.
func numberTextHint(text string, whole bool) string {
	t := strings.TrimSpace(text)
	if numberCell.MatchString(t) {
		if n := tomlNumber(t); n != "" {
			return "write it without quotes: " + n
		}
		return ""
	}
	return numberHint(t, whole)
}

// tomlNumber is the number t (numberCell) as TOML reads it unquoted: t
// itself where TOML takes it, else as plainNumber reads it (.9 is 0.9,
// 26. is 26, 007 is 7, which TOML refuses as written); "" for a number
// too large to read.
func tomlNumber(t string) string {
	if readsAsTOML(t) {
		return t
	}
	v, err := plainNumber(t)
	if err != nil {
		return ""
	}
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		// 0.9, not 9e-01; but 1e+300, not 301 digits TOML takes for an
		// integer too large to read.
		for _, f := range []byte{'f', 'g'} {
			if s := strconv.FormatFloat(x, f, -1, 64); readsAsTOML(s) {
				return s
			}
		}
	}
	return ""
}

// readsAsTOML reports whether s is a value TOML reads.
func readsAsTOML(s string) bool {
	_, err := parseValue(s)
	return err == nil
}

// value decodes raw into v, which is addressable.
func (d *decoder) value(path []string, raw any, v reflect.Value) {
	t := v.Type()
	if isOpaque(t) {
		u := v.Addr().Interface().(toml.Unmarshaler)
		if err := u.UnmarshalTOML(raw); err != nil {
			d.fail(path, raw, err.Error())
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		d.value(path, raw, p.Elem())
		v.Set(p)
	case reflect.Struct:
		d.table(path, raw, v)
	case reflect.Map:
		d.mapValue(path, raw, v)
	case reflect.Slice:
		d.sliceValue(path, raw, v)
	case reflect.String:
		s, ok := raw.(string)
		if t, isTime := raw.(time.Time); isTime && keyString(path) == "initial.date" {
			var msg string
			if s, msg = tomlDate(t); msg != "" {
				d.fail(path, raw, msg)
				return
			}
			ok = true
		}
		if !ok {
			d.typeError(path, raw, "a string in quotes")
			return
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			d.typeError(path, raw, "true or false")
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.intValue(path, raw, v)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		d.uintValue(path, raw, v)
	case reflect.Float32, reflect.Float64:
		switch f := raw.(type) {
		case float64:
			v.SetFloat(f)
		case int64:
			v.SetFloat(float64(f))
		default:
			d.typeError(path, raw, "a number")
		}
	default:
		d.fail(path, raw, fmt.Sprintf("cannot decode into Go type %s", t))
	}
}

// mapValue decodes a TOML table into a map, key by key in name order.
func (d *decoder) mapValue(path []string, raw any, v reflect.Value) {
	t := v.Type()
	m, ok := raw.(map[string]any)
	if !ok {
		d.typeError(path, raw, "a table")
		return
	}
	out := reflect.MakeMapWithSize(t, len(m))
	keys := sortedKeys(m)
	for _, k := range keys {
		e := reflect.New(t.Elem()).Elem()
		d.siblings = keys
		d.value(join(path, k), m[k], e)
		d.siblings = nil
		out.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
	}
	v.Set(out)
}

// sliceValue decodes a TOML array, or an array of tables, into a slice.
func (d *decoder) sliceValue(path []string, raw any, v reflect.Value) {
	var elems []any
	switch a := raw.(type) {
	case []any:
		elems = a
	case []map[string]any:
		for _, e := range a {
			elems = append(elems, e)
		}
	default:
		d.typeError(path, raw, "an array")
		return
	}
	out := reflect.MakeSlice(v.Type(), len(elems), len(elems))
	for i, e := range elems {
		d.value(join(path, fmt.Sprint(i)), e, out.Index(i))
	}
	v.Set(out)
}

// intValue decodes a whole number that fits v.
func (d *decoder) intValue(path []string, raw any, v reflect.Value) {
	n, ok := wholeNumber(raw)
	if !ok && tooLarge(raw) || ok && v.OverflowInt(n) {
		d.fail(path, raw, withHint("too large for a whole number here", path))
		return
	}
	if !ok {
		d.typeError(path, raw, "a whole number")
		return
	}
	v.SetInt(n)
}

// uintValue decodes a whole number, 0 or more, that fits v.
func (d *decoder) uintValue(path []string, raw any, v reflect.Value) {
	n, ok := wholeNumber(raw)
	switch {
	case ok && n < 0:
		d.fail(path, raw, withHint("must be 0 or more", path))
		return
	case !ok && tooLarge(raw) || ok && v.OverflowUint(uint64(n)):
		d.fail(path, raw, withHint("too large for a whole number here", path))
		return
	case !ok:
		d.typeError(path, raw, "a whole number, 0 or more")
		return
	}
	v.SetUint(uint64(n))
}

// tomlDate reads a TOML date written unquoted for a date key
// (initial.date = 2025-11-30) as the text "2025-11-30"; a date-time at
// midnight, with or without an offset, is its date. It says why any other
// (a time of day, a date-time at another time) is not a date.
func tomlDate(t time.Time) (string, string) {
	if t.Location().String() == "time-local" {
		return "", `expected a date, got a time of day: write the date in quotes, such as "2025-11-30"`
	}
	if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0 {
		return "", fmt.Sprintf(`expected a date, got a date-time at %s: write the date alone, such as %s`, t.Format("15:04:05"), t.Format("2006-01-02"))
	}
	return t.Format("2006-01-02"), ""
}

// tooLarge reports whether raw is a whole number written as a float, such
// as 1e308, too large to be held exactly.
func tooLarge(raw any) bool {
	f, ok := raw.(float64)
	return ok && f == math.Trunc(f) && !math.IsInf(f, 0) && math.Abs(f) >= 1<<53
}

// wholeNumber accepts a TOML integer, or a float with no fractional part
// (link_workers = 4.0 means 4).
func wholeNumber(raw any) (int64, bool) {
	switch n := raw.(type) {
	case int64:
		return n, true
	case float64:
		if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
			return int64(n), true
		}
	}
	return 0, false
}

// table decodes a TOML table into struct v: unknown keys and missing
// required keys are errors.
func (d *decoder) table(path []string, raw any, v reflect.Value) {
	siblings := d.siblings
	d.siblings = nil
	m, ok := raw.(map[string]any)
	if !ok {
		d.typeError(path, raw, "a table")
		return
	}
	fields := fieldsOf(v.Type())
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	for _, k := range sortedKeys(m) {
		i := slices.Index(names, k)
		if i < 0 {
			d.unknown(join(path, k), m[k], names)
			continue
		}
		d.value(join(path, k), m[k], v.Field(fields[i].index))
	}
	var missing []string
	for _, f := range fields {
		if _, ok := m[f.name]; !ok && !f.optional && !slices.ContainsFunc(f.unless, func(k string) bool { _, ok := m[k]; return ok }) {
			missing = append(missing, f.name)
		}
	}
	d.missing(path, missing, siblings)
}

// unknown reports a key that the scenario format does not have.
func (d *decoder) unknown(path []string, raw any, allowed []string) {
	if !d.room() {
		return
	}
	name := path[len(path)-1]
	msg := "unknown key"
	if s := suggest(name, allowed); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else if elsewhere := findKey(name); elsewhere != "" {
		msg += fmt.Sprintf("; %q is a key of %s", name, elsewhere)
	}
	where := "at the top level"
	if len(path) > 1 {
		where = "in [" + keyString(path[:len(path)-1]) + "]"
	}
	msg += fmt.Sprintf(" (allowed %s: %s)", where, strings.Join(allowed, ", "))
	d.errs = append(d.errs, FieldError{Key: keyString(path), Value: formatValue(raw), Msg: msg})
}

// missing reports required keys that no file sets. One missing key is
// reported under its own name; several under their table.
// When a new entry of a named collection lacks several keys, its name is
// probably a misspelling of an inherited entry, and the message says so.
func (d *decoder) missing(path []string, names, siblings []string) {
	key := keyString(path)
	switch {
	case len(names) == 0:
		return
	case len(names) == 1:
		key = keyString(join(path, names[0]))
		d.bad = append(d.bad, key)
	case len(path) == 0:
		for _, n := range names {
			d.bad = append(d.bad, n)
		}
	default:
		d.bad = append(d.bad, key)
	}
	if !d.room() {
		return
	}
	if len(names) == 1 {
		msg := "missing: this key is required"
		if t := typeAt(join(path, names[0])); t != nil && t.Kind() == reflect.Struct && !isOpaque(t) {
			msg = fmt.Sprintf("missing: the [%s] table is required", key)
		}
		if len(path) == 0 && names[0] == "name" {
			msg = `missing: every scenario file needs its own name = "..." (names are not inherited)`
		} else if h := hintFor(join(path, names[0])); h != "" {
			msg += " (" + h + ")"
		}
		d.errs = append(d.errs, FieldError{Key: key, Msg: msg})
		return
	}
	where := "in [" + key + "]"
	if len(path) == 0 {
		where = "at the top level"
	}
	msg := fmt.Sprintf("missing required keys %s: %s", where, strings.Join(names, ", "))
	if len(path) > 0 && siblings != nil && len(siblings) <= 1000 {
		if s := suggestExcept(path[len(path)-1], siblings); s != "" {
			msg += fmt.Sprintf("; did you mean to change [%s]?", keyString(join(path[:len(path)-1], s)))
		}
	}
	d.errs = append(d.errs, FieldError{Key: key, Msg: msg})
}

// sortedKeys returns a map's keys in order, so that iteration never depends
// on Go's randomised map order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
