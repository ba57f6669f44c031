package workbench

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestCompareTableHoldsTheVerdictsMeasures: every measure a verdict names
// (its outcomes, time held, the assumed value of GP appointments) has a row
// in the page's comparison table, so that a reader can check each claim.
func TestCompareTableHoldsTheVerdictsMeasures(t *testing.T) {
	for _, k := range append(slices.Clone(experiment.VerdictKPIs), sim.KPIHoldingWeeks, sim.KPIGPValue, sim.KPICostTotal) {
		if !slices.Contains(compareKPIs, k) {
			t.Errorf("the verdict names %s; the table has no row for it", k)
		}
	}
}

// TestPinNameRuleShared: the page checks a pin's name by the server's own
// rule when it is pinned, not first when Compare is pressed.
func TestPinNameRuleShared(t *testing.T) {
	js, err := assets.ReadFile("assets/app.js")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), "const pinName = /"+pinName.String()+"/u;") || !strings.Contains(string(js), "!pinNameOK(name)") {
		t.Errorf("app.js does not check a pin's name by %s", pinName)
	}
}

// TestDiffChartFitsLongNames: a pin's name of 40 characters is drawn left
// of every dot and whisker, not over them (the names' column was 200 px
// whatever the names), and clipped to its column should its letters be
// wider than reckoned.
func TestDiffChartFitsLongNames(t *testing.T) {
	long := "£23k grants for places and two new posts" // 40 characters
	svg := svgDiffs("differences", "Differences from today", []diffPanel{{Title: "Wait", Unit: "weeks", Rows: []diffRow{
		{Name: long, Est: experiment.Estimate{Mean: -1, Low: -1.5, High: -0.5}},
		{Name: "short", Est: experiment.Estimate{Mean: 0.2, Low: -0.1, High: 0.5}}}}})
	textEnd := 12 + 6.5*float64(len([]rune(long)))
	for _, attr := range []string{`cx="`, `x1="`} {
		for _, part := range strings.Split(svg, attr)[1:] {
			x, err := strconv.ParseFloat(part[:strings.IndexByte(part, '"')], 64)
			if err != nil {
				t.Fatal(err)
			}
			if x < textEnd {
				t.Errorf("a mark at x = %g, within the name's %g px", x, textEnd)
			}
		}
	}
	if !strings.Contains(svg, `clip-path="url(#differences-names)"><title>`+long+`</title>`) {
		t.Errorf("the names are not clipped to their column with their full text: %.400s", svg)
	}
}

// TestPinNamesTakeOrdinaryText: a pin may be named in ordinary words,
// pounds, apostrophes and accents among them (the rule was letters,
// digits, spaces and _().,+-), but not with a line break or other control
// character, nor starting with what a spreadsheet takes for a formula,
// nor over 40 characters.
func TestPinNamesTakeOrdinaryText(t *testing.T) {
	for _, name := range []string{"£23k grants for places", "Sam's plan", "Café & befriending: 5 posts", "5 posts (50%)", "Plan B", "“quoted”", strings.Repeat("é", 40)} {
		if !pinName.MatchString(name) {
			t.Errorf("%q is refused", name)
		}
	}
	for _, name := range []string{"", " leading space", "=HYPERLINK(1)", "+44", "-1", "@sum", "two\nlines", "tab\there", "line\u2028separator", "esc\x1b[31m", strings.Repeat("a", 41)} {
		if pinName.MatchString(name) {
			t.Errorf("%q is allowed", name)
		}
	}
	// As the server takes them, and a download of the comparison.
	body, _ := json.Marshal(compareRequest{Pins: []pin{{Name: "Today's service", TOML: small(t)}, {Name: "£23k grants for places", TOML: small(t, "workforce.link_workers=4")}}})
	r := result(t, post(t, newTestServer(), "/api/compare", string(body)))
	if names := fmt.Sprint(r["names"]); names != "[Today's service £23k grants for places]" {
		t.Errorf("names %s", names)
	}
	w := postForm(newTestServer(), "/api/download-compare", url.Values{"request": {string(body)}, "file": {"compare.csv"}})
	if w.Code != 200 || !strings.Contains(w.Body.String(), "£23k grants for places") || !strings.Contains(w.Header().Get("Content-Disposition"), `filename="comparison-compare.csv"`) {
		t.Errorf("compare.csv of pins named in words: %d %v %.200s", w.Code, w.Header(), w.Body.String())
	}
}

