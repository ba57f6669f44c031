package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDefaultDirStaysUnderOut: a scenario named to escape writes under out/.
func TestDefaultDirStaysUnderOut(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range []string{"../../escaped", "/etc/x", "a/../../b", "..", "baseline"} {
		dir := defaultDir(name)
		rel, err := filepath.Rel("out", dir)
		if err != nil || strings.HasPrefix(rel, "..") || rel == "." || strings.ContainsRune(rel, filepath.Separator) {
			t.Errorf("defaultDir(%q) = %q, not a folder directly under out/", name, dir)
		}
	}
	if got := defaultDir("baseline"); got != filepath.Join("out", "baseline") {
		t.Errorf("defaultDir(baseline) = %q", got)
	}
}
