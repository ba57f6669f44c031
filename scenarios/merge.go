package scenarios

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/spsim/spsim/sim"
)

// pos is where a value was set: a file and a place in it.
type pos struct {
	file      string
	line, col int
}

// provenance maps each key path of a scenario to where its winning value
// was written, through any chain of extends.
type provenance map[string]pos

// drop forgets where value v at path, and everything in it, was set.
func (pv provenance) drop(path []string, v any) {
	delete(pv, keyString(path))
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			pv.drop(join(path, k), e)
		}
	case []any:
		for i, e := range v {
			pv.drop(join(path, strconv.Itoa(i)), e)
		}
	case []map[string]any:
		for i, e := range v {
			pv.drop(join(path, strconv.Itoa(i)), e)
		}
	}
}

// find returns where key, or failing that the nearest table above it, was
// written.
func (pv provenance) find(key string) (pos, bool) {
	for {
		if at, ok := pv[key]; ok {
			return at, true
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return pos{}, false
		}
		key = key[:i]
	}
}

// merge lays child over parent. Tables merge key by key, recursively, so a
// child can change one field of one service. Everything else a child sets
// replaces the parent's value whole: numbers, strings, arrays (including
// arrays of tables such as [[timeline]]), distributions (a table with a
// dist key, or any value decoded into dist.Spec) and maps of numbers such
// as needs and profile_mix, which are one value each (a mix whose shares
// must sum to 1 is restated whole, not patched).
//
// pv holds the parent's provenance on entry; merge drops the entries for
// values the child replaces. The caller then adds the child's provenance.
// Neither input map is modified.
func merge(parent, child map[string]any, pv provenance) map[string]any {
	return mergeTable(parent, child, reflect.TypeFor[sim.Config](), nil, pv)
}

func mergeTable(parent, child map[string]any, t reflect.Type, path []string, pv provenance) map[string]any {
	out := make(map[string]any, len(parent)+len(child))
	for k, v := range parent {
		out[k] = v
	}
	for k, cv := range child {
		kp := join(path, k)
		ft := targetType(t, k)
		pm, pIsTable := out[k].(map[string]any)
		cm, cIsTable := cv.(map[string]any)
		if pIsTable && cIsTable && mergesByKey(ft, pm, cm) {
			out[k] = mergeTable(pm, cm, ft, kp, pv)
			continue
		}
		if old, ok := out[k]; ok {
			pv.drop(kp, old)
		}
		out[k] = cv
	}
	return out
}

// mergesByKey reports whether tables a and b at a key of Go type t merge
// key by key rather than b replacing a.
func mergesByKey(t reflect.Type, a, b map[string]any) bool {
	if _, ok := a["dist"]; ok {
		return false
	}
	if _, ok := b["dist"]; ok {
		return false
	}
	if t == nil {
		return true // an unknown key: reported when decoding
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case isOpaque(t):
		return false
	case t.Kind() == reflect.Struct:
		return true
	case t.Kind() == reflect.Map:
		e := t.Elem()
		for e.Kind() == reflect.Pointer {
			e = e.Elem()
		}
		return e.Kind() == reflect.Struct && !isOpaque(e)
	}
	return false
}
