package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShardsMergeToTheWholeRun: three shards merged give the unsharded
// run's files byte for byte (the report, which records run time, aside).
func TestShardsMergeToTheWholeRun(t *testing.T) {
	root := t.TempDir()
	whole := filepath.Join(root, "whole")
	spsim(t, "run", short, "--replications", "5", "-o", whole, "--quiet")
	var shards []string
	for i := 1; i <= 3; i++ {
		d := filepath.Join(root, fmt.Sprintf("shard%d", i))
		spsim(t, "run", short, "--replications", "5", "--shard", fmt.Sprintf("%d/3", i), "-o", d, "--quiet")
		shards = append(shards, d)
	}
	merged := filepath.Join(root, "merged")
	// Shards may come in any order.
	out, _ := spsim(t, "merge", shards[2], shards[0], shards[1], "-o", merged)
	sameOutputs(t, whole, merged, "the whole run", "the merged shards")
	// A merge simulates nothing: it says it merged, in the terminal and
	// in the report's run time, rather than "simulated in 0.01 s".
	if !strings.Contains(out, "merged from 3 shards in ") || strings.Contains(out, "simulated in") {
		t.Errorf("merge says %q; want it to say it merged 3 shards", lastLine(out))
	}
	if report := readText(t, filepath.Join(merged, "report.html")); !strings.Contains(report, "Merged from 3 shards in ") {
		t.Error("the merged report's run time does not say it was merged from 3 shards")
	}
	code, stderr := spsimFails(t, "merge", shards[0], shards[2], "-o", filepath.Join(root, "m2"))
	if code != 1 || !strings.Contains(stderr, "shard 2/3 is missing") {
		t.Errorf("merge with a shard missing: exit %d, %q", code, stderr)
	}
	code, stderr = spsimFails(t, "run", short, "--shard", "4/3")
	if code != exitUsage || !strings.Contains(stderr, "i/n") {
		t.Errorf("--shard 4/3: exit %d, %q; want a usage error", code, stderr)
	}
}

// TestSweepShardsMergeToTheWholeSweep: a sweep split by its points and
// merged gives the single sweep's files.
func TestSweepShardsMergeToTheWholeSweep(t *testing.T) {
	root := t.TempDir()
	args := []string{"sweep", short, "--replications", "3", "--vary", "workforce.link_workers=3,4,5", "--quiet"}
	whole := filepath.Join(root, "whole")
	spsim(t, append(args, "-o", whole)...)
	var shards []string
	for i := 1; i <= 2; i++ {
		d := filepath.Join(root, fmt.Sprintf("shard%d", i))
		spsim(t, append(args, "--shard", fmt.Sprintf("%d/2", i), "-o", d)...)
		shards = append(shards, d)
	}
	merged := filepath.Join(root, "merged")
	spsim(t, "merge", shards[1], shards[0], "-o", merged, "--quiet")
	sameOutputs(t, whole, merged, "the whole sweep", "the merged sweep shards")
}

// lastLine is the last line of s.
func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
