package study_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// values lists 1..n for --vary.
func values(n int) string {
	var vs []string
	for i := 1; i <= n; i++ {
		vs = append(vs, fmt.Sprint(i))
	}
	return strings.Join(vs, ",")
}

// TestWholeEstimateCheckedBeforeWork: every study that runs replications
// checks the estimate of all of them before any runs; planning runs none
// (it would take far longer than the test if it did).
func TestWholeEstimateCheckedBeforeWork(t *testing.T) {
	for _, tc := range []struct {
		name string
		plan func() error
		want string
	}{
		{"a 100×100 sweep grid", func() error {
			_, err := study.PlanSweep(study.SweepSpec{Ref: short, Vary: []string{"workforce.link_workers=" + values(100), "initial.active=" + values(100)}})
			return err
		}, "10000 points is too large"},
		{"a sweep whose points are each small but together too large", func() error {
			_, err := study.PlanSweep(study.SweepSpec{Ref: "england", Vary: []string{"costs.recruitment_cost=" + values(40)},
				Options: study.Options{Replications: 100}})
			return err
		}, "too large to run without --allow-large"},
		{"a sweep shard of such a sweep", func() error {
			_, err := study.PlanSweep(study.SweepSpec{Ref: "england", Vary: []string{"costs.recruitment_cost=" + values(40)},
				Shard: study.ShardSpec{Index: 1, Of: 2}, Options: study.Options{Replications: 100}})
			return err
		}, "too large to run without --allow-large"},
		{"a comparison", func() error {
			_, err := study.PlanCompare(study.CompareSpec{Refs: []string{"england", "baseline"}, Options: study.Options{Replications: 5000}})
			return err
		}, "too large to run without --allow-large"},
		{"a run", func() error {
			_, err := study.PlanRun(study.RunSpec{Ref: "england", Options: study.Options{Replications: 5000}})
			return err
		}, "too large to run without --allow-large"},
		{"a precision run, judged by its cap", func() error {
			_, err := study.PlanRun(study.RunSpec{Ref: "england", Precision: 1, MaxReplications: 5000})
			return err
		}, "too large to run without --allow-large"},
	} {
		err := tc.plan()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want an error saying %q", tc.name, err, tc.want)
		}
	}
}

// TestJobsBeyondReplicationsNotCounted: more --jobs than replications runs
// no more models at once than replications, so it does not inflate the
// memory estimate (2 replications with --jobs 20000 were refused as
// needing 13.5 GiB).
func TestJobsBeyondReplicationsNotCounted(t *testing.T) {
	if _, err := study.PlanRun(study.RunSpec{Ref: "baseline", Options: study.Options{Replications: 2, Jobs: 20000}}); err != nil {
		t.Errorf("2 replications, 20,000 jobs: %v", err)
	}
}

// TestHeadlineHoldsTheVerdictsMeasures: every measure a verdict names is
// a row of the headline tables (terminal, report, workbook).
func TestHeadlineHoldsTheVerdictsMeasures(t *testing.T) {
	for _, k := range append(slices.Clone(experiment.VerdictKPIs), sim.KPIHoldingWeeks, sim.KPIGPValue, sim.KPICostTotal) {
		if !slices.Contains(study.Headline, k) {
			t.Errorf("the verdict names %s; the headline tables have no row for it", k)
		}
	}
}
