package sim

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/spsim/spsim/sim/des"
	"github.com/spsim/spsim/sim/rng"
)

// Event kinds. The kernel only orders them; Model.dispatch gives them meaning.
const (
	evArrival des.Kind = iota
	evRenege
	evSessionDue
	evHoldCheck
	evEngagementEnd
	evServicePatience
	evWeek
	evPostFilled
	evRampEnd
	evRereferral
)

// The calendar's lanes: the candidate arrivals and the weekly tick each
// always have exactly one next event, and are the most frequent.
const (
	laneArrivals = iota
	laneWeeks
)

// Model is one replication of a scenario. It is not safe for concurrent
// use; run replications on separate Models.
type Model struct {
	cfg   *Config
	rep   int
	cal   des.Calendar
	rng   streams
	p     params
	pp    people
	lws   []linkWorker
	svcs  []service
	queue [][]deque[ref] // waiting list by [track][priority class]

	baseRate float64 // referrals a week before growth and season; the timeline changes it
	maxRate  float64 // thinning bound over the whole horizon
	minRate  float64 // below rate(t) at every t of the run
	posts    int     // funded link-worker posts
	holding  bool
	room     []roomTree // free places by track, for allocation

	m       metrics
	several bool // the scenario has several areas: Run runs them all
}

// streams are the model's random processes, one named stream each, so that
// changing one process leaves the others' draws alone (common random numbers).
type streams struct {
	arrivals, group, profile, inappropriate, sessions, needs, patience,
	interval, dna, serviceAccept, engagement, completion, servicePatience,
	rereferral, rereferralDelay, leaving, recruitment, closure, initial *rng.Rand
}

// streamTable names each of the model's random processes: the one place a
// stream's name is written.
func streamTable(st *streams) []struct {
	name string
	rng  **rng.Rand
} {
	return []struct {
		name string
		rng  **rng.Rand
	}{
		{"arrivals", &st.arrivals}, {"group", &st.group}, {"profile", &st.profile},
		{"inappropriate", &st.inappropriate}, {"sessions", &st.sessions}, {"needs", &st.needs},
		{"patience", &st.patience}, {"session-interval", &st.interval}, {"dna", &st.dna},
		{"service-acceptance", &st.serviceAccept}, {"engagement", &st.engagement},
		{"completion", &st.completion}, {"service-patience", &st.servicePatience},
		{"rereferral", &st.rereferral}, {"rereferral-delay", &st.rereferralDelay},
		{"leaving", &st.leaving}, {"recruitment", &st.recruitment}, {"closure", &st.closure},
		{"initial", &st.initial},
	}
}

// StreamNames are the model's random processes, one stream each. An area
// of a scenario with several areas prefixes them with "areaN/".
var StreamNames = func() []string {
	var names []string
	for _, s := range streamTable(&streams{}) {
		names = append(names, s.name)
	}
	return names
}()

func newStreams(seed uint64, rep int, prefix string) streams {
	s := des.Streams{Seed: seed, Replication: rep}
	var st streams
	for _, x := range streamTable(&st) {
		*x.rng = s.Get(prefix + x.name)
	}
	return st
}

// New prepares replication rep of cfg, which must have passed validation
// (package scenarios). It returns an error only for a Config that could not
// have passed it, such as an invalid distribution. A scenario of several
// areas runs them all, as Run does.
func New(cfg *Config, rep int) (*Model, error) {
	m, err := newModel(cfg, rep, "", nil)
	if err == nil && cfg.Areas.Several() {
		m.several = true
	}
	return m, err
}

