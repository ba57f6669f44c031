package calibrate

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spsim/spsim/internal/extract"
)

// Checks on an extract that reads without error but would fit the wrong
// thing: counts per date read as one referral a row, the same referrals
// exported twice, weeks missing from the extract, or a change of level
// that a smooth trend cannot follow.

// unread is an unread column's values, one per referral read.
type unread struct {
	column int // 0-based
	header string
	values []string
}

// idColumns are headers of a column that names each referral: one value a
// referral, so a repeat is the same referral twice. A patient's identifier
// is not among them: a person may be referred again.
var idColumns = []string{"id", "referral_id", "referral_number", "referral_no", "referral_ref", "referral_reference", "ref", "ref_id", "reference"}

// checkColumns refuses an extract whose unread columns show that its rows
// are not one referral each.
func checkColumns(name string, x *Extract, cols []unread) error {
	if err := appendedTwice(name, x.Referrals); err != nil {
		return err
	}
	for _, c := range cols {
		if err := countsColumn(name, x.headLine, x.Referrals, c); err != nil {
			return err
		}
		if err := repeatedIDs(name, x.Referrals, c); err != nil {
			return err
		}
	}
	return nil
}

// appendedTwice refuses an extract whose second half repeats its first, row
// for row: one export appended to itself, which would double the rate.
func appendedTwice(name string, refs []Referral) error {
	n := len(refs)
	if n < 20 || n%2 != 0 {
		return nil
	}
	// Rows all alike (every referral on one day) repeat whatever the
	// halves: that says nothing of an export appended to itself.
	alike := true
	for _, r := range refs[1 : n/2] {
		alike = alike && r.Date == refs[0].Date && r.Group == refs[0].Group && r.Profile == refs[0].Profile && r.Outcome == refs[0].Outcome
	}
	if alike {
		return nil
	}
	for i := range n / 2 {
		a, b := refs[i], refs[n/2+i]
		if a.Date != b.Date || a.Group != b.Group || a.Profile != b.Profile || a.Outcome != b.Outcome {
			return nil
		}
	}
	return fmt.Errorf("%s: the second half of the extract repeats the first, row for row (lines %d to %d and %d to %d): one export appended to itself? Remove the repeat",
		name, refs[0].Line, refs[n/2-1].Line, refs[n/2].Line, refs[n-1].Line)
}

// countsColumn refuses a column of whole numbers, some above 1, in an
// extract with one row a date at a regular step (a day, a week or a month):
// counts per date under a header calibrate does not know ("Referrals
// received"), which would be read as one referral a row.
func countsColumn(name string, headLine int, refs []Referral, c unread) error {
	above1 := false
	for _, v := range c.values {
		v = strings.TrimSpace(v)
		if v == "" || v == "-" {
			continue // a week without a figure
		}
		n, err := strconv.Atoi(strings.ReplaceAll(v, ",", ""))
		if err != nil || n < 0 {
			return nil
		}
		above1 = above1 || n > 1
	}
	step, ok := regularDates(refs)
	if !above1 || !ok {
		return nil
	}
	return fmt.Errorf("%s: line %d: column %d (%s) holds whole numbers, one row a %s: it looks like a count of referrals each %s, but calibrate reads one row per referral, so each row would count as one; give one row per referral (a count per date can be repeated that many times)",
		name, headLine, c.column+1, c.header, step, step)
}

// regularDates reports whether the referrals fall one a date, nine steps in
// ten of the same length: a day, a week or a month.
func regularDates(refs []Referral) (step string, ok bool) {
	if len(refs) < 3 {
		return "", false
	}
	days := make([]time.Time, len(refs))
	for i, r := range refs {
		days[i] = r.Date
	}
	slices.SortFunc(days, time.Time.Compare)
	steps := map[string]int{}
	for i := 1; i < len(days); i++ {
		switch d := int(days[i].Sub(days[i-1]).Hours() / 24); {
		case d == 0:
			return "", false // two rows on one date: rows are referrals
		case d == 1:
			steps["day"]++
		case d == 7:
			steps["week"]++
		case d >= 28 && d <= 31:
			steps["month"]++
		}
	}
	for s, n := range steps {
		if 10*n >= 9*(len(days)-1) {
			return s, true
		}
	}
	return "", false
}

