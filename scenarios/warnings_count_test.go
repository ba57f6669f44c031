package scenarios_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/spsim/spsim/scenarios"
)

// TestWarningsLeftOutAreCounted: past the hundred warnings shown, the rest
// are said as a count, and counted in the total; they were dropped, and
// `validate` said "ok, with 100 warnings" of 150.
func TestWarningsLeftOutAreCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString("name = \"w\"\nextends = \"baseline\"\n")
	for i := 1; i <= 150; i++ {
		fmt.Fprintf(&b, "[[timeline]]\nweek = %d\nreferrals_per_week = %d.0\n", i, 2000+i)
	}
	l, err := scenarios.LoadBytes("w.toml", []byte(b.String()), scenarios.Options{})
	if err != nil {
		t.Fatal(err)
	}
	last := l.Warnings[len(l.Warnings)-1]
	if n := scenarios.CountWarnings(l.Warnings); n != 150 || last.More != 50 || !strings.Contains(last.Message, "and 50 more warnings") {
		t.Errorf("%d warnings counted, the last %+v", n, last)
	}
}
