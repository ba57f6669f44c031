package calibrate

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestReadMessy: what spreadsheets and clinical systems write is read.
func TestReadMessy(t *testing.T) {
	want := []Referral{
		{Date: date(2024, 1, 31), Group: "most_deprived", Outcome: "accepted"},
		{Date: date(2024, 2, 3), Group: "rest", Outcome: "inappropriate"},
		{Date: date(2024, 2, 4), Group: "rest, north", Outcome: "accepted"},
	}
	cases := []struct{ name, text string }{
		{"plain", "referral_date,group,outcome\n2024-01-31,most_deprived,accepted\n2024-02-03,rest,inappropriate\n2024-02-04,\"rest, north\",accepted\n"},
		{"excel: BOM, CRLF, quotes, blank rows", "\uFEFF\"Referral Date\",\"Group\",\"Outcome\"\r\n\"31/01/2024\",\"most_deprived\",\"accepted\"\r\n,,\r\n\r\n\"03/02/2024\",\"rest\",\"inappropriate\"\r\n\"04/02/2024\",\"rest, north\",\"accepted\"\r\n,,\r\n"},
		{"semicolons (decimal-comma locales)", "date;group;outcome\n31.01.2024;most_deprived;accepted\n03.02.2024;rest;inappropriate\n04.02.2024;rest, north;accepted\n"},
		{"tabs", "date\tgroup\toutcome\n31/01/2024\tmost_deprived\taccepted\n3/2/2024\trest\tinappropriate\n4/2/2024\trest, north\taccepted\n"},
		{"mixed date formats and times", "Date of referral,group,outcome\n31 Jan 2024,most_deprived,accepted\n2024-02-03T09:15:00Z,rest,inappropriate\n04/02/2024 14:05,\"rest, north\",accepted\n"},
		{"spreadsheet serial days, extra columns, padding", "nhs_number, referral_date , group, outcome,notes\n1, 45322 ,most_deprived , accepted,x\n2,45325,rest,inappropriate,\n3,04-Feb-2024,\"rest, north\",accepted,\"said \"\"hi\"\"\"\n"},
		{"utf-16 (Excel unicode text)", utf16le("date\tgroup\toutcome\r\n31/01/2024\tmost_deprived\taccepted\r\n03/02/2024\trest\tinappropriate\r\n04/02/2024\trest, north\taccepted\r\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x, err := Read("x.csv", strings.NewReader(c.text))
			if err != nil {
				t.Fatal(err)
			}
			if !x.HasGroup || x.HasProfile || !x.HasOutcome {
				t.Errorf("columns: group %v profile %v outcome %v", x.HasGroup, x.HasProfile, x.HasOutcome)
			}
			if len(x.Referrals) != len(want) {
				t.Fatalf("read %d referrals, want %d: %+v", len(x.Referrals), len(want), x.Referrals)
			}
			for i, r := range x.Referrals {
				if !r.Date.Equal(want[i].Date) || r.Group != want[i].Group || r.Outcome != want[i].Outcome {
					t.Errorf("row %d: %+v, want %+v", i, r, want[i])
				}
			}
		})
	}
}

