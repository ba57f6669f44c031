package sim

import (
	"math"
	"testing"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/dist"
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

// TestTodaysCaseloadKeepsItsWeekLimit: someone on today's caseload is
// part-way through an episode in weeks as in sessions, so their week limit
// counts from when their support began, not from the run's start. The
// extract gives no date of first contact: their support is taken to have
// run for the time their sessions so far take at the mean interval (the
// first session, then an interval before each other), and never since
// before their referral. With sessions 2 weeks apart, a 12-week limit and
// more sessions needed than the limit allows, each episode ends at the
// limit so counted, or at once if that is past. A person listed without a
// referral date (age 0), as today's counts are, has a whole limit ahead.
func TestTodaysCaseloadKeepsItsWeekLimit(t *testing.T) {
	four, one, nine := 4, 1, 9
	for _, c := range []struct {
		name     string
		ip       InitialPerson
		wantEnd  float64 // week the episode ends; NaN: from the sessions drawn
		resolved bool
	}{
		{"one session, referred 10 weeks ago: just begun", InitialPerson{AgeWeeks: 10, Sessions: &one}, 12, true},
		{"four sessions, referred 30 weeks ago: 6 weeks in", InitialPerson{AgeWeeks: 30, Sessions: &four}, 6, true},
		{"four sessions, referred 3 weeks ago: 3 weeks in at most", InitialPerson{AgeWeeks: 3, Sessions: &four}, 9, true},
		{"nine sessions, referred 40 weeks ago: past the limit, ends at once", InitialPerson{AgeWeeks: 40, Sessions: &nine}, 0, true},
		{"four sessions, no referral date: a whole limit", InitialPerson{Sessions: &four}, 12, true},
		{"sessions drawn, referred 50 weeks ago", InitialPerson{AgeWeeks: 50}, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := baselineConfig(t)
			two := 2.0
			cfg.Support.SessionIntervalWeeks = dist.Spec{Dist: "constant", Value: &two}
			cfg.Support.ShortTerm = Limits{MaxSessions: 1000, MaxWeeks: 12}
			cfg.Holding.Enabled = false
			cfg.Workforce.LeavingHazardPerYear = 0 // no hand-overs
			for _, pr := range cfg.Profiles {
				pr.Sessions = dist.Spec{Dist: "constant", Value: ptr(100)}
				pr.DNAProbability = 0 // nobody drops out
			}
			ip := c.ip
			ip.Status, ip.Profile = StatusActive, "moderate"
			cfg.Initial.People = []InitialPerson{ip}
			cfg.Initial.Waiting, cfg.Initial.Active = 0, 1
			m, err := New(cfg, 0)
			if err != nil {
				t.Fatal(err)
			}
			m.start()
			const id = 0 // the only person at the start
			p := &m.pp.slots[id]
			if p.state != stActive {
				t.Fatalf("today's person is not on a caseload (state %d)", p.state)
			}
			held, want := p.held, c.wantEnd
			if !c.resolved {
				want = max(12-min(ip.AgeWeeks, 2*float64(max(held-1, 0))), 0)
			}
			gen := p.gen
			for {
				ev, ok := m.cal.Next()
				if !ok || ev.Time > 20 {
					t.Fatalf("the episode had not ended by week 20; want it ended at week %g", want)
				}
				m.dispatch(ev)
				p = &m.pp.slots[id] // new referrals may have moved the slab
				if p.gen != gen || p.state != stActive {
					if math.Abs(ev.Time-want) > 1e-9 {
						t.Errorf("%d sessions held, referred %g weeks before: the episode ended at week %g, want %g", held, ip.AgeWeeks, ev.Time, want)
					}
					return
				}
			}
		})
	}
}
