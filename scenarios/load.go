package scenarios

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

const (
	// maxDepth bounds the number of extends followed from one file.
	maxDepth = 16
	// maxFileSize bounds a scenario file; real ones are a few kilobytes.
	maxFileSize = 1 << 20
	// maxDataFileBytes bounds an areas file or a caseload extract: England's
	// 1,250 areas take 100 KB, a caseload of thousands a few hundred.
	maxDataFileBytes = 64 << 20
	// maxChainSize bounds the bytes of all the files of an extends chain
	// together, so that a chain costs no more to load than one large file.
	maxChainSize = 2 << 20
)

// Load loads a scenario by reference: the name of a built-in scenario (no
// path separator, no .toml suffix, and present in the library), or else
// the path of a scenario file. It is LoadWith with no options, leaving out
// the warnings.
//
// The error, when the scenario has problems, is an Errors listing every
// problem with its file, line and column.
func Load(ref string) (*Config, error) {
	l, err := LoadWith(ref, Options{})
	if err != nil {
		return nil, err
	}
	return l.Config, nil
}

// LoadFile loads the scenario file at path, resolving its extends chain,
// decoding it strictly and validating it.
func LoadFile(path string) (*Config, error) {
	src, err := readSource(path)
	if err != nil {
		return nil, err
	}
	return configOf((&loader{}).load(src))
}

func configOf(l *Loaded, err error) (*Config, error) {
	if err != nil {
		return nil, err
	}
	return l.Config, nil
}

// source is one scenario file's text and where it came from.
type source struct {
	file    string // as shown in errors
	id      string // identity, for finding cycles
	dir     string // the folder relative extends are resolved in
	builtin bool
	data    []byte
	keys    int // keys the file sets (an upper bound), once parsed
}

// readSource reads a scenario file, refusing huge ones.
func readSource(path string) (source, error) {
	// Stat before opening: opening a named pipe would block.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		what := "not a regular file"
		if info.IsDir() {
			what = "a folder, not a file"
		}
		return source{}, Errors{{File: path, Msg: what + ": a scenario is a TOML file"}}
	}
	f, err := os.Open(path)
	if err != nil {
		return source{}, fmt.Errorf("reading scenario: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return source{}, fmt.Errorf("reading scenario: %w", err)
	}
	if len(data) > maxFileSize {
		return source{}, Errors{{File: path, Msg: fmt.Sprintf("file too large for a scenario (over %d MiB)", maxFileSize>>20)}}
	}
	id, err := filepath.Abs(path)
	if err != nil {
		id = filepath.Clean(path)
	}
	return source{file: path, id: id, dir: filepath.Dir(path), data: data}, nil
}

// loadBytes loads data as the scenario file named file in folder dir,
// which relative extends are resolved in.
func loadBytes(file, dir string, data []byte) (*Config, error) {
	return configOf((&loader{}).load(source{file: file, id: filepath.Join(dir, file), dir: dir, data: data}))
}

// buildWarn is build, also returning the warnings about values that are
// allowed but unlikely. With noFiles, a file the scenario names is refused
// unread (Config.noFiles).
func buildWarn(m map[string]any, pv provenance, top string, noFiles bool) (*Config, []Warning, error) {
	c, d := decodeConfig(m)
	c.noFiles = noFiles
	errs := place(d.errs, m, pv, top)
	var areaWarns, fileWarns []Warning
	if len(errs) == 0 {
		// Today's people first: each area's scenario is built from them.
		if errs, fileWarns = expandInitial(c, pv, top); len(errs) == 0 {
			errs, areaWarns = expandAreas(c, pv, top)
		} else {
			// Told at their rows: validation would tell them again, by
			// keys (initial.people.190.age_weeks) nobody wrote.
			d.bad = append(d.bad, "initial.people")
		}
	}
	bad := newKeySet(d.bad)
	v := validate(c, bad.involves)
	errs = append(errs, place(v.errs, m, pv, top)...)
	if len(errs) == 0 {
		// Steps apply in week order, those of one week in file order
		// (a parent's before its child's).
		slices.SortStableFunc(c.Timeline, func(a, b Change) int { return cmp.Compare(a.Week, b.Week) })
		var warns []Warning
		for _, w := range place(v.warns, m, pv, top).sort() {
			warns = append(warns, Warning{File: w.File, Line: w.Line, Col: w.Col, Key: w.Key, Value: w.Value, Message: w.Msg, Also: w.also})
		}
		for _, m := range v.moreWarns {
			warns = append(warns, m.warning(top))
		}
		warns = append(warns, fileWarns...)
		return c, append(warns, capWarnings(areaWarns)...), nil
	}
	errs = errs.sort()
	if n := d.more + v.more; n > 0 {
		errs = append(errs, &Error{File: top, Msg: fmt.Sprintf("... and %d more problems", n)})
	}
	return nil, nil, errs
}

