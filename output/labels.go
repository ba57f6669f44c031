package output

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// KPILabel names a KPI in words, from the model's registry
// ([sim.LookupKPI]): "wait_first_contact_p90_weeks" is "Wait to first
// contact, 90th percentile"; a family's member adds the member:
// "needs_met_share.most_deprived" is "Share of needs met: most deprived".
// A name the registry lacks (results read from an older file) is named
// from its identifier.
func KPILabel(name string) string {
	base, _, member := sim.SplitMember(name)
	m, ok := sim.LookupKPI(name)
	w := m.Label
	if !ok || w == "" {
		w = scenarios.Words(base)
	}
	if member != "" {
		w += ": " + strings.ReplaceAll(member, "_", " ")
	}
	return w
}

// display is how a unit is shown on a chart: shares as percentages, money
// with a pound sign.
type display struct {
	scale  float64 // multiply values by this
	unit   string  // unit in words for the axis label
	format func(v, step float64) string
	label  func(v float64) string // a value printed on a chart
}

// AxisUnit is a unit in words for a chart's axis, as the report's charts
// label them: "%", "£ a year", "people a year", "weeks".
func AxisUnit(unit string) string { return displayFor(unit).unit }

func displayFor(unit string) display {
	switch unit {
	case sim.UnitShare:
		return display{scale: 100, unit: "%", format: percent, label: func(v float64) string { return sig3(v) + "%" }}
	case sim.UnitGBP:
		return display{scale: 1, unit: "£", format: pounds, label: money}
	case sim.UnitGBPPerYear:
		return display{scale: 1, unit: "£ a year", format: pounds, label: money}
	}
	return display{scale: 1, unit: experiment.UnitWords(unit), format: plainNumber, label: sig3}
}

// diffDisplayFor is how a difference of two values in unit is shown: a
// difference of shares is in percentage points (57.6% against 55.1% is
// 2.5 percentage points, not 2.5%).
func diffDisplayFor(unit string) display {
	d := displayFor(unit)
	if unit == sim.UnitShare {
		d.unit, d.format = "percentage points", plainNumber
		d.label = func(v float64) string { return sig3(v) + " percentage points" }
	}
	return d
}

// sig3 prints a value to about three significant figures, in tables and on
// charts alike, whole numbers
// from 1,000 up with thousands separators: 0.136, 3.38, 57.6, 1,071.
func sig3(v float64) string {
	a := math.Abs(v)
	switch {
	case !defined(v):
		return "NA"
	case a >= 1000:
		return thousands(v)
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case a >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	case a == 0:
		return "0"
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// money prints pounds: £255,397.
func money(v float64) string {
	if v < 0 {
		return "-£" + thousands(-v)
	}
	return "£" + thousands(v)
}

// axisLabel is a KPI's label with its display unit: "Share of needs met (%)".
func axisLabel(name, unit string) string {
	return KPILabel(name) + " (" + displayFor(unit).unit + ")"
}

// capitalise is s with its first letter in upper case.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Uncapitalise is a label with its first letter in lower case, to stand
// within a sentence: "its wait to first contact, 90th percentile".
func Uncapitalise(s string) string {
	word, _, _ := strings.Cut(s, " ")
	// An initialism keeps its capitals: "FTE per post", "GP appointments".
	if s == "" || len(word) > 1 && strings.ToUpper(word) == word {
		return s
	}
	r, size := utf8.DecodeRuneInString(s) // a whole letter, not a byte of one
	return string(unicode.ToLower(r)) + s[size:]
}
