package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentRunsIntoOneFolderNeverMix: two runs with different seeds
// into one -o at the same time leave the files of one whole run, never
// one run's summary beside the other's weekly table.
func TestConcurrentRunsIntoOneFolderNeverMix(t *testing.T) {
	root := t.TempDir()
	ref := map[string]string{}
	for _, seed := range []string{"1", "2"} {
		ref[seed] = filepath.Join(root, "seed"+seed)
		spsim(t, "run", short, "--replications", "2", "--seed", seed, "-o", ref[seed], "--quiet")
	}
	for trial := range 6 {
		dir := filepath.Join(root, fmt.Sprint("shared", trial))
		var wg sync.WaitGroup
		codes := make([]int, 2)
		for i, seed := range []string{"1", "2"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var out, errb bytes.Buffer
				codes[i] = Main([]string{"run", short, "--replications", "2", "--seed", seed, "-o", dir, "--force", "--quiet"}, &out, &errb)
				if codes[i] != 0 && !strings.Contains(errb.String(), "another spsim run is writing") {
					t.Errorf("run with seed %s: exit %d, %s", seed, codes[i], errb.String())
				}
			}()
		}
		wg.Wait()
		if codes[0] != 0 && codes[1] != 0 {
			t.Fatalf("trial %d: both runs failed", trial)
		}
		matches := 0
		for _, seed := range []string{"1", "2"} {
			if sameFiles(t, dir, ref[seed]) {
				matches++
			}
		}
		if matches != 1 {
			t.Fatalf("trial %d: the folder holds %v, not the whole of one run", trial, files(t, dir))
		}
	}
}

// sameFiles reports whether two folders hold the same files with the same
// bytes, the report aside.
func sameFiles(t *testing.T, a, b string) bool {
	na, nb := files(t, a), files(t, b)
	if strings.Join(na, ",") != strings.Join(nb, ",") {
		return false
	}
	for _, name := range na {
		if name == "report.html" {
			continue
		}
		ba, _ := os.ReadFile(filepath.Join(a, name))
		bb, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(ba, bb) {
			return false
		}
	}
	return true
}

// TestForceReplacesOnlySpsimsFiles: --force removes an earlier command's
// files, says so, and refuses a folder holding anyone else's.
func TestForceReplacesOnlySpsimsFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	spsim(t, "compare", short, shortExtra, "--replications", "2", "-o", dir, "--quiet")
	_, stderr := spsim(t, "run", short, "--replications", "2", "-o", dir, "--force")
	if !strings.Contains(stderr, "--force: removed") || !strings.Contains(stderr, "compare.csv") {
		t.Errorf("--force did not say what it removed: %q", stderr)
	}
	for _, name := range files(t, dir) {
		if strings.HasPrefix(name, "compare") || strings.HasPrefix(name, "scenario.short") {
			t.Errorf("--force kept %s from the earlier compare", name)
		}
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	code, stderr := spsimFails(t, "run", short, "--replications", "2", "-o", dir, "--force")
	if code != 1 || !strings.Contains(stderr, "notes.txt") {
		t.Errorf("--force over a folder with notes.txt: exit %d, %q", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "notes.txt")); err != nil || string(b) != "mine" {
		t.Error("--force touched a file spsim did not write")
	}
}

// TestFolderCheckedBeforeAnyWork: a folder that cannot be written is
// refused at once; a run that would take hours otherwise proves it.
func TestFolderCheckedBeforeAnyWork(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, []byte("x"), 0o644)
	code, stderr := spsimFails(t, "run", "baseline", "--replications", "10000", "--allow-large", "-o", filepath.Join(file, "out"))
	if code != 1 || !strings.Contains(stderr, "output folder") {
		t.Errorf("run into a folder under a file: exit %d, %q", code, stderr)
	}
}

// TestInterruptedForceRerunKeepsTheEarlierRun: a --force re-run stopped
// before it finishes leaves the earlier outputs whole and no temporary
// folder behind.
func TestInterruptedForceRerunKeepsTheEarlierRun(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	spsim(t, "run", short, "--replications", "2", "-o", dir, "--quiet")
	before := filepath.Join(root, "copy")
	spsim(t, "run", short, "--replications", "2", "-o", before, "--quiet")
	orig := notifyContext
	defer func() { notifyContext = orig }()
	notifyContext = func(parent context.Context, _ ...os.Signal) (context.Context, context.CancelFunc) {
		ctx, cancel := context.WithCancel(parent)
		cancel() // as a signal before the first replication finished
		return ctx, cancel
	}
	code, _ := spsimFails(t, "compare", short, shortExtra, "-o", dir, "--force")
	if code != exitInterrupted {
		t.Errorf("interrupted compare: exit %d, want %d", code, exitInterrupted)
	}
	if !sameFiles(t, dir, before) {
		t.Errorf("an interrupted --force re-run changed the earlier outputs: %v", files(t, dir))
	}
	for _, name := range files(t, root) {
		if strings.Contains(name, ".tmp") {
			t.Errorf("temporary folder left behind: %s", name)
		}
	}
}

// TestLoadWarningsRecordedAndStrict: a scenario's load warnings reach
// stderr, summary.json and the report; --strict makes them errors before
// any work.
func TestLoadWarningsRecordedAndStrict(t *testing.T) {
	const warned = "testdata/short-warning.toml"
	dir := t.TempDir()
	_, stderr := spsim(t, "run", warned, "--replications", "2", "-o", dir, "--force")
	if !strings.Contains(stderr, "on_cost_share") {
		t.Errorf("stderr lacks the warning: %q", stderr)
	}
	for _, f := range []string{"summary.json", "report.html"} {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		if !strings.Contains(string(b), "on_cost_share") {
			t.Errorf("%s does not record the load warning", f)
		}
	}
	var meta struct {
		LoadWarnings []string `json:"load_warnings"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if json.Unmarshal(b, &meta) != nil || len(meta.LoadWarnings) == 0 {
		t.Errorf("summary.json load_warnings: %v", meta.LoadWarnings)
	}
	out := filepath.Join(t.TempDir(), "strict")
	code, stderr := spsimFails(t, "run", warned, "--strict", "-o", out)
	if code != 1 || !strings.Contains(stderr, "on_cost_share") {
		t.Errorf("--strict: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("--strict left an output folder")
	}
}