// capWarnings keeps the first maxErrors of the areas' warnings about each
// key (an areas file of a thousand PCNs may repeat one), and says how many
// more there are about that key. It cuts key by key: cut all together, a
// hundred warnings about other keys pushed out and lost a key's only one.
func capWarnings(ws []Warning) []Warning {
	per := map[string]int{}
	var out []Warning
	var more []Warning // one a key, in the order first left out
	for _, w := range ws {
		if per[w.Key]++; per[w.Key] <= maxErrors {
			out = append(out, w)
			continue
		}
		i := slices.IndexFunc(more, func(m Warning) bool { return m.Key == w.Key })
		if i < 0 {
			i, more = len(more), append(more, Warning{File: w.File, Key: w.Key})
		}
		more[i].More += max(w.More, 1)
	}
	for _, m := range more {
		m.Message = fmt.Sprintf("... and %d more warnings about areas", m.More)
		out = append(out, m)
	}
	return out
}

// keySet is a set of key paths, answering whether a key is at or beneath
// one of them.
type keySet map[string]bool

func newKeySet(keys []string) keySet {
	s := keySet{}
	for _, k := range keys {
		s[k] = true
	}
	return s
}

// covers reports whether key is at or beneath a key of s.
func (s keySet) covers(key string) bool {
	if len(s) == 0 {
		return false
	}
	path := splitKey(key)
	for i := 1; i <= len(path); i++ {
		if s[keyString(path[:i])] {
			return true
		}
	}
	return false
}

// involves reports whether fe concerns a value at or beneath a key of s:
// a validation error that follows from a value that could not be decoded.
// Errors name in Also every value they depend on.
func (s keySet) involves(fe FieldError) bool {
	if s.covers(fe.Key) {
		return true
	}
	for _, k := range fe.Also {
		if s.covers(k) {
			return true
		}
	}
	return false
}

// place turns field errors into located Errors. An error is placed at its
// key, unless the key was set in a parent file and a related key was set
// in the top file, which is then the more useful place to point at. The
// value is shown as written in the file.
func place(fes []FieldError, m map[string]any, pv provenance, top string) Errors {
	var errs Errors
	for _, fe := range fes {
		at, ok := pv[fe.Key]
		raw, found := lookup(m, splitKey(fe.Key))
		if _, isTable := raw.(map[string]any); !ok || at.file != top || isTable {
			for _, k := range fe.Also {
				if a, here := pv[k]; here && a.file == top {
					at, ok = a, true
					if fe.alt != nil && fe.alt.Key == k {
						// Say it about the value written here.
						fe = *fe.alt
						raw, found = lookup(m, splitKey(fe.Key))
					}
					break
				}
			}
		}
		if !ok {
			at, ok = pv.find(fe.Key)
		}
		if !ok {
			at = pos{file: top}
		}
		value := fe.Value
		if found && value != "" {
			value = formatValue(raw)
		}
		errs = append(errs, &Error{File: at.file, Line: at.line, Col: at.col, Key: fe.Key, Value: value, Msg: fe.Msg, also: fe.Also})
	}
	return errs
}

