package scenarios

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/spsim/spsim/internal/tomlnum"
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
// replaces the parent's value whole: numbers, strings, arrays (but see
// mergeTimelines for [[timeline]]), distributions (a table with a
// dist key, or any value decoded into dist.Spec) and maps of numbers such
// as needs and profile_mix, which are one value each (a mix whose shares
// must sum to 1 is restated whole, not patched).
//
// pv holds the parent's provenance on entry; merge drops the entries for
// values the child replaces. The caller then adds the child's provenance.
// Neither input map is modified.
func merge(parent, child map[string]any, pv provenance) map[string]any {
	return mergeTable(parent, child, reflect.TypeFor[Config](), nil, pv)
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

// timelineReplaceKey, set true in a file that extends another, makes the
// file's [[timeline]] replace its parent's rather than add to it (with no
// [[timeline]] of its own, the file then has none). It is an instruction to
// the loader, not a parameter, so it never reaches the Config.
const timelineReplaceKey = "timeline_replace"

// takeTimelineReplace removes timeline_replace from a parsed file and
// returns its value, or a message if it is not true or false.
func takeTimelineReplace(m map[string]any, pv provenance) (replace bool, msg string) {
	raw, ok := m[timelineReplaceKey]
	if !ok {
		return false, ""
	}
	b, ok := raw.(bool)
	if !ok {
		return false, "must be true or false: true makes this file's [[timeline]] replace the timeline of the scenario it extends; by default steps add to it"
	}
	delete(m, timelineReplaceKey)
	delete(pv, timelineReplaceKey)
	return b, ""
}

// mergeTimelines lays a child's file over its parent's, where the child's
// timeline steps are added after the parent's unless replace. It returns
// the merged document and its provenance, child entries renumbered.
func mergeTimelines(parent, child map[string]any, merged, childPV provenance, replace bool) map[string]any {
	pt, pok := timelineSteps(parent["timeline"])
	ct, cok := timelineSteps(child["timeline"])
	offset := 0
	if pok && cok && !replace && len(pt) > 0 {
		c := make(map[string]any, len(child))
		for k, v := range child {
			c[k] = v
		}
		c["timeline"] = slices.Concat(pt, ct)
		child, offset = c, len(pt)
	}
	keep := provenance{}
	if offset > 0 {
		for k, at := range merged {
			if strings.HasPrefix(k, "timeline.") {
				keep[k] = at
			}
		}
	}
	out := merge(parent, child, merged)
	if replace && !cok {
		if old, ok := out["timeline"]; ok {
			merged.drop([]string{"timeline"}, old)
			delete(out, "timeline")
		}
	}
	for k, at := range keep {
		merged[k] = at
	}
	for k, at := range childPV {
		merged[shiftStep(k, offset)] = at
	}
	return out
}

// timelineSteps returns the steps of a timeline as written in TOML, as
// [[timeline]] tables or an inline array.
func timelineSteps(v any) ([]any, bool) {
	switch a := v.(type) {
	case []any:
		return a, true
	case []map[string]any:
		out := make([]any, len(a))
		for i, e := range a {
			out[i] = e
		}
		return out, true
	}
	return nil, false
}

// shiftStep renumbers a key path inside timeline step i as step i+offset.
func shiftStep(key string, offset int) string {
	rest, ok := strings.CutPrefix(key, "timeline.")
	if !ok || offset == 0 {
		return key
	}
	num, tail, _ := strings.Cut(rest, ".")
	i, err := strconv.Atoi(num)
	if err != nil {
		return key
	}
	key = "timeline." + strconv.Itoa(i+offset)
	if tail != "" {
		key += "." + tail
	}
	return key
}

// droppedEntries warns of a child's map of numbers (a profile's needs, a
// group's service_acceptance) that replaces its parent's whole, as every
// such map does, and so drops entries the child does not give: a child
// writing needs.physical_activity = 0.9 may have meant to change one need
// and keep the rest, as --set profiles.low.needs.physical_activity would.
func droppedEntries(parent, child map[string]any, pv provenance, file string) []Warning {
	var out []Warning
	for _, m := range []struct{ table, key string }{{"profiles", "needs"}, {"groups", "service_acceptance"}} {
		pt, _ := parent[m.table].(map[string]any)
		ct, _ := child[m.table].(map[string]any)
		for _, name := range sortedKeys(ct) {
			cm, _ := ct[name].(map[string]any)
			pe, _ := pt[name].(map[string]any)
			cv, cok := cm[m.key].(map[string]any)
			pvv, pok := pe[m.key].(map[string]any)
			if !cok || !pok {
				continue
			}
			dropped := missingKeys(pvv, cv)
			if len(dropped) == 0 {
				continue
			}
			key := m.table + "." + name + "." + m.key
			at, _ := pv.find(key)
			out = append(out, Warning{File: orTop(at.file, file), Line: at.line, Col: at.col, Key: key,
				Message: "replaces the parent scenario's " + m.key + " as a whole, so " + droppedWords(dropped)})
		}
	}
	return out
}

// withoutCopies drops the parent's areas.count when the child names its
// areas (areas.file or [[areas.list]]) without a count: the named areas
// replace the copies, as they do in the workbench, rather than clash with
// a count the child never wrote (icb's 30). parent is not changed.
func withoutCopies(parent, child map[string]any, pv provenance) map[string]any {
	ca, _ := child["areas"].(map[string]any)
	pa, _ := parent["areas"].(map[string]any)
	_, file := ca["file"]
	_, list := ca["list"]
	_, count := ca["count"]
	if !(file || list) || count || pa["count"] == nil {
		return parent
	}
	areas := maps.Clone(pa)
	pv.drop([]string{"areas", "count"}, areas["count"])
	delete(areas, "count")
	out := maps.Clone(parent)
	out["areas"] = areas
	return out
}

// unfundedServices warns of a service with places whose grant is not
// given at all: it would cost nothing and, unfunded, close with its
// yearly hazard, so that a commissioner who adds places but forgets their
// grant sees them free. A grant written as 0 is a choice and is not warned
// of.
func unfundedServices(m map[string]any, pv provenance, file string) []Warning {
	svcs, _ := m["services"].(map[string]any)
	var grants []float64
	for _, name := range sortedKeys(svcs) {
		s, _ := svcs[name].(map[string]any)
		if g, ok := tomlnum.Value(s["grant_per_place_year"]); ok && g > 0 {
			grants = append(grants, g)
		}
	}
	var out []Warning
	for _, name := range sortedKeys(svcs) {
		s, _ := svcs[name].(map[string]any)
		places, _ := tomlnum.Value(s["places"])
		_, grant := s["grant_per_place_year"]
		_, funding := s["funding_per_year"]
		if places <= 0 || grant || funding {
			continue
		}
		hint := "write grant_per_place_year"
		if len(grants) > 0 {
			lo, hi := slices.Min(grants), slices.Max(grants)
			which := "grants are " + pounds(lo) + " to " + pounds(hi)
			if lo == hi {
				which = "grant is " + pounds(hi)
			}
			hint = fmt.Sprintf("give grant_per_place_year (the other services' %s a place a year), or write it", which)
		}
		closes := " and, unfunded, it closes with its yearly hazard (closure_hazard_per_year)"
		if h, ok := tomlnum.Value(s["closure_hazard_per_year"]); ok && h == 0 {
			closes = "" // a service that never closes
		}
		key := "services." + name
		at, _ := pv.find(key)
		out = append(out, Warning{File: orTop(at.file, file), Line: at.line, Col: at.col, Key: key,
			Message: fmt.Sprintf("has %s places but no grant_per_place_year or funding_per_year, so its places cost nothing%s: %s = 0 for a service nobody funds",
				formatNumber(places), closes, hint)})
	}
	return out
}

// pounds is a sum of money in whole pounds, its thousands marked: £2,000.
func pounds(x float64) string {
	d := strconv.FormatFloat(math.Round(x), 'f', 0, 64)
	for i := len(d) - 3; i > 0 && d[i-1] != '-'; i -= 3 {
		d = d[:i] + "," + d[i:]
	}
	return "£" + d
}
