package sensitivity

import (
	"math"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim/experiment"
)

// Figures are a tornado chart per KPI and, for Morris, a μ*–σ chart per KPI.
func (r *Result) Figures() ([]output.Figure, error) {
	var figs []output.Figure
	for k := range r.KPIs {
		if r.undefined(k) {
			continue // nothing to draw: Sentences says why
		}
		f, err := r.tornado(k)
		if err != nil {
			return nil, err
		}
		figs = append(figs, f)
		if r.Method == Morris {
			if f, err = r.muSigma(k); err != nil {
				return nil, err
			}
			figs = append(figs, f)
		}
	}
	return figs, nil
}

// tornado draws the inputs' influence as horizontal bars, largest at the top.
func (r *Result) tornado(k int) (output.Figure, error) {
	rank := r.Ranked(k)
	n := len(rank)
	what := "μ* (mean |elementary effect|, per whole range)"
	if r.Method == Sobol {
		what = "Sobol index (total, and first order)"
	}
	scale := 1.0
	if r.Method == Morris {
		// μ* and σ are changes in the KPI: in its unit, a share's in
		// percentage points.
		var unit string
		unit, scale = output.ChangeUnit(r.KPIs[k])
		if unit != "" {
			what += ", " + unit
		}
	}
	c := output.NewBarChart(output.KPILabel(r.KPIs[k])+": what drives it", what, "")
	p := c.Plot
	names := make([]string, n)
	main, second := make(plotter.Values, n), make(plotter.Values, n)
	low, high := make([]float64, n), make([]float64, n) // the main bar's interval
	for pos, i := range rank {
		// Bars run bottom to top, so the largest goes last.
		at := n - 1 - pos
		names[at] = r.name(i)
		var iv Interval
		if r.Method == Morris {
			iv = r.Morris[k][i].MuStar
			second[at] = r.Morris[k][i].Sigma * scale
		} else {
			iv = r.Sobol[k][i].Total
			second[at] = math.Max(0, r.Sobol[k][i].First.Value)
		}
		main[at] = math.Max(0, iv.Value*scale)
		low[at], high[at] = math.Max(0, iv.Low*scale), math.Max(0, iv.High*scale)
	}
	a, b, err := barPair(main, second)
	if err != nil {
		return output.Figure{}, err
	}
	ci := newWhiskers(low, high, a.Offset)
	p.Add(a, b, ci)
	label := "σ"
	if r.Method == Sobol {
		label = "first order"
	}
	c.AddLegend(strings.Split(what, " (")[0], a)
	c.AddLegend(label, b)
	c.AddLegend(experiment.LevelWords(r.Level)+" interval of "+strings.Split(what, " (")[0], ci)
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.7, float64(n)-0.3 // room for each pair of bars
	p.X.Min = 0
	p.X.Max = 1.15 * math.Max(maxOf(main), math.Max(maxOf(second), maxOf(plotter.Values(high))))
	if !(p.X.Max > 0) {
		p.X.Max = 1
	}
	name := "tornado_" + r.KPIs[k]
	return c.Render(name, "Inputs ranked by their influence on "+output.Uncapitalise(output.KPILabel(r.KPIs[k]))+"; the longer bar matters more. The whisker is the blue bar's "+experiment.LevelWords(r.Level)+" interval: inputs whose whiskers overlap cannot be told apart with these runs.", 10*vg.Inch, vg.Length(1.8+0.45*float64(n))*vg.Inch)
}

// barPair draws two horizontal bars for each input, main above second.
func barPair(main, second plotter.Values) (a, b *plotter.BarChart, err error) {
	w := vg.Points(9)
	if a, err = plotter.NewBarChart(main, w); err != nil {
		return nil, nil, err
	}
	if b, err = plotter.NewBarChart(second, w); err != nil {
		return nil, nil, err
	}
	a.Horizontal, b.Horizontal = true, true
	a.Color, b.Color = output.Blue, output.Orange
	a.LineStyle.Width, b.LineStyle.Width = 0, 0
	a.Offset, b.Offset = w/2, -w/2
	return a, b, nil
}

// muSigma draws each input at (μ*, σ): far right matters, high up
// interacts or is non-linear.
func (r *Result) muSigma(k int) (output.Figure, error) {
	unit, scale := output.ChangeUnit(r.KPIs[k])
	in := ""
	if unit != "" {
		in = ", " + unit
	}
	c := output.NewChart(output.KPILabel(r.KPIs[k])+": Morris screening", "μ* (importance"+in+")", "σ (interaction or non-linearity"+in+")")
	p := c.Plot
	xys := make(plotter.XYs, len(r.Inputs))
	labels := make([]string, len(r.Inputs))
	for i := range r.Inputs {
		xys[i].X, xys[i].Y = r.Morris[k][i].MuStar.Value*scale, r.Morris[k][i].Sigma*scale
		labels[i] = r.name(i)
	}
	sc, err := plotter.NewScatter(xys)
	if err != nil {
		return output.Figure{}, err
	}
	sc.Color = output.Blue
	sc.Radius = vg.Points(4)
	p.Add(sc)
	if err := c.AddLabels(xys, labels); err != nil {
		return output.Figure{}, err
	}
	p.X.Min, p.Y.Min = 0, 0
	p.X.Max *= 1.3
	p.Y.Max *= 1.1
	return c.Render("morris_"+r.KPIs[k], "Each input at its μ* and σ: to the right it matters more; higher up its effect depends on the other inputs or is non-linear.", 9*vg.Inch, 6*vg.Inch)
}

func maxOf(xs plotter.Values) float64 {
	m := 0.0
	for _, x := range xs {
		m = math.Max(m, x)
	}
	return m
}
