package workbench

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestTextLeversKeepTheirText: a text value set from the page is the text
// the user gave, quotes and backslashes included; Go's quoting (\v, \x00)
// is not TOML's, and the loader took such a value for raw text, quotes and
// backslash in it. A control character is refused in words, as the
// command line refuses it, not quoted into something else.
func TestTextLeversKeepTheirText(t *testing.T) {
	open := func(name string) (string, string) {
		body, _ := json.Marshal(map[string]any{"name": "baseline", "set": []map[string]any{{"key": "name", "value": name}}})
		var got struct{ Name string }
		w := post(t, newTestServer(), "/api/open", string(body))
		_ = json.Unmarshal(w.Body.Bytes(), &got)
		return got.Name, w.Body.String()
	}
	for _, name := range []string{`say "hi"`, `back\slash`, "é and ü"} {
		if got, body := open(name); got != name {
			t.Errorf("name %q came back %q (%.200s)", name, got, body)
		}
	}
	for _, name := range []string{"my\vname", "tab\there"} {
		if _, body := open(name); !strings.Contains(body, "must not contain control characters") {
			t.Errorf("name %q: %.200s", name, body)
		}
	}
}

// TestShortCutsWholeCharacters: an echoed value is cut between
// characters, never inside one.
func TestShortCutsWholeCharacters(t *testing.T) {
	got := short(strings.Repeat("a", 39) + "é and more")
	if strings.Contains(got, `\x`) || !strings.HasSuffix(got, `..."`) {
		t.Errorf("short = %s", got)
	}
}

// TestLeverProblemsNameNoFile: a lever's refused value is said as the
// value, not as a line of a scenario.toml the user never touched.
func TestLeverProblemsNameNoFile(t *testing.T) {
	w := post(t, newTestServer(), "/api/open", `{"name":"baseline","set":[{"key":"workforce.link_workers","value":-1}]}`)
	if body := w.Body.String(); w.Code != 422 || !strings.Contains(body, `"Link-worker posts: workforce.link_workers = -1: must be between 0 and 100000`) {
		t.Errorf("%d %s", w.Code, body)
	}
}
