package workbench

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"time"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
)

// downloads are the files the page offers, each written by the same
// output functions as spsim run's files of the same name.
var downloads = map[string]string{
	"scenario.toml": "application/toml",
	"summary.csv":   "text/csv",
	"summary.json":  "application/json",
	"weekly.csv":    "text/csv",
	"report.html":   "text/html",
}

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
		httpError(w, http.StatusNotFound, fmt.Sprintf("no download named %s (scenario.toml, summary.csv, summary.json, weekly.csv, report.html)", short(what)))
		return
	}
	cfg, view, err := s.prepare(scenarioRequest{TOML: r.PostForm.Get("toml")})
	if err != nil {
		fail(w, err)
		return
	}
	var body bytes.Buffer
	if what == "scenario.toml" {
		body.WriteString(view.TOML)
	} else {
		run, ok := s.runs.get(view.TOML)
		if !ok {
			if err := s.checkLimits([]*sim.Config{cfg}); err != nil {
				fail(w, err)
				return
			}
			release, err := s.queue.acquire(r.Context(), nil)
			if err != nil {
				fail(w, err)
				return
			}
			res, sums, err := s.replicate(r.Context(), cfg, nil)
			release()
			if err != nil {
				fail(w, err)
				return
			}
			run = cachedRun{cfg: cfg, res: res, sums: sums}
			s.runs.put(view.TOML, cfg, res, sums)
		}
		if err := s.writeFile(&body, what, run); err != nil {
			fail(w, err)
			return
		}
	}
	w.Header().Set("Content-Type", ctype+"; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s"`, safeFileName(cfg.Name), what))
	w.Write(body.Bytes())
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

// writeFile writes one of a run's files.
func (s *Server) writeFile(w io.Writer, what string, run cachedRun) error {
	cfg := run.cfg
	meta := output.Meta{Scenario: cfg.Name, Question: cfg.Question, Seed: cfg.Run.Seed, Replications: len(run.res),
		HorizonWeeks: cfg.Run.HorizonWeeks, WarmupWeeks: cfg.Run.WarmupWeeks, Level: level, Version: s.opt.Version}
	switch what {
	case "summary.csv":
		return output.WriteSummaryCSV(w, run.sums)
	case "summary.json":
		return output.WriteSummaryJSON(w, meta, run.sums)
	case "weekly.csv":
		return output.WriteWeekly(w, run.res)
	case "report.html":
		return s.writeReport(w, run)
	}
	return fmt.Errorf("workbench: no writer for %s", what)
}

// writeReport writes the run's report.html with the command line's
// charts and method section.
func (s *Server) writeReport(w io.Writer, run cachedRun) error {
	start := time.Now()
	cfg := run.cfg
	figs, err := output.RunFigures(run.res, run.sums, cfg.Run.WarmupWeeks, level)
	if err != nil {
		return err
	}
	var text bytes.Buffer
	if err := scenarios.Encode(&text, cfg); err != nil {
		return err
	}
	rep := output.Report{
		Title:     "spsim workbench: " + cfg.Name,
		Question:  cfg.Question,
		Facts:     append([]string{fmt.Sprintf("%d replications of %d weeks (warm-up %d weeks), seed %d.", len(run.res), cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.Seed)}, runSentences(run.sums)...),
		Headline:  output.HeadlineTable(run.sums, output.Headline, level),
		Figures:   figs,
		Scenarios: []output.Listing{{Name: cfg.Name, Text: text.String()}},
		Method: output.Method{
			Assumptions:  output.Assumptions(cfg),
			Warmup:       output.WarmupMethod(cfg.Run.WarmupWeeks, nil),
			RunLength:    fmt.Sprintf("%d weeks per replication, of which %d are warm-up; KPIs cover the last %d weeks.", cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks, cfg.Run.HorizonWeeks-cfg.Run.WarmupWeeks),
			Replications: fmt.Sprintf("%d replications; intervals are across replications.", len(run.res)),
			Random:       output.RandomMethod(cfg.Run.Seed, false),
			Level:        level,
			Version:      s.opt.Version,
			GoVersion:    runtime.Version(),
			RunTime:      fmt.Sprintf("Report drawn in %.1f s on %d cores (%s/%s).", time.Since(start).Seconds(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH),
		},
	}
	rep.Headline.Caption = "Headline KPIs after the warm-up"
	return output.WriteReport(w, rep)
}
