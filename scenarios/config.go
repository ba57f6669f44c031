package scenarios

import (
	"math"

	"github.com/spsim/spsim/sim/dist"
)

// Config is a fully resolved scenario: every parameter the model reads. It
// is decoded from TOML and checked by this package; the model (package sim)
// assumes a Config that passed Validate. Times are in weeks unless a field
// name says otherwise. Named collections (profiles, groups, services) are
// maps so that a scenario that extends another can override one entry by
// name; the model always walks them in sorted name order.
type Config struct {
	Name     string `toml:"name"`
	Question string `toml:"question"`
	Extends  string `toml:"extends,omitempty" spsim:"optional"`

	Run        RunSpec             `toml:"run"`
	Demand     Demand              `toml:"demand"`
	Initial    Initial             `toml:"initial"`
	Profiles   map[string]*Profile `toml:"profiles"`
	Groups     map[string]*Group   `toml:"groups"`
	Workforce  Workforce           `toml:"workforce"`
	Support    Support             `toml:"support"`
	Categories []string            `toml:"categories" spsim:"optional"`
	Services   map[string]*Service `toml:"services" spsim:"optional"`
	Holding    Holding             `toml:"holding"`
	Rereferral Rereferral          `toml:"rereferral"`
	Costs      Costs               `toml:"costs"`
	Outcomes   Outcomes            `toml:"outcomes"`
	Timeline   []Change            `toml:"timeline" spsim:"optional"`
	Areas      Areas               `toml:"areas" spsim:"optional"`
	Roles      map[string]*Role    `toml:"roles" spsim:"optional"`

	// noFiles marks a scenario loaded from an upload (Options.BuiltinOnly):
	// no file it names is read, however the key came to be set (SetAll,
	// SetAreas, an area's settings), so that a server reads only what it
	// was given.
	noFiles bool
	// peopleFromFile marks today's people as read from a caseload file
	// (initial.file): its own warnings say an implausible age or count at
	// its lines, so the generic ones, at keys nobody wrote, are not said.
	peopleFromFile bool
}

// LinkWorkerRole is the name of the role [workforce] describes: the link
// workers every scenario has. Further roles ([roles.NAME]) sit beside them.
const LinkWorkerRole = "link_workers"

// MaxRoles bounds the roles beside the link workers.
const MaxRoles = 6

// MaxCategories bounds the community need categories: the model keeps a
// person's needs in fixed arrays of this length.
const MaxCategories = 16

// ProfileFamily, RoleFamily and ServiceFamily name the KPI families whose
// members follow them ("reneged.profile.complex",
// "vcse_occupancy.service.wellbeing_groups"): a group may not take any of
// these names, or its KPIs would read as a profile's, a role's or a
// service's.
const (
	ProfileFamily = "profile"
	RoleFamily    = "role"
	ServiceFamily = "service"
)

// Role is a kind of worker beside the link workers, for example a care
// navigator who does light-touch signposting. It takes referrals of the
// profiles it lists (those people wait for it instead of for a link
// worker), supports them within its own limits and, if they need more
// sessions than those allow, hands them over to another role's waiting
// list instead of ending their support. Contracted hours, admin, pressure,
// recruitment and ramp-up follow [workforce].
type Role struct {
	Posts                int      `toml:"posts"`
	FTE                  float64  `toml:"fte"`
	CaseloadCapPerFTE    float64  `toml:"caseload_cap_per_fte"`
	SalaryPerFTEYear     float64  `toml:"salary_per_fte_year"`                         // on-costs as [costs]
	LeavingHazardPerYear float64  `toml:"leaving_hazard_per_year"`                     // at no pressure
	Profiles             []string `toml:"profiles"`                                    // the profiles whose referrals it takes
	Support              Limits   `toml:"support"`                                     // its episodes' limits
	HandoverTo           string   `toml:"handover_to" spsim:"optional"`                // a role (e.g. "link_workers"), or "" to end support at the limits
	SupervisionHours     float64  `toml:"supervision_hours_per_week" spsim:"optional"` // per FTE, out of session time
	// The role's own supervision's cost and effect on leaving, as
	// [workforce.supervision]'s are the link workers'.
	SupervisionCostPerFTEYear         float64 `toml:"supervision_cost_per_fte_year" spsim:"optional"`
	SupervisionLeavingHazardReduction float64 `toml:"supervision_leaving_hazard_reduction" spsim:"optional"`
}

