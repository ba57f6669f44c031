package sim

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim/dist"
	"github.com/spsim/spsim/sim/rng"
)

// params is a Config compiled for fast use: names resolved to indices,
// distributions built, cumulative shares precomputed.
type params struct {
	profiles     []profileParams
	groups       []groupParams
	groupCum     []float64
	services     []serviceParams
	categories   []string
	catSvcs      [][]int // category → services serving it
	classes      int     // priority classes on the waiting list
	classOf      [][]int // [profile][group] → class, nil under first come first served
	tracks       []trackParams
	roles        []roleParams // 0 is the link workers ([workforce])
	toColleagues bool         // a leaver's caseload goes to colleagues with room first
	// A stream that cannot change anything in this run is not drawn from.
	// Each stream serves one process, so skipping it leaves every other
	// draw, and so every result, as it was.
	anyDNA     bool // some profile misses sessions
	anyLeaving bool // some role's workers can leave
	interval   dist.Duration
	recruit    dist.Duration
	reDelay    dist.Duration
}

// trackParams is one support track: the limits of its episodes and the
// share of each caseload it may use (the rest is kept for other tracks).
type trackParams struct {
	limits   Limits
	share    float64
	role     int // the role whose workers run it
	handover int // the role people go to when its limits end support early; -1 none
}

// roleParams is one kind of worker: link workers, or a role beside them.
type roleParams struct {
	name          string
	posts         int
	fte           float64
	capPerFTE     float64
	pressureScale float64 // sustainable caseload over the cap: pressure's places per caseload place
	payPerFTEWeek float64 // with on-costs
	hazard        float64 // leaving, a year, at no pressure, after supervision
	supHours      float64 // supervision, hours a week per FTE
	supCost       float64 // supervision, GBP a week per FTE
	track         int     // its track (roles beside the link workers have one)
}

// maxTracks bounds the support tracks so that a link worker's per-track
// counts fit in fixed arrays.
const maxTracks = 8

type profileParams struct {
	name      string
	priority  int
	complex   bool
	track     int // support track on referral
	lwTrack   int // support track with the link workers, for a handover
	sessions  dist.Count
	needs     []needParams
	patience  dist.Duration
	dna       float64
	gpPerYear float64
}

type needParams struct {
	cat int
	p   float64
}

type groupParams struct {
	name        string
	priority    int
	profileCum  []float64
	patienceMul float64
	acceptMul   []float64 // per service: group multiplier × per-service multiplier
}

type serviceParams struct {
	name       string
	cats       []int
	places     int
	engagement dist.Duration
	accept     float64
	complete   float64
	waitlist   bool
	patience   dist.Duration
	grant      float64 // per place a year
	hazard     float64
}

// compile checks the parts of cfg that only the model's own indexing can
// and turns names into indices; the order of every list is the names'.
func compile(cfg *Config) (params, error) {
	var p params
	var err error
	if len(cfg.Categories) > maxCategories {
		return p, fmt.Errorf("categories: %d given, at most %d allowed", len(cfg.Categories), maxCategories)
	}
	p.categories = cfg.Categories
	catIndex := map[string]int{}
	for i, c := range cfg.Categories {
		catIndex[c] = i
	}
	if p.interval, err = cfg.Support.SessionIntervalWeeks.Duration(); err != nil {
		return p, fmt.Errorf("support.session_interval_weeks: %w", err)
	}
	if p.recruit, err = cfg.Workforce.RecruitmentDelayWeeks.Duration(); err != nil {
		return p, fmt.Errorf("workforce.recruitment_delay_weeks: %w", err)
	}
	if p.reDelay, err = cfg.Rereferral.DelayWeeks.Duration(); err != nil {
		return p, fmt.Errorf("rereferral.delay_weeks: %w", err)
	}
	if err := p.compileProfiles(cfg, catIndex); err != nil {
		return p, err
	}
	if err := p.compileServices(cfg, catIndex); err != nil {
		return p, err
	}
	if err := p.compileGroups(cfg); err != nil {
		return p, err
	}
	if len(p.profiles) == 0 || len(p.groups) == 0 {
		return p, fmt.Errorf("a scenario needs at least one profile and one group")
	}
	if len(p.profiles) > 255 || len(p.groups) > 255 {
		return p, fmt.Errorf("at most 255 profiles and 255 groups")
	}
	p.classes = 1
	p.tracks = supportTracks(&cfg.Support)
	profileIndex := map[string]int{}
	for i := range p.profiles {
		p.profiles[i].lwTrack = p.profiles[i].track
		profileIndex[p.profiles[i].name] = i
	}
	if err := compileRoles(cfg, &p, profileIndex); err != nil {
		return p, err
	}
	p.toColleagues = cfg.Workforce.Handover == scenarios.ToColleagues
	for i := range p.profiles {
		p.anyDNA = p.anyDNA || p.profiles[i].dna > 0
	}
	for i := range p.roles {
		p.anyLeaving = p.anyLeaving || p.roles[i].hazard > 0
	}
	if cfg.Workforce.Allocation == scenarios.Priority {
		p.classes = priorityClasses(&p)
	}
	return p, nil
}

