package sensitivity

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/gonum/stat"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Spec asks for a sensitivity analysis.
type Spec struct {
	Ref  string
	Vary []string // KEY=LO..HI; none: UncertainInputs
	// Uncertain says Vary was empty and the uncertain inputs were taken.
	Uncertain bool
	Sets      []string // KEY=VALUE, fixed
	Method    Method   // Morris if empty
	KPIs      []string
	// Reps is the replications per point (common random numbers across
	// points); Trajectories (Morris) and Samples (Sobol's N) size the
	// design; Boot is the bootstrap resamples.
	Reps, Trajectories, Samples, Boot int
	Seed                              *uint64
	Jobs                              int
	// AllowLarge lifts the limits on estimated events and memory
	// (experiment.CheckLimits); Limits are those limits, the command
	// line's when zero.
	AllowLarge bool
	Limits     experiment.Limits
	// Progress, if set, is told the points done and the total.
	Progress func(done, total int)
}

// Method is a sensitivity method.
type Method string

// The methods: Morris's elementary effects screen many inputs cheaply;
// Sobol's indices apportion the variance among a few.
const (
	Morris Method = "morris"
	Sobol  Method = "sobol"
)

// DefaultKPIs are analysed when none are named.
var DefaultKPIs = []string{sim.KPINeedsMet, sim.KPILeavers}

// Result is a finished analysis.
type Result struct {
	Ref    string
	Method Method
	Inputs []Input
	KPIs   []string
	Reps   int
	Points int
	Seed   uint64
	Level  float64
	Morris [][]MorrisEffects // per KPI, per input
	Sobol  [][]SobolIndices  // per KPI, per input
	// SobolGap is, per KPI, the total index of the input ranked first
	// minus the second's, with its interval (Sobol only; NaN without two).
	SobolGap []Interval
	// SobolGaps is, per KPI, the total index of each of the first three
	// inputs ranked minus the next one's, with its interval (Sobol only):
	// SobolGaps[k][0] is SobolGap[k].
	SobolGaps [][]Interval
	// Noise is, per KPI, the share of the variance of the points' means
	// that is replication noise.
	Noise []float64
	// Undefined is, per KPI, how many points had no value of it (a wait
	// where nobody is seen); such a KPI's drivers are not ranked.
	Undefined []int
	Base      *sim.Config
	Files     []scenarios.File // the scenario's files as written, read when planned
	Elapsed   time.Duration
	Jobs      int // parallel workers, for the report's run time
	// Warnings are about values the scenario or --set allows but that
	// are unlikely to be meant (on-costs of 28 for 0.28).
	Warnings []string
	// Labels name inputs in words by key, such as "Referrals a week" for
	// demand.referrals_per_week, in the sentences and charts: Run takes
	// them from scenarios.KeyLabel. An input without one is named by its key.
	Labels map[string]string
	// Uncertain says no inputs were named, and the analysis varied
	// UncertainInputs.
	Uncertain bool
	// Sets are the values fixed for every point (--set KEY=VALUE).
	Sets []string
	// Design is every point's input values as set (Input.At), in the
	// order of Inputs; Means is, per point, each KPI's mean over its
	// replications, in the order of KPIs (NaN where not defined). Morris
	// trajectory t is points t(k+1) .. t(k+1)+k; Sobol's are A's N rows,
	// B's, then A with each input's column from B.
	Design [][]string
	Means  [][]float64
}

// name is input i in words, or its key.
func (r *Result) name(i int) string {
	if l := r.Labels[r.Inputs[i].Key]; l != "" {
		return l
	}
	return r.Inputs[i].Key
}

// Run plans the analysis (Plan) and runs it.
func Run(ctx context.Context, spec Spec) (*Result, error) {
	a, err := Plan(spec)
	if err != nil {
		return nil, err
	}
	return a.Run(ctx)
}

// Analysis is an analysis ready to run: its inputs, its design's points,
// and every point's scenario checked.
type Analysis struct {
	// Progress, if set, is told the points done and the total; Plan sets
	// it to the spec's.
	Progress func(done, total int)

	spec   Spec
	r      *Result
	points [][]float64
	morris *MorrisDesign
	sobol  *SobolDesign
	start  time.Time
}

// Result is what the analysis will report, before it has run: its
// inputs, points, warnings and base scenario.
func (a *Analysis) Result() *Result { return a.r }

