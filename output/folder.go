package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrBusy is the error of a folder another spsim run is writing to.
var ErrBusy = errors.New("another spsim run is writing to this folder; wait for it to finish or choose another folder")

// Folder is an output folder being written. Its files go into a fresh
// temporary folder beside it, which Commit moves into place, so the folder
// always holds one whole run: never half of one, and never one run's
// files beside another's. The folder is locked from OpenFolder to Close,
// so a second run into it fails at once rather than mixing its files in.
type Folder struct {
	dir, tmp string // dir is absolute, a link followed
	shown    string // dir as the user gave it
	force    bool
	unlock   func()
	done     bool
}

// Marker is the file, in every output folder spsim commits, that lists the
// files it wrote there: --force replaces a folder only if it holds nothing
// else, so a scenario, extract or note a user keeps beside the outputs is
// never removed with them.
const Marker = ".spsim-outputs"

// OpenFolder locks dir and checks, before any work, that it can be
// written: it must be new, empty, or (with force) hold only files spsim
// writes, and its parent must take a new folder.
func OpenFolder(dir string, force bool) (*Folder, error) {
	shown := filepath.Clean(dir)
	dir, err := realFolder(dir)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating output folder: %w", err)
	}
	unlock, err := lockFolder(filepath.Join(parent, "."+base+".lock"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	f := &Folder{dir: dir, shown: shown, force: force, unlock: unlock}
	names, err := f.replaced()
	if err == nil && len(names) > 0 {
		err = f.removable()
	}
	if err != nil {
		unlock()
		return nil, err
	}
	if f.tmp, err = os.MkdirTemp(parent, "."+base+".tmp-"); err != nil {
		unlock()
		return nil, fmt.Errorf("output folder %s cannot be written: %w", dir, err)
	}
	// A temporary folder is private; the outputs are not.
	if err := os.Chmod(f.tmp, 0o755); err != nil {
		f.Close()
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	return f, nil
}

// realFolder is the folder the outputs replace: dir made absolute (so that
// "-o ." has a parent to hold the lock and the new folder), and a link
// followed to the folder it names, so that the link goes on naming the new
// results rather than being replaced by a folder while its target keeps
// the old ones. A link to nothing, or the root, is refused before any work.
func realFolder(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("output folder %s: %w", dir, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real // links followed, the folder's own among them
	} else if fi, lerr := os.Lstat(abs); lerr == nil && fi.Mode()&os.ModeSymlink != 0 {
		return "", fmt.Errorf("output folder %s is a link to a folder that does not exist (%w): create it, or choose another folder", dir, err)
	}
	if filepath.Dir(abs) == abs {
		return "", fmt.Errorf("output folder %s: the root cannot be replaced; choose a folder inside it", dir)
	}
	// The folder is replaced whole: the shell in it would be left in a
	// removed folder, seeing nothing.
	if cwd, err := os.Getwd(); err == nil {
		if real, err := filepath.EvalSymlinks(cwd); err == nil {
			cwd = real // the shell's path may pass through a link
		}
		if rel, err := filepath.Rel(abs, cwd); err == nil && !(rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))) {
			return "", fmt.Errorf("output folder %s holds the folder you are in: spsim replaces its output folder whole, so choose one inside it (-o out)", dir)
		}
	}
	return abs, nil
}

// Path is where the outputs are written until Commit.
func (f *Folder) Path() string { return f.tmp }

// Real is the output folder, absolute and with its links followed: where
// the outputs end up, from which a path they hold is relative.
func (f *Folder) Real() string { return f.dir }

// Dir is the output folder, as the user named it.
func (f *Folder) Dir() string { return f.shown }

// replaced lists the files an earlier run left in the folder, which Commit
// will remove, or says why the folder cannot be replaced.
func (f *Folder) replaced() ([]string, error) {
	entries, err := os.ReadDir(f.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("reading output folder: %w", err)
	case len(entries) > 0 && !f.force:
		return nil, fmt.Errorf("%s: %w", f.shown, ErrExists)
	}
	ours, marked := readMarker(f.dir)
	var names, foreign []string
	for _, e := range entries {
		name := e.Name()
		if name == Marker {
			continue
		}
		names = append(names, name)
		if e.IsDir() || !ours[name] {
			foreign = append(foreign, name)
		}
	}
	if !marked && len(foreign) > 0 {
		// No marker: a folder spsim did not write, or wrote before the
		// marker. Its files' names prove nothing (a user's weekly.csv or
		// logo.png), so none is removed.
		return nil, fmt.Errorf("%s has no %s, the list spsim keeps of the files it wrote, so spsim cannot tell whether the files there (%s) are its own: --force replaces only a folder of spsim's outputs; remove them yourself, or choose another folder",
			f.shown, Marker, strings.Join(foreign, ", "))
	}
	if len(foreign) > 0 {
		return nil, fmt.Errorf("%s holds files spsim does not write (%s): --force replaces only a folder of spsim's outputs; move them or choose another folder",
			f.shown, strings.Join(foreign, ", "))
	}
	return names, nil
}

// removable says, before any work, whether the earlier outputs in the
// folder can be removed once the new ones are in place: in a folder made
// read-only they could not, and the run would end in an error after
// replacing them, leaving them beside it.
func (f *Folder) removable() error {
	probe, err := os.CreateTemp(f.dir, ".spsim-probe-")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the probe's own name says nothing to the user
		}
		return fmt.Errorf("%s cannot be replaced: the earlier outputs in it could not be removed (%w); make it writable, or choose another folder", f.shown, err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// Commit moves the finished outputs into place, replacing the folder's
// earlier files, and returns the names of those it removed.
func (f *Folder) Commit() ([]string, error) {
	removed, err := f.replaced()
	if err != nil {
		return nil, err
	}
	if err := writeMarker(f.tmp); err != nil {
		return nil, err
	}
	old := ""
	if _, err := os.Stat(f.dir); err == nil {
		old = f.tmp + ".old"
		if err := os.Rename(f.dir, old); err != nil {
			return nil, fmt.Errorf("replacing %s: %w", f.shown, err)
		}
	}
	if err := os.Rename(f.tmp, f.dir); err != nil {
		if old != "" {
			os.Rename(old, f.dir)
		}
		return nil, fmt.Errorf("moving the outputs into %s: %w", f.shown, err)
	}
	f.done = true
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return removed, fmt.Errorf("removing the earlier outputs (%s): %w", old, err)
		}
	}
	return removed, nil
}

// Close releases the lock and, unless committed, removes what was written.
func (f *Folder) Close() error {
	var err error
	if !f.done {
		err = os.RemoveAll(f.tmp)
	}
	f.unlock()
	return err
}

// writeMarker lists the files in dir in its Marker.
func writeMarker(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("listing the outputs: %w", err)
	}
	var b strings.Builder
	b.WriteString("# the files spsim wrote here; spsim --force replaces this folder only if it holds nothing else\n")
	for _, e := range entries {
		if !e.IsDir() && e.Name() != Marker {
			b.WriteString(e.Name() + "\n")
		}
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", Marker, err)
	}
	return nil
}

// readMarker reads the names dir's Marker lists; marked is false if it has
// none (a folder spsim did not write, or wrote before the marker).
func readMarker(dir string) (names map[string]bool, marked bool) {
	data, err := os.ReadFile(filepath.Join(dir, Marker))
	if err != nil {
		return nil, false
	}
	names = map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			names[line] = true
		}
	}
	return names, true
}
