// Package extract opens the CSV files that local services export from
// spreadsheets and case-management systems: referral extracts, caseload
// snapshots and lists of areas. Whatever the export, a file is read the
// same way: a byte-order mark is dropped, UTF-16 (Excel's "Unicode text")
// is decoded, the delimiter is a comma, a semicolon (locales with a
// decimal comma) or a tab, and a problem is reported at its line and
// column.
package extract

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Error is a problem at a place in an extract. Line and Column are
// 1-based; 0 means the whole file or the whole line.
type Error struct {
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return e.Msg
	case e.Column == 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// ErrEmpty is returned by Open for a file with nothing in it.
var ErrEmpty = errors.New("the file is empty")

// Reader reads an extract's rows after its header.
type Reader struct {
	Head      []string // the header row, each name trimmed
	Line      int      // the header's line: 1, unless blank lines come first
	Delimiter rune
	cr        *csv.Reader
	text      string // the whole file, decoded, for HeaderBelow
}

// Open decodes raw and reads its header row. A file that is empty or only
// white space is ErrEmpty; text that cannot be decoded, or a header that
// is not valid CSV, is an *Error.
func Open(raw []byte) (*Reader, error) {
	text, err := Text(raw)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	r := &Reader{Delimiter: Delimiter(text), text: text}
	r.cr = r.csvReader()
	head, err := r.cr.Read()
	if err != nil {
		return nil, parseError(err)
	}
	for i := range head {
		head[i] = strings.TrimSpace(head[i])
	}
	// encoding/csv skips blank lines: a header below one is not on line 1.
	r.Head, r.Line = head, 1
	if line, _ := r.cr.FieldPos(0); line > 0 {
		r.Line = line
	}
	return r, nil
}

// csvReader reads r's text from its start.
func (r *Reader) csvReader() *csv.Reader {
	cr := csv.NewReader(strings.NewReader(r.text))
	cr.Comma = r.Delimiter
	cr.FieldsPerRecord = -1
	// Leading spaces go, so that a quoted field may follow ", "; but not
	// with tabs, where "trimming" would swallow an empty cell.
	cr.TrimLeadingSpace = r.Delimiter != '\t'
	return cr
}

// titleRows is how many rows below the first HeaderBelow looks at: a
// report's title, the date it was run, its filters and a blank line or
// two.
const titleRows = 20

// HeaderBelow finds the header of a file whose first row is not one: the
// first of the next titleRows rows for which isHead is true of its cells
// (trimmed), with its line. Report tools write a title above the header
// ("Social prescribing referrals, April 2026", a blank line, then the
// header), and a message refusing line 1 should say where the header
// seems to be. It returns 0 and nil when no row is a header.
func (r *Reader) HeaderBelow(isHead func(cells []string) bool) (int, []string) {
	cr := r.csvReader()
	if _, err := cr.Read(); err != nil {
		return 0, nil
	}
	for range titleRows {
		rec, err := cr.Read()
		if err != nil {
			return 0, nil // the end, or a broken quote: no header to point to
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if isHead(rec) {
			line, _ := cr.FieldPos(0)
			return line, rec
		}
	}
	return 0, nil
}

// HeaderBelowAdvice says, for a message refusing the header on line
// first, where the header seems to be (line, lower down, as HeaderBelow
// found it) and what to do. It is "" when line is 0.
func HeaderBelowAdvice(first, line int, head []string) string {
	if line == 0 {
		return ""
	}
	above := fmt.Sprintf("line %d", first)
	if line-first > 1 {
		above = fmt.Sprintf("lines %d to %d", first, line-1)
	}
	return fmt.Sprintf("the header seems to be line %d (%s), below a title: delete %s, so that the header is the first line", line, Names(head), above)
}

// Next returns the next row and its line, or io.EOF after the last. A row
// that is not valid CSV is an *Error; after it the rest of the file cannot
// be trusted (a broken quote swallows what follows), so stop reading.
func (r *Reader) Next() (rec []string, line int, err error) {
	rec, err = r.cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, 0, io.EOF
		}
		return nil, 0, parseError(err)
	}
	line, _ = r.cr.FieldPos(0)
	return rec, line, nil
}

// parseError turns encoding/csv's error into an *Error, with a hint when a
// quoted field ran on past its line.
func parseError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	msg := pe.Err.Error()
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = `a quote (") inside a cell that does not start with one: put the whole cell in quotes, and double each quote inside it ("say ""yes""")`
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = `a quoted cell's quotes do not match: end the cell with a quote just before the next comma or line end, and double each quote inside it`
	}
	if pe.StartLine != pe.Line {
		msg += fmt.Sprintf(" (in a quoted field that starts on line %d: close its quote, or double a quote inside it)", pe.StartLine)
	}
	return &Error{Line: pe.Line, Column: pe.Column, Msg: msg}
}

