package study

import (
	"bytes"
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// MergeSpec asks for the shards in Dirs to be put back together.
type MergeSpec struct {
	Dirs []string
	Options
}

// MergePlan is a set of shards whose manifests agree and whose files are
// whole: one shard of each index of one study.
type MergePlan struct {
	spec   MergeSpec
	shards []shardDir // by index
	cfg    *sim.Config
}

type shardDir struct {
	dir string
	m   *Manifest
}

// PlanMerge reads every shard's manifest and checks, before any work, that
// the shards are the parts of one study by this version of spsim, that
// none is missing or given twice, and that every file is as its manifest
// says. A refusal names the field that differs.
func PlanMerge(spec MergeSpec) (*MergePlan, error) {
	if len(spec.Dirs) == 0 {
		return nil, errors.New("merge takes the shard folders written by spsim run --shard i/n or spsim sweep --shard i/n")
	}
	p := &MergePlan{spec: spec}
	var first shardDir
	for _, d := range spec.Dirs {
		s, err := readShardDir(d)
		if err != nil {
			return nil, err
		}
		if first.m == nil {
			first = s
		}
		if err := s.agrees(first, spec.Version); err != nil {
			return nil, err
		}
		p.shards = append(p.shards, s)
	}
	slices.SortFunc(p.shards, func(a, b shardDir) int { return a.m.Index - b.m.Index })
	if err := p.complete(); err != nil {
		return nil, err
	}
	cfg, err := scenarios.LoadFile(filepath.Join(p.shards[0].dir, ConfigFile))
	if err != nil {
		return nil, err
	}
	// The stored scenario is resolved; what it extended is provenance only.
	cfg.Extends = first.m.Extends
	p.cfg = cfg
	return p, nil
}

// ReadManifest reads the manifest of the shard in dir.
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, fmt.Errorf("%s is not a shard folder (no %s): %w", dir, ManifestFile, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, ManifestFile), err)
	}
	if m.Format != manifestFormat {
		return nil, fmt.Errorf("%s: field manifest_format differs: %d, this spsim reads %d", filepath.Join(dir, ManifestFile), m.Format, manifestFormat)
	}
	return &m, nil
}

