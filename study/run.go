package study

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// DefaultMaxReplications caps a precision run.
const DefaultMaxReplications = 200

// RunSpec asks for the replications of one scenario.
type RunSpec struct {
	Ref string // a built-in name or a scenario file; "" is baseline
	// Precision, when above 0, adds replications until the 95%
	// half-width of every KPI the precision judges (HeadlineKPIs, by
	// default PrecisionKPIs) is within this percentage of its mean, or
	// MaxReplications have run.
	Precision       float64
	MaxReplications int // 0 is DefaultMaxReplications
	// Shard, when set, runs only part of the replications, to be merged.
	Shard ShardSpec
	// HeadlineKPIs are the KPIs a precision run judges (default
	// PrecisionKPIs).
	HeadlineKPIs []string
	// Sets are KEY=VALUE settings made on the loaded scenario (--set),
	// in order: a change tried without writing a scenario file.
	Sets []string
	Options
}

// RunPlan is a run checked and ready: its scenario loaded and its cost
// within the limits.
type RunPlan struct {
	spec  RunSpec
	cfg   *sim.Config
	shard *Manifest // nil for a whole run
	// warnings are the scenario's load warnings.
	warnings []string
	// sources are the scenario's files as they were when it was loaded:
	// the report shows what ran, whatever happens to them meanwhile.
	sources []scenarios.File
	// before are warnings about the run's options, known before it runs.
	before []string
}

// PlanRun loads the scenario, applies the options and checks the run's
// cost; nothing runs.
func PlanRun(spec RunSpec) (*RunPlan, error) {
	if spec.Ref == "" {
		spec.Ref = "baseline"
	}
	cfg, warnings, err := spec.load(spec.Ref)
	if err != nil {
		return nil, err
	}
	if err := spec.apply(cfg); err != nil {
		return nil, err
	}
	sw, err := spec.applySets(cfg, spec.Sets)
	if err != nil {
		return nil, err
	}
	p := &RunPlan{spec: spec, cfg: cfg, warnings: append(warnings, sw...), sources: spec.files(spec.Ref)}
	reps := cfg.Run.Replications
	if spec.Precision != 0 {
		if reps, err = p.spec.checkPrecision(cfg); err != nil {
			return nil, err
		}
		if w := p.spec.precisionOutOfReach(); w != "" {
			if spec.Load.Strict {
				return nil, fmt.Errorf("%s (an error under --strict)", w)
			}
			p.before = append(p.before, w)
		}
	} else if spec.MaxReplications != 0 {
		return nil, usage.Errorf("--max-replications applies only with --precision")
	}
	if spec.Shard.Of > 0 {
		if spec.Precision != 0 {
			return nil, usage.Errorf("--shard and --precision do not mix: a shard cannot know when the whole run is precise enough")
		}
		if p.shard, err = newManifest(KindRun, spec.Ref, cfg, spec.Shard, cfg.Run.Replications, spec.Version); err != nil {
			return nil, err
		}
		p.shard.Sets = spec.Sets
		reps = p.shard.Count
	}
	if err := checkLimits("scenario "+cfg.Name, []*sim.Config{cfg}, reps, spec.Workers(), spec.AllowLarge, spec.Limits); err != nil {
		return nil, err
	}
	return p, nil
}

// checkPrecision checks a precision run's options and returns its cap.
func (s *RunSpec) checkPrecision(cfg *sim.Config) (int, error) {
	if s.MaxReplications == 0 {
		s.MaxReplications = DefaultMaxReplications
	}
	if len(s.HeadlineKPIs) == 0 {
		s.HeadlineKPIs = PrecisionKPIs
	}
	switch {
	case !(s.Precision > 0 && s.Precision < 100):
		return 0, usage.Errorf("--precision is a percentage of the mean between 0 and 100, got %g", s.Precision)
	case s.MaxReplications < 2 || s.MaxReplications > MaxReplications:
		return 0, usage.Errorf("--max-replications must be between 2 and %d, got %d", MaxReplications, s.MaxReplications)
	case cfg.Run.Replications > s.MaxReplications:
		return 0, usage.Errorf("%d replications in the first batch exceed --max-replications %d: give --replications %d or fewer, or a larger --max-replications", cfg.Run.Replications, s.MaxReplications, s.MaxReplications)
	}
	return s.MaxReplications, nil
}