// Text strips a byte-order mark and decodes UTF-16; anything else must be
// UTF-8. Lines may end in a carriage return alone, as files saved by old
// Mac spreadsheets ("CSV (Macintosh)") do, when no line ends otherwise.
func Text(raw []byte) (string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		t, err := decodeUTF16(raw[2:], raw[0] == 0xFF)
		if err != nil {
			return "", err
		}
		return crLines(t), nil
	}
	if !utf8.Valid(raw) {
		end := []byte{'\n'}
		if !bytes.Contains(raw, end) {
			end = []byte{'\r'} // lines ended by a carriage return alone, as crLines reads them
		}
		line := 1 + bytes.Count(raw[:firstInvalid(raw)], end)
		return "", &Error{Line: line, Msg: `the file is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"`}
	}
	return crLines(string(raw)), nil
}

// crLines ends lines at carriage returns in text that has no line feed:
// read as it is, such a file is one line, its header every row's cells.
func crLines(text string) string {
	if strings.Contains(text, "\r") && !strings.Contains(text, "\n") {
		return strings.ReplaceAll(text, "\r", "\n")
	}
	return text
}

// Names quotes a header's names for a message: at most a dozen, each cut
// to forty characters, so that a file misread as one long header (its
// whole text) is not echoed back.
func Names(head []string) string {
	const most, width = 12, 40
	var b strings.Builder
	b.WriteByte('[')
	for i, h := range head {
		if i == most {
			fmt.Fprintf(&b, " and %d more", len(head)-most)
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		if r := []rune(h); len(r) > width {
			h = string(r[:width]) + "…"
		}
		fmt.Fprintf(&b, "%q", h)
	}
	b.WriteByte(']')
	return b.String()
}

func decodeUTF16(raw []byte, littleEndian bool) (string, error) {
	if len(raw)%2 != 0 {
		return "", &Error{Msg: "the file starts with a UTF-16 byte-order mark but has an odd number of bytes"}
	}
	u := make([]uint16, len(raw)/2)
	for i := range u {
		if littleEndian {
			u[i] = uint16(raw[2*i]) | uint16(raw[2*i+1])<<8
		} else {
			u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
		}
	}
	return string(utf16.Decode(u)), nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// Delimiter is the delimiter that occurs most in the header line, outside
// quotes: a comma, a semicolon or a tab; a comma when none does.
func Delimiter(text string) rune {
	var commas, semicolons, tabs int
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		switch r {
		case '\n', '\r':
			return pickDelimiter(commas, semicolons, tabs)
		case ',':
			commas++
		case ';':
			semicolons++
		case '\t':
			tabs++
		}
	}
	return pickDelimiter(commas, semicolons, tabs)
}

func pickDelimiter(commas, semicolons, tabs int) rune {
	best, n := ',', commas
	if semicolons > n {
		best, n = ';', semicolons
	}
	if tabs > n {
		best = '\t'
	}
	return best
}

// Normal is a header or a word as compared: trimmed, lower case, with
// spaces and hyphens as underscores ("Referral Date" is referral_date).
func Normal(h string) string {
	return strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(h)))
}

// HasColumn reports whether any of cells is one of names, in Normal form.
func HasColumn(cells, names []string) bool {
	return slices.ContainsFunc(cells, func(c string) bool { return slices.Contains(names, Normal(c)) })
}

// Columns finds the known columns in the header: known maps each column to
// the headers accepted for it, in Normal form. A column found twice is an
// *Error at the header's line.
func (r *Reader) Columns(known map[string][]string) (map[string]int, error) {
	head := r.Head
	cols := map[string]int{}
	for i, h := range head {
		n := Normal(h)
		for key, names := range known {
			if !slices.Contains(names, n) {
				continue
			}
			if j, dup := cols[key]; dup {
				return nil, &Error{Line: r.Line, Msg: fmt.Sprintf("columns %d (%s) and %d (%s) are both a %s column; keep one",
					j+1, head[j], i+1, h, key)}
			}
			cols[key] = i
		}
	}
	return cols, nil
}

// Blank reports whether a row has no value at all.
func Blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// Days is the number of days from a to b. time.Time.Sub saturates at
// about 292 years, which a mistyped year (0001 for 2021) passes, and a
// message would then state the wrong gap.
func Days(a, b time.Time) float64 { return float64(b.Unix()-a.Unix()) / 86400 }
