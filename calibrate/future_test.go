package calibrate

import (
	"strings"
	"testing"
	"time"
)

// The package's tests draw extracts of fixed dates that run into years to
// come; today is fixed past them, so that no test depends on the clock.
func init() { today = func() time.Time { return date(2100, 1, 1) } }

// TestReferralsAfterToday: referrals dated after today cannot have been
// made; they are refused naming the line, not fitted as demand to come.
func TestReferralsAfterToday(t *testing.T) {
	defer func(f func() time.Time) { today = f }(today)
	today = func() time.Time { return date(2026, 12, 1) }
	cases := []struct {
		name   string
		from   time.Time
		o      Options
		refuse bool
	}{
		{"all in the past", date(2023, 1, 2), Options{}, false},
		{"all in the future", date(2028, 1, 3), Options{}, true},
		{"running into the future", date(2025, 6, 2), Options{}, true},
		{"the future left out with --to", date(2025, 6, 2), Options{To: date(2026, 11, 29)}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			refs := Synthetic(Params{Base: 30}, c.from, 104, 1)
			for i := range refs {
				refs[i].Line = i + 2
			}
			_, err := FitExtract(&Extract{Referrals: refs}, c.o)
			if !c.refuse {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("fitted referrals dated after today")
			}
			for _, w := range []string{"line ", "after today (1 Dec 2026)", "--to"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q: %v", w, err)
				}
			}
		})
	}
}
