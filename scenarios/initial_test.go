package scenarios

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCaseloadFile: a caseload extract becomes today's people, with waits
// counted to initial.date, and sets the counts.
func TestCaseloadFile(t *testing.T) {
	csv := "\uFEFFReferral date;Status;Sessions so far;Group;Profile;Waiting for community place\r\n" +
		"02/11/2025;waiting;;most_deprived;;\r\n" +
		"16/11/2025;Waiting list;;;complex;\r\n" +
		"01/09/2025;active;3;rest;moderate;no\r\n" +
		"01/08/2025;caseload;6;;;yes\r\n" +
		";;;;;\r\n"
	dir := writeFiles(t, map[string]string{
		"s.toml":       icbHead + "\n[initial]\nfile = \"caseload.csv\"\ndate = \"2025-11-30\"\nwaiting = 0\nactive = 0\n",
		"caseload.csv": csv,
	})
	c, err := LoadFile(filepath.Join(dir, "s.toml"))
	if err != nil {
		t.Fatal(err)
	}
	in := c.Initial
	if in.Waiting != 2 || in.Active != 2 || len(in.People) != 4 || in.File != "" {
		t.Fatalf("initial: %d waiting, %d active, %d people, file %q", in.Waiting, in.Active, len(in.People), in.File)
	}
	p := in.People
	if p[0].AgeWeeks != 4 || p[0].Group != "most_deprived" || p[1].Profile != "complex" || p[1].Status != StatusWaiting {
		t.Errorf("waiting people: %+v %+v", p[0], p[1])
	}
	if *p[2].Sessions != 3 || p[2].AwaitingPlace || !p[3].AwaitingPlace || p[3].Status != StatusActive {
		t.Errorf("active people: %+v %+v", p[2], p[3])
	}
	// The resolved scenario holds the people and reloads to the same.
	again := encodeAndLoad(t, c)
	if len(again.Initial.People) != 4 || again.Initial.People[3].AgeWeeks != p[3].AgeWeeks {
		t.Errorf("resolved scenario reloads with %+v", again.Initial.People)
	}
}

// TestCaseloadSessionsAsASpreadsheetWritesThem: 3.0, as a spreadsheet
// with decimals shown writes 3, is read as 3 (it was refused), as a
// scenario's or an areas file's whole number 3.0 is.
func TestCaseloadSessionsAsASpreadsheetWritesThem(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"s.toml":       icbHead + "\n[initial]\nfile = \"caseload.csv\"\ndate = \"2025-11-30\"\n",
		"caseload.csv": "referral_date,status,sessions\n01/09/2025,active,3.0\n01/09/2025,active, 4.00 \n",
	})
	c, err := LoadFile(filepath.Join(dir, "s.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if p := c.Initial.People; len(p) != 2 || *p[0].Sessions != 3 || *p[1].Sessions != 4 {
		t.Errorf("people %+v", p)
	}
}

// TestCaseloadFileAsExcelUnicodeText: the extract of TestCaseloadFile saved
// as Excel's "Unicode text" (UTF-16, tab-separated) gives the same people.
func TestCaseloadFileAsExcelUnicodeText(t *testing.T) {
	text := "Referral date\tStatus\tSessions so far\tGroup\r\n" +
		"02/11/2025\twaiting\t\tmost_deprived\r\n" +
		"01/09/2025\tactive\t3\trest\r\n"
	raw := []byte{0xFF, 0xFE}
	for _, r := range text {
		raw = append(raw, byte(r), byte(r>>8))
	}
	dir := writeFiles(t, map[string]string{
		"s.toml":       icbHead + "\n[initial]\nfile = \"caseload.txt\"\ndate = \"2025-11-30\"\nwaiting = 0\nactive = 0\n",
		"caseload.txt": string(raw),
	})
	c, err := LoadFile(filepath.Join(dir, "s.toml"))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Initial.People
	if len(p) != 2 || p[0].AgeWeeks != 4 || p[0].Group != "most_deprived" || p[1].Status != StatusActive || *p[1].Sessions != 3 {
		t.Fatalf("people %+v", p)
	}
}

