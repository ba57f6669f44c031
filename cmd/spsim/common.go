package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// expFlags are the flags shared by the commands that run replications.
type expFlags struct {
	fs      *flag.FlagSet
	dir     *string
	reps    *int
	seed    *uint64
	jobs    *int
	force   *bool
	quiet   *bool
	outputs *string
	png     *bool
	// allowLarge lifts the limits on estimated events and memory.
	allowLarge *bool
	strict     *bool
	bar        *progress // nil when quiet or not on a terminal
	stderr     io.Writer
}

// addExpFlags adds the flags of the commands that run replications.
func addExpFlags(fs *flag.FlagSet) *expFlags {
	f := addOutputFlags(fs)
	f.reps = fs.Int("replications", 0, "number of replications (default: the scenario's run.replications)")
	f.seed = fs.Uint64("seed", 0, "random seed (default: the scenario's run.seed)")
	f.jobs = fs.Int("jobs", 0, "parallel workers (default: all cores); results do not depend on it")
	f.allowLarge = fs.Bool("allow-large", false, "run even if the estimated events or memory exceed the limits")
	f.strict = fs.Bool("strict", false, "treat the scenario's warnings (values allowed but unlikely, such as on_cost_share = 28) as errors, for scripts")
	return f
}

// addOutputFlags adds the flags of every command that writes a study's
// outputs; merge has only these, as its shards fix the rest.
func addOutputFlags(fs *flag.FlagSet) *expFlags {
	f := &expFlags{
		fs:         fs,
		dir:        fs.String("o", "", "write the outputs into folder `DIR` (default a new folder in out/: out/NAME for run and merge, out/compare-A-vs-B, out/sweep-NAME; -2, -3... if that holds a run)"),
		force:      fs.Bool("force", false, "replace an existing output folder of spsim's outputs (never one holding other files)"),
		quiet:      fs.Bool("quiet", false, "print nothing but errors"),
		outputs:    fs.String("outputs", "default", "`LIST` of outputs to write, comma-separated: "+study.Outputs(nil).String()+",png; all; default (all but png)"),
		png:        fs.Bool("png", false, "also write PNG copies of the charts (adds png to --outputs)"),
		reps:       new(int),
		seed:       new(uint64),
		jobs:       new(int),
		allowLarge: new(bool),
		strict:     new(bool),
	}
	alias(fs, "o", "output")
	return f
}

// isSet reports whether the named flag was given on the command line.
func (f *expFlags) isSet(name string) bool {
	set := false
	f.fs.Visit(func(fl *flag.Flag) { set = set || fl.Name == name })
	return set
}

// options are the study options the flags give.
func (f *expFlags) options(stderr io.Writer) (study.Options, error) {
	f.stderr = stderr
	o := study.Options{Jobs: *f.jobs, AllowLarge: *f.allowLarge, Version: version}
	o.Load.Strict = *f.strict
	if f.isSet("replications") {
		o.Replications = *f.reps
		if o.Replications < 1 || o.Replications > study.MaxReplications {
			return o, usagef("--replications must be between 1 and %d, got %d", study.MaxReplications, o.Replications)
		}
	}
	if f.isSet("seed") {
		if err := checkSeed(*f.seed); err != nil {
			return o, err
		}
		o.Seed = f.seed
	}
	outs, err := study.ParseOutputs(*f.outputs)
	if err != nil {
		return o, &usageError{err}
	}
	outs[study.PNG] = outs[study.PNG] || *f.png
	o.Outputs = outs
	if f.bar = newProgress(stderr, *f.quiet, ""); f.bar != nil {
		o.Progress = f.bar.update
	}
	return o, nil
}

// interruptible returns a context cancelled by Ctrl-C or SIGTERM.
func interruptible() (context.Context, context.CancelFunc) {
	return notifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// notifyContext is signal.NotifyContext; tests replace it to interrupt a
// run without signalling the test process.
var notifyContext = signal.NotifyContext

// execute runs a planned study and writes its outputs into the folder of
// -o (or out/NAME), which is locked and checked before any work and
// replaced only once every output is written. show prints the result
// unless --quiet.
func execute[R study.Result](ef *expFlags, name string, run func(context.Context) (R, error), outs study.Outputs, show func(R, string)) error {
	folder, dir, err := openOutFolder(*ef.dir, name, *ef.force)
	if err != nil {
		return err
	}
	defer folder.Close()
	ctx, stop := interruptible()
	defer stop()
	res, err := run(ctx)
	ef.bar.finish()
	if err != nil {
		return interrupted(err, dir) // an interrupt, said as such; else err
	}
	if err := commit(ef, folder, res, outs); err != nil {
		return err
	}
	if !*ef.quiet {
		show(res, dir)
	}
	if r, ok := any(res).(*study.RunResult); ok && r.Partial {
		return &exitError{exitInterrupted, fmt.Errorf("interrupted: kept %s in %s, marked partial", experiment.Count(len(r.Results), "replication"), dir)}
	}
	return nil
}

// commit writes the outputs and moves them into place, saying what
// --force removed.
func commit(ef *expFlags, folder *output.Folder, res study.Result, outs study.Outputs) error {
	if err := output.Write(folder.Path(), res, outs); err != nil {
		return err
	}
	return commitFolder(folder, *ef.quiet, ef.stderr)
}

// commitFolder moves a folder's finished outputs into place, and says which
// files of an earlier run --force removed.
func commitFolder(folder *output.Folder, quiet bool, stderr io.Writer) error {
	removed, err := folder.Commit()
	if len(removed) > 0 && !quiet {
		fmt.Fprintf(stderr, "--force: removed %d files of an earlier run from %s: %s\n", len(removed), folder.Dir(), strings.Join(removed, ", "))
	}
	return err
}

// nextDefaultDir is the first of out/NAME (from = 1), out/NAME-2, -3...
// from the from-th on that holds no run, and its place in that order:
// without -o, a run never overwrites an earlier one and never fails for it.
func nextDefaultDir(name string, from int) (string, int) {
	// A scenario's name is the user's text: it must not reach outside out/.
	base := filepath.Join("out", scenarios.SafeName(name))
	for i := from; ; i++ {
		dir := base
		if i > 1 {
			dir = fmt.Sprintf("%s-%d", base, i)
		}
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) == 0 {
			return dir, i
		}
	}
}

