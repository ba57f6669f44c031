package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestInterruptKeepsFinishedReplications: a run stopped part-way (as by
// Ctrl-C) writes the replications it finished, marked partial, leaves no
// temporary file, and exits with 130.
func TestInterruptKeepsFinishedReplications(t *testing.T) {
	orig := notifyContext
	defer func() { notifyContext = orig }()
	notifyContext = func(parent context.Context, _ ...os.Signal) (context.Context, context.CancelFunc) {
		ctx, cancel := context.WithCancel(parent)
		time.AfterFunc(400*time.Millisecond, cancel) // as a signal would
		return ctx, cancel
	}
	dir := filepath.Join(t.TempDir(), "out")
	code, stderr := spsimFails(t, "run", short, "--replications", "5000", "-o", dir)
	if code != exitInterrupted || !strings.Contains(stderr, "partial") {
		t.Fatalf("exit %d, %q; want %d and a word that the results are partial", code, stderr, exitInterrupted)
	}
	var meta struct {
		Replications int  `json:"replications"`
		Partial      bool `json:"partial"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(b, &meta)
	if !meta.Partial || meta.Replications < 1 || meta.Replications >= 5000 {
		t.Fatalf("summary.json: partial %v with %d replications", meta.Partial, meta.Replications)
	}
	// The kept replications are the first ones, with no gap.
	f, _ := os.Open(filepath.Join(dir, "weekly.csv"))
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, r := range recs[1:] {
		k, _ := strconv.Atoi(r[0])
		seen[k] = true
	}
	for k := range meta.Replications {
		if !seen[k] {
			t.Fatalf("replication %d missing from weekly.csv", k)
		}
	}
	if len(seen) != meta.Replications {
		t.Fatalf("weekly.csv has %d replications, summary %d", len(seen), meta.Replications)
	}
	for _, name := range files(t, dir) {
		if strings.Contains(name, ".tmp") {
			t.Errorf("temporary file left behind: %s", name)
		}
	}
}

// TestInterruptedPrecisionRun: a precision run stopped part-way says the
// interrupt, not the cap, left its target unreached; it does not advise
// raising --max-replications.
func TestInterruptedPrecisionRun(t *testing.T) {
	orig := notifyContext
	defer func() { notifyContext = orig }()
	notifyContext = func(parent context.Context, _ ...os.Signal) (context.Context, context.CancelFunc) {
		ctx, cancel := context.WithCancel(parent)
		time.AfterFunc(400*time.Millisecond, cancel)
		return ctx, cancel
	}
	dir := filepath.Join(t.TempDir(), "out")
	code, stderr := spsimFails(t, "run", short, "--precision", "0.01", "--max-replications", "5000", "-o", dir)
	if code != exitInterrupted || !strings.Contains(stderr, "not reached: the run was interrupted after") || strings.Contains(stderr, "raise --max-replications") {
		t.Errorf("exit %d, %q; want the interrupt named as the cause", code, stderr)
	}
}
