package workbench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spsim/spsim/scenarios"
)

// newTestServer answers any Host: httptest's requests are sent to
// example.com. TestHostNamesThisMachine checks the default.
func newTestServer() *Server { return New(Options{Version: "test", AnyHost: true}) }

func post(t *testing.T, h http.Handler, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// messages splits a streamed answer into its messages.
func messages(t *testing.T, body string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("a streamed line is not JSON: %v: %.200s", err, sc.Text())
		}
		out = append(out, m)
	}
	return out
}

// result is the streamed answer's result, failing without one.
func result(t *testing.T, w *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body.String())
	}
	for _, m := range messages(t, w.Body.String()) {
		if m["type"] == "error" {
			t.Fatalf("streamed error: %v", m["error"])
		}
		if m["type"] == "result" {
			return m["result"].(map[string]any)
		}
	}
	t.Fatalf("no result in %.300s", w.Body.String())
	return nil
}

// small is the baseline with few replications, as TOML the page would send.
func small(t *testing.T, sets ...string) string {
	t.Helper()
	cfg, err := scenarios.Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Extends = ""
	sets = append([]string{"run.replications=4"}, sets...)
	for _, kv := range sets {
		k, v, _ := strings.Cut(kv, "=")
		if err := scenarios.Set(cfg, k, v); err != nil {
			t.Fatal(err)
		}
	}
	text, err := encode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestPageAndAssets(t *testing.T) {
	h := newTestServer()
	for path, want := range map[string]string{"/": "spsim workbench", "/app.js": "api/run", "/tools.js": "api/optimise", "/app.css": "font"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), want) {
			t.Errorf("GET %s: %d, want %q in the body", path, w.Code, want)
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: Content-Security-Policy %q lets the page load from elsewhere", path, csp)
		}
	}
}

func TestAssetsLoadNothingFromTheNetwork(t *testing.T) {
	files := 0
	err := fs.WalkDir(assets, "assets", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := assets.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		for _, bad := range []string{"http://", "https://", "//cdn", "@import"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s refers to %q: every asset must be embedded", path, bad)
			}
		}
		return nil
	})
	if err != nil || files < 3 {
		t.Fatalf("walking the assets: %v (%d files)", err, files)
	}
}

func TestOpenBuiltin(t *testing.T) {
	w := post(t, newTestServer(), "/api/open", `{"name":"baseline"}`)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var v scenarioView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	found := map[string]any{}
	for _, l := range v.Levers {
		found[l.Key] = l.Value
		if l.Note == "" || l.Group == "" || l.Label == "" {
			t.Errorf("lever %s lacks a note, group or label", l.Key)
		}
	}
	base, err := scenarios.Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]any{"workforce.link_workers": float64(base.Workforce.LinkWorkers), "holding.enabled": base.Holding.Enabled,
		"support.model": string(base.Support.Model), "services.wellbeing_groups.places": float64(base.Services["wellbeing_groups"].Places),
		cliffKey: 0.0, "demand.referrals_per_week": base.Demand.ReferralsPerWeek} {
		if got, ok := found[key]; !ok || got != want {
			t.Errorf("lever %s = %v (shown %v), want %v", key, got, ok, want)
		}
	}
}

