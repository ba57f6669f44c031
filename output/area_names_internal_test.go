package output

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestChartName: an area's name on the areas chart fits two lines of
// areaLabelLine characters, broken between words, a name too long for
// two keeping its beginning and its end; a short name is whole.
func TestChartName(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"PCN with 2", "PCN with 2"},
		{"Grimsby Central PCN", "Grimsby Central PCN"},
		{"North East Lincolnshire Healthy Communities and Wellbeing Primary Care Network",
			"North East Lincolnshire\n…Primary Care Network"},
		{"Healthy Communities and Wellbeing Primary Care", "Healthy Communities and\nWellbeing Primary Care"},
		{strings.Repeat("x", 60), strings.Repeat("x", 28) + "\n…" + strings.Repeat("x", 27)},
		{"Northern Lincolnshire Healthy Communities and Wellbeing Primary Care Network Number Two of Several",
			"Northern Lincolnshire\n…Number Two of Several"},
	} {
		got := chartName(c.name)
		if got != c.want {
			t.Errorf("chartName(%q) = %q, want %q", c.name, got, c.want)
		}
		lines := strings.Split(got, "\n")
		if len(lines) > 2 {
			t.Errorf("chartName(%q) = %q: %d lines", c.name, got, len(lines))
		}
		for _, l := range lines {
			if utf8.RuneCountInString(l) > areaLabelLine {
				t.Errorf("chartName(%q): line %q longer than %d", c.name, l, areaLabelLine)
			}
		}
	}
}
