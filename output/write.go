package output

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
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

// writeFiles writes each file into dir atomically.
func writeFiles(dir string, files []file) error {
	for _, f := range files {
		if err := WriteFile(filepath.Join(dir, f.name), f.write); err != nil {
			return err
		}
	}
	return nil
}

// when returns files if on, else nothing.
func when(on bool, files ...file) []file {
	if on {
		return files
	}
	return nil
}

// writeFigures writes the charts outs asks for.
func writeFigures(dir string, figs []Figure, outs study.Outputs) error {
	return WriteCharts(dir, figs, outs.Has(study.Charts), outs.Has(study.PNG))
}

// writeFiguresAndReport writes the charts, then, if outs asks for it,
// the report that build makes around them: the same tail for every study.
func writeFiguresAndReport(dir string, figs []Figure, outs study.Outputs, build func([]Figure) (Report, error)) error {
	if err := writeFigures(dir, figs, outs); err != nil {
		return err
	}
	if !outs.Has(study.Report) {
		return nil
	}
	rep, err := build(figs)
	if err != nil {
		return err
	}
	return WriteFile(filepath.Join(dir, "report.html"), func(w io.Writer) error { return WriteReport(w, rep) })
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
func runTime(elapsed time.Duration, workers int) string {
	return fmt.Sprintf("%.1f s of wall time with %d parallel workers on %d cores (%s/%s).",
		elapsed.Seconds(), workers, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
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
