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

// TestWarningsOfOtherKeysKept: a flood of warnings about one key (today's
// people one by one, or many timeline steps) no longer pushes out a
// warning about another key written after it. on_cost_share = 28 was lost
// behind a hundred people's sessions, and the count said only "... and 53
// more warnings". People are told as the caseload file's are: a few, and
// the rest counted.
func TestWarningsOfOtherKeysKept(t *testing.T) {
	people := func(n int) string {
		var b strings.Builder
		b.WriteString("[initial]\npeople = [\n")
		for range n {
			b.WriteString("  { status = \"active\", sessions = 80 },\n")
		}
		b.WriteString("]\n")
		return b.String()
	}
	steps := func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "[[timeline]]\nweek = %d\nreferrals_per_week = %d.0\n", i, 2000+i)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, body string
		total      int // warnings counted, the genuine one's included
		shownAbout int // warnings shown about the flooded key
		more       string
	}{
		// 150 people, the on-cost share, and initial.active over the
		// caseload places, and the warm-up that hides today's people.
		{"people", people(150), 153, 3, "... and 147 more people"},
		{"timeline", steps(150), 151, 100, "... and 50 more warnings"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "name = \"w\"\nextends = \"baseline\"\n" + tc.body + "[costs]\non_cost_share = 28\n"
			l, err := scenarios.LoadBytes("w.toml", []byte(src), scenarios.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var genuine bool
			shown, more := 0, ""
			for _, w := range l.Warnings {
				switch {
				case w.Key == "costs.on_cost_share":
					genuine = true
				case w.More > 0:
					more = w.Message
				case strings.HasPrefix(w.Key, "initial.people.") || strings.HasPrefix(w.Key, "timeline."):
					shown++
				}
			}
			if !genuine {
				t.Errorf("the warning of costs.on_cost_share = 28 is lost among %d", len(l.Warnings))
			}
			if n := scenarios.CountWarnings(l.Warnings); n < tc.total || shown != tc.shownAbout || !strings.Contains(more, tc.more) {
				t.Errorf("%d warnings counted (want at least %d), %d shown about the flooded key (want %d), more %q (want %q)", n, tc.total, shown, tc.shownAbout, more, tc.more)
			}
		})
	}
}

// TestWarningsKeptInKeyOrder: of more than a hundred warnings about one
// key of a table of tables (a place count in each of 120 services), the
// hundred kept are the same in every load, those of the services first
// in name order: they followed Go's map order, which changes each run.
func TestWarningsKeptInKeyOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString("name = \"w\"\nextends = \"baseline\"\n")
	for i := range 120 {
		fmt.Fprintf(&b, "[services.s%03d]\ncategories = [\"mental_wellbeing\"]\nplaces = 100000\nengagement_weeks = { dist = \"gamma\", mean = 10.0, sd = 3.0 }\n"+
			"acceptance_probability = 0.85\ncompletion_probability = 0.7\nwhen_full = \"waitlist\"\npatience_weeks = { dist = \"exponential\", mean = 8.0 }\nclosure_hazard_per_year = 0.5\n", i)
	}
	kept := func() string {
		l, err := scenarios.LoadBytes("w.toml", []byte(b.String()), scenarios.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, w := range l.Warnings {
			if strings.HasSuffix(w.Key, ".places") {
				keys = append(keys, w.Key)
			}
		}
		return strings.Join(keys, " ")
	}
	first := kept()
	if !strings.HasPrefix(first, "services.s000.places services.s001.places") || !strings.Contains(first, "services.s099.places") || strings.Contains(first, "services.s100.places") {
		t.Fatalf("kept %s", first)
	}
	for range 5 {
		if again := kept(); again != first {
			t.Fatalf("another load kept other warnings:\n%s\n%s", first, again)
		}
	}
}