// newModel prepares a model. If prev is a finished model that is no longer
// needed, its larger buffers (calendar, people, waiting lists, weekly
// table, histogram) are reused: the areas of a scenario then cost the garbage collector
// almost nothing.
func newModel(cfg *Config, rep int, streamPrefix string, prev *Model) (*Model, error) {
	p, err := compile(cfg)
	if err != nil {
		return nil, err
	}
	m := &Model{cfg: cfg, rep: rep, p: p, rng: newStreams(cfg.Run.Seed, rep, streamPrefix)}
	m.queue = newQueues(prev, len(p.tracks), p.classes)
	if prev != nil {
		m.cal = prev.cal
		m.room = prev.room
		m.cal.Reset()
		m.pp = people{slots: prev.pp.slots[:0], free: prev.pp.free[:0]}
		m.m.waits = prev.m.waits
		m.m.waits.Reset()
		m.m.rows, m.m.flat = prev.m.rows[:0], prev.m.flat[:0]
		if sameColumns(&prev.p, &p) {
			// An area like the last: its column names are built once.
			m.m.columns, m.m.gnames, m.m.pnames, m.m.rnames, m.m.snames = prev.m.columns, prev.m.gnames, prev.m.pnames, prev.m.rnames, prev.m.snames
		}
		*prev = Model{} // prev must not be used again
	}
	if len(m.room) != len(p.tracks) {
		m.room = make([]roomTree, len(p.tracks))
	}
	m.baseRate = cfg.Demand.ReferralsPerWeek
	m.maxRate = maxReferralRate(cfg)
	m.minRate = minReferralRate(cfg)
	m.holding = cfg.Holding.Enabled
	m.svcs = newServices(p.services)
	m.m.init(m)
	return m, nil
}

// newQueues are the waiting lists, one per track and class: prev's, emptied,
// when it has lists of the same shape.
func newQueues(prev *Model, tracks, classes int) [][]deque[ref] {
	if prev != nil && len(prev.queue) == tracks && (tracks == 0 || len(prev.queue[0]) == classes) {
		for _, qs := range prev.queue {
			for i := range qs {
				qs[i].head, qs[i].size = 0, 0
			}
		}
		return prev.queue
	}
	q := make([][]deque[ref], tracks)
	for t := range q {
		q[t] = make([]deque[ref], classes)
	}
	return q
}

// sameColumns reports whether models of a and b have the same weekly
// columns: the same groups, profiles, roles and services.
func sameColumns(a, b *params) bool {
	if len(a.groups) != len(b.groups) || len(a.profiles) != len(b.profiles) || len(a.roles) != len(b.roles) || len(a.services) != len(b.services) {
		return false
	}
	for i := range a.services {
		if a.services[i].name != b.services[i].name {
			return false
		}
	}
	for i := range a.groups {
		if a.groups[i].name != b.groups[i].name {
			return false
		}
	}
	for i := range a.profiles {
		if a.profiles[i].name != b.profiles[i].name {
			return false
		}
	}
	for i := range a.roles {
		if a.roles[i].name != b.roles[i].name {
			return false
		}
	}
	return true
}

// Run simulates replication rep of the scenario and returns its result. A
// scenario of several areas runs each area on its own calendar and sums
// their weekly tables.
func Run(cfg *Config, rep int) (*Result, error) {
	return RunContext(context.Background(), cfg, rep, nil)
}

// Run simulates until the horizon. A failed self-check is returned as an
// error naming the invariant, the replication and the seed.
func (m *Model) Run() (*Result, error) { return m.RunContext(context.Background()) }

// cancelCheckEvents is how often, in events, the event loop looks at its
// context: rarely enough to cost nothing, often enough to stop within a
// fraction of a second.
const cancelCheckEvents = 1024

// RunContext is Run that stops early, returning ctx's error, once ctx is
// cancelled.
func (m *Model) RunContext(ctx context.Context) (*Result, error) {
	if m.several {
		return runAreas(ctx, m.cfg, m.rep, nil)
	}
	horizon := float64(m.cfg.Run.HorizonWeeks)
	done := ctx.Done()
	m.start()
	for {
		if m.cal.Fired()%cancelCheckEvents == 0 && done != nil {
			select {
			case <-done:
				return nil, ctx.Err()
			default:
			}
		}
		ev, ok := m.cal.Next()
		if !ok || ev.Time > horizon {
			break
		}
		m.dispatch(ev)
		if m.m.done {
			break
		}
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("scenario %q replication %d (seed %d): %w", m.cfg.Name, m.rep, m.cfg.Run.Seed, err)
	}
	r := m.m.result(m)
	if err := r.CheckFinite(); err != nil {
		return nil, fmt.Errorf("scenario %q replication %d (seed %d): %w", m.cfg.Name, m.rep, m.cfg.Run.Seed, err)
	}
	return r, nil
}

