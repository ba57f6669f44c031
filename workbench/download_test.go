package workbench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/study"
)

// postForm posts a form, as the page's download forms do.
func postForm(h http.Handler, path string, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// TestDownloads: the TOML the page offers loads as it is, and result files
// are the command line's.
func TestDownloads(t *testing.T) {
	h := newTestServer()
	text := small(t, "workforce.link_workers=5")
	get := func(file, toml string) *httptest.ResponseRecorder {
		return postForm(h, "/api/download", url.Values{"toml": {toml}, "file": {file}})
	}
	w := get("scenario.toml", text)
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Disposition"), "baseline-scenario.toml") {
		t.Fatalf("scenario.toml: %d %v", w.Code, w.Header())
	}
	path := filepath.Join(t.TempDir(), "s.toml")
	os.WriteFile(path, w.Body.Bytes(), 0o600)
	cfg, err := scenarios.LoadFile(path)
	if err != nil {
		t.Fatalf("the downloaded TOML does not load: %v", err)
	}
	if cfg.Workforce.LinkWorkers != 5 || cfg.Run.Replications != 4 {
		t.Errorf("downloaded scenario has %d link workers and %d replications", cfg.Workforce.LinkWorkers, cfg.Run.Replications)
	}
	for file, want := range map[string]string{"summary.csv": "kpi,mean,ci_low", "weekly.csv": "replication,week", "report.html": "<html",
		"summary.json": `"scenario"`, "results.xlsx": "PK\x03\x04"} {
		w := get(file, text)
		if w.Code != 200 || !strings.Contains(w.Body.String(), want) {
			t.Errorf("%s: %d %.200s", file, w.Code, w.Body.String())
		}
	}
	// The workbook is the command line's: it opens, and leads with what
	// the run found.
	book, err := excelize.OpenReader(bytes.NewReader(get("results.xlsx", text).Body.Bytes()))
	if err != nil {
		t.Fatalf("results.xlsx does not open: %v", err)
	}
	if rows, _ := book.GetRows("Summary"); !strings.Contains(fmt.Sprint(rows), "What the run found") {
		t.Errorf("results.xlsx's summary: %.300v", rows)
	}
	if w := get("areas.csv", text); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "several areas") {
		t.Errorf("areas.csv of one area: %d %s", w.Code, w.Body.String())
	}
	areas := strings.Replace(text, "[areas]", "[areas]\ncount = 3", 1)
	if !strings.Contains(areas, "count = 3") {
		areas = text + "\n[areas]\ncount = 3\n"
	}
	if w := get("areas.csv", areas); w.Code != 200 || !strings.HasPrefix(w.Body.String(), "area,kpi,mean") {
		t.Errorf("areas.csv of three areas: %d %.200s", w.Code, w.Body.String())
	}
	for _, c := range []struct {
		file, toml string
		code       int
	}{{"passwd", text, 404}, {"../summary.csv", text, 404}, {"summary.csv", "[x", 422}, {"summary.csv", "", 422}} {
		if w := get(c.file, c.toml); w.Code != c.code {
			t.Errorf("download %q of %q: %d, want %d", c.file, c.toml, w.Code, c.code)
		}
	}
	big := strings.Repeat("x", int(DefaultLimits.BodyBytes)+10)
	if w := get("summary.csv", big); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("an oversized download request: %d, want 413", w.Code)
	}
}

