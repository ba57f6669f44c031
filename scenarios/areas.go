package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// expandAreas reads areas.file into areas.list and resolves every listed
// area's overrides into its own checked scenario. Problems are reported at
// the file and line (of the scenario or the CSV) that caused them, as are
// the warnings each area's own values raise.
func expandAreas(c *Config, pv provenance, top string) (Errors, []Warning) {
	a := &c.Areas
	fromFile, csvAt := "", csvPlaces{}
	if a.File != "" {
		where, ok := pv.find("areas.file")
		file := where.file
		if !ok || file == "" {
			file = top
		}
		if len(a.List) > 0 {
			return Errors{{File: file, Line: where.line, Col: where.col, Key: "areas.file", Value: strconv.Quote(a.File),
				Msg: "give the areas as a file or as [[areas.list]], not both"}}, nil
		}
		path := a.File
		if c.noFiles {
			return Errors{{File: file, Line: where.line, Col: where.col, Key: "areas.file", Value: quoteString(path), Msg: fileRefusal("areas.file")}}, nil
		}
		if strings.HasPrefix(file, "builtin:") && !filepath.IsAbs(path) {
			return Errors{{File: file, Key: "areas.file", Msg: "a built-in scenario cannot read a relative areas file"}}, nil
		}
		if !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(file), path)
		}
		list, at, errs := readAreas(path)
		if errs != nil {
			return errs, nil
		}
		a.List, a.File = list, ""
		fromFile, csvAt = path, at
	}
	return resolveAreas(c, fromFile, csvAt, pv, top)
}

// SetAreas makes the scenario's areas the rows of an areas file, as
// areas.file does, from the file's bytes (named name in messages): each
// area's overrides are applied and checked, and a problem names its line.
// The areas replace areas.count; the scenario's variation between areas,
// if any, still applies where a row sets no multiplier or share, nor the
// referrals a week or group shares they would vary. On error
// c is unchanged.
func SetAreas(c *Config, name string, raw []byte) error {
	list, at, errs := parseAreas(name, raw)
	if errs != nil {
		return errs
	}
	nc := *c
	nc.Areas.List, nc.Areas.File, nc.Areas.Count = list, "", 0
	if errs, _ := resolveAreas(&nc, name, at, provenance{}, name); errs != nil {
		return errs // its warnings come with the scenario's when it is loaded
	}
	*c = nc
	return nil
}

// resolveAreas resolves every listed area's overrides into its own checked
// scenario. A problem is placed at its line of fromFile (and its key's
// column) when the areas came from one, else where the area was written.
func resolveAreas(c *Config, fromFile string, csvAt csvPlaces, pv provenance, top string) (Errors, []Warning) {
	a := &c.Areas
	var errs Errors
	var warns []Warning
	told := map[string]bool{}
	inherited := inheritedSet{c: c}
	var warnedAreas []string // the area of each warning, in step with warns
	for i := range a.List {
		l := &a.List[i]
		l.Resolved = nil
		if len(l.Set) == 0 {
			continue
		}
		l.Set = flattenSet(l.Set) // key paths, as every reader of Set takes them
		at := pos{file: fromFile}
		if fromFile != "" {
			at.line = csvAt.lines[i]
		} else {
			at, _ = pv.find(keyString([]string{"areas", "list", strconv.Itoa(i)}))
			at.file = orTop(at.file, top)
		}
		res, ws, err := applyArea(c, l)
		if err == nil {
			err = sameMembers(c, res)
		}
		if err != nil {
			errs = append(errs, areaErrors(err, l, i, fromFile, csvAt, at)...)
			continue
		}
		if _, ok := l.Set["timeline"]; ok {
			if msg := droppedSteps(c.Timeline, res.Timeline); msg != "" {
				ws = append(ws, Warning{Key: "timeline", Message: msg})
			}
		}
		for _, w := range ws {
			if !setsKey(l.Set, w.Key) && inherited.has(w) {
				continue // the scenario's own, warned of once already
			}
			warns = append(warns, Warning{File: at.file, Line: at.line, Col: at.col, Key: w.Key, Value: w.Value,
				Message: fmt.Sprintf("area %q: %s", l.Name, w.Message), Also: w.Also, More: w.More})
			warnedAreas = append(warnedAreas, l.Name)
		}
		// An area's own value that the timeline sets again, for every
		// area alike: said once a key, at the first area setting it.
		for _, k := range sortedKeys(l.Set) {
			if msg := areasOverridden(res, k); msg != "" && !told[k] {
				told[k] = true
				warns = append(warns, Warning{File: at.file, Line: at.line, Col: at.col, Key: k, Message: msg})
			}
		}
		l.Resolved = res
	}
	warns = groupAreaWarnings(warns, warnedAreas)
	if w := sharedCaseload(c, top); w != nil {
		warns = append(warns, *w)
	}
	return errs, warns
}

