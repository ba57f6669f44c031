package workbench

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestDownloadRequestsReadAsStrictlyAsTheTabs: a download form's request
// is read as the tab's own call reads it. It was read leniently: a field
// the page never sends was dropped without a word (a sweep's "By" grid
// misspelt "by_" downloaded a sweep of one lever), and a wrong type was
// told in Go's words ("cannot unmarshal string into Go struct field
// sweepRequest.values of type float64").
func TestDownloadRequestsReadAsStrictlyAsTheTabs(t *testing.T) {
	h := newTestServer()
	toml := jsonString(small(t))
	sweep := `"key":"workforce.link_workers","values":[3,5]`
	for _, c := range []struct {
		name, live, download, file, request, want string
	}{
		{"unknown field", "/api/sweep", "/api/download-sweep", "sweep.csv",
			`{"toml":` + toml + `,` + sweep + `,"by_":{"key":"demand.referrals_per_week","values":[15,25]}}`, `unknown field "by_"`},
		{"wrong type", "/api/sweep", "/api/download-sweep", "sweep.csv",
			`{"toml":` + toml + `,"key":"workforce.link_workers","values":[3,"5"]}`, "values: want a number, got string"},
		{"more after the value", "/api/sweep", "/api/download-sweep", "scenario.toml",
			`{"toml":` + toml + `,` + sweep + `} {}`, "more after the request's one value"},
		{"empty", "/api/compare", "/api/download-compare", "compare.csv", ``, "it is empty"},
		{"not an object", "/api/optimise", "/api/download-plan", "scenario.toml", `[1]`, "want an object, got array"},
		{"number too large", "/api/sensitivity", "/api/download-drivers", "scenario.toml",
			`{"toml":` + toml + `,"inputs":[{"key":"workforce.leaving_hazard_per_year","lo":0.1,"hi":1e400}]}`, "1e400 is too large a number to read"},
		{"key twice", "/api/sweep", "/api/download-sweep", "scenario.toml",
			`{"toml":` + toml + `,` + sweep + `,"key":"demand.referrals_per_week"}`, `"key" is given twice`},
	} {
		t.Run(c.name, func(t *testing.T) {
			live := post(t, h, c.live, c.request)
			dl := postForm(h, c.download, url.Values{"request": {c.request}, "file": {c.file}})
			for _, w := range []struct {
				face string
				code int
				body string
			}{{c.live, live.Code, live.Body.String()}, {c.download, dl.Code, dl.Body.String()}} {
				var e apiError
				if w.code != http.StatusBadRequest || json.Unmarshal([]byte(w.body), &e) != nil || !strings.Contains(e.Error, c.want) {
					t.Errorf("%s answered %d %.300s; want 400 saying %q", w.face, w.code, w.body, c.want)
				}
				if strings.Contains(w.body, "Go struct") || strings.Contains(w.body, "json:") {
					t.Errorf("%s says it in Go's words: %.300s", w.face, w.body)
				}
			}
		})
	}
}
