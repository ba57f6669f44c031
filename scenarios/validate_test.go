package scenarios

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim/dist"
)

func ptr[T any](v T) *T { return &v }

// TestValidate breaks one rule at a time in baseline and checks that
// Validate reports it, and only it, under the right key.
func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Config)
		key    string
		msg    string
	}{
		{"horizon", func(c *Config) { c.Run.HorizonWeeks = 0 }, "run.horizon_weeks", "between 1 and 2600"},
		{"warm-up", func(c *Config) { c.Run.WarmupWeeks = c.Run.HorizonWeeks }, "run.warmup_weeks", "a warm-up at least as long as the horizon"},
		{"negative warm-up", func(c *Config) { c.Run.WarmupWeeks = -1 }, "run.warmup_weeks", "0 or more"},
		{"replications", func(c *Config) { c.Run.Replications = 0 }, "run.replications", "between 1 and 10000"},
		{"rate NaN", func(c *Config) { c.Demand.ReferralsPerWeek = math.NaN() }, "demand.referrals_per_week", "finite"},
		{"growth", func(c *Config) { c.Demand.AnnualGrowth = -1 }, "demand.annual_growth", "> -1"},
		{"peak week", func(c *Config) { c.Demand.SeasonalPeakWeek = 52 }, "demand.seasonal_peak_week", "less than 52"},
		{"waiting", func(c *Config) { c.Initial.Waiting = -1 }, "initial.waiting", "0 or more"},
		{"no profiles", func(c *Config) {
			c.Profiles = nil
			c.Groups["most_deprived"].ProfileMix = nil
			c.Groups["rest"].ProfileMix = nil
			c.Support.TieredLongerProfiles = nil
		}, "profiles", "at least one profile"},
		{"profile share", func(c *Config) { c.Profiles["low"].Share = 1.5 }, "profiles.low.share", "between 0 and 1"},
		{"sessions", func(c *Config) {
			c.Profiles["low"].Sessions = dist.Spec{Dist: "lognormal", Mean: ptr(3.0), SD: ptr(1.0)}
		}, "profiles.low.sessions", "lognormal"},
		{"no sessions", func(c *Config) { c.Profiles["low"].Sessions = dist.Constant(0) }, "profiles.low.sessions", "at least 1"},
		{"patience", func(c *Config) { c.Profiles["low"].PatienceWeeks = dist.Constant(-1) }, "profiles.low.patience_weeks", ""},
		{"dna", func(c *Config) { c.Profiles["low"].DNAProbability = 1 }, "profiles.low.dna_probability", "less than 1"},
		{"gp", func(c *Config) { c.Profiles["low"].GPAppointmentsPerYear = -1 }, "profiles.low.gp_appointments_per_year", ">= 0"},
		{"need probability", func(c *Config) { c.Profiles["low"].Needs["social_connection"] = 2 }, "profiles.low.needs.social_connection", "between 0 and 1"},
		{"group shares", func(c *Config) { c.Groups["most_deprived"].Share, c.Groups["rest"].Share = 0.42, 0.5 }, "groups", "group shares sum to 0.92, not 1"},
		{"mix sum", func(c *Config) { c.Groups["rest"].ProfileMix["low"] += 0.1 }, "groups.rest.profile_mix", "sum to 1.1,"},
		{"empty mix", func(c *Config) { c.Groups["rest"].ProfileMix = map[string]float64{} }, "groups.rest.profile_mix", "must not be empty"},
		{"patience multiplier", func(c *Config) { c.Groups["rest"].PatienceMultiplier = 0 }, "groups.rest.patience_multiplier", "> 0"},
		{"acceptance", func(c *Config) { c.Groups["rest"].ServiceAcceptance = map[string]float64{"wellbeing_groups": -1} }, "groups.rest.service_acceptance.wellbeing_groups", ">= 0"},
		{"reference group", func(c *Config) { c.Outcomes.ReferenceGroup = "poorest" }, "outcomes.reference_group", `"poorest" is not a group`},
		{"no reference group", func(c *Config) { c.Outcomes.ReferenceGroup = "" }, "outcomes.reference_group", "with 2 groups"},
		{"link workers", func(c *Config) { c.Workforce.LinkWorkers = -1 }, "workforce.link_workers", "between 0 and 100000"},
		{"fte", func(c *Config) { c.Workforce.FTE = 0 }, "workforce.fte", "more than 0 and at most 1.5"},
		{"hours", func(c *Config) { c.Workforce.ContractedHoursPerWeek = 100 }, "workforce.contracted_hours_per_week", "at most 80"},
		{"admin", func(c *Config) { c.Workforce.AdminShare = 1 }, "workforce.admin_share", "less than 1"},
		{"allocation", func(c *Config) { c.Workforce.Allocation = "FCFS" }, "workforce.allocation", `did you mean "fcfs"?`},
		{"recruitment", func(c *Config) { c.Workforce.RecruitmentDelayWeeks = dist.Spec{Dist: "poisson", Mean: ptr(3.0)} }, "workforce.recruitment_delay_weeks", "poisson"},
		{"ramp-up share", func(c *Config) { c.Workforce.RampUpCapShare = 0 }, "workforce.ramp_up_cap_share", "more than 0 and at most 1"},
		{"handover", func(c *Config) { c.Workforce.Handover = "colleague" }, "workforce.handover", `did you mean "colleagues"?`},
		{"handover sessions", func(c *Config) { c.Workforce.HandoverExtraSessions = -1 }, "workforce.handover_extra_sessions", "0 or more"},
		{"model", func(c *Config) { c.Support.Model = "long" }, "support.model", `"short_term", "longer_term", "tiered"`},
		{"minutes", func(c *Config) { c.Support.FollowupMinutes = 0 }, "support.followup_minutes", "> 0"},
		{"interval", func(c *Config) { c.Support.SessionIntervalWeeks = dist.Constant(0) }, "support.session_interval_weeks", "mean must be > 0"},
		{"max sessions", func(c *Config) { c.Support.LongerTerm.MaxSessions = 0 }, "support.longer_term.max_sessions", "1 or more"},
		{"max weeks", func(c *Config) { c.Support.ShortTerm.MaxWeeks = 0 }, "support.short_term.max_weeks", "> 0"},
		{"tiered without profiles", func(c *Config) { c.Support.Model = "tiered"; c.Support.TieredLongerProfiles = nil }, "support.tiered_longer_profiles", "at least one profile"},
		{"tiered profile", func(c *Config) { c.Support.TieredLongerProfiles = []string{"complx"} }, "support.tiered_longer_profiles.0", `did you mean "complex"?`},
		{"reserved share", func(c *Config) { c.Support.TieredReservedShare = 1 }, "support.tiered_reserved_share", "less than 1"},
		{"duplicate category", func(c *Config) { c.Categories = slices.Insert(c.Categories, 1, c.Categories[0]) }, "categories.1", "listed twice"},
		{"empty category", func(c *Config) { c.Categories = slices.Insert(c.Categories, 0, " ") }, "categories.0", "must not be empty"},
		{"service categories", func(c *Config) { c.Services["wellbeing_groups"].Categories = nil }, "services.wellbeing_groups.categories", "at least one"},
		{"service category", func(c *Config) { c.Services["food_and_practical"].Categories = []string{"food"} }, "services.food_and_practical.categories.0", `"food" is not a declared category`},
		{"unserved need", func(c *Config) { delete(c.Services, "food_and_practical") }, "profiles.complex.needs.practical_support", `no service meets the category "practical_support"`},
		{"places", func(c *Config) { c.Services["wellbeing_groups"].Places = -1 }, "services.wellbeing_groups.places", "0 or more"},
		{"when full", func(c *Config) { c.Services["wellbeing_groups"].WhenFull = "wait" }, "services.wellbeing_groups.when_full", `"waitlist", "refuse"`},
		{"funding", func(c *Config) { f := math.Inf(1); c.Services["wellbeing_groups"].FundingPerYear = &f }, "services.wellbeing_groups.funding_per_year", "finite"},
		{"checkin", func(c *Config) { c.Holding.CheckinIntervalWeeks = 0 }, "holding.checkin_interval_weeks", "> 0"},
		{"rereferral", func(c *Config) { c.Rereferral.Probability = -0.1 }, "rereferral.probability", "between 0 and 1"},
		{"costs", func(c *Config) { c.Costs.OnCostShare = -0.1 }, "costs.on_cost_share", ">= 0"},
		{"gp effect", func(c *Config) { c.Outcomes.GPEffectSize = 1.1 }, "outcomes.gp_effect_size", "between 0 and 1"},
		{"timeline week 0", func(c *Config) { c.Timeline = []Change{{Week: 0, LinkWorkers: ptr(4)}} }, "timeline.0.week", "at least 1"},
		{"timeline past horizon", func(c *Config) { c.Timeline = []Change{{Week: c.Run.HorizonWeeks, LinkWorkers: ptr(4)}} }, "timeline.0.week", "a timeline week past the horizon"},
		{"timeline workers", func(c *Config) { c.Timeline = []Change{{Week: 5, LinkWorkers: ptr(-1)}} }, "timeline.0.link_workers", "between 0 and 100000"},
		{"timeline rate", func(c *Config) { c.Timeline = []Change{{Week: 5, ReferralsPerWeek: ptr(0.0)}} }, "timeline.0.referrals_per_week", "> 0"},
		{"timeline step changing nothing", func(c *Config) { c.Timeline = []Change{{Week: 5, Note: "federation takes over"}} }, "timeline.0", "this step changes nothing"},
		{"timeline service", func(c *Config) {
			c.Timeline = []Change{{Week: 5, Services: map[string]*ServiceChange{"wellbeing_group": {Places: ptr(1)}}}}
		}, "timeline.0.services.wellbeing_group", `did you mean "wellbeing_groups"?`},
		{"timeline places", func(c *Config) {
			c.Timeline = []Change{{Week: 5, Services: map[string]*ServiceChange{"wellbeing_groups": {Places: ptr(-1)}}}}
		}, "timeline.0.services.wellbeing_groups.places", "0 or more"},
		{"handover loop", func(c *Config) {
			role := func(profile, to string) *Role {
				return &Role{Posts: 1, FTE: 1, CaseloadCapPerFTE: 60, Profiles: []string{profile}, Support: Limits{MaxSessions: 3, MaxWeeks: 6}, HandoverTo: to}
			}
			c.Roles = map[string]*Role{"a": role("low", "b"), "b": role("moderate", "a")}
		}, "roles.a.handover_to", "hands over in a loop (a → b → a)"},
		{"name", func(c *Config) { c.Name = "" }, "name", "must not be empty"},
		{"name with an escape", func(c *Config) { c.Name = "a\x1b[31mred" }, "name", "must not contain control characters"},
		{"question with an escape", func(c *Config) { c.Question = "why?\x1b[2K" }, "question", "must not contain control characters other than line breaks"},
		{"area count", func(c *Config) { c.Areas.Count = -1 }, "areas.count", "between 0 and 10000"},
		{"area multiplier", func(c *Config) { c.Areas.ReferralsMultiplier = dist.Constant(0) }, "areas.referrals_multiplier", "mean must be > 0"},
		{"area share dist", func(c *Config) {
			c.Areas.ReferenceGroupShare = dist.Spec{Dist: "gamma", Mean: ptr(0.4), SD: ptr(0.1)}
		}, "areas.reference_group_share", "must stay between 0 and 1"},
		{"area share range", func(c *Config) {
			c.Areas.ReferenceGroupShare = dist.Spec{Dist: "uniform", Min: ptr(0.1), Max: ptr(1.5)}
		}, "areas.reference_group_share", "must stay between 0 and 1"},
		{"area share without group", func(c *Config) {
			c.Areas.ReferenceGroupShare = dist.Constant(0.5)
			c.Groups = map[string]*Group{"all": {Share: 1, PatienceMultiplier: 1, VCSEAcceptanceMultiplier: 1}}
			c.Outcomes.ReferenceGroup = ""
		}, "areas.reference_group_share", "needs outcomes.reference_group"},
		{"count and list", func(c *Config) {
			c.Areas.Count = 3
			c.Areas.List = []AreaSpec{{Name: "a"}}
		}, "areas.list", "not both"},
		{"area name", func(c *Config) { c.Areas.List = []AreaSpec{{Name: "a"}, {Name: "a"}} }, "areas.list.1.name", "listed twice"},
		{"area name a formula", func(c *Config) { c.Areas.List = []AreaSpec{{Name: "a"}, {Name: `=HYPERLINK("http://x","y")`}} }, "areas.list.1.name", "take for a formula"},
		{"listed share", func(c *Config) {
			c.Areas.List = []AreaSpec{{Name: "a", ReferenceGroupShare: ptr(1.2)}}
		}, "areas.list.0.reference_group_share", "between 0 and 1"},
	}
	// Errors that follow from the one under test: the service no longer
	// meets a need that only it met.
	others := map[string]int{"service categories": 1, "service category": 1}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := loadBaseline(t)
			tt.change(c)
			errs := Validate(c)
			found := false
			for _, e := range errs {
				found = found || e.Key == tt.key && strings.Contains(e.Msg, tt.msg)
			}
			if !found || len(errs) != 1+others[tt.name] {
				t.Errorf("Validate = %v\nwant %d errors, one %s: ...%s...", errs, 1+others[tt.name], tt.key, tt.msg)
			}
		})
	}
}

// TestValidateReportsAll checks that independent problems are all reported.
func TestValidateReportsAll(t *testing.T) {
	c := loadBaseline(t)
	c.Run.Replications = 0
	c.Workforce.FTE = 2
	c.Services["wellbeing_groups"].Places = -1
	c.Timeline = []Change{{Week: 999, LinkWorkers: ptr(4)}}
	if errs := Validate(c); len(errs) != 4 {
		t.Errorf("got %d errors, want 4: %v", len(errs), errs)
	}
}
