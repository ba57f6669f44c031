package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestMessagesPrintNoControlCharacters: what spsim prints about bad input
// names the file, flag or value the user gave, with any control character
// in it escaped (\x1b): a file name or argument holding an escape sequence
// never reaches the terminal as one.
func TestMessagesPrintNoControlCharacters(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "dang\x1b[31m.toml")
	if err := os.Symlink(filepath.Join(dir, "none"), dangling); err != nil {
		t.Skip(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"validate a dangling link", []string{"validate", dangling}, `dang\x1b[31m.toml`},
		{"run a missing file", []string{"run", filepath.Join(dir, "no\x1b[2J.toml")}, `no\x1b[2J.toml`},
		{"calibrate a missing extract", []string{"calibrate", filepath.Join(dir, "no\x1b]0;x\a.csv")}, `no\x1b]0;x\a.csv`},
		{"an unknown flag", []string{"run", "--repl\x1b[31m"}, `repl\x1b[31m`},
		{"a --set value", []string{"run", "--set", "workforce.link_workers=\x1b[31m"}, `link_workers=\x1b[31m`},
		{"a --vary key", []string{"sweep", "baseline", "--vary", "workforce.link_w\x1b=1,2"}, `link_w\x1b=1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Main(tt.args, &stdout, &stderr); code == 0 {
				t.Fatalf("exit 0; want a refusal")
			}
			out := stdout.String() + stderr.String()
			if strings.ContainsFunc(strings.ReplaceAll(out, "\n", ""), unicode.IsControl) {
				t.Errorf("printed a control character: %q", out)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("printed %q; want it to name %s", out, tt.want)
			}
		})
	}
}
