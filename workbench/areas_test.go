package workbench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/spsim/spsim/scenarios"
)

// TestRunShowsAreas: a run of several areas ranks them, longest wait
// first, in a table and a chart; a run of one area shows neither.
func TestRunShowsAreas(t *testing.T) {
	cfg, err := scenarios.Load("icb")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Extends = ""
	for _, kv := range [][2]string{{"run.replications", "3"}, {"run.warmup_weeks", "26"}, {"run.horizon_weeks", "78"}} {
		if err := scenarios.Set(cfg, kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	text, err := encode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := newTestServer()
	r := result(t, post(t, h, "/api/run", `{"toml":`+jsonString(text)+`}`))
	a, ok := r["areas"].(map[string]any)
	if !ok {
		t.Fatalf("no areas in the result of %d areas", cfg.Areas.Count)
	}
	rows := a["rows"].([]any)
	if len(rows) != cfg.Areas.Count {
		t.Fatalf("%d rows, want %d areas", len(rows), cfg.Areas.Count)
	}
	head := a["head"].([]any)
	if head[1] != "Wait to first contact, mean (weeks)" {
		t.Fatalf("the second column is %v, want the mean wait", head[1])
	}
	// Longest wait first: the leading number of each wait cell falls.
	last := 1e300
	for _, row := range rows {
		cell := row.([]any)[1].(string)
		w, err := strconv.ParseFloat(strings.Fields(cell)[0], 64)
		if err != nil {
			t.Fatalf("wait cell %q: %v", cell, err)
		}
		if w > last {
			t.Errorf("areas not ranked by wait: %v after %v", w, last)
		}
		last = w
	}
	if c, ok := a["chart"].(map[string]any); !ok || !strings.Contains(c["svg"].(string), "data:image/svg+xml;base64,") {
		t.Error("no areas chart for 30 areas")
	}
	if one := result(t, post(t, h, "/api/run", `{"toml":`+jsonString(small(t))+`}`)); one["areas"] != nil {
		t.Error("a run of one area shows areas")
	}
}

func areasBody(file, data, toml string) string {
	b, _ := json.Marshal(areasRequest{File: file, Data: []byte(data), TOML: toml})
	return string(b)
}

// TestAreasFromAFile: an areas file uploaded in the browser makes the
// scenario one of its areas, as areas.file does, and the run ranks them:
// the area with the fewest link workers for its referrals waits longest.
func TestAreasFromAFile(t *testing.T) {
	h := newTestServer()
	page := small(t, "run.warmup_weeks=26", "run.horizon_weeks=78")
	pcns := "name,workforce.link_workers,demand.referrals_per_week\r\n" +
		"Riverside PCN,5,16\r\nNorthgate PCN,2,24\r\nMarket Town PCN,3,20\r\nHill PCN,4,,\r\n"
	w := post(t, h, "/api/areas", areasBody("pcns.csv", pcns, page))
	if w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	var v areasView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Areas != 4 || v.Scenario.Areas != 4 || !strings.Contains(v.Sentences[0], "demand.referrals_per_week, workforce.link_workers") {
		t.Fatalf("%d areas (view %d); %q", v.Areas, v.Scenario.Areas, v.Sentences)
	}
	r := result(t, post(t, h, "/api/run", `{"toml":`+jsonString(v.Scenario.TOML)+`}`))
	rows := r["areas"].(map[string]any)["rows"].([]any)
	first, last := rows[0].([]any)[0], rows[len(rows)-1].([]any)[0]
	if first != "Northgate PCN" || last != "Riverside PCN" {
		t.Errorf("ranked %v first and %v last; want Northgate (2 link workers, 24 referrals a week) first and Riverside (5, 16) last", first, last)
	}
}

// TestAreasFileRefused: a bad areas file is refused at its line and column.
func TestAreasFileRefused(t *testing.T) {
	h := newTestServer()
	page := small(t)
	cases := []struct{ name, csv, want string }{
		{"unknown key", "name,workforce.linkworkers\nA,3\n", `p.csv:1:2: workforce.linkworkers: not a scenario key`},
		{"bad value", "name,workforce.link_workers\nA,3\nB,-2\n", `p.csv:3:2: workforce.link_workers = -2: area \"B\": must be between 0 and 100000`},
		{"same name", "name,workforce.link_workers\nA,3\nA,4\n", `p.csv:3:1: name: area \"A\" is also on line 2`},
		{"a run key", "name,run.seed\nA,3\n", "run.seed cannot differ between areas"},
		{"empty", "", "p.csv is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := post(t, h, "/api/areas", areasBody("p.csv", c.csv, page))
			if w.Code/100 != 4 || !strings.Contains(w.Body.String(), c.want) {
				t.Fatalf("%d %s; want a refusal with %q", w.Code, w.Body.String(), c.want)
			}
		})
	}
}

// TestRunSaysWhatTheChangeDid: a run of a scenario with a timeline change
// says on the page how the wait goes from before the change to after it,
// as the command line does.
func TestRunSaysWhatTheChangeDid(t *testing.T) {
	r := result(t, post(t, newTestServer(), "/api/run", `{"name":"funding-cliff","set":[{"key":"run.replications","value":4}]}`))
	got := fmt.Sprint(r["sentences"])
	if !strings.Contains(got, "From week 104 (fixed-term funding for one post ends)") || !strings.Contains(got, "Wait to first contact, mean: rises from ") {
		t.Errorf("sentences %s", got)
	}
}

// TestExtractsWaitTheirTurn: an uploaded extract is read in the runs'
// queue, one at a time, so that many uploads at once cannot exhaust
// memory; a full queue answers 503, as for a run.
func TestExtractsWaitTheirTurn(t *testing.T) {
	lim := DefaultLimits
	lim.Waiting = 0 // no run may wait: a busy queue refuses at once
	s := New(Options{Version: "test", AnyHost: true, Limits: lim})
	release, err := s.queue.acquire(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	body := areasBody("p.csv", "name,workforce.link_workers\nA,3\nB,4\n", small(t))
	for _, path := range []string{"/api/areas", "/api/caseload", "/api/calibrate"} {
		if w := post(t, s, path, body); w.Code != http.StatusServiceUnavailable {
			t.Errorf("%s while a run works: %d %.200s, want 503", path, w.Code, w.Body)
		}
	}
	release()
	if w := post(t, s, "/api/areas", body); w.Code != http.StatusOK {
		t.Errorf("/api/areas once the run is done: %d %.300s", w.Code, w.Body)
	}
}

// TestAreasFileNamedAfterALever: an area's warning names the areas file
// for as long as the areas are the file's, not only in the upload's
// answer. After a lever's change it read `Warning: area "Northgate PCN":
// …`, where the upload had said `Warning: pcns.csv, area "Northgate PCN":
// …`. Areas edited in the scenario's text are no longer the file's.
func TestAreasFileNamedAfterALever(t *testing.T) {
	h := newTestServer()
	pcns := "name,workforce.link_workers,demand.referrals_per_week\r\nRiverside PCN,5,16\r\nNorthgate PCN,1,30\r\n"
	w := post(t, h, "/api/areas", areasBody("pcns.csv", pcns, small(t)))
	var up areasView
	if err := json.Unmarshal(w.Body.Bytes(), &up); err != nil || up.Scenario.AreasFile == nil {
		t.Fatalf("%v: %.400s", err, w.Body.String())
	}
	taken := up.Scenario.AreasFile
	lever := []setting{{"costs.on_cost_share", 0.3}}
	edited := strings.Replace(up.Scenario.TOML, `"demand.referrals_per_week" = 30`, `"demand.referrals_per_week" = 31`, 1)
	if edited == up.Scenario.TOML {
		t.Fatalf("no area sets 30 referrals a week to edit:\n%s", up.Scenario.TOML)
	}
	const named, unnamed = `Warning: pcns.csv, area "Northgate PCN": demand.referrals_per_week = `, `Warning: area "Northgate PCN": demand.referrals_per_week = `
	for _, c := range []struct {
		what string
		req  scenarioRequest
		want string // an area's warning's words begin so
		kept bool   // and the view answers the areas file taken
	}{
		{"a lever's change", scenarioRequest{TOML: up.Scenario.TOML, Set: lever, AreasFile: taken}, named, true},
		{"a run's scenario", scenarioRequest{TOML: up.Scenario.TOML, AreasFile: taken}, named, true},
		{"a page that sends no areas file", scenarioRequest{TOML: up.Scenario.TOML, Set: lever}, unnamed, false},
		{"an area edited in the text", scenarioRequest{TOML: edited, AreasFile: taken}, unnamed, false},
		{"another list's key", scenarioRequest{TOML: up.Scenario.TOML, AreasFile: &takenAreas{File: "pcns.csv", List: "0"}}, unnamed, false},
		{"a path for a name", scenarioRequest{TOML: up.Scenario.TOML, AreasFile: &takenAreas{File: "../../etc/pcns.csv", List: taken.List}}, named, true},
	} {
		t.Run(c.what, func(t *testing.T) {
			b, _ := json.Marshal(c.req)
			w := post(t, h, "/api/check", string(b))
			var v scenarioView
			if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &v) != nil {
				t.Fatalf("%d %.400s", w.Code, w.Body.String())
			}
			found := false
			for _, p := range v.Warnings {
				found = found || strings.HasPrefix(p.Words, c.want)
				if strings.Contains(p.Words, "etc/") || strings.Contains(p.Text, "etc/") {
					t.Errorf("a warning names a path: %q", p.Words)
				}
			}
			if !found {
				t.Errorf("no warning begins %q: %+v", c.want, v.Warnings)
			}
			if (v.AreasFile != nil) != c.kept {
				t.Errorf("the view answers the areas file %+v, want it kept: %v", v.AreasFile, c.kept)
			}
		})
	}
}
