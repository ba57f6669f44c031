package workbench

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"regexp"
	"testing"

	"github.com/spsim/spsim/scenarios"
)

// TestDriverLabelsAreTheVocabulary: the screening's inputs on the page
// come from the server (api/inputs), named as scenarios/words/levers.toml
// names them, the words the command line's answers use too; every
// uncertain input is offered, and the rows the page starts with are.
func TestDriverLabelsAreTheVocabulary(t *testing.T) {
	w := httptest.NewRecorder()
	newTestServer().ServeHTTP(w, httptest.NewRequest("GET", "/api/inputs", nil))
	var inputs []scenarios.ScreenInput
	if err := json.Unmarshal(w.Body.Bytes(), &inputs); err != nil || w.Code != 200 {
		t.Fatalf("%d %s: %v", w.Code, w.Body.String(), err)
	}
	offered := map[string]bool{}
	for _, in := range inputs {
		offered[in.Key] = true
		if want := scenarios.KeyLabel(in.Key); in.Label != want || !(in.Lo < in.Hi) {
			t.Errorf("%s is %q over %g to %g; levers.toml names it %q", in.Key, in.Label, in.Lo, in.Hi, want)
		}
	}
	for _, l := range scenarios.Levers() {
		if l.Kind == scenarios.LeverInput && !offered[l.Key] {
			t.Errorf("the uncertain input %s is not offered", l.Key)
		}
	}
	js, err := os.ReadFile("assets/tools.js")
	if err != nil {
		t.Fatal(err)
	}
	start := regexp.MustCompile(`const driverStart = \[([^\]]*)\]`).FindSubmatch(js)
	if start == nil {
		t.Fatal("no driverStart in tools.js")
	}
	for _, k := range regexp.MustCompile(`'([a-z_.]+)'`).FindAllSubmatch(start[1], -1) {
		if !offered[string(k[1])] {
			t.Errorf("the page starts with %s, which api/inputs does not offer", k[1])
		}
	}
}

// TestLeversSayWhole: a lever whose key takes whole numbers says so, for
// the page to offer only whole values for a mistyped one: posts do,
// referrals a week (a number with a fraction) do not.
func TestLeversSayWhole(t *testing.T) {
	_, v, err := newTestServer().prepare(scenarioRequest{Name: "baseline"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"workforce.link_workers": true, "demand.referrals_per_week": false, "services.wellbeing_groups.places": true}
	for _, l := range v.Levers {
		if w, ok := want[l.Key]; ok {
			if l.Whole != w {
				t.Errorf("%s: whole %v, want %v", l.Key, l.Whole, w)
			}
			delete(want, l.Key)
		}
	}
	if len(want) > 0 {
		t.Errorf("no levers %v", want)
	}
}

// TestLeverNotesNameTheirSources: a lever's note names its source itself
// (NHS England guidance, Bu et al., Lancet Public Health 2025) or says it
// is an assumption; it cited "(docs/model.md)", a file a commissioner
// using the page cannot open, and the server serves no file it was not
// given.
func TestLeverNotesNameTheirSources(t *testing.T) {
	_, v, err := newTestServer().prepare(scenarioRequest{Name: "baseline"})
	if err != nil {
		t.Fatal(err)
	}
	file := regexp.MustCompile(`\b[\w./-]+\.(md|toml|go|csv)\b`)
	for _, l := range v.Levers {
		if f := file.FindString(l.Note); f != "" {
			t.Errorf("%s's note cites %s: %q", l.Key, f, l.Note)
		}
	}
}
