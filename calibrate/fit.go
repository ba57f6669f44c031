package calibrate

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/spsim/spsim/internal/extract"
)

// Options choose the fitting window and which parameters are fitted.
type Options struct {
	// From and To bound the days counted (inclusive). Zero values take the
	// extract's first and last dates. Only whole weeks from From are used.
	From, To time.Time
	// Start is the first day of the simulated run: t = 0 in the model.
	// The default is the day after the last whole week counted, so the
	// run carries on where the extract stops.
	Start time.Time
	// NoGrowth fixes annual growth at 0; NoSeason fixes the amplitude at 0.
	NoGrowth, NoSeason bool
}

// Estimate is one fitted parameter with its 95% interval.
type Estimate struct {
	Value, Low, High float64
	Fixed            bool // not fitted (fixed by an option)
	// Undetermined is set for a seasonal peak whose interval is the whole
	// year: the data cannot tell when demand peaks (or whether it does).
	Undetermined bool
}

// Fit is the result of fitting the referral process to an extract.
type Fit struct {
	Base, Growth, Amplitude, Peak Estimate // referrals/week at t=0, per year, share, week after Start

	From, Start time.Time
	Weeks       int       // whole weeks counted
	Counts      []float64 // referrals in each week from From
	Expected    []float64 // the fitted expected count of each week
	Referrals   int       // referrals in the weeks counted
	Excluded    int       // referrals outside them
	LogLik      float64   // at the estimates, up to a constant
	// Dispersion is Pearson's χ² over its degrees of freedom: about 1 for
	// a Poisson process. Above 1 the intervals are widened by it
	// (quasi-likelihood), since real referrals often come in clusters.
	Dispersion float64
	Threshold  float64 // the likelihood-ratio cut-off used for the intervals
	Warnings   []string
}

// Method describes how the estimates and intervals are made.
const Method = "Maximum likelihood for a Poisson process observed as whole-week counts " +
	"(expected counts integrate the rate over each week by Simpson's rule). " +
	"95% intervals are profile-likelihood intervals: every value whose likelihood-ratio " +
	"statistic, with the other parameters re-fitted, is at most 3.84 (the 95% point of χ² on 1 degree of freedom), " +
	"multiplied by Pearson's dispersion when that exceeds 1. " +
	"With no seasons the peak has no meaning, so the test of no seasonality frees two parameters, amplitude and peak: " +
	"the amplitude's interval reaches 0, and no peak is placed, unless that statistic exceeds 5.99 (χ² on 2 degrees of freedom), " +
	"multiplied likewise."

// chi2q95 is the 95% point of the χ² distribution on 1 degree of freedom.
const chi2q95 = 3.841458820694124

// chi2q95df2 is the 95% point of the χ² distribution on 2 degrees of
// freedom, −2 ln 0.05: the cut-off of the test of no seasonality.
const chi2q95df2 = 5.991464547107979

// minWeeks is the fewest whole weeks that can be fitted.
const minWeeks = 8

// model is the binned likelihood. Internal parameters are
// v = (log base, log(1+growth), atanh amplitude, 2π·peak/52): every real
// vector is a valid model, so the optimiser needs no constraints.
type model struct {
	t0     []float64 // start of each week, in weeks from Start
	n      []float64
	logFac float64 // Σ log n! , so that LogLik is a true log-likelihood
}

const omega = 2 * math.Pi / 52

func rate(v [4]float64, t float64) float64 {
	return math.Exp(v[0]+v[1]*t/52) * (1 + math.Tanh(v[2])*math.Cos(omega*t-v[3]))
}

// expected is the integral of the rate over [t, t+1] by Simpson's rule.
func expected(v [4]float64, t float64) float64 {
	return (rate(v, t) + 4*rate(v, t+0.5) + rate(v, t+1)) / 6
}

// nll is the negative log-likelihood.
func (m *model) nll(v [4]float64) float64 {
	s := m.logFac
	for i, t := range m.t0 {
		mu := expected(v, t)
		if mu <= 0 {
			return math.Inf(1)
		}
		s += mu - m.n[i]*math.Log(mu)
	}
	return s
}

