package workbench

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/spsim/spsim/calibrate"
)

// extractCSV is a referral extract drawn from known parameters, with
// groups named as given and one referral in five inappropriate.
func extractCSV(p calibrate.Params, weeks int, groups ...string) string {
	from := time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	b.WriteString("Referral date,Group,Profile,Outcome\r\n")
	for i, r := range calibrate.Synthetic(p, from, weeks, 7) {
		outcome := "accepted"
		if i%5 == 0 {
			outcome = "inappropriate"
		}
		profile := []string{"complex", "moderate", "moderate", "low"}[i%4]
		fmt.Fprintf(&b, "%s,%s,%s,%s\r\n", r.Date.Format("02/01/2006"), groups[i%len(groups)], profile, outcome)
	}
	return b.String()
}

func calibrateBody(file, data, toml string) string {
	b, _ := json.Marshal(calibrateRequest{File: file, Data: []byte(data), TOML: toml})
	return string(b)
}

// TestCalibrateFitsAnExtract: an extract uploaded in the browser is fitted
// as spsim calibrate fits it, the truth lies within the intervals shown,
// and the settings it returns set the scenario that then runs.
func TestCalibrateFitsAnExtract(t *testing.T) {
	h := newTestServer()
	truth := calibrate.Params{Base: 30, Growth: 0.05, Amplitude: 0.15, Peak: 20}
	page := small(t)
	w := post(t, h, "/api/calibrate", calibrateBody(`C:\exports\referrals.csv`, extractCSV(truth, 156, "most_deprived", "rest", "rest"), page))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body.String())
	}
	var v calibrationView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.File != "referrals.csv" || v.Weeks != 156 || !strings.Contains(v.Chart.SVG, "data:image/svg+xml;base64,") {
		t.Fatalf("file %q, %d weeks, chart %.80s", v.File, v.Weeks, v.Chart.SVG)
	}
	set := map[string]float64{}
	mixes := map[string]map[string]any{}
	for _, s := range v.Set {
		if m, ok := s.Value.(map[string]any); ok {
			mixes[s.Key] = m
			continue
		}
		set[s.Key] = s.Value.(float64)
	}
	if m := mixes["groups.rest.profile_mix"]; len(m) != 3 || m["moderate"].(float64) < 0.45 || m["moderate"].(float64) > 0.55 {
		t.Errorf("the rest's profile mix %v, truth complex 1/4, moderate 1/2, low 1/4", m)
	}
	for _, r := range v.Rows {
		if r.Value == "" || r.Interval == "" || r.Label == "" {
			t.Errorf("row %+v lacks words", r)
		}
	}
	if b := set["demand.referrals_per_week"]; b < 27 || b > 33 {
		t.Errorf("referrals_per_week %v, truth 30", b)
	}
	if s := set["demand.inappropriate_share"]; s < 0.18 || s > 0.22 {
		t.Errorf("inappropriate_share %v, truth 0.2", s)
	}
	if s := set["groups.rest.share"]; s < 0.64 || s > 0.69 || set["groups.rest.share"]+set["groups.most_deprived.share"] != 1 {
		t.Errorf("group shares %v and %v, truth 2/3 and 1/3", s, set["groups.most_deprived.share"])
	}
	if len(v.Sentences) < 3 || !strings.Contains(v.Sentences[1], "a week at the start of the run") {
		t.Errorf("sentences %q", v.Sentences)
	}
	// Applied to the page's scenario, the settings are what runs.
	sets, _ := json.Marshal(v.Set)
	w = post(t, h, "/api/check", `{"toml":`+jsonString(page)+`,"set":`+string(sets)+`}`)
	if w.Code != http.StatusOK {
		t.Fatalf("applying the fit: %d %s", w.Code, w.Body.String())
	}
	var sv scenarioView
	if err := json.Unmarshal(w.Body.Bytes(), &sv); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{fmt.Sprintf("referrals_per_week = %v", set["demand.referrals_per_week"]),
		fmt.Sprintf("seasonal_peak_week = %v", set["demand.seasonal_peak_week"]),
		fmt.Sprintf("moderate = %v", mixes["groups.rest.profile_mix"]["moderate"])} {
		if !strings.Contains(sv.TOML, want) {
			t.Errorf("the scenario after applying lacks %q", want)
		}
	}
}

