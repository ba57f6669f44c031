package experiment_test

import (
	"fmt"

	"github.com/spsim/spsim/sim/experiment"
)

// The mean wait in days from each of five replications of a scenario.
func ExampleInterval() {
	waits := []float64{1, 2, 3, 4, 5}
	e := experiment.Interval(waits, 0.95)
	fmt.Printf("mean %.2f, 95%% CI [%.2f, %.2f], n=%d\n", e.Mean, e.Low, e.High, e.N)
	// Output:
	// mean 3.00, 95% CI [1.04, 4.96], n=5
}