// TestDownloadComparison: the page's comparison downloads as spsim compare
// writes it: the workbook opens and leads with the verdict, compare.csv is
// the command line's, and a bad request or file is refused.
func TestDownloadComparison(t *testing.T) {
	h := newTestServer()
	three, five := small(t), small(t, "workforce.link_workers=5")
	req, _ := json.Marshal(compareRequest{Pins: []pin{{Name: "three", TOML: three}, {Name: "five", TOML: five}}})
	get := func(file, request string) *httptest.ResponseRecorder {
		return postForm(h, "/api/download-compare", url.Values{"request": {request}, "file": {file}})
	}
	w := get("results.xlsx", string(req))
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Disposition"), "comparison-results.xlsx") {
		t.Fatalf("results.xlsx: %d %v %.200s", w.Code, w.Header(), w.Body.String())
	}
	book, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatalf("the comparison's workbook does not open: %v", err)
	}
	if rows, _ := book.GetRows("Summary"); !strings.Contains(fmt.Sprint(rows), "five costs") {
		t.Errorf("the comparison's workbook does not lead with the verdict: %.300v", rows)
	}
	if w := get("compare.csv", string(req)); w.Code != 200 || !strings.HasPrefix(w.Body.String(), "kpi,") || !strings.Contains(w.Body.String(), "five") {
		t.Errorf("compare.csv: %d %.200s", w.Code, w.Body.String())
	}
	// The report lists each pin's scenario by its name, as the command
	// line lists A.toml and B.toml, not scenario.toml twice.
	if w := get("report.html", string(req)); w.Code != 200 || !strings.Contains(w.Body.String(), "three.toml") || !strings.Contains(w.Body.String(), "five.toml") {
		t.Errorf("report.html: %d; lists its scenarios' files as %q", w.Code, regexp.MustCompile(`[a-z0-9-]+\.toml`).FindAllString(w.Body.String(), -1))
	}
	for _, c := range []struct {
		file, request string
		code          int
	}{{"passwd", string(req), 404}, {"compare.csv", "{", 400}, {"compare.csv", `{"pins":[]}`, 400}} {
		if w := get(c.file, c.request); w.Code != c.code {
			t.Errorf("download %q of %q: %d, want %d", c.file, c.request, w.Code, c.code)
		}
	}
}

// TestDownloadComparisonAreas: a comparison of scenarios of several areas
// downloads compare_areas.csv, each area's paired difference as spsim
// compare writes it; one of scenarios of one area has none, and says so.
func TestDownloadComparisonAreas(t *testing.T) {
	h := newTestServer()
	get := func(pins ...pin) *httptest.ResponseRecorder {
		req, _ := json.Marshal(compareRequest{Pins: pins})
		return postForm(h, "/api/download-compare", url.Values{"request": {string(req)}, "file": {"compare_areas.csv"}})
	}
	w := get(pin{Name: "three", TOML: small(t, "areas.count=3")}, pin{Name: "five", TOML: small(t, "areas.count=3", "workforce.link_workers=5")})
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Disposition"), `filename="comparison-compare_areas.csv"`) ||
		!strings.HasPrefix(w.Body.String(), "area,kpi,scenario,reference,diff_mean,diff_ci_low,diff_ci_high,n,unit,effect\n") ||
		strings.Count(w.Body.String(), ",five,three,") != 3*3 {
		t.Errorf("compare_areas.csv: %d %v %.400s", w.Code, w.Header(), w.Body.String())
	}
	if w := get(pin{Name: "three", TOML: small(t)}, pin{Name: "five", TOML: small(t, "workforce.link_workers=5")}); w.Code != 404 || !strings.Contains(w.Body.String(), "for scenarios of several areas") {
		t.Errorf("compare_areas.csv of scenarios of one area: %d %.300s; want 404 saying why", w.Code, w.Body.String())
	}
}