// compileProfiles builds the profiles, in name order.
func (p *params) compileProfiles(cfg *Config, catIndex map[string]int) error {
	var err error
	for _, name := range sortedKeys(cfg.Profiles) {
		pr := cfg.Profiles[name]
		pp := profileParams{name: name, priority: pr.Priority, complex: pr.Complex, dna: pr.DNAProbability, gpPerYear: pr.GPAppointmentsPerYear}
		if cfg.Support.Model == scenarios.Tiered && slices.Contains(cfg.Support.TieredLongerProfiles, name) {
			pp.track = 1
		}
		if pp.sessions, err = pr.Sessions.Count(); err != nil {
			return fmt.Errorf("profiles.%s.sessions: %w", name, err)
		}
		if pp.patience, err = pr.PatienceWeeks.Duration(); err != nil {
			return fmt.Errorf("profiles.%s.patience_weeks: %w", name, err)
		}
		for _, c := range sortedKeys(pr.Needs) {
			ci, ok := catIndex[c]
			if !ok {
				return fmt.Errorf("profiles.%s.needs: unknown category %q", name, c)
			}
			pp.needs = append(pp.needs, needParams{cat: ci, p: pr.Needs[c]})
		}
		p.profiles = append(p.profiles, pp)
	}
	return nil
}

// compileServices builds the community services, in name order, and the
// services that serve each category.
func (p *params) compileServices(cfg *Config, catIndex map[string]int) error {
	var err error
	p.catSvcs = make([][]int, len(cfg.Categories))
	for i, name := range sortedKeys(cfg.Services) {
		s := cfg.Services[name]
		sp := serviceParams{name: name, places: s.Places, accept: s.AcceptanceProbability,
			complete: s.CompletionProbability, waitlist: s.WhenFull == scenarios.Waitlist,
			grant: s.Grant(), hazard: s.ClosureHazardPerYear}
		if sp.engagement, err = s.EngagementWeeks.Duration(); err != nil {
			return fmt.Errorf("services.%s.engagement_weeks: %w", name, err)
		}
		if sp.patience, err = s.PatienceWeeks.Duration(); err != nil {
			return fmt.Errorf("services.%s.patience_weeks: %w", name, err)
		}
		for _, c := range s.Categories {
			ci, ok := catIndex[c]
			if !ok {
				return fmt.Errorf("services.%s.categories: unknown category %q", name, c)
			}
			sp.cats = append(sp.cats, ci)
			p.catSvcs[ci] = append(p.catSvcs[ci], i)
		}
		p.services = append(p.services, sp)
	}
	return nil
}

// compileGroups builds the groups, in name order, each with its profile
// mix and service acceptance over the profiles and services built before.
func (p *params) compileGroups(cfg *Config) error {
	cum := 0.0
	for _, name := range sortedKeys(cfg.Groups) {
		if err := memberName(name); err != nil {
			return fmt.Errorf("groups.%s: %w", name, err)
		}
		g := cfg.Groups[name]
		gp := groupParams{name: name, priority: g.Priority, patienceMul: g.PatienceMultiplier}
		c := 0.0
		for _, pr := range p.profiles {
			c += ProfileShare(cfg, g, pr.name)
			gp.profileCum = append(gp.profileCum, c)
		}
		for _, sv := range p.services {
			mul := g.VCSEAcceptanceMultiplier
			if v, ok := g.ServiceAcceptance[sv.name]; ok {
				mul *= v
			}
			gp.acceptMul = append(gp.acceptMul, mul)
		}
		for s := range g.ServiceAcceptance {
			if _, ok := cfg.Services[s]; !ok {
				return fmt.Errorf("groups.%s.service_acceptance: unknown service %q", name, s)
			}
		}
		p.groups = append(p.groups, gp)
		cum += g.Share
		p.groupCum = append(p.groupCum, cum)
	}
	return nil
}

// ProfileShare is the share of group g's referrals with profile pr: the
// group's own profile_mix, or the profiles' shares for a group without one.
func ProfileShare(cfg *Config, g *Group, pr string) float64 {
	if g.ProfileMix != nil {
		return g.ProfileMix[pr]
	}
	return cfg.Profiles[pr].Share
}

// memberName refuses a group name that would read as another family's
// member in a KPI's name ("reneged.profile.x" is profile x's).
func memberName(name string) error {
	for _, p := range []string{ProfilePrefix, RolePrefix, ServicePrefix} {
		if name+"." == p || strings.HasPrefix(name, p) {
			return fmt.Errorf("a group may not be named %q or begin with %q: KPI names would confuse it with a %s", p[:len(p)-1], p, p[:len(p)-1])
		}
	}
	return nil
}

