package output

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spsim/spsim/calibrate"
	"github.com/spsim/spsim/sim/experiment"
)

// CalibrationAnswer says in words what a fit of a referral extract found,
// as spsim calibrate and the workbench lead with it: the weeks fitted, the
// rate and its change, the seasons, the inappropriate share, and
// over-dispersion when it widened the intervals.
func CalibrationAnswer(f *calibrate.Fit, sh calibrate.Shares) []string {
	last := f.From.AddDate(0, 0, 7*f.Weeks-1)
	out := []string{Sentence("%s referrals in %d whole weeks, %s to %s, were fitted; the run starts on %s, %s",
		experiment.Number(float64(f.Referrals)), f.Weeks, f.From.Format("2 Jan 2006"), last.Format("2 Jan 2006"), f.Start.Format("2 Jan 2006"), startWords(f.Start, last))}
	demand := fmt.Sprintf("referrals come at %s a week at the start of the run (95%% interval %s to %s)",
		experiment.Number(f.Base.Value), experiment.Number(f.Base.Low), experiment.Number(f.Base.High))
	if g := f.Growth; !g.Fixed {
		demand += fmt.Sprintf(", changing by %s a year (%s to %s)", signedPercent(g.Value), signedPercent(g.Low), signedPercent(g.High))
		if g.Low <= 0 && 0 <= g.High {
			// The estimate is still the fit's; the reader should know a
			// steady rate fits the extract too.
			demand += ", not detectably different from no change"
		}
	}
	out = append(out, Sentence("%s", demand))
	amp := &f.Amplitude
	switch {
	case amp.Fixed:
	case amp.Low <= 0:
		out = append(out, Sentence("the seasons move referrals by ±%s (%s to %s), not detectably different from no seasons, so the data cannot tell when they peak",
			experiment.Percent(amp.Value), experiment.Percent(amp.Low), experiment.Percent(amp.High)))
	case f.Peak.Undetermined:
		out = append(out, Sentence("the seasons move referrals by ±%s (%s to %s), but the data cannot tell when they peak",
			experiment.Percent(amp.Value), experiment.Percent(amp.Low), experiment.Percent(amp.High)))
	default:
		out = append(out, Sentence("the seasons move referrals by ±%s (%s to %s), peaking around %s",
			experiment.Percent(amp.Value), experiment.Percent(amp.Low), experiment.Percent(amp.High), f.PeakDate().Format("2 January")))
	}
	if s := sh.Inappropriate; s != nil {
		out = append(out, Sentence("%s of referrals with an outcome were inappropriate (%s to %s)",
			experiment.Percent(s.Value), experiment.Percent(s.Low), experiment.Percent(s.High)))
	}
	if sh.NoneInappropriate {
		var seen []string
		for i, o := range sh.Outcomes {
			if i == 6 {
				seen = append(seen, fmt.Sprintf("and %d more", len(sh.Outcomes)-i))
				break
			}
			seen = append(seen, strconv.Quote(o.Name))
		}
		out = append(out, Sentence("none of the extract's outcomes (%s) is one that marks an inappropriate referral, so the scenario's inappropriate share is kept rather than set to 0",
			strings.Join(seen, ", ")))
	}
	if terms := strings.Join(f.Undetected(), " or "); terms != "" {
		// The fit's values are used: say so, since the sentences above
		// say a simpler pattern fits as well.
		out = append(out, Sentence("the scenario uses the fitted values all the same (the likeliest); a rate without %s fits the extract about as well", terms))
	}
	if f.Dispersion > 1.5 {
		out = append(out, Sentence("weekly counts vary %.1f times as much as steady random arrivals would, so the intervals are widened to match", f.Dispersion))
	}
	return out
}

// SettingWords is a fitted scenario setting as people read it.
type SettingWords struct {
	Label    string // what it is: "Growth a year"
	Value    string // "+5.6%"
	Interval string // its 95% interval: "−2.5% to +14.3%"
}

// DescribeSetting writes one fitted setting and its interval in words.
func DescribeSetting(st calibrate.Setting) SettingWords {
	between := func(f func(float64) string) string { return f(st.Low) + " to " + f(st.High) }
	switch st.Key {
	case "demand.referrals_per_week":
		return SettingWords{"Referrals a week at the start", experiment.Number(st.Value), between(experiment.Number)}
	case "demand.annual_growth":
		return SettingWords{"Growth a year", signedPercent(st.Value), between(signedPercent)}
	case "demand.seasonal_amplitude":
		return SettingWords{"Seasonal swing", "±" + experiment.Percent(st.Value), between(experiment.Percent)}
	case "demand.seasonal_peak_week":
		return SettingWords{"Seasonal peak", "week " + experiment.Number(st.Value) + " of the run",
			"week " + between(experiment.Number)}
	case "demand.inappropriate_share":
		return SettingWords{"Inappropriate referrals", experiment.Percent(st.Value), between(experiment.Percent)}
	}
	g := strings.TrimSuffix(strings.TrimPrefix(st.Key, "groups."), ".share")
	return SettingWords{"Share of referrals: " + strings.ReplaceAll(g, "_", " "), experiment.Percent(st.Value), between(experiment.Percent)}
}

// PrintCalibration writes a fit's settings as spsim calibrate prints them:
// what each is, its value and 95% interval in words, and the scenario key
// it sets.
func PrintCalibration(w io.Writer, settings []calibrate.Setting) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "what\tvalue\t95%% CI (profile likelihood)\tkey\n")
	for _, st := range settings {
		d := DescribeSetting(st)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.Label, d.Value, d.Interval, st.Key)
	}
	return tw.Flush()
}

// signedPercent is a rate of change with its sign: +3.2%, −2.4% (a change
// of a share would be in percentage points).
func signedPercent(v float64) string {
	if v >= 0 {
		return "+" + experiment.Percent(v)
	}
	return experiment.Percent(v) // Percent writes the minus sign
}

// startWords says when the run starts against the extract's last day: the
// day after, or so long before or after it (--start), where the rate is
// the fit's carried by its growth.
func startWords(start, last time.Time) string {
	switch days := start.Sub(last).Hours() / 24; {
	case days < 1:
		return fmt.Sprintf("%s before the extract ends, so the rate there is carried back from it by the growth fitted", weeksOrYears(-days+1))
	case days > 1:
		return fmt.Sprintf("%s after the extract ends, so the rate there is carried forward by the growth fitted", weeksOrYears(days-1))
	}
	return "the day after"
}

// weeksOrYears writes a number of days as weeks, or years from two years.
func weeksOrYears(days float64) string {
	if days >= 730 {
		return experiment.Number(days/365.25) + " years"
	}
	return experiment.Quantity(math.Round(days/7), "weeks", false)
}
