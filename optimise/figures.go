package optimise

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/spsim/spsim/output"
)

// Figures draw, for each target (or a selection's objective), the
// candidates checked at their planned cost against the KPI with its
// interval: the cost–outcome frontier.
func (p *Problem) Figures(r *Result) ([]output.Figure, error) {
	if r.Objective != nil {
		f, err := p.frontier(r, 0, r.Objective.KPI, nil)
		if err != nil {
			return nil, err
		}
		return []output.Figure{f}, nil
	}
	var figs []output.Figure
	for t, tg := range p.Targets {
		f, err := p.frontier(r, t, tg.KPI, &tg)
		if err != nil {
			return nil, err
		}
		figs = append(figs, f)
	}
	return figs, nil
}

// frontier draws KPI k (named kpi) of every candidate checked against its
// planned cost, marked by the decision, the plan ringed, and a target's
// threshold dashed when there is one.
func (p *Problem) frontier(r *Result, k int, kpi string, tg *Target) (output.Figure, error) {
	c := output.NewChart("Cost against "+output.Uncapitalise(output.KPILabel(kpi)), "Planned cost (£ a year)", "")
	output.MoneyAxis(&c.Plot.X)
	scale := output.KPIAxis(&c.Plot.Y, kpi)
	groups := map[Decision]plotter.XYs{}
	errs := map[Decision]plotter.YErrors{}
	for _, ch := range r.Checked {
		e := ch.KPIs[k].Estimate
		if math.IsNaN(e.Mean) {
			continue // undefined there (no wait with no link workers): nothing to draw
		}
		x := r.Candidates[ch.Index].Cost
		groups[ch.Decision] = append(groups[ch.Decision], plotter.XY{X: x, Y: e.Mean * scale})
		lo, hi := (e.Mean-e.Low)*scale, (e.High-e.Mean)*scale
		if math.IsNaN(lo) {
			lo, hi = 0, 0
		}
		errs[ch.Decision] = append(errs[ch.Decision], struct{ Low, High float64 }{lo, hi})
	}
	for _, d := range []Decision{Feasible, Chosen, Infeasible, Eliminated, Undecided} {
		if len(groups[d]) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(groups[d])
		if err != nil {
			return output.Figure{}, err
		}
		sc.GlyphStyle = decisionGlyph(d)
		eb := &plotter.YErrorBars{XYs: groups[d], YErrors: errs[d], LineStyle: draw.LineStyle{Color: sc.Color, Width: vg.Points(1)}, CapWidth: vg.Points(5)}
		c.Plot.Add(eb, sc)
		c.AddLegend(decisionWord(d), sc)
	}
	if r.Plan >= 0 {
		xy := plotter.XYs{{X: r.Candidates[r.Plan].Cost, Y: r.checked(r.Plan).KPIs[k].Estimate.Mean * scale}}
		mk, err := plotter.NewScatter(xy)
		if err != nil {
			return output.Figure{}, err
		}
		mk.GlyphStyle = draw.GlyphStyle{Color: output.Blue, Radius: vg.Points(8), Shape: draw.RingGlyph{}}
		c.Plot.Add(mk)
		// The legend's ring is drawn smaller, to fit its line.
		thumb := *mk
		thumb.Radius = vg.Points(5)
		c.AddLegend("the plan: "+p.Label(r.Plan), &thumb)
	}
	caption := "Each combination checked, at its planned cost: its " + output.Uncapitalise(output.KPILabel(kpi)) + ", with a 95% interval, marked by the decision on it; the large ring is the plan"
	if tg != nil {
		th := plotter.NewFunction(func(float64) float64 { return tg.Value * scale })
		th.Color, th.Dashes = output.Grey, []vg.Length{vg.Points(4), vg.Points(3)}
		c.Plot.Add(th)
		c.AddLegend("target: "+tg.Words(), th)
		caption += ", and the dashed line is the target"
	}
	widen(c.Plot)
	return c.Render("frontier_"+kpi, caption+".", 10*vg.Inch, 6*vg.Inch)
}

// decisionGlyph is how a candidate checked is marked: feasible or chosen
// a green dot, infeasible a red cross, eliminated a grey cross, undecided
// a grey ring.
func decisionGlyph(d Decision) draw.GlyphStyle {
	switch d {
	case Feasible:
		return draw.GlyphStyle{Color: output.Green, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
	case Infeasible:
		return draw.GlyphStyle{Color: output.Red, Radius: vg.Points(4), Shape: draw.CrossGlyph{}}
	case Chosen:
		return draw.GlyphStyle{Color: output.Green, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
	case Eliminated:
		return draw.GlyphStyle{Color: output.Grey, Radius: vg.Points(4), Shape: draw.CrossGlyph{}}
	}
	return draw.GlyphStyle{Color: output.Grey, Radius: vg.Points(4), Shape: draw.RingGlyph{}}
}

// widen pads the axes so no point sits on the frame.
func widen(p *plot.Plot) {
	dx, dy := (p.X.Max-p.X.Min)*0.05, (p.Y.Max-p.Y.Min)*0.08
	if dx == 0 {
		dx = math.Max(1, math.Abs(p.X.Max)*0.05)
	}
	if dy == 0 {
		dy = math.Max(1e-3, math.Abs(p.Y.Max)*0.08)
	}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = p.X.Min-dx, p.X.Max+dx, p.Y.Min-dy, p.Y.Max+dy
}
