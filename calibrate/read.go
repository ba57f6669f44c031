package calibrate

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Referral is one row of an extract.
type Referral struct {
	Date    time.Time // the day of the referral (UTC midnight)
	Group   string    // population group, or ""
	Profile string    // need profile, or ""
	Outcome string    // e.g. "accepted", "inappropriate", or ""
}

// Extract is a referral extract as read.
type Extract struct {
	File      string
	Referrals []Referral
	// Columns records which optional columns the file had.
	HasGroup, HasProfile, HasOutcome bool
	Delimiter                        rune
	SkippedBlank                     int // rows with no value at all
}

// columnNames are the accepted headers for each column, compared after
// lower-casing and turning spaces and hyphens into underscores.
var columnNames = map[string][]string{
	"date":    {"date", "referral_date", "date_of_referral", "referred", "referred_on", "referral_received", "received"},
	"group":   {"group", "population_group", "imd_group", "deprivation", "imd_quintile"},
	"profile": {"profile", "need_profile", "need", "complexity"},
	"outcome": {"outcome", "status", "result", "referral_outcome"},
}

// maxErrors bounds the errors listed for one file; the rest are counted.
const maxErrors = 10

// RowError is a problem with one cell of an extract.
type RowError struct {
	File   string
	Line   int // 1-based line of the file
	Column int // 1-based
	Header string
	Msg    string
}

func (e *RowError) Error() string {
	return fmt.Sprintf("%s: line %d, column %d (%s): %s", e.File, e.Line, e.Column, e.Header, e.Msg)
}

// Errors is every problem found in one file.
type Errors struct {
	List  []*RowError
	Extra int // problems beyond those listed
}

func (e *Errors) Error() string {
	var b strings.Builder
	for i, r := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r.Error())
	}
	if e.Extra > 0 {
		fmt.Fprintf(&b, "\n... and %d more", e.Extra)
	}
	return b.String()
}

// Read reads a referral extract. name is used in errors only.
func Read(name string, r io.Reader) (*Extract, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 1<<30))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	text, err := decodeText(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s: the file is empty; expected a header row naming a date column, then one row per referral", name)
	}
	delim := sniffDelimiter(text)
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = false
	x := &Extract{File: name, Delimiter: delim}
	head, err := cr.Read()
	if err != nil {
		return nil, csvError(name, err)
	}
	cols, err := mapColumns(name, head)
	if err != nil {
		return nil, err
	}
	_, x.HasGroup = cols["group"]
	_, x.HasProfile = cols["profile"]
	_, x.HasOutcome = cols["outcome"]
	errs := &Errors{}
	add := func(e *RowError) {
		if len(errs.List) < maxErrors {
			errs.List = append(errs.List, e)
		} else {
			errs.Extra++
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				add(csvError(name, err).(*RowError))
				// A broken quote desynchronises the rest of the file.
				break
			}
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			x.SkippedBlank++
			continue
		}
		ref, rowErrs := parseRow(name, line, head, cols, rec)
		for _, e := range rowErrs {
			add(e)
		}
		if len(rowErrs) == 0 {
			x.Referrals = append(x.Referrals, ref)
		}
	}
	if len(errs.List) > 0 {
		return nil, errs
	}
	if len(x.Referrals) == 0 {
		return nil, fmt.Errorf("%s: no referrals: the file has a header but no rows with a date", name)
	}
	return x, nil
}

// parseRow turns one record into a referral.
func parseRow(name string, line int, head []string, cols map[string]int, rec []string) (Referral, []*RowError) {
	var ref Referral
	var errs []*RowError
	cell := func(key string) (string, int) {
		i, ok := cols[key]
		if !ok || i >= len(rec) {
			return "", i
		}
		return strings.TrimSpace(rec[i]), i
	}
	v, i := cell("date")
	if v == "" {
		errs = append(errs, &RowError{File: name, Line: line, Column: i + 1, Header: head[i],
			Msg: "the date is missing; every referral needs one (" + dateHelp + ")"})
	} else if d, err := ParseDate(v); err != nil {
		errs = append(errs, &RowError{File: name, Line: line, Column: i + 1, Header: head[i], Msg: err.Error()})
	} else {
		ref.Date = d
	}
	ref.Group, _ = cell("group")
	ref.Profile, _ = cell("profile")
	ref.Outcome, _ = cell("outcome")
	return ref, errs
}

// decodeText strips a byte-order mark and decodes UTF-16, which Excel's
// "Unicode text" export writes; anything else must be UTF-8.
func decodeText(raw []byte) (string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		le := raw[0] == 0xFF
		raw = raw[2:]
		if len(raw)%2 != 0 {
			return "", errors.New("the file starts with a UTF-16 byte-order mark but has an odd number of bytes")
		}
		u := make([]uint16, len(raw)/2)
		for i := range u {
			if le {
				u[i] = uint16(raw[2*i]) | uint16(raw[2*i+1])<<8
			} else {
				u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
			}
		}
		return string(utf16.Decode(u)), nil
	}
	if !utf8.Valid(raw) {
		line := 1 + bytes.Count(raw[:firstInvalid(raw)], []byte{'\n'})
		return "", fmt.Errorf("line %d: the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"", line)
	}
	return string(raw), nil
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

// sniffDelimiter picks the delimiter that occurs most in the header line,
// outside quotes: a comma, a semicolon (spreadsheets in locales with a
// decimal comma) or a tab.
func sniffDelimiter(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if !quoted && (r == '\n' || r == '\r') {
			break
		}
		if !quoted && (r == ',' || r == ';' || r == '\t') {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// normal is a header as compared: lower case, spaces and hyphens as
// underscores.
func normal(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(h)
}

// mapColumns finds each known column in the header.
func mapColumns(name string, head []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range head {
		n := normal(h)
		for key, names := range columnNames {
			for _, a := range names {
				if n != a {
					continue
				}
				if j, dup := cols[key]; dup {
					return nil, fmt.Errorf("%s: line 1: columns %d (%s) and %d (%s) are both a %s column; keep one",
						name, j+1, head[j], i+1, h, key)
				}
				cols[key] = i
			}
		}
	}
	if _, ok := cols["date"]; !ok {
		return nil, fmt.Errorf("%s: line 1: no date column among %q; name it one of %s (optional columns: group, profile, outcome)",
			name, head, strings.Join(columnNames["date"], ", "))
	}
	return cols, nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if pe.StartLine != pe.Line {
			msg += fmt.Sprintf(" (in a quoted field that starts on line %d: close its quote, or double a quote inside it)", pe.StartLine)
		}
		return &RowError{File: name, Line: pe.Line, Column: pe.Column, Header: "-", Msg: msg}
	}
	return fmt.Errorf("reading %s: %w", name, err)
}
