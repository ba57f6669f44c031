package output_test

import (
	"strings"
	"testing"
	"time"

	"github.com/spsim/spsim/calibrate"
	"github.com/spsim/spsim/output"
)

func TestDescribeSetting(t *testing.T) {
	for _, tc := range []struct {
		st   calibrate.Setting
		want output.SettingWords
	}{
		{calibrate.Setting{Key: "demand.referrals_per_week", Value: 21.577, Low: 19.71, High: 23.59},
			output.SettingWords{Label: "Referrals a week at the start", Value: "21.6", Interval: "19.7 to 23.6"}},
		{calibrate.Setting{Key: "demand.annual_growth", Value: 0.0558, Low: -0.0247, High: 0.1431},
			output.SettingWords{Label: "Growth a year", Value: "+5.6%", Interval: "−2.5% to +14.3%"}},
		{calibrate.Setting{Key: "demand.seasonal_amplitude", Value: 0.1253, Low: 0.0632, High: 0.1871},
			output.SettingWords{Label: "Seasonal swing", Value: "±12.5%", Interval: "6.3% to 18.7%"}},
		{calibrate.Setting{Key: "demand.seasonal_peak_week", Value: 5.67, Low: 1.12, High: 9.83},
			output.SettingWords{Label: "Seasonal peak", Value: "week 5.67 of the run", Interval: "week 1.12 to 9.83"}},
		{calibrate.Setting{Key: "demand.inappropriate_share", Value: 0.1266, Low: 0.1131, High: 0.1414},
			output.SettingWords{Label: "Inappropriate referrals", Value: "12.7%", Interval: "11.3% to 14.1%"}},
		{calibrate.Setting{Key: "groups.most_deprived.share", Value: 0.417, Low: 0.396, High: 0.438},
			output.SettingWords{Label: "Share of referrals: most deprived", Value: "41.7%", Interval: "39.6% to 43.8%"}},
	} {
		if got := output.DescribeSetting(tc.st); got != tc.want {
			t.Errorf("DescribeSetting(%s) = %+v, want %+v", tc.st.Key, got, tc.want)
		}
	}
}

// TestCalibrationAnswerSaysWhenGrowthIsNotClear: growth whose interval
// holds 0 is said to be not detectably different from no change; clear
// growth is not.
func TestCalibrationAnswerSaysWhenGrowthIsNotClear(t *testing.T) {
	fit := func(lo, hi float64) *calibrate.Fit {
		return &calibrate.Fit{Base: calibrate.Estimate{Value: 21.6, Low: 19.7, High: 23.6},
			Growth: calibrate.Estimate{Value: (lo + hi) / 2, Low: lo, High: hi}, Amplitude: calibrate.Estimate{Fixed: true},
			From: time.Date(2023, 12, 4, 0, 0, 0, 0, time.UTC), Start: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), Weeks: 104, Referrals: 2125}
	}
	const unclear = "not detectably different from no change"
	if s := output.CalibrationAnswer(fit(-0.025, 0.143), calibrate.Shares{})[1]; !strings.Contains(s, "(−2.5% to +14.3%), "+unclear) {
		t.Errorf("%q", s)
	}
	if s := output.CalibrationAnswer(fit(0.02, 0.143), calibrate.Shares{})[1]; strings.Contains(s, unclear) {
		t.Errorf("%q", s)
	}
}