func encodeAndLoad(t *testing.T, c *Config) *Config {
	t.Helper()
	var b strings.Builder
	if err := Encode(&b, c); err != nil {
		t.Fatal(err)
	}
	again, err := loadBytes("resolved.toml", t.TempDir(), []byte(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	return again
}

func TestCaseloadRefused(t *testing.T) {
	cases := []struct{ name, csv, want string }{
		{"status", "referral_date,status\n2025-01-01,discharged\n", `caseload.csv:2:2: status "discharged": allowed: waiting`},
		{"date", "referral_date,status\n2025-13-01,waiting\n", `caseload.csv:2:1: "2025-13-01" is not a date`},
		{"group", "referral_date,status,group\n2025-01-01,waiting,poorest\n", `caseload.csv:2: group "poorest" is not a group of the scenario (most_deprived, rest)`},
		{"group as a spreadsheet writes it", "referral_date,status,group\n2025-01-01,waiting,Rest\n", `caseload.csv:2: group "Rest" is not a group of the scenario (most_deprived, rest); did you mean "rest"?`},
		{"after the run starts", "referral_date,status\n2025-12-31,waiting\n", `caseload.csv:2: referred after the run starts (initial.date, 2025-11-30): is that the extract's date?`},
		{"everyone after the run starts", "referral_date,status\n" + strings.Repeat("2025-12-31,waiting\n", 6), `caseload.csv:5: and 3 more people from here on with the same problem: referred after the run starts`},
		{"sessions", "referral_date,status,sessions\n2025-01-01,active,two\n", `caseload.csv:2:3: sessions "two": a whole number`},
		{"waiting with sessions", "referral_date,status,sessions\n2025-01-01,waiting,2\n", `caseload.csv:2: sessions 2: a person waiting has had none`},
		// Past the key's limit: told at the cell, not by a key nobody
		// wrote (initial.people.0.sessions) at the scenario's line.
		{"sessions past the limit", "referral_date,status,sessions\n2025-01-01,active,5000\n", `caseload.csv:2:3: sessions 5000: a whole number from 0 to 1000; did you mean 50?`},
		{"sessions with a thousands separator", "referral_date,status,sessions\n2025-01-01,active,\"1,000\"\n", `caseload.csv:2:3: sessions "1,000": a whole number from 0 to 1000: write 1000, without thousands separators`},
		{"half a session", "referral_date,status,sessions\n2025-01-01,active,2.5\n", `caseload.csv:2:3: sessions "2.5": a whole number from 0 to 1000`},
		{"no status column", "referral_date,group\n2025-01-01,rest\n", `caseload.csv:1: no status column`},
		{"title above the header", "Caseload at 30 Nov 2025,,\n,,\nreferral_date,status,group\n2025-01-01,waiting,rest\n", `caseload.csv:1: no date column; the header seems to be line 3 (["referral_date" "status" "group"]), below a title: delete lines 1 to 2, so that the header is the first line`},
		{"no status column below a blank line", "\nreferral_date,group\n2025-01-01,rest\n", `caseload.csv:2: no status column`},
		{"two status columns", "referral_date,status,State\n2025-01-01,waiting,waiting\n", `caseload.csv:1: columns 2 (status) and 3 (State) are both a status column; keep one`},
		{"not UTF-8", "referral_date,status,group\n2025-01-01,waiting,caf\xe9\n", `caseload.csv:2: the file is not UTF-8 text`},
		{"empty", "", `caseload.csv: the caseload file is empty`},
		{"month first, every day 12 or under", monthFirstCaseload(), `caseload.csv:2:1: the dates look month first (US order): of 36 different dates written as numbers, not one has a day past 12`},
		{"a year mistyped long ago", "referral_date,status\n2025-01-01,waiting\n1922-10-15,waiting\n", `caseload.csv:3: a referral dated 15 Oct 1922 is 103 years before the extract's date (30 Nov 2025): a mistyped year?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"s.toml": icbHead + "\n[initial]\nfile = \"caseload.csv\"\ndate = \"2025-11-30\"\n", "caseload.csv": c.csv})
			_, err := LoadFile(filepath.Join(dir, "s.toml"))
			if err == nil {
				t.Fatal("loaded; want a refusal")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error\n  %v\nwant it to contain\n  %s", err, c.want)
			}
			// Told once, at its row: not again by a key nobody wrote.
			if strings.Contains(err.Error(), "initial.people") {
				t.Errorf("error\n  %v\nnames initial.people", err)
			}
		})
	}
}

// TestCaseloadSessionsHintIsACount: a sessions cell a spreadsheet
// formatted is told how to write it only where what it would write is a
// count the cell takes: "1,234" was told "write 1234", and "3,5" "write
// 3.5", each refused in turn.
func TestCaseloadSessionsHintIsACount(t *testing.T) {
	for _, c := range []struct{ cell, want string }{
		{`"1,234"`, `caseload.csv:2:3: sessions "1,234": a whole number from 0 to 1000`},
		{`"3,5"`, `caseload.csv:2:3: sessions "3,5": a whole number from 0 to 1000`},
		{`"3,0"`, `caseload.csv:2:3: sessions "3,0": a whole number from 0 to 1000: numbers take a decimal point, not a comma: write 3.0`},
		{`£5`, `caseload.csv:2:3: sessions "£5": a whole number from 0 to 1000: write 5, without £ or thousands separators`},
	} {
		dir := writeFiles(t, map[string]string{"s.toml": icbHead + "\n[initial]\nfile = \"caseload.csv\"\ndate = \"2025-11-30\"\n",
			"caseload.csv": "referral_date,status,sessions\n2025-01-01,active," + c.cell + "\n"})
		_, err := LoadFile(filepath.Join(dir, "s.toml"))
		if err == nil || !strings.HasSuffix(err.Error(), c.want) {
			t.Errorf("sessions %s: %v; want it to end\n  %s", c.cell, err, c.want)
		}
	}
}

// monthFirstCaseload is a caseload written month first (US order) whose
// days are all 12 or under: 36 people referred on six days of each of six
// months, each date of which would read day first as a wrong one.
func monthFirstCaseload() string {
	csv := "referral_date,status\n"
	for month := 3; month <= 8; month++ {
		for day := 1; day <= 11; day += 2 {
			csv += fmt.Sprintf("%02d/%02d/2025,waiting\n", month, day)
		}
	}
	return csv
}

// TestCaseloadDayFirstIsRead: a caseload written day first, or month first
// with referrals only on the 1st of each month, is read, not taken for
// month first.
func TestCaseloadDayFirstIsRead(t *testing.T) {
	dayFirst := "referral_date,status\n"
	firsts := "referral_date,status\n"
	for i := range 30 {
		dayFirst += fmt.Sprintf("%02d/10/2025,waiting\n", i+1)
	}
	for month := 1; month <= 11; month++ {
		firsts += fmt.Sprintf("01/%02d/2025,waiting\n", month)
	}
	for _, csv := range []string{dayFirst, firsts} {
		dir := writeFiles(t, map[string]string{"s.toml": icbHead + "\n[initial]\nfile = \"caseload.csv\"\ndate = \"2025-11-30\"\n", "caseload.csv": csv})
		if _, err := LoadFile(filepath.Join(dir, "s.toml")); err != nil {
			t.Errorf("%q: %v", csv[:60], err)
		}
	}
}

// TestCaseloadBeyondPlacesWarns: an extract with more people on caseloads
// than the team has places loads, and says the rest start on the list.
func TestCaseloadBeyondPlacesWarns(t *testing.T) {
	dir := writeFiles(t, map[string]string{"s.toml": icbHead + "\n[initial]\nfile = \"caseload.csv\"\nwaiting = 0\nactive = 0\n",
		"caseload.csv": "referral_date,status\n" + strings.Repeat("2025-01-01,active\n", 200)})
	l, err := LoadWith(filepath.Join(dir, "s.toml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The warning names today's people, at the scenario's [initial], not
	// the initial.active = 0 line they replace (nor a parent's count).
	var got []Warning
	for _, w := range l.Warnings {
		if strings.Contains(w.Message, "start at the front of the waiting list") {
			got = append(got, w)
		}
	}
	if len(got) != 1 || got[0].Key != "initial.people" || filepath.Base(got[0].File) != "s.toml" ||
		!strings.Contains(got[0].String(), "initial.people: warning: 200 of today's people on caseloads, more than there are caseload places") {
		t.Errorf("warnings %v, want one on initial.people in s.toml", l.Warnings)
	}
}

// TestCaseloadFileInAFullScenario: a scenario written out in full (as
// spsim show writes it) whose [initial] is a caseload file loads without
// the counts the file replaces; without the file, the counts are still
// required.
func TestCaseloadFileInAFullScenario(t *testing.T) {
	base, err := Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Encode(&b, base); err != nil {
		t.Fatal(err)
	}
	full := b.String()
	counts := "[initial]\nwaiting = 20\nactive = 80\n"
	if !strings.Contains(full, counts) {
		t.Fatalf("baseline written out has no %q:\n%s", counts, full)
	}
	withFile := strings.Replace(full, counts, "[initial]\nfile = \"caseload.csv\"\ndate = \"2025-11-30\"\n", 1)
	dir := writeFiles(t, map[string]string{"s.toml": withFile, "caseload.csv": "referral_date,status\n2025-11-01,waiting\n2025-10-01,active\n2025-09-01,active\n"})
	c, err := LoadFile(filepath.Join(dir, "s.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Initial.Waiting != 1 || c.Initial.Active != 2 {
		t.Errorf("counts %d waiting, %d active; want the file's 1 and 2", c.Initial.Waiting, c.Initial.Active)
	}
	dir = writeFiles(t, map[string]string{"s.toml": strings.Replace(full, counts, "[initial]\n", 1)})
	if _, err := LoadFile(filepath.Join(dir, "s.toml")); err == nil || !strings.Contains(err.Error(), "missing required keys in [initial]: waiting, active") {
		t.Errorf("no counts and no file: %v", err)
	}
}

// TestCaseloadWithAWarmupWarns: today's people from an extract, under a
// warm-up long enough that most have left before the KPIs start, are
// warned of, naming the fix; without a warm-up they are not.
func TestCaseloadWithAWarmupWarns(t *testing.T) {
	for _, c := range []struct {
		warmup string
		warns  bool
	}{{"78", true}, {"0", false}} {
		dir := writeFiles(t, map[string]string{"s.toml": icbHead + "\n[run]\nwarmup_weeks = " + c.warmup + "\n[initial]\nfile = \"caseload.csv\"\n",
			"caseload.csv": "referral_date,status\n2025-01-01,active\n2025-01-02,waiting\n"})
		l, err := LoadWith(filepath.Join(dir, "s.toml"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		warned := slices.ContainsFunc(l.Warnings, func(w Warning) bool {
			return strings.Contains(w.Message, "today's 2 people start the run") && strings.Contains(w.Message, "set run.warmup_weeks = 0")
		})
		if warned != c.warns {
			t.Errorf("warm-up %s: warnings %v, want the warm-up warning %v", c.warmup, l.Warnings, c.warns)
		}
	}
}

// TestCaseloadStrayLatestDate: without initial.date, the extract's date is
// its latest referral's, so one mistyped into the future would give every
// other person a wait of centuries; it is told once, at its line.
func TestCaseloadStrayLatestDate(t *testing.T) {
	csv := "referral_date,status\n"
	for d := 1; d <= 28; d++ {
		csv += fmt.Sprintf("2025-10-%02d,waiting\n", d)
	}
	csv += "2205-10-15,waiting\n"
	dir := writeFiles(t, map[string]string{"s.toml": icbHead + "\n[run]\nwarmup_weeks = 0\n[initial]\nfile = \"caseload.csv\"\n", "caseload.csv": csv})
	_, err := LoadFile(filepath.Join(dir, "s.toml"))
	if err == nil || !strings.Contains(err.Error(), "caseload.csv:30: a referral dated 15 Oct 2205 is 180.0 years after the rest (28 Oct 2025): a mistyped year?") || strings.Count(err.Error(), "\n") > 0 {
		t.Errorf("%v", err)
	}
}

// TestCaseloadCountsBesideTheFile: counts written beside a caseload file
// would be replaced by the file's without a word, and are refused; the
// baseline's inherited counts, and a written 0, are not.
func TestCaseloadCountsBesideTheFile(t *testing.T) {
	for _, c := range []struct{ counts, want string }{
		{"waiting = 50\nactive = 120\n", "initial.waiting: give today's people as counts or as a caseload file (initial.file), not both"},
		{"active = 120\n", "initial.active: give today's people as counts"},
		{"waiting = 0\nactive = 0\n", ""},
		{"", ""},
	} {
		dir := writeFiles(t, map[string]string{"s.toml": icbHead + "\n[run]\nwarmup_weeks = 0\n[initial]\nfile = \"caseload.csv\"\n" + c.counts,
			"caseload.csv": "referral_date,status\n2025-01-01,waiting\n"})
		_, err := LoadFile(filepath.Join(dir, "s.toml"))
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%q: %v, want %q", c.counts, err, c.want)
		}
	}
}

// TestPersonWrittenWithANegativeAge: a person written in the scenario with
// a negative age_weeks is told so by its key, not that they were referred
// after an initial.date the scenario never gave.
func TestPersonWrittenWithANegativeAge(t *testing.T) {
	_, err := LoadBytes("p.toml", []byte("name = \"p\"\nextends = \"baseline\"\n[initial]\npeople = [{ status = \"waiting\", age_weeks = -5.0 }]\n"), Options{})
	want := "p.toml:4:11: initial.people.0: age_weeks -5: the weeks since the person was referred, 0 or more"
	if err == nil || err.Error() != want {
		t.Errorf("%v, want %s", err, want)
	}
}

// TestCaseloadFileWarnsAtItsLines: a referral dated decades before the
// extract, sessions held past the plausible, or more people than one PCN
// has, is warned of at the file's
// line or the file, in its words; the warnings were at the scenario's
// initial.file, by generated keys (initial.people.1.age_weeks =
// 1826.57...), and blamed the baseline's initial.waiting = 20 for the
// file's 6,000.
func TestCaseloadFileWarnsAtItsLines(t *testing.T) {
	var old, big strings.Builder
	old.WriteString("referral_date,status\n2025-11-01,waiting\n")
	for y := 1990; y < 1995; y++ {
		fmt.Fprintf(&old, "%d-11-01,waiting\n", y)
	}
	big.WriteString("referral_date,status\n")
	for range 5001 {
		big.WriteString("2025-11-01,waiting\n")
	}
	for _, c := range []struct {
		csv  string
		want []string
	}{
		{old.String(), []string{
			"caseload.csv:3: warning: a referral dated 1 Nov 1990 is 35 years before the extract's date (30 Nov 2025): a mistyped year?",
			"caseload.csv:5: warning: a referral dated 1 Nov 1992",
			"caseload.csv: warning: ... and 2 more people referred over 10 years before the extract's date"}},
		{big.String(), []string{"caseload.csv: warning: 5001 people waiting, more than one PCN plausibly has (5000): is it a whole area's extract?"}},
		{"referral_date,status,sessions\n2025-11-01,active,3\n2025-10-01,active,500\n", []string{"caseload.csv:3: warning: sessions 500: more than the 60 a person plausibly has held; a typo?"}},
	} {
		dir := writeFiles(t, map[string]string{"s.toml": icbHead + "\n[run]\nwarmup_weeks = 0\n[initial]\nfile = \"caseload.csv\"\ndate = \"2025-11-30\"\n", "caseload.csv": c.csv})
		l, err := LoadWith(filepath.Join(dir, "s.toml"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		all := warningLines(l.Warnings)
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("warnings:\n%s\nlack %q", all, w)
			}
		}
		if strings.Contains(all, "initial.people.") || strings.Contains(all, "initial.waiting") {
			t.Errorf("a warning at a key nobody wrote:\n%s", all)
		}
	}
}

// TestCountsBesideInitialPeople: counts written beside initial.people were
// replaced by the people's own without a word (waiting = 7 became 0); they
// are refused at each count's line, as beside a caseload file. Counts
// inherited from the baseline (20 waiting, 80 active), a written 0, and
// the people's own counts (as a resolved scenario writes them) are not.
func TestCountsBesideInitialPeople(t *testing.T) {
	head := "name = \"ip\"\nextends = \"baseline\"\n[run]\nwarmup_weeks = 0\n[initial]\npeople = [{ status = \"active\", age_weeks = 4.0 }]\n"
	const refused = ": give today's people as counts or as initial.people, not both: the people are counted "
	for _, c := range []struct {
		name, counts string
		want         []string
	}{
		{"both", "active = 5\nwaiting = 7\n", []string{
			"ip.toml:7:1: initial.active = 5" + refused + "(1 on caseloads), so this count would be dropped",
			"ip.toml:8:1: initial.waiting = 7" + refused + "(0 waiting), so this count would be dropped"}},
		{"waiting", "waiting = 7\n", []string{"ip.toml:7:1: initial.waiting = 7" + refused}},
		{"zeros", "waiting = 0\nactive = 0\n", nil},
		{"the people's own", "waiting = 0\nactive = 1\n", nil},
		{"inherited", "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			l, err := LoadBytes("ip.toml", []byte(head+c.counts), Options{})
			if c.want == nil {
				if err != nil {
					t.Fatalf("%v, want it loaded", err)
				}
				if in := l.Config.Initial; in.Active != 1 || in.Waiting != 0 {
					t.Errorf("%d waiting, %d active; want the person's 0 and 1", in.Waiting, in.Active)
				}
				return
			}
			var es Errors
			if !errors.As(err, &es) || len(es) != len(c.want) {
				t.Fatalf("%v, want %d errors", err, len(c.want))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(es[i].Error(), w) {
					t.Errorf("error %d: %v, want %s...", i, es[i], w)
				}
			}
		})
	}
}

// TestInitialDate: a bad initial.date is told at the scenario's line, not
// against the caseload file with no line; a date written as a TOML date
// (unquoted), or a date-time at midnight, is the date; a time that is no
// time after the date is refused, not dropped.
func TestInitialDate(t *testing.T) {
	csv := "referral_date,status\n2025-11-02,waiting\n"
	for _, c := range []struct{ name, date, want string }{
		{"bad month", `"2025-13-01"`, `s.toml:5:1: initial.date = "2025-13-01": "2025-13-01" is not a date`},
		{"bad hour", `"2025-11-30T25:00"`, `s.toml:5:1: initial.date = "2025-11-30T25:00": "2025-11-30T25:00" is not a date: "25:00" after the date is not a time of day`},
		{"trailing text", `"2025-11-30Tgarbage"`, `s.toml:5:1: initial.date = "2025-11-30Tgarbage": "2025-11-30Tgarbage" is not a date`},
		{"a TOML date", `2025-11-30`, ""},
		{"a TOML date-time at midnight", `2025-11-30T00:00:00`, ""},
		{"an offset date-time at midnight", `2025-11-30T00:00:00+01:00`, ""},
		{"a TOML date-time in the afternoon", `2025-11-30T14:05:00`, "s.toml:5:1: initial.date = 2025-11-30T14:05:00: expected a date, got a date-time at 14:05:00: write the date alone, such as 2025-11-30"},
		{"a TOML time", `14:05:00`, `s.toml:5:1: initial.date = 14:05:00: expected a date, got a time of day: write the date in quotes, such as "2025-11-30"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			scenario := "name = \"s\"\nextends = \"baseline\"\n[initial]\nfile = \"caseload.csv\"\ndate = " + c.date + "\n"
			dir := writeFiles(t, map[string]string{"s.toml": scenario, "caseload.csv": csv})
			cfg, err := LoadFile(filepath.Join(dir, "s.toml"))
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if p := cfg.Initial.People; len(p) != 1 || p[0].AgeWeeks != 4 {
					t.Errorf("people %+v, want one referred 4 weeks before 30 November", p)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, c.want)) {
				t.Errorf("%v\nwant %s", err, c.want)
			}
		})
	}
	// Without a caseload file, beside people written in the scenario.
	_, err := LoadBytes("p.toml", []byte("name = \"p\"\nextends = \"baseline\"\n[initial]\ndate = \"2025-13-01\"\npeople = [{ status = \"waiting\", age_weeks = 1.0 }]\n"), Options{})
	if want := `p.toml:4:1: initial.date = "2025-13-01": "2025-13-01" is not a date`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("%v\nwant %s", err, want)
	}
}

