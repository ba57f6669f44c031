package calibrate

import (
	"strings"
	"testing"
)

// TestParseDateTimes: a time of day after a date is dropped only when it
// is one; ParseDate cut an ISO date after its tenth character, so that
// "2025-11-30T25:00" and "2025-11-30Tgarbage" read as 30 November.
func TestParseDateTimes(t *testing.T) {
	for _, tt := range []struct{ in, err string }{
		{"2025-11-30T00:00", ""},
		{"2025-11-30T23:59:59", ""},
		{"2025-11-30T09:05:00.000", ""},
		{"2025-11-30T09:05:00Z", ""},
		{"2025-11-30T09:05:00+0100", ""},
		{"2025-11-30T09:05+01", ""},
		{"30/11/2025 14:05", ""},
		{"30/11/2025 2:05 pm", ""},
		{"30/11/2025 2:05PM", ""}, // as read before times were checked
		{"30/11/2025 11:59:59am", ""},
		{"30/11/2025 14:05:00.123", ""},
		{"2025-11-30T25:00", `"25:00" after the date is not a time of day`},
		{"2025-11-30Tgarbage", `"garbage" after the date is not a time of day`},
		{"2025-11-30T12:60", `"12:60" after the date is not a time of day`},
		{"2025-11-30T12", `"12" after the date is not a time of day`},
		{"2025-11-30T", `"" after the date is not a time of day`},
		{"30/11/2025 25:00", `"25:00" after the date is not a time of day`},
		{"30/11/2025 1:2:3:4", `"1:2:3:4" after the date is not a time of day`},
		{"30/11/2025 12:00+99:00", `"12:00+99:00" after the date is not a time of day`},
	} {
		d, err := ParseDate(tt.in)
		switch {
		case tt.err == "" && (err != nil || !d.Equal(date(2025, 11, 30))):
			t.Errorf("ParseDate(%q) = %v, %v; want 30 November 2025", tt.in, d, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseDate(%q) = %v, %v; want an error saying %s", tt.in, d, err, tt.err)
		}
	}
}
