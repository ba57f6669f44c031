package calibrate

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateHelp lists the accepted date forms, for error messages.
const dateHelp = "allowed: 2024-01-31, 31/01/2024, 31-01-2024, 31.01.2024, 31/01/24, 31 Jan 2024, 31-Jan-2024, " +
	"2024/01/31, any of these followed by a time, or a spreadsheet serial day number such as 45322"

// layouts are tried in order. Day-first forms follow UK usage: 03/04/2024
// is the 3rd of April.
var layouts = []string{
	"2006-01-02", "2006/01/02",
	"02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006", "02.01.2006", "2.1.2006",
	"02/01/06", "2/1/06",
	"02 Jan 2006", "2 Jan 2006", "02-Jan-2006", "2-Jan-2006", "02-Jan-06", "2-Jan-06",
	"02 January 2006", "2 January 2006", "Jan 2 2006", "January 2 2006",
}

// ParseDate reads a referral date. A time of day after the date is
// ignored, as are ISO timestamps' zones: referrals are counted by day.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return day(t), nil
	}
	// A spreadsheet cell formatted as a number holds days since 30 Dec
	// 1899; 20000 to 80000 covers 1954 to 2118.
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		if n >= 20000 && n < 80000 {
			return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)), nil
		}
		return time.Time{}, fmt.Errorf("%q is a number, not a date (%s)", s, dateHelp)
	}
	// Drop a trailing time: "31/01/2024 14:05", "31/01/2024 2:05 PM",
	// "2024-01-31T14:05:00". A time that is none ("T25:00", "Tgarbage")
	// is refused, not dropped: the cell is not what it seems.
	notTime := func(t string) error {
		return fmt.Errorf("%q is not a date: %q after the date is not a time of day (%s)", s, t, dateHelp)
	}
	fields := strings.Fields(s)
	for len(fields) > 1 {
		last := fields[len(fields)-1]
		if !strings.Contains(last, ":") && !strings.EqualFold(last, "am") && !strings.EqualFold(last, "pm") {
			break
		}
		if strings.Contains(last, ":") && !clock(trimMeridiem(last)) {
			return time.Time{}, notTime(last)
		}
		fields = fields[:len(fields)-1]
	}
	datePart := strings.Join(fields, " ")
	if len(datePart) > 10 && datePart[10] == 'T' {
		if !clock(datePart[11:]) {
			return time.Time{}, notTime(datePart[11:])
		}
		datePart = datePart[:10]
	}
	datePart = strings.ReplaceAll(datePart, ",", "")
	for _, l := range layouts {
		if t, err := time.Parse(l, datePart); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date%s (%s)", s, hint(datePart), dateHelp)
}

// trimMeridiem drops an AM or PM written onto a time ("2:05PM").
func trimMeridiem(s string) string {
	if n := len(s); n > 2 && (strings.EqualFold(s[n-2:], "am") || strings.EqualFold(s[n-2:], "pm")) {
		return s[:n-2]
	}
	return s
}

