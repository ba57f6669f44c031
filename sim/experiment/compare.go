package experiment

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/spsim/spsim/sim"
	"gonum.org/v1/gonum/stat"
)

// Comparison holds scenarios run on common random numbers and, for every
// KPI, each scenario's estimate and its difference from the first
// scenario, the reference.
type Comparison struct {
	Names   []string        // scenario names, the reference first
	Level   float64         // confidence level of every interval
	Results [][]*sim.Result // per scenario, replications in order
	KPIs    []KPIComparison // in the order the reference reports them
	// Periods is the weeks each scenario's KPIs measure, where known
	// (Compare sets them from the configurations; a result keeps only how
	// many weeks, not which): two scenarios measured over as many weeks but
	// not the same ones are not the same service, as growth, seasons and a
	// timeline are dated from week 0.
	Periods []Period
}

// Period is the weeks a scenario's KPIs measure: from the end of its
// warm-up to its horizon, weeks Warmup to Horizon−1 counted from week 0.
type Period struct{ Warmup, Horizon int }

// String names the weeks as the reports do: "weeks 78 to 207".
func (p Period) String() string { return fmt.Sprintf("weeks %d to %d", p.Warmup, p.Horizon-1) }

// KPI returns the comparison of the KPI called name, or nil if c has none.
func (c *Comparison) KPI(name string) *KPIComparison {
	for i := range c.KPIs {
		if c.KPIs[i].Name == name {
			return &c.KPIs[i]
		}
	}
	return nil
}

// KPIComparison is one KPI across the scenarios of a comparison. Each
// slice has one entry per scenario; the differences are scenario minus
// reference, so entry 0 of Paired and Unpaired is undefined (NaN).
type KPIComparison struct {
	Name, Unit string
	Estimates  []Estimate
	// Paired is the Student-t interval of the per-replication differences,
	// which common random numbers make narrow.
	Paired []Estimate
	// Unpaired is Welch's interval, which ignores the pairing: what the
	// comparison would show had the scenarios been run on independent
	// random numbers. It is reported for contrast.
	Unpaired []Estimate
	Values   [][]float64 // per scenario, one value per replication
}

// Compare runs opt.Replications replications of every scenario in cfgs and
// compares them with the first. The scenarios must share a seed, so that
// replication i of each draws the same random numbers process by process
// (common random numbers). Scenarios run one after another, each with
// opt.Jobs workers; opt.Progress, if set, counts replications over all of
// them. On cancellation the scenarios finished so far are not enough for a
// comparison, so Compare returns only ctx's error.
func Compare(ctx context.Context, cfgs []*sim.Config, opt Options, level float64) (*Comparison, error) {
	if len(cfgs) < 2 {
		return nil, fmt.Errorf("comparison of %d scenarios, want at least 2", len(cfgs))
	}
	names := make([]string, len(cfgs))
	for i, c := range cfgs {
		names[i] = c.Name
		if c.Run.Seed != cfgs[0].Run.Seed {
			return nil, fmt.Errorf("scenario %s has seed %d and %s seed %d: common random numbers need one seed",
				c.Name, c.Run.Seed, cfgs[0].Name, cfgs[0].Run.Seed)
		}
	}
	all, err := RunAll(ctx, cfgs, opt)
	if err != nil {
		return nil, err
	}
	cmp := Contrast(names, all, level)
	for _, c := range cfgs {
		cmp.Periods = append(cmp.Periods, Period{Warmup: c.Run.WarmupWeeks, Horizon: c.Run.HorizonWeeks})
	}
	return cmp, nil
}

// RunAll runs replications First..First+Replications-1 of each
// configuration in turn and returns them per configuration. opt.Progress,
// if set, counts replications over all of them. A cancelled run returns
// ctx's error and no results, as a part of a set of scenarios cannot be
// compared.
func RunAll(ctx context.Context, cfgs []*sim.Config, opt Options) ([][]*sim.Result, error) {
	all := make([][]*sim.Result, len(cfgs))
	err := runEach(ctx, cfgs, opt, func(i int, res []*sim.Result) { all[i] = res })
	if err != nil {
		return nil, err
	}
	return all, nil
}

// runEach runs the replications of each configuration in turn, with
// opt.Progress counting over all of them, and hands each's results to
// keep as they finish.
func runEach(ctx context.Context, cfgs []*sim.Config, opt Options, keep func(i int, res []*sim.Result)) error {
	for i, c := range cfgs {
		o := opt
		if opt.Progress != nil {
			base := i * opt.Replications
			o.Progress = func(done int) { opt.Progress(base + done) }
		}
		res, err := Replicate(ctx, c, o)
		if err != nil {
			return fmt.Errorf("scenario %s: %w", c.Name, err)
		}
		keep(i, res)
	}
	return nil
}