// Plan checks spec, reads the scenario and the inputs, and builds the
// design; every point's scenario is built and checked, and the whole is
// checked against experiment's limits, before any replication runs.
func Plan(spec Spec) (*Analysis, error) {
	a := &Analysis{start: time.Now()}
	uncertain := len(spec.Vary) == 0
	if err := spec.complete(); err != nil {
		return nil, err
	}
	a.spec, a.Progress = spec, spec.Progress
	base, warns, err := scenarios.LoadWithSets(spec.Ref, spec.Seed, spec.Sets)
	if err != nil {
		return nil, err
	}
	if err := checkKPIs(base, spec.KPIs); err != nil {
		return nil, err
	}
	r := &Result{Files: scenarios.Files(spec.Ref), Ref: spec.Ref, Method: spec.Method, KPIs: spec.KPIs, Reps: spec.Reps, Jobs: spec.Jobs, Seed: base.Run.Seed, Level: 0.95, Base: base, Warnings: warns, Uncertain: uncertain, Sets: append([]string{}, spec.Sets...)}
	a.r = r
	if r.Inputs, err = inputs(spec); err != nil {
		return nil, err
	}
	if err := r.label(base); err != nil {
		return nil, err
	}
	if err := checkSize(spec, r, base); err != nil {
		return nil, err
	}
	if spec.Method == Morris {
		if a.morris, err = NewMorris(len(r.Inputs), spec.Trajectories, 4, r.Seed); err != nil {
			return nil, err
		}
		a.morris.Realise(func(i int, u float64) float64 { return r.Inputs[i].Unit(u) })
		if err := stepsTaken(r.Inputs, a.morris); err != nil {
			return nil, err
		}
		a.points = a.morris.Points
	} else {
		if a.sobol, err = NewSobol(len(r.Inputs), spec.Samples, r.Seed); err != nil {
			return nil, err
		}
		a.points = a.sobol.Points()
	}
	r.Points = len(a.points)
	if err := check(spec, r, a.points); err != nil {
		return nil, err
	}
	return a, nil
}

// stepsTaken refuses a whole-number input whose range is so narrow that
// a step of the design rounds to no change (3.2..4.2: 3, 4, 4, 4): that
// step has no elementary effect to measure, and 0 would be reported as if
// the input did not matter.
func stepsTaken(ins []Input, d *MorrisDesign) error {
	for t := range d.R {
		base := t * (d.K + 1)
		for s, i := range d.Order[t] {
			if d.Step(base+s, i) == 0 {
				in := ins[i]
				return usage.Errorf("--vary %s=%s..%s: a whole number, and the range is too narrow for Morris's steps of 2/3 of it: %s and %s both round to %s; give the range whole-number ends (such as 3..4), or vary it with spsim sweep",
					in.Key, strconv.FormatFloat(in.Lo, 'g', -1, 64), strconv.FormatFloat(in.Hi, 'g', -1, 64),
					strconv.FormatFloat(in.Lo+d.Points[base+s][i]*(in.Hi-in.Lo), 'g', 4, 64),
					strconv.FormatFloat(in.Lo+d.Points[base+s+1][i]*(in.Hi-in.Lo), 'g', 4, 64), in.At(d.Points[base+s][i]))
			}
		}
	}
	return nil
}

// label names the inputs in words and warns of those the scenario keeps
// from reaching the KPIs: set again by its timeline, or by some areas.
func (r *Result) label(base *sim.Config) error {
	r.Labels = map[string]string{}
	for _, in := range r.Inputs {
		if w := scenarios.KeyLabel(in.Key); w != "" {
			r.Labels[in.Key] = w
		}
		if err := scenarios.Unreached(base, "--vary", in.Key); err != nil {
			return err
		}
		if msg := scenarios.Overridden(base, in.Key); msg != "" {
			r.Warnings = append(r.Warnings, "--vary "+in.Key+": warning: "+msg)
		}
		if w := scenarios.AreasWarning(base, "--vary", in.Key); w != "" {
			r.Warnings = append(r.Warnings, w)
		}
	}
	return nil
}

