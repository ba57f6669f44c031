package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestForceReplacesOnlySpsimsFiles: --force replaces a folder spsim wrote
// (its marker lists every file); a scenario, extract or note of the user's
// beside them, or a folder without the marker, is never removed: the
// folder is refused.
func TestForceReplacesOnlySpsimsFiles(t *testing.T) {
	commit := func(dir string, force bool, files ...string) error {
		f, err := OpenFolder(dir, force)
		if err != nil {
			return err
		}
		defer f.Close()
		for _, name := range files {
			if err := os.WriteFile(filepath.Join(f.Path(), name), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, err = f.Commit()
		return err
	}
	root := t.TempDir()
	run := filepath.Join(root, "run")
	if err := commit(run, false, "summary.csv", "report.html"); err != nil {
		t.Fatal(err)
	}
	if err := commit(run, false, "summary.csv"); !errors.Is(err, ErrExists) {
		t.Errorf("a folder with a run, without force: %v, want ErrExists", err)
	}
	if err := commit(run, true, "summary.csv"); err != nil {
		t.Errorf("a folder of spsim's outputs, with force: %v", err)
	}
	os.WriteFile(filepath.Join(run, "notes.json"), []byte("mine"), 0o644)
	if err := commit(run, true, "summary.csv"); err == nil || !strings.Contains(err.Error(), "holds files spsim does not write (notes.json)") {
		t.Errorf("a file added to a run's folder: %v, want it refused", err)
	}
	// A folder spsim did not write: the user's scenario and extract, in
	// kinds of file spsim writes too.
	mine := filepath.Join(root, "mydata")
	os.MkdirAll(mine, 0o755)
	for _, name := range []string{"my-area.toml", "referrals.csv"} {
		os.WriteFile(filepath.Join(mine, name), []byte("mine"), 0o644)
	}
	if err := commit(mine, true, "summary.csv"); err == nil || !strings.Contains(err.Error(), "my-area.toml, referrals.csv") {
		t.Errorf("the user's own files, with force: %v, want them refused", err)
	}
	for _, name := range []string{"my-area.toml", "referrals.csv"} {
		if _, err := os.Stat(filepath.Join(mine, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A folder without the marker, even of files named as spsim names its
	// outputs: a user's weekly.csv and logo.png are theirs.
	old := filepath.Join(root, "old")
	os.MkdirAll(old, 0o755)
	for _, name := range []string{"weekly.csv", "summary.json", "logo.png"} {
		os.WriteFile(filepath.Join(old, name), []byte("mine"), 0o644)
	}
	if err := commit(old, true, "summary.csv"); err == nil || !strings.Contains(err.Error(), "has no .spsim-outputs, the list spsim keeps of the files it wrote, so spsim cannot tell whether the files there (") {
		t.Errorf("a folder without the marker, with force: %v, want it refused", err)
	}
	if got, _ := os.ReadFile(filepath.Join(old, "logo.png")); string(got) != "mine" {
		t.Errorf("logo.png holds %q", got)
	}
}

// TestOutputFolderThroughALink: -o naming a link replaces the folder it
// names, the link kept, so the link shows the new results; a link to
// nothing, and the folder the user is in, are refused before any work.
func TestOutputFolderThroughALink(t *testing.T) {
	root := t.TempDir()
	real, link := filepath.Join(root, "real"), filepath.Join(root, "link")
	first, err := OpenFolder(real, false) // an earlier run, marked as spsim's
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(first.Path(), "summary.csv"), []byte("old"), 0o644)
	if _, err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	first.Close()
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	f, err := OpenFolder(link, true)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(f.Path(), "summary.csv"), []byte("new"), 0o644)
	if _, err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	if got, _ := os.ReadFile(filepath.Join(real, "summary.csv")); string(got) != "new" {
		t.Errorf("the folder the link names holds %q, want the new results", got)
	}
	dangling := filepath.Join(root, "dangling")
	os.Symlink(filepath.Join(root, "nowhere", "x"), dangling)
	if _, err := OpenFolder(dangling, false); err == nil || !strings.Contains(err.Error(), "is a link to a folder that does not exist") {
		t.Errorf("a link to nothing: %v", err)
	}
	t.Chdir(link) // the shell's path passes through the link
	if _, err := OpenFolder(".", true); err == nil || !strings.Contains(err.Error(), "holds the folder you are in") {
		t.Errorf("-o . from inside the link: %v", err)
	}
	if _, err := OpenFolder(real, true); err == nil || !strings.Contains(err.Error(), "holds the folder you are in") {
		t.Errorf("-o the real folder from inside the link: %v", err)
	}
	t.Chdir(real)
	for _, dir := range []string{".", ".."} {
		if _, err := OpenFolder(dir, true); err == nil || !strings.Contains(err.Error(), "holds the folder you are in") {
			t.Errorf("-o %s from inside it: %v", dir, err)
		}
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