// repeatedIDs refuses a referral identifier that repeats: the same
// referrals twice (two exports appended), which would double the rate.
func repeatedIDs(name string, refs []Referral, c unread) error {
	if !slices.Contains(idColumns, extract.Normal(c.header)) {
		return nil
	}
	first := map[string]int{} // value: index of its first referral
	for i, v := range c.values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if j, seen := first[v]; seen {
			more := ""
			switch n := countRepeats(c.values) - 1; {
			case n == 1:
				more = ", and 1 more repeat"
			case n > 1:
				more = fmt.Sprintf(", and %d more repeats", n)
			}
			return fmt.Errorf("%s: column %d (%s) repeats referral %q (lines %d and %d%s): the extract may hold the same referrals twice (two exports appended?); remove the repeated rows",
				name, c.column+1, c.header, v, refs[j].Line, refs[i].Line, more)
		}
		first[v] = i
	}
	return nil
}

// countRepeats counts the non-blank values that repeat an earlier one.
func countRepeats(values []string) int {
	seen, n := map[string]bool{}, 0
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if seen[v] {
			n++
		}
		seen[v] = true
	}
	return n
}

// gapExpected sets the fewest referrals a run of empty weeks must be
// expected to hold before it is called a gap: gapExpected + ln(weeks), so
// that the chance of any such run in an extract without gaps is about
// e^−7, under 0.1%, however long the extract.
const gapExpected = 7

// gapWarnings names each run of weeks without a referral that the fit
// expects to hold many: a gap in the extract, which the fit reads as weeks
// without demand, lowering the rate and bending the seasons or the growth.
func gapWarnings(f *Fit) []string {
	var out []string
	for w := 0; w < f.Weeks; {
		if f.Counts[w] != 0 {
			w++
			continue
		}
		end, want := w, 0.0
		for ; end < f.Weeks && f.Counts[end] == 0; end++ {
			want += f.Expected[end]
		}
		if want >= gapExpected+math.Log(float64(f.Weeks)) {
			verb := "have"
			if end-w == 1 {
				verb = "has"
			}
			out = append(out, fmt.Sprintf("%s %s no referrals, where the fit expects %.0f: a gap in the extract? The fit counts them as weeks without demand, which lowers the rate and can read as seasons or growth; fit around them with --from and --to",
				weeksWords(f, w, end), verb, want))
		}
		w = end
	}
	return out
}

// weeksWords names weeks [from, to) of the fit: "the week of 3 Jul 2023"
// or "the 12 weeks from 3 Jul 2023 to 24 Sep 2023".
func weeksWords(f *Fit, from, to int) string {
	start := f.From.AddDate(0, 0, 7*from)
	if to-from == 1 {
		return "the week of " + start.Format("2 Jan 2006")
	}
	return fmt.Sprintf("the %d weeks from %s to %s", to-from, start.Format("2 Jan 2006"), f.From.AddDate(0, 0, 7*to-1).Format("2 Jan 2006"))
}

// levelWeeks is the span at each end of the extract whose referrals are
// set against the fit: a quarter.
const levelWeeks = 13

