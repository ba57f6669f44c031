package scenarios

import (
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spsim/spsim/calibrate"
	"github.com/spsim/spsim/internal/extract"
)

// caseloadColumns are the accepted headers of a caseload extract,
// compared as extract.Normal does.
var caseloadColumns = map[string][]string{
	"date":     {"referral_date", "date", "referred", "date_of_referral"},
	"status":   {"status", "state"},
	"sessions": {"sessions", "sessions_so_far", "sessions_held"},
	"group":    {"group", "population_group"},
	"profile":  {"profile", "need_profile"},
	"awaiting": {"awaiting_place", "waiting_for_community_place", "awaiting_community_place", "holding"},
}

// statusWords maps the words extracts use to the model's two states.
var statusWords = map[string]string{
	"waiting": StatusWaiting, "waiting_list": StatusWaiting, "referred": StatusWaiting, "awaiting_contact": StatusWaiting,
	"active": StatusActive, "caseload": StatusActive, "on_caseload": StatusActive, "open": StatusActive, "holding": StatusActive,
}

// expandInitial reads initial.file into initial.people, checks the people
// against the scenario's groups and profiles, and sets the waiting and
// active counts from them.
func expandInitial(c *Config, pv provenance, top string) (Errors, []Warning) {
	in := &c.Initial
	where := func(key string) pos {
		p, _ := pv.find(key)
		if p.file == "" {
			p.file = top
		}
		return p
	}
	lines := []int(nil)
	file := ""
	var warns []Warning
	// Told at the scenario's line, not against the caseload file it dates.
	if in.Date != "" {
		if _, err := calibrate.ParseDate(in.Date); err != nil {
			w := where("initial.date")
			return Errors{{File: w.file, Line: w.line, Col: w.col, Key: "initial.date", Value: quoteString(in.Date), Msg: err.Error()}}, nil
		}
	}
	if in.File == "" && len(in.People) > 0 {
		if errs := countsBesidePeople(in, pv, where("initial.people"), top); errs != nil {
			return errs, nil
		}
	}
	if in.File != "" {
		w := where("initial.file")
		if len(in.People) > 0 {
			return Errors{{File: w.file, Line: w.line, Col: w.col, Key: "initial.file", Msg: "give today's people as a file or as initial.people, not both"}}, nil
		}
		// Counts written beside the file would be replaced by its own
		// without a word; inherited ones are (the baseline's 80 active),
		// and 0, which older scenarios wrote to say "none but the file's".
		for _, count := range []struct {
			key string
			n   int
		}{{"initial.waiting", in.Waiting}, {"initial.active", in.Active}} {
			key := count.key
			at, ok := pv[key]
			if !ok || count.n == 0 || w.file == "" {
				continue
			}
			switch {
			case at.file == w.file:
				return Errors{{File: at.file, Line: at.line, Col: at.col, Key: key,
					Msg: "give today's people as counts or as a caseload file (initial.file), not both: the file's people are counted, so this count would be dropped"}}, nil
			case at.file == top:
				return Errors{{File: at.file, Line: at.line, Col: at.col, Key: key,
					Msg: fmt.Sprintf("the scenario this extends gives today's people as a caseload file (initial.file in %s), so this count would be dropped: to give counts instead, write initial.file = \"\" here", w.file)}}, nil
			}
		}
		file = in.File
		if c.noFiles {
			return Errors{{File: w.file, Line: w.line, Col: w.col, Key: "initial.file", Value: quoteString(file), Msg: fileRefusal("initial.file")}}, nil
		}
		if strings.HasPrefix(w.file, "builtin:") && !filepath.IsAbs(file) {
			return Errors{{File: w.file, Key: "initial.file", Msg: "a built-in scenario cannot read a relative caseload file"}}, nil
		}
		if !filepath.IsAbs(file) {
			file = filepath.Join(filepath.Dir(w.file), file)
		}
		var errs Errors
		in.People, lines, warns, errs = readCaseload(file, in.Date)
		if errs != nil {
			return errs, nil
		}
		in.File = ""
		c.peopleFromFile = true
	}
	if errs := checkPeople(c, file, lines, where); errs != nil {
		return errs, nil
	}
	return nil, append(warns, countWarnings(c, file)...)
}