// Contrast estimates every KPI of the reference scenario (results[0])
// in each scenario, and each scenario's paired and unpaired differences
// from the reference, every interval within the range the KPI, or a
// difference of it, can take ([KPIRange]). Replication i of every scenario must come from the
// same random numbers for the paired interval to mean anything. A KPI a
// scenario does not report is NaN for it: a community service that only
// some scenarios have is compared too, where they have it.
func Contrast(names []string, results [][]*sim.Result, level float64) *Comparison {
	cmp := &Comparison{Names: names, Level: level, Results: results}
	if len(results) == 0 || len(results[0]) == 0 {
		return cmp
	}
	for _, k := range kpiUnion(results) {
		kc := KPIComparison{Name: k.Name, Unit: k.Unit}
		ks := make([][]*sim.KPI, len(results))
		// A difference may span both scenarios' ranges.
		rng := KPIRange(k.Name, k.Unit)
		rng.Max = math.Inf(-1)
		for s := range results {
			ks[s] = kpisOf(results[s], k.Name)
			rng.Max = max(rng.Max, rangeAcross(ks[s], k.Name, k.Unit).Max)
		}
		for s := range results {
			vals := valuesOf(ks[s])
			kc.Values = append(kc.Values, vals)
			e := kpiInterval(results[s], ks[s], k.Name, k.Unit, vals, level)
			if allNaN(vals) {
				e.N = 0 // the scenario does not report it
			}
			kc.Estimates = append(kc.Estimates, e)
			if s == 0 {
				kc.Paired = append(kc.Paired, Interval(nil, level))
				kc.Unpaired = append(kc.Unpaired, Interval(nil, level))
				continue
			}
			ref := kc.Values[0]
			if len(ref) == len(vals) {
				kc.Paired = append(kc.Paired, PairedIn(ref, vals, level, rng))
			} else {
				kc.Paired = append(kc.Paired, Interval(nil, level))
			}
			kc.Unpaired = append(kc.Unpaired, clampDiff(Welch(ref, vals, level), rng))
		}
		cmp.KPIs = append(cmp.KPIs, kc)
	}
	return cmp
}

// kpiUnion is every KPI any scenario reports, in the reference's order;
// one the reference lacks (a service of another scenario's) goes after the
// last of the reference's with the same base name, or at the end.
func kpiUnion(results [][]*sim.Result) []sim.KPI {
	list := slices.Clone(results[0][0].KPIs)
	seen := make(map[string]bool, len(list))
	for _, k := range list {
		seen[k.Name] = true
	}
	for _, res := range results[1:] {
		if len(res) == 0 {
			continue
		}
		for _, k := range res[0].KPIs {
			if seen[k.Name] {
				continue
			}
			seen[k.Name] = true
			list = slices.Insert(list, unionPlace(list, k.Name), k)
		}
	}
	return list
}

// unionPlace is where a KPI the reference lacks goes in list: after the
// last of its family (a new service's rows after the services', in the
// order its scenario gives them), else after the last of its base name,
// else at the end.
func unionPlace(list []sim.KPI, name string) int {
	base, fam, _ := sim.SplitMember(name)
	for _, same := range []func(b string, f sim.Family) bool{
		func(_ string, f sim.Family) bool { return fam != sim.Overall && f == fam },
		func(b string, _ sim.Family) bool { return b == base },
	} {
		for i := len(list) - 1; i >= 0; i-- {
			if b, f, _ := sim.SplitMember(list[i].Name); same(b, f) {
				return i + 1
			}
		}
	}
	return len(list)
}

// kpisOf is the named KPI of each replication, nil where it is missing.
func kpisOf(results []*sim.Result, name string) []*sim.KPI {
	ks := make([]*sim.KPI, len(results))
	for i, r := range results {
		ks[i] = r.KPIByName(name)
	}
	return ks
}

// valuesOf is the value of each KPI, NaN where it is missing.
func valuesOf(ks []*sim.KPI) []float64 {
	vals := make([]float64, len(ks))
	for i, k := range ks {
		vals[i] = math.NaN()
		if k != nil {
			vals[i] = k.Value
		}
	}
	return vals
}

// Welch returns the difference of means mean(b) − mean(a) with Welch's
// unequal-variance t interval (Welch–Satterthwaite degrees of freedom),
// which treats a and b as independent samples. N is len(a)+len(b) and SD is
// the standard error of the difference. It needs two values in each sample;
// otherwise the interval is NaN. It panics if level is not in (0, 1).
func Welch(a, b []float64, level float64) Estimate {
	ea, eb := Interval(a, level), Interval(b, level)
	nan := math.NaN()
	e := Estimate{Mean: eb.Mean - ea.Mean, Low: nan, High: nan, HalfWidth: nan, SD: nan, N: len(a) + len(b)}
	if len(a) < 2 || len(b) < 2 {
		return e
	}
	va := stat.Variance(a, nil) / float64(len(a))
	vb := stat.Variance(b, nil) / float64(len(b))
	se := math.Sqrt(va + vb)
	e.SD = se
	switch {
	case math.IsNaN(se):
		return e
	case se == 0:
		e.HalfWidth = 0
	default:
		df := (va + vb) * (va + vb) / (va*va/float64(len(a)-1) + vb*vb/float64(len(b)-1))
		t := tQuantile(level, df)
		e.HalfWidth = t * se
	}
	e.Low, e.High = e.Mean-e.HalfWidth, e.Mean+e.HalfWidth
	return e
}

func allNaN(xs []float64) bool {
	for _, x := range xs {
		if !math.IsNaN(x) {
			return false
		}
	}
	return true
}
