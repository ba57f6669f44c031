package scenarios

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNameAndQuestionLength: a name, a question or a timeline note too long to label a
// chart, a sheet or a report is refused when the scenario loads, not after
// every replication has run: a 5,000-character question ran and then
// failed writing results.xlsx ("the height of the row must be less than or
// equal to 409 points"), and the run was lost.
func TestNameAndQuestionLength(t *testing.T) {
	tests := []struct {
		name, toml, want string
	}{
		{"long name", "name = \"" + strings.Repeat("n", 201) + "\"\nextends = \"baseline\"\n", "name = \"" + strings.Repeat("n", 20)},
		{"long question", "name = \"q\"\nextends = \"baseline\"\nquestion = \"" + strings.Repeat("word ", 1000) + "\"\n", "question = \"word word"},
		{"long timeline note", "name = \"q\"\nextends = \"baseline\"\n[[timeline]]\nweek = 100\nlink_workers = 2\nnote = \"" + strings.Repeat("n", 6000) + "\"\n", "timeline.0.note = \"nnnn"},
		{"long accented name", "name = \"" + strings.Repeat("é", 201) + "\"\nextends = \"baseline\"\n", "must be at most 200 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"s.toml": tt.toml})
			_, err := LoadFile(filepath.Join(dir, "s.toml"))
			if err == nil {
				t.Fatal("loaded; want a refusal")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "s.toml:") {
				t.Errorf("error\n  %.300v\nwant it at the file's line, to contain\n  %s", err, tt.want)
			}
		})
	}
	ok := "name = \"" + strings.Repeat("é", 200) + "\"\nextends = \"baseline\"\nquestion = \"" + strings.Repeat("w", 2000) + "\"\n"
	dir := writeFiles(t, map[string]string{"s.toml": ok})
	if _, err := LoadFile(filepath.Join(dir, "s.toml")); err != nil {
		t.Errorf("a name of 200 characters and a question of 2000 refused: %.300v", err)
	}
}