// countsBesidePeople refuses a count of today's people (initial.waiting,
// initial.active) written in the same file as initial.people, at w, or in
// the top file top when the people come from a scenario it extends, that
// the people do not count to: the people are counted, and the count would
// be replaced by theirs without a word. Counts inherited from another file
// (the baseline's 80 active) are not refused, nor 0, which says "none but
// these", nor the people's own count, which a resolved scenario
// (scenario.toml) writes beside them.
func countsBesidePeople(in *Initial, pv provenance, w pos, top string) Errors {
	waiting := 0
	for _, p := range in.People {
		if p.Status == StatusWaiting {
			waiting++
		}
	}
	var errs Errors
	for _, count := range []struct {
		key, what string
		n, people int
	}{{"initial.waiting", "waiting", in.Waiting, waiting}, {"initial.active", "on caseloads", in.Active, len(in.People) - waiting}} {
		at, ok := pv[count.key]
		if !ok || count.n == 0 || count.n == count.people || w.file == "" {
			continue
		}
		msg := fmt.Sprintf("give today's people as counts or as initial.people, not both: the people are counted (%d %s), so this count would be dropped", count.people, count.what)
		switch {
		case at.file == w.file:
		case at.file == top:
			msg = fmt.Sprintf("the scenario this extends gives today's people (initial.people in %s: %d %s), so this count would be dropped: to give counts instead, write initial.people = [] here", w.file, count.people, count.what)
		default:
			continue
		}
		errs = append(errs, &Error{File: at.file, Line: at.line, Col: at.col, Key: count.key, Value: strconv.Itoa(count.n), Msg: msg})
	}
	return errs.sort()
}

// countWarnings warns of a caseload file with more people waiting or on
// caseloads than one PCN plausibly has, at the file: the counts are the
// file's, not a key of the scenario's.
func countWarnings(c *Config, file string) []Warning {
	if !c.peopleFromFile {
		return nil
	}
	var out []Warning
	for _, n := range []struct {
		key, what string
		count     int
	}{{"initial.waiting", "waiting", c.Initial.Waiting}, {"initial.active", "on caseloads", c.Initial.Active}} {
		if hi := ranges[n.key].typical.hi; float64(n.count) > hi {
			out = append(out, Warning{File: file, Message: fmt.Sprintf("%d people %s, more than one PCN plausibly has (%s): is it a whole area's extract? Give several PCNs as areas ([areas])",
				n.count, n.what, formatNumber(hi))})
		}
	}
	return out
}

// personProblem says what is wrong with one of today's people, or "".
func personProblem(c *Config, p *InitialPerson) string {
	switch {
	case p.Status != StatusWaiting && p.Status != StatusActive:
		return fmt.Sprintf("status %q: allowed: waiting, active", p.Status)
	case p.Group != "" && c.Groups[p.Group] == nil:
		return notOne("group", p.Group, sortedKeys(c.Groups))
	case p.Profile != "" && c.Profiles[p.Profile] == nil:
		return notOne("profile", p.Profile, sortedKeys(c.Profiles))
	case p.AgeWeeks < 0:
		if d := c.Initial.Date; d != "" {
			return fmt.Sprintf("referred after the run starts (initial.date, %s): is that the extract's date?", d)
		}
		// Written as age_weeks, not read from a dated extract.
		return fmt.Sprintf("age_weeks %s: the weeks since the person was referred, 0 or more", formatNumber(p.AgeWeeks))
	case p.Sessions != nil && (*p.Sessions < 0 || p.Status == StatusWaiting && *p.Sessions > 0):
		return fmt.Sprintf("sessions %d: a person waiting has had none, and a count is 0 or more", *p.Sessions)
	case p.AwaitingPlace && p.Status == StatusWaiting:
		return "a person awaiting a community place is on a caseload (status active)"
	}
	return ""
}