// clock reports whether s is a time of day as extracts write one after a
// date: 14:05, 9:05:30, 14:05:00.000, optionally with a zone (Z, +01,
// +0100, +01:00).
func clock(s string) bool {
	if i := strings.LastIndexAny(s, "+-"); i > 0 {
		if !offset(s[i+1:]) {
			return false
		}
		s = s[:i]
	} else if z, ok := strings.CutSuffix(s, "Z"); ok {
		s = z
	} else if z, ok := strings.CutSuffix(s, "z"); ok {
		s = z
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	sec := "0"
	if len(parts) == 3 {
		whole, frac, dot := strings.Cut(parts[2], ".")
		if dot && !digits(frac, 1, 9) {
			return false
		}
		sec = whole
	}
	return number(parts[0], 1, 23) && number(parts[1], 2, 59) && number(sec, 1, 60)
}

// offset reports whether s is a zone's offset after its sign: 01, 0100 or
// 01:00, at most 14 hours.
func offset(s string) bool {
	h, m, colon := strings.Cut(s, ":")
	if !colon && len(s) == 4 {
		h, m = s[:2], s[2:]
	}
	return len(h) == 2 && number(h, 2, 14) && (m == "" && !colon || number(m, 2, 59))
}

// number reports whether s is a number of at most 2 digits (exactly 2 if
// width is 2) and at most hi.
func number(s string, width, hi int) bool {
	if !digits(s, width, 2) {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n <= hi
}

// digits reports whether s is from lo to hi decimal digits.
func digits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// monthLayouts are a month without its day, as spreadsheets write one.
var monthLayouts = []string{"Jan-06", "Jan-2006", "Jan 06", "Jan 2006", "January 2006", "January-06", "2006-01", "01/2006", "1/2006", "Jan/06"}

// hint explains the commonest refusals: a month without a day, and a US
// month-first date.
func hint(s string) string {
	for _, l := range monthLayouts {
		if _, err := time.Parse(l, s); err == nil {
			return ": a month, not a day; calibrate fits weekly arrivals from each referral's date, so it needs the day of each (export the referral date itself, not a month it is grouped under)"
		}
	}
	for _, sep := range []string{"/", "-", "."} {
		p := strings.Split(s, sep)
		if len(p) != 3 {
			continue
		}
		a, err1 := strconv.Atoi(p[0])
		b, err2 := strconv.Atoi(p[1])
		if err1 == nil && err2 == nil && a <= 12 && b > 12 && b <= 31 {
			return fmt.Sprintf(": %s, and %d is not a month", monthFirstHint, b)
		}
	}
	return ""
}

// monthFirstHint says why a date such as 01/13/2024 is refused.
const monthFirstHint = "dates are read day first (UK order)"

func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// numericDayFirst reports whether s is a date written as numbers with the
// day first (03/04/2024, 3-4-24, 03.04.2024 14:05): the forms a month-first
// (US) date can pass for when its day is 12 or under.
func numericDayFirst(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	for _, sep := range []string{"/", "-", "."} {
		p := strings.Split(f[0], sep)
		if len(p) == 3 && digits(p[0], 1, 2) && digits(p[1], 1, 2) && (digits(p[2], 2, 2) || digits(p[2], 4, 4)) {
			return true
		}
	}
	return false
}

// dayFirstDays gathers the days of the dates written as numbers day first,
// to tell a month-first extract whose days are all 12 or under: read day
// first, not one of its rows is wrong, yet every date is.
type dayFirstDays struct {
	dates     map[time.Time]int // each date, and its first line
	days      map[int]bool      // the days of the month read
	over12    bool              // a day of 13 or more was read
	firstLine int
}

func (d *dayFirstDays) add(r Referral) {
	if !r.numeric {
		return
	}
	if d.dates == nil {
		d.dates, d.days, d.firstLine = map[time.Time]int{}, map[int]bool{}, r.Line
	}
	if _, ok := d.dates[r.Date]; !ok {
		d.dates[r.Date] = r.Line
	}
	d.days[r.Date.Day()] = true
	d.over12 = d.over12 || r.Date.Day() > 12
}

// Enough distinct dates, on enough different days of the month, that a
// day-first extract would almost surely have a day past 12: with days
// spread over the month, the chance that 20 dates all fall on the 1st to
// the 12th is (12/30.4)^20, under 1 in 100 million. Referrals entered on
// one or two days a month (the 1st) are not refused.
const (
	monthFirstDates = 20
	monthFirstDays  = 4
)

// check refuses dates that look month first: many, on several days, and
// not one of those days past 12.
func (d *dayFirstDays) check(name string) error {
	if line, msg := d.problem(); msg != "" {
		return fmt.Errorf("%s: line %d: %s", name, line, msg)
	}
	return nil
}

// problem is check's refusal, with the line of the first such date, or ""
// if the dates may be day first.
func (d *dayFirstDays) problem() (line int, msg string) {
	if d.over12 || len(d.dates) < monthFirstDates || len(d.days) < monthFirstDays {
		return 0, ""
	}
	return d.firstLine, fmt.Sprintf("the dates look month first (US order): of %d different dates written as numbers, not one has a day past 12, as a date such as 01/13/2024 (13 January) read day first (UK order) would; read day first, every date would be the wrong day; save the file with dates written 2024-01-31, which cannot be misread",
		len(d.dates))
}

// MonthFirst tells, over a whole file, dates read day first that were
// written month first (US order) with every day 12 or under, which no
// single date gives away: a caseload file's, as calibrate's own extracts.
type MonthFirst struct{ d dayFirstDays }

// Add notes a date cell as written and as ParseDate read it, at its line.
func (m *MonthFirst) Add(cell string, date time.Time, line int) {
	m.d.add(Referral{Date: date, Line: line, numeric: numericDayFirst(cell)})
}

// Problem is the refusal, with the line of the first date written as
// numbers, or "" if the dates may be day first.
func (m *MonthFirst) Problem() (line int, msg string) { return m.d.problem() }
