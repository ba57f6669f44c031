package output

import "testing"

// TestOnsetBounds: an onset interval whose ends agree says so in words,
// and at the reading's shortest says it can tell no sooner ("2 to 2
// weeks" read as a slip).
func TestOnsetBounds(t *testing.T) {
	for _, c := range []struct {
		lo, hi int
		want   string
	}{
		{2, 6, "95% interval 2 to 6 weeks"},
		{2, 2, "at once: 2 weeks is the shortest this reading can tell, in at least 95% of resamples"},
		{5, 5, "5 weeks in at least 95% of resamples"},
	} {
		if got := onsetBounds(c.lo, c.hi, 0.95); got != c.want {
			t.Errorf("onsetBounds(%d, %d) = %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
}

// TestValueWords: a swept share reads as a percentage, a switch as on or
// off, and any other value as written.
func TestValueWords(t *testing.T) {
	for _, c := range []struct{ key, v, want string }{
		{"demand.annual_growth", "0.2", "20%"},
		{"demand.annual_growth", "0.07", "7%"},
		{"services.wellbeing_groups.acceptance_probability", "0.85", "85%"},
		{"workforce.link_workers", "4", "4"},
		{"holding.enabled", "true", "on"},
		{"support.model", "tiered", "tiered"},
	} {
		if got := valueWords(c.key, c.v); got != c.want {
			t.Errorf("valueWords(%s, %s) = %q, want %q", c.key, c.v, got, c.want)
		}
	}
}