// notOne says that a person's group or profile is not one of the
// scenario's, naming those it has and the likely one meant ("Rest" from a
// spreadsheet for rest).
func notOne(what, value string, names []string) string {
	msg := fmt.Sprintf("%s %q is not a %s of the scenario (%s)", what, value, what, strings.Join(names, ", "))
	if s := suggest(value, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return msg
}

// SetCaseload makes today's state the people of a caseload extract, as
// initial.file does, from the extract's bytes (named name in messages):
// each person is checked against the scenario's groups and profiles, and
// the waiting and active counts become the extract's. date is the
// extract's date, when the run starts ("" for the day after its latest
// referral). The rest of the scenario (caseload places, say) is checked
// when it is loaded or run. On error c is unchanged. The warnings are the
// extract's own, at its lines (a referral dated decades ago, say).
func SetCaseload(c *Config, name string, raw []byte, date string) ([]Warning, error) {
	people, lines, warns, errs := parseCaseload(name, raw, date)
	if errs != nil {
		return nil, errs
	}
	nc := *c
	// The date names itself in the people's problems; it is not kept, as
	// a scenario's date belongs to a caseload file (initial.file).
	nc.Initial = Initial{People: people, Date: date}
	if errs := checkPeople(&nc, name, lines, nil); errs != nil {
		return nil, errs
	}
	nc.Initial.Date = ""
	*c = nc
	return warns, nil
}

// checkPeople checks initial.people against the scenario and sets the
// waiting and active counts from them. A person is placed at their line of
// file when lines is given, else where their key was written.
func checkPeople(c *Config, file string, lines []int, where func(string) pos) Errors {
	in := &c.Initial
	if len(in.People) == 0 {
		return nil
	}
	var errs Errors
	waiting, active := 0, 0
	for i, p := range in.People {
		e := &Error{File: file, Key: "initial.people." + strconv.Itoa(i)}
		if lines != nil {
			e.Line, e.Key = lines[i], ""
		} else if where != nil {
			w := where(e.Key)
			e.File, e.Line, e.Col = w.file, w.line, w.col
		}
		if e.Msg = personProblem(c, &p); e.Msg != "" {
			errs = append(errs, e)
		}
		if p.Status == StatusWaiting {
			waiting++
		} else {
			active++
		}
	}
	in.Waiting, in.Active = waiting, active
	return collapseAlike(errs)
}

// alikeShown is how many people with the same problem are named one by
// one; the rest are counted.
const alikeShown = 3

// collapseAlike keeps the first alikeShown errors of each message and
// counts the rest in one more, so that a wrong extract date is a few
// lines, not one for every person.
func collapseAlike(errs Errors) Errors {
	count := map[string]int{}
	for _, e := range errs {
		count[e.Msg]++
	}
	var out Errors
	seen := map[string]int{}
	for _, e := range errs {
		seen[e.Msg]++
		switch n := seen[e.Msg]; {
		case n <= alikeShown:
			out = append(out, e)
		case n == alikeShown+1:
			more := *e
			more.Key, more.Msg = "", fmt.Sprintf("and %d more people from here on with the same problem: %s", count[e.Msg]-alikeShown, e.Msg)
			out = append(out, &more)
		}
	}
	return out
}

// readCaseload reads a caseload extract: a header row, then one row per
// person waiting or on a caseload. It returns the people and their lines.
func readCaseload(path, date string) ([]InitialPerson, []int, []Warning, Errors) {
	fail := func(line, col int, msg string) ([]InitialPerson, []int, []Warning, Errors) {
		return nil, nil, nil, Errors{{File: path, Line: line, Col: col, Msg: msg}}
	}
	raw, err := extract.ReadFile(path, maxDataFileBytes)
	if err != nil {
		return fail(0, 0, "cannot read the caseload file: "+err.Error())
	}
	return parseCaseload(path, raw, date)
}

// parseCaseload reads the bytes of a caseload extract, named path in
// messages.
func parseCaseload(path string, raw []byte, date string) ([]InitialPerson, []int, []Warning, Errors) {
	fail := func(line, col int, msg string) ([]InitialPerson, []int, []Warning, Errors) {
		return nil, nil, nil, Errors{{File: path, Line: line, Col: col, Msg: msg}}
	}
	er, err := extract.Open(raw)
	if err != nil {
		return nil, nil, nil, extractErrors(path, "the caseload file", err)
	}
	cols, err := er.Columns(caseloadColumns)
	if err != nil {
		return nil, nil, nil, extractErrors(path, "the caseload file", err)
	}
	if _, ok := cols["date"]; !ok {
		// A report's title above the header: say where the header seems
		// to be (its first line with a date column).
		if line, head := er.HeaderBelow(func(cells []string) bool { return extract.HasColumn(cells, caseloadColumns["date"]) }); line > 0 {
			return fail(er.Line, 0, "no date column; "+extract.HeaderBelowAdvice(er.Line, line, head))
		}
	}
	for _, need := range []string{"date", "status"} {
		if _, ok := cols[need]; !ok {
			return fail(er.Line, 0, fmt.Sprintf("no %s column; the columns are referral_date, status (waiting or active), and optionally sessions, group, profile, awaiting_place", need))
		}
	}
	var rows []caseloadRow
	var monthFirst calibrate.MonthFirst
	for {
		rec, line, err := er.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, nil, extractErrors(path, "the caseload file", err)
		}
		if extract.Blank(rec) {
			continue
		}
		r, col, msg := readCaseloadRow(cols, rec)
		if msg != "" {
			return fail(line, col, msg)
		}
		r.line = line
		rows = append(rows, r)
		if i, ok := cols["date"]; ok && i < len(rec) {
			monthFirst.Add(strings.TrimSpace(rec[i]), r.date, line)
		}
	}
	if len(rows) == 0 {
		return fail(0, 0, "the caseload file has no people")
	}
	if line, msg := monthFirst.Problem(); msg != "" {
		return fail(line, cols["date"]+1, msg)
	}
	if line, msg := strayReferral(rows, date); msg != "" {
		return fail(line, 0, msg)
	}
	start, err := caseloadStart(rows, date)
	if err != nil {
		return nil, nil, nil, Errors{{File: path, Key: "initial.date", Msg: err.Error()}}
	}
	people := make([]InitialPerson, len(rows))
	lines := make([]int, len(rows))
	old := ranges["initial.people.*.age_weeks"].typical.hi
	many := ranges["initial.people.*.sessions"].typical.hi
	ages := lineWarnings{file: path, more: fmt.Sprintf("people referred over %.0f years before the extract's date", old/52.18)}
	held := lineWarnings{file: path, more: fmt.Sprintf("people with more than %s sessions held", formatNumber(many))}
	for i, r := range rows {
		r.p.AgeWeeks = extract.Days(r.date, start) / 7
		dated := fmt.Sprintf("a referral dated %s is %.0f years before the extract's date (%s): a mistyped year?",
			r.date.Format("2 Jan 2006"), r.p.AgeWeeks/52.18, start.Format("2 Jan 2006"))
		if r.p.AgeWeeks > maxAgeWeeks {
			return fail(r.line, 0, dated+" Correct it")
		}
		if r.p.AgeWeeks > old {
			ages.add(r.line, dated)
		}
		if s := r.p.Sessions; s != nil && float64(*s) > many {
			held.add(r.line, fmt.Sprintf("sessions %d: more than the %s a person plausibly has held; a typo?", *s, formatNumber(many)))
		}
		people[i], lines[i] = r.p, r.line
	}
	return people, lines, append(ages.list(), held.list()...), nil
}

