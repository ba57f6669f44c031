package output

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// Write writes the outputs of a study's result into dir: those in outs
// that apply to it. A shard writes its own files whatever outs is.
func Write(dir string, r study.Result, outs study.Outputs) error {
	switch r := r.(type) {
	case *study.RunResult:
		return WriteRun(dir, r, outs)
	case *study.CompareResult:
		return WriteCompare(dir, r, outs)
	case *study.SweepResult:
		return WriteSweep(dir, r, outs)
	case *study.ShardResult:
		return WriteShard(dir, r)
	}
	return fmt.Errorf("output: no writer for %T", r)
}

// file is one output file and what writes it.
type file struct {
	name  string
	write func(io.Writer) error
}

// when returns files if on, else nothing.
func when(on bool, files ...file) []file {
	if on {
		return files
	}
	return nil
}

// WriteFigures writes each figure as NAME.svg in dir, and as NAME.png too
// if png: as a run's charts, PNG only on request, as it is the costly one.
func WriteFigures(dir string, figs []Figure, png bool) error {
	return writeFiles(dir, chartFiles(figs, true, png))
}

// WithFigures gives the report figs as WriteFigures writes them, SVG and,
// if png, PNG beside it: the first leads, on the summary page, and the
// rest follow under Charts.
func (r Report) WithFigures(figs []Figure, png bool) Report {
	r.Lead, r.Figures = nil, nil
	if len(figs) > 0 {
		lead := figs[0]
		r.Lead, r.Figures = &lead, figs[1:]
	}
	r.ChartFormats = chartFormats(true, png) // as WriteFigures writes them
	return r
}

// chartFormats are the formats chartFiles writes with svg and png, for a
// report's captions to name.
func chartFormats(svg, png bool) []string {
	var out []string
	if png {
		out = append(out, "png")
	}
	if svg {
		out = append(out, "svg")
	}
	return out
}

// chartFiles are each figure as NAME.svg if svg and NAME.png if png.
// Files are written all at once, but PNGs are rendered no more at a time
// than there are cores: each holds a full-size image.
func chartFiles(figs []Figure, svg, png bool) []file {
	var files []file
	cores := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, f := range figs {
		if svg {
			files = append(files, file{f.Name + ".svg", func(w io.Writer) error {
				_, err := w.Write(f.SVG)
				return err
			}})
		}
		if png {
			files = append(files, file{f.Name + ".png", func(w io.Writer) error {
				cores <- struct{}{}
				b, err := f.PNG()
				<-cores
				if err != nil {
					return err
				}
				_, err = w.Write(b)
				return err
			}})
		}
	}
	return files
}

// figureFiles are the charts outs asks for and, if it asks for it, the
// report that build makes around them: the same tail for every study.
func figureFiles(figs []Figure, outs study.Outputs, build func([]Figure) (Report, error)) []file {
	files := chartFiles(figs, outs.Has(study.Charts), outs.Has(study.PNG))
	return append(files, when(outs.Has(study.Report), file{"report.html", func(w io.Writer) error {
		rep, err := build(figs)
		if err != nil {
			return err
		}
		rep.ChartFormats = chartFormats(outs.Has(study.Charts), outs.Has(study.PNG))
		return WriteReport(w, rep)
	}})...)
}

// writeAll writes the tables and, side by side, draws the figures and
// writes them with the report (draw returns no files when outs asks for
// no figure): every file is written at once, so that none waits for
// another's drawing, formatting or fsync.
func writeAll(dir string, tables []file, draw func() ([]file, error)) error {
	return concurrently(2, func(i int) error {
		if i == 0 {
			return writeFiles(dir, tables)
		}
		figs, err := draw()
		if err != nil {
			return err
		}
		return writeFiles(dir, figs)
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

// listings converts scenario files for the report.
func listings(fs []scenarios.File) []Listing {
	out := make([]Listing, len(fs))
	for i, f := range fs {
		out[i] = Listing{Name: f.Name, Text: f.Text}
	}
	return out
}

// runTime describes how long a study took, for the report only: timings
// never go into CSV or JSON, which must not depend on the machine.
// Took says a duration to two significant figures, in minutes once it is
// over two: a quick run's "0.04 s" rather than "0.0s".
func Took(seconds float64) string {
	switch {
	case seconds >= 120:
		m := int(seconds+0.5) / 60
		return fmt.Sprintf("%d min %d s", m, int(seconds+0.5)-60*m)
	case seconds >= 10:
		return fmt.Sprintf("%.0f s", seconds)
	case seconds >= 1:
		return fmt.Sprintf("%.1f s", seconds)
	case seconds >= 0.01:
		return strconv.FormatFloat(seconds, 'g', 2, 64) + " s"
	default:
		return "under 0.01 s"
	}
}

// mergedRunTime is a merged study's run time: the merge's own, since the
// shards' simulation times are not carried over (they would make the
// shards' files differ from run to run).
func mergedRunTime(elapsed time.Duration, shards int, what string) string {
	return fmt.Sprintf("Merged from %d shards in %s; the %s were simulated in the shards.", shards, Took(elapsed.Seconds()), what)
}

func runTime(elapsed time.Duration, workers int) string {
	if workers <= 0 { // as experiment.Replicate: a worker a core
		workers = runtime.NumCPU()
	}
	return fmt.Sprintf("%s of wall time with %s on %s (%s/%s).",
		Took(elapsed.Seconds()), experiment.Count(workers, "parallel worker"), experiment.Count(runtime.NumCPU(), "core"), runtime.GOOS, runtime.GOARCH)
}

// StudyMethod is the method section of a study of the scenario cfg, as
// run, compare and sweep write it: its assumptions, run length, warm-up,
// random numbers (crn when its scenarios share them), software and run
// time. A study with its own design (optimise, sensitivity) then says
// how it chose its replications.
func StudyMethod(cfg *sim.Config, version string, elapsed time.Duration, workers int, crn bool) Method {
	m := method(cfg, version, elapsed, workers, crn)
	m.Warmup = WarmupMethod(cfg.Run.WarmupWeeks, nil)
	return m
}

// ScenarioListings are a report's scenario files as written and cfg
// fully resolved, named with what the resolved form is (as run, or
// before the values a study varies are applied).
func ScenarioListings(cfg *sim.Config, files []scenarios.File, resolvedAs string) (sources, resolved []Listing, err error) {
	text, err := encoded(cfg)
	if err != nil {
		return nil, nil, err
	}
	return listings(files), []Listing{{Name: cfg.Name + ", " + resolvedAs, Text: text}}, nil
}

// method fills the parts of the method section every study shares.
func method(cfg *sim.Config, version string, elapsed time.Duration, workers int, crn bool) Method {
	return Method{
		Assumptions: Assumptions(cfg),
		RunLength:   fmt.Sprintf("%d weeks per replication, of which %d are warm-up.", cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks),
		Random:      RandomMethod(cfg.Run.Seed, crn),
		Level:       study.Level,
		Version:     version,
		GoVersion:   runtime.Version(),
		RunTime:     runTime(elapsed, workers),
	}
}

// WriteShard writes a shard's files for merge.
func WriteShard(dir string, s *study.ShardResult) error {
	files, err := s.Files()
	if err != nil {
		return err
	}
	for _, f := range files {
		err := WriteFile(filepath.Join(dir, f.Name), func(w io.Writer) error {
			_, err := w.Write(f.Data)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