// inheritedSet is the scenario's own warnings (inheritedWarnings), read
// once needed.
type inheritedSet struct {
	c *Config
	m map[warningID]bool
}

// warningID is what makes two warnings the same warning.
type warningID struct{ key, value, message string }

func idOf(w Warning) warningID { return warningID{w.Key, w.Value, w.Message} }

// has reports whether the scenario without any area's values is warned
// of w.
func (s *inheritedSet) has(w Warning) bool {
	if s.m == nil {
		s.m = inheritedWarnings(s.c)
	}
	return s.m[idOf(w)]
}

// inheritedWarnings are the warnings of the scenario without any area's
// values, by key, value and message: an area warned of one of them, for a
// key it does not set itself, only repeats what the scenario is warned of
// (on_cost_share = 28 warned again for every area with a value of its own).
func inheritedWarnings(c *Config) map[warningID]bool {
	m := map[warningID]bool{}
	_, ws, err := applyArea(c, &AreaSpec{})
	if err != nil {
		return m
	}
	for _, w := range ws {
		m[idOf(w)] = true
	}
	return m
}

// setsKey reports whether an area's values (key paths) set key, a table
// holding it, or a key within it.
func setsKey(set map[string]Value, key string) bool {
	for k := range set {
		if k == key || strings.HasPrefix(k, key+".") || strings.HasPrefix(key, k+".") {
			return true
		}
	}
	return false
}

// sharedCaseload warns when today's caseload, person by person, starts
// every area alike: one PCN's people copied into each of the others.
func sharedCaseload(c *Config, top string) *Warning {
	a := &c.Areas
	if len(c.Initial.People) == 0 || len(a.List) < 2 {
		return nil
	}
	var alike []string
	for _, l := range a.List {
		_, waiting := l.Set["initial.waiting"]
		_, active := l.Set["initial.active"]
		if !waiting && !active {
			alike = append(alike, l.Name)
		}
	}
	if len(alike) < 2 {
		return nil
	}
	names := strings.Join(alike[:min(len(alike), 5)], ", ")
	if len(alike) > 5 {
		names += ", …"
	}
	return &Warning{File: top, Key: "initial", Message: fmt.Sprintf(
		"today's caseload of %d people starts each of %d areas alike (%s): a caseload is one PCN's; give each area its own people waiting and on caseloads with initial.waiting and initial.active (areas file columns), or leave the caseload out",
		len(c.Initial.People), len(alike), names)}
}

// areaErrors places an area's problems: in an areas file, each key's at
// its cell (line, column and the value written there); in a scenario's
// [[areas.list]], at the area.
func areaErrors(err error, l *AreaSpec, i int, fromFile string, csvAt csvPlaces, at pos) Errors {
	var keyed Errors // nil unless err is the area's scenario's problems
	errors.As(err, &keyed)
	if fromFile != "" && keyed != nil {
		out := make(Errors, len(keyed))
		for j, e := range keyed {
			col, value := csvAt.cols[e.Key], ""
			if v, ok := l.Set[e.Key]; ok {
				value = formatValue(v.V)
			}
			out[j] = &Error{File: at.file, Line: at.line, Col: col, Key: e.Key, Value: value, Msg: fmt.Sprintf("area %q: %s", l.Name, e.Msg)}
		}
		return out
	}
	msg := err.Error()
	if keyed != nil { // each problem with its key, as the area's set names it
		msgs := make([]string, len(keyed))
		for j, e := range keyed {
			msgs[j] = e.Key + ": " + e.Msg
		}
		msg = strings.Join(msgs, "; ")
	}
	e := &Error{File: at.file, Line: at.line, Col: at.col, Msg: fmt.Sprintf("area %q: %s", l.Name, msg)}
	if fromFile == "" {
		e.Key = fmt.Sprintf("areas.list.%d.set", i)
	}
	return Errors{e}
}

// sameMembers refuses an area whose groups, profiles, roles or services
// differ from the scenario's: the areas' weekly tables are added up
// column by column, each a member's, so every area has the same ones. An
// area without a service gives it no places; one that needs another
// service changes the scenario, with none in the other areas.
func sameMembers(c, area *Config) error {
	for _, f := range []struct {
		what, fix  string
		base, mine []string
	}{
		{"groups", "give a group a share of 0 in an area without it, and add it to the scenario itself", sortedKeys(c.Groups), sortedKeys(area.Groups)},
		{"profiles", "give a profile a share of 0 in an area without it, and add it to the scenario itself", sortedKeys(c.Profiles), sortedKeys(area.Profiles)},
		{"roles", "give a role no posts in an area without it, and add it to the scenario itself", sortedKeys(c.Roles), sortedKeys(area.Roles)},
		{"services", "give a service no places in an area without it, and add it to the scenario itself", sortedKeys(c.Services), sortedKeys(area.Services)},
	} {
		if !slices.Equal(f.base, f.mine) {
			return fmt.Errorf("its %s (%s) differ from the scenario's (%s): every area has the same %s, as their weekly tables are added up member by member; %s",
				f.what, orNone(f.mine), orNone(f.base), f.what, f.fix)
		}
	}
	return nil
}