// sessionsCell reads a caseload file's sessions held, v, or says why it
// cannot: a whole number from 0 to the key's hard limit. A spreadsheet's
// 3.0 is 3; its 1,234 is told how to write it. One past the limit is told
// here, at its cell: the scenario's check told it by a key nobody wrote
// (initial.people.0.sessions) at the scenario's [initial] line.
func sessionsCell(v string) (int, string) {
	bd := ranges["initial.people.*.sessions"]
	allowed := fmt.Sprintf("a whole number from %s to %s", formatNumber(bd.hard.lo), formatNumber(bd.hard.hi))
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || !numberCell.MatchString(v) || x != math.Trunc(x) {
		hint := numberHint(v, true)
		if y, _ := hintedNumber(v); !bd.hard.has(y) {
			hint = "" // "write 1234" would be refused in turn
		}
		return 0, joinHint(fmt.Sprintf("sessions %q: %s", v, allowed), hint)
	}
	if !bd.hard.has(x) {
		msg := fmt.Sprintf("sessions %s: %s", v, allowed)
		if s := likelyFix(x, bd, true); s != "" {
			msg += "; " + s
		}
		return 0, msg
	}
	return int(x), ""
}

// lineWarnings are a caseload file's warnings of one kind: the first
// alikeShown at their lines, the rest counted, as more says them.
type lineWarnings struct {
	file, more string
	shown      []Warning
	count      int
}

