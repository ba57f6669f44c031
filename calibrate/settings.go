package calibrate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spsim/spsim/internal/tomlstr"
)

// Setting is one scenario key a calibration sets: its value as the
// fragment writes it, and the estimate's 95% interval.
type Setting struct {
	Key       string
	Value     float64
	Low, High float64
}

// Settings are the scenario keys a calibration sets, with the values
// WriteFragment writes: the demand's rate, growth, seasonal amplitude and
// peak, its inappropriate share when the extract has outcomes, and each
// group's share when every group in the extract is one of groups (the
// scenario's). A parameter fixed by an option is set to 0. Profile mixes
// are left to the fragment, whose comments show them.
func Settings(f *Fit, sh Shares, groups []string) []Setting {
	est := func(key string, e Estimate, d int) Setting {
		return Setting{Key: key, Value: asWritten(e.Value, d), Low: e.Low, High: e.High}
	}
	out := []Setting{est("demand.referrals_per_week", f.Base, 2), est("demand.annual_growth", f.Growth, 4)}
	out = append(out, est("demand.seasonal_amplitude", f.Amplitude, 4))
	if !f.Amplitude.Fixed {
		s := Setting{Key: "demand.seasonal_peak_week", Value: asWritten(f.PeakWeek(), 2), Low: wrap52(f.Peak.Low), High: wrap52(f.Peak.High)}
		if f.Peak.Undetermined {
			s.Low, s.High = 0, 52
		}
		out = append(out, s)
	}
	if s := sh.Inappropriate; s != nil {
		out = append(out, Setting{Key: "demand.inappropriate_share", Value: asWritten(s.Value, 4), Low: s.Low, High: s.High})
	}
	if sameGroups(sh, groups) {
		vals := rounded(sh.Groups)
		for i, g := range sh.Groups {
			out = append(out, Setting{Key: "groups." + tomlstr.Key(g.Name) + ".share", Value: asWritten(vals[i], 4), Low: g.Low, High: g.High})
		}
	}
	return out
}

// sameGroups reports whether the extract's groups are exactly the
// scenario's: only then are their shares set.
func sameGroups(sh Shares, groups []string) bool {
	return known(sh.Groups, groups) && len(sh.Groups) == len(groups)
}

// asWritten is x as the fragment writes it (fmtNum with d decimals), read
// back.
func asWritten(x float64, d int) float64 {
	v, _ := strconv.ParseFloat(fmtNum(x, d), 64)
	return v
}

// MixSetting is one group's profile mix a calibration sets: each profile's
// share as the fragment writes it (Value), with its 95% interval (Low,
// High) as estimated.
type MixSetting struct {
	Key    string // groups.NAME.profile_mix, NAME quoted if it is no bare key
	Group  string
	Shares []Share
}

// ProfileMixes are the groups' profile mixes a calibration sets, as the
// fragment writes them: when the extract has groups and profiles, its
// groups are the scenario's groups (as Settings sets their shares) and its
// profiles are among the scenario's profiles.
func ProfileMixes(sh Shares, groups, profiles []string) []MixSetting {
	if len(sh.ProfileMix) == 0 || !sameGroups(sh, groups) || !known(sh.Profiles, profiles) {
		return nil
	}
	var out []MixSetting
	for _, g := range sh.Groups {
		m := sh.ProfileMix[g.Name]
		if len(m) == 0 {
			continue
		}
		vals := rounded(m)
		ms := MixSetting{Key: "groups." + tomlstr.Key(g.Name) + ".profile_mix", Group: g.Name}
		for j, x := range m {
			x.Value = asWritten(vals[j], 4)
			ms.Shares = append(ms.Shares, x)
		}
		out = append(out, ms)
	}
	return out
}

// Notes say what of the extract the fit leaves unused, for every face to
// show: columns it does not read, and groups that are not the scenario's
// (so their shares are shown but not applied).
func Notes(x *Extract, sh Shares, groups []string) []string {
	var out []string
	if len(x.Unused) > 0 {
		out = append(out, fmt.Sprintf("columns not read: %s (a referral's date, and its group, profile and outcome, are)", tomlstr.Comment(strings.Join(x.Unused, ", "))))
	}
	if len(sh.Groups) > 0 && !sameGroups(sh, groups) {
		names := make([]string, len(sh.Groups))
		for i, g := range sh.Groups {
			names[i] = tomlstr.Comment(g.Name) // printed: no escape reaches the terminal
		}
		out = append(out, fmt.Sprintf("the extract's groups (%s) are not the scenario's (%s), so their shares are shown but not applied: name them as the scenario does",
			strings.Join(names, ", "), strings.Join(groups, ", ")))
	}
	return out
}
