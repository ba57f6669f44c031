package extract

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

func utf16Bytes(s string, littleEndian bool) []byte {
	b := []byte{0xFE, 0xFF}
	if littleEndian {
		b = []byte{0xFF, 0xFE}
	}
	for _, r := range s {
		if littleEndian {
			b = append(b, byte(r), byte(r>>8))
		} else {
			b = append(b, byte(r>>8), byte(r))
		}
	}
	return b
}

// TestOpenReadsEveryExport: the same table, as spreadsheets and systems
// write it, reads as the same header and rows on the same lines.
func TestOpenReadsEveryExport(t *testing.T) {
	head := []string{"Referral Date", "Group"}
	rows := [][]string{{"31/01/2024", "rest, north"}, {"03/02/2024", "most_deprived"}}
	cases := []struct {
		name  string
		raw   []byte
		delim rune
		lines []int
	}{
		{"comma", []byte("Referral Date,Group\n31/01/2024,\"rest, north\"\n03/02/2024,most_deprived\n"), ',', []int{2, 3}},
		{"BOM, CRLF, padding", []byte("\uFEFF Referral Date , Group\r\n31/01/2024,\"rest, north\"\r\n\r\n03/02/2024, most_deprived\r\n"), ',', []int{2, 4}},
		{"semicolon", []byte("Referral Date;Group\n31/01/2024;rest, north\n03/02/2024;most_deprived\n"), ';', []int{2, 3}},
		{"tab", []byte("Referral Date\tGroup\n31/01/2024\trest, north\n03/02/2024\tmost_deprived\n"), '\t', []int{2, 3}},
		{"UTF-16 little-endian", utf16Bytes("Referral Date\tGroup\r\n31/01/2024\trest, north\r\n03/02/2024\tmost_deprived\r\n", true), '\t', []int{2, 3}},
		{"UTF-16 big-endian", utf16Bytes("Referral Date,Group\n31/01/2024,\"rest, north\"\n03/02/2024,most_deprived\n", false), ',', []int{2, 3}},
		{"old Mac: CR alone", []byte("Referral Date,Group\r31/01/2024,\"rest, north\"\r03/02/2024,most_deprived\r"), ',', []int{2, 3}},
		{"old Mac, UTF-16", utf16Bytes("Referral Date\tGroup\r31/01/2024\trest, north\r03/02/2024\tmost_deprived\r", true), '\t', []int{2, 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Open(c.raw)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r.Head, head) || r.Delimiter != c.delim {
				t.Fatalf("head %q, delimiter %q; want %q, %q", r.Head, r.Delimiter, head, c.delim)
			}
			for i := 0; ; i++ {
				rec, line, err := r.Next()
				if errors.Is(err, io.EOF) {
					if i != len(rows) {
						t.Fatalf("%d rows, want %d", i, len(rows))
					}
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				for j := range rec {
					rec[j] = strings.TrimSpace(rec[j])
				}
				if !reflect.DeepEqual(rec, rows[i]) || line != c.lines[i] {
					t.Errorf("row %d: %q on line %d; want %q on line %d", i, rec, line, rows[i], c.lines[i])
				}
			}
		})
	}
}

// TestTabKeepsEmptyCells: in a tab-separated file an empty cell stays a
// cell (csv's TrimLeadingSpace would take the tab after it as space).
func TestTabKeepsEmptyCells(t *testing.T) {
	r, err := Open([]byte("date\tsessions\tgroup\n2024-01-31\t\trest\n"))
	if err != nil {
		t.Fatal(err)
	}
	rec, _, err := r.Next()
	if err != nil || !reflect.DeepEqual(rec, []string{"2024-01-31", "", "rest"}) {
		t.Fatalf("row %q, %v; want the empty cell kept", rec, err)
	}
}

// TestOpenRefuses: what cannot be read is an error at its place.
func TestOpenRefuses(t *testing.T) {
	cases := []struct {
		name string
		raw  string
		want string
	}{
		{"empty", "", ErrEmpty.Error()},
		{"white space", " \r\n\t\n", ErrEmpty.Error()},
		{"latin-1", "date,group\n2024-01-01,caf\xe9\n", `line 2: the file is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"`},
		{"latin-1, old Mac", "date,group\r2024-01-01,a\r2024-01-02,caf\xe9\r", `line 3: the file is not UTF-8 text`},
		{"odd UTF-16", "\xFF\xFEd\x00a", "odd number of bytes"},
		{"broken header quote", "\"date,group\n", `line 1, column 13: a quoted cell's quotes do not match`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Open([]byte(c.raw))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Open: %v; want an error containing %q", err, c.want)
			}
		})
	}
}

