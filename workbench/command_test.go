package workbench

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// spsimBinary builds the command line into a folder of the test's.
func spsimBinary(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "spsim"), "github.com/spsim/spsim/cmd/spsim")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestTabCommandsWriteTheTabsFiles: the command line a tab shows beside
// its downloads, run as shown in a folder holding the tab's scenario.toml
// download, writes the same table as the tab's download, byte for byte.
// Before, the page named no command, and spsim sweep or sensitivity
// without the page's --kpi (and the screening's replications) wrote other
// tables.
func TestTabCommandsWriteTheTabsFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds spsim and runs a sweep, a screening and a plan three times each")
	}
	bin := spsimBinary(t)
	h := newTestServer()
	for _, c := range []struct {
		kind, api, download, table string
		req                        any
		want                       []string // in the command
	}{
		{"sweep", "/api/sweep", "/api/download-sweep", "sweep.csv",
			sweepRequest{TOML: small(t), Key: "workforce.link_workers", Values: []float64{3, 5}},
			[]string{"spsim sweep sweep-scenario.toml --vary workforce.link_workers=3,5 --kpi wait_first_contact_mean_weeks --kpi ", " --seed 1 --replications 4"}},
		{"screening", "/api/sensitivity", "/api/download-drivers", "sensitivity.csv",
			sensitivityRequest{TOML: small(t), Inputs: []inputRange{{Key: "demand.referrals_per_week", Lo: 15, Hi: 25}}},
			[]string{"spsim sensitivity screening-scenario.toml --method morris --vary demand.referrals_per_week=15..25 --kpi wait_first_contact_p90_weeks --kpi needs_met --kpi leavers --trajectories 10 --reps 3 --seed 1"}},
		{"plan", "/api/optimise", "/api/download-plan", "optimise.csv",
			optimiseRequest{TOML: small(t), Levers: []leverValues{{Key: "workforce.link_workers", Values: []float64{3, 4}}},
				Target: optimiseTarget{KPI: "wait_first_contact_p90_weeks", Op: "<=", Value: 6}},
			[]string{"spsim optimise plan-scenario.toml --lever workforce.link_workers=3,4 --target 'wait_first_contact_p90_weeks<=6' --confidence 0.95 --first 10 --max-replications 500 --seed 1"}},
	} {
		body, _ := json.Marshal(c.req)
		command, _ := result(t, post(t, h, c.api, string(body)))["command"].(string)
		for _, w := range c.want {
			if !strings.Contains(command, w) {
				t.Errorf("%s: the command %q lacks %q", c.kind, command, w)
			}
		}
		get := func(file string) []byte {
			w := postForm(h, c.download, url.Values{"request": {string(body)}, "file": {file}})
			if w.Code != 200 {
				t.Fatalf("%s: %s: %d %s", c.kind, file, w.Code, w.Body)
			}
			return w.Body.Bytes()
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, scenarioFile(c.kind)), get("scenario.toml"), 0o644); err != nil {
			t.Fatal(err)
		}
		run := exec.Command("bash", "-c", command+" --quiet")
		run.Dir, run.Env = dir, append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		if out, err := run.CombinedOutput(); err != nil {
			t.Errorf("%s: %s: %v\n%s", c.kind, command, err, out)
			continue
		}
		tables, _ := filepath.Glob(filepath.Join(dir, "out", "*", c.table))
		if len(tables) != 1 {
			t.Errorf("%s: the command wrote %d of %s", c.kind, len(tables), c.table)
			continue
		}
		cli, _ := os.ReadFile(tables[0])
		if page := get(c.table); !bytes.Equal(page, cli) {
			t.Errorf("%s: the page's %s (%d bytes) is not the command line's (%d bytes):\n%.400s\n---\n%.400s", c.kind, c.table, len(page), len(cli), page, cli)
		}
	}
}