// levelWarnings compares the referrals of the first and last quarter with
// the fit's expectation. A difference of more than 10% and three standard
// errors (widened by the dispersion) is a change of level, a new service
// or a change in recording, that a smooth trend does not follow; at the
// end it moves the rate the run starts from.
func levelWarnings(f *Fit) []string {
	if f.Weeks < 3*levelWeeks {
		return nil
	}
	var out []string
	for _, end := range []struct {
		which    string
		from, to int
	}{{"first", 0, levelWeeks}, {"last", f.Weeks - levelWeeks, f.Weeks}} {
		var got, want float64
		for w := end.from; w < end.to; w++ {
			got, want = got+f.Counts[w], want+f.Expected[w]
		}
		z := (got - want) / math.Sqrt(want*max(1, f.Dispersion))
		if math.Abs(z) <= 3 || math.Abs(got/want-1) <= 0.1 {
			continue
		}
		// The flag that leaves the quarter out: a backlog at the end is cut
		// off with --to, a start with --from.
		fix := fmt.Sprintf("--to %s", f.From.AddDate(0, 0, 7*end.from-1).Format("2006-01-02"))
		if end.from == 0 {
			fix = fmt.Sprintf("--from %s", f.From.AddDate(0, 0, 7*end.to).Format("2006-01-02"))
		}
		out = append(out, fmt.Sprintf("the %s %d weeks (from %s) average %.1f referrals a week, against the fit's %.1f: referrals may have changed level (a new service, a change in recording, a backlog not yet entered), which a smooth trend does not follow; look at the fit's chart, and to leave those weeks out fit with %s",
			end.which, levelWeeks, f.From.AddDate(0, 0, 7*end.from).Format("2 Jan 2006"), got/levelWeeks, want/levelWeeks, fix))
	}
	return out
}

// stepMargin is how far (in the likelihood-ratio statistic, widened by the
// dispersion) a single step in the level must beat the smooth fit before
// it is named. The step has one parameter fewer than the smooth fit but its
// week is chosen as the best of many, which in steady referrals gains a
// statistic of about 10 at the 99th percentile over two years.
const stepMargin = 16

// stepWarning names a step in the level of referrals (two levels, either
// side of the best week) that fits the extract better than the smooth
// trend with seasons: a new service, a practice joining, a change in
// recording, which the smooth fit would read as steep growth or seasons;
// "" if there is none.
func stepWarning(f *Fit, m *model, nllhat float64) string {
	best, at := math.Inf(1), -1
	var total float64
	for _, n := range f.Counts {
		total += n
	}
	before := 0.0 // referrals in the weeks before c
	for c := 1; c <= f.Weeks-minWeeks; c++ {
		before += f.Counts[c-1]
		if c < minWeeks {
			continue
		}
		if nll := m.logFac + levelNLL(f.Counts[:c], before) + levelNLL(f.Counts[c:], total-before); nll < best {
			best, at = nll, c
		}
	}
	if at < 0 || 2*(nllhat-best) < stepMargin*max(1, f.Dispersion) {
		return ""
	}
	var a, b float64
	for w, n := range f.Counts {
		if w < at {
			a += n
		} else {
			b += n
		}
	}
	msg := fmt.Sprintf("referrals step from %.1f a week to %.1f a week around %s, which fits the extract better than a smooth trend: the fitted growth and seasons may be that step (a new service, a practice joining, a change in recording); to start from the new level, fit from it with --from %s",
		a/float64(at), b/float64(f.Weeks-at), f.From.AddDate(0, 0, 7*at).Format("2 Jan 2006"), f.From.AddDate(0, 0, 7*at).Format("2006-01-02"))
	// A fall in the last weeks is as likely a backlog not yet entered,
	// which fitting from it would make the whole fit of.
	if b < a && f.Weeks-at <= levelWeeks {
		msg += fmt.Sprintf("; but a fall this late may be a backlog not yet entered: then leave those weeks out with --to %s", f.From.AddDate(0, 0, 7*at-1).Format("2006-01-02"))
	}
	return msg
}

// levelNLL is the negative log-likelihood, without its log n! terms, of
// weekly counts at their mean (a constant rate, at its estimate).
func levelNLL(counts []float64, sum float64) float64 {
	if sum == 0 {
		return 0
	}
	mu := sum / float64(len(counts))
	s := 0.0
	for _, n := range counts {
		s += mu - n*math.Log(mu)
	}
	return s
}
