package calibrate

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
)

var from = time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)

// fitSynthetic draws an extract of weeks whole weeks and fits it.
func fitSynthetic(t *testing.T, p Params, weeks int, seed uint64, o Options) *Fit {
	t.Helper()
	o.From, o.To = from, from.AddDate(0, 0, 7*weeks-1)
	f, err := FitExtract(&Extract{Referrals: Synthetic(p, from, weeks, seed)}, o)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// covers reports whether each true parameter lies in its interval; the
// peak's interval is an arc of the year.
func covers(f *Fit, p Params) [4]bool {
	in := func(e Estimate, x float64) bool { return e.Low <= x && x <= e.High }
	arc := wrap52(p.Peak-f.Peak.Low) <= f.Peak.High-f.Peak.Low
	return [4]bool{in(f.Base, p.Base), in(f.Growth, p.Growth), in(f.Amplitude, p.Amplitude), arc}
}

var names = [4]string{"referrals_per_week", "annual_growth", "seasonal_amplitude", "seasonal_peak_week"}

// TestRecovered: parameters drawn from known values lie within their
// intervals, and the estimates sit inside.
func TestRecovered(t *testing.T) {
	cases := []struct {
		name  string
		p     Params
		weeks int
	}{
		{"pcn", Params{Base: 20, Growth: 0.05, Amplitude: 0.10, Peak: 3}, 156},
		{"growing, summer peak", Params{Base: 35, Growth: 0.15, Amplitude: 0.2, Peak: 30}, 104},
		{"shrinking, peak at the year end", Params{Base: 12, Growth: -0.1, Amplitude: 0.25, Peak: 51}, 208},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := fitSynthetic(t, c.p, c.weeks, 1, Options{})
			for i, ok := range covers(f, c.p) {
				if !ok {
					t.Errorf("%s: true value outside the interval: fit %+v", names[i], []Estimate{f.Base, f.Growth, f.Amplitude, f.Peak}[i])
				}
			}
			for i, e := range []Estimate{f.Base, f.Growth, f.Amplitude} {
				if !(e.Low < e.Value && e.Value < e.High) {
					t.Errorf("%s: estimate %g outside its own interval %g to %g", names[i], e.Value, e.Low, e.High)
				}
			}
		})
	}
}

// TestCoverage: over many seeds each interval covers the true value about
// 95% of the time. The test fails only if a coverage count is below what
// a 95% interval gives with probability 0.001.
func TestCoverage(t *testing.T) {
	p := Params{Base: 22, Growth: 0.08, Amplitude: 0.15, Peak: 10}
	n := 40
	if testing.Short() {
		n = 15
	}
	var hits [4]int
	for seed := range uint64(n) {
		for i, ok := range covers(fitSynthetic(t, p, 104, 100+seed, Options{}), p) {
			if ok {
				hits[i]++
			}
		}
	}
	b := distuv.Binomial{N: float64(n), P: 0.95}
	for i, h := range hits {
		t.Logf("%s: %d of %d intervals cover the truth", names[i], h, n)
		if b.CDF(float64(h)) < 0.001 {
			t.Errorf("%s: %d of %d intervals cover the truth; a 95%% interval would cover at least %d with probability 0.999", names[i], h, n, minHits(b))
		}
	}
}

// TestNoSeasonCoverage: without seasonality, the amplitude's interval
// reaches 0 about 95% of the time. At 0 the peak is not identified, so the
// test of no seasonality has two degrees of freedom (amplitude and peak),
// not one: read against χ² on one, it finds seasons in about 15% of
// extracts that have none.
func TestNoSeasonCoverage(t *testing.T) {
	p := Params{Base: 20, Growth: 0.05}
	n := 120
	if testing.Short() {
		n = 30
	}
	hits, placed := 0, 0
	for seed := range uint64(n) {
		f := fitSynthetic(t, p, 104, 500+seed, Options{})
		if f.Amplitude.Low == 0 {
			hits++
			if !f.Peak.Undetermined {
				placed++
			}
		}
	}
	b := distuv.Binomial{N: float64(n), P: 0.95}
	t.Logf("%d of %d amplitude intervals reach 0", hits, n)
	if b.CDF(float64(hits)) < 0.001 {
		t.Errorf("%d of %d amplitude intervals reach 0 for a process without seasons; a 95%% interval would reach it at least %d times with probability 0.999", hits, n, minHits(b))
	}
	if placed > 0 {
		t.Errorf("%d fits place a seasonal peak although the amplitude's interval reaches 0", placed)
	}
}

// TestNoSeason: an aseasonal process gives an amplitude interval reaching
// 0, and then no peak can be placed.
func TestNoSeason(t *testing.T) {
	p := Params{Base: 20}
	f := fitSynthetic(t, p, 104, 3, Options{})
	if f.Amplitude.Low != 0 {
		t.Errorf("amplitude interval %g to %g should reach 0 for a process without seasonality", f.Amplitude.Low, f.Amplitude.High)
	}
	if !f.Peak.Undetermined {
		t.Errorf("peak %+v should be undetermined when the amplitude may be 0", f.Peak)
	}
	g := fitSynthetic(t, p, 104, 3, Options{NoGrowth: true, NoSeason: true})
	if !g.Growth.Fixed || !g.Amplitude.Fixed || g.Growth.Value != 0 || g.Amplitude.Value != 0 {
		t.Errorf("fixed parameters were fitted: %+v %+v", g.Growth, g.Amplitude)
	}
	// With one parameter left the estimate is the mean weekly count.
	if mean := float64(g.Referrals) / float64(g.Weeks); math.Abs(g.Base.Value-mean) > 1e-6*mean {
		t.Errorf("constant-rate estimate %g, want the mean %g", g.Base.Value, mean)
	}
	if g.Base.High-g.Base.Low >= f.Base.High-f.Base.Low {
		t.Errorf("fixing growth and seasonality should narrow the rate's interval: %g-%g vs %g-%g", g.Base.Low, g.Base.High, f.Base.Low, f.Base.High)
	}
}

