package queueing_test

import (
	"fmt"

	"github.com/spsim/spsim/sim/queueing"
)

// Ten link workers each see one person a day on average, and nine people
// are referred a day.
func ExampleMMc() {
	q := queueing.MMc{Lambda: 9, Mu: 1, C: 10}
	if err := q.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("utilisation %.2f\n", q.Utilisation())
	fmt.Printf("P(wait)     %.4f\n", q.ProbWait())
	fmt.Printf("mean wait   %.4f days\n", q.MeanWait())
	fmt.Printf("90th pct    %.4f days\n", q.WaitQuantile(0.9))
	// Output:
	// utilisation 0.90
	// P(wait)     0.6687
	// mean wait   0.6687 days
	// 90th pct    1.9002 days
}

// Demand exceeds capacity, but people who wait give up after 2 days on
// average, so the queue settles.
func ExampleErlangA() {
	q := queueing.ErlangA{Lambda: 12, Mu: 1, Theta: 0.5, C: 10}
	if err := q.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	r := q.Solve()
	fmt.Printf("abandon     %.4f\n", r.ProbAbandon)
	fmt.Printf("utilisation %.4f\n", r.Utilisation)
	fmt.Printf("mean wait   %.4f days\n", r.MeanWait)
	// Output:
	// abandon     0.1957
	// utilisation 0.9652
	// mean wait   0.3913 days
}
