package output_test

import (
	"context"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestSessionHoursWords: a comparison says when the session hours a
// scenario takes (supervision's half hour a week) do not bind, as link
// workers use under nine in ten of them; it says nothing where no hours
// are taken, or where the hours left do bind (admin taking nearly all).
func TestSessionHoursWords(t *testing.T) {
	load := func(name string, adminShare float64) *sim.Config {
		cfg, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if adminShare > 0 {
			cfg.Workforce.AdminShare = adminShare
		}
		return cfg
	}
	supervised := func(cfg *sim.Config) *sim.Config {
		cfg.Name, cfg.Workforce.Supervision.HoursPerWeek = "navigator-supervised", 0.5
		return cfg
	}
	for _, c := range []struct {
		cfgs []*sim.Config
		want bool
	}{
		{[]*sim.Config{load("baseline", 0), load("supervision", 0)}, true},
		{[]*sim.Config{load("baseline", 0), load("extra-link-worker", 0)}, false},
		{[]*sim.Config{load("baseline", 0), load("supervision", 0.9)}, false},
		// With a navigator the hours used are the team's, not the link workers'.
		{[]*sim.Config{load("navigator-triage", 0), supervised(load("navigator-triage", 0))}, false},
	} {
		cmp, err := experiment.Compare(context.Background(), c.cfgs, experiment.Options{Replications: 5, Jobs: 2}, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(output.SessionHoursWords(cmp, c.cfgs), "\n")
		if said := strings.Contains(got, "fewer session hours a week per FTE than in "); said != c.want {
			t.Errorf("%s (admin share %g): said %v, want %v: %q", c.cfgs[1].Name, c.cfgs[1].Workforce.AdminShare, said, c.want, got)
		}
	}
}
