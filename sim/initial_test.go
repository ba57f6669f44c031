package sim_test

import (
	"reflect"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestInitialPeopleSameAsCounts: a list of people without details is the
// same state as the same counts, so the runs are identical.
func TestInitialPeopleSameAsCounts(t *testing.T) {
	counts := load(t, "baseline")
	counts.Run.HorizonWeeks, counts.Run.WarmupWeeks = 60, 10
	list := load(t, "baseline")
	list.Run.HorizonWeeks, list.Run.WarmupWeeks = 60, 10
	list.Initial.People = nil
	for range counts.Initial.Waiting {
		list.Initial.People = append(list.Initial.People, sim.InitialPerson{Status: sim.StatusWaiting})
	}
	for range counts.Initial.Active {
		list.Initial.People = append(list.Initial.People, sim.InitialPerson{Status: sim.StatusActive})
	}
	a, b := replicate(t, counts, 3, 2), replicate(t, list, 3, 2)
	for i := range a {
		if !reflect.DeepEqual(a[i].KPIs, b[i].KPIs) || !reflect.DeepEqual(a[i].Weekly, b[i].Weekly) {
			t.Fatalf("replication %d: a list of %d waiting and %d active differs from the same counts", i, counts.Initial.Waiting, counts.Initial.Active)
		}
	}
}

// TestInitialPeopleDetails: listed groups, profiles, sessions and people
// awaiting a community place start the run as listed; the run's
// self-checks (conservation among them) hold, and a longer list starts
// with a longer waiting list.
func TestInitialPeopleDetails(t *testing.T) {
	cfg := load(t, "baseline")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 40, 10
	two, five := 2, 5
	var people []sim.InitialPerson
	for i := range 60 {
		people = append(people, sim.InitialPerson{Status: sim.StatusWaiting, AgeWeeks: float64(i) / 4, Group: "most_deprived", Profile: "complex"})
	}
	for i := range 90 {
		p := sim.InitialPerson{Status: sim.StatusActive, AgeWeeks: 10, Sessions: &two, Profile: "moderate"}
		if i%3 == 0 {
			p.Sessions, p.AwaitingPlace = &five, true
		}
		people = append(people, p)
	}
	cfg.Initial.People, cfg.Initial.Waiting, cfg.Initial.Active = people, 60, 90
	rs := replicate(t, cfg, 3, 2) // fails if a self-check (conservation, caseload caps...) fails
	base := load(t, "baseline")
	base.Run.HorizonWeeks, base.Run.WarmupWeeks = 40, 10
	rb := replicate(t, base, 3, 2)
	col := rs[0].Col("waiting_list_mean")
	for i := range rs {
		if rs[i].Weekly[0][col] <= rb[i].Weekly[0][col]+20 {
			t.Errorf("replication %d: week 0 waiting list %.1f with 60 listed waiting, %.1f with the baseline's 20", i, rs[i].Weekly[0][col], rb[i].Weekly[0][col])
		}
	}
}

// TestInitialBeyondPlacesIsHandedBack: today's caseloads beyond the team's
// places (a scenario with fewer posts than today's) start at the front of
// the waiting list, as a leaver's caseload is handed back, from counts and
// from a list of people alike, their needs referred on; caps and
// conservation hold (the run's self-checks), and with no link workers
// nobody is ever seen.
func TestInitialBeyondPlacesIsHandedBack(t *testing.T) {
	for _, c := range []struct {
		name  string
		posts int
		list  bool
	}{{"counts, one post", 1, false}, {"people, one post", 1, true}, {"counts, no posts", 0, false}, {"people, no posts", 0, true}} {
		t.Run(c.name, func(t *testing.T) {
			cfg := load(t, "baseline")
			cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 30, 5
			cfg.Workforce.LinkWorkers, cfg.Initial.Waiting, cfg.Initial.Active = c.posts, 0, 80
			if c.list {
				for range 80 {
					cfg.Initial.People = append(cfg.Initial.People, sim.InitialPerson{Status: sim.StatusActive, AgeWeeks: 3})
				}
			}
			places := float64(c.posts) * cfg.Workforce.FTE * cfg.Workforce.CaseloadCapPerFTE
			rs := replicate(t, cfg, 3, 2) // fails if a self-check (conservation, caseload caps) fails
			for i, r := range rs {
				joins, caseload := r.Weekly[0][r.Col(sim.ColListJoins)], r.Weekly[0][r.Col(sim.ColCaseloadMean)]
				if joins < 80-places || caseload > places+1e-9 {
					t.Errorf("replication %d: week 0 list joins %.0f (want at least the %.0f handed back), caseload %.1f (places %.0f)", i, joins, 80-places, caseload, places)
				}
				if seen := sumCol(r, sim.ColFirstContacts); c.posts == 0 && seen != 0 {
					t.Errorf("replication %d: %g first contacts with no link workers", i, seen)
				}
				// Part-way through an episode, their needs were referred on:
				// with no link workers to refer anyone else, some are met.
				if met := sumCol(r, sim.ColNeedsMet); c.posts == 0 && met == 0 {
					t.Errorf("replication %d: no needs met; the handed-back people's needs were not referred on", i)
				}
			}
		})
	}
}

func sumCol(r *sim.Result, name string) float64 {
	s := 0.0
	for _, row := range r.Weekly {
		s += row[r.Col(name)]
	}
	return s
}

// TestTodaysCaseloadNeverPastACap: today's caseload is seated within each
// post's cap, rounded down as the model caps it (0.7 FTE × 45 is 31 places,
// so three posts hold 93, not 94.5), and within the caps of other roles: the
// rest start at the front of the list. The run used to seat 94, report
// utilisation of 100.8% [100.0%, 100.0%], or fail its cap invariant.
func TestTodaysCaseloadNeverPastACap(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*sim.Config)
	}{
		{"rounded caps", func(c *sim.Config) { c.Workforce.FTE, c.Initial.Active = 0.7, 94 }},
		{"a tiered reserve", func(c *sim.Config) { c.Support.Model, c.Initial.Active = "tiered", 135 }},
	} {
		cfg := load(t, "baseline")
		cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 2, 0
		c.edit(cfg)
		for rep := range 3 {
			r, err := sim.Run(cfg, rep)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if u := kpiOf(t, r, sim.KPIUtilisation); u > 1 {
				t.Errorf("%s, replication %d: utilisation %v", c.name, rep, u)
			}
		}
	}
	roles := load(t, "navigator-triage")
	roles.Run.HorizonWeeks, roles.Run.WarmupWeeks = 2, 0
	roles.Initial.Active = 0
	for range 100 {
		roles.Initial.People = append(roles.Initial.People, sim.InitialPerson{Status: sim.StatusActive, Profile: "low"})
	}
	if _, err := sim.Run(roles, 0); err != nil {
		t.Errorf("100 on the navigators' caseloads: %v", err)
	}
}

func kpiOf(t *testing.T, r *sim.Result, name string) float64 {
	t.Helper()
	for _, k := range r.KPIs {
		if k.Name == name {
			return k.Value
		}
	}
	t.Fatalf("no KPI %s", name)
	return 0
}
