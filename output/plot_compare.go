package output

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// CompareKPIs are the KPIs charted by a comparison: first the measures
// its verdict leads with (needs met per 1,000 referrals, people with every
// need met, waits, people giving up, link-worker turnover), then access,
// throughput, outcome, workforce load and money.
var CompareKPIs = []string{
	sim.KPINeedsMetPer1000Referrals, sim.KPIReferredAllNeedsMetShare, sim.KPIWaitMean, sim.KPIReneged,
	sim.KPILeaversPerFTE, sim.KPIWaitP90, sim.KPIWaitingListMean, sim.KPIEpisodesCompleted,
	sim.KPINeedsMetShare, sim.KPIPeopleNeedsMet, sim.KPIUtilisation, sim.KPICostTotal,
}

// CompareFigures draws a comparison: each scenario's KPIs as bars with
// their intervals, and each scenario's paired difference from the
// reference as a dot and whisker against zero, beside the unpaired
// interval for contrast.
func CompareFigures(c *experiment.Comparison, kpis []string) ([]Figure, error) {
	var ks []experiment.KPIComparison
	for _, name := range kpis {
		if k := c.KPI(name); k != nil {
			ks = append(ks, *k)
		}
	}
	if len(ks) == 0 {
		return nil, fmt.Errorf("charts: none of the KPIs %s in the comparison", strings.Join(kpis, ", "))
	}
	return drawAll(func() (Figure, error) { return compareBars(c, ks) }, func() (Figure, error) { return compareDiffs(c, ks) })
}

// grid arranges panels two to a row, padding the last row with nil.
func grid(panels []*plot.Plot, cols int) [][]*plot.Plot {
	var rows [][]*plot.Plot
	for i := 0; i < len(panels); i += cols {
		row := make([]*plot.Plot, cols)
		copy(row, panels[i:min(i+cols, len(panels))])
		rows = append(rows, row)
	}
	return rows
}

// wrap breaks text into lines of at most width characters, at spaces.
func wrap(s string, width int) string {
	var lines []string
	var cur string
	for _, w := range strings.Fields(s) {
		if cur != "" && len(cur)+1+len(w) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return strings.Join(append(lines, cur), "\n")
}

func panelTitle(name, unit string) string {
	return wrap(axisLabel(name, unit), 44)
}

func compareBars(c *experiment.Comparison, ks []experiment.KPIComparison) (Figure, error) {
	var panels []*plot.Plot
	lg := newLegend()
	for i, k := range ks {
		d := displayFor(k.Unit)
		p := newBarPanel(panelTitle(k.Name, k.Unit), "", d.unit, false)
		p.Title.TextStyle = textStyle(12, true)
		p.Y.Tick.Marker = niceTicks{format: d.format, n: 4}
		p.X.Tick.Marker = plot.ConstantTicks{}
		for s := range c.Names {
			e := k.Estimates[s]
			b := &bars{pos: []float64{float64(s)}, val: []float64{e.Mean * d.scale}, lo: []float64{e.Low * d.scale},
				hi: []float64{e.High * d.scale}, width: 0.7, color: paletteAt(s), labels: []string{d.label(e.Mean * d.scale)}}
			p.Add(b)
			if i == 0 {
				lg.Add(c.Names[s], b)
			}
		}
		p.X.Min, p.X.Max = -0.6, float64(len(c.Names))-0.4
		panels = append(panels, p)
	}
	rows := grid(panels, 2)
	legends := make([]*plot.Legend, len(rows))
	legends[0] = lg
	l := layout{
		title:  "KPIs by scenario",
		note:   fmt.Sprintf("Bars: mean after the warm-up over %s. Whiskers: %.0f%% confidence interval.", experiment.Count(replications(c), "replication"), 100*c.Level),
		rows:   rows,
		legend: legends,
		width:  12 * vg.Inch, height: vg.Length(2.7*float64(len(rows))+0.8) * vg.Inch,
	}
	return l.render("compare_kpis", "Each panel is one KPI; each bar one scenario, with its confidence interval.")
}

func compareDiffs(c *experiment.Comparison, ks []experiment.KPIComparison) (Figure, error) {
	var panels []*plot.Plot
	lg := newLegend()
	others := c.Names[1:]
	for i, k := range ks {
		d := diffDisplayFor(k.Unit)
		p := newPanel(panelTitle(k.Name, k.Unit), "Difference from "+c.Names[0]+" ("+d.unit+")", "")
		p.Title.TextStyle = textStyle(12, true)
		p.X.Tick.Marker = niceTicks{format: d.format, n: 5}
		zero := &refLine{v: 0, vertical: true, style: draw.LineStyle{Color: colBlack, Width: vg.Points(1), Dashes: dashed}}
		p.Add(zero)
		paired := &whiskers{color: Blue, horizontal: true, radius: vg.Points(4)}
		unpaired := &whiskers{color: Grey, horizontal: true, radius: vg.Points(4), hollow: true}
		for s := 1; s < len(c.Names); s++ {
			pos := float64(len(c.Names) - 1 - s) // the first compared scenario on top
			pe, ue := k.Paired[s], k.Unpaired[s]
			paired.pos = append(paired.pos, pos+0.15)
			paired.mid = append(paired.mid, pe.Mean*d.scale)
			paired.lo = append(paired.lo, pe.Low*d.scale)
			paired.hi = append(paired.hi, pe.High*d.scale)
			unpaired.pos = append(unpaired.pos, pos-0.15)
			unpaired.mid = append(unpaired.mid, ue.Mean*d.scale)
			unpaired.lo = append(unpaired.lo, ue.Low*d.scale)
			unpaired.hi = append(unpaired.hi, ue.High*d.scale)
		}
		p.Add(unpaired, paired)
		names := make([]string, len(others))
		for s, n := range others {
			names[len(others)-1-s] = n
		}
		p.Y.Tick.Marker = constantTicks(names)
		p.Y.Min, p.Y.Max = -0.5, float64(len(others))-0.5
		// Symmetric room around zero keeps zero in view.
		if lim := math.Max(math.Abs(p.X.Min), math.Abs(p.X.Max)); defined(lim) && lim > 0 {
			p.X.Min, p.X.Max = -1.05*lim, 1.05*lim
		}
		if i == 0 {
			lg.Add("Paired (common random numbers)", paired)
			lg.Add("Unpaired (Welch), for contrast", unpaired)
			lg.Add("No difference", zero)
		}
		panels = append(panels, p)
	}
	rows := grid(panels, 2)
	legends := make([]*plot.Legend, len(rows))
	legends[0] = lg
	h := 1.0 + 0.5*float64(len(others))
	l := layout{
		title:  "Differences from " + c.Names[0] + ", with their intervals",
		note:   fmt.Sprintf("Dots: mean difference over %d paired replications. Whiskers: %.0f%% confidence interval; one clear of the dashed zero line is a real difference.", replications(c), 100*c.Level),
		rows:   rows,
		legend: legends,
		width:  13 * vg.Inch, height: vg.Length((h+1.0)*float64(len(rows))+0.8) * vg.Inch,
	}
	return l.render("compare_differences", fmt.Sprintf(
		"Each panel is one KPI: the difference of each scenario from %s. Blue: paired interval from common random numbers. Grey: the wider interval the same replications would give without pairing.", c.Names[0]))
}

func replications(c *experiment.Comparison) int {
	if len(c.Results) == 0 {
		return 0
	}
	return len(c.Results[0])
}
