package output_test

import (
	"fmt"
	"math"

	"github.com/spsim/spsim/output"
)

// A weekly series with gaps (weeks with nobody discharged have no mean
// wait) is drawn as separate pieces, never joined across a gap.
func ExampleSegments() {
	wait := []float64{2.1, 2.4, math.NaN(), 3.0, 3.2, 3.1, math.NaN()}
	pieces := output.Segments(len(wait), func(i int) bool { return !math.IsNaN(wait[i]) })
	fmt.Println(pieces)
	// Output: [[0 1] [3 4 5]]
}

func ExampleNiceStep() {
	for _, raw := range []float64{0.37, 1.3, 2.2, 3.9, 740} {
		fmt.Print(output.NiceStep(raw), " ")
	}
	fmt.Println()
	// Output: 0.5 2 2.5 5 1000
}
