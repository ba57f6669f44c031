package sim_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/dist"
	"github.com/spsim/spsim/sim/experiment"
)

// TestAreasAddUp: three identical areas give three times one area's flows
// (within noise: each area has its own streams), per-area results come back,
// and the total's waiting-list column is the sum of the areas'.
func TestAreasAddUp(t *testing.T) {
	one := load(t, "baseline")
	three := load(t, "baseline")
	three.Areas.Count = 3
	const reps = 8
	r1 := replicate(t, one, reps, 2)
	r3 := replicate(t, three, reps, 2)
	if len(r3[0].Areas) != 3 || r3[0].Areas[2].Name != "area3" {
		t.Fatalf("areas %+v, want area1..area3", r3[0].Areas)
	}
	per := experiment.Interval(kpi(t, r1, "referrals"), 0.95)
	tot := experiment.Interval(kpi(t, r3, "referrals"), 0.95)
	// The total's interval must overlap three times the single area's.
	if tot.High < 3*per.Low || tot.Low > 3*per.High {
		t.Errorf("referrals: 3 areas %.0f [%.0f, %.0f], one area ×3 %.0f [%.0f, %.0f]",
			tot.Mean, tot.Low, tot.High, 3*per.Mean, 3*per.Low, 3*per.High)
	}
	sum := 0.0
	for _, a := range r3[0].Areas {
		sum += a.KPI(a.KPIIndex("referrals")).Value
	}
	if got, _ := r3[0].KPI("referrals"); abs(got-sum) > 1e-6*sum {
		t.Errorf("total referrals %v, sum over areas %v", got, sum)
	}
	// Areas are independent: their KPIs differ.
	ar := r3[0].Areas
	if ar[0].KPI(0).Value == ar[1].KPI(0).Value && ar[1].KPI(0).Value == ar[2].KPI(0).Value {
		t.Error("three areas drew the same numbers")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestAreaVariationIsStructural: the per-area multipliers are drawn from the
// scenario seed alone, so an area is the same place in every replication.
func TestAreaVariationIsStructural(t *testing.T) {
	cfg := load(t, "baseline")
	cfg.Areas.Count = 5
	m, sd := 1.0, 0.4
	cfg.Areas.ReferralsMultiplier = dist.Spec{Dist: "gamma", Mean: &m, SD: &sd}
	a, err := sim.AreaConfigs(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := sim.AreaConfigs(cfg)
	distinct := map[float64]bool{}
	for i := range a {
		if a[i].Config.Demand.ReferralsPerWeek != b[i].Config.Demand.ReferralsPerWeek {
			t.Fatal("area variation is not reproducible")
		}
		distinct[a[i].Config.Demand.ReferralsPerWeek] = true
	}
	if len(distinct) != 5 {
		t.Fatalf("5 areas got %d distinct referral rates", len(distinct))
	}
	if cfg.Demand.ReferralsPerWeek != 20 {
		t.Fatal("resolving areas changed the scenario itself")
	}
}

// TestAreasInParallelMatchSequential: a replication whose areas run on one,
// two or three workers gives bit-for-bit the same result.
func TestAreasInParallelMatchSequential(t *testing.T) {
	cfg := load(t, "icb")
	cfg.Areas.Count = 7
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 60, 10
	want, err := sim.RunContext(context.Background(), cfg, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 16} {
		got, err := sim.RunContext(context.Background(), cfg, 3, sim.NewPool(n))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := fmt.Sprintf("%#v", want), fmt.Sprintf("%#v", got); a != b {
			t.Errorf("pool of %d: the result differs from one worker's", n)
		}
	}
}

// TestRunStopsWhenCancelled: a run stops part-way through a replication,
// areas or not, once its context is cancelled.
func TestRunStopsWhenCancelled(t *testing.T) {
	one := load(t, "mmc")
	one.Run.HorizonWeeks = 50_000 // millions of events: far from done when cancelled
	many := load(t, "icb")
	many.Areas.Count = 400
	for name, cfg := range map[string]*sim.Config{"one area": one, "areas": many} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(20*time.Millisecond, cancel)
		r, err := sim.RunContext(ctx, cfg, 0, sim.NewPool(2))
		cancel()
		if !errors.Is(err, context.Canceled) || r != nil {
			t.Errorf("%s: got %v, %v; want context.Canceled and no result", name, r != nil, err)
		}
	}
}

// TestAreaFailureIsTheLowestNumbered: when areas fail, the error returned
// is the lowest-numbered failing area's, on any number of workers, and no
// result is returned.
func TestAreaFailureIsTheLowestNumbered(t *testing.T) {
	cfg := load(t, "icb")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 30, 5
	cfg.Areas = sim.Areas{}
	base := *cfg
	var list []sim.AreaSpec
	for i := range 12 {
		c := base
		if i == 4 || i == 9 {
			c.Support.SessionIntervalWeeks.Dist = "no-such-distribution"
		}
		list = append(list, sim.AreaSpec{Name: fmt.Sprintf("pcn%d", i+1), Set: map[string]sim.Value{"x": {}}, Resolved: &c})
	}
	cfg.Areas.List = list
	for _, n := range []int{1, 2, 3, 16} {
		r, err := sim.RunContext(context.Background(), cfg, 0, sim.NewPool(n))
		if r != nil || err == nil || !strings.Contains(err.Error(), "area pcn5:") {
			t.Errorf("pool of %d: got a result %v and error %v; want area pcn5's error", n, r != nil, err)
		}
	}
}

// TestAreasKeepWhatTheyGive: an area that gives its own referrals a week,
// or its groups' shares, has them as given; the variation between areas
// stands in only for values not known. The others vary as before, their
// draws unchanged.
func TestAreasKeepWhatTheyGive(t *testing.T) {
	text := `name = "two"
extends = "icb"
[areas]
count = 0
[[areas.list]]
name = "given"
set = { "demand.referrals_per_week" = 26, "groups.most_deprived.share" = 0.5, "groups.rest.share" = 0.5 }
[[areas.list]]
name = "drawn"
`
	l, err := scenarios.LoadBytes("two.toml", []byte(text), scenarios.Options{})
	if err != nil {
		t.Fatal(err)
	}
	areas, err := sim.AreaConfigs(l.Config)
	if err != nil {
		t.Fatal(err)
	}
	given, drawn := areas[0].Config, areas[1].Config
	if given.Demand.ReferralsPerWeek != 26 || given.Groups["most_deprived"].Share != 0.5 {
		t.Errorf("the area giving its own: %g referrals a week, most deprived share %g; want 26 and 0.5",
			given.Demand.ReferralsPerWeek, given.Groups["most_deprived"].Share)
	}
	base := l.Config.Demand.ReferralsPerWeek
	if drawn.Demand.ReferralsPerWeek == base {
		t.Errorf("the area giving nothing kept %g referrals a week; want its drawn multiple", base)
	}
}
