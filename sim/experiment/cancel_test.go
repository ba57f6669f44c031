package experiment_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/spsim/spsim/sim/experiment"
)

// TestReplicateStopsWithinAReplication: cancelling stops replications
// that are under way, not only those not yet started. With two long
// replications on two jobs, both have started when the signal comes, so
// none finishes and the error says why.
func TestReplicateStopsWithinAReplication(t *testing.T) {
	cfg := load(t, "icb", 104, 26, 2)
	cfg.Areas.Count = 400
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(50*time.Millisecond, cancel)
	res, err := experiment.Replicate(ctx, cfg, experiment.Options{Replications: 2, Jobs: 2})
	if !errors.Is(err, context.Canceled) || len(res) != 0 {
		t.Fatalf("%d replications, error %v; want none and context.Canceled", len(res), err)
	}
}
