package scenarios

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/spsim/spsim/internal/tomlnum"
)

// Encode writes c as a complete TOML scenario, every value written out, in
// the layout of the built-in files: top-level keys, then one [table] per
// section, one [profiles.NAME] (and so on) per entry, and one [[timeline]]
// per change; distributions, limits and maps of numbers are inline tables.
//
// The output stands alone: c.Extends is not written, because the values it
// would pull in are already written out, nor named in a comment, so that a
// scenario gives the same file whether it was loaded from the library or
// from the workbench's editor, which holds it resolved. Loading the output
// gives a Config equal to c apart from Extends.
func Encode(w io.Writer, c *Config) error {
	if c == nil {
		return errors.New("encoding scenario: nil Config")
	}
	bw := bufio.NewWriter(w)
	e := &encoder{w: bw}
	v := reflect.ValueOf(c).Elem()
	fields := fieldsOf(v.Type())
	fmt.Fprintf(bw, "# Scenario %q, fully resolved: every value is written out.\n", c.Name)
	bw.WriteString("\n")
	var sections []field
	for _, f := range fields {
		fv := v.Field(f.index)
		switch {
		case f.name == "extends":
		case isSection(fv):
			sections = append(sections, f)
		default:
			e.keyval(f, fv)
		}
	}
	for _, f := range sections {
		fv := v.Field(f.index)
		switch fv.Kind() {
		case reflect.Struct:
			e.header("["+f.name+"]", fv)
		case reflect.Map:
			for _, k := range sortedMapKeys(fv) {
				e.header("["+keyString([]string{f.name, k.String()})+"]", fv.MapIndex(k))
			}
		case reflect.Slice:
			for i := range fv.Len() {
				e.header("[["+f.name+"]]", fv.Index(i))
			}
		}
	}
	if e.err != nil {
		return fmt.Errorf("encoding scenario %q: %w", c.Name, e.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encoding scenario %q: %w", c.Name, err)
	}
	return nil
}

// isSection reports whether a top-level field is written as [table]
// sections rather than a key: a struct, or a non-empty collection of them.
func isSection(v reflect.Value) bool {
	t := v.Type()
	if t.Kind() == reflect.Struct {
		return !isOpaque(t)
	}
	if (t.Kind() != reflect.Map && t.Kind() != reflect.Slice) || v.Len() == 0 {
		return false
	}
	e := t.Elem()
	for e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	return e.Kind() == reflect.Struct && !isOpaque(e)
}

type encoder struct {
	w   *bufio.Writer
	err error
}

// header writes a table header and the fields of struct v under it.
func (e *encoder) header(h string, v reflect.Value) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v = reflect.New(v.Type().Elem())
		}
		v = v.Elem()
	}
	fmt.Fprintf(e.w, "\n%s\n", h)
	for _, f := range fieldsOf(v.Type()) {
		e.keyval(f, v.Field(f.index))
	}
}

// keyval writes one field as key = value, leaving out an optional field
// that is unset.
func (e *encoder) keyval(f field, v reflect.Value) {
	if f.optional && unset(v) {
		return
	}
	fmt.Fprintf(e.w, "%s = %s\n", keyString([]string{f.name}), e.inline(v))
}

// unset reports whether an optional value is absent: a nil pointer, map or
// slice, or a zero number or empty string.
func unset(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice:
		return v.IsNil()
	}
	return v.IsZero()
}

// inline writes v as a TOML value on one line.
func (e *encoder) inline(v reflect.Value) string {
	if v.CanInterface() {
		if m, ok := v.Interface().(interface{ MarshalTOML() ([]byte, error) }); ok {
			text, err := m.MarshalTOML()
			if err != nil && e.err == nil {
				e.err = err
			}
			return string(text)
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return e.inline(reflect.New(v.Type().Elem()).Elem())
		}
		return e.inline(v.Elem())
	case reflect.String:
		return quoteString(v.String())
	case reflect.Float32, reflect.Float64:
		return tomlnum.Float(v.Float())
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = e.inline(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case reflect.Map:
		var parts []string
		for _, k := range sortedMapKeys(v) {
			parts = append(parts, keyString([]string{k.String()})+" = "+e.inline(v.MapIndex(k)))
		}
		return inlineTable(parts)
	case reflect.Struct:
		var parts []string
		for _, f := range fieldsOf(v.Type()) {
			if fv := v.Field(f.index); !(f.optional && unset(fv)) {
				parts = append(parts, keyString([]string{f.name})+" = "+e.inline(fv))
			}
		}
		return inlineTable(parts)
	}
	return formatValue(v.Interface())
}

func inlineTable(parts []string) string {
	if len(parts) == 0 {
		return "{}"
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

func sortedMapKeys(v reflect.Value) []reflect.Value {
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	return keys
}
