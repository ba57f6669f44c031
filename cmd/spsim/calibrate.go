package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/spsim/spsim/calibrate"
	"github.com/spsim/spsim/internal/extract"
	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
)

// cmdCalibrate fits the referral process to an extract and writes a
// scenario fragment, a parameter table and a plot of the fit.
func cmdCalibrate(args []string, stdout, stderr io.Writer) error {
	fs, cf := calibrateFlags()
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("calibrate takes one referral extract (a CSV file), got %d", len(pos))
	}
	// The name the fragment would be refused for, said before the fit.
	if ps := scenarios.NameProblems(*cf.name); *cf.name != "" && len(ps) > 0 {
		return usagef("--name %s: %s", strconv.Quote(*cf.name), ps[0])
	}
	o, err := cf.options()
	if err != nil {
		return err
	}
	// An empty list was read as the default one, without a word: a list
	// given is one to use, so one with no values is refused.
	if len(cf.inappropriateValues()) == 0 {
		return usagef("--inappropriate %s: give one or more outcome values, comma-separated, as written in the extract (default %s)",
			strconv.Quote(*cf.inappropriate), strings.Join(calibrate.DefaultInappropriate, ","))
	}
	base, err := scenarios.Load(*cf.extends)
	if err != nil {
		return fmt.Errorf("--extends: %w", err)
	}
	path := pos[0]
	x, err := readExtract(path)
	if err != nil {
		return err
	}
	fit, err := calibrate.FitExtract(x, o)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	x.Match(sortedNames(base.Groups), sortedNames(base.Profiles))
	spec := calibrate.FragmentSpec{Name: *cf.name, Source: filepath.Base(path), Extends: *cf.extends, Fit: fit,
		Shares: calibrate.Summarise(x, cf.inappropriateValues()), Groups: sortedNames(base.Groups), Profiles: sortedNames(base.Profiles)}
	folder, err := cf.prepare(&spec, path)
	if err != nil {
		return err
	}
	defer folder.Close()
	return writeCalibration(folder, spec, calibrate.Notes(x, spec.Shares, spec.Groups), stdout, stderr, *cf.quiet, *cf.png)
}

// prepare names the fragment and its folder after the extract when the
// flags do not, makes the folder ready, and points a file that the
// fragment extends at it from there.
func (cf *calibrateFlagValues) prepare(spec *calibrate.FragmentSpec, path string) (*output.Folder, error) {
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if spec.Name == "" {
		// A scenario's name: no control characters, and cut to its length.
		name := []rune("calibrated-" + strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, stem))
		spec.Name = string(name[:min(len(name), scenarios.MaxNameChars)])
	}
	folder, out, err := openOutFolder(*cf.dir, "calibrate-"+stem, *cf.force)
	if err != nil {
		return nil, err
	}
	if !isBuiltinName(*cf.extends) {
		// A file is found relative to the fragment's folder (the outputs'
		// temporary folder is its sibling, so the path holds for both).
		rel, err := relativeTo(out, *cf.extends)
		if err != nil {
			folder.Close()
			return nil, err
		}
		// Through a link, the folder's path and where it is differ, and a
		// relative path would hold from one but not the other.
		if abs, _ := filepath.Abs(out); abs != folder.Real() {
			rel, err = filepath.Abs(*cf.extends)
			if err != nil {
				folder.Close()
				return nil, err
			}
		}
		spec.Extends = rel
	}
	return folder, nil
}

// calibrateFlagValues are calibrate's flags, once parsed.
type calibrateFlagValues struct {
	dir, extends, name, from, to, start, inappropriate *string
	force, quiet, noGrowth, noSeason, png              *bool
}

