package scenarios

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAreaNamesThatLookAlike: two areas whose names print alike are one
// area typed twice, whether they come from an areas file or from
// [[areas.list]]: names that differ in case or spaces, in characters that
// print as nothing (a zero-width space pasted from a web page), or in how
// an accent is encoded (é as one character or as e and a combining
// accent). A name that prints as nothing is told at its own cell.
func TestAreaNamesThatLookAlike(t *testing.T) {
	list := func(a, b string) string {
		return "[[areas.list]]\nname = " + quoteString(a) + "\n[[areas.list]]\nname = " + quoteString(b) + "\n"
	}
	file := "[areas]\nfile = \"p.csv\"\n"
	tests := []struct {
		name, toml, csv, want string
	}{
		{"csv zero-width space", file, "name,workforce.link_workers\nNorth,4\nNorth\u200b,4\n", `p.csv:3:1: name: area "North\u200b" is also on line 2`},
		{"csv soft hyphen", file, "name,workforce.link_workers\nNorthgate,4\nNorth\u00adgate,4\n", `p.csv:3:1: name: area "North\u00adgate" is also on line 2`},
		{"csv accent encoded twice", file, "name,workforce.link_workers\nCaf\u00e9 PCN,4\nCafe\u0301 PCN,4\n", "p.csv:3:1: name: area \"Cafe\u0301 PCN\" is also on line 2"},
		{"csv case, told with the first spelling", file, "name,workforce.link_workers\nA,4\na,4\n", `p.csv:3:1: name: area "a" is also on line 2, as "A" (names are compared as they print`},
		{"csv the same spelling", file, "name,workforce.link_workers\nNorth,4\nNorth,4\n", `p.csv:3:1: name: area "North" is also on line 2; names must differ`},
		{"csv name of a zero-width space alone", file, "name,workforce.link_workers\nNorth,4\n\u200b,4\n", `p.csv:3:1: name = ` + "\u200b" + `: every area needs a name (only "\u200b", which prints as nothing)`},
		{"list case and spaces", list("North", "north "), "", `areas.list.1.name = "north ": area "north " is listed twice (names are compared as they print, ignoring case, spaces and characters that print as nothing; the first is "North")`},
		{"list zero-width space", list("North", "North\u200b"), "", `is listed twice`},
		{"list accent encoded twice", list("Caf\u00e9", "Cafe\u0301"), "", `is listed twice`},
		// Case folded in full: ß is ss, as STRASSE is Straße in capitals.
		{"csv sharp s", file, "name,workforce.link_workers\nStra\u00dfe,4\nSTRASSE,4\n", `p.csv:3:1: name: area "STRASSE" is also on line 2, as "Straße" (names are compared as they print`},
		{"list sharp s", list("STRASSE", "Stra\u00dfe"), "", `area "Straße" is listed twice (names are compared as they print, ignoring case, spaces and characters that print as nothing; the first is "STRASSE")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"s.toml": icbHead + tt.toml, "p.csv": tt.csv})
			_, err := LoadFile(filepath.Join(dir, "s.toml"))
			if err == nil {
				t.Fatal("loaded; want a refusal")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error\n  %v\nwant it to contain\n  %s", err, tt.want)
			}
		})
	}
	// Names that differ as they print are two areas.
	dir := writeFiles(t, map[string]string{"s.toml": icbHead + file, "p.csv": "name,workforce.link_workers\nStra\u00dfe,4\nStrase,4\nNorth,4\nNorth 2,4\n"})
	if _, err := LoadFile(filepath.Join(dir, "s.toml")); err != nil {
		t.Errorf("distinct areas refused: %v", err)
	}
}

// TestNameKey: names that print alike, ignoring case, have one key, and
// names that differ have two. Case is folded in full, as Unicode defines it
// (ß is ss, a final ς is σ, the ligature ﬁ is fi), where lower-casing
// a character at a time left Straße and STRASSE two names.
func TestNameKey(t *testing.T) {
	tests := []struct {
		a, b  string
		alike bool
	}{
		{"Stra\u00dfe", "STRASSE", true},
		{"Stra\u00dfe", "strasse", true},
		{"STRA\u1e9eE", "Stra\u00dfe", true},                           // a capital sharp s
		{"\u039f\u0394\u039f\u03a3", "\u03bf\u03b4\u03bf\u03c2", true}, // ΟΔΟΣ and οδος, a final sigma
		{"\u03bf\u03b4\u03bf\u03c3", "\u03bf\u03b4\u03bf\u03c2", true},
		{"\ufb01le", "FILE", true},              // a ligature is its letters in capitals
		{"\u0130zmir", "izmir", true},           // İ is i, as strings.ToLower has it
		{"I\u0307zmir", "izmir", true},          // İ as I and a combining dot
		{"\u01f0", "J\u030c", true},             // ǰ folds to j and a caron, composed again
		{"Caf\u00e9", "CAFE\u0301", true},       // an accent encoded two ways
		{"Plan A", " plan\u00a0\u00a0a ", true}, // case and spaces
		{"North\u200b", "NORTH", true},          // a zero-width space
		{"\u13a0", "\uab70", true},              // Cherokee's two cases, which folding swaps
		{"K", "\u212a", true},                   // the Kelvin sign is a K
		{"Strase", "Stra\u00dfe", false},
		{"Plan A", "Plan B", false},
		{"Caf\u00e9", "Cafe", false},
		{"\u0131zmir", "izmir", false}, // a dotless ı is another letter
	}
	for _, tt := range tests {
		if got := NameKey(tt.a) == NameKey(tt.b); got != tt.alike {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: alike %v, want %v", tt.a, NameKey(tt.a), tt.b, NameKey(tt.b), got, tt.alike)
		}
	}
}

// TestLongNamesAndValues: an area's name is held to a scenario name's
// length, from an areas file and from [[areas.list]] alike, and an error
// shows only the start of a long value, so that the message stays
// readable after it.
func TestLongNamesAndValues(t *testing.T) {
	long := strings.Repeat("x", MaxNameChars+1)
	list := func(name string) string { return "[[areas.list]]\nname = " + quoteString(name) + "\n" }
	file := "[areas]\nfile = \"p.csv\"\n"
	tests := []struct {
		name, toml, csv, want string // want "" loads
	}{
		{"csv name at the limit", file, "name,workforce.link_workers\n" + long[1:] + ",4\n", ""},
		{"csv name over it", file, "name,workforce.link_workers\n" + long + ",4\n", "an area's name must be at most 200 characters, as a scenario's, not 201"},
		{"list name at the limit", list(long[1:]), "", ""},
		{"list name over it", list(long), "", "an area's name must be at most 200 characters, as a scenario's, not 201"},
		{"a long value is cut in the message", list(strings.Repeat("y", 5000)), "", "an area's name must be at most 200 characters, as a scenario's, not 5000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"s.toml": icbHead + tt.toml, "p.csv": tt.csv})
			_, err := LoadFile(filepath.Join(dir, "s.toml"))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want == "":
				return
			case err == nil:
				t.Fatal("loaded; want a refusal")
			case !strings.Contains(err.Error(), tt.want):
				t.Errorf("error\n  %.300s\nwant it to contain\n  %s", err, tt.want)
			case len(err.Error()) > 1000:
				t.Errorf("error of %d bytes: a long value should be cut", len(err.Error()))
			}
		})
	}
}

// TestNameSet: the one rule that areas' and compared scenarios' names
// are told apart by. A name given again returns itself and where it was
// first given; one that only prints alike returns the first; a new one
// is remembered, and never overwrites the first.
func TestNameSet(t *testing.T) {
	var s NameSet[int]
	for _, c := range []struct {
		name, first string
		line, at    int
		dup         bool
	}{
		{"Riverside PCN", "", 2, 0, false},
		{"Northgate", "", 3, 0, false},
		{"Riverside PCN", "Riverside PCN", 4, 2, true},
		{"riverside  pcn", "Riverside PCN", 5, 2, true},
		{"River\u200bside PCN", "Riverside PCN", 6, 2, true},
		{"STRASSE", "", 7, 0, false},
		{"Straße", "STRASSE", 8, 7, true},
		{"Caf\u00e9", "", 9, 0, false},
		{"Cafe\u0301", "Caf\u00e9", 10, 9, true},
	} {
		first, at, dup := s.Add(c.name, c.line)
		if first != c.first || at != c.at || dup != c.dup {
			t.Errorf("Add(%q, %d) = %q, %d, %v; want %q, %d, %v", c.name, c.line, first, at, dup, c.first, c.at, c.dup)
		}
	}
}
