package workbench

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
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

// TestWarningsInPlainWords: every warning the page shows above its results
// has plain words ("Warning: key = value: …"), without the command line's
// "scenario.toml:…: warning:", which its text, listed in the Advanced pane
// beside the scenario's lines, keeps. Before, today's caseload shared by
// several areas read "scenario.toml: initial: warning: …" at the top.
func TestWarningsInPlainWords(t *testing.T) {
	h := newTestServer()
	view := func(w *httptest.ResponseRecorder) *scenarioView {
		t.Helper()
		var v struct {
			scenarioView
			Scenario *scenarioView `json:"scenario"`
		}
		if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &v) != nil {
			t.Fatalf("%d %.400s", w.Code, w.Body.String())
		}
		if v.Scenario != nil {
			return v.Scenario
		}
		return &v.scenarioView
	}
	caseload := view(post(t, h, "/api/caseload", caseloadBody("c.csv", "referral_date,status\n2025-11-01,waiting\n1990-11-01,active\n", small(t), "2025-11-30")))
	for _, c := range []struct {
		what  string
		v     *scenarioView
		words string // one warning's words start so
		text  string // and its text, as the command line says it
	}{
		{"a typo", view(post(t, h, "/api/check", `{"toml":`+jsonString(strings.Replace(small(t), "on_cost_share = 0.28", "on_cost_share = 28.0", 1))+`}`)),
			"Warning: costs.on_cost_share = 28.0: 28 is outside the plausible range", "scenario.toml:"},
		{"a lever the timeline sets again", view(post(t, h, "/api/open", `{"name":"extra-link-worker","set":[{"key":"workforce.link_workers","value":5}]}`)),
			"Warning: workforce.link_workers = 5: the scenario's timeline sets it again at week 1", "workforce.link_workers = 5: warning: "},
		{"an areas file", view(post(t, h, "/api/areas", areasBody("pcns.csv", "name,workforce.link_workers,demand.referrals_per_week\r\nRiverside PCN,5,16\r\nNorthgate PCN,1,30\r\n", small(t)))),
			`Warning: pcns.csv, area "Northgate PCN": demand.referrals_per_week = 30: 30 referrals a week`, `pcns.csv, area "Northgate PCN": `},
		{"a caseload extract", caseload, "Warning: c.csv, line 3: a referral dated 1 Nov 1990", "c.csv:3: warning: "},
		{"a caseload shared by areas", view(post(t, h, "/api/areas", areasBody("pcns.csv", "name,workforce.link_workers\r\nA,3\r\nB,4\r\n", caseload.TOML))),
			"Warning: today's caseload of 2 people starts each of 2 areas alike (A, B): ", "scenario.toml: initial: warning: today's caseload"},
	} {
		found := false
		for _, p := range c.v.Warnings {
			if !strings.HasPrefix(p.Words, "Warning: ") || strings.Contains(p.Words, "scenario.toml") || strings.Contains(p.Words, ": warning: ") {
				t.Errorf("%s: a warning's words are %q (its text %q)", c.what, p.Words, p.Text)
			}
			found = found || strings.HasPrefix(p.Words, c.words) && strings.HasPrefix(p.Text, c.text)
		}
		if !found {
			t.Errorf("%s: no warning says %q, its text %q: %+v", c.what, c.words, c.text, c.v.Warnings)
		}
	}
}
