package calibrate

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spsim/spsim/internal/tomlstr"
)

// FragmentSpec says what a calibrated scenario fragment contains.
type FragmentSpec struct {
	Name    string // the scenario's name
	Source  string // the extract's file name, for the comments
	Extends string // the scenario it extends, e.g. "baseline"
	Fit     *Fit
	Shares  Shares
	// Groups and Profiles are the names the extended scenario defines:
	// shares are written as keys only when every name in the extract is
	// one of them (the extended scenario supplies the rest of each entry);
	// otherwise they are written as comments to copy by hand.
	Groups, Profiles []string
}

// WriteFragment writes a scenario that extends spec.Extends with the
// fitted demand, ready to be extended in turn or run as it is.
func WriteFragment(w io.Writer, spec FragmentSpec) error {
	f := spec.Fit
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	p("# Calibrated by `spsim calibrate %s` from %s referrals in %d whole weeks,", tomlstr.Comment(spec.Source), thousands(f.Referrals), f.Weeks)
	p("# %s to %s; the run starts on %s (week 0).", f.From.Format("2 Jan 2006"), f.From.AddDate(0, 0, 7*f.Weeks-1).Format("2 Jan 2006"), f.Start.Format("2 Jan 2006"))
	if f.Excluded > 0 {
		p("# %s referrals outside those weeks were not counted.", thousands(f.Excluded))
	}
	p("# Method: %s", wrapComment(Method))
	p("# Dispersion (Pearson χ² over its degrees of freedom; 1 for a Poisson process): %.2f.", f.Dispersion)
	for _, warn := range f.Warnings {
		p("# Note: %s.", tomlstr.Comment(warn))
	}
	p("# Use it: `extends = \"THIS-FILE.toml\"` in your scenario, or `spsim run THIS-FILE.toml`.")
	p("name = %s", tomlstr.Quote(spec.Name))
	p("extends = %s", tomlstr.Quote(spec.Extends))
	p("question = %s", tomlstr.Quote("What happens with the referral rate, growth and seasonality fitted to "+spec.Source+"?"))
	p("")
	p("[demand]")
	p("# %s referrals a week at the start of the run, before seasonality (95%% CI %s to %s)", one(f.Base.Value), one(f.Base.Low), one(f.Base.High))
	p("referrals_per_week = %s", fmtNum(f.Base.Value, 2))
	if f.Growth.Fixed {
		p("annual_growth = 0.0 # fixed (--no-growth)")
	} else {
		p("# %s a year (95%% CI %s to %s)", signedPct(f.Growth.Value), signedPct(f.Growth.Low), signedPct(f.Growth.High))
		p("annual_growth = %s", fmtNum(f.Growth.Value, 4))
	}
	if f.Amplitude.Fixed {
		p("seasonal_amplitude = 0.0 # fixed (--no-season)")
	} else {
		p("# ±%s around the trend (95%% CI %s to %s)", pct(f.Amplitude.Value), pct(f.Amplitude.Low), pct(f.Amplitude.High))
		p("seasonal_amplitude = %s", fmtNum(f.Amplitude.Value, 4))
		peak := f.PeakWeek()
		if f.Peak.Undetermined {
			p("# peak: the data cannot tell when demand peaks (95%% CI: any week)")
		} else {
			p("# peak in week %.1f of the run, around %s (95%% CI week %.1f to %.1f)", peak,
				f.PeakDate().Format("2 January"), wrap52(f.Peak.Low), wrap52(f.Peak.High))
		}
		p("seasonal_peak_week = %s", fmtNum(peak, 2))
	}
	if s := spec.Shares.Inappropriate; s != nil {
		p("# %s of %s referrals with an outcome were inappropriate (95%% CI %s to %s)", pct(s.Value), thousands(outcomeTotal(spec.Shares.Outcomes)), pct(s.Low), pct(s.High))
		p("inappropriate_share = %s", fmtNum(s.Value, 4))
		p("# outcomes: %s", tomlstr.Comment(outcomeList(spec.Shares.Outcomes)))
	}
	writeGroups(&b, spec)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeGroups writes the group shares and each group's profile mix.
func writeGroups(b *strings.Builder, spec FragmentSpec) {
	sh := spec.Shares
	if len(sh.Groups) == 0 {
		if len(sh.Profiles) > 0 {
			fmt.Fprintf(b, "\n# Profiles in the extract (no group column; set them in profile_mix or profiles.NAME.share):\n")
			for _, s := range sh.Profiles {
				fmt.Fprintf(b, "#   %s: %s (95%% CI %s to %s)\n", tomlstr.Comment(s.Name), pct(s.Value), pct(s.Low), pct(s.High))
			}
		}
		return
	}
	keys := known(sh.Groups, spec.Groups)
	mix := len(sh.ProfileMix) > 0 && known(sh.Profiles, spec.Profiles)
	prefix := ""
	if !keys {
		prefix = "# "
		fmt.Fprintf(b, "\n# The extract's groups are not all groups of %s (%s): copy these by hand, naming them as your scenario does.\n",
			tomlstr.Comment(spec.Extends), tomlstr.Comment(strings.Join(spec.Groups, ", ")))
	}
	vals := rounded(sh.Groups)
	for i, s := range sh.Groups {
		fmt.Fprintf(b, "\n%s[groups.%s]\n", prefix, key(prefix, s.Name))
		fmt.Fprintf(b, "# %s of referrals (95%% CI %s to %s)\n", pct(s.Value), pct(s.Low), pct(s.High))
		fmt.Fprintf(b, "%sshare = %s\n", prefix, fmtNum(vals[i], 4))
		if m := sh.ProfileMix[s.Name]; len(m) > 0 {
			mp := prefix
			if !mix {
				mp = "# "
			}
			terms := make([]string, len(m))
			mv := rounded(m)
			for j, x := range m {
				terms[j] = fmt.Sprintf("%s = %s", key(mp, x.Name), fmtNum(mv[j], 4))
			}
			fmt.Fprintf(b, "%sprofile_mix = { %s }\n", mp, strings.Join(terms, ", "))
		}
	}
}

// key writes a group's or profile's name as a TOML key, or, in a line
// commented out (prefix "# "), as comment text that reads as the key would.
func key(prefix, name string) string {
	if prefix != "" {
		return tomlstr.Comment(tomlstr.Key(name))
	}
	return tomlstr.Key(name)
}

func known(sh []Share, names []string) bool {
	for _, s := range sh {
		if !slices.Contains(names, s.Name) {
			return false
		}
	}
	return len(sh) > 0
}

func outcomeTotal(sh []Share) int {
	n := 0
	for _, s := range sh {
		n += s.Count
	}
	return n
}

func outcomeList(sh []Share) string {
	parts := make([]string, len(sh))
	for i, s := range sh {
		parts[i] = fmt.Sprintf("%s %s", s.Name, thousands(s.Count))
	}
	return strings.Join(parts, ", ")
}

// Undetected names the fitted terms, "growth" and "seasons", that the
// data cannot tell from none: their 95% intervals reach 0. The scenario
// still uses their fitted values, the likeliest; Options.NoGrowth and
// NoSeason fit without them.
func (f *Fit) Undetected() []string {
	var out []string
	if g := f.Growth; !g.Fixed && g.Low <= 0 && 0 <= g.High {
		out = append(out, "growth")
	}
	if a := f.Amplitude; !a.Fixed && a.Low <= 0 {
		out = append(out, "seasons")
	}
	return out
}

// PeakWeek is the week of the run's year in which the fitted seasonal
// demand peaks, from 0 up to 52.
func (f *Fit) PeakWeek() float64 { return wrap52(f.Peak.Value) }

// PeakDate is the first date of the run on which demand peaks.
func (f *Fit) PeakDate() time.Time {
	return f.Start.AddDate(0, 0, int(math.Round(f.PeakWeek()*7)))
}

func wrap52(w float64) float64 {
	w = math.Mod(w, 52)
	if w < 0 {
		w += 52
	}
	return w
}

func wrapComment(s string) string {
	var out strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		if n+len(word) > 90 {
			out.WriteString("\n#  ")
			n = 0
		}
		out.WriteString(" " + word)
		n += len(word) + 1
	}
	return strings.TrimSpace(out.String())
}

// fmtNum is x with at most d decimals, always with a decimal point so that
// TOML reads a float.
func fmtNum(x float64, d int) string {
	s := strconv.FormatFloat(x, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		if strings.HasSuffix(s, ".") {
			s += "0"
		}
	}
	if s == "-0.0" {
		s = "0.0"
	}
	return s
}

func one(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

func pct(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

func signedPct(x float64) string {
	s := pct(x)
	if x >= 0 {
		s = "+" + s
	}
	return s
}

// thousands writes n with thousands separators, as people read it.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
