package calibrate

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/spsim/spsim/internal/extract"
)

// Referral is one row of an extract.
type Referral struct {
	Date    time.Time // the day of the referral (UTC midnight)
	Group   string    // population group, or ""
	Profile string    // need profile, or ""
	Outcome string    // e.g. "accepted", "inappropriate", or ""
	Line    int       // the row's line in the file; 0 if not read from one
	numeric bool      // the date was written as numbers, day first (03/04/2024)
}

// Extract is a referral extract as read.
type Extract struct {
	File      string
	Referrals []Referral
	// Columns records which optional columns the file had.
	HasGroup, HasProfile, HasOutcome bool
	Delimiter                        rune
	SkippedBlank                     int // rows with no value at all
	// Unused are the header's columns that are none of the above, left
	// unread (a name, an NHS number, a team).
	Unused []string

	headLine int // the header's line, for messages about a column
}

// countColumns are headers of a column that counts referrals: a file of
// counts per date, not of referrals, which would be read as one referral
// a row.
var countColumns = []string{"count", "n", "number", "referrals", "total", "count_of_referrals", "number_of_referrals", "no_of_referrals", "referral_count", "frequency"}

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
	raw, err := io.ReadAll(io.LimitReader(r, extract.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(raw) > extract.MaxFileBytes {
		// Never a silently cut extract.
		return nil, fmt.Errorf("%s: over %s, more than a referral extract needs: is it the right file?", name, extract.Bytes(extract.MaxFileBytes))
	}
	er, cols, err := openExtract(name, raw)
	if err != nil {
		return nil, err
	}
	head := er.Head
	x := &Extract{File: name, Delimiter: er.Delimiter, headLine: er.Line}
	others, err := unusedColumns(name, er.Line, head, cols) // their values, for checkColumns
	if err != nil {
		return nil, err
	}
	for _, o := range others {
		x.Unused = append(x.Unused, o.header)
	}
	_, x.HasGroup = cols["group"]
	_, x.HasProfile = cols["profile"]
	_, x.HasOutcome = cols["outcome"]
	errs := &collector{alike: map[string]int{}}
	if err := readRows(name, er, cols, x, others, errs); err != nil {
		return nil, err
	}
	if m := errs.monthFirst; m != nil {
		// One date that can only be month first makes the whole file
		// suspect: its dates of 12 or under were read day first, wrongly
		// and without a word. One error says so, not one a row.
		return nil, fmt.Errorf("%s: line %d: the dates look month first (US order): %s cannot be read day first, and the dates that could be either way (01/02/2024) would be read as the wrong days; save the file with dates day first (31/01/2024) or as 2024-01-31 (%d rows could not be read as they are)",
			name, m.Line, strings.SplitN(m.Msg, " is not a date", 2)[0], len(errs.List)+errs.Extra)
	}
	if len(errs.List) > 0 {
		return nil, &errs.Errors
	}
	if err := errs.dayFirst.check(name); err != nil {
		return nil, err
	}
	if len(x.Referrals) == 0 {
		return nil, fmt.Errorf("%s: no referrals: the file has a header but no rows with a date", name)
	}
	if err := checkColumns(name, x, others); err != nil {
		return nil, err
	}
	return x, nil
}

// openExtract opens an extract and finds its columns; it must have a date.
func openExtract(name string, raw []byte) (*extract.Reader, map[string]int, error) {
	er, err := extract.Open(raw)
	if errors.Is(err, extract.ErrEmpty) {
		return nil, nil, fmt.Errorf("%s: the file is empty; expected a header row naming a date column, then one row per referral", name)
	}
	if err != nil {
		return nil, nil, fileError(name, err)
	}
	cols, err := er.Columns(columnNames)
	if err != nil {
		return nil, nil, fileError(name, err)
	}
	if _, ok := cols["date"]; !ok {
		advice := fmt.Sprintf("name it one of %s (optional columns: group, profile, outcome)", strings.Join(columnNames["date"], ", "))
		// A report's title above the header: say where the header seems
		// to be, rather than ask to rename a title's cells.
		line, head := er.HeaderBelow(func(cells []string) bool { return extract.HasColumn(cells, columnNames["date"]) })
		if line > 0 {
			advice = extract.HeaderBelowAdvice(er.Line, line, head)
		}
		return nil, nil, fmt.Errorf("%s: line %d: no date column among %s; %s", name, er.Line, extract.Names(er.Head), advice)
	}
	return er, cols, nil
}

// collector gathers a file's row errors, up to maxErrors, and no more than
// maxAlike of one problem in one column (a whole column misread); the rest
// it counts.
type collector struct {
	Errors
	alike      map[string]int
	monthFirst *RowError // the first date that can only be month first (US order)
	dayFirst   dayFirstDays
}

func (c *collector) add(e *RowError) {
	if c.monthFirst == nil && strings.Contains(e.Msg, monthFirstHint) {
		c.monthFirst = e
	}
	key := fmt.Sprint(e.Column, sameProblem(e.Msg))
	c.alike[key]++
	if len(c.List) < maxErrors && c.alike[key] <= maxAlike {
		c.List = append(c.List, e)
	} else {
		c.Extra++
	}
}

// readRows reads every row into x's referrals, and the unread columns'
// values beside them; a row's problems go to errs. The error returned is
// one of reading the file itself.
func readRows(name string, er *extract.Reader, cols map[string]int, x *Extract, others []unread, errs *collector) error {
	head := er.Head
	for {
		rec, line, err := er.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var ee *extract.Error
			if !errors.As(err, &ee) {
				return fmt.Errorf("reading %s: %w", name, err)
			}
			errs.add(&RowError{File: name, Line: ee.Line, Column: ee.Column, Header: "-", Msg: ee.Msg})
			return nil // a broken quote desynchronises the rest of the file
		}
		if extract.Blank(rec) {
			x.SkippedBlank++
			continue
		}
		ref, rowErrs := parseRow(name, line, head, cols, rec)
		// A row without a date that says "Total" is a totals row: said so,
		// rather than "not a date". A referral's note of "sum" is not.
		if c, ok := totalsCell(rec); ok && len(rowErrs) > 0 {
			errs.add(&RowError{File: name, Line: line, Column: c + 1, Header: head[min(c, len(head)-1)],
				Msg: fmt.Sprintf("%q: this looks like a spreadsheet's totals row, not a referral; remove it", strings.TrimSpace(rec[c]))})
			continue
		}
		for _, e := range rowErrs {
			errs.add(e)
		}
		if len(rowErrs) > 0 {
			continue
		}
		x.Referrals = append(x.Referrals, ref)
		errs.dayFirst.add(ref)
		for k := range others {
			v := ""
			if c := others[k].column; c < len(rec) {
				v = rec[c]
			}
			others[k].values = append(others[k].values, v)
		}
	}
}

