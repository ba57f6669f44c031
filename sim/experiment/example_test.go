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

// A waiting list at the end of five replications: usually empty, once
// long. The plain interval reaches below zero; the interval within the
// possible range [0, ∞) does not.
func ExampleIntervalIn() {
	waiting := []float64{2, 3, 3, 4, 8} // skewed, near 0
	plain := experiment.Interval(waiting, 0.95)
	within := experiment.IntervalIn(waiting, 0.95, experiment.NonNegative)
	fmt.Printf("plain [%.2f, %.2f]; within the range [%.2f, %.2f]\n", plain.Low, plain.High, within.Low, within.High)
	// A list empty in most replications: the plain interval crosses 0,
	// and the far bound follows a line, not the log scale's exponential.
	rare := []float64{0, 0, 1, 0, 9}
	within = experiment.IntervalIn(rare, 0.95, experiment.NonNegative)
	fmt.Printf("rare [%.2f, %.2f]\n", within.Low, within.High)
	// Output:
	// plain [1.09, 6.91]; within the range [1.93, 8.28]
	// rare [0.17, 8.32]
}

// Extra cost and extra needs met in each of five paired replications: the
// cost of one extra need met, with Fieller's interval.
func ExampleFieller() {
	extraCost := []float64{45000, 46000, 45500, 44800, 45900}
	extraNeeds := []float64{80, 95, 70, 88, 91}
	r, ok := experiment.Fieller(extraCost, extraNeeds, 0.95)
	fmt.Println(ok, experiment.Money(r.Value), experiment.Bounds(r.Value, r.Low, r.High, "GBP", true))
	// Output:
	// true £536 [£470, £624]
}

func ExampleCount() {
	fmt.Println(experiment.Count(1, "replication"), "and", experiment.Count(1250, "area"))
	// Output: 1 replication and 1,250 areas
}

// A run's summaries are looked up by the KPI's stable name; a name the
// run does not report is not found.
func ExampleFindSummary() {
	sums := []experiment.Summary{
		{Name: "wait_mean_weeks", Unit: "weeks", Estimate: experiment.Estimate{Mean: 5.6}},
		{Name: "utilisation", Unit: "share", Estimate: experiment.Estimate{Mean: 1}},
	}
	s, ok := experiment.FindSummary(sums, "wait_mean_weeks")
	fmt.Println(ok, s.Estimate.Mean, s.Unit)
	_, ok = experiment.FindSummary(sums, "no_such_kpi")
	fmt.Println(ok)
	// Output:
	// true 5.6 weeks
	// false
}