func (l *lineWarnings) add(line int, msg string) {
	if l.count++; l.count <= alikeShown {
		l.shown = append(l.shown, Warning{File: l.file, Line: line, Message: msg})
	}
}

func (l *lineWarnings) list() []Warning {
	if n := l.count - alikeShown; n > 0 {
		return append(l.shown, Warning{File: l.file, Message: fmt.Sprintf("... and %d more %s", n, l.more), More: n})
	}
	return l.shown
}

// strayReferral says which referral date, mistyped into the future, would
// set the extract's date (without initial.date) and give everyone else a
// wait of centuries; told once, at its line. One mistyped into the past
// is caught by its age (maxAgeWeeks).
func strayReferral(rows []caseloadRow, date string) (line int, msg string) {
	if date != "" {
		return 0, ""
	}
	refs := make([]calibrate.Referral, len(rows))
	for i, r := range rows {
		refs[i] = calibrate.Referral{Date: r.date, Line: r.line}
	}
	r, rest, _, ok := calibrate.Stray(refs, false, true)
	if !ok {
		return 0, ""
	}
	return r.Line, calibrate.StrayWords(calibrate.Referral{Date: r.Date}, rest, "after") +
		": a mistyped year? Correct it; the extract's date is its latest referral's unless initial.date gives it, so every wait would run from it"
}

// maxAgeWeeks bounds how long ago one of today's people was referred: a
// century, past which the date is a typo.
const maxAgeWeeks = 5200

// caseloadRow is one person of a caseload extract, with their referral
// date and line.
type caseloadRow struct {
	p    InitialPerson
	date time.Time
	line int
}

// readCaseloadRow reads one row of a caseload extract; a bad cell is
// reported by its column and what is allowed.
func readCaseloadRow(cols map[string]int, rec []string) (r caseloadRow, col int, msg string) {
	cell := func(key string) (string, int) {
		i, ok := cols[key]
		if !ok || i >= len(rec) {
			return "", i + 1
		}
		return strings.TrimSpace(rec[i]), i + 1
	}
	v, col := cell("date")
	d, err := calibrate.ParseDate(v)
	if err != nil {
		return r, col, err.Error()
	}
	r.date = d
	v, col = cell("status")
	st, ok := statusWords[extract.Normal(v)]
	if !ok {
		return r, col, fmt.Sprintf("status %q: allowed: waiting (or waiting_list, referred), active (or caseload, open, holding)", v)
	}
	r.p.Status = st
	r.p.AwaitingPlace = strings.EqualFold(v, "holding")
	if v, col = cell("sessions"); v != "" {
		n, msg := sessionsCell(v)
		if msg != "" {
			return r, col, msg
		}
		r.p.Sessions = &n
	}
	r.p.Group, _ = cell("group")
	r.p.Profile, _ = cell("profile")
	if v, col = cell("awaiting"); v != "" {
		b, ok := yesNo(v)
		if !ok {
			return r, col, fmt.Sprintf("%q: allowed: yes, no, true, false, 1, 0", v)
		}
		r.p.AwaitingPlace = r.p.AwaitingPlace || b
	}
	return r, 0, ""
}

// caseloadStart is the day the run starts: the extract's date, or the day
// after its latest referral.
func caseloadStart(rows []caseloadRow, date string) (time.Time, error) {
	if date != "" {
		return calibrate.ParseDate(date)
	}
	var last time.Time
	for _, r := range rows {
		if r.date.After(last) {
			last = r.date
		}
	}
	return last.AddDate(0, 0, 1), nil
}

func yesNo(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "yes", "y", "true", "1":
		return true, true
	case "no", "n", "false", "0":
		return false, true
	}
	return false, false
}

// extractErrors places an error from package extract in file path; what
// names the file in words ("the caseload file").
func extractErrors(path, what string, err error) Errors {
	var ee *extract.Error
	switch {
	case errors.Is(err, extract.ErrEmpty):
		return Errors{{File: path, Msg: what + " is empty: it needs a header row, then one row per line of data"}}
	case errors.As(err, &ee):
		return Errors{{File: path, Line: ee.Line, Col: ee.Column, Msg: ee.Msg}}
	}
	return Errors{{File: path, Msg: err.Error()}}
}
