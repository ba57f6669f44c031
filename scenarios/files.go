package scenarios

// File is one scenario file as written, comments and all.
type File struct {
	Name string // the path, or builtin:NAME.toml
	Text string
}

// Files returns the files behind the scenario ref as written, with the
// comments that give each value's source: the file itself, then the files
// it extends, as far as they can be read. It follows Load's rule for
// extends, so a report lists exactly the files a run was built from.
func Files(ref string) []File { return FilesWith(ref, Options{}) }

// FilesWith is Files under opts: it reads only the files LoadWith would.
func FilesWith(ref string, opts Options) []File {
	ld := &loader{opts: opts}
	src, ok := builtinSource(ref)
	if !ok || !isBuiltinRef(ref) {
		var err error
		if ld.allowedFile(ref) != "" {
			return nil
		}
		if src, err = readSource(ref); err != nil {
			return nil
		}
	}
	var out []File
	for depth := 0; depth <= maxDepth; depth++ {
		out = append(out, File{Name: src.file, Text: string(src.data)})
		m, _, errs := parse(src, 0)
		if errs != nil {
			break
		}
		ext, _ := m["extends"].(string)
		if ext == "" {
			break
		}
		parent, msg := ld.findParent(src, ext)
		if msg != "" {
			break
		}
		src = parent
	}
	return out
}
