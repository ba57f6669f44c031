package workbench

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
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

// TestCaseloadWarningsStayTheExtracts: a caseload's people are warned of
// at its lines whatever is done to the scenario after (an areas file
// before or after it, a lever, an edit elsewhere), while they are still
// the extract's; a warning of a key the user wrote still shows, and people
// the user wrote or changed are warned of by key as any other setting.
// Before, an areas file or a later change brought back
// "initial.people.1.age_weeks = 1830.43…", once for the scenario and once
// for each area, and the extract's own line went; and a caseload taken
// after an areas file answered with 'Warning: area "B": …', without the
// file's name, which only the run that followed gave.
func TestCaseloadWarningsStayTheExtracts(t *testing.T) {
	h := newTestServer()
	send := func(path string, req any) *scenarioView {
		t.Helper()
		b, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		w := post(t, h, path, string(b))
		var v struct {
			scenarioView
			Scenario *scenarioView `json:"scenario"`
		}
		if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &v) != nil {
			t.Fatalf("%s: %d %.400s", path, w.Code, w.Body.String())
		}
		if v.Scenario != nil {
			return v.Scenario
		}
		return &v.scenarioView
	}
	csv := "referral_date,status\n2025-11-01,waiting\n1990-11-01,active\n"
	const old = "age_weeks = 1830.4285714285713"
	pcns := []byte("name,workforce.link_workers,demand.referrals_per_week\r\nA,3,16\r\nB,1,30\r\n")
	page := small(t)
	// The page sends the areas file it took with a caseload, as with a run.
	caseload := func(toml string, areasFile *takenAreas) *scenarioView {
		return send("/api/caseload", caseloadRequest{File: "c.csv", Data: []byte(csv), TOML: toml, Date: "2025-11-30", AreasFile: areasFile})
	}
	areas := func(v *scenarioView) *scenarioView {
		return send("/api/areas", areasRequest{File: "pcns.csv", Data: pcns, TOML: v.TOML, Caseload: v.Caseload})
	}
	check := func(v *scenarioView, toml string, set ...setting) *scenarioView {
		return send("/api/check", scenarioRequest{TOML: toml, Set: set, Caseload: v.Caseload})
	}
	taken := caseload(page, nil)
	thenAreas := areas(taken)
	first := areas(&scenarioView{TOML: page})
	areasFirst := caseload(first.TOML, first.AreasFile)
	lever := check(thenAreas, thenAreas.TOML, setting{"costs.on_cost_share", 28.0})
	edited := check(lever, strings.Replace(lever.TOML, "seed = 1\n", "seed = 2\n", 1))
	if edited.TOML == lever.TOML || !strings.Contains(taken.TOML, old) {
		t.Fatalf("the scenario has no seed = 1 to edit, or no person of 1830 weeks:\n%s", taken.TOML)
	}
	peopleEdited := check(edited, strings.Replace(edited.TOML, old, "age_weeks = 1830.5", 1))
	own := regexp.MustCompile(`(?m)^\[initial\]\n(\w+ = .*\n)*`).ReplaceAllString(page, "[initial]\npeople = [{ status = \"active\", "+old+" }]\n")
	ownPeople := check(taken, own)

	if areasFirst.AreasFile == nil {
		t.Error("a caseload taken after an areas file answers without the areas file it was sent")
	}

	const fromFile = "Warning: c.csv, line 3: a referral dated 1 Nov 1990 is 35 years before"
	const areaB = `Warning: pcns.csv, area "B": demand.referrals_per_week = 30`
	const alike = "Warning: today's caseload of 2 people starts each of 2 areas alike (A, B)"
	for _, c := range []struct {
		what    string
		v       *scenarioView
		extract bool     // the people are the extract's: warned of at its lines
		want    []string // and these warnings begin so, each
	}{
		{"the caseload taken", taken, true, nil},
		{"then an areas file", thenAreas, true, []string{areaB, alike}},
		{"an areas file, then the caseload", areasFirst, true, []string{areaB, alike}},
		{"then a lever", lever, true, []string{"Warning: costs.on_cost_share = 28.0: ", alike}},
		{"then an edit elsewhere", edited, true, []string{"Warning: costs.on_cost_share = 28.0: ", alike}},
		{"then an edit of a person", peopleEdited, false, []string{"Warning: initial.people.1.age_weeks = 1830.5: "}},
		{"people the user wrote", ownPeople, false, []string{"Warning: initial.people.0.age_weeks = 1830.4285714285713: "}},
	} {
		var said []string
		for _, p := range c.v.Warnings {
			said = append(said, p.Words)
			if c.extract && strings.HasPrefix(p.Key, "initial.people.") {
				t.Errorf("%s: a warning by a key nobody wrote: %s", c.what, p.Text)
			}
		}
		if c.extract {
			c.want = append(c.want, fromFile)
		} else if c.v.Caseload != nil || slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, fromFile) }) {
			t.Errorf("%s: the people are warned of as the extract's: %q", c.what, said)
		}
		if c.extract && c.v.Caseload == nil {
			t.Errorf("%s: the scenario no longer knows its people are the extract's", c.what)
		}
		for _, want := range c.want {
			if !slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, want) }) {
				t.Errorf("%s: no warning says %q: %q", c.what, want, said)
			}
		}
	}
}
