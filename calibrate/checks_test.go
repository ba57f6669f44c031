package calibrate

import (
	"strings"
	"testing"
	"time"
)

// checkWords are the warnings' own words, to tell them from the others.
var checkWords = []string{"a gap in the extract", "changed level", "step from"}

func checkWarnings(f *Fit) []string {
	var out []string
	for _, w := range f.Warnings {
		for _, s := range checkWords {
			if strings.Contains(w, s) {
				out = append(out, w)
			}
		}
	}
	return out
}

// TestChecksRarelyCryWolf: in extracts drawn from the smooth model itself
// (growth and seasons, two and five years) the gap, level and step checks
// stay quiet: at most one warning in 60 extracts.
func TestChecksRarelyCryWolf(t *testing.T) {
	n := 30
	if testing.Short() {
		n = 10
	}
	alarms := 0
	for seed := range uint64(n) {
		for _, c := range []struct {
			p     Params
			weeks int
		}{
			{Params{Base: 22, Growth: 0.08, Amplitude: 0.15, Peak: 10}, 104},
			{Params{Base: 6, Growth: -0.05, Amplitude: 0.3, Peak: 40}, 260},
		} {
			if w := checkWarnings(fitSynthetic(t, c.p, c.weeks, 500+seed, Options{})); len(w) > 0 {
				alarms++
				t.Logf("seed %d, %d weeks: %q", seed, c.weeks, w)
			}
		}
	}
	if alarms > 1 {
		t.Errorf("%d false alarms in %d smooth extracts", alarms, 2*n)
	}
}

// TestChecksNameWhatIsWrong: a step in the level, a gap of weeks and a last
// quarter cut short (a backlog not yet entered) are each named, with the
// weeks.
func TestChecksNameWhatIsWrong(t *testing.T) {
	flat := Synthetic(Params{Base: 20}, from, 104, 7)
	high := Synthetic(Params{Base: 40}, from, 104, 8)
	day := func(r Referral) int { return int(r.Date.Sub(from).Hours() / 24) }
	keep := func(in []Referral, ok func(d int) bool) []Referral {
		var out []Referral
		for _, r := range in {
			if ok(day(r)) {
				out = append(out, r)
			}
		}
		return out
	}
	step := append(keep(flat, func(d int) bool { return d < 7*52 }), keep(high, func(d int) bool { return d >= 7*52 })...)
	gap := keep(flat, func(d int) bool { return d < 7*40 || d >= 7*52 })
	backlog := append(keep(flat, func(d int) bool { return d < 7*91 }), keep(flat, func(d int) bool { return d >= 7*91 && d%2 == 0 })...)
	// The last 8 weeks all but empty: a step down that late reads as a
	// backlog too.
	late := append(keep(flat, func(d int) bool { return d < 7*96 }), keep(flat, func(d int) bool { return d >= 7*96 && d%10 == 0 })...)
	for _, c := range []struct {
		name string
		refs []Referral
		want string
	}{
		{"step", step, "a week to 4"},
		{"gap", gap, "the 12 weeks from " + from.AddDate(0, 0, 7*40).Format("2 Jan 2006") + " to " + from.AddDate(0, 0, 7*52-1).Format("2 Jan 2006") + " have no referrals"},
		{"backlog", backlog, "the last 13 weeks (from " + from.AddDate(0, 0, 7*91).Format("2 Jan 2006") + ") average"},
		{"backlog's fix", backlog, "to leave those weeks out fit with --to " + from.AddDate(0, 0, 7*91-1).Format("2006-01-02")},
		{"a late step down", late, "but a fall this late may be a backlog not yet entered: then leave those weeks out with --to " + from.AddDate(0, 0, 7*96-1).Format("2006-01-02")},
	} {
		f, err := FitExtract(&Extract{Referrals: c.refs}, Options{From: from, To: from.AddDate(0, 0, 7*104-1)})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(f.Warnings, "\n"); !strings.Contains(got, c.want) {
			t.Errorf("%s: warnings %q, want %q", c.name, got, c.want)
		}
	}
}

// TestReadRefusesCountsAndRepeats: a column of counts one row a week under
// a header calibrate does not know, a referral identifier that repeats and
// an extract appended to itself are refused, with what to do; a
// per-referral extract with an identifier and an age column is read.
func TestReadRefusesCountsAndRepeats(t *testing.T) {
	var weekly, ids, twice, fine strings.Builder
	weekly.WriteString("Referral Date,Referrals received\n")
	weekly.WriteString(from.AddDate(0, 0, -7).Format("02/01/2006") + ",\n") // a week without a figure
	ids.WriteString("referral_id,referral_date\n")
	fine.WriteString("referral_id,referral_date,age\n")
	var body strings.Builder
	for w := range 60 {
		d := from.AddDate(0, 0, 7*w).Format("02/01/2006")
		weekly.WriteString(d + "," + []string{"15", "21", "19", "0"}[w%4] + "\n")
		for k := range 3 {
			id := "R" + time.Duration(3*w+k).String()
			ids.WriteString(id + "," + d + "\n")
			fine.WriteString(id + "," + d + "," + []string{"34", "71", "34"}[k] + "\n")
			body.WriteString(d + "\n")
		}
	}
	ids.WriteString("R0s," + from.Format("02/01/2006") + "\n")
	twice.WriteString("referral_date\n" + body.String() + body.String())
	for _, c := range []struct {
		name, file, want string
	}{
		{"weekly", weekly.String(), "column 2 (Referrals received) holds whole numbers, one row a week"},
		{"ids", ids.String(), `column 1 (referral_id) repeats referral "R0s" (lines 2 and 182)`},
		{"twice", twice.String(), "the second half of the extract repeats the first, row for row"},
		{"fine", fine.String(), ""},
	} {
		_, err := Read(c.name+".csv", strings.NewReader(c.file))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v, want it read", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}