// openOutFolder locks and checks the output folder dir, or without one
// the default folder for name. Runs started together without -o each take
// their own: one that finds the default folder locked by another moves on
// to the next, where checking for an empty folder alone let them all pick
// the same one and all but one fail.
func openOutFolder(dir, name string, force bool) (*output.Folder, string, error) {
	if dir != "" {
		folder, err := output.OpenFolder(dir, force)
		return folder, dir, err
	}
	for from := 1; ; {
		var at int
		dir, at = nextDefaultDir(name, from)
		folder, err := output.OpenFolder(dir, force)
		// Locked by another run, or filled by one between the look and
		// the lock: the next folder.
		if !errors.Is(err, output.ErrBusy) && !errors.Is(err, output.ErrExists) {
			return folder, dir, err
		}
		from = at + 1
	}
}

// printWarnings writes a study's warnings: first the scenario's, each of
// which already names itself ("file:line:col: key = value: warning: …"),
// then the run's own, such as a precision not reached, which it marks.
func printWarnings(w io.Writer, load, run []string) {
	for _, s := range load {
		fmt.Fprintln(w, s)
	}
	for _, s := range run {
		fmt.Fprintln(w, "warning:", s)
	}
}

// outFile is one file a command writes.
type outFile struct {
	name  string
	write func(io.Writer) error
}

// writeAll writes each file into dir atomically.
func writeAll(dir string, files []outFile) error {
	for _, f := range files {
		if err := output.WriteFile(filepath.Join(dir, f.name), f.write); err != nil {
			return err
		}
	}
	return nil
}

// checkSeed refuses a seed that the scenario.toml written beside the
// results could not hold: TOML's integers are 64-bit signed, so a larger
// one would run, then fail to load again.
func checkSeed(seed uint64) error {
	if seed > math.MaxInt64 {
		return usagef("--seed %d: at most %d, the largest whole number a scenario file holds", seed, uint64(math.MaxInt64))
	}
	return nil
}

// named are the outputs --outputs names one by one.
func (f *expFlags) named() study.Outputs {
	if !f.isSet("outputs") {
		return study.Outputs{}
	}
	return study.NamedOutputs(*f.outputs)
}

// checkStudyOutputs refuses --outputs that a comparison or a sweep (what)
// would write nothing for, where the folder would be left empty and the
// command would exit 0, and warns of those it leaves out.
func (f *expFlags) checkStudyOutputs(what string, outs study.Outputs) error {
	runOnly, _ := study.RunOnly(f.named()) // "all" asks for nothing in particular
	if len(runOnly) == 0 {
		return nil
	}
	_, rest := study.RunOnly(outs)
	msg := fmt.Sprintf("--outputs %s: %s writes no weekly.csv or areas.csv (a run does)", runOnly, what)
	if len(rest) == 0 {
		return usagef("%s; choose from %s", msg, study.StudyOutputNames())
	}
	f.warn(msg)
	return nil
}

// warn writes a warning of the command line's own to stderr, unless
// --quiet, which prints nothing but errors.
func (f *expFlags) warn(msg string) {
	if !*f.quiet {
		fmt.Fprintln(f.stderr, "warning:", msg)
	}
}

// checkAreasOutput refuses --outputs areas alone for a scenario of one
// area, which has no areas.csv (the folder would be left empty, exit 0),
// and warns where areas is asked for among other outputs.
func (f *expFlags) checkAreasOutput(cfg *sim.Config, outs study.Outputs) error {
	if !f.named().Has(study.Areas) || cfg.Areas.Several() {
		return nil
	}
	msg := fmt.Sprintf("--outputs areas: %s has one area, so there is no areas.csv (it is for a scenario of several areas, [areas])", cfg.Name)
	for _, k := range study.AllOutputs {
		if k != study.Areas && outs.Has(k) {
			f.warn(msg)
			return nil
		}
	}
	return usagef("%s", msg)
}
