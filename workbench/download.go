package workbench

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
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

// wanted reads a download form and the file it asks for, one of files,
// with its content type; it answers the error itself when there is none.
// kind names the download in that answer ("sweep ").
func wanted(w http.ResponseWriter, r *http.Request, kind string, files map[string]string) (what, ctype string, ok bool) {
	if err := r.ParseForm(); err != nil {
		if _, tooBig := err.(*http.MaxBytesError); !tooBig {
			err = fmt.Errorf("%w: %v", errBadRequest, err)
		}
		fail(w, err)
		return "", "", false
	}
	what = r.PostForm.Get("file")
	if ctype, ok = files[what]; !ok {
		httpError(w, http.StatusNotFound, fmt.Sprintf("no %sdownload named %s (%s)", kind, short(what), strings.Join(slices.Sorted(maps.Keys(files)), ", ")))
	}
	return what, ctype, ok
}

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

// handleDownload answers a form post of the scenario's TOML and the file
// wanted with that file, as an attachment. Files of results come from the
// run the page just made when it is still kept, or else are run again:
// the same TOML gives the same numbers.
func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	what, ctype, ok := wanted(w, r, "", downloads)
	if !ok {
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
	res, err := s.again(r, j)
	if err != nil {
		return nil, err
	}
	return res.(*study.RunResult), nil
}

// again runs a planned job in its turn, for a download (no progress is
// shown), and closes it; results of studies name the scenario file as the
// page knows it.
func (s *Server) again(r *http.Request, j *job) (any, error) {
	defer j.close()
	release, err := s.queue.acquire(r.Context(), nil)
	if err != nil {
		return nil, err
	}
	defer release()
	res, err := j.execute(r.Context(), func(study.Progress) {})
	if err == nil && r.Context().Err() != nil {
		err = r.Context().Err()
	}
	if err != nil {
		return nil, err
	}
	switch res := res.(type) {
	case *study.RunResult:
		cleanSources(res.Sources)
	case *study.CompareResult:
		cleanSources(res.Sources)
	case *study.SweepResult:
		cleanSources(res.Sources)
	}
	return res, nil
}

// The files of a comparison, a sweep, a plan and a screening the page
// offers, each the command line's, with their content types; a tab's
// scenario.toml is the file its command line (job.command) reads.
var (
	xlsxType          = downloads["results.xlsx"]
	compareDownloads  = map[string]string{"results.xlsx": xlsxType, "compare.csv": "text/csv", "compare_areas.csv": "text/csv", "report.html": "text/html"}
	tomlType          = downloads["scenario.toml"]
	sweepDownloads    = map[string]string{"results.xlsx": xlsxType, "sweep.csv": "text/csv", "report.html": "text/html", "scenario.toml": tomlType}
	optimiseDownloads = map[string]string{"optimise.csv": "text/csv", "report.html": "text/html", "scenario.toml": tomlType}
	driverDownloads   = map[string]string{"sensitivity.csv": "text/csv", "report.html": "text/html", "scenario.toml": tomlType}
)

// handleDownloadCompare, handleDownloadSweep, handleDownloadPlan and
// handleDownloadDrivers answer a form post of the tab's request (as the
// page sends it to run) and the file wanted with that file of the result.
func (s *Server) handleDownloadCompare(w http.ResponseWriter, r *http.Request) {
	s.downloadStudy(w, r, "comparison", compareDownloads, jobOf(s.compareJob))
}

func (s *Server) handleDownloadSweep(w http.ResponseWriter, r *http.Request) {
	s.downloadStudy(w, r, "sweep", sweepDownloads, jobOf(s.sweepJob))
}

func (s *Server) handleDownloadPlan(w http.ResponseWriter, r *http.Request) {
	s.downloadStudy(w, r, "plan", optimiseDownloads, jobOf(s.optimiseJob))
}

func (s *Server) handleDownloadDrivers(w http.ResponseWriter, r *http.Request) {
	s.downloadStudy(w, r, "screening", driverDownloads, jobOf(s.screeningJob))
}

// jobOf plans a job from a request sent as JSON text, as a download form
// carries it.
func jobOf[T any](plan func(T) (*job, error)) func(string) (*job, error) {
	return func(text string) (*job, error) {
		// Read as the tab's own call reads it: a field the page never
		// sends is refused, not dropped.
		var req T
		if err := decodeStrict([]byte(text), &req, "the request"); err != nil {
			return nil, err
		}
		return plan(req)
	}
}

