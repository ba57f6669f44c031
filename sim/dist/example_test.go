package dist_test

import (
	"fmt"
	"log"
	"math"

	"github.com/BurntSushi/toml"
	"github.com/spsim/spsim/sim/dist"
	"github.com/spsim/spsim/sim/rng"
)

// A lognormal is given by the mean and sd of the duration itself, which
// Mean and Variance report back; the conversion to the log scale is the
// package's business.
func ExampleSpec_Duration() {
	var scenario struct {
		Wait dist.Spec `toml:"wait_weeks"`
	}
	if _, err := toml.Decode(`wait_weeks = { dist = "lognormal", mean = 3, sd = 1.5 }`, &scenario); err != nil {
		log.Fatal(err)
	}
	wait, err := scenario.Wait.Duration()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(scenario.Wait)
	fmt.Println("mean", wait.Mean(), "sd", math.Sqrt(wait.Variance()))

	r := rng.New(1, 2)
	sum := 0.0
	for range 100_000 {
		sum += wait.Rand(r)
	}
	fmt.Printf("average of 100000 draws: %.1f\n", sum/100_000)

	_, err = dist.Spec{Dist: "lognormal", Mean: scenario.Wait.Mean}.Duration()
	fmt.Println(err)
	// Output:
	// lognormal(mean=3, sd=1.5)
	// mean 3 sd 1.5
	// average of 100000 draws: 3.0
	// lognormal is missing sd (it takes mean and sd)
}

func ExampleParse() {
	s, err := dist.Parse("empirical(values=[1, 2, 6], weights=[2, 1, 1])")
	if err != nil {
		log.Fatal(err)
	}
	sessions, err := s.Count()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sessions.Mean())

	_, err = dist.Parse("lognormal(meen=3, sd=1.5)")
	fmt.Println(err)
	// Output:
	// 2.5
	// cannot read "lognormal(meen=3, sd=1.5)": unknown parameter "meen" (did you mean "mean"?); allowed: value, mean, sd, min, mode, max, shape, scale, values, weights
}
