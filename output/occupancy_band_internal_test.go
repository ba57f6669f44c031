package output

import (
	"context"
	"testing"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/experiment"
)

// TestOccupancyBandWithinFull: the chart's band of places occupied never
// passes 100%, as the share it draws cannot (vcse-cut's band reached 107%
// at week 190 when it was bounded only below).
func TestOccupancyBandWithinFull(t *testing.T) {
	cfg, err := scenarios.Load("vcse-cut")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 10, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	b := runCharts{results: rs, level: 0.95}.band(occupancyLine())
	for i, hi := range b.hi {
		if hi > 100 || b.lo[i] < 0 {
			t.Fatalf("week %v: band [%.1f%%, %.1f%%] leaves 0-100%%", b.x[i], b.lo[i], hi)
		}
	}
}
