package experiment

import (
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestTQuantileCached: the cached quantile is the distribution's, for
// whole and fractional degrees of freedom, asked once or again.
func TestTQuantileCached(t *testing.T) {
	for _, df := range []float64{1, 2, 29, 29, 7.5, 1e7} {
		for range 2 {
			want := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(0.975)
			if got := tQuantile(0.95, df); got != want {
				t.Errorf("tQuantile(0.95, %g) = %v, want %v", df, got, want)
			}
		}
	}
}
