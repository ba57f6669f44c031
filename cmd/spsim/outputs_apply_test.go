package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputsACommandNeverWrites: a comparison or a sweep asked only for
// outputs a run writes (weekly, areas) is refused, where it left an empty
// folder and exit 0; asked for some of them among others, it warns and
// writes the rest.
func TestOutputsACommandNeverWrites(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := cli("compare", "baseline", "extra-link-worker", "-o", filepath.Join(dir, "c"), "--outputs", "weekly", "--replications", "2")
	if code != 2 || !strings.Contains(stderr, "--outputs weekly: a comparison writes no weekly.csv or areas.csv") {
		t.Errorf("compare --outputs weekly: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "c")); err == nil {
		t.Error("the refused comparison made its folder")
	}
	code, _, stderr = cli("sweep", "baseline", "--vary", "workforce.link_workers=2,3", "-o", filepath.Join(dir, "s"), "--outputs", "weekly,summary", "--replications", "2")
	if code != 0 || !strings.Contains(stderr, "warning: --outputs weekly: a sweep writes no weekly.csv") {
		t.Errorf("sweep --outputs weekly,summary: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "s", "sweep.csv")); err != nil {
		t.Error(err)
	}
}

// TestAreasOutputOfOneArea: a run of one area asked only for areas.csv is
// refused, where it left an empty folder and exit 0; asked for it among
// others, it warns and writes the rest.
func TestAreasOutputOfOneArea(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := cli("run", "baseline", "-o", filepath.Join(dir, "a"), "--outputs", "areas", "--replications", "2")
	if code != 2 || !strings.Contains(stderr, "--outputs areas: baseline has one area, so there is no areas.csv") {
		t.Errorf("run --outputs areas: exit %d, %s", code, stderr)
	}
	code, _, stderr = cli("run", "baseline", "-o", filepath.Join(dir, "b"), "--outputs", "areas,summary", "--replications", "2")
	if code != 0 || !strings.Contains(stderr, "warning: --outputs areas: baseline has one area") {
		t.Errorf("run --outputs areas,summary: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "b", "summary.csv")); err != nil {
		t.Error(err)
	}
}

// TestCompareSaysEachScenariosWeeks: scenarios that run for different
// weeks are each said with theirs; the header gave the reference's alone.
func TestCompareSaysEachScenariosWeeks(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "hz.toml")
	if err := os.WriteFile(short, []byte("name = \"hz\"\nextends = \"baseline\"\n[run]\nhorizon_weeks = 150\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli("compare", "baseline", short, "-o", filepath.Join(dir, "c"), "--replications", "2", "--outputs", "summary")
	if want := "2 replications of 208 weeks (warm-up 78) for baseline, 150 weeks (warm-up 78) for hz, seed 1"; code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("exit %d, %s%s\nwant %q", code, stdout, stderr, want)
	}
}

// TestOutputsAllWarnsOfNothing: --outputs all (or default) asks for no
// output by name, so a command that writes some of them warns of none.
func TestOutputsAllWarnsOfNothing(t *testing.T) {
	dir := t.TempDir()
	for i, args := range [][]string{
		{"compare", "baseline", "extra-link-worker", "--outputs", "all"},
		{"run", "baseline", "--outputs", "all"},
		{"sweep", "baseline", "--vary", "workforce.link_workers=2,3", "--outputs", "default"},
	} {
		args = append(args, "-o", filepath.Join(dir, fmt.Sprint(i)), "--replications", "2", "--quiet")
		if code, _, stderr := cli(args...); code != 0 || strings.Contains(stderr, "warning: --outputs") {
			t.Errorf("%s: exit %d, %s", args, code, stderr)
		}
	}
}

// TestMergeRefusesOutputsItNeverWrites: a merged sweep asked only for
// weekly.csv is refused as the unsharded sweep is, where it left an empty
// folder and exit 0.
func TestMergeRefusesOutputsItNeverWrites(t *testing.T) {
	dir := t.TempDir()
	var shards []string
	for i := 1; i <= 2; i++ {
		out := filepath.Join(dir, fmt.Sprint("s", i))
		if code, _, stderr := cli("sweep", "baseline", "--vary", "workforce.link_workers=2,3", "--replications", "2", "--shard", fmt.Sprintf("%d/2", i), "-o", out, "--quiet"); code != 0 {
			t.Fatalf("shard %d: %s", i, stderr)
		}
		shards = append(shards, out)
	}
	code, _, stderr := cli(append([]string{"merge", "--outputs", "weekly", "-o", filepath.Join(dir, "m")}, shards...)...)
	if code != 2 || !strings.Contains(stderr, "--outputs weekly: a sweep writes no weekly.csv") {
		t.Errorf("merge --outputs weekly: exit %d, %s", code, stderr)
	}
}