// TestNextStopsAtABrokenQuote: a quote left open is reported where its
// field starts, as an *Error.
func TestNextStopsAtABrokenQuote(t *testing.T) {
	r, err := Open([]byte("date,group\n2024-01-01,\"a\n2024-01-02,b\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = r.Next()
	var ee *Error
	if !errors.As(err, &ee) || !strings.Contains(ee.Msg, "starts on line 2") {
		t.Fatalf("Next: %v; want an *Error naming line 2", err)
	}
}

func TestDelimiter(t *testing.T) {
	cases := []struct {
		text string
		want rune
	}{
		{"a,b,c\nx;y;z;w;v\n", ','},
		{"a;b;c\n", ';'},
		{"a\tb\n", '\t'},
		{"\"a;b;c\",d\n", ','}, // inside quotes does not count
		{"name\n", ','},
		{"a;b,c;d", ';'},
	}
	for _, c := range cases {
		if got := Delimiter(c.text); got != c.want {
			t.Errorf("Delimiter(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestColumns(t *testing.T) {
	known := map[string][]string{"date": {"date", "referral_date"}, "group": {"group"}}
	for _, c := range []struct {
		name, text string
		want       map[string]int
		err        string
	}{
		{"found", "ID, Referral-Date ,GROUP\n", map[string]int{"date": 1, "group": 2}, ""},
		{"twice", "date,Referral date\n", nil, "line 1: columns 1 (date) and 2 (Referral date) are both a date column; keep one"},
		// encoding/csv skips the blank lines above: the header is on line 3.
		{"twice below blank lines", "\n\ndate,Referral date\n", nil, "line 3: columns 1 (date) and 2 (Referral date) are both a date column; keep one"},
	} {
		r, err := Open([]byte(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		cols, err := r.Columns(known)
		if got := fmt.Sprint(err); c.err != "" && got != c.err || c.err == "" && (err != nil || !reflect.DeepEqual(cols, c.want)) {
			t.Errorf("%s: Columns = %v, %v; want %v, %q", c.name, cols, err, c.want, c.err)
		}
	}
}

// TestHeaderBelow: a header below a report's title is found, with its
// line, so that a message refusing line 1 can point to it; a file whose
// header is simply wrong has none.
func TestHeaderBelow(t *testing.T) {
	isHead := func(cells []string) bool { return HasColumn(cells, []string{"referral_date"}) }
	for _, c := range []struct {
		name, text string
		line       int
		hint       string
	}{
		{"title, blank, header", "Social prescribing referrals, April 2026\n\nReferral date,group\n01/04/2026,rest\n", 3,
			`the header seems to be line 3 (["Referral date" "group"]), below a title: delete lines 1 to 2, so that the header is the first line`},
		{"Excel's title row", "Referrals April 2026,,\n,,\nreferral_date ,group,\n", 3,
			`the header seems to be line 3 (["referral_date" "group" ""]), below a title: delete lines 1 to 2, so that the header is the first line`},
		{"title alone", "Referrals\nreferral_date\n", 2,
			`the header seems to be line 2 (["referral_date"]), below a title: delete line 1, so that the header is the first line`},
		{"no header", "when,group\n2024-01-01,a\n", 0, ""},
		{"too far down", "title\n" + strings.Repeat("x\n", titleRows) + "referral_date\n", 0, ""},
	} {
		r, err := Open([]byte(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		line, head := r.HeaderBelow(isHead)
		if hint := HeaderBelowAdvice(r.Line, line, head); line != c.line || hint != c.hint {
			t.Errorf("%s: line %d, %q; want %d, %q", c.name, line, hint, c.line, c.hint)
		}
	}
}

func TestBlank(t *testing.T) {
	for _, c := range []struct {
		rec  []string
		want bool
	}{{nil, true}, {[]string{"", " ", "\t"}, true}, {[]string{"", "x"}, false}} {
		if got := Blank(c.rec); got != c.want {
			t.Errorf("Blank(%q) = %v", c.rec, got)
		}
	}
}

func ExampleOpen() {
	raw := []byte("\uFEFFReferral date;Group\r\n31/01/2024;most_deprived\r\n;\r\n03/02/2024;rest\r\n")
	r, err := Open(raw)
	if err != nil {
		fmt.Println(err)
		return
	}
	cols, _ := r.Columns(map[string][]string{"date": {"referral_date"}, "group": {"group"}})
	for {
		rec, line, err := r.Next()
		if err != nil {
			break // io.EOF, or an *Error
		}
		if Blank(rec) {
			continue
		}
		fmt.Printf("line %d: %s, %s\n", line, rec[cols["date"]], rec[cols["group"]])
	}
	// Output:
	// line 2: 31/01/2024, most_deprived
	// line 4: 03/02/2024, rest
}

// FuzzOpen: no bytes make the reader panic or loop; every row comes with a
// line after the header's, and an error stops the reading.
func FuzzOpen(f *testing.F) {
	for _, s := range []string{"date,group\n2024-01-01,a\n", "\uFEFFa;b\r\n1;2\r\n", "a\tb\n\t\n", "\"a\n", "\xFF\xFEa\x00", "\xFE\xFF\x00a\x00\n\x00b", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := Open(raw)
		if err != nil {
			return
		}
		last := 1
		for range len(raw) + 2 {
			_, line, err := r.Next()
			if err != nil {
				return
			}
			if line <= last {
				t.Fatalf("row on line %d after line %d", line, last)
			}
			last = line
		}
		t.Fatal("more rows than bytes")
	})
}

// TestNamesIsShort: a header quoted in a message is at most a dozen names of
// forty characters, however long the line read as the header (a whole file
// with line ends it did not recognise).
func TestNamesIsShort(t *testing.T) {
	long := []string{strings.Repeat("x", 5000)}
	for i := range 30 {
		long = append(long, fmt.Sprint("c", i))
	}
	for _, c := range []struct {
		head []string
		want string
	}{
		{[]string{"when", "who"}, `["when" "who"]`},
		{long, `["` + strings.Repeat("x", 40) + `…" "c0" "c1" "c2" "c3" "c4" "c5" "c6" "c7" "c8" "c9" "c10" and 19 more]`},
	} {
		if got := Names(c.head); got != c.want {
			t.Errorf("Names = %s, want %s", got, c.want)
		}
	}
}

// TestQuoteProblemsInWords: a stray or unclosed quote is told in words, with
// what to do, not in encoding/csv's terms.
func TestQuoteProblemsInWords(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{"name,places\nA,say \"yes\"\n", `a quote (") inside a cell that does not start with one`},
		{"name,places\n\"A\" B,1\n", `a quoted cell's quotes do not match`},
	} {
		r, err := Open([]byte(c.raw))
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = r.Next()
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "non-quoted-field") {
			t.Errorf("%q: %v, want %q", c.raw, err, c.want)
		}
	}
}
