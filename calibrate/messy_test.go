package calibrate

import (
	"fmt"
	"strings"
	"testing"
)

// usDates writes n referrals a day from the 1st to the 12th of each month
// of 2024 month first (US order), as "01/05/2024" for 5 January: every
// date can be read day first, so no single row gives the order away.
func usDates(sep string, n int) string {
	var b strings.Builder
	b.WriteString("referral_date\n")
	for m := 1; m <= 12; m++ {
		for d := 1; d <= 12; d++ {
			for range n {
				fmt.Fprintf(&b, "%02d%s%02d%s2024\n", m, sep, d, sep)
			}
		}
	}
	return b.String()
}

// TestMonthFirstWithNoTellingDate: a month-first (US) extract whose days
// are all 12 or under reads day first without a single bad row; that its
// "days" never pass 12, over months, gives it away, and it is refused
// rather than fitted with every date on the wrong day. A day-first extract
// of referrals entered on the 1st of each month is still read.
func TestMonthFirstWithNoTellingDate(t *testing.T) {
	firsts := "referral_date\n"
	for y := 2023; y <= 2024; y++ {
		for m := 1; m <= 12; m++ {
			firsts += fmt.Sprintf("01/%02d/%d\n", m, y)
		}
	}
	mixed := usDates("/", 1) + "2024-12-20\n2024-12-21\n" // ISO dates say nothing of the order
	cases := []struct {
		name, text string
		refuse     bool
	}{
		{"US order, slashes", usDates("/", 2), true},
		{"US order, dashes", usDates("-", 1), true},
		{"US order, with ISO dates among them", mixed, true},
		{"day first, entered on the 1st of each month", firsts, false},
		{"day first, days past 12", "referral_date\n" + strings.Repeat("13/01/2024\n", 3) + usDates("/", 1)[len("referral_date\n"):], false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("us.csv", strings.NewReader(c.text))
			if !c.refuse {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("read: every date on the wrong day")
			}
			for _, w := range []string{"us.csv", "month first", "2024-01-31"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q: %v", w, err)
				}
			}
		})
	}
}
