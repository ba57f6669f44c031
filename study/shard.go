package study

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// ShardSpec names one part of a study: shard Index of Of (1-based). The
// zero value is the whole study.
type ShardSpec struct{ Index, Of int }

// ParseShard reads i/n.
func ParseShard(spec string) (ShardSpec, error) {
	i, n, ok := strings.Cut(spec, "/")
	a, err1 := strconv.Atoi(strings.TrimSpace(i))
	b, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || b < 1 || a < 1 || a > b {
		return ShardSpec{}, usage.Errorf("--shard %q: want i/n with 1 <= i <= n, e.g. --shard 2/8", spec)
	}
	return ShardSpec{Index: a, Of: b}, nil
}

// Kind is what a shard is a part of.
type Kind string

// The kinds of shard.
const (
	KindRun   Kind = "run"   // replications of a run
	KindSweep Kind = "sweep" // points of a sweep, every replication of each
)

// Shard files: the manifest, the scenario as run, and the raw results.
const (
	ManifestFile = "manifest.json"
	ResultsFile  = "results.gob"
	SourcesFile  = "sources.gob" // the scenario's files as they were when the shard ran
	ConfigFile   = "scenario.toml"
)

// manifestFormat is the version of the manifest's layout.
const manifestFormat = 1

// Manifest describes a shard: what study it is a part of, which part, and
// a SHA-256 of each of its files, so that merge refuses parts of
// different studies and damaged files.
type Manifest struct {
	Format   int    `json:"manifest_format"`
	Kind     Kind   `json:"kind"`
	Scenario string `json:"scenario"`
	Ref      string `json:"ref"`
	Extends  string `json:"extends,omitempty"`
	Index    int    `json:"shard"`
	Of       int    `json:"of"`
	// Replications is the whole run's replications, or for a sweep its
	// points; the shard holds [First, First+Count) of them.
	Replications int    `json:"replications"`
	First        int    `json:"first"`
	Count        int    `json:"count"`
	Seed         uint64 `json:"seed"`
	Version      string `json:"spsim_version"`
	// KPIs and Columns are the names the results carry, in their order;
	// merge matches them by name.
	KPIs    []string `json:"kpis"`
	Columns []string `json:"columns,omitempty"`
	// A sweep's grid, the KPIs it charts and the values set at every point.
	Factors   []experiment.Factor `json:"grid,omitempty"`
	ChartKPIs []string            `json:"chart_kpis,omitempty"`
	Sets      []string            `json:"sets,omitempty"`
	Level     float64             `json:"confidence_level"`
	// Files maps each file's name to the hex SHA-256 of its bytes.
	Files map[string]string `json:"sha256"`
}

// newManifest describes shard spec of a study of n replications (or
// points).
func newManifest(kind Kind, ref string, cfg *sim.Config, spec ShardSpec, n int, version string) (*Manifest, error) {
	if spec.Of > n {
		return nil, usage.Errorf("--shard %d/%d: %d shards for %d %s would leave shards empty", spec.Index, spec.Of, spec.Of, n, unitOf(kind))
	}
	first, last := n*(spec.Index-1)/spec.Of, n*spec.Index/spec.Of
	return &Manifest{Format: manifestFormat, Kind: kind, Scenario: cfg.Name, Ref: ref, Extends: cfg.Extends,
		Index: spec.Index, Of: spec.Of, Replications: n, First: first, Count: last - first,
		Seed: cfg.Run.Seed, Version: version, Level: Level}, nil
}

func unitOf(k Kind) string {
	if k == KindSweep {
		return "points"
	}
	return "replications"
}

// ShardResult is a finished shard, to be written for merge.
type ShardResult struct {
	Manifest *Manifest
	Config   *sim.Config
	Sources  []scenarios.File        // the scenario's files as loaded, for the merged report
	Results  []*sim.Result           // a run's shard
	Points   []experiment.SweepPoint // a sweep's shard
}

// ShardFile is one file of a shard and its content.
type ShardFile struct {
	Name string
	Data []byte
}

// Files encodes the shard: the scenario, the results and, last, the
// manifest with the SHA-256 of the others.
func (s *ShardResult) Files() ([]ShardFile, error) {
	var cfg, res bytes.Buffer
	if err := scenarios.Encode(&cfg, s.Config); err != nil {
		return nil, fmt.Errorf("encoding the shard's scenario: %w", err)
	}
	// gob keeps every float exactly, NaN included, so merged outputs are
	// the single run's to the byte.
	var payload any = s.Results
	if s.Manifest.Kind == KindSweep {
		payload = s.Points
	}
	if err := gob.NewEncoder(&res).Encode(payload); err != nil {
		return nil, fmt.Errorf("encoding the shard's results: %w", err)
	}
	var src bytes.Buffer
	if err := gob.NewEncoder(&src).Encode(s.Sources); err != nil {
		return nil, fmt.Errorf("encoding the shard's scenario files: %w", err)
	}
	files := []ShardFile{{ConfigFile, cfg.Bytes()}, {ResultsFile, res.Bytes()}, {SourcesFile, src.Bytes()}}
	s.Manifest.Files = map[string]string{}
	for _, f := range files {
		s.Manifest.Files[f.Name] = digest(f.Data)
	}
	m, err := json.MarshalIndent(s.Manifest, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(files, ShardFile{ManifestFile, append(m, '\n')}), nil
}

func digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// ExecuteShard runs a run's shard. A shard is all or nothing: an
// interrupted one returns only the context's error.
func (p *RunPlan) ExecuteShard(ctx context.Context) (*ShardResult, error) {
	m := p.shard
	if m == nil {
		return nil, fmt.Errorf("not a shard's plan: use Execute")
	}
	results, err := experiment.Replicate(ctx, p.cfg, experiment.Options{
		First: m.First, Replications: m.Count, Jobs: p.spec.Jobs,
		Progress: p.spec.progress(p.cfg.Name+" shard", m.Count, false),
	})
	if err != nil {
		return nil, shardError(ctx, err)
	}
	m.KPIs, m.Columns = kpiNames(results[0].KPIs), columnNames(results[0].Columns)
	return &ShardResult{Manifest: m, Config: p.cfg, Results: results, Sources: p.sources}, nil
}

// ExecuteShard runs a sweep's shard: its points, every replication of each.
func (p *SweepPlan) ExecuteShard(ctx context.Context) (*ShardResult, error) {
	m := p.shard
	if m == nil {
		return nil, fmt.Errorf("not a shard's plan: use Execute")
	}
	reps := p.base.Run.Replications
	cfgs := p.cfgs[m.First : m.First+m.Count]
	sums, err := experiment.SummariseAll(ctx, cfgs, experiment.Options{Replications: reps, Jobs: p.spec.Jobs,
		Progress: p.spec.progress("sweep shard", reps*len(cfgs), false)}, Level)
	if err != nil {
		return nil, shardError(ctx, err)
	}
	var part []experiment.SweepPoint
	for i, s := range sums {
		part = append(part, experiment.SweepPoint{Values: p.points[m.First+i], Summaries: s})
	}
	m.KPIs = summaryNames(part[0].Summaries)
	return &ShardResult{Manifest: m, Config: p.base, Points: part, Sources: p.sources}, nil
}

func shardError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted: a shard is all or nothing: %w", ctx.Err())
	}
	return err
}

func kpiNames(ks []sim.KPI) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.Name
	}
	return out
}

func columnNames(cs []sim.Column) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

func summaryNames(ss []experiment.Summary) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Name
	}
	return out
}
