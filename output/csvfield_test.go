package output

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// csvFields are strings at the edges of encoding/csv's quoting rules.
var csvFields = []string{"", "a", "wait_first_contact_mean_weeks", "Bath and North East Somerset", "Durham, County",
	`say "hi"`, "line\nbreak", "cr\rhere", `\.`, `\.x`, " leading space", "\tleading tab", "trailing ", "\u00a0nbsp",
	"\u0085next line", "é accent", "\u2028sep", "x,", ",", `"`, "\x00nul", "\v", "£256,464"}

// TestAppendFieldAsEncodingCSV: a field written by appendField is the
// bytes encoding/csv writes for it within a record.
func TestAppendFieldAsEncodingCSV(t *testing.T) {
	for _, s := range csvFields {
		checkField(t, s)
	}
}

func checkField(t *testing.T, s string) {
	t.Helper()
	var want bytes.Buffer
	w := csv.NewWriter(&want)
	w.Write([]string{"a", s, "b"})
	w.Flush()
	got := append(appendField(append([]byte("a,"), ""...), s), ",b\n"...)
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("field %q: %q, encoding/csv %q", s, got, want.Bytes())
	}
}

// FuzzAppendField compares appendField with encoding/csv on any string.
func FuzzAppendField(f *testing.F) {
	for _, s := range csvFields {
		f.Add(s)
	}
	f.Fuzz(checkField)
}
