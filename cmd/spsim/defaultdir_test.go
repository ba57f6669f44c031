package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
)

// TestDefaultDirStaysUnderOut: a scenario named to escape writes under out/.
func TestDefaultDirStaysUnderOut(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range []string{"../../escaped", "/etc/x", "a/../../b", "..", "baseline"} {
		dir, _ := nextDefaultDir(name, 1)
		rel, err := filepath.Rel("out", dir)
		if err != nil || strings.HasPrefix(rel, "..") || rel == "." || strings.ContainsRune(rel, filepath.Separator) {
			t.Errorf("the default folder of %q is %q, not a folder directly under out/", name, dir)
		}
	}
	if got, _ := nextDefaultDir("baseline", 1); got != filepath.Join("out", "baseline") {
		t.Errorf("the default folder of baseline is %q", got)
	}
}

// TestRunsStartedTogetherTakeTheirOwnFolders: without -o, a run that finds
// the default folder locked by another (both saw it empty) takes the next,
// and one that finds the next holding a run skips it too.
func TestRunsStartedTogetherTakeTheirOwnFolders(t *testing.T) {
	t.Chdir(t.TempDir())
	first, dir, err := openOutFolder("", "baseline", false)
	if err != nil || dir != filepath.Join("out", "baseline") {
		t.Fatalf("first run: %q, %v", dir, err)
	}
	defer first.Close()
	if err := os.MkdirAll(filepath.Join("out", "baseline-2"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("out", "baseline-2", "summary.csv"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	second, dir, err := openOutFolder("", "baseline", false)
	if err != nil || dir != filepath.Join("out", "baseline-3") {
		t.Fatalf("second run, with out/baseline locked and out/baseline-2 full: %q, %v", dir, err)
	}
	second.Close()
	if _, _, err := openOutFolder(filepath.Join("out", "baseline"), "baseline", false); !errors.Is(err, output.ErrBusy) {
		t.Errorf("-o out/baseline while it is locked: %v, want the busy error", err)
	}
}
