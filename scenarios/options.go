package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Options control how LoadWith and LoadBytes load a scenario. The zero
// value is what the command line uses: files anywhere, warnings reported.
type Options struct {
	// Root, if set, is the only folder scenario files may be read from:
	// the file loaded, the files it extends, its areas file and its
	// caseload file must be in it or below it (after following symbolic
	// links).
	Root string
	// BuiltinOnly lets extends name built-in scenarios only, and refuses
	// areas and caseload files: for scenarios uploaded to a server, which
	// must not read the server's files.
	BuiltinOnly bool
	// Strict makes every warning an error, for scripted use.
	Strict bool
}

// Warning is a value that is allowed but unlikely to be meant, such as
// on_cost_share = 28 where 0.28 is typical. A run still goes ahead.
type Warning struct {
	File      string // as in Error
	Line, Col int
	Key       string
	Value     string
	Message   string   // the typical range, what the key means and the likely fix
	Also      []string // other keys the warning involves, as an error's
	More      int      // on the line that stands for the warnings left out: how many
}

// CountWarnings is how many warnings ws holds, those left out included.
func CountWarnings(ws []Warning) int {
	n := 0
	for _, w := range ws {
		n += max(w.More, 1)
	}
	return n
}

// String formats w as "file:line:col: key = value: warning: message".
func (w Warning) String() string {
	e := Error{File: w.File, Line: w.Line, Col: w.Col, Key: w.Key, Value: w.Value, Msg: "warning: " + w.Message}
	return e.Error()
}

// After writes w as the warning of a flag that set key to value: "--vary
// costs.on_cost_share = 28: warning: …" when it is about that key, and
// "--lever workforce.link_workers=1: initial.active = 80: warning: …" when
// setting it made another key's value unlikely.
// AfterOneOf is After for the value of kvs (set together) the warning is
// about: the one whose key it names, or names the table of, or involves;
// else the first.
func (w Warning) AfterOneOf(flag string, kvs []KeyValue) string {
	kv := kvs[0]
	for _, x := range kvs {
		if x.Key == w.Key || strings.HasPrefix(w.Key, x.Key+".") || slices.Contains(w.Also, x.Key) {
			kv = x
			break
		}
	}
	return w.After(flag, kv.Key, kv.Value)
}

func (w Warning) After(flag, key, value string) string {
	if w.Key == key || !slices.Contains(w.Also, key) {
		return flag + " " + w.String()
	}
	return flag + " " + key + "=" + value + ": " + w.String()
}

// Loaded is a loaded scenario and the warnings about it.
type Loaded struct {
	Config   *Config
	Warnings []Warning
}

// LoadWith loads a scenario by reference, as Load does, under opts. With
// opts.Strict, warnings are returned as Errors.
func LoadWith(ref string, opts Options) (*Loaded, error) {
	ld := &loader{opts: opts}
	if isBuiltinRef(ref) {
		src, _ := builtinSource(ref)
		return ld.load(src)
	}
	if msg := ld.allowedFile(ref); msg != "" {
		return nil, Errors{{File: ref, Msg: msg}}
	}
	src, err := readSource(ref)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && looksLikeName(ref) {
			mean := ""
			if m := suggest(ref, builtinNames()); m != "" {
				mean = fmt.Sprintf("; did you mean %q?", m)
			}
			return nil, fmt.Errorf("no built-in scenario or file named %q%s (built-ins: %s)", ref, mean, strings.Join(builtinNames(), ", "))
		}
		return nil, err
	}
	return ld.load(src)
}

// LoadBytes loads data, the text of a scenario file named name (for
// messages), under opts: for a scenario uploaded to a server, with
// BuiltinOnly set. A relative extends is taken from opts.Root.
func LoadBytes(name string, data []byte, opts Options) (*Loaded, error) {
	if len(data) > maxFileSize {
		return nil, Errors{{File: name, Msg: fmt.Sprintf("file too large for a scenario (over %d MiB)", maxFileSize>>20)}}
	}
	dir := opts.Root
	if dir == "" {
		dir = "."
	}
	ld := &loader{opts: opts}
	return ld.load(source{file: name, id: "upload:" + name, dir: dir, data: data})
}

