package calibrate

import (
	"fmt"
	"strings"
	"testing"
)

// TestAllOnOneDayIsNotAppended: an extract of many referrals on one day is
// not "one export appended to itself" (its halves are alike because every
// row is); it is refused for covering no whole week.
func TestAllOnOneDayIsNotAppended(t *testing.T) {
	for _, n := range []int{20, 500} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			x, err := Read("day.csv", strings.NewReader("referral_date\n"+strings.Repeat("01/02/2025\n", n)))
			if err == nil {
				_, err = FitExtract(x, Options{})
			}
			if err == nil || strings.Contains(err.Error(), "appended") || !strings.Contains(err.Error(), "0 whole weeks") {
				t.Errorf("got %v", err)
			}
		})
	}
}
