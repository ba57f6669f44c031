package scenarios

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestLongValuesShownAlike: every error shows a long value the one way,
// its first 120 characters and "… (N characters in all)", counting
// characters, so that none is cut in two: the loader's and the
// validator's values (formatValue) as --set's (clipValue), where the
// validator's were cut at 80 bytes and ended " ...". A value too long to
// write whole is said to be over the length written.
func TestLongValuesShownAlike(t *testing.T) {
	accented := strings.Repeat("é", 300)
	array := func(n int) string { return "[" + strings.TrimSuffix(strings.Repeat("0.5, ", n), ", ") + "]" }
	tests := []struct {
		name, toml string
		shown      string // the value's start, as shown
		rest       string // what follows it
	}{
		{"a validator's long name", "name = \"" + accented + "\"\nextends = \"baseline\"\n",
			`name = "` + strings.Repeat("é", 119), "… (302 characters in all): "},
		{"a loader's value of the wrong type", "name = \"x\"\nextends = \"baseline\"\n[workforce]\nfte = \"" + accented + "\"\n",
			`workforce.fte = "` + strings.Repeat("é", 119), "… (302 characters in all): expected a number"},
		{"a long array", "name = \"x\"\nextends = \"baseline\"\n[workforce]\nfte = " + array(400) + "\n",
			"workforce.fte = " + array(400)[:120], "… (2000 characters in all): expected a number"},
		// Written up to the element that passes 10,000 bytes.
		{"an array past what is written", "name = \"x\"\nextends = \"baseline\"\n[workforce]\nfte = " + array(3000) + "\n",
			"workforce.fte = " + array(3000)[:120], "… (over 10001 characters): expected a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"s.toml": tt.toml})
			_, err := LoadFile(filepath.Join(dir, "s.toml"))
			if err == nil {
				t.Fatal("loaded; want a refusal")
			}
			if got := err.Error(); !strings.Contains(got, tt.shown+tt.rest) || strings.Contains(got, " ...") || !utf8.ValidString(got) {
				t.Errorf("error\n  %.400s\nwant it to show\n  %s%s", got, tt.shown, tt.rest)
			}
		})
	}
	c, err := Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	// --set, shown by clipValue: the same.
	_, err = ApplySets(c, []string{"workforce.fte=\"" + accented + "\""})
	if want := `--set workforce.fte="` + strings.Repeat("é", 105) + "… (316 characters in all): workforce.fte = \"" + strings.Repeat("é", 119) + "… (302 characters in all): "; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("--set: %.600v\nwant it to contain\n  %s", err, want)
	}
}