// Areas repeats the scenario's PCN as several areas, for an integrated care
// board or England. Each area has its own link-worker team, services and
// demand, and its own calendar and random streams; they share nothing, so
// they are simulated one after another (or in parallel) and their weekly
// tables summed. Variation between areas is structural: it is drawn once
// from the scenario seed and is the same in every replication.
type Areas struct {
	Count               int        `toml:"count" spsim:"optional"`                 // copies of the area; 0 or 1 means a single area
	ReferralsMultiplier dist.Spec  `toml:"referrals_multiplier" spsim:"optional"`  // per area, multiplies demand.referrals_per_week (and timeline rates)
	ReferenceGroupShare dist.Spec  `toml:"reference_group_share" spsim:"optional"` // per area, the share of outcomes.reference_group
	List                []AreaSpec `toml:"list" spsim:"optional"`                  // named areas instead of count copies
	// File is a CSV of one row per area (a name column, then any scenario
	// key), read by the loader into List; relative to the scenario file.
	File string `toml:"file" spsim:"optional"`
}

// Several reports whether the scenario has more than one area.
func (a *Areas) Several() bool { return a.Count > 1 || len(a.List) > 0 }

// AreaSpec is one listed area.
type AreaSpec struct {
	Name                string   `toml:"name"`
	ReferralsMultiplier *float64 `toml:"referrals_multiplier" spsim:"optional"`
	ReferenceGroupShare *float64 `toml:"reference_group_share" spsim:"optional"`
	// Set overrides scenario keys for this area alone, by key path:
	// "workforce.link_workers" = 4.
	Set map[string]Value `toml:"set" spsim:"optional"`
	// Resolved is the area's scenario with Set applied, made and checked
	// by the loader; nil when Set is empty.
	Resolved *Config `toml:"-"`
}

// RunSpec sets the length and replication of an experiment.
type RunSpec struct {
	HorizonWeeks int    `toml:"horizon_weeks"`
	WarmupWeeks  int    `toml:"warmup_weeks"`
	Replications int    `toml:"replications"`
	Seed         uint64 `toml:"seed"`
	// PlausibilityWarnings, if false, silences the warnings for values
	// outside the plausible ranges, for a scenario that sets them on
	// purpose (a check against queueing theory, say). Values outside the
	// allowed ranges are still refused. Unset means true.
	PlausibilityWarnings *bool `toml:"plausibility_warnings" spsim:"optional"`
}

// Demand is the referral process: a non-homogeneous Poisson process with
// rate(t) = base × (1+growth)^(t/52) × (1 + amplitude·cos(2π(t−peak)/52)).
type Demand struct {
	ReferralsPerWeek   float64 `toml:"referrals_per_week"`
	AnnualGrowth       float64 `toml:"annual_growth"`
	SeasonalAmplitude  float64 `toml:"seasonal_amplitude"`
	SeasonalPeakWeek   float64 `toml:"seasonal_peak_week"`
	InappropriateShare float64 `toml:"inappropriate_share"`
}

// Initial is today's state, so a run starts where the service is now.
type Initial struct {
	// Waiting and Active count the people already on the waiting list and
	// on link workers' caseloads; given File or People, they count those.
	Waiting int `toml:"waiting" spsim:"unless=file,people"`
	Active  int `toml:"active" spsim:"unless=file,people"`
	// File is a caseload extract (CSV, one row per person), read by the
	// loader into People; relative to the scenario file.
	File string `toml:"file" spsim:"optional"`
	// Date is the extract's date, when the run starts (default: the day
	// after its latest referral); it turns referral dates into waits.
	Date string `toml:"date" spsim:"optional"`
	// People is today's state person by person; Waiting and Active then
	// count them.
	People []InitialPerson `toml:"people" spsim:"optional"`
}

