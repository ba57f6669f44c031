package workbench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/sensitivity"
)

// TestSensitivity: of the leaving hazard and the seasonal swing, leavers
// are driven most by the leaving hazard, named in the page's words, and
// every input has its μ* on every outcome, with tornado charts.
func TestSensitivity(t *testing.T) {
	req, _ := json.Marshal(sensitivityRequest{TOML: small(t), Inputs: []inputRange{
		{Key: "workforce.leaving_hazard_per_year", Label: "Leaving hazard", Lo: 0.05, Hi: 0.6},
		{Key: "demand.seasonal_amplitude", Lo: 0, Hi: 0.1},
	}})
	r := result(t, post(t, newTestServer(), "/api/sensitivity", string(req)))
	sentences := r["sentences"].([]any)
	var leavers string
	for _, s := range sentences {
		if strings.HasPrefix(s.(string), "Link workers leaving is driven most by ") {
			leavers = s.(string)
		}
	}
	if !strings.HasPrefix(leavers, "Link workers leaving is driven most by leaving hazard (") {
		t.Errorf("sentences %q, want leavers driven most by the leaving hazard", sentences)
	}
	if rows := r["rows"].([]any); len(rows) != 2 || len(rows[0].([]any)) != 2+len(sensitivityKPIs) || rows[0].([]any)[0] != "Leaving hazard" || rows[1].([]any)[0] != "demand.seasonal_amplitude" {
		t.Errorf("rows %v, want one per input, named as the page names it, with a μ* per outcome", rows)
	}
	// The command line's analysis of the same file says the same.
	path := filepath.Join(t.TempDir(), "small.toml")
	if err := os.WriteFile(path, []byte(small(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	cli, err := sensitivity.Run(context.Background(), sensitivity.Spec{Ref: path, Method: sensitivity.Morris, KPIs: sensitivityKPIs,
		Vary: []string{"workforce.leaving_hazard_per_year=0.05..0.6", "demand.seasonal_amplitude=0..0.1"}})
	if err != nil {
		t.Fatal(err)
	}
	// The same, but for the input the page names in words.
	cli.Labels = map[string]string{"workforce.leaving_hazard_per_year": "Leaving hazard"}
	if want := cli.Sentences(); fmt.Sprint(sentences) != fmt.Sprint(want) {
		t.Errorf("the page's drivers %q, the command line's %q", sentences, want)
	}
	if charts := r["charts"].([]any); len(charts) == 0 || !strings.Contains(charts[0].(map[string]any)["svg"].(string), "<svg") {
		t.Error("no tornado chart")
	}
}

func TestSensitivityRefuses(t *testing.T) {
	for _, c := range []struct{ name, inputs, want string }{
		{"no input", `[]`, "1 to 6 inputs"},
		{"a path", `[{"key":"../../etc/passwd","lo":0,"hi":1}]`, "scenario key"},
		{"an empty range", `[{"key":"demand.annual_growth","lo":0.1,"hi":0.1}]`, "a larger one"},
		{"twice", `[{"key":"demand.annual_growth","lo":0,"hi":0.1},{"key":"demand.annual_growth","lo":0,"hi":0.2}]`, "twice"},
		// Refused before any point runs, not after some have.
		{"too large", `[{"key":"demand.referrals_per_week","lo":20,"hi":5000000}]`, "too large for the workbench"},
		{"a range the scenario refuses", `[{"key":"workforce.fte","lo":0.5,"hi":3}]`, "workforce.fte = 3: must be more than 0 and at most 1.5"},
		{"a run setting", `[{"key":"run.warmup_weeks","lo":1,"hi":20}]`, "a run setting (its length, warm-up, seed), not an uncertain input"},
	} {
		w := post(t, newTestServer(), "/api/sensitivity", `{"toml":`+jsonString(small(t))+`,"inputs":`+c.inputs+`}`)
		if w.Code == http.StatusOK || !strings.Contains(w.Body.String(), c.want) {
			t.Errorf("%s: %d %s, want a refusal saying %q", c.name, w.Code, w.Body.String(), c.want)
		}
	}
}

// TestDownloadDrivers: the page's screening downloads as spsim sensitivity
// writes it.
func TestDownloadDrivers(t *testing.T) {
	h := newTestServer()
	req, _ := json.Marshal(sensitivityRequest{TOML: small(t), Inputs: []inputRange{
		{Key: "workforce.leaving_hazard_per_year", Lo: 0.05, Hi: 0.6}}})
	get := func(file string) *httptest.ResponseRecorder {
		return postForm(h, "/api/download-drivers", url.Values{"request": {string(req)}, "file": {file}})
	}
	if w := get("sensitivity.csv"); w.Code != 200 || !strings.Contains(w.Body.String(), "workforce.leaving_hazard_per_year") {
		t.Errorf("sensitivity.csv: %d %.300s", w.Code, w.Body.String())
	}
	if w := get("report.html"); w.Code != 200 || !strings.Contains(w.Body.String(), "is driven most by") || !strings.Contains(w.Body.String(), "scenario.toml, as written") {
		t.Errorf("report.html: %d %.300s", w.Code, w.Body.String())
	}
	if w := get("optimise.csv"); w.Code != 404 {
		t.Errorf("a screening's optimise.csv: %d, want 404", w.Code)
	}
}

// TestSensitivityRefusesInThePagesWords: what a screening cannot vary is
// refused as the Sweep and Plan tabs refuse it (canVary), as a bad
// request in the page's words. The seed, the replications and the funding
// cliff went on to the planner, which answered 422 with the command
// line's flags ("--vary run.seed: ... set it for all with --seed") or
// called the cliff an unknown key of the scenario. A whole number's range
// too narrow for Morris's steps was told "workforce.link_workers=3.2..4.2:
// … (such as 3..4), or vary it with spsim sweep": the page's range is
// from and to, and its sweeps are on the Sweep tab.
func TestSensitivityRefusesInThePagesWords(t *testing.T) {
	for _, c := range []struct {
		key    string
		lo, hi float64
		code   int
		want   string
	}{
		{"run.seed", 1, 20, http.StatusBadRequest, "run.seed cannot be varied"},
		{"run.replications", 1, 20, http.StatusBadRequest, "run.replications cannot be varied"},
		{"funding_cliff.week", 1, 20, http.StatusBadRequest, "the funding cliff is a step of the timeline"},
		{"run.warmup_weeks", 1, 20, http.StatusUnprocessableEntity, "run.warmup_weeks: a run setting (its length, warm-up, seed)"},
		{"workforce.link_workers", 3.2, 4.2, http.StatusUnprocessableEntity,
			"workforce.link_workers from 3.2 to 4.2: a whole number, and the range is too narrow for Morris's steps of 2/3 of it: 3.533 and 4.2 both round to 4; give the range whole-number ends (such as 3 to 4), or vary it on the Sweep tab"},
	} {
		t.Run(c.key, func(t *testing.T) {
			body, _ := json.Marshal(sensitivityRequest{TOML: small(t), Inputs: []inputRange{{Key: c.key, Lo: c.lo, Hi: c.hi}}})
			w := post(t, newTestServer(), "/api/sensitivity", string(body))
			if w.Code != c.code || !strings.Contains(w.Body.String(), c.want) {
				t.Errorf("%d %s, want %d saying %q", w.Code, w.Body.String(), c.code, c.want)
			}
			if said := w.Body.String(); strings.Contains(said, "--") || strings.Contains(said, "spsim ") || strings.Contains(said, "..") {
				t.Errorf("the page is told the command line's flags, commands or ranges: %s", said)
			}
		})
	}
}
