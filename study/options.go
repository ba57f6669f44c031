package study

import (
	"fmt"
	"runtime"
	"strings"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/scenarios"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// Level is the confidence level of every interval a study reports.
const Level = 0.95

// Options are what every study shares.
type Options struct {
	// Replications overrides the scenario's run.replications when above 0.
	Replications int
	// Seed overrides the scenario's run.seed when not nil.
	Seed *uint64
	// Jobs is the number of parallel workers; 0 means all cores. Results
	// do not depend on it.
	Jobs int
	// AllowLarge lifts the limits on estimated events and memory.
	AllowLarge bool
	// Limits are those limits; the zero Limits are the command line's.
	Limits experiment.Limits
	// Outputs are the files to produce. Study uses them to skip work no
	// output needs; package output writes only these.
	Outputs Outputs
	// Progress, if set, is called as replications finish. It may be called
	// from several goroutines.
	Progress func(Progress)
	// Version is the spsim version recorded in results and shards.
	Version string
	// Load controls how scenarios are read: an allowed root for files and
	// extends, built-ins only, and Strict, which makes load warnings errors.
	Load scenarios.Options
}

// Progress is how far a study has gone.
type Progress struct {
	Label string // what runs: a scenario's name, "compare", "sweep"
	Done  int    // replications finished
	Total int    // replications planned
	// Cap is true when Total is a cap, not a plan (a --precision run
	// stops when its intervals are narrow enough).
	Cap bool
}

// progress returns a callback counting replications towards total, or nil.
func (o *Options) progress(label string, total int, capped bool) func(int) {
	if o.Progress == nil {
		return nil
	}
	return func(done int) { o.Progress(Progress{Label: label, Done: done, Total: total, Cap: capped}) }
}

// Workers is the number of parallel workers the options give.
func (o *Options) Workers() int {
	if o.Jobs > 0 {
		return o.Jobs
	}
	return runtime.NumCPU()
}

// MaxReplications bounds --replications.
const MaxReplications = 10000

// apply sets the replications and seed the options give on cfg.
func (o *Options) apply(cfg *sim.Config) error {
	if o.Replications != 0 {
		if o.Replications < 1 || o.Replications > MaxReplications {
			return usage.Errorf("--replications must be between 1 and %d, got %d", MaxReplications, o.Replications)
		}
		cfg.Run.Replications = o.Replications
	}
	if o.Seed != nil {
		cfg.Run.Seed = *o.Seed
	}
	if o.Jobs < 0 {
		return usage.Errorf("--jobs must be 0 (all cores) or more, got %d", o.Jobs)
	}
	if o.Outputs == nil {
		o.Outputs = DefaultOutputs()
	}
	return nil
}

// Headline are the KPIs printed after a run or a comparison, shown first
// in its report, and judged by a precision run: every measure a verdict
// names is among them, so that a reader can check each claim.
var Headline = []string{
	sim.KPIReferrals, sim.KPIWaitMean, sim.KPIWaitP90,
	sim.KPIWaitingListEnd, sim.KPIReneged, sim.KPIEpisodesCompleted, sim.KPIShortSupport,
	sim.KPICaseloadPerFTE, sim.KPIUtilisation, sim.KPIHoldingWeeks, sim.KPINeedsMetShare,
	sim.KPINeedsMet, sim.KPINeedsMetPer1000Referrals, sim.KPIPeopleNeedsMet, sim.KPIReferredAllNeedsMetShare,
	sim.KPIInequityGapNeedsMetShare, sim.KPILeavers, sim.KPILeaversPerFTE, sim.KPICostTotal, sim.KPICostPerNeedMet,
	sim.KPIGPValue,
}

// PrecisionKPIs are the KPIs a precision run judges: those a run's answer
// leads with (how full caseloads are, waits, people giving up, needs met,
// cost). Rare counts and small levels elsewhere in the headline table
// (leavers, weeks held, a gap that may be near 0) would need thousands of
// replications for a precision relative to their mean, and keep their
// intervals instead.
var PrecisionKPIs = []string{
	sim.KPIUtilisation, sim.KPIWaitMean, sim.KPIWaitP90, sim.KPIReneged,
	sim.KPINeedsMetPer1000Referrals, sim.KPIReferredAllNeedsMetShare, sim.KPICostTotal, sim.KPICostPerNeedMet,
}

// load loads the scenario ref under the options, returning the load
// warnings as text ("file:line:col: key = value: warning: ...").
func (o *Options) load(ref string) (*scenarios.Config, []string, error) {
	ld, err := scenarios.LoadWith(ref, o.Load)
	if err != nil {
		return nil, nil, err
	}
	var ws []string
	for _, w := range ld.Warnings {
		ws = append(ws, w.String())
	}
	return ld.Config, ws, nil
}

// setAll sets each key to its value in c, checked together as one change
// (a sweep's point that varies two groups' shares, which must sum to 1),
// returning the warnings about the values as text after flag ("--vary KEY
// = VALUE: warning: ..."), each naming the value it is about; with Strict
// a warning is an error.
func (o *Options) setAll(c *scenarios.Config, flag string, kvs []scenarios.KeyValue) ([]string, error) {
	ws, err := scenarios.SetAll(c, kvs)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, w := range ws {
		if o.Load.Strict {
			return nil, fmt.Errorf("%s (an error under --strict)", w)
		}
		out = append(out, w.AfterOneOf(flag, kvs))
	}
	return out, nil
}

// applySets sets every KEY=VALUE of sets (--set) on c, in order, and
// returns their warnings. They are checked together, as one change, so
// that values which must agree can be set: two groups' shares that sum
// to 1, each of which alone would not.
func (o *Options) applySets(c *scenarios.Config, sets []string) ([]string, error) {
	keys := make([]string, len(sets))
	for i, kv := range sets {
		k, _, _ := strings.Cut(kv, "=")
		keys[i] = strings.TrimSpace(k)
		if scenarios.EveryAreaSets(c, keys[i]) {
			return nil, fmt.Errorf("--set %s: every area of %s sets %s itself, so this would change nothing; set it in the areas, or remove it from them", keys[i], c.Name, keys[i])
		}
	}
	ws, err := scenarios.ApplySets(c, sets)
	if err != nil {
		return nil, err
	}
	if o.Load.Strict && len(ws) > 0 {
		return nil, fmt.Errorf("%s (an error under --strict)", ws[0])
	}
	for _, k := range keys {
		if w := scenarios.AreasWarning(c, "--set", k); w != "" {
			ws = append(ws, w)
		}
	}
	return ws, nil
}

// files lists the files behind ref, as the options load them.
func (o *Options) files(ref string) []scenarios.File { return scenarios.FilesWith(ref, o.Load) }