// TestCountsBesideInheritedPeople: a count written in a scenario whose
// parent gives today's people (inline or as a caseload file) would be
// dropped for the people's own; it is refused at its line, saying how to
// give counts instead, and doing so loads the counts.
func TestCountsBesideInheritedPeople(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"inline.toml":   "name = \"inline\"\nextends = \"baseline\"\n[run]\nwarmup_weeks = 0\n[initial]\npeople = [{ status = \"active\", age_weeks = 4.0 }]\n",
		"file.toml":     icbHead + "\n[initial]\nfile = \"caseload.csv\"\ndate = \"2025-11-30\"\nwaiting = 0\nactive = 0\n",
		"caseload.csv":  "referral_date,status\n2025-11-02,waiting\n",
		"a.toml":        "name = \"a\"\nextends = \"inline.toml\"\n[initial]\nactive = 5\n",
		"b.toml":        "name = \"b\"\nextends = \"file.toml\"\n[initial]\nwaiting = 7\n",
		"a-counts.toml": "name = \"a-counts\"\nextends = \"inline.toml\"\n[initial]\npeople = []\nactive = 5\n",
		"b-counts.toml": "name = \"b-counts\"\nextends = \"file.toml\"\n[initial]\nfile = \"\"\nwaiting = 7\n",
	})
	for _, c := range []struct{ file, want string }{
		{"a.toml", "a.toml:4:1: initial.active = 5: the scenario this extends gives today's people (initial.people in "},
		{"b.toml", "b.toml:4:1: initial.waiting: the scenario this extends gives today's people as a caseload file (initial.file in "},
	} {
		_, err := LoadFile(filepath.Join(dir, c.file))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.file, err, c.want)
		}
	}
	for file, want := range map[string][2]int{"a-counts.toml": {20, 5}, "b-counts.toml": {7, 0}} {
		c, err := LoadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if in := c.Initial; in.Waiting != want[0] || in.Active != want[1] || len(in.People) != 0 {
			t.Errorf("%s: %d waiting, %d active, %d people; want %d and %d, no people", file, in.Waiting, in.Active, len(in.People), want[0], want[1])
		}
	}
}