// precisionSpread is the least a KPI the precision judges may be taken to
// vary by between replications, as a fraction of its mean, in judging
// before a run whether its target is within reach. The waits a run leads
// with vary by several times as much.
const precisionSpread = 0.01

// precisionOutOfReach warns of a --precision that the replications allowed
// could not reach even were every KPI it judges to vary by only
// precisionSpread between replications: the run would use every one of
// them and then say the target was not reached. "" if within reach.
func (s *RunSpec) precisionOutOfReach() string {
	const z = 1.96 // the 95% interval, as replications become many
	target := s.Precision / 100
	need := (z * precisionSpread / target) * (z * precisionSpread / target)
	if need <= float64(s.MaxReplications) {
		return ""
	}
	needs := "about " + experiment.Count(int(math.Ceil(need)), "replication")
	if need > MaxReplications*1e6 {
		needs = "far more replications than any run could make"
	}
	msg := fmt.Sprintf("--precision %g: warning: ±%g%% of the mean is out of reach of %s (--max-replications): even KPIs that varied by only 1%% between replications would need %s, so the run would make all %d and then say the target was not reached; typical targets are 1 to 10 (percent): ask for a wider one",
		s.Precision, s.Precision, experiment.Count(s.MaxReplications, "replication"), needs, s.MaxReplications)
	if need <= MaxReplications {
		msg += fmt.Sprintf(", or allow %d with --max-replications", int(math.Ceil(need)))
	}
	if p := s.Precision * 100; p >= 1 && p <= 20 {
		msg += fmt.Sprintf("; did you mean %g (a percentage, not a fraction)?", p)
	}
	return msg
}

// Warnings are warnings about the run's options, known before it runs,
// such as a --precision out of reach of the replications allowed: to be
// told before the run, not only after.
func (p *RunPlan) Warnings() []string { return p.before }

// Config is the scenario the plan runs, with the options applied.
func (p *RunPlan) Config() *sim.Config { return p.cfg }

// Name is the plan's default folder name.
func (p *RunPlan) Name() string { return p.cfg.Name }

// Shard is the manifest of the shard the plan runs, or nil for a whole run.
func (p *RunPlan) Shard() *Manifest { return p.shard }

// RunResult is a finished run: every replication and its summaries.
type RunResult struct {
	Ref       string
	Config    *sim.Config
	Results   []*sim.Result // in replication order, with no gaps
	Summaries []experiment.Summary
	// Partial is true when the run was interrupted: Results are the
	// replications that finished first.
	Partial   bool
	Precision *Precision                   // for a precision run
	Warmup    *experiment.WarmupSuggestion // MSER-5, when it could be made
	Warnings  []string
	// LoadWarnings are values the scenario allows but that are unlikely
	// to be meant (file:line:col: key = value: warning: ...).
	LoadWarnings []string
	Sets         []string         // KEY=VALUE settings made on the loaded scenario (--set)
	Sources      []scenarios.File // the scenario files as written
	Level        float64
	Version      string
	Workers      int
	Elapsed      time.Duration
	// Shards is how many shards the run was merged from; 0 for a run
	// made whole. A merged run's Elapsed is the merge's, not the
	// simulation's.
	Shards int
}

// Precision is how a precision run went.
type Precision struct {
	TargetPercent   float64
	MaxReplications int
	Outcome         *experiment.PrecisionOutcome
}

// Run plans and executes spec.
func Run(ctx context.Context, spec RunSpec) (*RunResult, error) {
	p, err := PlanRun(spec)
	if err != nil {
		return nil, err
	}
	return p.Execute(ctx)
}