// TestBadInput sends each handler what a careless or hostile page might.
func TestBadInput(t *testing.T) {
	h := New(Options{Version: "test", AnyHost: true, Limits: func() Limits { l := DefaultLimits; l.BodyBytes = 64 << 10; return l }()})
	huge := `{"toml":` + jsonString(strings.Repeat("# padding\n", 10000)) + `}`
	invalid := jsonString("name = \"x\"\nextends = \"baseline\"\n[workforce]\nlink_workers = \"three\"\n")
	syntax := jsonString("name = \"x\"\n[workforce\n")
	england := jsonString("name = \"big\"\nextends = \"england\"\n[run]\nreplications = 100\nhorizon_weeks = 2000\n")
	tooMany := jsonString("name = \"x\"\nextends = \"baseline\"\n[run]\nreplications = 5000\n")
	deep := jsonString("x = " + strings.Repeat("[", 30000))
	// Too large even at the 4 replications a comparison with small() runs.
	flood := jsonString("name = \"flood\"\nextends = \"baseline\"\n[run]\nreplications = 4\n[demand]\nreferrals_per_week = 1e7\n")
	cases := []struct {
		name, path, body string
		code             int
		want             string
	}{
		{"not JSON", "/api/run", "{", 400, "not the JSON"},
		{"unknown field", "/api/open", `{"name":"baseline","file":"/etc/passwd"}`, 400, "unknown field"},
		{"oversized body", "/api/run", huge, 413, "limit"},
		{"oversized body to check", "/api/check", huge, 413, "limit"},
		{"oversized body to compare", "/api/compare", `{"pins":[{"name":"a","toml":` + jsonString(strings.Repeat("#", 70000)) + `}]}`, 413, "limit"},
		{"invalid TOML value", "/api/run", `{"toml":` + invalid + `}`, 422, "scenario.toml:4"},
		{"TOML syntax", "/api/check", `{"toml":` + syntax + `}`, 422, "scenario.toml:3"},
		{"deeply nested", "/api/check", `{"toml":` + deep + `}`, 422, "nested"},
		{"unknown scenario", "/api/open", `{"name":"no-such-place"}`, 404, "no built-in scenario"},
		{"unknown scenario to run", "/api/run", `{"name":"../../etc/passwd"}`, 404, "no built-in scenario"},
		{"empty scenario", "/api/run", `{}`, 422, "empty scenario"},
		{"name and text", "/api/open", `{"name":"baseline","toml":"x = 1"}`, 400, "not both"},
		{"too large to run", "/api/run", `{"toml":` + england + `}`, 422, "too large"},
		{"too many replications", "/api/run", `{"toml":` + tooMany + `}`, 422, "at most 100"},
		{"bad lever value", "/api/run", `{"name":"baseline","set":[{"key":"workforce.link_workers","value":-2}]}`, 422, "link_workers"},
		{"unknown lever", "/api/run", `{"name":"baseline","set":[{"key":"workforce.link_wrkers","value":4}]}`, 422, "link_wrkers"},
		{"lever of the wrong kind", "/api/run", `{"name":"baseline","set":[{"key":"workforce.link_workers","value":[1]}]}`, 422, "a lever's value"},
		{"cliff after the horizon", "/api/run", `{"name":"baseline","set":[{"key":"funding_cliff.week","value":900}]}`, 422, "funding-cliff week"},
		{"one pin", "/api/compare", `{"pins":[{"name":"a","toml":"x"}]}`, 400, "2 to 4"},
		{"five pins", "/api/compare", `{"pins":[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"},{"name":"e"}]}`, 400, "2 to 4"},
		{"pins of one name", "/api/compare", `{"pins":[{"name":"a","toml":` + jsonString(small(t)) + `},{"name":"a","toml":` + jsonString(small(t)) + `}]}`, 400, "both named"},
		{"pins of names that print alike", "/api/compare", `{"pins":[{"name":"Plan A","toml":` + jsonString(small(t)) + `},{"name":"plan  a","toml":` + jsonString(small(t)) + `}]}`, 400, "print alike"},
		{"pin name", "/api/compare", `{"pins":[{"name":"=1+1","toml":"x"},{"name":"b","toml":"x"}]}`, 400, "name"},
		{"pin name with a line break", "/api/compare", `{"pins":[{"name":"a\nb","toml":"x"},{"name":"b","toml":"x"}]}`, 400, "name"},
		{"invalid pinned TOML", "/api/compare", `{"pins":[{"name":"a","toml":` + jsonString(small(t)) + `},{"name":"b","toml":` + syntax + `}]}`, 422, "b: scenario.toml:3"},
		{"pinned too large", "/api/compare", `{"pins":[{"name":"a","toml":` + jsonString(small(t)) + `},{"name":"b","toml":` + flood + `}]}`, 422, "too large"},
		{"sweep of one value", "/api/sweep", `{"toml":` + jsonString(small(t)) + `,"key":"workforce.link_workers","values":[3]}`, 400, "2 to 12"},
		{"sweep of a bad key", "/api/sweep", `{"toml":` + jsonString(small(t)) + `,"key":"../x","values":[3,4]}`, 400, "scenario key"},
		{"a number for a name", "/api/open", `{"name":5}`, 400, "name: want text, got number"},
		{"a lever set twice", "/api/open", `{"name":"baseline","set":[{"key":"workforce.link_workers","value":4},{"key":"workforce.link_workers","value":5}]}`, 422, "Link-worker posts (workforce.link_workers) is set twice"},
		{"a number too large to read", "/api/sweep", `{"toml":` + jsonString(small(t)) + `,"key":"workforce.link_workers","values":[3,1e400]}`, 400, "values: 1e400 is too large a number to read"},
		{"an empty body", "/api/open", ``, 400, "it is empty"},
		{"a file that is not base64", "/api/calibrate", `{"file":"x.csv","data":"!!!"}`, 400, "data: want a file's bytes as base64 text, and it is not base64 from character 1"},
		{"a caseload that is not base64", "/api/caseload", `{"file":"x.csv","data":"QUJD!"}`, 400, "data: want a file's bytes as base64 text"},
		{"not JSON", "/api/open", `{"name":`, 400, "ends before the JSON does"},
		{"an unknown field", "/api/open", `{"nme":"baseline"}`, 400, `unknown field \"nme\"`},
		{"two values", "/api/open", `{"name":"baseline"} {"name":"icb"}`, 400, "more after the request's one value"},
		{"a key twice", "/api/run", `{"name":"baseline","name":"tiered"}`, 400, `\"name\" is given twice`},
		{"a key twice, nested", "/api/run", `{"name":"baseline","set":[{"key":"workforce.link_workers","value":4,"value":5}]}`, 400, `\"value\" is given twice`},
		{"a lever's value an object", "/api/run", `{"name":"baseline","set":[{"key":"workforce.link_workers","value":{"a":"b"}}]}`, 422, `got {\"a\":\"b\"}`},
		{"a target and the best", "/api/optimise", `{"toml":` + jsonString(small(t)) + `,"levers":[{"key":"workforce.link_workers","label":"Link-worker posts","values":[3,4]}],` +
			`"target":{"kpi":"needs_met","op":">=","value":1},"best":{"kpi":"needs_met","budget":300000}}`, 400, "not both"},
		{"a target below 0", "/api/optimise", `{"toml":` + jsonString(small(t)) + `,"levers":[{"key":"workforce.link_workers","label":"Link-worker posts","values":[3,4]}],` +
			`"target":{"kpi":"wait_first_contact_p90_weeks","op":"<=","value":-4}}`, 400, `"Target: wait to first contact, 90th percentile is never below 0"`},
		{"a budget of 0", "/api/optimise", `{"toml":` + jsonString(small(t)) + `,"levers":[{"key":"workforce.link_workers","label":"Link-worker posts","values":[3,4]}],` +
			`"best":{"kpi":"needs_met","budget":0}}`, 400, "enter a budget above £0 a year"},
		{"the best of a KPI not offered", "/api/optimise", `{"toml":` + jsonString(small(t)) + `,"levers":[{"key":"workforce.link_workers","label":"Link-worker posts","values":[3,4]}],` +
			`"best":{"kpi":"cost_total","budget":300000}}`, 400, "judged on one of: needs met; "},
		{"a lever without a value", "/api/open", `{"name":"baseline","set":[{"key":"workforce.link_workers","value":null}]}`, 422, "a lever needs a value"},
		{"sweep of a value twice", "/api/sweep", `{"toml":` + jsonString(small(t)) + `,"key":"workforce.link_workers","values":[3,3]}`, 400, "3 is among the values twice"},
		{"sweep of the funding cliff", "/api/sweep", `{"toml":` + jsonString(small(t)) + `,"key":"funding_cliff.week","values":[50,100]}`, 400, "pin the scenario with the cliff"},
		{"sweep of an unknown key", "/api/sweep", `{"toml":` + jsonString(small(t)) + `,"key":"workforce.nope","values":[3,4]}`, 422, "nope"},
		{"sweep of invalid TOML", "/api/sweep", `{"toml":` + syntax + `,"key":"workforce.link_workers","values":[3,4]}`, 422, "scenario.toml:3"},
		{"sweep too large", "/api/sweep", `{"toml":` + flood + `,"key":"workforce.link_workers","values":[3,4]}`, 422, "too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := post(t, h, c.path, c.body)
			if w.Code != c.code || !strings.Contains(w.Body.String(), c.want) {
				t.Errorf("status %d, want %d with %q: %.400s", w.Code, c.code, c.want, w.Body.String())
			}
			if strings.Contains(w.Body.String(), "bad request") {
				t.Errorf("a refusal in a developer's words: %.400s", w.Body.String())
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q, want JSON", ct)
			}
		})
	}
}