func calibrateFlags() (*flag.FlagSet, *calibrateFlagValues) {
	fs := newFlags("calibrate")
	cf := &calibrateFlagValues{}
	cf.dir = fs.String("o", "", "write the outputs into folder `DIR` (default out/calibrate-NAME)")
	alias(fs, "o", "output")
	cf.force = fs.Bool("force", false, "replace an existing output folder of spsim's outputs (never one holding other files)")
	cf.quiet = fs.Bool("quiet", false, "print nothing but errors")
	cf.png = fs.Bool("png", false, "also write the chart as PNG (SVG is always written)")
	cf.extends = fs.String("extends", "baseline", "the `SCENARIO` the fragment extends (a built-in name or a file)")
	cf.name = fs.String("name", "", "the fragment's scenario `NAME` (default calibrated-NAME)")
	cf.from = fs.String("from", "", "first `DATE` counted (default: the first referral's date)")
	cf.to = fs.String("to", "", "last `DATE` counted (default: the last referral's date); only whole weeks are used")
	cf.start = fs.String("start", "", "the run's first day, week 0 of the model, as a `DATE` (default: the day after the last week counted)")
	cf.noGrowth = fs.Bool("no-growth", false, "fix annual growth at 0")
	cf.noSeason = fs.Bool("no-season", false, "fix the seasonal amplitude at 0")
	cf.inappropriate = fs.String("inappropriate", strings.Join(calibrate.DefaultInappropriate, ","), "outcome values that mean an inappropriate referral, a comma-separated `LIST`")
	return fs, cf
}

// options are the fit's options from the flags: the dates, growth and season.
func (cf *calibrateFlagValues) options() (calibrate.Options, error) {
	var o calibrate.Options
	for _, d := range []struct {
		flag, v string
		to      *time.Time
	}{{"--from", *cf.from, &o.From}, {"--to", *cf.to, &o.To}, {"--start", *cf.start, &o.Start}} {
		if d.v == "" {
			continue
		}
		t, err := calibrate.ParseDate(d.v)
		if err != nil {
			return o, usagef("%s: %w", d.flag, err)
		}
		*d.to = t
	}
	o.NoGrowth, o.NoSeason = *cf.noGrowth, *cf.noSeason
	return o, nil
}

// inappropriateValues are --inappropriate's outcome values as written;
// calibrate.Summarise compares them as extract.Normal does ("Closed - not
// suitable" is closed_not_suitable).
func (cf *calibrateFlagValues) inappropriateValues() []string {
	var bad []string
	for _, v := range strings.Split(*cf.inappropriate, ",") {
		if v = strings.TrimSpace(v); v != "" {
			bad = append(bad, v)
		}
	}
	return bad
}