// TestOverdispersed: counts more variable than Poisson widen the intervals
// by the dispersion, and say so.
func TestOverdispersed(t *testing.T) {
	var refs []Referral
	// Batches: each week's referrals come in lumps of 4 entered together.
	for _, r := range Synthetic(Params{Base: 5}, from, 104, 9) {
		for range 4 {
			refs = append(refs, r)
		}
	}
	f, err := FitExtract(&Extract{Referrals: refs}, Options{From: from, To: from.AddDate(0, 0, 7*104-1)})
	if err != nil {
		t.Fatal(err)
	}
	if f.Dispersion < 2.5 || f.Threshold <= chi2q95 || len(f.Warnings) == 0 {
		t.Errorf("dispersion %.2f, threshold %.2f, warnings %q: want about 4, widened, and a warning", f.Dispersion, f.Threshold, f.Warnings)
	}
}

// minHits is the smallest count with lower-tail probability at least 0.001.
func minHits(b distuv.Binomial) int {
	k := 0
	for b.CDF(float64(k)) < 0.001 {
		k++
	}
	return k
}

func TestTooShort(t *testing.T) {
	_, err := FitExtract(&Extract{Referrals: Synthetic(Params{Base: 20}, from, 5, 1)}, Options{})
	if err == nil {
		t.Fatal("5 weeks were fitted; want a refusal")
	}
}

func ExampleFitExtract() {
	refs := Synthetic(Params{Base: 20, Growth: 0.05, Amplitude: 0.1, Peak: 3}, from, 156, 1)
	f, _ := FitExtract(&Extract{Referrals: refs}, Options{})
	fmt.Printf("%.0f referrals a week (95%% CI %.0f to %.0f)\n", f.Base.Value, f.Base.Low, f.Base.High)
	// Output: 20 referrals a week (95% CI 19 to 22)
}

// TestStrayDates: a referral whose year was mistyped, standing decades
// before or after the rest, is refused at its line, naming the fix; a
// --from or --to that leaves it out is the user's choice; a gap inside
// the extract is not a stray.
func TestStrayDates(t *testing.T) {
	base := Synthetic(Params{Base: 25}, from, 104, 1)
	for i := range base {
		base[i].Line = i + 2
	}
	with := func(d time.Time) []Referral {
		refs := slices.Clone(base)
		refs[10].Date = d
		return refs
	}
	for _, c := range []struct {
		name     string
		refs     []Referral
		from, to time.Time
		want     string
	}{
		{"a year in the past", with(time.Date(1922, 5, 1, 0, 0, 0, 0, time.UTC)), time.Time{}, time.Time{}, "line 12: a referral dated 1 May 1922 is 100.7 years before the rest"},
		{"a year in the future", with(time.Date(2202, 5, 1, 0, 0, 0, 0, time.UTC)), time.Time{}, time.Time{}, "after the rest"},
		{"left out with --from", with(time.Date(1922, 5, 1, 0, 0, 0, 0, time.UTC)), from, time.Time{}, ""},
		{"none", base, time.Time{}, time.Time{}, ""},
	} {
		_, err := FitExtract(&Extract{Referrals: c.refs}, Options{From: c.from, To: c.to})
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestWindowWithinTheExtract: a --from before the extract's first referral
// or a --to after its last, by more than a week, is refused (the weeks
// outside would be fitted as weeks without referrals), as is a --start
// decades away (growth cannot be carried so far); a month's end a few
// days after the last referral is not.
func TestWindowWithinTheExtract(t *testing.T) {
	refs := Synthetic(Params{Base: 25}, from, 104, 1)
	last := refs[len(refs)-1].Date
	for _, r := range refs {
		if r.Date.After(last) {
			last = r.Date
		}
	}
	far := time.Date(2400, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		o    Options
		want string
	}{
		{"--to centuries on", Options{To: far}, "--to 1 Jan 2400 is after the extract's last referral"},
		{"--from centuries before", Options{From: time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC)}, "--from 1 Jan 1700 is before the extract's first referral"},
		{"--start centuries on", Options{Start: far}, "--start 1 Jan 2400 is more than 10 years from the weeks fitted"},
		{"--to a few days after the last", Options{To: last.AddDate(0, 0, 3)}, ""},
		{"--to a week after the last (its last week may truly have had none)", Options{To: last.AddDate(0, 0, 7)}, ""},
		{"--to eight days after the last", Options{To: last.AddDate(0, 0, 8)}, "is after the extract's last referral"},
		{"--from after the last", Options{From: last.AddDate(1, 0, 0)}, "--from " + last.AddDate(1, 0, 0).Format("2 Jan 2006") + " is after the extract's last referral"},
		{"--to before the first", Options{To: from.AddDate(-1, 0, 0)}, "is before the extract's first referral"},
		{"--start a year on", Options{Start: last.AddDate(1, 0, 0)}, ""},
	} {
		_, err := FitExtract(&Extract{Referrals: refs}, c.o)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestStrayWordsFarApart: a year mistyped by millennia is said as it is
// (time.Time.Sub stops at 292 years).
func TestStrayWordsFarApart(t *testing.T) {
	r := Referral{Date: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), Line: 5}
	rest := Referral{Date: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}
	if got := StrayWords(r, rest, "before"); !strings.Contains(got, "is 9998.8 years before the rest") {
		t.Errorf("%q", got)
	}
}