// TestDownloadSweep: the page's sweep downloads as spsim sweep writes it,
// and only the sweep's own table.
func TestDownloadSweep(t *testing.T) {
	h := newTestServer()
	req, _ := json.Marshal(sweepRequest{TOML: small(t), Key: "workforce.link_workers", Values: []float64{3, 5}})
	get := func(file string) *httptest.ResponseRecorder {
		return postForm(h, "/api/download-sweep", url.Values{"request": {string(req)}, "file": {file}})
	}
	w := get("results.xlsx")
	book, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
	if w.Code != 200 || err != nil {
		t.Fatalf("results.xlsx: %d %v", w.Code, err)
	}
	if rows, _ := book.GetRows("Summary"); !strings.Contains(fmt.Sprint(rows), "Changing link-worker posts from 3 to 5") {
		t.Errorf("the sweep's workbook does not lead with its answer: %.300v", rows)
	}
	if w := get("sweep.csv"); w.Code != 200 || !strings.Contains(w.Body.String(), "workforce.link_workers") {
		t.Errorf("sweep.csv: %d %.200s", w.Code, w.Body.String())
	}
	if w := get("compare.csv"); w.Code != 404 {
		t.Errorf("a sweep's compare.csv: %d, want 404", w.Code)
	}
	// By a second lever: the grid, as spsim sweep writes it.
	req, _ = json.Marshal(sweepRequest{TOML: small(t), Key: "workforce.link_workers", Values: []float64{3, 5},
		By: &sweepLever{Key: "services.wellbeing_groups.places", Values: []float64{40, 120}}})
	if w := get("sweep.csv"); w.Code != 200 || !strings.HasPrefix(w.Body.String(), "workforce.link_workers,services.wellbeing_groups.places,kpi,") {
		t.Errorf("a two-lever sweep.csv: %d %.200s", w.Code, w.Body.String())
	}
	if w := get("report.html"); w.Code != 200 || !strings.Contains(w.Body.String(), "read at the grid") {
		t.Errorf("a two-lever sweep's report: %d, without its corners' reading", w.Code)
	}
}