// Statuses of a person in today's state.
const (
	StatusWaiting = "waiting" // on the waiting list
	StatusActive  = "active"  // on a link worker's caseload
)

// InitialPerson is one person in today's state, from a caseload extract:
// on the waiting list or on a caseload. Empty fields are drawn as for a new
// referral.
type InitialPerson struct {
	Status   string  `toml:"status"`                     // "waiting" or "active"
	AgeWeeks float64 `toml:"age_weeks" spsim:"optional"` // weeks since referral at the start of the run
	Sessions *int    `toml:"sessions" spsim:"optional"`  // sessions held so far (active only)
	Group    string  `toml:"group" spsim:"optional"`
	Profile  string  `toml:"profile" spsim:"optional"`
	// AwaitingPlace is set for a person on a caseload whose sessions are
	// done and who waits for a community place.
	AwaitingPlace bool `toml:"awaiting_place" spsim:"optional"`
}

// Profile is a kind of need: how much link-worker support and which
// community support a person with it needs.
type Profile struct {
	Share                 float64            `toml:"share"`                     // of referrals, unless a group overrides the mix
	Priority              int                `toml:"priority" spsim:"optional"` // higher is allocated first under priority allocation
	Complex               bool               `toml:"complex"`                   // counts towards link-worker pressure and the complex-needs KPIs
	Sessions              dist.Spec          `toml:"sessions"`                  // link-worker sessions needed (a count, at least 1)
	Needs                 map[string]float64 `toml:"needs" spsim:"optional"`    // community need category → probability
	PatienceWeeks         dist.Spec          `toml:"patience_weeks"`
	DNAProbability        float64            `toml:"dna_probability"`
	GPAppointmentsPerYear float64            `toml:"gp_appointments_per_year"`
}

// Group is a population group, for example the most deprived quintile.
type Group struct {
	Share                    float64            `toml:"share"`
	Priority                 int                `toml:"priority" spsim:"optional"`
	ProfileMix               map[string]float64 `toml:"profile_mix" spsim:"optional"` // overrides profile shares for this group
	PatienceMultiplier       float64            `toml:"patience_multiplier"`
	VCSEAcceptanceMultiplier float64            `toml:"vcse_acceptance_multiplier"`
	ServiceAcceptance        map[string]float64 `toml:"service_acceptance" spsim:"optional"` // service → multiplier, on top of the above
}

// Workforce is the link-worker team and its dynamics.
type Workforce struct {
	LinkWorkers            int        `toml:"link_workers"` // funded posts
	FTE                    float64    `toml:"fte"`          // per post
	ContractedHoursPerWeek float64    `toml:"contracted_hours_per_week"`
	CaseloadCapPerFTE      float64    `toml:"caseload_cap_per_fte"`
	AdminShare             float64    `toml:"admin_share"`
	Allocation             Allocation `toml:"allocation"`
	LeavingHazardPerYear   float64    `toml:"leaving_hazard_per_year"`
	PressureSensitivity    float64    `toml:"pressure_sensitivity"`
	ComplexPressureWeight  float64    `toml:"complex_pressure_weight"`
	RecruitmentDelayWeeks  dist.Spec  `toml:"recruitment_delay_weeks"`
	RampUpWeeks            float64    `toml:"ramp_up_weeks"`
	RampUpCapShare         float64    `toml:"ramp_up_cap_share"`
	Handover               Handover   `toml:"handover"`
	HandoverExtraSessions  int        `toml:"handover_extra_sessions"`

	// Pressure on a link worker adds, each with its weight: caseload over
	// its cap and hours beyond contract (weight 1), the share of complex
	// cases, people waiting per caseload place in the team, and people held
	// on caseload for a community place per place of their own.
	//
	// SustainableCaseloadPerFTE, if given, is the caseload a full-time
	// link worker carries without strain: pressure counts caseload, complex
	// cases and people held against it rather than against the cap, so a
	// cap raised above it strains link workers. Without it, the cap.
	SustainableCaseloadPerFTE *float64    `toml:"sustainable_caseload_per_fte" spsim:"optional"`
	WaitingPressureWeight     float64     `toml:"waiting_pressure_weight" spsim:"optional"`
	HoldingPressureWeight     float64     `toml:"holding_pressure_weight" spsim:"optional"`
	Supervision               Supervision `toml:"supervision" spsim:"optional"`
}