func (m *Model) now() float64 { return m.cal.Now() }

// horizon is the end of the run: an event after it never happens.
func (m *Model) horizon() float64 { return float64(m.cfg.Run.HorizonWeeks) }

func (m *Model) dispatch(ev des.Event) {
	switch ev.Kind {
	case evArrival:
		m.onArrivalCandidate()
	case evRenege:
		m.onRenege(ev.Subject)
	case evSessionDue:
		m.onSessionDue(ev.Subject)
	case evHoldCheck:
		m.onHoldCheck(ev.Subject)
	case evEngagementEnd:
		m.onEngagementEnd(ev.Subject, int(ev.Aux))
	case evServicePatience:
		m.onServicePatience(ev.Subject, int(ev.Aux))
	case evWeek:
		m.onWeek(int(ev.Subject))
	case evPostFilled:
		m.onPostFilled(int(ev.Subject))
	case evRampEnd:
		m.onRampEnd(int(ev.Subject))
	case evRereferral:
		m.onRereferral(int(ev.Subject), int(ev.Aux))
	default:
		panic(fmt.Sprintf("sim: unknown event kind %d", ev.Kind))
	}
}

// start sets up the initial state and the first events.
func (m *Model) start() {
	m.posts = m.cfg.Workforce.LinkWorkers
	for r, role := range m.p.roles {
		for range role.posts {
			m.addPost(true, r)
		}
	}
	m.m.capacityChanged(m) // once for the whole team: each is O(posts)
	m.seedInitialState()
	m.cal.ScheduleLane(laneArrivals, m.arrivalGap(), evArrival, 0, 0)
	m.cal.ScheduleLane(laneWeeks, 1, evWeek, 1, 0)
	m.allocate()
}

// arrivalGap draws the time to the next candidate arrival of the thinned
// process.
func (m *Model) arrivalGap() float64 {
	return m.rng.arrivals.ExpFloat64() / m.maxRate
}

// rate is the referral rate a week at time t.
func (m *Model) rate(t float64) float64 {
	d := &m.cfg.Demand
	r := m.baseRate * math.Pow(1+d.AnnualGrowth, t/52)
	if d.SeasonalAmplitude != 0 {
		r *= 1 + d.SeasonalAmplitude*math.Cos(2*math.Pi*(t-d.SeasonalPeakWeek)/52)
	}
	return r
}

// maxReferralRate bounds rate(t) over the horizon for thinning.
func maxReferralRate(cfg *Config) float64 {
	base, growth := referralExtremes(cfg, false)
	return base * growth * (1 + cfg.Demand.SeasonalAmplitude)
}

// minReferralRate is a little below the least rate(t) over the horizon,
// whatever the timeline sets: the margin covers rate's rounding (about
// 1e-15 of it), so a draw below it is below rate(t) as computed.
func minReferralRate(cfg *Config) float64 {
	base, growth := referralExtremes(cfg, true)
	return max(0, base*growth*(1-math.Abs(cfg.Demand.SeasonalAmplitude))*(1-1e-9))
}

// referralExtremes is the least (or greatest) of the base rates the
// scenario and its timeline set, and of no growth and the growth over the
// whole horizon.
func referralExtremes(cfg *Config, least bool) (base, growth float64) {
	pick := func(a, b float64) float64 {
		if least {
			return min(a, b)
		}
		return max(a, b)
	}
	d := &cfg.Demand
	base = d.ReferralsPerWeek
	for _, c := range cfg.Timeline {
		if c.ReferralsPerWeek != nil {
			base = pick(base, *c.ReferralsPerWeek)
		}
	}
	return base, pick(1, math.Pow(1+d.AnnualGrowth, float64(cfg.Run.HorizonWeeks)/52))
}

// sortedKeys returns a map's keys in order, so that iteration never depends
// on Go's randomised map order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
