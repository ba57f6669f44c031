package study

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// DefaultSweepKPIs are the KPIs a sweep charts and prints when none are
// named.
var DefaultSweepKPIs = []string{sim.KPIWaitP90, sim.KPIWaitingListMean, sim.KPIUtilisation, sim.KPINeedsMetShare, sim.KPILeaversPerFTE}

// MaxSweepPoints bounds a sweep's grid unless Options.AllowLarge.
const MaxSweepPoints = 1000

// SweepSpec asks for a scenario run at every point of a grid of parameter
// values, on common random numbers.
type SweepSpec struct {
	Ref  string
	Vary []string // KEY=V1,V2,...: a scenario key path and its values
	Sets []string // KEY=VALUE: set at every point before the varied values
	KPIs []string // to chart and print; DefaultSweepKPIs if none
	// Shard, when set, runs only part of the points, to be merged.
	Shard ShardSpec
	Options
}

// SweepPlan is a sweep checked and ready.
type SweepPlan struct {
	spec    SweepSpec
	base    *sim.Config // the scenario before the varied values
	factors []experiment.Factor
	points  [][]string
	cfgs    []*sim.Config // one a point
	shard   *Manifest
	// loadWarnings are the scenario's load warnings.
	loadWarnings []string
	sources      []scenarios.File // as loaded
}

// PlanSweep builds every point's scenario and checks the whole sweep's
// cost; nothing runs.
func PlanSweep(spec SweepSpec) (*SweepPlan, error) {
	if len(spec.Vary) == 0 {
		return nil, usage.Errorf("sweep needs at least one --vary KEY=V1,V2,... (for example --vary workforce.link_workers=2,3,4)")
	}
	p := &SweepPlan{spec: spec, sources: spec.files(spec.Ref)}
	if err := p.parse(); err != nil {
		return nil, err
	}
	var err error
	if p.base, p.loadWarnings, err = p.load(); err != nil {
		return nil, err
	}
	if err := p.spec.apply(p.base); err != nil {
		return nil, err
	}
	for _, f := range p.factors {
		if scenarios.EveryAreaSets(p.base, f.Key) {
			// No --vary key reaches one area's value, so "vary it in the
			// areas" sent people looking for one: say what to do instead.
			return nil, fmt.Errorf("--vary %s: every area of %s sets %s itself, so the sweep would change nothing: a sweep varies a key in every area at once. To vary it in every area, remove it from the areas (a column of the areas file, or each area's set); to try other values in some areas, write a scenario for each (its areas file changed) and run spsim compare on them",
				f.Key, p.base.Name, f.Key)
		}
		if err := scenarios.Unreached(p.base, "--vary", f.Key); err != nil {
			return nil, err
		}
		if w := scenarios.AreasWarning(p.base, "--vary", f.Key); w != "" {
			p.loadWarnings = append(p.loadWarnings, w)
		}
	}
	if err := p.build(); err != nil {
		return nil, err
	}
	reps, cfgs := p.base.Run.Replications, p.cfgs
	if spec.Shard.Of > 0 {
		if p.shard, err = newManifest(KindSweep, spec.Ref, p.base, spec.Shard, len(p.points), spec.Version); err != nil {
			return nil, fmt.Errorf("%w (a sweep is sharded by its %d points)", err, len(p.points))
		}
		p.shard.Factors, p.shard.ChartKPIs, p.shard.Sets = p.factors, p.spec.KPIs, p.spec.Sets
		cfgs = cfgs[p.shard.First : p.shard.First+p.shard.Count]
	}
	what := fmt.Sprintf("sweep of %s over %d points", p.base.Name, len(p.points))
	if err := checkSummarisedLimits(what, cfgs, reps, spec.Workers(), spec.AllowLarge, spec.Limits); err != nil {
		return nil, err
	}
	if err := p.checkKPIs(); err != nil {
		return nil, err
	}
	return p, nil
}