// TestPinNamesTakeJoinedEmoji: a pin may be named with an emoji made of
// several joined by zero-width joiners (a family, 👩‍👩‍👧), as a phone's
// keyboard types it, but a joiner anywhere else prints as nothing and is
// refused; two names that differ only by the joiners print alike, where
// the joined emoji has no glyph, and are told apart as scenarios.NameKey
// does. Before, 👩‍👩‍👧 was refused as holding "control characters".
func TestPinNamesTakeJoinedEmoji(t *testing.T) {
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{"👩\u200d👩\u200d👧 families", true},                   // a family
		{"Plan 🏳\ufe0f\u200d🌈", true},                        // a flag, after its variation selector
		{"👩\U0001F3FD\u200d💻 digital", true},                 // after a skin tone
		{"🏃\u200d♀\ufe0f", true},                             // a woman running
		{strings.Repeat("👩\u200d👧", 13) + "👩", true},         // 40 characters, the joiners counted
		{strings.Repeat("👩\u200d👧", 13) + "👩\u200d👧", false}, // 42
		{"a\u200db", false},                                  // between letters
		{"👩\u200d", false},                                   // at the end
		{"👩\u200d plan", false},                              // before a space
		{"👩\u200d\u200d👧", false},                            // twice
		{"\u200d👩", false},                                   // first
		{"👩\u200b👧", false},                                  // a zero-width space
	} {
		if got := pinNameOK(c.name); got != c.ok {
			t.Errorf("%+q: taken %v, want %v", c.name, got, c.ok)
		}
	}
	h := newTestServer()
	compare := func(a, b string) *httptest.ResponseRecorder {
		body, _ := json.Marshal(compareRequest{Pins: []pin{{Name: a, TOML: small(t)}, {Name: b, TOML: small(t, "workforce.link_workers=4")}}})
		return post(t, h, "/api/compare", string(body))
	}
	if names := fmt.Sprint(result(t, compare("Today", "👩\u200d👩\u200d👧 families"))["names"]); names != "[Today 👩\u200d👩\u200d👧 families]" {
		t.Errorf("names %s", names)
	}
	if w := compare("👩\u200d👩\u200d👧", "👩👩👧"); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "print alike") {
		t.Errorf("the family and three emoji: %d %s", w.Code, w.Body.String())
	}
}

// TestDiffChartGivesIntervals: each difference beside its dot carries its
// interval, to the table's decimals. It gave the mean alone ("−0.0904
// people per FTE a year", where the table said −0.090 and its interval).
func TestDiffChartGivesIntervals(t *testing.T) {
	for _, c := range []struct {
		unit string
		est  experiment.Estimate
		want string
	}{
		{"weeks", experiment.Estimate{Mean: -4.9, Low: -5.14, High: -4.66, N: 20}, "−4.90 weeks [−5.14, −4.66]"},
		{"share", experiment.Estimate{Mean: 0.045, Low: 0.039, High: 0.05, N: 20}, "+4.5 percentage points [3.9, 5.0]"},
		{"GBP/year", experiment.Estimate{Mean: 92967, Low: 90693, High: 95242, N: 20}, "+£92,967 a year [£90,693, £95,242]"},
		{"people/FTE-year", experiment.Estimate{Mean: -0.0904, Low: -0.171, High: -0.010, N: 20}, "−0.090 people per FTE a year [−0.171, −0.010]"},
		{"weeks", experiment.Estimate{Mean: -4.9, N: 1}, "−4.9 weeks"}, // one replication: no interval to give
	} {
		svg := svgDiffs("differences", "Differences from three", []diffPanel{{Title: "KPI", Unit: c.unit, Rows: []diffRow{{Name: "five", Est: c.est}}}})
		if !strings.Contains(svg, ">"+c.want+"</text>") {
			t.Errorf("%s: the label is not %q: %.600s", c.unit, c.want, svg[strings.LastIndex(svg, "<circle"):])
		}
	}
}
