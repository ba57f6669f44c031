package experiment

import (
	"sync"

	"gonum.org/v1/gonum/stat/distuv"
)

// tKey is a two-sided level and whole degrees of freedom.
type tKey struct {
	level float64
	df    int
}

// tCache holds the t quantiles asked for: a run asks for the same few
// (one level, one df) for every week of every series and every area's KPI,
// and each costs a series expansion of the incomplete beta function.
var tCache sync.Map // tKey -> float64

// tQuantile is the Student-t quantile of a two-sided interval at level with
// df degrees of freedom. Whole df are cached; Welch's fractional df are not.
func tQuantile(level, df float64) float64 {
	k := tKey{level, int(df)}
	whole := float64(k.df) == df && df < 1e6
	if whole {
		if q, ok := tCache.Load(k); ok {
			return q.(float64)
		}
	}
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(1 - (1-level)/2)
	if whole {
		tCache.Store(k, q)
	}
	return q
}