// Run runs every point's replications and analyses them.
func (a *Analysis) Run(ctx context.Context) (*Result, error) {
	a.spec.Progress = a.Progress
	means, noise, err := evaluate(ctx, a.spec, a.r, a.points)
	if err != nil {
		return nil, err
	}
	a.r.Noise = noise
	for p, u := range a.points {
		vals := make([]string, len(a.r.Inputs))
		for i, in := range a.r.Inputs {
			vals[i] = in.At(u[i])
		}
		ms := make([]float64, len(a.r.KPIs))
		for k := range a.r.KPIs {
			ms[k] = means[k][p]
		}
		a.r.Design, a.r.Means = append(a.r.Design, vals), append(a.r.Means, ms)
	}
	a.r.analyse(means, a.morris, a.sobol, a.spec.Boot)
	a.r.Elapsed = time.Since(a.start)
	return a.r, nil
}

// analyse reads each KPI's means at the design's points: how many are not
// defined, and the Morris effects, or the Sobol indices and the gap
// between the first two inputs' total indices.
func (r *Result) analyse(means [][]float64, morris *MorrisDesign, sobol *SobolDesign, boot int) {
	r.Undefined = make([]int, len(r.KPIs))
	for k := range r.KPIs {
		for _, y := range means[k] {
			if math.IsNaN(y) {
				r.Undefined[k]++
			}
		}
		if morris != nil {
			r.Morris = append(r.Morris, morris.Morris(means[k], r.Level, boot, r.Seed))
			continue
		}
		r.Sobol = append(r.Sobol, sobol.Indices(means[k], r.Level, boot, r.Seed))
		gap := Interval{Value: math.NaN(), Low: math.NaN(), High: math.NaN()}
		var gaps []Interval
		if rank := r.Ranked(k); len(rank) >= 2 && r.Undefined[k] == 0 {
			gap = sobol.TotalGap(means[k], rank[0], rank[1], r.Level, gapBoot, r.Seed+uint64(k))
			gaps = append(gaps, gap)
			if len(rank) >= 3 {
				gaps = append(gaps, sobol.TotalGap(means[k], rank[1], rank[2], r.Level, gapBoot, r.Seed+uint64(k)+1<<32))
			}
		}
		r.SobolGap = append(r.SobolGap, gap)
		r.SobolGaps = append(r.SobolGaps, gaps)
	}
}

// checkKPIs refuses a KPI the scenario does not report (sim.CheckKPI),
// before any run.
func checkKPIs(base *sim.Config, kpis []string) error {
	for _, k := range kpis {
		if err := sim.CheckKPI(base, k); err != nil {
			return fmt.Errorf("--kpi %w", err)
		}
	}
	return nil
}

// complete checks spec and fills in its defaults.
func (spec *Spec) complete() error {
	if spec.Method == "" {
		spec.Method = Morris
	}
	if spec.Method != Morris && spec.Method != Sobol {
		return usage.Errorf("--method %q: want morris (screening many inputs) or sobol (indices for a few)", spec.Method)
	}
	if len(spec.Vary) == 0 {
		spec.Vary = UncertainInputs()
	}
	if len(spec.KPIs) == 0 {
		spec.KPIs = DefaultKPIs
	}
	var kpis []string // a KPI asked for twice is analysed once
	for _, k := range spec.KPIs {
		if !slices.Contains(kpis, k) {
			kpis = append(kpis, k)
		}
	}
	spec.KPIs = kpis
	spec.Reps, spec.Trajectories, spec.Samples, spec.Boot = or(spec.Reps, 3), or(spec.Trajectories, 10), or(spec.Samples, 32), or(spec.Boot, 500)
	return nil
}

func or(x, def int) int {
	if x > 0 {
		return x
	}
	return def
}

func load(spec Spec) (*sim.Config, error) {
	c, _, err := scenarios.LoadWithSets(spec.Ref, spec.Seed, spec.Sets)
	return c, err
}

// pointConfig is the scenario at point u of the design: every input set
// at once, so that values which must change together can.
func pointConfig(r *Result, u []float64) (*sim.Config, error) {
	c := *r.Base
	kvs := make([]scenarios.KeyValue, len(r.Inputs))
	for i, in := range r.Inputs {
		kvs[i] = scenarios.KeyValue{Key: in.Key, Value: in.At(u[i])}
	}
	if _, err := scenarios.SetAll(&c, kvs); err != nil {
		return nil, fmt.Errorf("--vary at the point %s: %w", pointWords(kvs), err)
	}
	return &c, nil
}

