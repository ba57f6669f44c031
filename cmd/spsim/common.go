package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
)

// level is the confidence level of every interval spsim reports.
const level = 0.95

// expFlags are the flags shared by run, compare and sweep.
type expFlags struct {
	fs    *flag.FlagSet
	dir   *string
	reps  *int
	seed  *uint64
	jobs  *int
	force *bool
	quiet *bool
	// allowLarge lifts the limits on estimated events and memory.
	allowLarge *bool
}

func addExpFlags(fs *flag.FlagSet) *expFlags {
	return &expFlags{
		fs:         fs,
		dir:        fs.String("o", "", "output folder (default out/NAME, or out/NAME-2... if that holds a run)"),
		reps:       fs.Int("replications", 0, "number of replications (default: the scenario's run.replications)"),
		seed:       fs.Uint64("seed", 0, "random seed (default: the scenario's run.seed)"),
		jobs:       fs.Int("jobs", 0, "parallel workers (default: all cores); results do not depend on it"),
		force:      fs.Bool("force", false, "overwrite an existing output folder"),
		quiet:      fs.Bool("quiet", false, "print nothing but errors"),
		allowLarge: fs.Bool("allow-large", false, "run even if the estimated events or memory exceed the limits"),
	}
}

// isSet reports whether the named flag was given on the command line.
func (f *expFlags) isSet(name string) bool {
	set := false
	f.fs.Visit(func(fl *flag.Flag) { set = set || fl.Name == name })
	return set
}

// apply sets the replications and seed given on the command line.
func (f *expFlags) apply(cfg *sim.Config) error {
	if f.isSet("replications") {
		if *f.reps < 1 || *f.reps > 10000 {
			return fmt.Errorf("--replications must be between 1 and 10000, got %d", *f.reps)
		}
		cfg.Run.Replications = *f.reps
	}
	if f.isSet("seed") {
		cfg.Run.Seed = *f.seed
	}
	if *f.jobs < 0 {
		return fmt.Errorf("--jobs must be 0 (all cores) or more, got %d", *f.jobs)
	}
	return nil
}

// workers is the number of parallel workers a run will use.
func (f *expFlags) workers() int {
	if *f.jobs > 0 {
		return *f.jobs
	}
	return runtime.NumCPU()
}

// interruptible returns a context cancelled by Ctrl-C or SIGTERM.
func interruptible() (context.Context, context.CancelFunc) {
	return notifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// notifyContext is signal.NotifyContext; tests replace it to interrupt a
// run without signalling the test process.
var notifyContext = signal.NotifyContext

// outFile is one file of a command's outputs.
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

// writeReport renders and writes report.html.
func writeReport(dir string, r output.Report) error {
	return output.WriteFile(filepath.Join(dir, "report.html"), func(w io.Writer) error {
		return output.WriteReport(w, r)
	})
}

// encoded is a resolved scenario as TOML text.
func encoded(cfg *sim.Config) (string, error) {
	var b bytes.Buffer
	if err := scenarios.Encode(&b, cfg); err != nil {
		return "", fmt.Errorf("encoding scenario %s: %w", cfg.Name, err)
	}
	return b.String(), nil
}

// sources returns the scenario files behind ref as written, with the
// comments that give each value's source: the file itself, then the files
// it extends, as far as they can be read. It follows the loader's rule: a
// reference written like a name (no folder, no .toml) that the library
// has is built in; anything else is a path, relative to the extending
// file's folder.
func sources(ref string) []output.Listing {
	var out []output.Listing
	dir := ""
	for depth := 0; depth < 16 && ref != ""; depth++ {
		var l output.Listing
		if src, ok := scenarios.Source(ref); ok && !strings.ContainsAny(ref, `/\`) && !strings.HasSuffix(ref, ".toml") {
			l = output.Listing{Name: "builtin:" + ref + ".toml", Text: string(src)}
		} else {
			path := ref
			if dir != "" && !filepath.IsAbs(path) {
				path = filepath.Join(dir, path)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				break
			}
			l, dir = output.Listing{Name: path, Text: string(b)}, filepath.Dir(path)
		}
		out = append(out, l)
		var head struct {
			Extends string `toml:"extends"`
		}
		if _, err := toml.Decode(l.Text, &head); err != nil {
			break
		}
		ref = head.Extends
	}
	return out
}

// runTime describes how long a command took, for the report only: timings
// never go into CSV or JSON, which must not depend on the machine.
func runTime(start time.Time, workers int) string {
	return fmt.Sprintf("%.1f s of wall time with %d parallel workers on %d cores (%s/%s).",
		time.Since(start).Seconds(), workers, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
}

// Limits on a run, checked before any work starts; --allow-large lifts them.
const (
	maxEvents = 2e10    // about an hour at a few million events a second
	maxBytes  = 8 << 30 // results and models in memory
)

// checkLimits refuses a run whose estimated events or memory exceed the
// limits, with the estimate, unless allowed.
func checkLimits(cfg *sim.Config, reps, jobs int, allow bool) error {
	fp := sim.Estimate(cfg)
	events := fp.Events * float64(reps)
	// Every replication's weekly table is kept for the outputs; each job
	// holds one model at a time.
	bytes := fp.Bytes*float64(jobs) + float64(reps)*float64(cfg.Run.HorizonWeeks)*150*8
	if allow || (events <= maxEvents && bytes <= maxBytes) {
		return nil
	}
	return fmt.Errorf("scenario %s is too large to run without --allow-large: about %.3g events (limit %.3g) and %.1f GiB of memory (limit %d GiB) for %d replications; use fewer replications or a shorter horizon, or pass --allow-large",
		cfg.Name, events, float64(maxEvents), bytes/(1<<30), maxBytes>>30, reps)
}

// defaultDir is out/NAME, or out/NAME-2, -3... if that folder already holds
// a run: without -o, a run never overwrites an earlier one and never fails
// for it.
func defaultDir(name string) string {
	base := filepath.Join("out", name)
	dir := base
	for i := 2; ; i++ {
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) == 0 {
			return dir
		}
		dir = fmt.Sprintf("%s-%d", base, i)
	}
}
