package main

import (
	"bytes"
	"context"
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
	"github.com/spsim/spsim/sim/experiment"
)

// shard is one deterministic part of a run's replications: shard i of n
// runs replications [R(i-1)/n, Ri/n). Replication k draws from the same
// streams wherever it runs, so merged shards equal the single run.
type shard struct {
	Kind         string `json:"kind"` // "run" or "sweep"
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

	// A sweep's shard runs points [First, First+Count) of Replications
	// (which then counts points) and records how the grid was built.
	Factors []experiment.Factor `json:"factors,omitempty"`
	KPIs    []string            `json:"kpis,omitempty"`
	Sets    []string            `json:"sets,omitempty"`
	Level   float64             `json:"level,omitempty"`
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
	s.Kind, s.Scenario, s.Ref, s.Extends, s.Seed, s.Version = "run", cfg.Name, ref, cfg.Extends, cfg.Run.Seed, version
	return s.writeFiles(dir, cfg, results)
}

// writeFiles writes a shard's metadata, scenario and raw results (results
// for a run, sweep points for a sweep).
func (s *shard) writeFiles(dir string, cfg *sim.Config, results any) error {
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
		} else if s.Kind != first.Kind || s.Of != first.Of || s.Replications != first.Replications || s.Seed != first.Seed || !bytes.Equal(c, config) {
			return fmt.Errorf("%s is a shard of another run (scenario %s, %d/%d, seed %d) than %s (scenario %s, n = %d, seed %d)",
				d, s.Scenario, s.Index, s.Of, s.Seed, dirs[0], first.Scenario, first.Of, first.Seed)
		}
		if prev, ok := seen[s.Index]; ok {
			return fmt.Errorf("shard %d/%d given twice: %s and %s", s.Index, s.Of, prev, d)
		}
		seen[s.Index] = d
		if s.Kind == "sweep" {
			continue // read by mergeSweep
		}
		var part []*sim.Result
		if err := readGob(filepath.Join(d, shardResults), &part); err != nil {
			return err
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
	if first.Kind == "sweep" {
		return mergeSweep(dirs, first, ef, stdout, stderr, start)
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

func readGob(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := gob.NewDecoder(f).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// runSweepShard runs one shard's points of a sweep, with every replication
// of each, and writes them for merge.
func runSweepShard(ctx context.Context, sh *shard, dir, ref string, base *sim.Config, factors []experiment.Factor,
	kpis, sets []string, cfgs []*sim.Config, ef *expFlags, stdout, stderr io.Writer) error {
	points := experiment.Grid(factors)
	reps := base.Run.Replications
	bar := newProgress(stderr, *ef.quiet, "sweep shard", reps*sh.Count)
	all, err := experiment.RunAll(ctx, cfgs[sh.First:sh.First+sh.Count], experiment.Options{Replications: reps, Jobs: *ef.jobs, Progress: bar.callback()})
	bar.finish()
	if err != nil {
		if ctx.Err() != nil {
			return &exitError{exitInterrupted, fmt.Errorf("interrupted: a shard is all or nothing, nothing written to %s", dir)}
		}
		return err
	}
	var part []experiment.SweepPoint
	for i, rs := range all {
		part = append(part, experiment.SweepPoint{Values: points[sh.First+i], Summaries: experiment.Summarise(rs, level)})
	}
	sh.Kind, sh.Scenario, sh.Ref, sh.Extends, sh.Seed, sh.Version = "sweep", base.Name, ref, base.Extends, base.Run.Seed, version
	sh.Factors, sh.KPIs, sh.Sets, sh.Level = factors, kpis, sets, level
	if err := sh.writeFiles(dir, base, part); err != nil {
		return err
	}
	if !*ef.quiet {
		fmt.Fprintf(stdout, "sweep %s: shard %d/%d, points %d-%d of %d, written to %s; combine the shards with spsim merge\n",
			base.Name, sh.Index, sh.Of, sh.First+1, sh.First+sh.Count, len(points), dir)
	}
	return nil
}

// mergeSweep combines sweep shards into the sweep's outputs.
func mergeSweep(dirs []string, first *shard, ef *expFlags, stdout, stderr io.Writer, start time.Time) error {
	byIndex := map[int]string{}
	for _, d := range dirs {
		var s shard
		b, _ := os.ReadFile(filepath.Join(d, shardMeta))
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("%s: %w", d, err)
		}
		byIndex[s.Index] = d
	}
	sw := &experiment.Sweep{Factors: first.Factors, Level: first.Level}
	for i := 1; i <= first.Of; i++ {
		var part []experiment.SweepPoint
		if err := readGob(filepath.Join(byIndex[i], shardResults), &part); err != nil {
			return err
		}
		sw.Points = append(sw.Points, part...)
	}
	if n := len(experiment.Grid(first.Factors)); len(sw.Points) != n {
		return fmt.Errorf("the shards hold %d points of a %d-point sweep", len(sw.Points), n)
	}
	base, err := scenarios.LoadFile(filepath.Join(dirs[0], shardConfig))
	if err != nil {
		return err
	}
	base.Extends = first.Extends
	dir := *ef.dir
	if dir == "" {
		dir = defaultDir("sweep-" + base.Name)
	}
	if err := output.PrepareDir(dir, *ef.force); err != nil {
		return err
	}
	if err := writeSweep(dir, first.Ref, base, sw, first.KPIs, first.Sets, start, ef.workers()); err != nil {
		return err
	}
	if !*ef.quiet {
		output.PrintSweepHeadline(stdout, sw, first.KPIs)
		fmt.Fprintf(stdout, "outputs in %s (report: %s)\n", dir, filepath.Join(dir, "report.html"))
	}
	return nil
}