// readShardDir reads a shard folder's manifest and checks its files.
func readShardDir(dir string) (shardDir, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return shardDir{}, err
	}
	for _, name := range []string{ConfigFile, ResultsFile} {
		if _, ok := m.Files[name]; !ok {
			return shardDir{}, fmt.Errorf("%s: sha256 lists no %s", filepath.Join(dir, ManifestFile), name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(m.Files)) { // the same file named first each time
		want := m.Files[name]
		if strings.ContainsAny(name, `/\`) {
			return shardDir{}, fmt.Errorf("%s: sha256 names %q, not a file of the shard", filepath.Join(dir, ManifestFile), name)
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return shardDir{}, fmt.Errorf("shard %s: %w", dir, err)
		}
		if got := digest(data); got != want {
			return shardDir{}, fmt.Errorf("%s: field sha256 differs: the file's SHA-256 is %.12s…, its manifest says %.12s… (changed or damaged since the shard was written)",
				filepath.Join(dir, name), got, want)
		}
	}
	return shardDir{dir: dir, m: m}, nil
}

// identity lists the manifest fields that every shard of one study
// shares, by their JSON names.
func (m *Manifest) identity() [][2]string {
	sorted := func(xs []string) string { return strings.Join(slices.Sorted(slices.Values(xs)), ",") }
	grid, _ := json.Marshal(m.Factors)
	return [][2]string{
		{"kind", string(m.Kind)},
		{"scenario", m.Scenario},
		{"of", fmt.Sprint(m.Of)},
		{"replications", fmt.Sprint(m.Replications)},
		{"seed", fmt.Sprint(m.Seed)},
		{"spsim_version", m.Version},
		{"grid", string(grid)},
		{"sets", strings.Join(m.Sets, ";")},
		{"chart_kpis", strings.Join(m.ChartKPIs, ",")},
		{"confidence_level", fmt.Sprint(m.Level)},
		{"kpis", sorted(m.KPIs)},
		{"columns", sorted(m.Columns)},
		{"sha256 of " + ConfigFile, m.Files[ConfigFile]},
	}
}

// agrees checks that s is a shard of the same study as first, made by
// this version.
func (s shardDir) agrees(first shardDir, version string) error {
	if s.m.Version != version {
		return fmt.Errorf("%s: field spsim_version differs: the shard was written by spsim %s, this is %s; merge with the version that ran the shards",
			s.dir, s.m.Version, version)
	}
	a, b := s.m.identity(), first.m.identity()
	for i := range a {
		if a[i][1] != b[i][1] {
			return fmt.Errorf("%s is a shard of another study than %s: field %s differs (%s against %s)",
				s.dir, first.dir, a[i][0], clip(a[i][1]), clip(b[i][1]))
		}
	}
	return nil
}

func clip(s string) string {
	if s == "" {
		return `""`
	}
	if len(s) > 60 {
		cut := 57
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut-- // never half a character
		}
		return s[:cut] + "..."
	}
	return s
}

// complete checks that every shard is present once.
func (p *MergePlan) complete() error {
	of := p.shards[0].m.Of
	for i, s := range p.shards {
		if i > 0 && s.m.Index == p.shards[i-1].m.Index {
			return fmt.Errorf("shard %d/%d given twice: %s and %s", s.m.Index, of, p.shards[i-1].dir, s.dir)
		}
	}
	for i := 1; i <= of; i++ {
		if !slices.ContainsFunc(p.shards, func(s shardDir) bool { return s.m.Index == i }) {
			return fmt.Errorf("shard %d/%d is missing: merge needs all %d", i, of, of)
		}
	}
	return nil
}

// Kind is what the shards are parts of.
func (p *MergePlan) Kind() Kind { return p.shards[0].m.Kind }

// Config is the merged study's scenario.
func (p *MergePlan) Config() *sim.Config { return p.cfg }

// Name is the plan's default folder name.
func (p *MergePlan) Name() string {
	if p.Kind() == KindSweep {
		return "sweep-" + p.cfg.Name
	}
	return p.cfg.Name
}

// Execute decodes the shards and puts them together: a *RunResult for a
// run's shards, a *SweepResult for a sweep's.
func (p *MergePlan) Execute(ctx context.Context) (Result, error) {
	start := time.Now()
	var r Result
	var err error
	if p.Kind() == KindSweep {
		r, err = p.sweep()
	} else {
		r, err = p.run()
	}
	if err != nil {
		return nil, err
	}
	r.setElapsed(time.Since(start))
	return r, ctx.Err()
}

func (p *MergePlan) run() (*RunResult, error) {
	first := p.shards[0].m
	var results []*sim.Result
	for _, s := range p.shards {
		var part []*sim.Result
		if err := readGob(filepath.Join(s.dir, ResultsFile), &part); err != nil {
			return nil, err
		}
		if len(part) != s.m.Count {
			return nil, fmt.Errorf("%s: %d results, its manifest says %d", s.dir, len(part), s.m.Count)
		}
		for _, r := range part {
			if err := byName(r, first); err != nil {
				return nil, fmt.Errorf("%s: replication %d: %w", s.dir, r.Replication, err)
			}
		}
		results = append(results, part...)
	}
	slices.SortFunc(results, func(a, b *sim.Result) int { return a.Replication - b.Replication })
	for i, r := range results {
		if r.Replication != i {
			return nil, fmt.Errorf("replication %d is missing or repeated in the shards", i)
		}
	}
	sources, err := p.sources()
	if err != nil {
		return nil, err
	}
	r := newRunResult(first.Ref, p.cfg, results, sources, p.spec.Options)
	r.Sets, r.Shards = first.Sets, len(p.shards)
	r.analyse()
	return r, nil
}

func (p *MergePlan) sweep() (*SweepResult, error) {
	first := p.shards[0].m
	sw := &experiment.Sweep{Factors: first.Factors, Level: first.Level}
	for _, s := range p.shards {
		var part []experiment.SweepPoint
		if err := readGob(filepath.Join(s.dir, ResultsFile), &part); err != nil {
			return nil, err
		}
		if len(part) != s.m.Count {
			return nil, fmt.Errorf("%s: %d points, its manifest says %d", s.dir, len(part), s.m.Count)
		}
		for i := range part {
			var err error
			if part[i].Summaries, err = summariesByName(part[i].Summaries, first.KPIs); err != nil {
				return nil, fmt.Errorf("%s: point %d: %w", s.dir, s.m.First+i+1, err)
			}
		}
		sw.Points = append(sw.Points, part...)
	}
	if n := len(experiment.Grid(first.Factors)); len(sw.Points) != n {
		return nil, fmt.Errorf("the shards hold %d points of a %d-point sweep", len(sw.Points), n)
	}
	sources, err := p.sources()
	if err != nil {
		return nil, err
	}
	return &SweepResult{Ref: first.Ref, Base: p.cfg, Sweep: sw, KPIs: first.ChartKPIs, Sets: first.Sets,
		Sources: sources, Level: first.Level, Version: p.spec.Version, Workers: p.spec.Workers(), Shards: len(p.shards)}, nil
}

// sources are the scenario's files as the first shard ran them; shards
// from before they were kept have none, and their report lists none.
func (p *MergePlan) sources() ([]scenarios.File, error) {
	first := p.shards[0]
	if _, ok := first.m.Files[SourcesFile]; !ok {
		return nil, nil
	}
	var files []scenarios.File
	if err := readGob(filepath.Join(first.dir, SourcesFile), &files); err != nil {
		return nil, err
	}
	return files, nil
}

func readGob(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// byName puts r's KPIs and weekly columns in the order m names them,
// matching by name, never by position.
func byName(r *sim.Result, m *Manifest) error {
	kpis, err := permute(kpiNames(r.KPIs), m.KPIs, "KPI")
	if err != nil {
		return err
	}
	r.KPIs = pick(r.KPIs, kpis)
	cols, err := permute(columnNames(r.Columns), m.Columns, "weekly column")
	if err != nil {
		return err
	}
	r.Columns = pick(r.Columns, cols)
	for w, row := range r.Weekly {
		if len(row) != len(cols) {
			return fmt.Errorf("week %d has %d values for %d columns", w, len(row), len(cols))
		}
		r.Weekly[w] = pick(row, cols)
	}
	return nil
}

func summariesByName(ss []experiment.Summary, names []string) ([]experiment.Summary, error) {
	idx, err := permute(summaryNames(ss), names, "KPI")
	if err != nil {
		return nil, err
	}
	return pick(ss, idx), nil
}

// permute returns, for each name in want, its index in have; have and
// want must hold the same names.
func permute(have, want []string, what string) ([]int, error) {
	at := make(map[string]int, len(have))
	for i, n := range have {
		at[n] = i
	}
	if len(at) != len(have) || len(have) != len(want) {
		return nil, fmt.Errorf("%d %ss, the manifest names %d", len(have), what, len(want))
	}
	idx := make([]int, len(want))
	for i, n := range want {
		j, ok := at[n]
		if !ok {
			return nil, fmt.Errorf("no %s %q, which the manifest names", what, n)
		}
		idx[i] = j
	}
	return idx, nil
}

func pick[T any](xs []T, idx []int) []T {
	out := make([]T, len(idx))
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}
