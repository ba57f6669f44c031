package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestErrorsPrintNoControlCharacters: an error names the file, the key and
// the value as written, and prints them to a terminal: a control character
// in any of them (an escape in an areas file's cell or header, in a file's
// name) is written as its escape, \x1b, so that no sequence reaches the
// terminal and no line break forges a line of the report.
func TestErrorsPrintNoControlCharacters(t *testing.T) {
	tests := []struct {
		name, file, csv, want string
	}{
		{"name cell with an escape", "p.csv", "name,workforce.link_workers\nA,3\n\"So\x1buth\",3\n", `name = So\x1buth`},
		{"name cell with a bell", "p.csv", "name,workforce.link_workers\nA,3\n\"So\auth\",3\n", `name = So\auth`},
		{"header with an escape", "p.csv", "name,\"workforce.link\x1b[31m\"\nA,3\n", `workforce.link\x1b[31m: not a scenario key`},
		{"header of an escape alone", "p.csv", "name,\"\x1b[31m\"\nA,3\n", `\x1b[31m: not a scenario key`},
		{"header with a line break", "p.csv", "name,\"x\ny\"\nA,3\n", `x\ny: not a scenario key`},
		{"header with a C1 control", "p.csv", "name,\"x\u009by\"\nA,3\n", `x\u009by: not a scenario key`},
		{"file name with an escape", "p\x1b[2J.csv", "name,workforce.link_workers\nA,three\n", `p\x1b[2J.csv:2:2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.csv), 0o644); err != nil {
				t.Skip("the file system refuses the name:", err)
			}
			toml := icbHead + "[areas]\nfile = " + quoteString(tt.file) + "\n"
			if err := os.WriteFile(filepath.Join(dir, "s.toml"), []byte(toml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadFile(filepath.Join(dir, "s.toml"))
			if err == nil {
				t.Fatal("loaded; want a refusal")
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if strings.ContainsFunc(line, unicode.IsControl) {
					t.Errorf("the error prints a control character: %q", line)
				}
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error\n  %q\nwant it to contain\n  %s", err, tt.want)
			}
		})
	}
}