// parse reads the varied factors and the fixed values.
func (p *SweepPlan) parse() error {
	for _, v := range p.spec.Vary {
		f, err := ParseVary(v)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(p.factors, func(g experiment.Factor) bool { return g.Key == f.Key }) {
			return usage.Errorf("--vary %s given twice: give all its values at once", f.Key)
		}
		p.factors = append(p.factors, f)
	}
	keys := make([]string, len(p.factors))
	for i, f := range p.factors {
		keys[i] = f.Key
	}
	if err := scenarios.SetAndVaried(p.spec.Sets, "--vary", keys); err != nil {
		return err
	}
	if len(p.spec.KPIs) == 0 {
		p.spec.KPIs = DefaultSweepKPIs
	}
	var kpis []string // a KPI asked for twice is one column
	for _, k := range p.spec.KPIs {
		if !slices.Contains(kpis, k) {
			kpis = append(kpis, k)
		}
	}
	p.spec.KPIs = kpis
	p.points = experiment.Grid(p.factors)
	return nil
}

// load is the scenario with the --set values, fresh for each point, and
// its load warnings.
func (p *SweepPlan) load() (*sim.Config, []string, error) {
	c, ws, err := p.spec.load(p.spec.Ref)
	if err != nil {
		return nil, nil, err
	}
	sw, err := p.spec.applySets(c, p.spec.Sets)
	return c, append(ws, sw...), err
}

// build makes each point's scenario.
func (p *SweepPlan) build() error {
	// Refuse a grid far beyond any use before building it.
	if len(p.points) > MaxSweepPoints && !p.spec.AllowLarge {
		return fmt.Errorf("a sweep of %d points is too large to run without --allow-large (limit %d points): vary fewer values, or fewer parameters at once",
			len(p.points), MaxSweepPoints)
	}
	p.cfgs = make([]*sim.Config, len(p.points))
	for i, pt := range p.points {
		c, _, err := p.load()
		if err != nil {
			return err
		}
		// A point's values are set together: two shares varied side by
		// side must sum to 1 only when both are set.
		kvs := make([]scenarios.KeyValue, len(pt))
		for f, v := range pt {
			kvs[f] = scenarios.KeyValue{Key: p.factors[f].Key, Value: v}
		}
		ws, err := p.spec.setAll(c, "--vary", kvs)
		if err != nil {
			return fmt.Errorf("--vary %s (a point of the sweep): %w", pointLabel(p.factors, pt), err)
		}
		for _, w := range ws {
			if !slices.Contains(p.loadWarnings, w) {
				p.loadWarnings = append(p.loadWarnings, w)
			}
		}
		// The options' seed and replications win; one seed for all
		// points gives common random numbers.
		c.Run.Seed, c.Run.Replications = p.base.Run.Seed, p.base.Run.Replications
		p.cfgs[i] = c
	}
	return nil
}

// checkKPIs refuses a KPI the model does not report, so that a mistyped
// --kpi fails before the sweep rather than after it (sim.CheckKPI).
func (p *SweepPlan) checkKPIs() error {
	for _, k := range p.spec.KPIs {
		if err := sim.CheckKPI(p.base, k); err != nil {
			return fmt.Errorf("--kpi %w", err)
		}
	}
	return nil
}

// Name is the plan's default folder name.
func (p *SweepPlan) Name() string { return "sweep-" + p.base.Name }

// Shard is the manifest of the shard the plan runs, or nil for a whole
// sweep.
func (p *SweepPlan) Shard() *Manifest { return p.shard }

// Points is the number of points in the whole sweep.
func (p *SweepPlan) Points() int { return len(p.points) }

// SweepResult is a finished sweep.
type SweepResult struct {
	Ref   string
	Base  *sim.Config // before the varied values
	Sweep *experiment.Sweep
	KPIs  []string // to chart and print
	Sets  []string
	// LoadWarnings are the scenario's load warnings.
	LoadWarnings []string
	Sources      []scenarios.File
	Level        float64
	Version      string
	Workers      int
	Elapsed      time.Duration
	// Shards is how many shards the sweep was merged from; 0 for a sweep
	// made whole. A merged sweep's Elapsed is the merge's.
	Shards int
}

// Sweep plans and executes spec.
func Sweep(ctx context.Context, spec SweepSpec) (*SweepResult, error) {
	p, err := PlanSweep(spec)
	if err != nil {
		return nil, err
	}
	return p.Execute(ctx)
}

