package sensitivity

import (
	"strings"
	"testing"
)

// TestEveryNeighbourInTheRankingIsJudged: the sentence says which
// neighbours among the inputs it names in order cannot be told apart,
// not only the first two: a "then" between inputs whose intervals hold
// their difference is not a ranking.
func TestEveryNeighbourInTheRankingIsJudged(t *testing.T) {
	apart, tied := Interval{0.3, 0.1, 0.5}, Interval{0.02, -0.2, 0.25}
	for _, c := range []struct {
		name      string
		gaps      []Interval
		want, not string
	}{
		{"all apart", []Interval{apart, apart}, "", "cannot be told apart"},
		{"first two tied", []Interval{tied, apart}, "the first two cannot be told apart with these runs (total index ", "second and third"},
		{"second and third tied", []Interval{apart, tied}, "the second and third cannot be told apart with these runs (total index 0.02 more [−0.20, 0.25]", "first two"},
		{"all tied", []Interval{tied, tied}, "the order of the first three cannot be told apart with these runs (the first's total index ", "first two"},
	} {
		r := &Result{Method: Sobol, KPIs: []string{"needs_met"}, Inputs: []Input{{Key: "a"}, {Key: "b"}, {Key: "c"}},
			Sobol:    [][]SobolIndices{{{Total: Interval{0.8, 0.6, 0.99}}, {Total: Interval{0.5, 0.3, 0.7}}, {Total: Interval{0.3, 0.1, 0.5}}}},
			SobolGap: []Interval{c.gaps[0]}, SobolGaps: [][]Interval{c.gaps}, Noise: []float64{0.1}, Level: 0.95, Seed: 1}
		s := r.Sentences()[0]
		if c.want != "" && !strings.Contains(s, c.want) {
			t.Errorf("%s: %q lacks %q", c.name, s, c.want)
		}
		if strings.Contains(s, c.not) {
			t.Errorf("%s: %q says %q", c.name, s, c.not)
		}
	}
}
