package main

import (
	"fmt"
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
	spsim(t, "merge", shards[2], shards[0], shards[1], "-o", merged, "--quiet")
	sameOutputs(t, whole, merged, "the whole run", "the merged shards")
	code, stderr := spsimFails(t, "merge", shards[0], shards[2], "-o", filepath.Join(root, "m2"))
	if code != 1 || !strings.Contains(stderr, "shard 2/3 is missing") {
		t.Errorf("merge with a shard missing: exit %d, %q", code, stderr)
	}
	code, stderr = spsimFails(t, "run", short, "--shard", "4/3")
	if code != 1 || !strings.Contains(stderr, "i/n") {
		t.Errorf("--shard 4/3: exit %d, %q", code, stderr)
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
