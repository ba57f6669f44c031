package output_test

import (
	"context"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// TestHandoverWaitSaid: people a care navigator hands on to link workers
// wait again, and the run's answer and a comparison say how long, since
// the wait to first contact ends at the navigator's session; a scenario
// that hands nobody on says nothing of it.
func TestHandoverWaitSaid(t *testing.T) {
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", "navigator-triage"},
		Options: study.Options{Replications: 5, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	k := r.Comparison.KPI(sim.KPIHandoverWaitMean)
	if k == nil || !(k.Estimates[1].Mean > 0.5) {
		t.Fatalf("navigator-triage's wait after a handover: %+v, want weeks", k)
	}
	notes := strings.Join(output.CompareNotes(r.Comparison, r.Configs), "\n")
	if !strings.Contains(notes, "In navigator-triage, people handed on to another role (") || strings.Contains(notes, "In baseline") {
		t.Errorf("the comparison's notes:\n%s", notes)
	}
	for s, want := range []bool{false, true} {
		answer := strings.Join(output.RunAnswer(experiment.Summarise(r.Comparison.Results[s], 0.95)), " ")
		if got := strings.Contains(answer, "People handed on to another role ("); got != want {
			t.Errorf("%s's answer says the wait after a handover: %v, want %v:\n%s", r.Comparison.Names[s], got, want, answer)
		}
	}
}