// Supervision is clinical supervision of link workers: it takes hours from
// sessions and costs money, and lowers the leaving hazard. All zero means
// none (61% of link workers had none, NALW 2020).
type Supervision struct {
	HoursPerWeek           float64 `toml:"hours_per_week" spsim:"optional"`           // per FTE, out of session time
	CostPerFTEYear         float64 `toml:"cost_per_fte_year" spsim:"optional"`        // the supervisor's time, GBP
	LeavingHazardReduction float64 `toml:"leaving_hazard_reduction" spsim:"optional"` // share by which the leaving hazard falls
}

// Support is how link workers run an episode.
type Support struct {
	Model                 SupportModel `toml:"model"`
	FirstSessionMinutes   float64      `toml:"first_session_minutes"`
	FollowupMinutes       float64      `toml:"followup_minutes"`
	SessionIntervalWeeks  dist.Spec    `toml:"session_interval_weeks"`
	DropoutAfterDNAs      int          `toml:"dropout_after_dnas"` // consecutive missed sessions that end an episode; 0 never
	ShortTerm             Limits       `toml:"short_term"`
	LongerTerm            Limits       `toml:"longer_term"`
	TieredLongerProfiles  []string     `toml:"tiered_longer_profiles" spsim:"optional"`
	TieredReservedShare   float64      `toml:"tiered_reserved_share" spsim:"optional"` // of each caseload, kept for longer-term work
	AssessmentMinutes     float64      `toml:"assessment_minutes"`                     // for an inappropriate referral
	InappropriateAssessed bool         `toml:"inappropriate_assessed"`
}

// Limits bound one support model's episodes.
type Limits struct {
	MaxSessions int     `toml:"max_sessions"`
	MaxWeeks    float64 `toml:"max_weeks"`
}

// Service is a community (VCSE) service that link workers refer people to.
type Service struct {
	Categories            []string  `toml:"categories"`
	Places                int       `toml:"places"`
	EngagementWeeks       dist.Spec `toml:"engagement_weeks"`
	AcceptanceProbability float64   `toml:"acceptance_probability"`
	CompletionProbability float64   `toml:"completion_probability"`
	WhenFull              WhenFull  `toml:"when_full"`
	PatienceWeeks         dist.Spec `toml:"patience_weeks"`
	GrantPerPlaceYear     float64   `toml:"grant_per_place_year" spsim:"optional"` // the service's cost follows its places
	FundingPerYear        *float64  `toml:"funding_per_year" spsim:"optional"`     // if given, must equal places × grant_per_place_year; alone, sets the grant per place
	ClosureHazardPerYear  float64   `toml:"closure_hazard_per_year"`               // while unfunded
}

// Grant is the service's grant per place a year: grant_per_place_year, or
// funding_per_year spread over its places when only that is given.
func (s *Service) Grant() float64 {
	if s.GrantPerPlaceYear > 0 || s.FundingPerYear == nil || s.Places <= 0 {
		return s.GrantPerPlaceYear
	}
	return *s.FundingPerYear / float64(s.Places)
}

// CostPerYear is what the service's places cost a year at its grant per place.
func (s *Service) CostPerYear() float64 { return float64(s.Places) * s.Grant() }

// Holding keeps a person on caseload while they wait for a community place.
type Holding struct {
	Enabled              bool    `toml:"enabled"`
	CheckinIntervalWeeks float64 `toml:"checkin_interval_weeks"`
	CheckinMinutes       float64 `toml:"checkin_minutes"`
	MaxWeeks             float64 `toml:"max_weeks"`
}

