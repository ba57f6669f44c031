package sensitivity_test

import (
	"fmt"

	"github.com/spsim/spsim/sensitivity"
)

// Morris screening of f = 4x1 + x2² on [0, 1]²: x1's effects are all 4;
// x2's vary with where it is, so its σ is above 0.
func ExampleNewMorris() {
	d, _ := sensitivity.NewMorris(2, 10, 4, 1)
	var y []float64
	for _, x := range d.Points {
		y = append(y, 4*x[0]+x[1]*x[1])
	}
	for i, m := range d.Morris(y, 0.95, 0, 1) {
		fmt.Printf("x%d: μ* %.2f, σ %.2f\n", i+1, m.MuStar.Value, m.Sigma)
	}
	// Output:
	// x1: μ* 4.00, σ 0.00
	// x2: μ* 0.80, σ 0.28
}