// unusedColumns are the header's columns calibrate does not read (named
// ones), whose values Read collects for checkColumns; a column of counts is
// refused, since each row would be read as one referral.
func unusedColumns(name string, headLine int, head []string, cols map[string]int) ([]unread, error) {
	read := slices.Collect(maps.Values(cols))
	var unused []unread
	for i, h := range head {
		if slices.Contains(read, i) {
			continue
		}
		if slices.Contains(countColumns, extract.Normal(h)) {
			return nil, fmt.Errorf("%s: line %d: column %d (%s) looks like a count of referrals: calibrate reads one row per referral, so each row would count as one; give one row per referral (a count per date can be repeated that many times)", name, headLine, i+1, h)
		}
		if h != "" {
			unused = append(unused, unread{column: i, header: h})
		}
	}
	return unused, nil
}

// maxAlike bounds the errors listed of one column with one problem (every
// date a month, say): the rest are counted.
const maxAlike = 3

// sameProblem is an error's message without the quoted value, so that the
// same problem in many rows counts as one kind.
func sameProblem(msg string) string {
	if strings.HasPrefix(msg, `"`) {
		if i := strings.Index(msg[1:], `"`); i >= 0 {
			return msg[i+2:]
		}
	}
	return msg
}

// totalsCell finds a cell that marks a spreadsheet's totals row ("Total",
// "Grand total").
func totalsCell(rec []string) (int, bool) {
	for i, c := range rec {
		switch strings.ToLower(strings.Join(strings.Fields(strings.Trim(c, " :*")), " ")) {
		case "total", "totals", "grand total", "sum", "sub-total", "subtotal":
			return i, true
		}
	}
	return 0, false
}

// fileError names the file in an error about the whole file or its header.
func fileError(name string, err error) error {
	return fmt.Errorf("%s: %w", name, err)
}

// parseRow turns one record into a referral.
func parseRow(name string, line int, head []string, cols map[string]int, rec []string) (Referral, []*RowError) {
	ref := Referral{Line: line}
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
		ref.numeric = numericDayFirst(v)
	}
	ref.Group, _ = cell("group")
	ref.Profile, _ = cell("profile")
	ref.Outcome, _ = cell("outcome")
	return ref, errs
}