// TestDownloadsAreTheCommandLines: a built-in scenario opened in the page
// downloads the files spsim run writes for it, byte for byte: the
// scenario, its tables and the workbook (the report records when it ran).
func TestDownloadsAreTheCommandLines(t *testing.T) {
	h := newTestServer()
	var opened struct{ TOML string }
	if err := json.Unmarshal(post(t, h, "/api/open", `{"name":"vcse-investment"}`).Body.Bytes(), &opened); err != nil || opened.TOML == "" {
		t.Fatalf("open: %v", err)
	}
	cli, err := study.Run(context.Background(), study.RunSpec{Ref: "vcse-investment", Options: study.Options{Jobs: 2, Version: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := []string{"scenario.toml", "summary.csv", "summary.json", "weekly.csv", "results.xlsx"}
	if err := output.WriteRun(dir, cli, study.Outputs{study.Scenario: true, study.Summary: true, study.Weekly: true, study.XLSX: true}); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		want, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		w := postForm(h, "/api/download", url.Values{"toml": {opened.TOML}, "file": {f}})
		if w.Code != 200 || !bytes.Equal(w.Body.Bytes(), want) {
			t.Errorf("%s: the page's download (%d, %d bytes) is not the command line's (%d bytes)", f, w.Code, w.Body.Len(), len(want))
		}
	}
}

// TestStudyDownloadsInThePagesWords: a study's report and workbook
// downloaded from the page give the page's advice where the page offers
// what the command line's asks for. A sweep's report said "confirm a
// single surprising point with more replications or with spsim compare"
// and "Run a point with spsim run"; a screening's, "add replications
// (spsim sensitivity --reps)", which the page cannot. The numbers and the
// CSVs are the command line's.
func TestStudyDownloadsInThePagesWords(t *testing.T) {
	h := newTestServer()
	sweep, _ := json.Marshal(sweepRequest{TOML: small(t), Key: "workforce.link_workers", Values: []float64{3, 5}})
	compare, _ := json.Marshal(compareRequest{Pins: []pin{{Name: "three", TOML: small(t)}, {Name: "five", TOML: small(t, "workforce.link_workers=5")}}})
	get := func(path, request, file string) string {
		t.Helper()
		w := postForm(h, path, url.Values{"request": {request}, "file": {file}})
		if w.Code != http.StatusOK {
			t.Fatalf("%s %s: %d %.300s", path, file, w.Code, w.Body.String())
		}
		if file != "results.xlsx" {
			return w.Body.String()
		}
		book, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
		if err != nil {
			t.Fatalf("%s %s does not open: %v", path, file, err)
		}
		defer book.Close()
		var cells []string
		for _, sheet := range book.GetSheetList() {
			rows, err := book.GetRows(sheet)
			if err != nil {
				t.Fatalf("%s %s, sheet %s: %v", path, file, sheet, err)
			}
			cells = append(cells, fmt.Sprint(rows))
		}
		return strings.Join(cells, "\n")
	}
	confirm := "so confirm a single surprising point with more replications or by pinning it and its neighbours and comparing them (the Compare tab)."
	for _, c := range []struct {
		what, path, request, file string
		want                      []string
	}{
		{"a sweep's report", "/api/download-sweep", string(sweep), "report.html",
			[]string{confirm, "Run a point alone (its value set on the left, on the Results tab) for its MSER-5 warm-up suggestion"}},
		{"a sweep's workbook", "/api/download-sweep", string(sweep), "results.xlsx", []string{confirm, "Changing link-worker posts from 3 to 5"}},
		{"a comparison's report", "/api/download-compare", string(compare), "report.html",
			[]string{"Run each scenario alone (on the Results tab) for its MSER-5 warm-up suggestion"}},
		{"a comparison's workbook", "/api/download-compare", string(compare), "results.xlsx", []string{"five costs"}},
	} {
		t.Run(c.what, func(t *testing.T) {
			got := get(c.path, c.request, c.file)
			for _, want := range c.want {
				if !strings.Contains(got, want) {
					t.Errorf("no %q", want)
				}
			}
			for _, cli := range []string{"with spsim compare", "with spsim run", "(spsim compare)"} {
				if strings.Contains(got, cli) {
					t.Errorf("it says %q", cli)
				}
			}
		})
	}
}

// TestStudyWords: the command line's advice in a study's files, as the
// page says it, alone and inside the HTML or XML around it.
func TestStudyWords(t *testing.T) {
	for _, c := range []struct{ cli, page string }{
		{"<p>… by chance alone, so confirm a single surprising point with more replications or with spsim compare.</p>",
			"<p>… by chance alone, so confirm a single surprising point with more replications or by pinning it and its neighbours and comparing them (the Compare tab).</p>"},
		{"<si><t>That is large: add replications (spsim sensitivity --reps) before trusting the ranking.</t></si>",
			"<si><t>That is large: add replications before trusting the ranking, on the command line (spsim sensitivity --reps).</t></si>"},
		{"(more trajectories (spsim sensitivity --trajectories) may tell them apart)",
			"(more trajectories may tell them apart, on the command line (spsim sensitivity --trajectories))"},
		{"Run a point with spsim run for its MSER-5 warm-up suggestion.",
			"Run a point alone (its value set on the left, on the Results tab) for its MSER-5 warm-up suggestion, in its report.html."},
		{"spsim sweep: baseline", "spsim sweep: baseline"}, // the title names what wrote it
	} {
		if got := studyWords(c.cli); got != c.page {
			t.Errorf("studyWords(%q)\n = %q\nwant %q", c.cli, got, c.page)
		}
	}
}

// TestCompareViewOffersAreasOnlyWithAreas: the page shows the
// compare_areas.csv button (its "areas" flag) for pins of several areas
// only, where the file exists; for pins of one it would fetch a 404.
func TestCompareViewOffersAreasOnlyWithAreas(t *testing.T) {
	h := newTestServer()
	for _, c := range []struct {
		pins []pin
		want bool
	}{
		{[]pin{{Name: "three", TOML: small(t, "areas.count=3")}, {Name: "five", TOML: small(t, "areas.count=3", "workforce.link_workers=5")}}, true},
		{[]pin{{Name: "three", TOML: small(t)}, {Name: "five", TOML: small(t, "workforce.link_workers=5")}}, false},
	} {
		body, _ := json.Marshal(compareRequest{Pins: c.pins})
		r := result(t, post(t, h, "/api/compare", string(body)))
		if got, _ := r["areas"].(bool); got != c.want {
			t.Errorf("pins %s and %s: areas %v, want %v", c.pins[0].TOML[:20], c.pins[1].Name, got, c.want)
		}
	}
}