// loader loads one scenario under its options.
type loader struct {
	opts Options
	// notes are warnings found while resolving the extends chain, before
	// the scenario is built.
	notes []Warning
}

// allowedFile returns why path may not be read under the options, or "".
func (ld *loader) allowedFile(path string) string {
	if ld.opts.Root == "" {
		return ""
	}
	root, err := filepath.Abs(ld.opts.Root)
	if err == nil {
		root, err = filepath.EvalSymlinks(root)
	}
	if err != nil {
		return "the folder scenarios may be read from cannot be found"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "outside the folder scenarios may be read from"
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "outside the folder scenarios may be read from"
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(os.PathSeparator)) || filepath.IsAbs(rel) {
		return "outside the folder scenarios may be read from"
	}
	return ""
}

// load resolves, decodes and validates the scenario in src.
func (ld *loader) load(src source) (*Loaded, error) {
	m, pv, errs := ld.resolve(src, nil)
	if errs != nil {
		return nil, errs
	}
	if errs := ld.checkFiles(m, pv, src.file); errs != nil {
		return nil, errs
	}
	ld.notes = append(ld.notes, unfundedServices(m, pv, src.file)...)
	c, warns, err := buildWarn(m, pv, src.file, ld.opts.BuiltinOnly)
	if err != nil {
		return nil, err
	}
	warns = append(ld.notes, warns...)
	if ld.opts.Strict && len(warns) > 0 {
		es := make(Errors, len(warns))
		for i, w := range warns {
			es[i] = &Error{File: w.File, Line: w.Line, Col: w.Col, Key: w.Key, Value: w.Value, Msg: w.Message + " (an error under --strict)"}
		}
		return nil, es
	}
	return &Loaded{Config: c, Warnings: warns}, nil
}

// fileKeys are the scenario keys that name a file to read, each with what
// to write instead where files cannot be read.
var fileKeys = []struct{ table, key, instead string }{
	{"areas", "areas.file", "areas files cannot be read here: list the areas with [[areas.list]] instead"},
	{"initial", "initial.file", "caseload files cannot be read here: give today's people as [[initial.people]] instead"},
}

// fileRefusal is what to write instead of the file key where files cannot
// be read.
func fileRefusal(key string) string {
	for _, fk := range fileKeys {
		if fk.key == key {
			return fk.instead
		}
	}
	return "files cannot be read here"
}

// checkFiles refuses a file (areas.file, initial.file) that the options do
// not allow reading: any, for a scenario uploaded to a server
// (BuiltinOnly), or one outside Root.
func (ld *loader) checkFiles(m map[string]any, pv provenance, top string) Errors {
	if ld.opts.Root == "" && !ld.opts.BuiltinOnly {
		return nil
	}
	for _, fk := range fileKeys {
		table, _ := m[fk.table].(map[string]any)
		file, ok := table["file"].(string)
		if !ok {
			continue
		}
		at, _ := pv.find(fk.key)
		fail := func(msg string) Errors {
			return Errors{{File: orTop(at.file, top), Line: at.line, Col: at.col, Key: fk.key, Value: quoteString(file), Msg: msg}}
		}
		if ld.opts.BuiltinOnly && !strings.HasPrefix(at.file, "builtin:") {
			return fail(fk.instead)
		}
		path := file
		if !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(at.file), file)
		}
		if !strings.HasPrefix(at.file, "builtin:") {
			if msg := ld.allowedFile(path); msg != "" {
				return fail(msg)
			}
		}
	}
	return nil
}

// SafeName turns a scenario name into a folder name that cannot escape the
// folder it is made in: letters, digits, '.', '-' and '_' are kept, runs of
// anything else become one '-', leading dots and dashes are dropped, and
// the result is at most 64 bytes. A name with nothing left becomes
// "scenario"; Windows' reserved device names get a trailing '_'.
func SafeName(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		ok := r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_')
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimLeft(b.String(), ".-")
	if len(s) > 64 {
		s = s[:64]
	}
	s = strings.TrimRight(s, ".- ")
	if s == "" {
		return "scenario"
	}
	base, _, _ := strings.Cut(strings.ToUpper(s), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		s += "_"
	}
	return s
}
