package scenarios

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spsim/spsim/internal/tomlnum"
	"github.com/spsim/spsim/internal/tomlstr"
)

// Error is one problem in a scenario, located in the file that set the
// offending value. Line and Col are 0 when the problem has no single place,
// such as a required key that no file in the inheritance chain sets.
type Error struct {
	File  string // the file's path, or "builtin:NAME.toml" for a built-in
	Line  int    // 1-based; 0 if unknown
	Col   int    // 1-based, in characters; 0 if unknown
	Key   string // TOML key path, e.g. "services.wellbeing_groups.places"
	Value string // the offending value as written in TOML, if any
	Msg   string // what is wrong and what is allowed

	also []string // other keys the problem involves (FieldError.Also)
}

// Error formats e as "file:line:col: key = value: msg", leaving out the
// parts that are unknown. Each part is printable: a control character (an
// escape in an areas file's cell or header, a line break in a file's name)
// is written as its escape, \x1b or \n, so that an error printed to a
// terminal sends it no sequence and forges no line.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(tomlstr.Comment(e.File))
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	if e.Key != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(tomlstr.Comment(e.Key))
		if e.Value != "" {
			b.WriteString(" = ")
			b.WriteString(tomlstr.Comment(clipValue(e.Value)))
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(tomlstr.Comment(e.Msg))
	return b.String()
}

// Errors is every problem found in a scenario, sorted by file and position.
type Errors []*Error

// Error lists the errors one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// sort orders es by file, line, column and key, and drops exact duplicates.
func (es Errors) sort() Errors {
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col), cmp.Compare(a.Key, b.Key))
	})
	return slices.CompactFunc(es, func(a, b *Error) bool { return a.Error() == b.Error() })
}

// FieldError is a problem with one scenario value, named by its key path
// rather than its place in a file; the loader turns it into an Error.
type FieldError struct {
	Key   string   // TOML key path, e.g. "workforce.fte"
	Value string   // the offending value as TOML, if any
	Msg   string   // what is wrong and what is allowed
	Also  []string // other keys the problem involves, e.g. the shares that do not sum to 1

	// alt says the problem about another key, for when that key was set
	// in the file being loaded and Key was inherited.
	alt *FieldError
}

func (e FieldError) Error() string {
	return (&Error{Key: e.Key, Value: e.Value, Msg: e.Msg}).Error()
}

// maxErrors bounds the problems reported in detail for one scenario, so
// that a badly broken file gives a readable list, and quickly.
const maxErrors = 100

// collector gathers field errors up to maxErrors and counts the rest.
type collector struct {
	errs []FieldError
	more int // problems found but not reported, beyond maxErrors
}

// room reports whether another error may be reported, counting it as one
// more if not. Callers check it before composing an expensive message.
func (c *collector) room() bool {
	if len(c.errs) >= maxErrors {
		c.more++
		return false
	}
	return true
}

// listNames lists names for a message, shortening a long list.
func listNames(names []string) string {
	const most = 12
	if len(names) <= most {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s, ... (%d more)", strings.Join(names[:most], ", "), len(names)-most)
}

// formatValue writes a decoded TOML value (or a Go value from a Config) the
// way it would appear in a TOML file, for an Error's Value, which shows
// the start of a long one (clipValue). Past maxFormatted bytes it stops,
// ending in cutMark, so that a hostile file cannot make it long.
func formatValue(v any) string {
	var w valueWriter
	w.value(reflect.ValueOf(v), 0)
	return w.b.String()
}

// maxValueDepth bounds how deeply a value is written, so that a hostile
// file cannot make error messages huge.
const maxValueDepth = 8

// maxFormatted is the most of a value formatValue writes, in bytes: far
// more than an error shows (maxShownValue characters), so that the length
// of any real value is told exactly, and a value cut here as over this
// long.
const maxFormatted = 10000

// cutMark ends a value formatValue stopped writing. No value written holds
// it: a string's control characters are written as escapes.
const cutMark = "\x00"

// valueWriter writes a value up to maxFormatted bytes.
type valueWriter struct {
	b   strings.Builder
	cut bool
}

// put writes s, unless the value has been cut.
func (w *valueWriter) put(s string) {
	if !w.cut {
		w.b.WriteString(s)
	}
}

// Write is put, for fmt.Fprint.
func (w *valueWriter) Write(p []byte) (int, error) {
	w.put(string(p))
	return len(p), nil
}

func (w *valueWriter) value(v reflect.Value, depth int) {
	if !v.IsValid() || w.cut {
		return
	}
	if w.b.Len() > maxFormatted {
		w.b.WriteString(cutMark)
		w.cut = true
		return
	}
	if depth > maxValueDepth {
		w.put("...")
		return
	}
	if m, ok := v.Interface().(interface{ MarshalTOML() ([]byte, error) }); ok {
		if text, err := m.MarshalTOML(); err == nil {
			w.put(string(text))
			return
		}
	}
	if t, ok := v.Interface().(time.Time); ok {
		w.put(t.Format(tomlTimeLayout(t)))
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return
		}
		w.value(v.Elem(), depth)
	case reflect.String:
		w.put(quoteString(v.String()))
	case reflect.Bool:
		w.put(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.put(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.put(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		w.put(tomlnum.Float(v.Float()))
	case reflect.Slice, reflect.Array:
		w.put("[")
		for i := range v.Len() {
			if i > 0 {
				w.put(", ")
			}
			w.value(v.Index(i), depth+1)
		}
		w.put("]")
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		w.put("{ ")
		for i, k := range keys {
			if i > 0 {
				w.put(", ")
			}
			w.put(keyString([]string{k.String()}))
			w.put(" = ")
			w.value(v.MapIndex(k), depth+1)
		}
		w.put(" }")
	case reflect.Struct:
		w.put("{ ... }")
	default:
		fmt.Fprint(w, v.Interface())
	}
}

// describe names the TOML type of a decoded value, for type errors.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int64:
		return "a whole number"
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "not a finite number"
		}
		return "a number with a fraction"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date-time"
	}
	return fmt.Sprintf("a %T", v)
}

// tomlTimeLayout is the layout that writes a decoded TOML date or time as
// it was written: a local date, time or date-time (which the TOML decoder
// marks by its zone's name) without the offset it was given.
func tomlTimeLayout(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return time.DateOnly
	case "time-local":
		return "15:04:05.999999999"
	case "datetime-local":
		return "2006-01-02T15:04:05.999999999"
	}
	return time.RFC3339Nano
}

// maxShownValue is the most of a value an error shows: the value is there
// to find the line by, and a 5,000-character question would bury the
// message after it.
const maxShownValue = 120

// clipValue shortens a long value to its start, saying how much is left
// out, counting characters, not bytes, so that none is cut in two: a value
// formatValue stopped writing is said to be over the length written.
func clipValue(v string) string {
	v, cut := strings.CutSuffix(v, cutMark)
	n := utf8.RuneCountInString(v)
	if n <= maxShownValue && !cut {
		return v
	}
	start := v
	runes := 0
	for i := range v {
		if runes == maxShownValue {
			start = v[:i]
			break
		}
		runes++
	}
	if cut {
		return fmt.Sprintf("%s… (over %d characters)", start, n)
	}
	return fmt.Sprintf("%s… (%d characters in all)", start, n)
}
