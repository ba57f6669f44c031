package sim

import (
	"testing"

	"github.com/spsim/spsim/sim/dist"
)

// TestSessionLimitEndsOnTime: with sessions exactly a week apart and a
// 12-week limit, no episode runs past week 12, even where the sum of
// twelve 1-week intervals falls a rounding error short of 12 (as it does
// from a start that crosses a power of two).
func TestSessionLimitEndsOnTime(t *testing.T) {
	cfg := baselineConfig(t)
	one := 1.0
	cfg.Support.SessionIntervalWeeks = dist.Spec{Dist: "constant", Value: &one}
	cfg.Support.ShortTerm = Limits{MaxSessions: 1000, MaxWeeks: 12}
	cfg.Holding.Enabled = false
	cfg.Workforce.LeavingHazardPerYear = 0 // no hand-overs, which add a wait mid-episode
	for _, pr := range cfg.Profiles {
		pr.Sessions = dist.Spec{Dist: "constant", Value: ptr(100)}
	}
	m, err := New(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	m.start()
	horizon, ended, longest := float64(cfg.Run.HorizonWeeks), 0, 0.0
	for {
		ev, ok := m.cal.Next()
		if !ok || ev.Time > horizon {
			break
		}
		if ev.Kind != evSessionDue {
			m.dispatch(ev)
		} else {
			p := &m.pp.slots[ev.Subject]
			start := p.start
			m.dispatch(ev)
			if p.state != stActive {
				ended++
				longest = max(longest, ev.Time-start)
			}
		}
		if m.m.done {
			break
		}
	}
	t.Logf("%d episodes ended by the limit, the longest after %.12f weeks", ended, longest)
	if ended < 1000 {
		t.Fatalf("only %d episodes ended: the test did not exercise the limit", ended)
	}
	if longest > 12+1e-6 {
		t.Errorf("an episode lasted %.12f weeks, past the 12-week limit", longest)
	}
}

func ptr(v float64) *float64 { return &v }
