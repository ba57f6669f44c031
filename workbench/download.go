package workbench

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spsim/spsim/optimise"
	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sensitivity"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/study"
)

// downloads are the files the page offers, each written by the same
// output functions as spsim run's files of the same name.
var downloads = map[string]string{
	"scenario.toml": "application/toml",
	"summary.csv":   "text/csv",
	"summary.json":  "application/json",
	"weekly.csv":    "text/csv",
	"report.html":   "text/html",
	"results.xlsx":  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"areas.csv":     "text/csv",
}

// downloadNames lists the downloads for messages.
const downloadNames = "scenario.toml, summary.csv, summary.json, weekly.csv, report.html, results.xlsx, areas.csv"

// handleDownload answers a form post of the scenario's TOML and the file
// wanted with that file, as an attachment. Files of results come from the
// run the page just made when it is still kept, or else are run again:
// the same TOML gives the same numbers.
func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		if _, tooBig := err.(*http.MaxBytesError); !tooBig {
			err = fmt.Errorf("%w: %v", errBadRequest, err)
		}
		fail(w, err)
		return
	}
	what := r.PostForm.Get("file")
	ctype, ok := downloads[what]
	if !ok {
		httpError(w, http.StatusNotFound, fmt.Sprintf("no download named %s (%s)", short(what), downloadNames))
		return
	}
	cfg, view, err := s.prepare(scenarioRequest{TOML: r.PostForm.Get("toml")})
	if err != nil {
		fail(w, err)
		return
	}
	if what == "areas.csv" && !cfg.Areas.Several() {
		httpError(w, http.StatusNotFound, "areas.csv is for a scenario of several areas; this one has one")
		return
	}
	body := []byte(view.TOML)
	if what != "scenario.toml" {
		run, ok := s.runs.get(view.TOML)
		if !ok {
			if run, err = s.runAgain(r, cfg); err != nil {
				fail(w, err)
				return
			}
			s.runs.put(view.TOML, run)
		}
		if body, err = s.runFile(run, what); err != nil {
			fail(w, err)
			return
		}
	}
	if strings.HasPrefix(ctype, "text/") || ctype == "application/json" || ctype == "application/toml" {
		ctype += "; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s"`, safeFileName(cfg.Name), what))
	w.Write(body)
}

// runAgain runs a scenario whose results are no longer kept, in its turn.
func (s *Server) runAgain(r *http.Request, cfg *sim.Config) (*study.RunResult, error) {
	j, err := s.planRun(cfg)
	if err != nil {
		return nil, err
	}
	defer j.close()
	release, err := s.queue.acquire(r.Context(), nil)
	if err != nil {
		return nil, err
	}
	defer release()
	res, err := j.run.Execute(r.Context())
	if err == nil && r.Context().Err() != nil {
		err = r.Context().Err()
	}
	if err != nil {
		return nil, err
	}
	cleanSources(res.Sources)
	return res, nil
}

// The files of a comparison, a sweep and a plan the page offers, each the
// command line's, with their content types.
var (
	xlsxType          = downloads["results.xlsx"]
	compareDownloads  = map[string]string{"results.xlsx": xlsxType, "compare.csv": "text/csv", "report.html": "text/html"}
	sweepDownloads    = map[string]string{"results.xlsx": xlsxType, "sweep.csv": "text/csv", "report.html": "text/html"}
	optimiseDownloads = map[string]string{"optimise.csv": "text/csv", "report.html": "text/html"}
	driverDownloads   = map[string]string{"sensitivity.csv": "text/csv", "report.html": "text/html"}
)

// handleDownloadCompare answers a form post of a comparison request (the
// pinned scenarios, as the page sends them to compare) and the file
// wanted with that file of the comparison.
func (s *Server) handleDownloadCompare(w http.ResponseWriter, r *http.Request) {
	s.downloadStudy(w, r, "comparison", compareDownloads, func(request string) (*job, error) {
		var req compareRequest
		if err := json.Unmarshal([]byte(request), &req); err != nil {
			return nil, fmt.Errorf("%w: the comparison request is not JSON: %v", errBadRequest, err)
		}
		cfgs, err := s.pinned(req.Pins)
		if err != nil {
			return nil, err
		}
		return s.planCompare(cfgs)
	})
}

// handleDownloadSweep answers a form post of a sweep request (the scenario
// and the lever's values, as the page sends them to sweep) and the file
// wanted with that file of the sweep.
func (s *Server) handleDownloadSweep(w http.ResponseWriter, r *http.Request) {
	s.downloadStudy(w, r, "sweep", sweepDownloads, func(request string) (*job, error) {
		var req sweepRequest
		if err := json.Unmarshal([]byte(request), &req); err != nil {
			return nil, fmt.Errorf("%w: the sweep request is not JSON: %v", errBadRequest, err)
		}
		vary, err := s.vary(req)
		if err != nil {
			return nil, err
		}
		cfg, _, err := s.prepare(scenarioRequest{TOML: req.TOML})
		if err != nil {
			return nil, err
		}
		return s.planSweep(cfg, vary)
	})
}

// handleDownloadPlan answers a form post of a plan request (the scenario,
// levers and target, as the page sends them to optimise) and the file
// wanted with that file of the search.
func (s *Server) handleDownloadPlan(w http.ResponseWriter, r *http.Request) {
	s.downloadStudy(w, r, "plan", optimiseDownloads, func(request string) (*job, error) {
		var req optimiseRequest
		if err := json.Unmarshal([]byte(request), &req); err != nil {
			return nil, fmt.Errorf("%w: the plan request is not JSON: %v", errBadRequest, err)
		}
		spec, err := s.optimiseSpec(req)
		if err != nil {
			return nil, err
		}
		cfg, _, err := s.prepare(scenarioRequest{TOML: req.TOML})
		if err != nil {
			return nil, err
		}
		return s.planOptimise(cfg, spec)
	})
}

// handleDownloadDrivers answers a form post of a screening request (the
// scenario and the uncertain inputs, as the page sends them) and the file
// wanted with that file of the screening.
func (s *Server) handleDownloadDrivers(w http.ResponseWriter, r *http.Request) {
	s.downloadStudy(w, r, "screening", driverDownloads, func(request string) (*job, error) {
		var req sensitivityRequest
		if err := json.Unmarshal([]byte(request), &req); err != nil {
			return nil, fmt.Errorf("%w: the screening request is not JSON: %v", errBadRequest, err)
		}
		vary, err := sensitivityVary(req)
		if err != nil {
			return nil, err
		}
		cfg, _, err := s.prepare(scenarioRequest{TOML: req.TOML})
		if err != nil {
			return nil, err
		}
		return s.planSensitivity(cfg, vary)
	})
}

// downloadStudy plans a comparison, sweep, plan or screening from the form's request,
// runs it again in its turn (the same request gives the same numbers), and
// answers with the file wanted, one of files.
func (s *Server) downloadStudy(w http.ResponseWriter, r *http.Request, kind string, files map[string]string, plan func(request string) (*job, error)) {
	if err := r.ParseForm(); err != nil {
		if _, tooBig := err.(*http.MaxBytesError); !tooBig {
			err = fmt.Errorf("%w: %v", errBadRequest, err)
		}
		fail(w, err)
		return
	}
	what := r.PostForm.Get("file")
	ctype, ok := files[what]
	if !ok {
		httpError(w, http.StatusNotFound, fmt.Sprintf("no %s download named %s (%s)", kind, short(what), strings.Join(slices.Sorted(maps.Keys(files)), ", ")))
		return
	}
	j, err := plan(r.PostForm.Get("request"))
	var body []byte
	if err == nil {
		body, err = s.jobFile(r, j, what)
	}
	if err != nil {
		fail(w, err)
		return
	}
	if strings.HasPrefix(ctype, "text/") {
		ctype += "; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s"`, kind, what))
	w.Write(body)
}

