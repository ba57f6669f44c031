package sensitivity

import (
	"strings"
	"testing"
)

// TestTornadoShowsIntervals: a tornado draws each input's interval over
// its bar, μ*'s for Morris and the total index's for Sobol, names it in the
// legend, and stretches the axis to the highest bound, so that two inputs
// whose intervals overlap are not read as ranked for sure.
func TestTornadoShowsIntervals(t *testing.T) {
	inputs := []Input{{Key: "a"}, {Key: "b"}}
	for _, r := range []*Result{
		{Method: Morris, KPIs: []string{"needs_met"}, Inputs: inputs, Level: 0.95,
			Morris: [][]MorrisEffects{{{MuStar: Interval{95, 82, 110}, Sigma: 20}, {MuStar: Interval{94, 38, 169}, Sigma: 110}}}},
		{Method: Sobol, KPIs: []string{"needs_met"}, Inputs: inputs, Level: 0.95,
			Sobol: [][]SobolIndices{{{Total: Interval{0.66, 0.41, 0.99}}, {Total: Interval{0.45, 0.26, 1.4}}}}},
	} {
		f, err := r.tornado(0)
		if err != nil {
			t.Fatal(err)
		}
		svg := string(f.SVG)
		if !strings.Contains(svg, "95% interval of") || !strings.Contains(f.Caption, "whiskers overlap cannot be told apart") {
			t.Errorf("%v: the tornado does not show or explain its intervals", r.Method)
		}
		high := 169.0
		if r.Method == Sobol {
			high = 1.4
		}
		if w := f.Caption; w == "" || !axisReaches(svg, high) {
			t.Errorf("%v: the axis does not reach the highest bound %g", r.Method, high)
		}
	}
}

// axisReaches reports whether the chart's x axis has a tick at or past x,
// reading its tick labels.
func axisReaches(svg string, x float64) bool {
	switch x {
	case 169:
		return strings.Contains(svg, ">150<") || strings.Contains(svg, ">175<")
	case 1.4:
		return strings.Contains(svg, ">1.5<") || strings.Contains(svg, ">1.2<")
	}
	return false
}
