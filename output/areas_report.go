package output

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// areaKPIs are the KPIs the per-area table and chart rank areas by: the
// wait, the link workers' pressure and the share of needs met.
var areaKPIs = []string{sim.KPIWaitMean, sim.KPIPressureMean, sim.KPINeedsMetShare}

// areaTableKPIs are the per-area table's columns.
var areaTableKPIs = []string{sim.KPIWaitMean, sim.KPIPressureMean, sim.KPINeedsMetShare, sim.KPIUtilisation, sim.KPIReferrals, sim.KPICostTotal}

// areaStatKPIs are the KPIs estimated for each area: the table's, and the
// people giving up waiting, which is what an area where nobody is seen is
// said by.
var areaStatKPIs = append(slices.Clone(areaTableKPIs), sim.KPIReneged)

// areaStat is one area's estimates of the KPIs it is ranked by.
type areaStat struct {
	index int // in each result's Areas
	waitK int // the mean wait's index in the area's KPIs
	name  string
	est   map[string]experiment.Estimate
	unit  map[string]string
}

// areaStats estimates each area's KPIs across replications, most strained
// (longest wait) first. An area where nobody is seen has no wait, and is
// the most strained of all: it comes first, not last as a NaN would sort.
func areaStats(results []*sim.Result, level float64) []areaStat {
	if len(results) == 0 {
		return nil
	}
	var out []areaStat
	for a, area := range results[0].Areas {
		s := areaStat{index: a, name: area.Name, est: map[string]experiment.Estimate{}, unit: map[string]string{}}
		for k := range area.NumKPIs() {
			kpi := area.KPI(k)
			if slices.Contains(areaStatKPIs, kpi.Name) {
				s.est[kpi.Name], s.unit[kpi.Name] = areaInterval(results, a, k, level), kpi.Unit
			}
			if kpi.Name == sim.KPIWaitMean {
				s.waitK = k
			}
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b areaStat) int {
		wa, wb := a.est[sim.KPIWaitMean].Mean, b.est[sim.KPIWaitMean].Mean
		if na, nb := math.IsNaN(wa), math.IsNaN(wb); na || nb {
			return -cmp.Compare(boolInt(na), boolInt(nb))
		}
		return cmp.Compare(wb, wa)
	})
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// AreaAnswer says where a run of several areas is most strained, for the
// terminal, the report's summary and the workbench: the longest and the
// shortest wait for a first contact, each with its interval, and the
// next-longest. The longest and shortest of many areas are far apart by
// chance alone, so they are called different only if their intervals do
// not overlap at a Bonferroni-adjusted level (1 − (1 − level)/areas);
// otherwise it says that the areas cannot be told apart rather than
// ranking noise. Areas where nobody is seen have no wait to rank: they
// lead, named with how many give up waiting there, and the ranking is of
// the areas where people are seen. It is nil for a run of one area.
func AreaAnswer(results []*sim.Result, level float64) []string {
	if len(results) == 0 || len(results[0].Areas) < 2 {
		return nil
	}
	stats := areaStats(results, level)
	shown := definedWaits(stats)
	unseen := nobodySeen(stats, len(results) > 1)
	if len(shown) < 2 {
		return unseen
	}
	top, bottom := shown[0], shown[len(shown)-1]
	unit := top.unit[sim.KPIWaitMean]
	mean := func(s areaStat) float64 { return s.est[sim.KPIWaitMean].Mean }
	wait := func(s areaStat) string {
		e := s.est[sim.KPIWaitMean]
		return experiment.WithBounds(e.Mean, e.Low, e.High, unit, false)
	}
	areas := experiment.Number(float64(len(shown))) + " areas"
	if len(unseen) > 0 {
		areas += " where people are seen"
	}
	out := unseen
	if len(results) < 2 {
		q := func(s areaStat) string { return experiment.Quantity(mean(s), unit, false) }
		return append(out, fmt.Sprintf("With one replication the %s' waits for a first contact have no intervals, so they are not ranked: they range from %s in %s to %s in %s; run more replications to tell them apart.",
			areas, q(bottom), bottom.name, q(top), top.name))
	}
	strict := 1 - (1-level)/float64(len(shown))
	if t, b := waitAt(results, top, strict), waitAt(results, bottom, strict); !(t.Low > b.High) {
		return append(out, fmt.Sprintf("The %s' waits for a first contact cannot be told apart with %s replications: from %s in %s to %s in %s, a spread chance alone could make among %s at this precision; more replications may tell them apart.",
			areas, experiment.Number(float64(len(results))), wait(bottom), bottom.name, wait(top), top.name, areas))
	}
	shortest := bottom.name + ", " + wait(bottom)
	if tied := len(shown) - slices.IndexFunc(shown, func(s areaStat) bool { return mean(s) == mean(bottom) }); tied > 1 {
		shortest = fmt.Sprintf("%s, in %s areas", experiment.Quantity(mean(bottom), unit, false), experiment.Number(float64(tied)))
	}
	out = append(out, fmt.Sprintf("The longest wait for a first contact of the %s is in %s: %s%s; the shortest is %s.",
		areas, top.name, wait(top), closeBehind(results, shown, level), shortest))
	if s := fewestNeedsMet(results, shown, level); s != "" {
		out = append(out, s)
	}
	if n := min(3, len(shown)-2); n > 0 {
		var next []string
		for _, s := range shown[1 : 1+n] {
			next = append(next, fmt.Sprintf("%s (%s)", s.name, experiment.Quantity(mean(s), unit, false)))
		}
		out = append(out, "Next longest: "+strings.Join(next, ", ")+".")
	}
	return out
}

// fewestNeedsMet names the area with the lowest share of needs met when it
// is not the one with the longest wait (shown[0]) and meets detectably
// fewer, replication by replication: a wait counts only the people seen,
// and an area where more give up waiting can wait less and meet less.
// It is "" otherwise.
func fewestNeedsMet(results []*sim.Result, shown []areaStat, level float64) string {
	k := results[0].Areas[shown[0].index].KPIIndex(sim.KPINeedsMetShare)
	if k < 0 {
		return ""
	}
	low := shown[0]
	for _, s := range shown[1:] {
		if s.est[sim.KPINeedsMetShare].Mean < low.est[sim.KPINeedsMetShare].Mean {
			low = s
		}
	}
	if low.index == shown[0].index {
		return ""
	}
	d := make([]float64, len(results))
	for r, res := range results {
		d[r] = res.Areas[shown[0].index].KPI(k).Value - res.Areas[low.index].KPI(k).Value
	}
	if e := experiment.Interval(d, level); !(e.Low > 0) {
		return ""
	}
	e := low.est[sim.KPINeedsMetShare]
	return fmt.Sprintf("But a wait counts only the people seen: the lowest share of needs met, which counts everyone referred, is in %s, %s, against %s in %s.",
		low.name, experiment.WithBounds(e.Mean, e.Low, e.High, sim.UnitShare, false),
		experiment.Percent(shown[0].est[sim.KPINeedsMetShare].Mean), shown[0].name)
}

// closeBehind names the areas whose mean wait is not detectably shorter
// than the longest (shown[0]'s), replication by replication at level: ", though
// area20's is not detectably shorter", or "" when the longest stands alone.
// "Longest" is then a ranking the replications cannot yet settle.
func closeBehind(results []*sim.Result, shown []areaStat, level float64) string {
	var close []string
	d := make([]float64, len(results))
	for _, s := range shown[1:] {
		for r, res := range results {
			d[r] = res.Areas[shown[0].index].KPI(shown[0].waitK).Value - res.Areas[s.index].KPI(s.waitK).Value
		}
		if e := experiment.Interval(d, level); !(e.Low > 0) {
			close = append(close, s.name+"'s")
		}
	}
	switch n := len(close); {
	case n == 0:
		return ""
	case n == 1:
		return ", though " + close[0] + " is not detectably shorter"
	case n <= 3:
		return ", though " + strings.Join(close[:n-1], ", ") + " and " + close[n-1] + " are not detectably shorter"
	default:
		return fmt.Sprintf(", though %s and %s other areas' are not detectably shorter", strings.Join(close[:2], ", "), experiment.Number(float64(n-2)))
	}
}

// nobodySeen says which areas see nobody, so have no wait (no link-worker
// caseload places, or none ever free): each is the most strained of all,
// and is named with the people who give up waiting there, with their
// interval where there are replications to form one. It is nil when every
// area sees someone.
func nobodySeen(stats []areaStat, intervals bool) []string {
	var out []string
	for _, s := range stats {
		if e, ok := s.est[sim.KPIWaitMean]; !ok || !math.IsNaN(e.Mean) {
			continue
		}
		words := fmt.Sprintf("Nobody is seen for a first contact in %s, so it has no wait", s.name)
		if g, ok := s.est[sim.KPIReneged]; ok && defined(g.Mean) {
			gave := experiment.Quantity(g.Mean, s.unit[sim.KPIReneged], false)
			if intervals && defined(g.Low, g.High) {
				gave = experiment.WithBounds(g.Mean, g.Low, g.High, s.unit[sim.KPIReneged], false)
			}
			words += ": " + gave + " give up waiting there"
		}
		out = append(out, words+".")
	}
	return out
}

// definedWaits keeps the areas whose mean wait is defined (an area where
// nobody was seen has none), in their order.
func definedWaits(stats []areaStat) []areaStat {
	var out []areaStat
	for _, s := range stats {
		if e, ok := s.est[sim.KPIWaitMean]; ok && !math.IsNaN(e.Mean) {
			out = append(out, s)
		}
	}
	return out
}

// areaInterval is the interval across replications of KPI k of area a.
func areaInterval(results []*sim.Result, a, k int, level float64) experiment.Estimate {
	return experiment.AreaEstimate(results, a, k, make([]float64, len(results)), level)
}

// waitAt is area s's interval of its mean wait at level (s has one).
func waitAt(results []*sim.Result, s areaStat, level float64) experiment.Estimate {
	return areaInterval(results, s.index, s.waitK, level)
}

// AreaTable is the per-area table of a run of several areas: each area's
// wait, pressure, needs met, utilisation, referrals and cost, with
// intervals, most strained first.
func AreaTable(results []*sim.Result, level float64) Table {
	stats := areaStats(results, level)
	t := Table{Caption: fmt.Sprintf("Areas, longest wait first (mean and %.0f%% confidence interval across replications)", 100*level)}
	t.Head = []string{"Area"}
	for _, k := range areaTableKPIs {
		unit := ""
		if len(stats) > 0 {
			unit = stats[0].unit[k]
		}
		t.Head = append(t.Head, areaHead(k, unit))
	}
	for _, s := range stats {
		row := []string{s.name}
		for _, k := range areaTableKPIs {
			e, ok := s.est[k]
			if !ok {
				row = append(row, "-")
				continue
			}
			if !defined(e.Mean) {
				// Not defined (a wait where nobody is seen): n/a, as the
				// headline table says it, not "NA" or "NA%".
				row = append(row, "n/a")
				continue
			}
			d := displayFor(s.unit[k])
			cell := d.label(e.Mean * d.scale)
			if defined(e.Low, e.High) {
				cell += " (" + d.label(e.Low*d.scale) + " to " + d.label(e.High*d.scale) + ")"
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// areaHead is a KPI's column head in the area table: its label, and its
// unit where the cells do not show it (weeks, a year), so that a cell reads
// "9.98 (9.74 to 10.2)" under "Wait to first contact, mean (weeks)".
func areaHead(kpi, unit string) string {
	label := KPILabel(kpi)
	switch u := displayFor(unit).unit; {
	case u == "" || u == "%" || unit == sim.UnitIndex:
		return label
	default:
		return label + " (" + u + ")"
	}
}

// AreaFigure ranks the areas of a run by wait, pressure and needs met: one
// panel each, areas in the same order (longest wait at the top), bars with
// their intervals.
func AreaFigure(results []*sim.Result, level float64) (Figure, error) {
	stats := areaStats(results, level)
	n := len(stats)
	names := make([]plot.Tick, n)
	rowHeight := 0.32 // inches: one line of label a row
	for i, s := range stats {
		label := chartName(s.name)
		if strings.Contains(label, "\n") {
			rowHeight = 0.46 // two lines
		}
		names[i] = plot.Tick{Value: float64(n - 1 - i), Label: label}
	}
	var panels []*plot.Plot
	for j, k := range areaKPIs {
		unit := ""
		if n > 0 {
			unit = stats[0].unit[k]
		}
		d := displayFor(unit)
		p := newBarPanel(KPILabel(k), d.unit, "", true)
		p.Title.TextStyle = textStyle(12, true)
		p.X.Tick.Marker = niceTicks{format: d.format, n: 4}
		p.Y.Tick.Marker = plot.ConstantTicks(names)
		if j > 0 {
			blank := make([]plot.Tick, n)
			for i := range names {
				blank[i] = plot.Tick{Value: names[i].Value}
			}
			p.Y.Tick.Marker = plot.ConstantTicks(blank)
		}
		b := &bars{width: 0.7, color: paletteAt(j), horizontal: true}
		for i, s := range stats {
			e := s.est[k]
			b.pos = append(b.pos, float64(n-1-i))
			b.val = append(b.val, e.Mean*d.scale)
			b.lo = append(b.lo, e.Low*d.scale)
			b.hi = append(b.hi, e.High*d.scale)
			b.labels = append(b.labels, d.label(e.Mean*d.scale))
		}
		p.Add(b)
		p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
		panels = append(panels, p)
	}
	l := layout{
		title:  "Where is it most strained? Areas ranked by wait",
		note:   fmt.Sprintf("Bars: mean after the warm-up across replications. Whiskers: %.0f%% confidence interval. Longest wait at the top.", 100*level),
		rows:   [][]*plot.Plot{panels},
		width:  13 * vg.Inch,
		height: vg.Length(max(3.6, 1.6+rowHeight*float64(n))) * vg.Inch,
	}
	return l.render("areas", "Each row is one area, in the same order in every panel: the mean wait to first contact, the link workers' pressure index and the share of community needs met, with confidence intervals. A long name is shortened; the table gives it in full.")
}

// areaLabelLine is the most characters of an area's name on one line of
// the chart's axis: about 2.3 inches at 11 points, leaving the panel most
// of its width for the bars.
const areaLabelLine = 28

// chartName is an area's name as the areas chart labels it: whole if it
// fits one line of areaLabelLine characters, else on two lines broken
// between words, and a name too long for two keeps its beginning and its
// end about an ellipsis ("North East Lincolnshire\n…Primary Care
// Network"), so that names differing only at the end still differ. A
// label as long as the name had left no room for the bars: at about 60
// characters the chart drew nothing. The table keeps the full name.
func chartName(name string) string {
	r := []rune(strings.TrimSpace(name))
	if len(r) <= areaLabelLine {
		return string(r)
	}
	// The first line: whole words up to the line's length, or the line's
	// length of one word longer than that.
	cut := areaLabelLine
	for i := areaLabelLine; i > 0; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	first := strings.TrimSpace(string(r[:cut]))
	rest := []rune(strings.TrimSpace(string(r[cut:])))
	if len(rest) <= areaLabelLine {
		return first + "\n" + string(rest)
	}
	// The end of the name, from a word's start where one is in reach.
	tail := rest[len(rest)-(areaLabelLine-1):]
	if i := slices.Index(tail, ' '); i >= 0 && i < len(tail)-1 {
		tail = tail[i+1:]
	}
	return first + "\n…" + string(tail)
}