// readExtract reads a referral extract file.
func readExtract(path string) (*calibrate.Extract, error) {
	raw, err := extract.ReadFile(path, extract.MaxFileBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return calibrate.Read(path, bytes.NewReader(raw))
}

// writeCalibration writes the fragment (checked by loading it back), the
// parameter table and the plot: SVG, and PNG too if withPNG, as run's
// charts are.
func writeCalibration(folder *output.Folder, spec calibrate.FragmentSpec, notes []string, stdout, stderr io.Writer, quiet, withPNG bool) error {
	dir := folder.Path()
	var svg, png []byte
	var err error
	if withPNG {
		svg, png, err = calibrate.Plot(spec.Fit, spec.Source)
	} else {
		svg, err = calibrate.PlotSVG(spec.Fit, spec.Source)
	}
	if err != nil {
		return err
	}
	toml := filepath.Join(dir, "calibrated.toml")
	files := []outFile{
		{"calibrated.toml", func(w io.Writer) error { return calibrate.WriteFragment(w, spec) }},
		{"calibration.csv", func(w io.Writer) error { return writeCalibrationCSV(w, spec) }},
		{"referrals_fit.svg", func(w io.Writer) error { _, err := w.Write(svg); return err }},
	}
	if withPNG {
		files = append(files, outFile{"referrals_fit.png", func(w io.Writer) error { _, err := w.Write(png); return err }})
	}
	err = writeAll(dir, files)
	if err != nil {
		return err
	}
	cfg, err := scenarios.LoadFile(toml)
	if err != nil {
		return fmt.Errorf("the fragment written does not load (please report this): %w", err)
	}
	if err := commitFolder(folder, quiet, stderr); err != nil {
		return err
	}
	dir = folder.Dir()
	if quiet {
		return nil
	}
	var b bytes.Buffer
	fit := spec.Fit
	for _, line := range output.CalibrationAnswer(fit, spec.Shares) {
		fmt.Fprintln(&b, line)
	}
	fmt.Fprintln(&b)
	if err := output.PrintCalibration(&b, calibrate.Settings(fit, spec.Shares, spec.Groups)); err != nil {
		return err
	}
	fmt.Fprintf(&b, "dispersion %.2f (1 for steady random arrivals, a Poisson process)\n", fit.Dispersion)
	for _, w := range fit.Warnings {
		fmt.Fprintf(&b, "note: %s\n", w)
	}
	for _, n := range notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	// A parent whose timeline sets the rate again would undo the fit.
	if msg := scenarios.Overridden(cfg, "demand.referrals_per_week"); msg != "" {
		fmt.Fprintf(&b, "note: the fitted demand.referrals_per_week: %s\n", msg)
	}
	if w := spec.Shares.OutcomeWords(); w != "" {
		fmt.Fprintf(&b, "note: %s\n", w)
	}
	if sh := spec.Shares; sh.NoneInappropriate && len(sh.Outcomes) > 0 {
		fmt.Fprintf(&b, "note: name the outcomes that mean an inappropriate referral with --inappropriate, such as --inappropriate %q\n", sh.Outcomes[len(sh.Outcomes)-1].Name)
	}
	if terms := fit.Undetected(); len(terms) > 0 {
		flags := map[string]string{"growth": "--no-growth", "seasons": "--no-season"}
		var fl []string
		for _, t := range terms {
			fl = append(fl, flags[t])
		}
		fmt.Fprintf(&b, "note: to fit without %s, run again with %s\n", strings.Join(terms, " or "), strings.Join(fl, " "))
	}
	fmt.Fprintf(&b, "wrote %s (extend it, or run it), calibration.csv and referrals_fit.svg in %s\n", filepath.Base(toml), dir)
	_, err = stdout.Write(b.Bytes())
	return err
}

// calibrationRows are the fitted parameters as model keys and values.
func calibrationRows(spec calibrate.FragmentSpec) [][4]string {
	f := spec.Fit
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	row := func(key string, e calibrate.Estimate) [4]string {
		if e.Fixed {
			return [4]string{key, num(e.Value), "fixed", "fixed"}
		}
		return [4]string{key, num(e.Value), num(e.Low), num(e.High)}
	}
	rows := [][4]string{row("referrals_per_week", f.Base), row("annual_growth", f.Growth), row("seasonal_amplitude", f.Amplitude)}
	peak := f.Peak
	if !peak.Fixed {
		w := func(x float64) float64 { return mod52(x) }
		peak.Value, peak.Low, peak.High = w(peak.Value), w(peak.Low), w(peak.High)
		if f.Peak.Undetermined {
			peak.Low, peak.High = 0, 52
		}
	}
	rows = append(rows, row("seasonal_peak_week", peak))
	if s := spec.Shares.Inappropriate; s != nil {
		rows = append(rows, [4]string{"inappropriate_share", num(s.Value), num(s.Low), num(s.High)})
	}
	return rows
}

func writeCalibrationCSV(w io.Writer, spec calibrate.FragmentSpec) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"parameter", "estimate", "ci_low", "ci_high"}); err != nil {
		return err
	}
	for _, r := range calibrationRows(spec) {
		if err := cw.Write(r[:]); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func mod52(x float64) float64 {
	for x < 0 {
		x += 52
	}
	for x >= 52 {
		x -= 52
	}
	return x
}

func sortedNames[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// isBuiltinName follows the loader's rule: a name without a folder or a
// .toml suffix that the library has is built in.
func isBuiltinName(ref string) bool {
	_, ok := scenarios.Source(ref)
	return ok && !strings.ContainsAny(ref, `/\`) && !strings.HasSuffix(ref, ".toml")
}

// relativeTo rewrites path relative to dir.
func relativeTo(dir, path string) (string, error) {
	ad, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	ap, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.Rel(ad, ap)
}
