package workbench

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/spsim/spsim/scenarios"
)

func caseloadBody(file, data, toml, date string) string {
	b, _ := json.Marshal(caseloadRequest{File: file, Data: []byte(data), TOML: toml, Date: date})
	return string(b)
}

// caseloadCSV is an extract of waiting people referred 1 to waiting weeks
// before 30 November 2025, and active people with 2 sessions held, as a
// spreadsheet in a decimal-comma locale saves it.
func caseloadCSV(waiting, active int) string {
	var b strings.Builder
	b.WriteString("\uFEFFReferral date;Status;Sessions so far;Group\r\n")
	for i := range waiting {
		fmt.Fprintf(&b, "%02d/11/2025;waiting;;most_deprived\r\n", 29-i%28)
	}
	for range active {
		b.WriteString("01/09/2025;active;2;rest\r\n")
	}
	return b.String()
}

// TestCaseloadStartsTheRun: a caseload extract uploaded in the browser
// becomes the scenario's state today, as initial.file does, and a fuller
// waiting list today means longer waits in the run.
func TestCaseloadStartsTheRun(t *testing.T) {
	h := newTestServer()
	page := small(t, "run.warmup_weeks=0", "run.horizon_weeks=30")
	w := post(t, h, "/api/caseload", caseloadBody("today.csv", caseloadCSV(150, 100), page, "2025-11-30"))
	if w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	var v caseloadView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Waiting != 150 || v.Active != 100 || !strings.Contains(v.Scenario.TOML, "people = [{ status = \"waiting\"") {
		t.Fatalf("%d waiting, %d active; the scenario:\n%.400s", v.Waiting, v.Active, v.Scenario.TOML)
	}
	if len(v.Sentences) < 2 || !strings.Contains(v.Sentences[0], "150 people waiting") || !strings.Contains(v.Sentences[1], "4 weeks at the longest") {
		t.Errorf("sentences %q", v.Sentences)
	}
	wait := func(toml string) float64 {
		r := result(t, post(t, h, "/api/run", `{"toml":`+jsonString(toml)+`}`))
		for _, row := range r["headline"].([]any) {
			if m := row.(map[string]any); m["kpi"] == "wait_first_contact_mean_weeks" {
				return m["mean"].(float64)
			}
		}
		t.Fatal("no wait in the headline")
		return 0
	}
	empty, full := wait(page), wait(v.Scenario.TOML)
	t.Logf("mean wait to first contact over 30 weeks: %.2f weeks from the scenario's state, %.2f from 150 waiting today", empty, full)
	if !(full > empty) {
		t.Errorf("150 people waiting today did not lengthen the waits: %.2f then %.2f weeks", empty, full)
	}
}

// TestCaseloadRefused: a caseload the scenario cannot hold is refused
// naming the line, or the limit it breaks.
func TestCaseloadRefused(t *testing.T) {
	h := newTestServer()
	page := small(t)
	cases := []struct {
		name, body string
		want       string
	}{
		{"no scenario", caseloadBody("c.csv", caseloadCSV(1, 0), "", ""), "no scenario"},
		{"empty", caseloadBody("c.csv", "", page, ""), "c.csv is empty"},
		{"unknown group", caseloadBody("c.csv", "referral_date,status,group\n2025-01-01,waiting,poorest\n", page, ""), `c.csv:2: group \"poorest\" is not a group of the scenario`},
		{"bad status", caseloadBody("c.csv", "referral_date,status\n2025-01-01,discharged\n", page, ""), `c.csv:2:2: status \"discharged\"`},
		{"referred after the date", caseloadBody("c.csv", caseloadCSV(3, 0), page, "2025-11-01"), "referred after the extract date (2025-11-01): is that the extract's date?"},
		{"too big for the page", caseloadBody("c.csv", caseloadCSV(5000, 0), page, ""), "c.csv makes the scenario 389 KiB, over the workbench's limit of 256 KiB; run it on the command line"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := post(t, h, "/api/caseload", c.body)
			if w.Code/100 != 4 || !strings.Contains(w.Body.String(), c.want) {
				t.Fatalf("%d %s; want a refusal with %q", w.Code, w.Body.String(), c.want)
			}
		})
	}
}

