package workbench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spsim/spsim/optimise"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sensitivity"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// This file is the workbench's only door to the simulation core: package
// study, which the command line calls too. The page's scenario, resolved
// and checked, is written to a private folder and handed to study like
// any scenario file, so a run here is exactly `spsim run scenario.toml`.

// job is a study planned and ready to execute, with its scenario files.
type job struct {
	dir      string
	scenario string               // the first scenario's file, as the tab downloads it
	command  string               // the command line that writes the tab's files from it
	progress func(study.Progress) // set before Execute
	run      *study.RunPlan
	compare  *study.ComparePlan
	sweep    *study.SweepPlan
	optimise *optimise.Problem
	screen   *sensitivity.Analysis
	// most is the most replications a plan's search may run: every
	// combination to its cap, or fewer where the workbench's limit on a
	// request's work comes first.
	most int
}

// close removes the job's scenario files.
func (j *job) close() { os.RemoveAll(j.dir) }

// options are the study options of every workbench job: its progress goes
// to whatever j.progress is when a replication finishes.
func (s *Server) options(j *job) study.Options {
	// The page draws its charts, and serves weekly.csv and the report,
	// from the weekly tables.
	outs := study.Outputs{study.Summary: true, study.Weekly: true, study.Charts: true, study.Report: true}
	return study.Options{Jobs: s.opt.Jobs, Version: s.opt.Version, Outputs: outs, Limits: s.limits(),
		Progress: func(p study.Progress) {
			if f := j.progress; f != nil {
				f(p)
			}
		}}
}

// limits are the workbench's bounds on a request's estimated events and
// memory, for the studies it plans.
func (s *Server) limits() experiment.Limits {
	return experiment.Limits{Events: s.lim.Events, Bytes: s.lim.Bytes}
}

// newJob writes each scenario to name.toml in a private folder.
func (s *Server) newJob(cfgs []*sim.Config) (*job, []string, error) {
	for _, c := range cfgs {
		if c.Run.Replications > s.lim.Replications {
			return nil, nil, &tooLarge{fmt.Sprintf("%s asks for %d replications; the workbench runs at most %d (use spsim run for more)", c.Name, c.Run.Replications, s.lim.Replications)}
		}
	}
	dir, err := os.MkdirTemp("", "spsim-workbench-")
	if err != nil {
		return nil, nil, fmt.Errorf("workbench: %w", err)
	}
	j := &job{dir: dir}
	var paths []string
	for i, c := range cfgs {
		text, err := encode(c)
		if err != nil {
			j.close()
			return nil, nil, err
		}
		p := filepath.Join(dir, fmt.Sprintf("%d-%s.toml", i, safeFileName(c.Name)))
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			j.close()
			return nil, nil, fmt.Errorf("workbench: %w", err)
		}
		paths = append(paths, p)
		if i == 0 {
			j.scenario = text
		}
	}
	return j, paths, nil
}

// planErr makes a planning error a refusal of the request: the scenario
// was checked already, so what is left is its size.
func planErr(j *job, err error) error {
	j.close()
	var es scenarios.Errors
	if errors.As(err, &es) {
		return asBad(err, fileName)
	}
	var big *experiment.LimitError
	if errors.As(err, &big) {
		// The page has no --allow-large: say what to change instead.
		return &tooLarge{fmt.Sprintf("this is too large for the workbench: %s; use fewer replications, fewer points, a shorter horizon or fewer referrals, or run it with spsim on the command line", big.Sizes())}
	}
	// The rest are the planner's refusals of a key or value, said of the
	// command line's flag: the page has none.
	return &tooLarge{plannerWords(err.Error())}
}

// planRun plans cfg's replications.
func (s *Server) planRun(cfg *sim.Config) (*job, error) {
	j, paths, err := s.newJob([]*sim.Config{cfg})
	if err != nil {
		return nil, err
	}
	if j.run, err = study.PlanRun(study.RunSpec{Ref: paths[0], Options: s.options(j)}); err != nil {
		return nil, planErr(j, err)
	}
	return j, nil
}

// planCompare plans scenarios on common random numbers: the first's seed
// and replications for all.
func (s *Server) planCompare(cfgs []*sim.Config) (*job, error) {
	j, paths, err := s.newJob(cfgs)
	if err != nil {
		return nil, err
	}
	if j.compare, err = study.PlanCompare(study.CompareSpec{Refs: paths, Options: s.options(j)}); err != nil {
		return nil, planErr(j, err)
	}
	return j, nil
}

// planSweep plans cfg at each point of the grid of vary (one key's values,
// or two keys'), on common random numbers.
func (s *Server) planSweep(cfg *sim.Config, vary []string) (*job, error) {
	j, paths, err := s.newJob([]*sim.Config{cfg})
	if err != nil {
		return nil, err
	}
	if j.sweep, err = study.PlanSweep(study.SweepSpec{Ref: paths[0], Vary: vary, KPIs: sweepKPIs, Options: s.options(j)}); err != nil {
		return nil, planErr(j, err)
	}
	j.command = sweepCommand(cfg, vary)
	return j, nil
}

// tooLarge is a request over the limits.
type tooLarge struct{ msg string }

func (e *tooLarge) Error() string { return e.msg }