// TestCalibrationAnswerSaysWhenSeasonsAreNotClear: a seasonal swing whose
// interval reaches 0 is said to be not detectably different from no
// seasons, and no peak is named; a clear swing names its peak.
func TestCalibrationAnswerSaysWhenSeasonsAreNotClear(t *testing.T) {
	fit := func(lo float64, undetermined bool) *calibrate.Fit {
		return &calibrate.Fit{Base: calibrate.Estimate{Value: 20, Low: 18.3, High: 22.1}, Growth: calibrate.Estimate{Fixed: true},
			Amplitude: calibrate.Estimate{Value: 0.05, Low: lo, High: 0.1}, Peak: calibrate.Estimate{Value: 9, Low: 3, High: 15, Undetermined: undetermined},
			From: time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), Start: time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC), Weeks: 104, Referrals: 2080}
	}
	const unclear = "not detectably different from no seasons"
	for _, c := range []struct {
		lo           float64
		undetermined bool
		want, not    string
	}{
		{0, true, "±5.0% (0.0% to 10.0%), " + unclear + ", so the data cannot tell when they peak", "peaking"},
		{0.01, false, "±5.0% (1.0% to 10.0%), peaking around 3 March", unclear},
		{0.01, true, "±5.0% (1.0% to 10.0%), but the data cannot tell when they peak", unclear},
	} {
		s := output.CalibrationAnswer(fit(c.lo, c.undetermined), calibrate.Shares{})[2]
		if !strings.Contains(s, c.want) || strings.Contains(s, c.not) {
			t.Errorf("swing from %g: %q; want %q and not %q", c.lo, s, c.want, c.not)
		}
	}
}

// TestCalibrationAnswerSaysTheFitIsUsed: where growth or seasons cannot be
// told from none, the answer says the scenario uses the fitted values all
// the same, naming which; where both are clear, it says nothing of it.
func TestCalibrationAnswerSaysTheFitIsUsed(t *testing.T) {
	fit := func(growthLow, ampLow float64) *calibrate.Fit {
		return &calibrate.Fit{Base: calibrate.Estimate{Value: 20, Low: 18.3, High: 22.1},
			Growth:    calibrate.Estimate{Value: 0.05, Low: growthLow, High: 0.12},
			Amplitude: calibrate.Estimate{Value: 0.05, Low: ampLow, High: 0.1}, Peak: calibrate.Estimate{Value: 9, Low: 3, High: 15},
			From: time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), Start: time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC), Weeks: 104, Referrals: 2080}
	}
	const used = "The scenario uses the fitted values all the same (the likeliest); a rate without "
	for _, c := range []struct {
		growthLow, ampLow float64
		want              string
	}{
		{-0.02, 0, used + "growth or seasons fits the extract about as well."},
		{-0.02, 0.01, used + "growth fits the extract about as well."},
		{0.01, 0, used + "seasons fits the extract about as well."},
		{0.01, 0.01, ""},
	} {
		got := ""
		for _, s := range output.CalibrationAnswer(fit(c.growthLow, c.ampLow), calibrate.Shares{}) {
			if strings.HasPrefix(s, "The scenario uses") {
				got = s
			}
		}
		if got != c.want {
			t.Errorf("growth from %g, swing from %g: %q; want %q", c.growthLow, c.ampLow, got, c.want)
		}
	}
}

// TestCalibrationAnswerSaysWhenTheRunStarts: the run's start is said as it
// is, the day after the extract or so long before or after it, not "the
// day after" whatever --start gave.
func TestCalibrationAnswerSaysWhenTheRunStarts(t *testing.T) {
	from := time.Date(2023, 12, 4, 0, 0, 0, 0, time.UTC) // 104 weeks: the last day is 30 Nov 2025
	for _, c := range []struct {
		start time.Time
		want  string
	}{
		{time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), "the run starts on 1 Dec 2025, the day after."},
		{time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), "the run starts on 1 Jan 2020, 5.92 years before the extract ends, so the rate there is carried back"},
		{time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), "the run starts on 1 Feb 2026, 9 weeks after the extract ends"},
	} {
		f := &calibrate.Fit{Base: calibrate.Estimate{Value: 21.6, Low: 19.7, High: 23.6}, Growth: calibrate.Estimate{Fixed: true}, Amplitude: calibrate.Estimate{Fixed: true},
			From: from, Start: c.start, Weeks: 104, Referrals: 2125}
		if s := output.CalibrationAnswer(f, calibrate.Shares{})[0]; !strings.Contains(s, c.want) {
			t.Errorf("%q, want %q", s, c.want)
		}
	}
}
