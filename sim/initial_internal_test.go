package sim

import (
	"testing"

	"github.com/spsim/spsim/scenarios"
)

// TestTodaysCaseloadWithinItsLimit: someone on today's caseload is
// part-way through an episode, so they have held fewer sessions than their
// support's limit (and, by the draw, fewer than they need). The baseline's complex
// profile needs 9 sessions on average under a limit of 6, so a draw below
// what is needed alone would start some past the limit.
func TestTodaysCaseloadWithinItsLimit(t *testing.T) {
	cfg, err := scenarios.Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	seated := 0
	for rep := range 10 {
		m, err := New(cfg, rep)
		if err != nil {
			t.Fatal(err)
		}
		m.start()
		for id := range m.pp.slots {
			p := &m.pp.slots[id]
			if p.state != stActive {
				continue
			}
			seated++
			if lim := m.limits(p).MaxSessions; int(p.held) >= lim {
				t.Errorf("replication %d: person %d starts with %d sessions held, needing %d, under a limit of %d", rep, id, p.held, p.needed, lim)
			}
		}
	}
	if seated < 10*cfg.Initial.Active/2 {
		t.Errorf("only %d of today's people seated in 10 replications of %d", seated, cfg.Initial.Active)
	}
}
