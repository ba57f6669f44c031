package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by PrepareDir for an output folder that already
// holds files, so that a previous run is never overwritten by accident.
var ErrExists = errors.New("output folder already exists and is not empty (use --force to overwrite)")

// PrepareDir makes dir ready for a run's outputs. An existing non-empty
// folder is refused unless force is set.
func PrepareDir(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("creating output folder: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("reading output folder: %w", err)
	case len(entries) > 0 && !force:
		return fmt.Errorf("%s: %w", dir, ErrExists)
	}
	return nil
}

// WriteFile writes path atomically: the content goes to a temporary file in
// the same folder, is synced, and is renamed over path only once complete.
// On any error the temporary file is removed and path is untouched.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if err = write(bw); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
