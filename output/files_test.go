package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrepareDir(t *testing.T) {
	root := t.TempDir()
	fresh := filepath.Join(root, "a", "b")
	if err := PrepareDir(fresh, false); err != nil {
		t.Fatalf("new folder: %v", err)
	}
	if err := PrepareDir(fresh, false); err != nil {
		t.Fatalf("existing empty folder: %v", err)
	}
	os.WriteFile(filepath.Join(fresh, "summary.csv"), []byte("x"), 0o644)
	if err := PrepareDir(fresh, false); !errors.Is(err, ErrExists) {
		t.Fatalf("non-empty folder without force: %v, want ErrExists", err)
	}
	if err := PrepareDir(fresh, true); err != nil {
		t.Fatalf("non-empty folder with force: %v", err)
	}
}

func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "summary.csv")
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "old\n"); return err }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half a new fi")
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "summary.csv") {
		t.Fatalf("failed write: %v, want an error naming the file and wrapping the cause", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old\n" {
		t.Fatalf("a failed write changed the file: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestWriteFileUnwritable(t *testing.T) {
	err := WriteFile(filepath.Join(t.TempDir(), "missing", "weekly.csv"), func(io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "weekly.csv") {
		t.Fatalf("writing into a missing folder: %v, want an error naming the file", err)
	}
}