// jobFile runs a comparison, sweep, plan or screening job in its turn and writes one
// of its files with the command line's writer.
func (s *Server) jobFile(r *http.Request, j *job, what string) ([]byte, error) {
	defer j.close()
	release, err := s.queue.acquire(r.Context(), nil)
	if err != nil {
		return nil, err
	}
	defer release()
	start := time.Now()
	var res study.Result
	var opt *optimise.Result
	var screen *sensitivity.Result
	switch {
	case j.compare != nil:
		var cr *study.CompareResult
		if cr, err = j.compare.Execute(r.Context()); err == nil {
			cleanSources(cr.Sources)
			res = cr
		}
	case j.sweep != nil:
		var sr *study.SweepResult
		if sr, err = j.sweep.Execute(r.Context()); err == nil {
			cleanSources(sr.Sources)
			res = sr
		}
	case j.screen != nil:
		screen, err = sensitivity.Run(r.Context(), *j.screen)
	default:
		opt, err = j.optimise.Solve(r.Context())
	}
	if err == nil && r.Context().Err() != nil {
		err = r.Context().Err()
	}
	if err != nil {
		return nil, err
	}
	switch {
	case opt != nil:
		return inFolder(what, func(dir string) error { return j.optimise.Write(dir, opt, s.opt.Version, time.Since(start)) })
	case screen != nil:
		return inFolder(what, func(dir string) error { return sensitivity.Write(dir, screen, s.opt.Version) })
	}
	outs := study.Outputs{study.Summary: strings.HasSuffix(what, ".csv"), study.Report: what == "report.html", study.XLSX: what == "results.xlsx"}
	return writeOne(res, outs, what)
}

// writeOne writes a result's outputs into a folder of its own and returns
// the file named what.
func writeOne(res study.Result, outs study.Outputs, what string) ([]byte, error) {
	return inFolder(what, func(dir string) error { return output.Write(dir, res, outs) })
}

// inFolder has write fill a folder of its own, and returns the file named
// what from it.
func inFolder(what string, write func(dir string) error) ([]byte, error) {
	dir, err := os.MkdirTemp("", "spsim-workbench-out-")
	if err != nil {
		return nil, fmt.Errorf("workbench: %w", err)
	}
	defer os.RemoveAll(dir)
	if err := write(dir); err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(dir, what))
}

// runFile is one of a run's files, written by the command line's writer.
func (s *Server) runFile(run *study.RunResult, what string) ([]byte, error) {
	outs := study.Outputs{study.Summary: what == "summary.csv" || what == "summary.json", study.Weekly: what == "weekly.csv",
		study.Report: what == "report.html", study.XLSX: what == "results.xlsx", study.Areas: what == "areas.csv"}
	return writeOne(run, outs, what)
}

// safeFileName keeps letters, digits, - and _ of a scenario's name.
func safeFileName(name string) string {
	b := []byte(name)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	if len(b) == 0 || len(b) > 60 {
		return "scenario"
	}
	return string(b)
}
