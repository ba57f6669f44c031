package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadFileRefusesWhatIsNoExtract: a device (/dev/zero would be read
// until memory ran out), a folder and a file over the limit are refused in
// words; a file at the limit is read whole.
func TestReadFileRefusesWhatIsNoExtract(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.csv")
	if err := os.WriteFile(small, []byte("a,b\n1,2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path  string
		limit int64
		want  string // "" for no error
	}{
		{small, 8, ""},
		{small, 7, "over 0 MiB"},
		{dir, 1 << 20, "a folder, not a file"},
		{os.DevNull, 1 << 20, "not a regular file"},
		{filepath.Join(dir, "none.csv"), 1 << 20, "no such file"},
	} {
		raw, err := ReadFile(c.path, c.limit)
		switch {
		case c.want == "" && (err != nil || string(raw) != "a,b\n1,2\n"):
			t.Errorf("%s: %q, %v", c.path, raw, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s, limit %d: error %v, want %q", c.path, c.limit, err, c.want)
		}
	}
}