// resolve parses src and, if it extends another scenario, resolves that
// and lays src over it. stack holds the files that led here.
func (ld *loader) resolve(src source, stack []source) (map[string]any, provenance, Errors) {
	before := 0
	for _, s := range stack {
		before += s.keys
	}
	m, locs, errs := parse(src, before)
	if errs != nil {
		if len(stack) > 0 && !src.builtin {
			return nil, nil, parentFailed(src, errs)
		}
		return nil, nil, errs
	}
	if len(stack) > 0 && !src.builtin && !looksLikeScenario(m) {
		return nil, nil, Errors{{File: src.file, Msg: "not a spsim scenario: it has keys that scenarios do not have, or no name = \"...\" (its contents are not shown)"}}
	}
	pv := provenance{}
	for k, l := range locs {
		pv[k] = pos{src.file, l.line, l.col}
	}
	replaceAt := pv[timelineReplaceKey]
	replace, msg := takeTimelineReplace(m, pv)
	if msg != "" {
		return nil, nil, Errors{{File: src.file, Line: replaceAt.line, Col: replaceAt.col, Key: timelineReplaceKey, Value: formatValue(m[timelineReplaceKey]), Msg: msg}}
	}
	ext, ok := m["extends"]
	if !ok {
		return m, pv, nil
	}
	at := pv["extends"]
	fail := func(msg string) Errors {
		return Errors{{File: src.file, Line: at.line, Col: at.col, Key: "extends", Value: formatValue(ext), Msg: msg}}
	}
	ref, ok := ext.(string)
	if !ok {
		return nil, nil, fail(`must be a string: a built-in scenario such as "baseline", or a file such as "../my-area.toml"`)
	}
	parent, msg := ld.findParent(src, ref)
	if msg != "" {
		return nil, nil, fail(msg)
	}
	src.keys = len(locs)
	stack = append(slices.Clip(stack), src)
	if msg := checkChain(stack, parent); msg != "" {
		return nil, nil, fail(msg)
	}
	pm, merged, errs := ld.resolve(parent, stack)
	if errs != nil {
		return nil, nil, errs
	}
	ld.notes = append(ld.notes, droppedEntries(pm, m, pv, src.file)...)
	pm = withoutCopies(pm, m, merged)
	out := mergeTimelines(pm, m, merged, pv, replace)
	if _, ok := m["name"]; !ok {
		// Every file names itself: an inherited name would mislabel results.
		delete(out, "name")
		delete(merged, "name")
	}
	return out, merged, nil
}

// checkChain says why stack may not go on to parent: a cycle, too many
// levels, or too many bytes in all; "" if it may.
func checkChain(stack []source, parent source) string {
	for i, s := range stack {
		if s.id == parent.id {
			var chain []string
			for _, s := range stack[i:] {
				chain = append(chain, s.file)
			}
			return "extends cycle: " + strings.Join(append(chain, parent.file), " extends ")
		}
	}
	if len(stack) > maxDepth {
		return fmt.Sprintf("too many levels of extends (at most %d)", maxDepth)
	}
	total := len(parent.data)
	for _, s := range stack {
		total += len(s.data)
	}
	if total > maxChainSize {
		return fmt.Sprintf("the scenarios of this extends chain are too large together (over %d MiB); real scenarios are a few kilobytes", maxChainSize>>20)
	}
	return ""
}

// findParent finds the scenario that src extends, or says why it cannot.
func (ld *loader) findParent(src source, ref string) (source, string) {
	if s, msg, done := ld.builtinParent(src, ref); done {
		return s, msg
	}
	return ld.fileParent(src, ref)
}

