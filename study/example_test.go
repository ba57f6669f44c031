package study_test

import (
	"context"
	"fmt"

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
		if s.Name == "wait_first_contact_p90_weeks" {
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