// supportTracks lists the support model's tracks: one for short-term or
// longer-term support; short-term (which may not use the reserved share of
// each caseload) and longer-term for tiered support.
func supportTracks(s *Support) []trackParams {
	switch s.Model {
	case scenarios.LongerTerm:
		return []trackParams{{limits: s.LongerTerm, share: 1, handover: -1}}
	case scenarios.Tiered:
		return []trackParams{{limits: s.ShortTerm, share: 1 - s.TieredReservedShare, handover: -1}, {limits: s.LongerTerm, share: 1, handover: -1}}
	}
	return []trackParams{{limits: s.ShortTerm, share: 1, handover: -1}}
}

// priorityClasses numbers the distinct priorities (profile + group) so that
// class 0 is served first, and fills p.classOf.
func priorityClasses(p *params) int {
	var levels []int
	for _, pr := range p.profiles {
		for _, g := range p.groups {
			levels = append(levels, pr.priority+g.priority)
		}
	}
	slices.Sort(levels)
	levels = slices.Compact(levels)
	p.classOf = make([][]int, len(p.profiles))
	for i, pr := range p.profiles {
		p.classOf[i] = make([]int, len(p.groups))
		for j, g := range p.groups {
			k, _ := slices.BinarySearch(levels, pr.priority+g.priority)
			p.classOf[i][j] = len(levels) - 1 - k
		}
	}
	return len(levels)
}

// class is the waiting-list class of a person: 0 is the highest priority.
func (m *Model) class(profile, group int) int {
	if m.p.classOf == nil {
		return 0
	}
	return m.p.classOf[profile][group]
}

// pick returns the index i with cum[i-1] <= u*total < cum[i].
func pick(cum []float64, u float64) int {
	x := u * cum[len(cum)-1]
	for i, c := range cum {
		if x < c {
			return i
		}
	}
	return len(cum) - 1
}

// pickFrom is pick with a draw from r, made only when there is a choice:
// the stream serves this pick alone, so a sure pick need not consume it.
func pickFrom(cum []float64, r *rng.Rand) int {
	if len(cum) == 1 {
		return 0
	}
	return pick(cum, r.Float64())
}

// compileRoles sets up the link workers (role 0, from [workforce]) and the
// roles beside them, in name order: each has one track with its limits,
// takes its profiles' referrals, and may hand people over to another role.
func compileRoles(cfg *Config, p *params, profileIndex map[string]int) error {
	w, c := &cfg.Workforce, &cfg.Costs
	onCost := 1 + c.OnCostShare
	scale := 1.0 // pressure against the cap
	if s := w.SustainableCaseloadPerFTE; s != nil {
		scale = *s / w.CaseloadCapPerFTE
	}
	p.roles = []roleParams{{name: scenarios.LinkWorkerRole, posts: w.LinkWorkers, fte: w.FTE, capPerFTE: w.CaseloadCapPerFTE, pressureScale: scale,
		payPerFTEWeek: c.SalaryPerFTEYear * onCost / 52, hazard: w.LeavingHazardPerYear * (1 - w.Supervision.LeavingHazardReduction),
		supHours: w.Supervision.HoursPerWeek, supCost: w.Supervision.CostPerFTEYear / 52}}
	names := sortedKeys(cfg.Roles)
	index := map[string]int{scenarios.LinkWorkerRole: 0}
	for i, n := range names {
		index[n] = i + 1
	}
	if len(p.tracks)+len(names) > maxTracks {
		return fmt.Errorf("roles: at most %d roles beside the link workers under this support model", maxTracks-len(p.tracks))
	}
	for _, n := range names {
		r := cfg.Roles[n]
		k := len(p.roles)
		h := -1
		if r.HandoverTo != "" {
			var ok bool
			if h, ok = index[r.HandoverTo]; !ok {
				return fmt.Errorf("roles.%s.handover_to: unknown role %q", n, r.HandoverTo)
			}
		}
		p.roles = append(p.roles, roleParams{name: n, posts: r.Posts, fte: r.FTE, capPerFTE: r.CaseloadCapPerFTE, pressureScale: 1,
			payPerFTEWeek: r.SalaryPerFTEYear * onCost / 52, hazard: r.LeavingHazardPerYear * (1 - r.SupervisionLeavingHazardReduction),
			supHours: r.SupervisionHours, supCost: r.SupervisionCostPerFTEYear / 52, track: len(p.tracks)})
		p.tracks = append(p.tracks, trackParams{limits: r.Support, share: 1, role: k, handover: h})
		for _, pr := range r.Profiles {
			i, ok := profileIndex[pr]
			if !ok {
				return fmt.Errorf("roles.%s.profiles: unknown profile %q", n, pr)
			}
			p.profiles[i].track = len(p.tracks) - 1
		}
	}
	return nil
}

// handoverTrack is the track a person on track t goes to when t's limits
// end their support early, or -1.
func (p *params) handoverTrack(t, profile int) int {
	switch h := p.tracks[t].handover; {
	case h < 0:
		return -1
	case h == 0:
		return p.profiles[profile].lwTrack
	default:
		return p.roles[h].track
	}
}