// FitExtract fits the referral process to an extract.
func FitExtract(x *Extract, o Options) (*Fit, error) {
	if len(x.Referrals) == 0 {
		return nil, errors.New("no referrals to fit")
	}
	first, last := x.Referrals[0].Date, x.Referrals[0].Date
	for _, r := range x.Referrals {
		if r.Date.Before(first) {
			first = r.Date
		}
		if r.Date.After(last) {
			last = r.Date
		}
	}
	if err := strayDates(x.Referrals, o.From.IsZero(), o.To.IsZero()); err != nil {
		return nil, err
	}
	if err := windowWithin(o, first, last); err != nil {
		return nil, err
	}
	if err := afterToday(x.Referrals, o.To); err != nil {
		return nil, err
	}
	if o.From.IsZero() {
		o.From = first
	}
	if o.To.IsZero() {
		o.To = last
	}
	if o.To.Before(o.From) {
		return nil, fmt.Errorf("the period fitted ends (%s, --to or the last referral) before it starts (%s, --from or the first): give --from before --to",
			o.To.Format("2 Jan 2006"), o.From.Format("2 Jan 2006"))
	}
	days := int(o.To.Sub(o.From).Hours()/24) + 1
	weeks := days / 7
	if weeks < minWeeks {
		whole := fmt.Sprintf("%d whole weeks", weeks)
		if weeks == 1 {
			whole = "1 whole week"
		}
		return nil, fmt.Errorf("the extract covers %s (%s to %s); at least %d are needed to fit a weekly rate, and two years to tell growth from seasonality",
			whole, o.From.Format("2 Jan 2006"), o.To.Format("2 Jan 2006"), minWeeks)
	}
	end := o.From.AddDate(0, 0, 7*weeks)
	if o.Start.IsZero() {
		o.Start = end
	}
	if o.Start.Before(o.From.AddDate(-maxStartYears, 0, 0)) || o.Start.After(end.AddDate(maxStartYears, 0, 0)) {
		return nil, fmt.Errorf("--start %s is more than %d years from the weeks fitted (%s to %s): growth fitted over them cannot be carried that far; give a start within %d years",
			o.Start.Format("2 Jan 2006"), maxStartYears, o.From.Format("2 Jan 2006"), end.AddDate(0, 0, -1).Format("2 Jan 2006"), maxStartYears)
	}
	f := &Fit{From: o.From, Start: o.Start, Weeks: weeks, Counts: make([]float64, weeks)}
	for _, r := range x.Referrals {
		d := int(r.Date.Sub(o.From).Hours() / 24)
		if d < 0 || d >= 7*weeks {
			f.Excluded++
			continue
		}
		f.Counts[d/7]++
		f.Referrals++
	}
	if f.Referrals == 0 {
		return nil, fmt.Errorf("no referrals between %s and %s", o.From.Format("2 Jan 2006"), end.AddDate(0, 0, -1).Format("2 Jan 2006"))
	}
	m := &model{n: f.Counts}
	offset := o.From.Sub(o.Start).Hours() / 24 / 7
	for w := range weeks {
		m.t0 = append(m.t0, offset+float64(w))
		lg, _ := math.Lgamma(f.Counts[w] + 1)
		m.logFac += lg
	}
	if weeks < 104 && !(o.NoGrowth && o.NoSeason) {
		f.Warnings = append(f.Warnings, fmt.Sprintf("only %d weeks: growth and seasonality are hard to tell apart in less than two years, so their intervals are wide", weeks))
	}
	fitParams(f, m, o)
	f.Warnings = append(f.Warnings, gapWarnings(f)...)
	f.Warnings = append(f.Warnings, levelWarnings(f)...)
	if s := stepWarning(f, m, -f.LogLik); s != "" {
		f.Warnings = append(f.Warnings, s)
	}
	return f, nil
}

// maxStartYears bounds how far from the weeks fitted --start may put the
// scenario's week 0: a growth rate fitted over a few years says nothing of
// decades away.
const maxStartYears = 10

// windowSlack is how far --from may fall before the first referral, or
// --to after the last: a month's end given, or an extract whose last week
// truly had none (a backlog thins its last weeks; checks.go names it).
// Beyond a week the window would hold weeks the extract may not cover,
// fitted as weeks without referrals.
const windowSlack = 7

// windowWithin refuses a --from or --to outside the extract's referrals
// (first to last) by more than windowSlack days, or on the wrong side of
// them.
func windowWithin(o Options, first, last time.Time) error {
	if !o.From.IsZero() && o.From.After(last) {
		return fmt.Errorf("--from %s is after the extract's last referral (%s): give a --from within the extract, or leave it out",
			o.From.Format("2 Jan 2006"), last.Format("2 Jan 2006"))
	}
	if !o.To.IsZero() && o.To.Before(first) {
		return fmt.Errorf("--to %s is before the extract's first referral (%s): give a --to within the extract, or leave it out",
			o.To.Format("2 Jan 2006"), first.Format("2 Jan 2006"))
	}
	if !o.From.IsZero() && o.From.Before(first.AddDate(0, 0, -windowSlack)) {
		return fmt.Errorf("--from %s is before the extract's first referral (%s): the weeks before it would be fitted as weeks without referrals; give a --from within the extract, or leave it out",
			o.From.Format("2 Jan 2006"), first.Format("2 Jan 2006"))
	}
	if !o.To.IsZero() && o.To.After(last.AddDate(0, 0, windowSlack)) {
		return fmt.Errorf("--to %s is after the extract's last referral (%s): the weeks after it would be fitted as weeks without referrals; give a --to within the extract, or leave it out",
			o.To.Format("2 Jan 2006"), last.Format("2 Jan 2006"))
	}
	return nil
}