// cleanSources names the scenario file as the page knows it, not by its
// private folder.
func cleanSources(fs []scenarios.File) {
	own := 0
	for _, f := range fs {
		if !filepathIsBuiltin(f.Name) {
			own++
		}
	}
	for i := range fs {
		if filepathIsBuiltin(fs[i].Name) {
			continue
		}
		name := fileName
		if own > 1 {
			// A comparison's pins, each by its own name ("0-a.toml" is
			// a.toml), as the command line names A.toml and B.toml, not
			// scenario.toml twice.
			name = filepath.Base(fs[i].Name)
			if n, rest, ok := strings.Cut(name, "-"); ok && strings.Trim(n, "0123456789") == "" {
				name = rest
			}
		}
		fs[i].Name = name
	}
}

func filepathIsBuiltin(name string) bool { return len(name) > 8 && name[:8] == "builtin:" }

// level is the confidence level of every interval, as on the command line.
const level = study.Level

// execute runs a planned job, reporting its progress.
func (j *job) execute(ctx context.Context, progress func(study.Progress)) (any, error) {
	j.progress = progress
	switch {
	case j.run != nil:
		return j.run.Execute(ctx)
	case j.compare != nil:
		return j.compare.Execute(ctx)
	case j.optimise != nil:
		return j.solve(ctx)
	case j.screen != nil:
		j.screen.Progress = func(done, total int) { j.progress(study.Progress{Done: done, Total: total}) }
		return j.screen.Run(ctx)
	}
	return j.sweep.Execute(ctx)
}

// planSensitivity writes the scenario for a Morris screening of the
// inputs vary (KEY=LO..HI each); nothing runs.
func (s *Server) planSensitivity(cfg *sim.Config, vary []string) (*job, error) {
	j, path, err := s.searchJob(cfg, "spsim sensitivity")
	if err != nil {
		return nil, err
	}
	spec := sensitivity.Spec{Ref: path, Vary: vary, Method: sensitivity.Morris, KPIs: sensitivityKPIs, Jobs: s.opt.Jobs, Limits: s.limits(),
		Reps: screenReps, Trajectories: screenTrajectories}
	if j.screen, err = sensitivity.Plan(spec); err != nil {
		return nil, planErr(j, err)
	}
	j.command = sensitivityCommand(cfg, vary)
	return j, nil
}

// planOptimise writes the scenario for the search and builds every
// combination's scenario; nothing runs.
func (s *Server) planOptimise(cfg *sim.Config, spec optimise.Spec) (*job, error) {
	j, path, err := s.searchJob(cfg, "spsim optimise")
	if err != nil {
		return nil, err
	}
	spec.Ref, spec.Jobs, spec.Limits = path, s.opt.Jobs, s.limits()
	// The command line's defaults: the same search, the same plan. The
	// server's replication limit is for one run; a search is held to the
	// workbench's work for one request instead (workLimit).
	spec.Options.Confidence, spec.Options.N0, spec.Options.MaxReps = level, planFirst, planMaxReps
	if j.optimise, err = optimise.Plan(spec); err != nil {
		return nil, planErr(j, err)
	}
	j.most = s.workLimit(j.optimise)
	j.command = optimiseCommand(cfg, spec)
	return j, nil
}

// planFirst and planMaxReps are spsim optimise's defaults (--first,
// --max-replications): each combination's first batch, and the most
// replications it may run before it is left undecided.
const planFirst, planMaxReps = 10, 500

// workLimit is the most replications a search of p may run: every
// combination to its cap, or, where that would go beyond the workbench's
// events for one request, as many as those events allow at the dearest
// combination's replication. A search that needs more is stopped and
// says so (errTooMuchWork), rather than answer on fewer replications than
// the command line would.
func (s *Server) workLimit(p *optimise.Problem) int {
	most := len(p.Cands) * p.Options.MaxReps
	perRep := 0.0
	for _, c := range p.Configs {
		perRep = max(perRep, sim.Estimate(c).Events)
	}
	if s.lim.Events > 0 && perRep > 0 && s.lim.Events/perRep < float64(most) {
		most = max(int(s.lim.Events/perRep), len(p.Cands)*p.Options.N0)
	}
	return most
}

// errTooMuchWork stops a search that needs more replications than the
// workbench runs for one request.
var errTooMuchWork = errors.New("too much work")

// solve runs a plan's search, its progress counted against the most it
// may run, and stops it there.
func (j *job) solve(ctx context.Context) (any, error) {
	p := j.optimise
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	p.Progress = func(done int) {
		// Total is a bound, not a plan: most searches stop well short,
		// once every decision they need is made.
		j.progress(study.Progress{Done: done, Total: max(j.most, done), Cap: true})
		if done > j.most {
			stop(errTooMuchWork)
		}
	}
	r, err := p.Solve(ctx)
	if err != nil && errors.Is(context.Cause(ctx), errTooMuchWork) {
		return nil, &tooLarge{fmt.Sprintf("the search ran %d replications, the most the workbench runs for one plan, before it could decide every combination it needed: try fewer values for the levers, or run the same search with spsim optimise on the command line, which runs for as long as it needs", j.most)}
	}
	return r, err
}

// searchJob writes the one scenario of a search of many runs (a plan or a
// screening). A scenario of several areas is refused: each run would be
// all its areas, hours on a laptop; instead names the command to use.
func (s *Server) searchJob(cfg *sim.Config, instead string) (*job, string, error) {
	if cfg.Areas.Count+len(cfg.Areas.List) > 1 {
		return nil, "", &tooLarge{"the workbench searches a scenario of one area; run " + instead + " for one of several"}
	}
	j, paths, err := s.newJob([]*sim.Config{cfg})
	if err != nil {
		return nil, "", err
	}
	return j, paths[0], nil
}