// TestExamplesAreValid: the example files the page offers are served, and
// each is taken by its upload as it is.
func TestExamplesAreValid(t *testing.T) {
	h := newTestServer()
	get := func(path string) string {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", path, w.Code)
		}
		return w.Body.String()
	}
	page := small(t)
	for _, c := range []struct{ path, api, body string }{
		{"/examples/referrals.csv", "/api/calibrate", calibrateBody("referrals.csv", get("/examples/referrals.csv"), page)},
		{"/examples/caseload.csv", "/api/caseload", caseloadBody("caseload.csv", get("/examples/caseload.csv"), page, "")},
		{"/examples/areas.csv", "/api/areas", areasBody("areas.csv", get("/examples/areas.csv"), page)},
	} {
		if w := post(t, h, c.api, c.body); w.Code != http.StatusOK {
			t.Errorf("%s through %s: %d %.300s", c.path, c.api, w.Code, w.Body.String())
		}
	}
	if !strings.Contains(get("/"), `href="examples/caseload.csv"`) {
		t.Error("the page does not offer the caseload example")
	}
}

// TestCaseloadBeyondPlacesWarns: more people on caseloads in the extract
// than the team has places is taken, with the warning shown on the page.
func TestCaseloadBeyondPlacesWarns(t *testing.T) {
	w := post(t, newTestServer(), "/api/caseload", caseloadBody("c.csv", caseloadCSV(0, 400), small(t), ""))
	if w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	var v caseloadView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Scenario.Warnings) != 1 || !strings.Contains(v.Scenario.Warnings[0].Text, "the other 265 start at the front of the waiting list") {
		t.Errorf("warnings %+v", v.Scenario.Warnings)
	}
	// The results count from today: no warm-up leaves today's people out.
	if v.Scenario.WarmupWeeks != 0 || !strings.Contains(strings.Join(v.Sentences, " "), "is set to none (run.warmup_weeks = 0)") {
		t.Errorf("warm-up %d weeks; sentences %q", v.Scenario.WarmupWeeks, v.Sentences)
	}
}

// TestCaseloadSentencesAgree: one person waiting for a community place
// "waits", several "wait".
func TestCaseloadSentencesAgree(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{1, "1 person on caseloads waits for a community place"}, {2, "2 people on caseloads wait for a community place"}} {
		in := scenarios.Initial{Active: c.n}
		for range c.n {
			in.People = append(in.People, scenarios.InitialPerson{Status: scenarios.StatusActive, AwaitingPlace: true})
		}
		got := strings.Join(caseloadSentences("x.csv", in), " ")
		if !strings.Contains(got, c.want) {
			t.Errorf("%d awaiting: %q lacks %q", c.n, got, c.want)
		}
	}
}

// TestCaseloadFileWarningsAtItsLines: an uploaded extract's implausible
// people are warned of at its lines, as the command line warns of
// initial.file's, not by keys nobody wrote (initial.people.1.age_weeks).
func TestCaseloadFileWarningsAtItsLines(t *testing.T) {
	csv := "referral_date,status\n2025-11-01,waiting\n1990-11-01,waiting\n"
	w := post(t, newTestServer(), "/api/caseload", caseloadBody("c.csv", csv, small(t), "2025-11-30"))
	if w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	var v caseloadView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range v.Scenario.Warnings {
		found = found || strings.Contains(p.Text, "c.csv:3: warning: a referral dated 1 Nov 1990 is 35 years before")
		if strings.HasPrefix(p.Key, "initial.people.") {
			t.Errorf("a warning by a key nobody wrote: %s", p.Text)
		}
	}
	if !found {
		t.Errorf("warnings %+v lack the extract's line", v.Scenario.Warnings)
	}
}
