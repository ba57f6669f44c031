package workbench

import "testing"

func TestPlainWords(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{
		{0.568, "share", "56.8%"},
		{256464.2, "GBP/year", "£256,464 a year"},
		{3.14, "weeks", "3.14 weeks"},
		{1043.4, "people/year", "1,043 people a year"},
		{0.52, "people/year", "0.52 people a year"},
		{12.34, "people", "12.3 people"},
		{0, "people/year", "0 people a year"},
	} {
		if got := plain(c.v, c.unit); got != c.want {
			t.Errorf("plain(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}
