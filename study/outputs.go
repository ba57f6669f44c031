package study

import (
	"fmt"
	"slices"
	"strings"
)

// Output names one kind of file a study can produce.
type Output string

// The outputs. A command writes those that apply to it: weekly and areas
// belong to run, compare and sweep write their own tables under summary.
const (
	Summary  Output = "summary"  // summary.csv and .json; compare.csv/.json; sweep.csv
	Weekly   Output = "weekly"   // weekly.csv, one row a week and replication
	Areas    Output = "areas"    // areas.csv, per area, for scenarios of several areas
	Scenario Output = "scenario" // the resolved scenario.toml
	Charts   Output = "charts"   // SVG charts
	PNG      Output = "png"      // PNG copies of the charts (slow to encode)
	Report   Output = "report"   // report.html, with the charts inline
	XLSX     Output = "xlsx"     // results.xlsx, a workbook: summary in words, KPIs, weekly table, charts
)

// AllOutputs lists every output, in the order they are documented.
var AllOutputs = []Output{Summary, Weekly, Areas, Scenario, Charts, PNG, Report, XLSX}

// Outputs is a set of outputs.
type Outputs map[Output]bool

// DefaultOutputs is every output but PNG charts, which cost more to encode
// than the whole simulation of a baseline run.
func DefaultOutputs() Outputs {
	o := Outputs{}
	for _, k := range AllOutputs {
		o[k] = k != PNG
	}
	return o
}

// Has reports whether o includes k. A nil set is the default.
func (o Outputs) Has(k Output) bool {
	if o == nil {
		return k != PNG
	}
	return o[k]
}

// Figures reports whether charts are drawn at all: for their files or the
// report, which holds them inline.
func (o Outputs) Figures() bool { return o.Has(Charts) || o.Has(PNG) || o.Has(Report) }

// NeedsWeekly reports whether any output in o is drawn or written from
// the replications' weekly tables: weekly.csv, the workbook, the charts or
// the report.
func (o Outputs) NeedsWeekly() bool { return o.Has(Weekly) || o.Has(XLSX) || o.Figures() }

// String lists the outputs in o, comma-separated in documented order.
func (o Outputs) String() string {
	var names []string
	for _, k := range AllOutputs {
		if o.Has(k) {
			names = append(names, string(k))
		}
	}
	return strings.Join(names, ",")
}

// ParseOutputs reads a comma-separated list such as "summary,weekly,charts"
// or "all"; "default" is every output but png.
func ParseOutputs(s string) (Outputs, error) {
	o := Outputs{}
	for _, part := range strings.Split(s, ",") {
		name := Output(strings.ToLower(strings.TrimSpace(part)))
		switch {
		case name == "all":
			for _, k := range AllOutputs {
				o[k] = true
			}
		case name == "default":
			for k, v := range DefaultOutputs() {
				o[k] = o[k] || v
			}
		case slices.Contains(AllOutputs, name):
			o[name] = true
		default:
			return nil, fmt.Errorf("--outputs: no output %q (outputs: %s, or all, or default)", part, outputNames())
		}
	}
	return o, nil
}

func outputNames() string {
	s := make([]string, len(AllOutputs))
	for i, k := range AllOutputs {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// perRun are the outputs only a run writes: a comparison or a sweep keeps
// no weekly table of its own and has no areas.
var perRun = []Output{Weekly, Areas}

// RunOnly splits o into the outputs only a run writes and the rest, which
// a comparison or a sweep writes too.
func RunOnly(o Outputs) (runOnly, rest Outputs) {
	runOnly, rest = Outputs{}, Outputs{}
	for _, k := range AllOutputs {
		if o.Has(k) {
			if slices.Contains(perRun, k) {
				runOnly[k] = true
			} else {
				rest[k] = true
			}
		}
	}
	return runOnly, rest
}

// StudyOutputNames lists the outputs a comparison or a sweep can write.
func StudyOutputNames() string {
	var s []string
	for _, k := range AllOutputs {
		if !slices.Contains(perRun, k) {
			s = append(s, string(k))
		}
	}
	return strings.Join(s, ", ")
}

// NamedOutputs are the outputs s names one by one, leaving out those that
// "all" or "default" bring in: what a user asked for by name.
func NamedOutputs(s string) Outputs {
	o := Outputs{}
	for _, part := range strings.Split(s, ",") {
		if name := Output(strings.ToLower(strings.TrimSpace(part))); slices.Contains(AllOutputs, name) {
			o[name] = true
		}
	}
	return o
}
