package main

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
)

// shard is one deterministic part of a run's replications: shard i of n
// runs replications [R(i-1)/n, Ri/n). Replication k draws from the same
// streams wherever it runs, so merged shards equal the single run.
type shard struct {
	Scenario     string `json:"scenario"`
	Ref          string `json:"ref"`
	Extends      string `json:"extends,omitempty"`
	Index        int    `json:"shard"`
	Of           int    `json:"of"`
	Replications int    `json:"replications"`
	First        int    `json:"first"`
	Count        int    `json:"count"`
	Seed         uint64 `json:"seed"`
	Version      string `json:"spsim_version"`
}

func parseShard(spec string, reps int) (*shard, error) {
	i, n, ok := strings.Cut(spec, "/")
	a, err1 := strconv.Atoi(strings.TrimSpace(i))
	b, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || b < 1 || a < 1 || a > b {
		return nil, fmt.Errorf("--shard %q: want i/n with 1 <= i <= n, e.g. --shard 2/8", spec)
	}
	if b > reps {
		return nil, fmt.Errorf("--shard %s: %d shards for %d replications would leave shards empty", spec, b, reps)
	}
	first, last := reps*(a-1)/b, reps*a/b
	return &shard{Index: a, Of: b, Replications: reps, First: first, Count: last - first}, nil
}

// Shard files: the metadata, the scenario as run, and the raw results.
const (
	shardMeta    = "shard.json"
	shardResults = "results.gob"
	shardConfig  = "scenario.toml"
)

func (s *shard) write(dir, ref string, cfg *sim.Config, results []*sim.Result) error {
	s.Scenario, s.Ref, s.Extends, s.Seed, s.Version = cfg.Name, ref, cfg.Extends, cfg.Run.Seed, version
	return writeAll(dir, []outFile{
		{shardConfig, func(w io.Writer) error { return scenarios.Encode(w, cfg) }},
		// gob keeps every float exactly, NaN included, so merged outputs
		// are the single run's to the byte.
		{shardResults, func(w io.Writer) error { return gob.NewEncoder(w).Encode(results) }},
		{shardMeta, func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(s)
		}},
	})
}

// cmdMerge combines the shards of one run into the outputs the unsharded
// run would have written.
func cmdMerge(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ef := addExpFlags(fs)
	dirs, err := parse(fs, args)
	if err != nil {
		return err
	}
	for _, name := range []string{"replications", "seed", "shard"} {
		if ef.isSet(name) {
			return fmt.Errorf("merge takes no --%s: the shards fix it", name)
		}
	}
	if len(dirs) == 0 {
		return fmt.Errorf("merge takes the shard folders written by spsim run --shard i/n")
	}
	start := time.Now()
	var (
		first   *shard
		config  []byte
		results []*sim.Result
		seen    = map[int]string{}
	)
	for _, d := range dirs {
		var s shard
		b, err := os.ReadFile(filepath.Join(d, shardMeta))
		if err != nil {
			return fmt.Errorf("%s is not a shard folder: %w", d, err)
		}
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(d, shardMeta), err)
		}
		c, err := os.ReadFile(filepath.Join(d, shardConfig))
		if err != nil {
			return fmt.Errorf("%s: %w", d, err)
		}
		if first == nil {
			first, config = &s, c
		} else if s.Of != first.Of || s.Replications != first.Replications || s.Seed != first.Seed || !bytes.Equal(c, config) {
			return fmt.Errorf("%s is a shard of another run (scenario %s, %d/%d, seed %d) than %s (scenario %s, n = %d, seed %d)",
				d, s.Scenario, s.Index, s.Of, s.Seed, dirs[0], first.Scenario, first.Of, first.Seed)
		}
		if prev, ok := seen[s.Index]; ok {
			return fmt.Errorf("shard %d/%d given twice: %s and %s", s.Index, s.Of, prev, d)
		}
		seen[s.Index] = d
		f, err := os.Open(filepath.Join(d, shardResults))
		if err != nil {
			return fmt.Errorf("%s: %w", d, err)
		}
		var part []*sim.Result
		err = gob.NewDecoder(f).Decode(&part)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(d, shardResults), err)
		}
		if len(part) != s.Count {
			return fmt.Errorf("%s: %d results, shard.json says %d", d, len(part), s.Count)
		}
		results = append(results, part...)
	}
	for i := 1; i <= first.Of; i++ {
		if _, ok := seen[i]; !ok {
			return fmt.Errorf("shard %d/%d is missing: merge needs all %d", i, first.Of, first.Of)
		}
	}
	slices.SortFunc(results, func(a, b *sim.Result) int { return a.Replication - b.Replication })
	for i, r := range results {
		if r.Replication != i {
			return fmt.Errorf("replication %d is missing or repeated in the shards", i)
		}
	}
	cfgPath := filepath.Join(dirs[0], shardConfig)
	cfg, err := scenarios.LoadFile(cfgPath)
	if err != nil {
		return err
	}
	// The stored scenario is resolved; what it extended is provenance only.
	cfg.Extends = first.Extends
	dir := *ef.dir
	if dir == "" {
		dir = defaultDir(cfg.Name)
	}
	if err := output.PrepareDir(dir, *ef.force); err != nil {
		return err
	}
	return finishRun(runOutputs{dir: dir, ref: first.Ref, cfg: cfg, results: results}, start, ef, stdout, stderr)
}