// Execute runs the plan. An interrupted run returns the replications that
// finished, marked Partial, and no error, unless none finished; a shard is
// all or nothing, so an interrupted shard returns the context's error.
// Use ExecuteShard for a shard's results.
func (p *RunPlan) Execute(ctx context.Context) (*RunResult, error) {
	if p.shard != nil {
		return nil, errors.New("a shard's plan: use ExecuteShard")
	}
	start := time.Now()
	cfg, spec := p.cfg, p.spec
	var (
		results []*sim.Result
		prec    *Precision
		err     error
	)
	// Without an output drawn from the weekly tables, each replication
	// keeps only the series the warm-up suggestion reads.
	var columns []string
	if !spec.Outputs.NeedsWeekly() {
		columns = experiment.WarmupColumns
		if experiment.ReadsChanges(cfg) {
			// and those the answer reads before and after a change
			columns = slices.Concat(columns, experiment.ChangeColumns)
		}
	}
	if spec.Precision != 0 {
		var out *experiment.PrecisionOutcome
		out, err = experiment.Sequential(ctx, cfg, experiment.PrecisionOptions{
			Target: spec.Precision / 100, KPIs: spec.HeadlineKPIs, Level: Level,
			Initial: max(cfg.Run.Replications, 2), Max: spec.MaxReplications, Jobs: spec.Jobs,
			Progress: spec.progress(cfg.Name, spec.MaxReplications, true), Columns: columns,
		})
		if out != nil {
			results = out.Results
			prec = &Precision{TargetPercent: spec.Precision, MaxReplications: spec.MaxReplications, Outcome: out}
		}
	} else {
		results, err = experiment.Replicate(ctx, cfg, experiment.Options{
			Replications: cfg.Run.Replications, Jobs: spec.Jobs,
			Progress: spec.progress(cfg.Name, cfg.Run.Replications, false), Columns: columns,
		})
	}
	partial := err != nil && errors.Is(err, context.Canceled)
	if err != nil && !partial {
		return nil, err
	}
	if len(results) == 0 {
		return nil, fmt.Errorf("interrupted before any replication finished: %w", err)
	}
	r := newRunResult(spec.Ref, cfg, results, p.sources, spec.Options)
	r.Partial, r.Precision, r.LoadWarnings, r.Sets = partial, prec, p.warnings, spec.Sets
	r.analyse()
	r.Elapsed = time.Since(start)
	return r, nil
}

func newRunResult(ref string, cfg *sim.Config, results []*sim.Result, sources []scenarios.File, o Options) *RunResult {
	return &RunResult{Ref: ref, Config: cfg, Results: results, Sources: sources,
		Level: Level, Version: o.Version, Workers: o.Workers()}
}

// analyse summarises the replications, suggests a warm-up and gathers the
// warnings.
func (r *RunResult) analyse() {
	r.Summaries = experiment.Summarise(r.Results, Level)
	if sug, err := experiment.SuggestWarmup(r.Results, firstChange(r.Config)); err == nil {
		sug.Growing = growing(r.Config)
		r.Warmup = &sug
	} else {
		r.Warnings = append(r.Warnings, "no warm-up suggestion: "+err.Error())
	}
	r.Warnings = append(r.Warnings, r.warmupWarning()...)
	r.Warnings = append(r.Warnings, r.precisionWarnings()...)
}

// firstChange is the week of the earliest planned change, in cfg's
// timeline or an area's, that falls in the weeks the KPIs measure (from the
// end of the warm-up on), or 0 if there is none. A change during the
// warm-up (a post funded from week 1) is part of the start the warm-up
// lets settle, and MSER-5 reads it as such.
func firstChange(cfg *sim.Config) int {
	first := 0
	visit := func(c *sim.Config) {
		for _, ch := range c.Timeline {
			if ch.Week >= cfg.Run.WarmupWeeks && (first == 0 || ch.Week < first) {
				first = ch.Week
			}
		}
	}
	visit(cfg)
	for _, a := range cfg.Areas.List {
		if a.Resolved != nil {
			visit(a.Resolved)
		}
	}
	return first
}

