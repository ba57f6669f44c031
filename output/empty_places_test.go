package output_test

import (
	"context"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/study"
)

// TestEmptyPlaces: a comparison says where places it adds stand partly
// empty (vcse-investment's 61 more places, spread over services people
// were not all queueing for), and says nothing of a scenario whose
// services empty because fewer people are seen, not because it adds
// places (a funding cliff).
func TestEmptyPlaces(t *testing.T) {
	r, err := study.Compare(context.Background(), study.CompareSpec{Refs: []string{"baseline", "funding-cliff", "vcse-investment"},
		Options: study.Options{Replications: 5, Jobs: 2, Outputs: study.Outputs{study.Summary: true}}})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(output.EmptyPlaces(r.Comparison, r.Configs), "\n")
	if !strings.Contains(got, "In vcse-investment, community places stand partly empty: ") || !strings.Contains(got, "% of places occupied [") {
		t.Errorf("vcse-investment's empty places are not said:\n%s", got)
	}
	if strings.Contains(got, "funding-cliff") {
		t.Errorf("a funding cliff adds no places, yet:\n%s", got)
	}
}
