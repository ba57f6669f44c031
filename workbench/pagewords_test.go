package workbench

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestPageWordsNotTheCommandLines: what the page tells a commissioner is
// in the page's words, the command line's left to it. An areas file's
// warnings name the file and the area, not a line and column of the
// scenario the page generated from it; a comparison's note about a pin's
// own seed does not point to --seed; a run's advice to compare with and
// without a change points to pinning, not spsim compare; a file of a few
// settings is told to extend a built-in scenario.
func TestPageWordsNotTheCommandLines(t *testing.T) {
	h := newTestServer()
	pcns := "name,workforce.link_workers,demand.referrals_per_week\r\nRiverside PCN,5,16\r\nNorthgate PCN,1,30\r\n"
	w := post(t, h, "/api/areas", areasBody("pcns.csv", pcns, small(t)))
	var v areasView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("%v: %s", err, w.Body.String())
	}
	if len(v.Scenario.Warnings) == 0 {
		t.Fatal("no warning of 30 referrals a week for one link worker")
	}
	for _, p := range v.Scenario.Warnings {
		if !strings.HasPrefix(p.Text, `pcns.csv, area "Northgate PCN": `) || strings.Contains(p.Text, "scenario.toml") {
			t.Errorf("an areas file's warning says %q", p.Text)
		}
	}

	body := `{"pins":[{"name":"three","toml":` + jsonString(small(t)) + `},{"name":"seven","toml":` + jsonString(small(t, "run.seed=7")) + `}]}`
	notes := fmt.Sprint(result(t, post(t, h, "/api/compare", body))["notes"])
	if !strings.Contains(notes, "seven sets run.seed = 7") || strings.Contains(notes, "--") {
		t.Errorf("a pin's own seed is noted as %s", notes)
	}

	// A post ending within the warm-up: the run says how to read its
	// effect.
	text := small(t, "run.warmup_weeks=52") + "\n[[timeline]]\nweek = 30\nlink_workers = 2\nnote = \"a post ends\"\n"
	said := fmt.Sprint(result(t, post(t, h, "/api/run", `{"toml":`+jsonString(text)+`}`))["sentences"])
	if !strings.Contains(said, "pin the scenario with and without it and compare them (the Compare tab)") || strings.Contains(said, "spsim compare") {
		t.Errorf("a change in the warm-up is said as %s", said)
	}

	w = post(t, h, "/api/open", `{"toml":`+jsonString("name = \"mine\"\n[workforce]\nlink_workers = 5\n")+`}`)
	if got := w.Body.String(); !strings.Contains(got, `missing required keys at the top level`) || !strings.Contains(got, `start the file with extends = \"baseline\"`) {
		t.Errorf("a file of a few settings: %d %s", w.Code, got)
	}
}