func utf16le(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// TestReadRefused: a bad file is refused naming the line, the column and
// what is allowed; every bad row is listed.
func TestReadRefused(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"no date column", "when,group\n2024-01-01,a\n", `x.csv: line 1: no date column among ["when" "group"]; name it one of date, referral_date`},
		// A report's title above the header: where the header seems to be.
		{"title above the header", "Social prescribing referrals, April 2026\n\nreferral_date,group\n01/04/2026,a\n", `x.csv: line 1: no date column among ["Social prescribing referrals" "April 2026"]; the header seems to be line 3 (["referral_date" "group"]), below a title: delete lines 1 to 2, so that the header is the first line`},
		{"no date column below a blank line", "\nwhen,group\n2024-01-01,a\n", `x.csv: line 2: no date column among ["when" "group"]; name it one of date, referral_date`},
		{"count column below a blank line", "\ndate,count\n2024-01-01,3\n", `x.csv: line 2: column 2 (count) looks like a count of referrals`},
		{"US date", "id,date\n1,2024-01-31\n2,12/25/2024\n", `x.csv: line 3: the dates look month first (US order): "12/25/2024" cannot be read day first, and the dates that could be either way (01/02/2024) would be read as the wrong days; save the file with dates day first (31/01/2024) or as 2024-01-31 (1 rows could not be read as they are)`},
		{"impossible date", "date\n31/02/2024\n", `x.csv: line 2, column 1 (date): "31/02/2024" is not a date (allowed:`},
		{"missing date", "date,group\n2024-01-01,a\n,b\n", `x.csv: line 3, column 1 (date): the date is missing`},
		{"a number", "date\n12\n", `x.csv: line 2, column 1 (date): "12" is a number, not a date`},
		{"broken quote", "date,group\n2024-01-01,\"a\n2024-01-02,b\n", `in a quoted field that starts on line 2`},
		{"two date columns", "date,referral_date\n2024-01-01,2024-01-01\n", `x.csv: line 1: columns 1 (date) and 2 (referral_date) are both a date column`},
		{"empty", "\n\n", "x.csv: the file is empty"},
		{"header only", "date\n", "x.csv: no referrals"},
		{"a month, not a day", "date\nApr-23\n", `x.csv: line 2, column 1 (date): "Apr-23" is not a date: a month, not a day`},
		{"a totals row", "team,date\nA,2024-01-01\nTotal,1\n", `x.csv: line 3, column 1 (team): "Total": this looks like a spreadsheet's totals row, not a referral; remove it`},
		{"a note of sum beside a bad date", "date,note\n2024-01-01,x\n31/02/2024,sum\n", `x.csv: line 3, column 2 (note): "sum": this looks like a spreadsheet's totals row`},
		{"latin-1", "date,group\n2024-01-01,caf\xe9\n", `x.csv: line 2: the file is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("x.csv", strings.NewReader(c.text))
			if err == nil {
				t.Fatal("read; want a refusal")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error\n  %v\nwant it to contain\n  %s", err, c.want)
			}
		})
	}
}

// TestReadListsEveryError: bad rows are reported up to a limit, and no
// more than three of one problem in one column (every date a month): the
// rest are counted.
func TestReadListsEveryError(t *testing.T) {
	for _, c := range []struct {
		rows         string
		listed, more int
	}{
		{strings.Repeat("bad\n", 15), maxAlike, 12},
		{strings.Repeat("bad\n12\n32/01/2024\n,x\nApr-23\n", 4), maxErrors, 10},
	} {
		_, err := Read("x.csv", strings.NewReader("date,g\n"+c.rows))
		var errs *Errors
		if !errors.As(err, &errs) {
			t.Fatalf("error %v is not an *Errors", err)
		}
		if len(errs.List) != c.listed || errs.Extra != c.more {
			t.Errorf("listed %d, extra %d; want %d and %d", len(errs.List), errs.Extra, c.listed, c.more)
		}
		if !strings.HasSuffix(err.Error(), fmt.Sprintf("... and %d more", c.more)) {
			t.Errorf("error does not count the rest: %v", err)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2024-03-04", "04/03/2024", "4/3/2024", "04-03-2024", "04.03.2024", "04/03/24", "4 Mar 2024",
		"04-Mar-2024", "4 March 2024", "2024/03/04", "04/03/2024 16:20", "04/03/2024 4:20 PM", "2024-03-04T23:59:59+01:00", "45355"} {
		d, err := ParseDate(s)
		if err != nil || !d.Equal(date(2024, 3, 4)) {
			t.Errorf("ParseDate(%q) = %v, %v; want 4 March 2024", s, d, err)
		}
	}
}

// TestReadKeepsAReferralNotedSum: a dated referral whose note reads "sum"
// is a referral, not a totals row.
func TestReadKeepsAReferralNotedSum(t *testing.T) {
	x, err := Read("x.csv", strings.NewReader("date,note\n2024-01-01,x\n2024-01-02,sum\n"))
	if err != nil || len(x.Referrals) != 2 {
		t.Errorf("%v, %v", x, err)
	}
}