// rangeEndRefused is the error of the first input whose range, as given,
// ends at a value the scenario refuses on its own (0..30 for a share:
// 30), or nil.
func rangeEndRefused(r *Result) error {
	for _, in := range r.Inputs {
		for _, u := range []float64{0, 1} {
			c := *r.Base
			if _, err := scenarios.SetAll(&c, []scenarios.KeyValue{{Key: in.Key, Value: in.At(u)}}); err != nil {
				return fmt.Errorf("--vary %s=%s..%s: %w", in.Key, in.At(0), in.At(1), err)
			}
		}
	}
	return nil
}

// pointWords names a point by its values: "workforce.link_workers = 3,
// demand.referrals_per_week = 24.5".
func pointWords(kvs []scenarios.KeyValue) string {
	parts := make([]string, len(kvs))
	for i, kv := range kvs {
		parts[i] = kv.Key + " = " + kv.Value
	}
	return strings.Join(parts, ", ")
}

// maxPoints bounds a design, --allow-large or not: past it the design's
// points alone (and every point's scenario, built to check it) would take
// gigabytes before any replication ran.
const maxPoints = 1_000_000

// checkSize refuses a design too large to run before it is built, from
// its number of points and the base scenario's cost: a million Morris
// trajectories once built for minutes, in gigabytes, before being told.
// check, after the design, weighs every point's own scenario.
func checkSize(spec Spec, r *Result, base *sim.Config) error {
	k := float64(len(r.Inputs))
	points := float64(spec.Trajectories) * (k + 1)
	if spec.Method == Sobol {
		points = float64(spec.Samples) * (k + 2)
	}
	if points > maxPoints {
		return fmt.Errorf("a design of %s points (%s): at most %s can be run; use fewer %s",
			experiment.Number(points), designWords(spec, len(r.Inputs)), experiment.Number(maxPoints),
			map[Method]string{Morris: "--trajectories", Sobol: "--samples"}[spec.Method])
	}
	if spec.AllowLarge {
		return nil
	}
	var b experiment.Batch
	b.Add(base, int(points)*r.Reps, spec.Jobs)
	return b.Check("sensitivity "+base.Name, spec.Limits)
}

// designWords says how a design's size is made: "100 trajectories of 4
// points" or "1,000 base samples × (3 inputs + 2)".
func designWords(spec Spec, k int) string {
	if spec.Method == Sobol {
		return fmt.Sprintf("%s base samples × (%s + 2)", experiment.Number(float64(spec.Samples)), experiment.Count(k, "input"))
	}
	return fmt.Sprintf("%s trajectories of %d points", experiment.Number(float64(spec.Trajectories)), k+1)
}

// check builds every point's scenario before any replication runs, so that
// a value the scenario refuses, or a design too large to run, is told at
// once rather than after part of the work.
func check(spec Spec, r *Result, points [][]float64) error {
	var b experiment.Batch
	for _, u := range points {
		c, err := pointConfig(r, u)
		if err != nil {
			if e := rangeEndRefused(r); e != nil {
				return e // in the user's own values, not a point of the design
			}
			return err
		}
		b.Add(c, r.Reps, spec.Jobs)
	}
	if spec.AllowLarge {
		return nil
	}
	return b.Check("sensitivity "+r.Base.Name, spec.Limits)
}

// evaluate runs every point's replications and returns, per KPI, each
// point's mean, and the share of the means' variance that is noise.
func evaluate(ctx context.Context, spec Spec, r *Result, points [][]float64) (means [][]float64, noise []float64, err error) {
	means = make([][]float64, len(r.KPIs))
	within := make([]float64, len(r.KPIs))
	for p, u := range points {
		c, err := pointConfig(r, u)
		if err != nil {
			return nil, nil, err
		}
		rs, err := experiment.Replicate(ctx, c, experiment.Options{Replications: r.Reps, Jobs: spec.Jobs})
		if err != nil {
			return nil, nil, err
		}
		for k, name := range r.KPIs {
			xs := make([]float64, len(rs))
			for j, res := range rs {
				xs[j], _ = res.KPI(name)
			}
			m, v := stat.MeanVariance(xs, nil)
			means[k] = append(means[k], m)
			if len(xs) > 1 {
				within[k] += v
			}
		}
		if spec.Progress != nil {
			spec.Progress(p+1, len(points))
		}
	}
	for k := range r.KPIs {
		total := stat.Variance(means[k], nil)
		share := within[k] / float64(len(points)) / float64(r.Reps) / total
		if r.Reps < 2 || total == 0 {
			share = math.NaN()
		}
		noise = append(noise, math.Min(share, 1))
	}
	return means, noise, nil
}