// downloadStudy plans a comparison, sweep, plan or screening from the form's request,
// runs it again in its turn (the same request gives the same numbers), and
// answers with the file wanted, one of files.
func (s *Server) downloadStudy(w http.ResponseWriter, r *http.Request, kind string, files map[string]string, plan func(request string) (*job, error)) {
	what, ctype, ok := wanted(w, r, kind+" ", files)
	if !ok {
		return
	}
	j, err := plan(r.PostForm.Get("request"))
	var body []byte
	switch {
	case err != nil:
	case what == "scenario.toml": // nothing runs
		body = []byte(j.scenario)
		j.close()
	default:
		if body, err = s.jobFile(r, j, what); err == nil {
			body, err = inPageWords(what, body)
		}
	}
	if errors.Is(err, errNoAreaDifferences) {
		httpError(w, http.StatusNotFound, err.Error())
		return
	}
	if err != nil {
		fail(w, err)
		return
	}
	if strings.HasPrefix(ctype, "text/") || ctype == tomlType {
		ctype += "; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s"`, kind, what))
	w.Write(body)
}

// jobFile runs a comparison, sweep, plan or screening job in its turn and
// writes one of its files with the command line's writer.
func (s *Server) jobFile(r *http.Request, j *job, what string) ([]byte, error) {
	start := time.Now()
	res, err := s.again(r, j)
	if err != nil {
		return nil, err
	}
	switch res := res.(type) {
	case *optimise.Result:
		cleanSources(j.optimise.Files) // named as the page knows them, not by the job's folder
		return inFolder(what, func(dir string) error { return j.optimise.Write(dir, res, s.opt.Version, time.Since(start), false) })
	case *sensitivity.Result:
		cleanSources(res.Files)
		return inFolder(what, func(dir string) error { return sensitivity.Write(dir, res, s.opt.Version, false) })
	}
	if cr, ok := res.(*study.CompareResult); ok && what == "compare_areas.csv" {
		if _, areas := output.CompareAreaDifferences(cr.Comparison); !areas {
			return nil, errNoAreaDifferences
		}
	}
	outs := study.Outputs{study.Summary: strings.HasSuffix(what, ".csv"), study.Report: what == "report.html", study.XLSX: what == "results.xlsx"}
	return writeOne(res.(study.Result), outs, what)
}

// errNoAreaDifferences answers a download of compare_areas.csv for a
// comparison that writes none.
var errNoAreaDifferences = errors.New("compare_areas.csv is for scenarios of several areas, run more than once; this comparison has no area-by-area differences")

// inPageWords is a study's report or workbook with the command line's
// advice said as the page's (studyWords): "confirm … with spsim compare"
// is Compare on the page. Only the words change: the workbook's other
// parts are copied as they are, and the CSVs, which give no advice, are
// the command line's.
func inPageWords(what string, body []byte) ([]byte, error) {
	switch what {
	case "report.html":
		return []byte(studyWords(string(body))), nil
	case "results.xlsx":
		return rewriteZip(body, "xl/sharedStrings.xml", studyWords)
	}
	return body, nil
}

// rewriteZip is the zip archive data with the file name's text rewritten
// by words; every other file is copied as it was compressed, with its
// header, so the workbook's pinned times stay pinned.
func rewriteZip(data []byte, name string, words func(string) string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("workbench: reading a workbook: %w", err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		if f.Name != name {
			if err := zw.Copy(f); err != nil {
				return nil, fmt.Errorf("workbench: copying a workbook: %w", err)
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("workbench: reading a workbook: %w", err)
		}
		text, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("workbench: reading a workbook: %w", err)
		}
		fh := f.FileHeader
		// The header's DOS date and time are written as they were read
		// (the workbook pins them); Modified, which the reader fills in
		// from them, would add a timestamp field of its own.
		fh.Modified = time.Time{}
		w, err := zw.CreateHeader(&fh)
		if err == nil {
			_, err = io.WriteString(w, words(string(text)))
		}
		if err != nil {
			return nil, fmt.Errorf("workbench: writing a workbook: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("workbench: writing a workbook: %w", err)
	}
	return b.Bytes(), nil
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