// TestUploadsNeverReadServerFiles: extends in an upload names built-ins
// only, its areas and caseload files are refused, and nothing of a file
// the server can read comes back.
func TestUploadsNeverReadServerFiles(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secrets.toml")
	if err := os.WriteFile(secret, []byte("DB_PASSWORD = \"hunter2\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newTestServer()
	for _, ext := range []string{secret, "../../../../" + secret, "secrets.toml", "/etc/passwd", "baseline.toml"} {
		body := `{"toml":` + jsonString("name = \"x\"\nextends = \""+ext+"\"\n") + `}`
		for _, path := range []string{"/api/open", "/api/run"} {
			w := post(t, h, path, body)
			if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "built-in scenario only") {
				t.Errorf("%s extends %q: status %d: %s", path, ext, w.Code, w.Body)
			}
			if strings.Contains(w.Body.String(), "hunter2") || strings.Contains(w.Body.String(), "root:") {
				t.Errorf("%s extends %q echoed a server file: %s", path, ext, w.Body)
			}
		}
	}
	// A scenario's own file keys, an areas file and a caseload file, are
	// refused unread, whatever the path: a CSV's rows would otherwise come
	// back in its error messages.
	csv := filepath.Join(dir, "secret.csv")
	if err := os.WriteFile(csv, []byte("referral_date,status\nhunter2,waiting\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ table, file, want string }{
		{"initial", csv, "caseload files cannot be read here"}, {"initial", "/etc/passwd", "caseload files cannot be read here"},
		{"areas", csv, "areas files cannot be read here"}, {"areas", "../../../../" + csv, "areas files cannot be read here"},
	} {
		body := `{"toml":` + jsonString("name = \"x\"\nextends = \"baseline\"\n["+c.table+"]\nfile = \""+c.file+"\"\n") + `}`
		for _, path := range []string{"/api/open", "/api/check", "/api/run"} {
			w := post(t, h, path, body)
			if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), c.want) {
				t.Errorf("%s %s.file %q: status %d: %s", path, c.table, c.file, w.Code, w.Body)
			}
			if strings.Contains(w.Body.String(), "hunter2") || strings.Contains(w.Body.String(), "root:") {
				t.Errorf("%s %s.file %q echoed a server file: %s", path, c.table, c.file, w.Body)
			}
		}
	}
	w := post(t, h, "/api/open", `{"toml":`+jsonString("name = \"mine\"\nextends = \"baseline\"\n[workforce]\nlink_workers = 4\n")+`}`)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"name":"mine"`) {
		t.Errorf("an upload extending a built-in: %d %s", w.Code, w.Body)
	}
}

// TestLeversAndAreasNeverReadServerFiles: a file key reached another way
// than a scenario's own table (a lever, an area's settings, a column of an
// uploaded areas file) is refused unread as well, relative or absolute.
func TestLeversAndAreasNeverReadServerFiles(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "secret.csv")
	if err := os.WriteFile(csv, []byte("referral_date,status\nhunter2,waiting\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, csv)
	if err != nil {
		t.Fatal(err)
	}
	h := newTestServer()
	var cases []struct{ what, path, body string }
	for _, file := range []string{csv, rel} {
		for _, key := range []string{"initial.file", "areas.file"} {
			for _, path := range []string{"/api/open", "/api/run"} {
				cases = append(cases, struct{ what, path, body string }{"lever " + key + " = " + file, path,
					`{"name":"baseline","set":[{"key":"` + key + `","value":` + jsonString(file) + `}]}`})
			}
		}
		area := "name = \"x\"\nextends = \"baseline\"\n[[areas.list]]\nname = \"A\"\nset = { \"initial.file\" = " + jsonString(file) + " }\n[[areas.list]]\nname = \"B\"\n"
		cases = append(cases, struct{ what, path, body string }{"an area's initial.file " + file, "/api/open", `{"toml":` + jsonString(area) + `}`})
		cases = append(cases, struct{ what, path, body string }{"an areas file's column initial.file " + file, "/api/areas",
			areasBody("a.csv", "name,initial.file\nA,"+file+"\nB,\n", small(t))})
	}
	for _, c := range cases {
		w := post(t, h, c.path, c.body)
		if w.Code == http.StatusOK || strings.Contains(w.Body.String(), "hunter2") || strings.Contains(w.Body.String(), "no such file") {
			t.Errorf("%s %s: %d %.400s; want refused unread", c.path, c.what, w.Code, w.Body)
		}
	}
}

func TestCrossSitePostRefused(t *testing.T) {
	req := httptest.NewRequest(http.MethodPost, "/api/run", strings.NewReader(`{"name":"baseline"}`))
	req.Host = "127.0.0.1:8080"
	req.Header.Set("Origin", "https://evil.example")
	w := httptest.NewRecorder()
	newTestServer().ServeHTTP(w, req)
	if w.Code != http.StatusForbidden {
		t.Errorf("a post from another site's page: %d, want 403", w.Code)
	}
}

func TestRunStreamsProgressAndResults(t *testing.T) {
	w := post(t, newTestServer(), "/api/run", `{"toml":`+jsonString(small(t))+`,"set":[{"key":"workforce.link_workers","value":4}]}`)
	msgs := messages(t, w.Body.String())
	types := map[string]int{}
	for _, m := range msgs {
		types[m["type"].(string)]++
	}
	if types["scenario"] != 1 || types["progress"] != 4 || types["result"] != 1 {
		t.Errorf("messages %v, want a scenario, 4 progress and a result", types)
	}
	sc := msgs[0]["scenario"].(map[string]any)
	if !strings.Contains(sc["toml"].(string), "link_workers = 4") {
		t.Errorf("the scenario sent back does not hold the lever's new value")
	}
	r := result(t, w)
	if len(r["sentences"].([]any)) < 3 || len(r["headline"].([]any)) < 10 || len(r["charts"].([]any)) != 3 {
		t.Errorf("result lacks sentences, headline or charts: %.300v", r)
	}
	// After the headline, each community service's occupancy.
	if !strings.Contains(fmt.Sprint(r["headline"]), "VCSE occupancy: wellbeing groups") {
		t.Errorf("the headline lacks the services' occupancy: %.600v", r["headline"])
	}
	for _, c := range r["charts"].([]any) {
		svg := c.(map[string]any)["svg"].(string)
		if !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, `class="band"`) {
			t.Errorf("chart %v is not an SVG with bands", c.(map[string]any)["name"])
		}
	}
}

// TestMoreLinkWorkersShortenTheWait is the page's main response: the wait
// falls when posts rise, on common random numbers.
func TestMoreLinkWorkersShortenTheWait(t *testing.T) {
	h := newTestServer()
	wait := func(posts int) (mean, low, high float64) {
		w := post(t, h, "/api/run", `{"toml":`+jsonString(small(t))+`,"set":[{"key":"workforce.link_workers","value":`+strconv.Itoa(posts)+`}]}`)
		for _, row := range result(t, w)["headline"].([]any) {
			r := row.(map[string]any)
			if r["kpi"] == "wait_first_contact_mean_weeks" {
				return r["mean"].(float64), r["low"].(float64), r["high"].(float64)
			}
		}
		t.Fatal("no wait in the headline")
		return
	}
	_, lo3, _ := wait(3)
	m5, _, hi5 := wait(5)
	if !(hi5 < lo3) {
		t.Errorf("with 5 link workers the wait's interval (up to %.3g) does not lie below 3's (from %.3g); mean %.3g", hi5, lo3, m5)
	}
}

func TestCompareVerdict(t *testing.T) {
	body := `{"pins":[{"name":"three","toml":` + jsonString(small(t)) + `},{"name":"five","toml":` + jsonString(small(t, "workforce.link_workers=5")) +
		`},{"name":"four","toml":` + jsonString(small(t, "workforce.link_workers=4")) + `}]}`
	r := result(t, post(t, newTestServer(), "/api/compare", body))
	var words []string
	for _, v := range r["verdict"].([]any) {
		words = append(words, v.(string))
	}
	s := strings.Join(words, " ")
	// Both options cost more than three: the page sets them head to head,
	// as the command line does.
	for _, want := range []string{"five costs £", "more a year than three", "waits fall by", "Head to head, five costs £", "more a year than four"} {
		if !strings.Contains(s, want) {
			t.Errorf("verdict %q lacks %q", s, want)
		}
	}
	if costs := r["costs"].([]any); len(costs) == 0 || !strings.Contains(costs[0].(string), "five: £") || !strings.Contains(costs[0].(string), " per need met") || strings.Contains(costs[0].(string), "a year per") {
		t.Errorf("no cost per extra outcome for a clear improvement: %v", costs)
	}
	if names := r["names"].([]any); names[0] != "three" || names[1] != "five" || names[2] != "four" {
		t.Errorf("names %v", names)
	}
	if !strings.Contains(r["chart"].(map[string]any)["svg"].(string), "<circle") {
		t.Error("the difference chart has no dots")
	}
}

func TestSweep(t *testing.T) {
	body := `{"toml":` + jsonString(small(t)) + `,"key":"workforce.link_workers","label":"Link-worker posts","values":[2,3,5]}`
	r := result(t, post(t, newTestServer(), "/api/sweep", body))
	rows := r["rows"].([]any)
	if len(rows) != 3 {
		t.Fatalf("rows %v, want one per value", rows)
	}
	svg := r["chart"].(map[string]any)["svg"].(string)
	if strings.Count(svg, `class="band"`) < len(sweepKPIs) {
		t.Errorf("the sweep chart lacks a band per KPI")
	}
	// It leads with what the sweep means, the lever named in words, and
	// ends with where demand outstrips supply, as the command line says.
	answer, _ := r["answer"].([]any)
	if len(answer) != 2+len(sweepKPIs) || answer[0] != "Changing link-worker posts from 2 to 5:" ||
		!strings.HasPrefix(answer[len(answer)-1].(string), "Demand outstrips link-worker supply at ") {
		t.Errorf("answer %q, want a lead naming the lever, a sentence per KPI and one on capacity", answer)
	}
}

// TestRunStopsWhenThePageGoesAway: a cancelled request ends its run and
// frees the queue.
func TestRunStopsWhenThePageGoesAway(t *testing.T) {
	s := newTestServer()
	ctx, cancel := context.WithCancel(context.Background())
	text := jsonString("name = \"long\"\nextends = \"baseline\"\n[run]\nreplications = 100\nhorizon_weeks = 2000\n")
	req := httptest.NewRequest(http.MethodPost, "/api/run", strings.NewReader(`{"toml":`+text+`}`)).WithContext(ctx)
	done := make(chan struct{})
	go func() {
		s.ServeHTTP(httptest.NewRecorder(), req)
		close(done)
	}()
	for s.queue.length() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the run went on after its page went away")
	}
	if n := s.queue.length(); n != 0 {
		t.Errorf("%d runs still queued after the page went away", n)
	}
}

func TestQueue(t *testing.T) {
	q := newQueue(1)
	ctx := context.Background()
	rel1, err := q.acquire(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan func(), 1)
	aheadSeen := make(chan int, 1)
	go func() {
		rel, err := q.acquire(ctx, func(n int) { aheadSeen <- n })
		if err != nil {
			t.Error(err)
		}
		got <- rel
	}()
	if n := <-aheadSeen; n != 1 {
		t.Errorf("second run told %d ahead, want 1", n)
	}
	if _, err := q.acquire(ctx, nil); err != errBusy {
		t.Errorf("a third run with one waiting allowed: %v, want errBusy", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := newQueue(0).acquire(cctx, nil); err != nil {
		t.Errorf("an idle queue refused a run: %v", err)
	}
	rel1()
	rel2 := <-got
	rel2()
	if q.length() != 0 {
		t.Errorf("queue length %d after every run released", q.length())
	}
}

// TestQueueTellsWhoIsAhead: a waiting run is told again how many runs are
// ahead of it whenever one ahead finishes or leaves, not only when it
// joins: the page said "waiting for 2 runs ahead" until its own began.
func TestQueueTellsWhoIsAhead(t *testing.T) {
	q := newQueue(3)
	ctx := context.Background()
	relA, err := q.acquire(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	wait := func(ctx context.Context) (chan int, chan func()) {
		ahead, turn := make(chan int, 8), make(chan func(), 1)
		go func() {
			rel, err := q.acquire(ctx, func(n int) { ahead <- n })
			if err == nil {
				turn <- rel
			}
		}()
		return ahead, turn
	}
	bctx, leaveB := context.WithCancel(ctx)
	aheadB, _ := wait(bctx)
	if n := <-aheadB; n != 1 {
		t.Fatalf("B told %d ahead, want 1", n)
	}
	aheadC, turnC := wait(ctx)
	if n := <-aheadC; n != 2 {
		t.Fatalf("C told %d ahead, want 2", n)
	}
	leaveB() // B's page goes away: C moves up
	if n := <-aheadC; n != 1 {
		t.Errorf("after B left, C told %d ahead, want 1", n)
	}
	relA()
	(<-turnC)()
	if q.length() != 0 {
		t.Errorf("queue length %d after every run", q.length())
	}
}

// TestEveryLeverShowsOnTheBaseline: a lever whose key the scenarios no
// longer have would silently vanish from the page.
func TestEveryLeverShowsOnTheBaseline(t *testing.T) {
	_, v, err := newTestServer().prepare(scenarioRequest{Name: "baseline"})
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]bool{}
	for _, l := range v.Levers {
		shown[l.Key] = true
	}
	for _, spec := range scenarios.Levers() {
		if spec.Kind == scenarios.LeverInput {
			continue
		}
		key := strings.Replace(spec.Key, "*", "wellbeing_groups", 1)
		if !shown[key] {
			t.Errorf("lever %s (%s) is not shown for the baseline: has its key changed?", spec.Key, spec.Label)
		}
	}
}

// TestLeversSetTheScenario: each kind of lever lands in the TOML that runs.
func TestLeversSetTheScenario(t *testing.T) {
	_, v, err := newTestServer().prepare(scenarioRequest{Name: "baseline", Set: []setting{
		{Key: "workforce.supervision.hours_per_week", Value: 1.0},
		{Key: "holding.enabled", Value: false},
		{Key: "support.model", Value: "tiered"},
		{Key: cliffKey, Value: 100.0},
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"hours_per_week = 1", "enabled = false", `model = "tiered"`, "week = 100"} {
		if !strings.Contains(v.TOML, want) {
			t.Errorf("the scenario lacks %q", want)
		}
	}
	for _, l := range v.Levers {
		if l.Key == cliffKey && l.Value != 100 {
			t.Errorf("the funding cliff shows week %v, want 100", l.Value)
		}
	}
}

// TestWarningsReachThePage: a plausible typo in the scenario's text is
// warned of with its line and likely fix, as spsim validate does, and the
// scenario still opens; a scenario without one has no warnings; a run whose
// warm-up is shorter than the data suggest says so beside its results.
func TestWarningsReachThePage(t *testing.T) {
	s := newTestServer()
	typo := strings.Replace(small(t), "on_cost_share = 0.28", "on_cost_share = 28.0", 1)
	if typo == small(t) {
		t.Fatal("the baseline's on_cost_share is not 0.28 as the test expects")
	}
	var v scenarioView
	w := post(t, s, "/api/check", `{"toml":`+jsonString(typo)+`}`)
	if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &v) != nil {
		t.Fatalf("status %d: %s", w.Code, w.Body.String())
	}
	if len(v.Warnings) != 1 || v.Warnings[0].Line == 0 || v.Warnings[0].Key != "costs.on_cost_share" ||
		!strings.HasPrefix(v.Warnings[0].Text, "scenario.toml:") || !strings.Contains(v.Warnings[0].Text, "did you mean 0.28?") {
		t.Errorf("warnings %+v, want the on-cost share's, placed, with its likely fix", v.Warnings)
	}
	v = scenarioView{}
	w = post(t, s, "/api/check", `{"toml":`+jsonString(small(t))+`}`)
	if json.Unmarshal(w.Body.Bytes(), &v) != nil || len(v.Warnings) != 0 {
		t.Errorf("the baseline has warnings %+v", v.Warnings)
	}

	r := result(t, post(t, s, "/api/run", `{"toml":`+jsonString(small(t, "run.warmup_weeks=0"))+`}`))
	notes, _ := r["notes"].([]any)
	if len(notes) == 0 || !strings.Contains(fmt.Sprint(notes[0]), "MSER-5, a standard test of how long a run takes to settle from its starting state, suggests a warm-up of") {
		t.Errorf("a run with no warm-up has notes %v, want the warm-up suggestion's warning, MSER-5 said in plain words", notes)
	}
	// A warm-up MSER-5 finds long enough (it wavers near 78 weeks with 4
	// replications): no note.
	if r := result(t, post(t, s, "/api/run", `{"toml":`+jsonString(small(t, "run.warmup_weeks=104"))+`}`)); r["notes"] != nil {
		t.Errorf("the baseline's run has notes %v", r["notes"])
	}
}

// TestNoLinkWorkersRuns: the posts slider at 0 runs (today's caseloads
// start on the waiting list), and the page says what it means; the
// undefined wait reaches the page without breaking its JSON.
func TestNoLinkWorkersRuns(t *testing.T) {
	r := result(t, post(t, newTestServer(), "/api/run", `{"toml":`+jsonString(small(t, "workforce.link_workers=0"))+`}`))
	sentences := r["sentences"].([]any)
	if len(sentences) == 0 || !strings.HasPrefix(sentences[0].(string), "There are no link-worker caseload places: nobody is seen") {
		t.Errorf("sentences %q", sentences)
	}
}

// TestSweepByTwoLevers: a sweep by a second lever is the grid of both, a
// row per point and a line per value of the second lever, and it leads
// with the command line's reading at the grid's corners.
func TestSweepByTwoLevers(t *testing.T) {
	body := `{"toml":` + jsonString(small(t)) + `,"key":"workforce.link_workers","label":"Link-worker posts","values":[3,5],` +
		`"by":{"key":"services.wellbeing_groups.places","label":"Wellbeing groups: places","values":[40,80,120]}}`
	r := result(t, post(t, newTestServer(), "/api/sweep", body))
	rows := r["rows"].([]any)
	if len(rows) != 6 || fmt.Sprint(rows[1].([]any)[:2]) != "[3 80]" || fmt.Sprint(rows[5].([]any)[:2]) != "[5 120]" {
		t.Fatalf("rows %v, want one per point, posts then places", rows)
	}
	svg := r["chart"].(map[string]any)["svg"].(string)
	if n := strings.Count(svg, `class="band"`); n < 3*len(sweepKPIs) {
		t.Errorf("%d bands, want a line per value of places in each KPI's panel", n)
	}
	answer, _ := r["answer"].([]any)
	if len(answer) != 1+len(sweepKPIs) || answer[0] != "Changing link-worker posts from 3 to 5 and wellbeing groups: places from 40 to 120, read at the grid's corners:" {
		t.Errorf("answer %q, want the grid's corners read, a sentence per KPI", answer)
	}
	for _, c := range []struct{ body, want string }{
		{`"by":{"key":"workforce.link_workers","values":[3,4]}`, "two different keys"},
		{`"by":{"key":"services.wellbeing_groups.places","values":[10,20,30,40,50,60,70,80,90,100,110,120]}`, "points, over the workbench's"},
		{`"by":{"key":"../etc/passwd","values":[1,2]}`, "scenario key"},
		{`"by":{"key":"services.wellbeing_groups.places","values":[40]}`, "2 to 12 values"},
	} {
		body := `{"toml":` + jsonString(small(t)) + `,"key":"workforce.link_workers","values":[3,4,5,6],` + c.body + `}`
		if w := post(t, newTestServer(), "/api/sweep", body); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), c.want) {
			t.Errorf("%s: %d %.300s; want 400 with %q", c.body, w.Code, w.Body, c.want)
		}
	}
}

// TestLeverTheTimelineOverrides: moving a lever the scenario's timeline
// sets again before the KPIs start (extra-link-worker funds its fourth post
// from week 1) changes nothing the results show, and the page says so.
func TestLeverTheTimelineOverrides(t *testing.T) {
	w := post(t, newTestServer(), "/api/open", `{"name":"extra-link-worker","set":[{"key":"workforce.link_workers","value":5}]}`)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "the scenario's timeline sets it again at week 1") ||
		!strings.Contains(w.Body.String(), "set timeline.0.link_workers instead") {
		t.Errorf("%d %.600s", w.Code, w.Body)
	}
	w = post(t, newTestServer(), "/api/open", `{"name":"baseline","set":[{"key":"workforce.link_workers","value":5}]}`)
	if strings.Contains(w.Body.String(), "timeline sets it again") {
		t.Errorf("baseline has no timeline: %.600s", w.Body)
	}
}

// TestLeverSomeAreasSet: a lever moves only the areas that do not set its
// key themselves, and the page says how many keep their own, as spsim run
// --set does.
func TestLeverSomeAreasSet(t *testing.T) {
	text := "name = \"two\"\nextends = \"baseline\"\n[[areas.list]]\nname = \"A\"\nset = { \"workforce.link_workers\" = 2 }\n[[areas.list]]\nname = \"B\"\n"
	for _, c := range []struct{ key, value, want string }{
		{"workforce.link_workers", "5", "workforce.link_workers = 5: warning: 1 of the 2 areas set workforce.link_workers themselves and keep their own; the value set reaches the other 1"},
		{"workforce.fte", "0.8", ""},
	} {
		w := post(t, newTestServer(), "/api/open", `{"toml":`+jsonString(text)+`,"set":[{"key":"`+c.key+`","value":`+c.value+`}]}`)
		got := w.Body.String()
		if w.Code != http.StatusOK || c.want != "" && !strings.Contains(got, c.want) || c.want == "" && strings.Contains(got, "keep their own") {
			t.Errorf("%s: %d %.600s; want %q", c.key, w.Code, got, c.want)
		}
	}
}

// TestCompareNotes: a pin with its own seed gives way to the reference's,
// and the page says so, as spsim compare does.
func TestCompareNotes(t *testing.T) {
	text := small(t)
	other := strings.Replace(text, "seed = 1\n", "seed = 7\n", 1)
	if other == text {
		t.Fatal("the small scenario sets no seed = 1 to change")
	}
	body := `{"pins":[{"name":"a","toml":` + jsonString(text) + `},{"name":"b","toml":` + jsonString(other) + `}]}`
	r := result(t, post(t, newTestServer(), "/api/compare", body))
	notes := fmt.Sprint(r["notes"])
	if !strings.Contains(notes, "b sets run.seed = 7; compared on common random numbers, it runs with a's seed 1") {
		t.Errorf("notes %s", notes)
	}
}

// TestSweepAndPlanNotes: a sweep's and a plan's notes on the points they
// run are in the page's words, as the warnings above the results are: a
// lever the timeline sets again, a point's own warning, and never the
// command line's "warning:", --vary or --lever.
func TestSweepAndPlanNotes(t *testing.T) {
	text := small(t, "initial.active=80") + "\n[[timeline]]\nweek = 120\nlink_workers = 2\n"
	for _, tt := range []struct{ path, body, flag string }{
		{"/api/sweep", `"key":"workforce.link_workers","values":[1,4]`, "--vary"},
		{"/api/optimise", `"levers":[{"key":"workforce.link_workers","values":[1,4]}],"target":{"kpi":"wait_first_contact_p90_weeks","op":"<=","value":8}`, "--lever"},
	} {
		r := result(t, post(t, newTestServer(), tt.path, `{"toml":`+jsonString(text)+`,`+tt.body+`}`))
		notes, _ := r["notes"].([]any)
		for _, want := range []string{"Warning: at link-worker posts 4: the scenario's timeline sets it again at week 120",
			"Warning: at link-worker posts 1: initial.active = 80: more people on caseloads than there are caseload places"} {
			if !slices.ContainsFunc(notes, func(n any) bool { s, _ := n.(string); return strings.HasPrefix(s, want) }) {
				t.Errorf("%s: no note says %q: %q", tt.path, want, notes)
			}
		}
		for _, n := range notes {
			if s, _ := n.(string); !strings.HasPrefix(s, "Warning: ") || strings.Contains(s, "warning: ") || strings.Contains(s, tt.flag) {
				t.Errorf("%s: a note says %q", tt.path, s)
			}
		}
	}
}

// TestHostNamesThisMachine: by default the workbench answers only requests
// sent to this machine's own names, so that a page whose name was pointed
// at 127.0.0.1 (DNS rebinding) cannot get round the Origin check.
func TestHostNamesThisMachine(t *testing.T) {
	h := New(Options{Version: "test"})
	for _, c := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:8080", true}, {"localhost:8080", true}, {"[::1]:8080", true}, {"LOCALHOST", true},
		{"app.localhost:8080", true}, {"127.0.0.2:80", true},
		{"evil.example:8080", false}, {"192.168.1.5:8080", false}, {"localhost.evil.example", false}, {"127.0.0.1.evil.example:8080", false},
	} {
		req := httptest.NewRequest(http.MethodPost, "/api/open", strings.NewReader(`{"name":"baseline"}`))
		req.Host = c.host
		req.Header.Set("Origin", "http://"+c.host)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if ok := w.Code == http.StatusOK; ok != c.ok {
			t.Errorf("Host %s: %d %.200s; want answered %v", c.host, w.Code, w.Body, c.ok)
		}
	}
}

// TestLeversThatVary: the Sweep and Cheapest plan tabs offer only the
// levers they can vary: not the funding cliff (the page's own control) nor
// the seed and replications every point shares.
func TestLeversThatVary(t *testing.T) {
	w := post(t, newTestServer(), "/api/open", `{"name":"baseline"}`)
	var r map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	varies := map[string]bool{}
	for _, l := range r["levers"].([]any) {
		m := l.(map[string]any)
		varies[m["key"].(string)] = m["varies"].(bool)
	}
	for key, want := range map[string]bool{"workforce.link_workers": true, "demand.referrals_per_week": true,
		"funding_cliff.week": false, "run.seed": false, "run.replications": false} {
		if got, ok := varies[key]; !ok || got != want {
			t.Errorf("%s: varies %v (offered %v), want %v", key, got, ok, want)
		}
	}
}

// TestWorkbenchLimitsItsRequests: a request estimated between the
// workbench's limit and the command line's (50,000 referrals a week for
// 20 replications, about 4e9 events) is refused, naming the workbench's
// limit; before, the workbench's own limits were read nowhere and such a
// run tied up the server for many minutes.
func TestWorkbenchLimitsItsRequests(t *testing.T) {
	w := post(t, newTestServer(), "/api/run", `{"toml":`+jsonString(small(t, "run.replications=20", "demand.referrals_per_week=50000"))+`}`)
	if w.Code == http.StatusOK || !strings.Contains(w.Body.String(), "too large for the workbench") || !strings.Contains(w.Body.String(), "(limit 2 billion)") {
		t.Errorf("%d %s, want a refusal naming the workbench's limit of 2 billion events", w.Code, w.Body.String())
	}
}

// TestDuplicateKey: a key twice in one object is found wherever the object
// is; the same key in two objects, or as a value, is not twice.
func TestDuplicateKey(t *testing.T) {
	for _, c := range []struct {
		json, key string
		twice     bool
	}{
		{`{"a":1,"b":2}`, "", false},
		{`{"a":1,"a":2}`, "a", true},
		{`{"name":"baseline","Name":"tiered"}`, "Name", true}, // encoding/json matches keys ignoring case
		{`{"a":{"b":1},"b":{"b":2}}`, "", false},
		{`{"a":[{"k":1},{"k":2}]}`, "", false},
		{`{"a":[{"k":1,"k":2}]}`, "k", true},
		{`{"a":"a","b":"a"}`, "", false},
		{`{"a":{"x":[1,{"y":[]}]},"c":3,"a":0}`, "a", true},
		{`[{"a":1},{"a":1}]`, "", false},
		{`{"a":`, "", false}, // not JSON: the decoder says so
	} {
		if k, twice := duplicateKey([]byte(c.json)); k != c.key || twice != c.twice {
			t.Errorf("duplicateKey(%s) = %q, %v; want %q, %v", c.json, k, twice, c.key, c.twice)
		}
	}
}

// TestDeepNestingRefusedBeforeParsing: a scenario nested deeper than the
// loader allows is refused before any TOML parser reads it. Parsing first
// (to read extends) took time and memory far beyond the depth's: 4.5 s and
// 440 MB for a 3,000-deep inline table, 23 GB for 60,000 (240 KB, under
// the size limit). The test holds the memory, which does not depend on
// the machine's speed.
func TestDeepNestingRefusedBeforeParsing(t *testing.T) {
	h := newTestServer()
	deep := func(n int) string { return strings.Repeat("{b=", n) + "1" + strings.Repeat("}", n) }
	for _, tt := range []struct{ name, toml string }{
		{"inline tables", "name = \"x\"\na = " + deep(3000) + "\n"},
		{"inline tables after extends", "name = \"x\"\nextends = \"/etc/passwd\"\na = " + deep(3000) + "\n"},
		{"arrays", "name = \"x\"\na = " + strings.Repeat("[", 3000) + strings.Repeat("]", 3000) + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"toml":` + jsonString(tt.toml) + `}`
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			w := post(t, h, "/api/open", body)
			runtime.ReadMemStats(&after)
			if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "nested too deeply") {
				t.Errorf("status %d: %s", w.Code, w.Body)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
				t.Errorf("refusing it allocated %d MB; want it refused before parsing", got>>20)
			}
		})
	}
}
