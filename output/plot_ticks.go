package output

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// niceTicks labels an axis at about six round values (1, 2, 2.5 or 5
// times a power of ten), formatted by format given the step between
// ticks. gonum's default aims at three ticks, too few to read values off.
type niceTicks struct {
	format func(v, step float64) string
	n      int // target number of labelled ticks; 0 means 6
}

// Ticks implements plot.Ticker.
func (t niceTicks) Ticks(lo, hi float64) []plot.Tick {
	n := t.n
	if n == 0 {
		n = 6
	}
	step := NiceStep((hi - lo) / float64(n))
	if !(step > 0) || math.IsInf(step, 0) {
		return []plot.Tick{{Value: lo, Label: t.format(lo, 1)}}
	}
	var ticks []plot.Tick
	first := math.Ceil(lo/step-1e-9) * step
	for i := 0; ; i++ {
		v := first + float64(i)*step
		if v > hi+step*1e-9 {
			break
		}
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: t.format(v, step)})
		// Unlabelled minor tick half-way, to read values in between.
		if m := v + step/2; m <= hi {
			ticks = append(ticks, plot.Tick{Value: m})
		}
	}
	return ticks
}

// NiceStep rounds raw up to 1, 2, 2.5 or 5 times a power of ten: the step
// between the ticks of every spsim axis, in files and in the workbench.
func NiceStep(raw float64) float64 {
	if !(raw > 0) {
		return 0
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*(1-1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// weekTicks labels a weeks axis at multiples of 4, 13, 26 or 52 weeks
// (months, quarters, half-years, years), whichever gives at most about ten
// labels, with the quarters as minor ticks on long runs.
type weekTicks struct{}

// Ticks implements plot.Ticker.
func (weekTicks) Ticks(lo, hi float64) []plot.Tick {
	span := hi - lo
	step := 4.0
	for _, s := range []float64{4, 13, 26, 52, 104, 260, 520} {
		step = s
		if span/s <= 10 {
			break
		}
	}
	minor := step / 2
	if step >= 52 {
		minor = 13
	}
	var ticks []plot.Tick
	for v := math.Ceil(lo/minor) * minor; v <= hi; v += minor {
		t := plot.Tick{Value: v}
		if math.Mod(v, step) == 0 {
			t.Label = strconv.Itoa(int(v))
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// decimalsFor is how many decimals tell ticks step apart.
func decimalsFor(step float64) int {
	d := 0
	for s := step; d < 6 && math.Abs(s-math.Round(s)) > 1e-9*math.Max(1, s); s *= 10 {
		d++
	}
	return d
}

// plainNumber formats a tick in everyday notation, thousands as k and
// millions as M (12k, 1.5M) so that tick labels stay short.
func plainNumber(v, step float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e6 && step >= 1e5:
		return trimZeros(strconv.FormatFloat(v/1e6, 'f', decimalsFor(step/1e6), 64)) + "M"
	case a >= 1e4 && step >= 1e3:
		return trimZeros(strconv.FormatFloat(v/1e3, 'f', decimalsFor(step/1e3), 64)) + "k"
	}
	return strconv.FormatFloat(v, 'f', decimalsFor(step), 64)
}

// pounds formats a money tick: £0, £50k, £1.2M.
func pounds(v, step float64) string {
	s := plainNumber(v, step)
	if strings.HasPrefix(s, "-") {
		return "-£" + s[1:]
	}
	return "£" + s
}

// percent formats a tick of a value already scaled to percent.
func percent(v, step float64) string { return plainNumber(v, step) + "%" }

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// constantTicks labels the category positions 0..n-1 of a bar chart.
func constantTicks(names []string) plot.ConstantTicks {
	ticks := make(plot.ConstantTicks, len(names))
	for i, n := range names {
		ticks[i] = plot.Tick{Value: float64(i), Label: n}
	}
	return ticks
}