// strayGap is the longest run of days without referrals that the few
// earliest or latest referrals may stand apart from the rest.
const strayGap = 183

// strayDates refuses an extract whose earliest (lead) or latest (trail)
// few referrals stand apart from the rest (Stray): a mistyped year (1922
// for 2022) would otherwise stretch the fit over decades of empty weeks,
// or put the run's start in 2202. With --from or --to given, that end is
// the user's to choose.
func strayDates(refs []Referral, lead, trail bool) error {
	r, rest, before, ok := Stray(refs, lead, trail)
	if !ok {
		return nil
	}
	if before {
		return stray(r, rest, "before", "--from")
	}
	return stray(r, rest, "after", "--to")
}

// Stray finds a referral among the earliest (lead) or latest (trail) few,
// under 1% of them, that stands more than half a year (strayGap) apart
// from the rest, and the nearest of the rest; before says it is early.
func Stray(refs []Referral, lead, trail bool) (r, rest Referral, before, ok bool) {
	n := len(refs)
	few := max(1, n/100)
	if n < 2 || few >= n {
		return r, rest, false, false
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return refs[a].Date.Compare(refs[b].Date) })
	days := func(a, b int) float64 { return refs[idx[b]].Date.Sub(refs[idx[a]].Date).Hours() / 24 }
	for i := 0; lead && i < few; i++ {
		if days(i, i+1) > strayGap {
			return refs[idx[0]], refs[idx[i+1]], true, true
		}
	}
	for i := n - 1; trail && i > n-1-few; i-- {
		if days(i-1, i) > strayGap {
			return refs[idx[n-1]], refs[idx[i-1]], false, true
		}
	}
	return r, rest, false, false
}

// stray says which referral stands apart, and how to fix it.
func stray(r, rest Referral, where, flag string) error {
	return fmt.Errorf("%s: a mistyped year? Correct it, or leave it out with %s", StrayWords(r, rest, where), flag)
}

// StrayWords says where a stray referral stands: "line 5: a referral dated
// 1 May 1922 is 100.9 years before the rest (3 Apr 2023)".
func StrayWords(r, rest Referral, where string) string {
	at := ""
	if r.Line > 0 {
		at = fmt.Sprintf("line %d: ", r.Line)
	}
	gap := math.Abs(extract.Days(rest.Date, r.Date) / 365.25)
	span := fmt.Sprintf("%.1f years", gap)
	if gap < 1 {
		span = fmt.Sprintf("%.0f weeks", gap*52.18)
	}
	return fmt.Sprintf("%sa referral dated %s is %s %s the rest (%s)", at, r.Date.Format("2 Jan 2006"), span, where, rest.Date.Format("2 Jan 2006"))
}

// today is the current day, for refusing referrals dated after it; a
// variable so that tests can fix it.
var today = func() time.Time { return day(time.Now()) }

// afterToday refuses referrals dated after today (a day's grace, for
// clocks and zones), up to --to if given: no referral can have been made
// yet, and fitted they would be read as demand to come. The first by line
// is named.
func afterToday(refs []Referral, to time.Time) error {
	now := today()
	limit := now.AddDate(0, 0, 1)
	var first *Referral
	n := 0
	for i := range refs {
		r := &refs[i]
		if !r.Date.After(limit) || (!to.IsZero() && r.Date.After(to)) {
			continue
		}
		n++
		if first == nil || r.Line < first.Line {
			first = r
		}
	}
	if first == nil {
		return nil
	}
	at := ""
	if first.Line > 0 {
		at = fmt.Sprintf("line %d: ", first.Line)
	}
	others := ""
	if n > 1 {
		others = fmt.Sprintf(", as are %d other referrals", n-1)
	}
	return fmt.Errorf("%sa referral dated %s is after today (%s)%s: a mistyped year, or a date other than the referral's (an appointment booked ahead)? Correct it, or leave out what is after today with --to %s",
		at, first.Date.Format("2 Jan 2006"), now.Format("2 Jan 2006"), others, now.Format("2006-01-02"))
}