// growing reports whether referrals grow or shrink year on year in cfg
// or any of its areas.
func growing(cfg *sim.Config) bool {
	if cfg.Demand.AnnualGrowth != 0 {
		return true
	}
	for _, a := range cfg.Areas.List {
		if a.Resolved != nil && a.Resolved.Demand.AnnualGrowth != 0 {
			return true
		}
	}
	return false
}

// warmupWarning warns when MSER-5 suggests a longer warm-up than the
// scenario's; not when referrals grow, where the suggestion reads the
// growth (the terminal and the report say so instead), nor when a run
// starts from today's caseload with no warm-up: there the initial state
// is the point, not a transient to leave out.
func (r *RunResult) warmupWarning() []string {
	if r.Warmup == nil || r.Warmup.Weeks <= r.Config.Run.WarmupWeeks || r.Warmup.Growing {
		return nil
	}
	if r.Config.Run.WarmupWeeks == 0 && len(r.Config.Initial.People) > 0 {
		return nil
	}
	var parts []string
	for i, s := range r.Warmup.PerSeries {
		name, ok := settling[s.Column]
		if !ok {
			name = s.Column
		}
		verb := " settles" // once: "the waiting list settles by week 55, caseloads by week 0"
		if i > 0 {
			verb = ""
		}
		parts = append(parts, fmt.Sprintf("%s%s by week %d", name, verb, s.Weeks))
	}
	return []string{fmt.Sprintf("MSER-5 suggests a warm-up of %d weeks (%s), longer than the scenario's run.warmup_weeks = %d; KPIs may carry some of the initial state",
		r.Warmup.Weeks, strings.Join(parts, ", "), r.Config.Run.WarmupWeeks)}
}

// settling names the series MSER-5 reads (experiment.WarmupColumns) in
// words, for a warning read by people; the report's method, for
// researchers, keeps the weekly columns' names.
var settling = map[string]string{
	sim.ColWaitingListMean: "the waiting list",
	sim.ColCaseloadMean:    "caseloads",
}

func (r *RunResult) precisionWarnings() []string {
	if r.Precision == nil {
		return nil
	}
	var ws, short []string
	for _, c := range r.Precision.Outcome.Checks {
		switch {
		case c.Skipped != "":
			ws = append(ws, fmt.Sprintf("precision: %s skipped, %s", c.KPI, c.Skipped))
		case !c.Met:
			short = append(short, kpiWords(c.KPI))
		}
	}
	switch {
	case !r.Precision.Outcome.Reached && r.Partial:
		// The interrupt stopped it, not the cap: more replications would
		// not be the cure.
		ws = append(ws, fmt.Sprintf("precision: target ±%g%% not reached: the run was interrupted after %d replications, before its cap of %d, for %s",
			r.Precision.TargetPercent, len(r.Results), r.Precision.MaxReplications, strings.Join(short, ", ")))
	case !r.Precision.Outcome.Reached:
		ws = append(ws, fmt.Sprintf("precision: target ±%g%% not reached after %d replications (cap %d) for %s; "+
			"a KPI with a small mean (a few a year) or one that varies much between replications needs many for a precision relative to its mean: raise --max-replications, or ask for a wider --precision",
			r.Precision.TargetPercent, len(r.Results), r.Precision.MaxReplications, strings.Join(short, ", ")))
	}
	return ws
}

// kpiWords names a KPI in words with its key: "link workers leaving
// (leavers)".
func kpiWords(name string) string {
	m, ok := sim.LookupKPI(name)
	if !ok || m.Label == "" {
		return name
	}
	return strings.ToLower(m.Label[:1]) + m.Label[1:] + " (" + name + ")"
}
