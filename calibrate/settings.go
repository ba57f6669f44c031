package calibrate

import (
	"strconv"
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
		peak := f.Peak
		peak.Value = wrap52(peak.Value)
		s := est("demand.seasonal_peak_week", peak, 2)
		s.Low, s.High = wrap52(f.Peak.Low), wrap52(f.Peak.High)
		if f.Peak.Undetermined {
			s.Low, s.High = 0, 52
		}
		out = append(out, s)
	}
	if s := sh.Inappropriate; s != nil {
		out = append(out, Setting{Key: "demand.inappropriate_share", Value: asWritten(s.Value, 4), Low: s.Low, High: s.High})
	}
	if known(sh.Groups, groups) && len(sh.Groups) == len(groups) {
		vals := rounded(sh.Groups)
		for i, g := range sh.Groups {
			out = append(out, Setting{Key: "groups." + g.Name + ".share", Value: asWritten(vals[i], 4), Low: g.Low, High: g.High})
		}
	}
	return out
}

// asWritten is x as the fragment writes it (fmtNum with d decimals), read
// back.
func asWritten(x float64, d int) float64 {
	v, _ := strconv.ParseFloat(fmtNum(x, d), 64)
	return v
}