// Execute runs every point. An interrupted sweep returns only the
// context's error.
func (p *SweepPlan) Execute(ctx context.Context) (*SweepResult, error) {
	if p.shard != nil {
		return nil, fmt.Errorf("a shard's plan: use ExecuteShard")
	}
	start := time.Now()
	reps := p.base.Run.Replications
	opt := experiment.Options{Replications: reps, Jobs: p.spec.Jobs, Progress: p.spec.progress("sweep", reps*len(p.cfgs), false)}
	sw, err := experiment.RunSweep(ctx, p.factors, p.cfgs, opt, Level)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("interrupted: %w", ctx.Err())
		}
		return nil, err
	}
	r := p.result(sw)
	r.Elapsed = time.Since(start)
	return r, nil
}

func (p *SweepPlan) result(sw *experiment.Sweep) *SweepResult {
	return &SweepResult{Ref: p.spec.Ref, Base: p.base, Sweep: sw, KPIs: p.spec.KPIs, Sets: p.spec.Sets,
		LoadWarnings: p.loadWarnings, Sources: p.sources, Level: Level, Version: p.spec.Version, Workers: p.spec.Workers()}
}

// ParseVary reads KEY=V1,V2,... Values are split at commas outside
// quotes, braces and brackets, so a distribution such as
// {dist = "gamma", mean = 13, sd = 4} is one value.
func ParseVary(s string) (experiment.Factor, error) {
	key, list, ok := strings.Cut(s, "=")
	key = strings.TrimSpace(key)
	if !ok || key == "" || strings.TrimSpace(list) == "" {
		return experiment.Factor{}, usage.Errorf("--vary %q: want KEY=V1,V2,... such as workforce.link_workers=2,3,4", s)
	}
	if err := scenarios.CommonRunKey("--vary", key); err != nil {
		return experiment.Factor{}, err
	}
	if err := scenarios.NoComment("--vary", key, list); err != nil {
		return experiment.Factor{}, err
	}
	values, err := splitValues(list)
	if err != nil {
		return experiment.Factor{}, fmt.Errorf("--vary %s: %w", key, err)
	}
	var out []string
	for _, v := range values {
		steps, isRange, err := experiment.Steps(v)
		if err != nil {
			return experiment.Factor{}, fmt.Errorf("--vary %s: %w", key, err)
		}
		if !isRange {
			steps = []string{v}
		}
		out = append(out, steps...)
	}
	if v, twice := experiment.Repeated(out); twice {
		return experiment.Factor{}, usage.Errorf("--vary %s: %s is given twice; give each value once", key, v)
	}
	return experiment.Factor{Key: key, Values: out}, nil
}

// splitValues splits list at commas outside quotes and brackets.
func splitValues(list string) ([]string, error) {
	var values []string
	var sc valueScanner
	start := 0
	for i := 0; i <= len(list); i++ {
		if i < len(list) && !sc.split(list[i]) {
			continue
		}
		v := strings.TrimSpace(list[start:i])
		if v == "" {
			return nil, usage.Errorf("an empty value in %q", list)
		}
		values = append(values, v)
		start = i + 1
	}
	if !sc.balanced() {
		return nil, fmt.Errorf("unbalanced quotes or brackets in %q", list)
	}
	return values, nil
}

// valueScanner tracks quotes and bracket depth through a list of values.
type valueScanner struct {
	depth int
	quote byte
}

// split reads c and reports whether it is a comma between values.
func (s *valueScanner) split(c byte) bool {
	switch {
	case s.quote != 0:
		if c == s.quote {
			s.quote = 0
		}
	case c == '"' || c == '\'':
		s.quote = c
	case c == '{' || c == '[':
		s.depth++
	case c == '}' || c == ']':
		s.depth--
	case c == ',':
		return s.depth == 0
	}
	return false
}

func (s *valueScanner) balanced() bool { return s.depth == 0 && s.quote == 0 }

func pointLabel(factors []experiment.Factor, values []string) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = factors[i].Key + "=" + v
	}
	return strings.Join(parts, ", ")
}