// orNone lists names, or says there are none.
func orNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// shownPerKey is how many areas' warnings about one key are shown in full.
const shownPerKey = 3

// groupAreaWarnings keeps the first few areas' warnings about each key and
// sums up the rest in one line: 500 PCNs inheriting one value the scenario
// warns of gave 500 warnings, burying the others. areas names each
// warning's area; warnings not of an area (a key told once) are kept.
func groupAreaWarnings(warns []Warning, areas []string) []Warning {
	total := map[string]int{}
	for i, w := range warns {
		if i < len(areas) && areas[i] != "" {
			total[w.Key]++
		}
	}
	seen := map[string]int{}
	rest := map[string][]string{}
	var out []Warning
	var order []string
	for i, w := range warns {
		// One left over is shown whole: a line to sum up one says less.
		if i >= len(areas) || areas[i] == "" || total[w.Key] <= shownPerKey+1 {
			out = append(out, w)
			continue
		}
		if seen[w.Key]++; seen[w.Key] <= shownPerKey {
			out = append(out, w)
			continue
		}
		if len(rest[w.Key]) == 0 {
			order = append(order, w.Key)
		}
		entry := fmt.Sprintf("%s at line %d", areas[i], w.Line)
		if w.Value != "" {
			entry += ", " + w.Value
		}
		rest[w.Key] = append(rest[w.Key], entry)
	}
	for _, k := range order {
		names := rest[k]
		list := strings.Join(names[:min(len(names), 10)], "; ")
		if len(names) > 10 {
			list += "; …"
		}
		// More counts them, as validate's "ok, with N warnings" says.
		out = append(out, Warning{Key: k, Message: fmt.Sprintf("and for %d more areas (%s), as above", len(names), list), More: len(names)})
	}
	return out
}

func orTop(file, top string) string {
	if file == "" {
		return top
	}
	return file
}

// applyArea returns the scenario c with area l's overrides applied, checked
// as Load would check it, and the warnings its values raise.
func applyArea(c *Config, l *AreaSpec) (*Config, []Warning, error) {
	base := *c
	base.Areas = Areas{}
	var buf bytes.Buffer
	if err := Encode(&buf, &base); err != nil {
		return nil, nil, err
	}
	var doc map[string]any
	if _, err := toml.Decode(buf.String(), &doc); err != nil {
		return nil, nil, fmt.Errorf("re-reading the scenario: %w", err)
	}
	set := l.Set
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		path := splitKey(k)
		if len(path) == 0 || slices.Contains([]string{"run", "areas", "name", "question", "extends"}, path[0]) {
			return nil, nil, fmt.Errorf("%s cannot differ between areas (allowed: any key of demand, initial, profiles, groups, workforce, support, services, holding, rereferral, costs, outcomes, timeline)", k)
		}
		if t := typeAt(path); t == nil {
			return nil, nil, fmt.Errorf("%s is not a scenario key (write it as in the scenario file, e.g. workforce.link_workers or services.wellbeing_groups.places)", k)
		}
		if msg := setIn(doc, path, set[k].V); msg != "" {
			return nil, nil, fmt.Errorf("%s: %s", k, msg)
		}
	}
	// An area's own counts of today's people replace the scenario's
	// caseload, person by person, which would otherwise win silently.
	_, waiting := set["initial.waiting"]
	_, active := set["initial.active"]
	if waiting || active {
		if in, _ := doc["initial"].(map[string]any); in != nil {
			delete(in, "people")
			delete(in, "date")
		}
	}
	// The scenario's own file was read into its people; an area naming
	// one would be read from wherever spsim runs.
	if in, _ := doc["initial"].(map[string]any); in["file"] != nil && in["file"] != "" {
		return nil, nil, errors.New("initial.file cannot differ between areas: an area's people waiting and on caseloads are its initial.waiting and initial.active; a caseload file is for the whole scenario")
	}
	// Problems come as Errors, each with its key: areaErrors places them.
	return buildWarn(doc, provenance{}, "area "+l.Name, c.noFiles)
}

// flattenSet writes an area's settings as key paths: TOML reads set = {
// workforce.link_workers = 4 } (a dotted key, unquoted) as the table
// workforce = { link_workers = 4 }, which would otherwise replace the
// whole [workforce] and leave its other keys missing. A table of a
// distribution stays one value.
func flattenSet(set map[string]Value) map[string]Value {
	out := make(map[string]Value, len(set))
	var walk func(key string, v any)
	walk = func(key string, v any) {
		m, ok := v.(map[string]any)
		if t := typeAt(splitKey(key)); ok && t != nil && mergesByKey(t, m, m) {
			for k, e := range m {
				walk(key+"."+k, e)
			}
			return
		}
		out[key] = Value{v}
	}
	for k, v := range set {
		walk(k, v.V)
	}
	return out
}
