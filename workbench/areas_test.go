package workbench

import (
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
	if head[1] != "Wait to first contact, mean" {
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
