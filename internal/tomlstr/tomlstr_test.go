package tomlstr

import (
	"testing"

	"github.com/BurntSushi/toml"
)

func TestReadsBack(t *testing.T) {
	for _, s := range []string{"", "plain", "most deprived", `a"b\c`, "line\nbreak", "cr\ronly", "esc\x1b[2J", "bell\a", "del\x7f", "nul\x00", "tab\t", "é ü ß", "zero\u200bwidth", "x\u0085y", "line\u2028sep"} {
		doc := "k = " + Quote(s) + "\n" + Key(s) + " = 1\n# " + Comment(s) + "\nafter = 2\n"
		var got map[string]any
		if _, err := toml.Decode(doc, &got); err != nil {
			t.Errorf("%q: %v\n%s", s, err, doc)
			continue
		}
		if got["k"] != s {
			t.Errorf("Quote(%q) reads back as %q", s, got["k"])
		}
		if got[s] != int64(1) {
			t.Errorf("Key(%q) reads back as another key: %v", s, got)
		}
		if len(got) != 3 || got["after"] != int64(2) {
			t.Errorf("Comment(%q) let text out of the comment: %v", s, got)
		}
	}
}