// builtinParent finds a built-in parent, or says why ref must be one and is
// not; done is false if ref may name a file.
func (ld *loader) builtinParent(src source, ref string) (s source, msg string, done bool) {
	names := strings.Join(builtinNames(), ", ")
	switch {
	case ref == "":
		return source{}, `must name a scenario: a built-in such as "baseline", or a file such as "../my-area.toml"`, true
	case isBuiltinRef(ref):
		s, _ := builtinSource(ref)
		return s, "", true
	}
	if name, ok := strings.CutSuffix(ref, ".toml"); ok && isBuiltinRef(name) && (src.builtin || ld.opts.BuiltinOnly) {
		return source{}, fmt.Sprintf("did you mean extends = %q? Built-in scenarios are named without .toml", name), true
	}
	switch {
	case src.builtin:
		return source{}, fmt.Sprintf("a built-in scenario can only extend another built-in, and %q is not one (built-ins: %s)", ref, names), true
	case ld.opts.BuiltinOnly:
		msg := fmt.Sprintf("only built-in scenarios can be extended here, and %q is not one", ref)
		if s := suggest(ref, builtinNames()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return source{}, msg + " (built-ins: " + names + ")", true
	}
	return source{}, "", false
}

// fileParent reads the scenario file ref names, relative to src's folder,
// or says why it cannot.
func (ld *loader) fileParent(src source, ref string) (source, string) {
	path := ref
	if !filepath.IsAbs(path) {
		path = filepath.Join(src.dir, ref)
	}
	if !strings.HasSuffix(ref, ".toml") {
		// Only .toml files are read, so that extends cannot be pointed at
		// a file of secrets to have it echoed in errors.
		if looksLikeName(ref) {
			return source{}, unknownBuiltin(ref, ", and a scenario file's name ends in .toml")
		}
		return source{}, fmt.Sprintf("a scenario file's name ends in .toml, and %s does not", path)
	}
	if msg := ld.allowedFile(path); msg != "" {
		return source{}, fmt.Sprintf("%s is %s", path, msg)
	}
	s, err := readSource(path)
	switch {
	case err == nil:
		return s, ""
	case errors.Is(err, fs.ErrNotExist) && looksLikeName(ref):
		return source{}, unknownBuiltin(ref, " and no file "+path)
	case errors.Is(err, fs.ErrNotExist):
		msg := fmt.Sprintf("parent scenario %s does not exist (a relative path is taken from the folder of %s)", path, src.file)
		if name, ok := strings.CutSuffix(ref, ".toml"); ok && isBuiltinRef(name) {
			msg = fmt.Sprintf("no file %s; did you mean extends = %q, the built-in scenario? (built-ins are named without .toml)", path, name)
		}
		return source{}, msg
	}
	var es Errors
	if errors.As(err, &es) {
		return source{}, es[0].Msg
	}
	return source{}, err.Error()
}

// unknownBuiltin says that ref is no built-in scenario, with the nearest
// name if one is near, or else with more, which says why it is no file
// either.
func unknownBuiltin(ref, more string) string {
	names := strings.Join(builtinNames(), ", ")
	if s := suggest(ref, builtinNames()); s != "" {
		return fmt.Sprintf("no built-in scenario %q; did you mean %q? (built-ins: %s)", ref, s, names)
	}
	return fmt.Sprintf("no built-in scenario %q%s (built-ins: %s)", ref, more, names)
}

// parentFailed reports that a file src extends could not be read as a
// scenario, giving the place but not the parser's message, which may quote
// the file: a file extends names might not be a scenario at all, and its
// contents must never be echoed.
func parentFailed(src source, errs Errors) Errors {
	e := errs[0]
	msg := e.Msg
	if strings.HasPrefix(msg, "TOML syntax error") {
		msg = "TOML syntax error (spsim validate " + src.file + " shows it)"
	}
	return Errors{{File: e.File, Line: e.Line, Col: e.Col, Msg: "in a scenario this one extends: " + msg}}
}

// looksLikeScenario reports whether a parsed file has only keys a scenario
// file may have at the top level, and a name.
func looksLikeScenario(m map[string]any) bool {
	if _, ok := m["name"].(string); !ok {
		return false
	}
	for k := range m {
		if k != timelineReplaceKey && targetType(reflect.TypeFor[Config](), k) == nil {
			return false
		}
	}
	return true
}

// looksLikeName reports whether ref is written like a built-in name rather
// than a path.
func looksLikeName(ref string) bool {
	return !strings.ContainsAny(ref, `/\`) && !strings.HasSuffix(ref, ".toml")
}

// isBuiltinRef reports whether ref names a built-in scenario.
func isBuiltinRef(ref string) bool {
	_, ok := Source(ref)
	return ok && looksLikeName(ref)
}

// lookup finds the value at path in a decoded TOML document.
func lookup(m map[string]any, path []string) (any, bool) {
	var cur any = m
	for _, k := range path {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[k]
			if !ok {
				return nil, false
			}
			cur = v
		case []any, []map[string]any:
			i, err := strconv.Atoi(k)
			if err != nil {
				return nil, false
			}
			switch c := c.(type) {
			case []any:
				if i < 0 || i >= len(c) {
					return nil, false
				}
				cur = c[i]
			case []map[string]any:
				if i < 0 || i >= len(c) {
					return nil, false
				}
				cur = c[i]
			}
		default:
			return nil, false
		}
	}
	return cur, true
}
