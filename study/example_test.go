package study_test

import (
	"context"
	"fmt"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/study"
)

// A run of the built-in baseline: two replications, on one worker, with
// the headline waiting time's interval. The output package would write its
// files; here the typed result is read directly.
func ExampleRun() {
	seed := uint64(7)
	r, err := study.Run(context.Background(), study.RunSpec{
		Ref:     "baseline",
		Options: study.Options{Replications: 2, Seed: &seed, Jobs: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Config.Name, len(r.Results), "replications, partial:", r.Partial)
	for _, s := range r.Summaries {
		if s.Name == sim.KPIWaitP90 {
			fmt.Println(s.Name, s.Unit, "interval from", s.Estimate.N, "replications")
		}
	}
	// Output:
	// baseline 2 replications, partial: false
	// wait_first_contact_p90_weeks weeks interval from 2 replications
}

// Outputs are chosen by name, as --outputs takes them.
func ExampleParseOutputs() {
	o, err := study.ParseOutputs("summary,charts")
	fmt.Println(o, err)
	o, _ = study.ParseOutputs("default,png")
	fmt.Println(o)
	// Output:
	// summary,charts <nil>
	// summary,weekly,areas,scenario,charts,png,report,xlsx
}

// A paired comparison of the baseline with a fifth link worker, on common
// random numbers: the difference in the 90th-percentile wait has its own
// interval, narrower than the two scenarios' intervals would suggest.
func ExampleCompare() {
	seed := uint64(7)
	c, err := study.Compare(context.Background(), study.CompareSpec{
		Refs:    []string{"baseline", "extra-link-worker"},
		Options: study.Options{Replications: 5, Seed: &seed, Jobs: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, k := range c.Comparison.KPIs {
		if k.Name == sim.KPIWaitP90 {
			d := k.Paired[1]
			fmt.Println(c.Comparison.Names[1], "changes", k.Name, "by a paired interval below zero:", d.High < 0)
		}
	}
	// Output:
	// extra-link-worker changes wait_first_contact_p90_weeks by a paired interval below zero: true
}

// A sweep of the number of link workers: each point is a scenario, run on
// the same random numbers as the others.
func ExampleSweep() {
	seed := uint64(7)
	s, err := study.Sweep(context.Background(), study.SweepSpec{
		Ref:     "baseline",
		Vary:    []string{"workforce.link_workers=3,5"},
		Options: study.Options{Replications: 3, Seed: &seed, Jobs: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var waits []float64
	for _, pt := range s.Sweep.Points {
		for _, sum := range pt.Summaries {
			if sum.Name == sim.KPIWaitMean {
				waits = append(waits, sum.Estimate.Mean)
			}
		}
		fmt.Println("link workers", pt.Values[0])
	}
	fmt.Println("the mean wait is shorter with 5:", waits[1] < waits[0])
	// Output:
	// link workers 3
	// link workers 5
	// the mean wait is shorter with 5: true
}