// TestCalibrateRefuses: an extract that cannot be read or fitted is
// refused naming the line and column; groups that are not the scenario's
// are shown and not applied.
func TestCalibrateRefuses(t *testing.T) {
	h := newTestServer()
	short := extractCSV(calibrate.Params{Base: 30}, 5, "rest")
	cases := []struct {
		name, body string
		code       int
		want       string
	}{
		{"empty", calibrateBody("r.csv", "", ""), 422, "r.csv is empty"},
		{"bad date", calibrateBody("r.csv", "date\n2024-01-01\n2024-31-12\n", ""), 422, "r.csv: line 3, column 1 (date)"},
		{"no date column", calibrateBody("r.csv", "when\n2024-01-01\n", ""), 422, "no date column"},
		{"too few weeks", calibrateBody("r.csv", short, ""), 422, "r.csv: "},
		{"not base64", `{"file":"r.csv","data":"%%%"}`, 400, "not the JSON the page sends"},
		{"a path is only a name", calibrateBody("../../etc/passwd", "date\nx\n", ""), 422, "passwd: line 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := post(t, h, "/api/calibrate", c.body)
			if w.Code != c.code || !strings.Contains(w.Body.String(), c.want) {
				t.Fatalf("%d %s; want %d with %q", w.Code, w.Body.String(), c.code, c.want)
			}
			if strings.Contains(w.Body.String(), "../") {
				t.Errorf("the answer echoes a path: %s", w.Body.String())
			}
		})
	}
	w := post(t, h, "/api/calibrate", calibrateBody("r.csv", extractCSV(calibrate.Params{Base: 30}, 60, "north", "south"), small(t)))
	var v calibrationView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil || w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	for _, s := range v.Set {
		if strings.HasPrefix(s.Key, "groups.") {
			t.Errorf("a group that is not the scenario's is applied: %s", s.Key)
		}
	}
	if len(v.Groups) != 2 || !strings.Contains(strings.Join(v.Notes, " "), "not the scenario's") {
		t.Errorf("groups %v, notes %q", v.Groups, v.Notes)
	}
}

// TestCalibrateTakesLargeExtracts: an extract over the scenario body limit
// is within the extract limit.
func TestCalibrateTakesLargeExtracts(t *testing.T) {
	h := New(Options{AnyHost: true, Limits: Limits{BodyBytes: 1 << 10, ExtractBytes: 4 << 20, ScenarioBytes: 1 << 10, Replications: 1, Waiting: 1}})
	data := extractCSV(calibrate.Params{Base: 40}, 60, "rest")
	if len(base64.StdEncoding.EncodeToString([]byte(data))) < 4<<10 {
		t.Fatalf("the extract is too small to test the limit")
	}
	if w := post(t, h, "/api/calibrate", calibrateBody("r.csv", data, "")); w.Code != http.StatusOK {
		t.Fatalf("%d %.200s", w.Code, w.Body.String())
	}
	if w := post(t, h, "/api/check", `{"toml":`+jsonString(strings.Repeat("#", 2<<10))+`}`); w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("a scenario over the body limit: %d", w.Code)
	}
}

// TestCalibrateTakesTheCommandLinesOptions: the page's window and switches
// fit as spsim calibrate's --from, --to, --no-growth and --no-season do:
// the same weeks, and growth and seasons fixed at 0; a date it cannot read
// is refused.
func TestCalibrateTakesTheCommandLinesOptions(t *testing.T) {
	h := newTestServer()
	data := extractCSV(calibrate.Params{Base: 30, Growth: 0.05, Amplitude: 0.15, Peak: 20}, 156, "rest")
	body, _ := json.Marshal(calibrateRequest{File: "r.csv", Data: []byte(data), From: "2023-07-03", To: "2025-06-29", NoGrowth: true, NoSeason: true})
	w := post(t, h, "/api/calibrate", string(body))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body.String())
	}
	var v calibrationView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	x, err := calibrate.Read("r.csv", strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	from, _ := calibrate.ParseDate("2023-07-03")
	to, _ := calibrate.ParseDate("2025-06-29")
	f, err := calibrate.FitExtract(x, calibrate.Options{From: from, To: to, NoGrowth: true, NoSeason: true})
	if err != nil {
		t.Fatal(err)
	}
	if v.Weeks != f.Weeks || v.Referrals != f.Referrals {
		t.Errorf("the page fitted %d referrals in %d weeks; the command line's options, %d in %d", v.Referrals, v.Weeks, f.Referrals, f.Weeks)
	}
	fixed := 0
	for _, s := range v.Set {
		if s.Key == "demand.annual_growth" || s.Key == "demand.seasonal_amplitude" {
			fixed++
			if s.Value.(float64) != 0 {
				t.Errorf("%s = %v, want 0 (fixed)", s.Key, s.Value)
			}
		}
	}
	if fixed != 2 {
		t.Errorf("settings %+v: want growth and seasons set, at 0", v.Set)
	}
	bad, _ := json.Marshal(calibrateRequest{File: "r.csv", Data: []byte(data), From: "13/13/2024"})
	if w := post(t, h, "/api/calibrate", string(bad)); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "from") {
		t.Errorf("a date it cannot read: %d %s", w.Code, w.Body.String())
	}
}
