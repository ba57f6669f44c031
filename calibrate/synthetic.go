package calibrate

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// Params are the true parameters of a synthetic extract, in the model's
// terms: the rate at Start, growth a year, seasonal amplitude and the
// peak's week counted from Start.
type Params struct {
	Base, Growth, Amplitude, Peak float64
}

// Rate is the referral rate (a week) t weeks after the run starts.
func (p Params) Rate(t float64) float64 {
	return p.Base * math.Pow(1+p.Growth, t/52) * (1 + p.Amplitude*math.Cos(2*math.Pi*(t-p.Peak)/52))
}

// Synthetic draws referrals from the Poisson process with parameters p
// over the given number of whole weeks from from, for a run starting the
// day after (as FitExtract assumes by default). It thins a homogeneous
// process, so the dates are exact draws, not rounded expectations.
func Synthetic(p Params, from time.Time, weeks int, seed uint64) []Referral {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	span := float64(weeks)
	maxRate := 0.0
	for t := -span; t <= 0; t += 0.25 {
		maxRate = max(maxRate, p.Rate(t))
	}
	maxRate *= 1.01
	var out []Referral
	for t := -span; ; {
		t += rng.ExpFloat64() / maxRate
		if t >= 0 {
			break
		}
		if rng.Float64()*maxRate < p.Rate(t) {
			day := int(math.Floor((t + span) * 7))
			out = append(out, Referral{Date: from.AddDate(0, 0, day)})
		}
	}
	return out
}

// WriteCSV writes referrals as an extract with a referral_date column (and
// group, profile and outcome where any referral has one).
func WriteCSV(w io.Writer, refs []Referral) error {
	var g, p, o bool
	for _, r := range refs {
		g, p, o = g || r.Group != "", p || r.Profile != "", o || r.Outcome != ""
	}
	head := "referral_date"
	for _, c := range []struct {
		on   bool
		name string
	}{{g, "group"}, {p, "profile"}, {o, "outcome"}} {
		if c.on {
			head += "," + c.name
		}
	}
	if _, err := fmt.Fprintln(w, head); err != nil {
		return err
	}
	for _, r := range refs {
		line := r.Date.Format("2006-01-02")
		for _, c := range []struct {
			on bool
			v  string
		}{{g, r.Group}, {p, r.Profile}, {o, r.Outcome}} {
			if c.on {
				line += "," + csvField(c.v)
			}
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

func csvField(s string) string {
	if strings.ContainsAny(s, ",;\"\r\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
