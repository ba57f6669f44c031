package study_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/study"
)

const short = "testdata/short.toml"

var ctx = context.Background()

// writeShard runs shard i/n of spec and writes its files into a new folder.
func writeShard(t *testing.T, root string, s *study.ShardResult) string {
	t.Helper()
	dir := filepath.Join(root, fmt.Sprintf("%s-%d-%d-seed%d-%s", s.Manifest.Kind, s.Manifest.Index, s.Manifest.Of, s.Manifest.Seed, s.Manifest.Version))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := s.Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runShard(t *testing.T, root string, i, n int, seed uint64, version string, edit func(*study.ShardResult)) string {
	t.Helper()
	s := executeShard(t, study.RunSpec{Ref: short, Shard: study.ShardSpec{Index: i, Of: n},
		Options: study.Options{Replications: 3, Seed: &seed, Jobs: 1, Version: version}})
	if edit != nil {
		edit(s)
	}
	return writeShard(t, root, s)
}

// executeShard plans and runs a run's shard.
func executeShard(t *testing.T, spec study.RunSpec) *study.ShardResult {
	t.Helper()
	p, err := study.PlanRun(spec)
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.ExecuteShard(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sweepShard(t *testing.T, root string, i, n int, vary string) string {
	t.Helper()
	p, err := study.PlanSweep(study.SweepSpec{Ref: short, Vary: []string{vary}, Shard: study.ShardSpec{Index: i, Of: n},
		Options: study.Options{Replications: 2, Jobs: 1, Version: "v1"}})
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.ExecuteShard(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return writeShard(t, filepath.Join(root, vary), s)
}

func merge(dirs ...string) (study.Result, error) {
	p, err := study.PlanMerge(study.MergeSpec{Dirs: dirs, Options: study.Options{Version: "v1", Jobs: 1}})
	if err != nil {
		return nil, err
	}
	return p.Execute(ctx)
}

// TestMergeRefusesShardsOfAnotherStudy: each way of mixing shards is
// refused before any work, naming the field that differs.
func TestMergeRefusesShardsOfAnotherStudy(t *testing.T) {
	root := t.TempDir()
	a1 := runShard(t, root, 1, 2, 1, "v1", nil)
	a2 := runShard(t, root, 2, 2, 1, "v1", nil)
	b2 := runShard(t, root, 2, 2, 2, "v1", nil)
	old2 := runShard(t, root, 2, 2, 1, "v0", nil)
	if _, err := merge(a1, a2); err != nil {
		t.Fatalf("matching shards: %v", err)
	}
	// A flipped bit in results.gob.
	flipped := filepath.Join(root, "flipped")
	copyDir(t, a2, flipped)
	gob := filepath.Join(flipped, study.ResultsFile)
	b, _ := os.ReadFile(gob)
	b[len(b)/2] ^= 0x10
	os.WriteFile(gob, b, 0o644)
	// A seed-2 shard's results put into a seed-1 shard's folder.
	swapped := filepath.Join(root, "swapped")
	copyDir(t, a2, swapped)
	b, _ = os.ReadFile(filepath.Join(b2, study.ResultsFile))
	os.WriteFile(filepath.Join(swapped, study.ResultsFile), b, 0o644)
	// Sweeps over different grids.
	g1 := sweepShard(t, root, 1, 2, "workforce.link_workers=3,4")
	g2 := sweepShard(t, root, 2, 2, "workforce.link_workers=3,5")
	for _, tc := range []struct {
		name string
		dirs []string
		want string
	}{
		{"a seed-2 shard", []string{a1, b2}, "field seed differs"},
		{"a flipped bit", []string{a1, flipped}, "field sha256 differs"},
		{"a seed-2 results.gob in a seed-1 folder", []string{a1, swapped}, "field sha256 differs"},
		{"another version", []string{a1, old2}, "field spsim_version differs"},
		{"different grids", []string{g1, g2}, "field grid differs"},
		{"a run and a sweep", []string{a1, g2}, "field kind differs"},
		{"a shard twice", []string{a1, a1}, "given twice"},
		{"a shard missing", []string{a1}, "shard 2/2 is missing"},
	} {
		_, err := merge(tc.dirs...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want an error saying %q", tc.name, err, tc.want)
		}
	}
}

// TestMergeMatchesKPIsByName: a shard whose results list the KPIs and
// weekly columns in another order merges to the same run as one in the
// model's order.
func TestMergeMatchesKPIsByName(t *testing.T) {
	root := t.TempDir()
	a1 := runShard(t, root, 1, 2, 1, "v1", nil)
	a2 := runShard(t, root, 2, 2, 1, "v1", nil)
	r2 := runShard(t, filepath.Join(root, "reversed"), 2, 2, 1, "v1", func(s *study.ShardResult) {
		for _, r := range s.Results {
			slices.Reverse(r.KPIs)
			slices.Reverse(r.Columns)
			for _, row := range r.Weekly {
				slices.Reverse(row)
			}
		}
		slices.Reverse(s.Manifest.KPIs)
		slices.Reverse(s.Manifest.Columns)
	})
	want, err := merge(a1, a2)
	if err != nil {
		t.Fatal(err)
	}
	got, err := merge(a1, r2)
	if err != nil {
		t.Fatal(err)
	}
	w, g := want.(*study.RunResult), got.(*study.RunResult)
	if !reflect.DeepEqual(w.Summaries, g.Summaries) || !reflect.DeepEqual(w.Results[2].Weekly, g.Results[2].Weekly) {
		t.Fatal("a shard with KPIs in another order merged to different results")
	}
	// Every name a shard carries is in the registry.
	m := readManifest(t, a1)
	for _, k := range m.KPIs {
		if _, ok := sim.LookupKPI(k); !ok {
			t.Errorf("shard names KPI %q, which the registry lacks", k)
		}
	}
	for _, c := range m.Columns {
		if _, ok := sim.LookupColumn(c); !ok {
			t.Errorf("shard names column %q, which the registry lacks", c)
		}
	}
}

func readManifest(t *testing.T, dir string) study.Manifest {
	t.Helper()
	m, err := study.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	return *m
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	os.MkdirAll(to, 0o755)
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(from, e.Name()))
		os.WriteFile(filepath.Join(to, e.Name()), b, 0o644)
	}
}

// TestMergedReportShowsTheFileThatRan: the scenario files a report lists
// are those the shards ran, kept in each shard, not the files as they are
// when the merge runs: a file edited between the shards and the merge
// showed the edit beside numbers that never had it.
func TestMergedReportShowsTheFileThatRan(t *testing.T) {
	root := t.TempDir()
	orig, err := os.ReadFile(short)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "mine.toml")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for i := 1; i <= 2; i++ {
		s := executeShard(t, study.RunSpec{Ref: path, Shard: study.ShardSpec{Index: i, Of: 2},
			Options: study.Options{Replications: 2, Jobs: 1, Version: "v1"}})
		dirs = append(dirs, writeShard(t, root, s))
	}
	if err := os.WriteFile(path, append(orig, "\n# edited after the shards ran\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := merge(dirs...)
	if err != nil {
		t.Fatal(err)
	}
	src := res.(*study.RunResult).Sources
	if len(src) == 0 || src[0].Text != string(orig) {
		t.Errorf("the merged report lists %d files, the first %.80q: want the file the shards ran", len(src), src)
	}
}