// Rereferral is the revolving door: people whose needs stayed unmet come back.
type Rereferral struct {
	Probability float64   `toml:"probability"`
	DelayWeeks  dist.Spec `toml:"delay_weeks"`
}

// Costs prices the inputs.
type Costs struct {
	SalaryPerFTEYear   float64 `toml:"salary_per_fte_year"`
	OnCostShare        float64 `toml:"on_cost_share"`
	RecruitmentCost    float64 `toml:"recruitment_cost"`
	GPAppointmentValue float64 `toml:"gp_appointment_value"`
}

// Outcomes holds assumptions used only to value results.
type Outcomes struct {
	GPEffectSize          float64 `toml:"gp_effect_size"`                   // share of GP appointments avoided once all needs are met
	GPEffectDurationWeeks float64 `toml:"gp_effect_duration_weeks"`         // how long the effect lasts
	ReferenceGroup        string  `toml:"reference_group" spsim:"optional"` // the group whose gap to the rest is the inequity gap
}

// Change is a step on the scenario timeline: at Week, every set field
// takes its new value.
type Change struct {
	Week             int                       `toml:"week"`
	Note             string                    `toml:"note" spsim:"optional"`
	LinkWorkers      *int                      `toml:"link_workers" spsim:"optional"`
	ReferralsPerWeek *float64                  `toml:"referrals_per_week" spsim:"optional"`
	Holding          *bool                     `toml:"holding" spsim:"optional"`
	Services         map[string]*ServiceChange `toml:"services" spsim:"optional"`
}

// ServiceChange alters one community service on the timeline.
type ServiceChange struct {
	Places         *int     `toml:"places" spsim:"optional"`
	FundingPerYear *float64 `toml:"funding_per_year" spsim:"optional"`
}

// The scenario's choices are typed: each has its allowed values listed once
// here, and validation refuses any other value with that list.
type (
	SupportModel string // how link workers run an episode
	Allocation   string // who on the waiting list is seen first
	Handover     string // where a leaver's caseload goes
	WhenFull     string // what a full community service does with a referral
)

// Choices.
const (
	ShortTerm  SupportModel = "short_term"  // at most short_term's sessions and weeks
	LongerTerm SupportModel = "longer_term" // longer_term's limits for everyone
	Tiered     SupportModel = "tiered"      // longer-term for tiered_longer_profiles, short-term for the rest

	FCFS     Allocation = "fcfs"     // first come, first served
	Priority Allocation = "priority" // by profile and group priority, then first come

	ToColleagues  Handover = "colleagues"   // colleagues with room, else the waiting list
	ToWaitingList Handover = "waiting_list" // back to the front of the waiting list
	Waitlist      WhenFull = "waitlist"     // a waiting list, with patience
	Refuse        WhenFull = "refuse"       // refused: the need goes unmet
)

// The allowed values of each choice, in the order error messages list them.
var (
	SupportModels = []SupportModel{ShortTerm, LongerTerm, Tiered}
	Allocations   = []Allocation{FCFS, Priority}
	Handovers     = []Handover{ToColleagues, ToWaitingList}
	WhenFullRules = []WhenFull{Waitlist, Refuse}
)

// choiceNames lists a choice's allowed values as strings.
func choiceNames[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// CaseloadPlaces is the caseload places of the funded posts, each post's
// fte × caseload_cap_per_fte rounded down, as the model caps a caseload:
// link workers' and every role's. Today's caseloads (initial.active)
// beyond them start at the front of the waiting list.
func (c *Config) CaseloadPlaces() float64 {
	w := &c.Workforce
	places := float64(w.LinkWorkers) * PostPlaces(w.FTE, w.CaseloadCapPerFTE)
	for _, r := range c.Roles {
		places += float64(r.Posts) * PostPlaces(r.FTE, r.CaseloadCapPerFTE)
	}
	return places
}

// PostPlaces is one post's caseload places: fte × cap, rounded down, with
// a small epsilon so that 0.8 FTE × 40 is 32 places, not 31.
func PostPlaces(fte, capPerFTE float64) float64 { return math.Floor(fte*capPerFTE + 1e-9) }
