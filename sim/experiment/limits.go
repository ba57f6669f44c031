package experiment

import (
	"fmt"

	"github.com/spsim/spsim/sim"
)

// Limits on a batch of replications, checked before any work starts:
// beyond them a mistaken value (a million referrals a week) would run for
// hours or exhaust memory rather than be refused.
const (
	MaxEvents = 2e10    // about an hour at a few million events a second
	MaxBytes  = 8 << 30 // results and models in memory
)

// Limits bound a batch's estimated events and memory. The zero Limits
// are the command line's, MaxEvents and MaxBytes; a server sets lower
// ones for the requests it shares its cores among.
type Limits struct {
	Events, Bytes float64
}

// orDefault is l, or the command line's limits for a zero field.
func (l Limits) orDefault() Limits {
	if !(l.Events > 0) {
		l.Events = MaxEvents
	}
	if !(l.Bytes > 0) {
		l.Bytes = MaxBytes
	}
	return l
}

// LimitError is a batch too large to run: its estimated events and memory
// over every scenario and replication, and the limits it exceeds.
type LimitError struct {
	What         string // the study, as "scenario baseline" or "sweep baseline"
	Events       float64
	Bytes        float64
	Replications int // in all
	Limits       Limits
	// Remedy, if set, is what to change in the words of the command that
	// refused ("use a lower --max-replications ..."), in place of the
	// usual one: optimise takes no --replications to lower.
	Remedy string
}

// Error says what is too large and what to do, in the command line's
// words (--allow-large lifts the limits).
func (e *LimitError) Error() string {
	remedy := e.Remedy
	if remedy == "" {
		remedy = "use fewer replications, fewer points or a shorter horizon"
	}
	return fmt.Sprintf("%s is too large to run without --allow-large: %s; %s, or pass --allow-large", e.What, e.Sizes(), remedy)
}

// Sizes says the estimate against the limits: "about 83.9 billion events
// (limit 20 billion) and 49.4 GiB of memory (limit 8 GiB) for 20
// replications".
func (e *LimitError) Sizes() string {
	lim := e.Limits.orDefault()
	return fmt.Sprintf("about %s events (limit %s) and %s of memory (limit %s) for %s",
		bigNumber(e.Events), bigNumber(lim.Events), memory(e.Bytes), memory(lim.Bytes), Count(e.Replications, "replication"))
}

// bigNumber writes a count in words a person reads at once: "792
// billion", "1.68 trillion", "850,000".
func bigNumber(x float64) string {
	for _, u := range []struct {
		size float64
		name string
	}{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}} {
		if x >= u.size {
			return Number(x/u.size) + " " + u.name
		}
	}
	return Number(x)
}

// memory writes bytes in GiB, or MiB below one GiB: "1.75 GiB", "58.3 MiB".
func memory(b float64) string {
	if b < 1<<30 {
		return Number(b/(1<<20)) + " MiB"
	}
	return Number(b/(1<<30)) + " GiB"
}

// CheckLimits returns a *LimitError if reps replications of each of cfgs,
// jobs at a time, are estimated to exceed lim (the zero Limits: MaxEvents
// and MaxBytes), and nil otherwise. what names the batch in the message.
func CheckLimits(what string, cfgs []*sim.Config, reps, jobs int, lim Limits) error {
	var b Batch
	for _, cfg := range cfgs {
		b.Add(cfg, reps, jobs)
	}
	return b.Check(what, lim)
}

// CheckSummarisedLimits is CheckLimits for replications that keep no
// weekly table (SummariseAll).
func CheckSummarisedLimits(what string, cfgs []*sim.Config, reps, jobs int, lim Limits) error {
	var b Batch
	for _, cfg := range cfgs {
		b.AddSummarised(cfg, reps, jobs)
	}
	return b.Check(what, lim)
}

// Batch adds up the estimated cost of a batch of replications one
// scenario at a time, for a study that builds its scenarios as it goes (a
// sensitivity analysis's points) and need not hold them all.
type Batch struct {
	events, bytes, models float64
	reps                  int
}

// Add counts reps replications of cfg, jobs at a time, each keeping its
// weekly table for the outputs.
func (b *Batch) Add(cfg *sim.Config, reps, jobs int) {
	b.AddSummarised(cfg, reps, jobs)
	b.bytes += float64(reps) * float64(cfg.Run.HorizonWeeks) * 150 * 8
}

// AddSummarised is Add for replications that keep no weekly table (a
// sweep's, SummariseAll).
func (b *Batch) AddSummarised(cfg *sim.Config, reps, jobs int) {
	fp := sim.Estimate(cfg)
	b.events += fp.Events * float64(reps)
	// Each job holds one model at a time.
	// No more models at once than replications: --jobs 20000 for two
	// replications runs two.
	b.models = max(b.models, fp.Bytes*float64(max(min(jobs, reps), 1)))
	b.reps += reps
}

// Check returns a *LimitError if the batch is estimated to exceed lim
// (the zero Limits: MaxEvents and MaxBytes), and nil otherwise.
func (b *Batch) Check(what string, lim Limits) error {
	bytes := b.bytes + b.models
	if l := lim.orDefault(); b.events <= l.Events && bytes <= l.Bytes {
		return nil
	}
	return &LimitError{What: what, Events: b.events, Bytes: bytes, Replications: b.reps, Limits: lim}
}
