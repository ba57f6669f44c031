package study

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// CompareSpec asks for two or more scenarios run on common random
// numbers, each compared with the first, the reference.
type CompareSpec struct {
	Refs []string
	// Sets are KEY=VALUE settings made on every scenario after loading
	// (--set): the comparison under other conditions, such as faster growth.
	Sets []string
	Options
}

// ComparePlan is a comparison checked and ready.
type ComparePlan struct {
	spec         CompareSpec
	cfgs         []*sim.Config
	warnings     []string
	loadWarnings []string
	sources      []scenarios.File // as loaded, every file once
}

// PlanCompare loads the scenarios, gives them the reference's seed and
// replications, and checks the whole comparison's cost.
func PlanCompare(spec CompareSpec) (*ComparePlan, error) {
	if len(spec.Refs) < 2 {
		return nil, fmt.Errorf("compare takes two or more scenarios (the first is the reference), got %d", len(spec.Refs))
	}
	p := &ComparePlan{spec: spec, cfgs: make([]*sim.Config, len(spec.Refs))}
	for _, ref := range spec.Refs {
		p.sources = appendFiles(p.sources, spec.files(ref))
	}
	var seen scenarios.NameSet[string] // the ref each name came from
	for i, ref := range spec.Refs {
		c, ws, err := spec.load(ref)
		if err != nil {
			return nil, err
		}
		sw, err := spec.applySets(c, spec.Sets)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ref, err)
		}
		p.loadWarnings = append(append(p.loadWarnings, ws...), sw...)
		if first, prev, dup := seen.Add(c.Name, ref); dup && first == c.Name {
			return nil, fmt.Errorf("%s and %s are both named %q: compare needs distinct scenario names", prev, ref, c.Name)
		} else if dup {
			return nil, fmt.Errorf("%s and %s are named %q and %q, which print alike (%s): compare needs distinct scenario names", prev, ref, first, c.Name, scenarios.NamesAlike)
		}
		p.cfgs[i] = c
	}
	// Common random numbers: one seed and one number of replications, the
	// reference's unless given.
	ref := p.cfgs[0]
	if err := p.spec.apply(ref); err != nil {
		return nil, err
	}
	for _, c := range p.cfgs[1:] {
		if w := p.commonRunWords(c, ref); w != "" {
			p.warnings = append(p.warnings, w)
		}
		c.Run.Seed, c.Run.Replications = ref.Run.Seed, ref.Run.Replications
		if a, b := areaCount(c), areaCount(ref); a != b {
			p.warnings = append(p.warnings, fmt.Sprintf("%s runs %s and %s %s: totals (referrals, people, costs) are of different populations; compare rates and shares",
				c.Name, experiment.Count(a, "area"), ref.Name, experiment.Count(b, "area")))
		}
		if c.Run.HorizonWeeks != ref.Run.HorizonWeeks || c.Run.WarmupWeeks != ref.Run.WarmupWeeks {
			p.warnings = append(p.warnings, fmt.Sprintf("%s runs %d weeks with %d of warm-up and %s %d with %d: its KPIs cover a different period",
				c.Name, c.Run.HorizonWeeks, c.Run.WarmupWeeks, ref.Name, ref.Run.HorizonWeeks, ref.Run.WarmupWeeks))
		}
	}
	what := "comparison " + strings.Join(p.names(), " vs ")
	if err := checkLimits(what, p.cfgs, ref.Run.Replications, p.spec.Workers(), p.spec.AllowLarge, p.spec.Limits); err != nil {
		return nil, err
	}
	return p, nil
}

// commonRunWords says, of a compared scenario whose own seed or
// replications differ from the reference's (and no flag set them for
// all), that it runs with the reference's: common random numbers need one
// of each, and a setting dropped without a word would look obeyed. It is
// "" when nothing differs.
func (p *ComparePlan) commonRunWords(c, ref *sim.Config) string {
	var own, used []string
	if p.spec.Seed == nil && c.Run.Seed != ref.Run.Seed {
		own = append(own, fmt.Sprintf("run.seed = %d", c.Run.Seed))
		used = append(used, fmt.Sprintf("seed %d", ref.Run.Seed))
	}
	if p.spec.Replications == 0 && c.Run.Replications != ref.Run.Replications {
		own = append(own, fmt.Sprintf("run.replications = %d", c.Run.Replications))
		used = append(used, fmt.Sprintf("%d replications", ref.Run.Replications))
	}
	if len(own) == 0 {
		return ""
	}
	return fmt.Sprintf("%s sets %s; compared on common random numbers, it runs with %s's %s (--seed and --replications set them for all)",
		c.Name, strings.Join(own, " and "), ref.Name, strings.Join(used, " and "))
}

// areaCount is how many areas a scenario runs: one, unless it has several.
func areaCount(c *sim.Config) int { return max(c.Areas.Count, len(c.Areas.List), 1) }

func (p *ComparePlan) names() []string {
	names := make([]string, len(p.cfgs))
	for i, c := range p.cfgs {
		names[i] = c.Name
	}
	return names
}

// Name is the plan's default folder name.
func (p *ComparePlan) Name() string { return "compare-" + strings.Join(p.names(), "-vs-") }

// Configs are the scenarios compared, the reference first.
func (p *ComparePlan) Configs() []*sim.Config { return p.cfgs }

// CompareResult is a finished comparison.
type CompareResult struct {
	Refs       []string
	Configs    []*sim.Config // the reference first
	Comparison *experiment.Comparison
	Warnings   []string
	// LoadWarnings are the scenarios' load warnings.
	LoadWarnings []string
	Sets         []string         // KEY=VALUE settings made on every scenario (--set)
	Sources      []scenarios.File // every file behind the scenarios, once each
	Level        float64
	Version      string
	Workers      int
	Elapsed      time.Duration
}

// Compare plans and executes spec.
func Compare(ctx context.Context, spec CompareSpec) (*CompareResult, error) {
	p, err := PlanCompare(spec)
	if err != nil {
		return nil, err
	}
	return p.Execute(ctx)
}

// Execute runs every scenario's replications and compares them. A
// comparison needs every scenario, so an interrupted one returns only the
// context's error.
func (p *ComparePlan) Execute(ctx context.Context) (*CompareResult, error) {
	start := time.Now()
	reps := p.cfgs[0].Run.Replications
	opt := experiment.Options{Replications: reps, Jobs: p.spec.Jobs, Progress: p.spec.progress("compare", reps*len(p.cfgs), false)}
	cmp, err := experiment.Compare(ctx, p.cfgs, opt, Level)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("interrupted: a comparison needs every scenario: %w", ctx.Err())
		}
		return nil, err
	}
	r := &CompareResult{Refs: p.spec.Refs, Configs: p.cfgs, Comparison: cmp, Warnings: p.warnings, LoadWarnings: p.loadWarnings, Sets: p.spec.Sets,
		Level: Level, Version: p.spec.Version, Workers: p.spec.Workers()}
	r.Sources = p.sources
	r.Elapsed = time.Since(start)
	return r, nil
}

// appendFiles appends the files not already listed (scenarios extending
// the same parent).
func appendFiles(list, more []scenarios.File) []scenarios.File {
outer:
	for _, f := range more {
		for _, g := range list {
			if g.Name == f.Name {
				continue outer
			}
		}
		list = append(list, f)
	}
	return list
}
