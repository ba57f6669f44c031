package sim

// The KPIs and weekly columns, with their names as constants: code outside
// the model names a measure by its constant, never by a bare string. Names
// are part of spsim's interface (CSV, JSON, scripts): change them only with
// care. Adding a KPI: a constant and a table entry here, and its formula in
// kpis (result.go); the README's table is checked against this one.

// KPI names.
const (
	KPIReferrals                = "referrals"
	KPIRereferrals              = "rereferrals"
	KPIInappropriate            = "inappropriate"
	KPIFirstContacts            = "first_contacts"
	KPIWaitMean                 = "wait_first_contact_mean_weeks"
	KPIWaitMedian               = "wait_first_contact_median_weeks"
	KPIWaitP90                  = "wait_first_contact_p90_weeks"
	KPIListTimeMean             = "wait_list_time_mean_weeks"
	KPIWaitingListMean          = "waiting_list_mean"
	KPIWaitingListEnd           = "waiting_list_end"
	KPIReneged                  = "reneged"
	KPIRenegedShare             = "reneged_share"
	KPIEpisodesCompleted        = "episodes_completed"
	KPIShortSupport             = "needs_unmet_short_support"
	KPIDropouts                 = "dropouts"
	KPICaseloadMean             = "caseload_mean"
	KPICaseloadPerFTE           = "caseload_per_fte_mean"
	KPICaseloadCapPerFTE        = "caseload_cap_per_fte"
	KPIUtilisation              = "lw_utilisation"
	KPIHoursUtilisation         = "lw_hours_utilisation"
	KPICapacityPlaces           = "capacity_places_mean"
	KPICapacityHours            = "capacity_hours_mean"
	KPISessionHours             = "session_hours_mean"
	KPIHoldingWeeks             = "holding_weeks"
	KPIVCSEReferrals            = "vcse_referrals"
	KPIVCSEAccepted             = "vcse_accepted"
	KPIVCSEWaitlisted           = "vcse_waitlisted"
	KPIVCSERefused              = "vcse_refused"
	KPIVCSEDeclined             = "vcse_declined"
	KPIVCSEGaveUp               = "vcse_gave_up"
	KPIVCSEOccupancy            = "vcse_occupancy"
	KPIVCSEWaitingMean          = "vcse_waiting_mean"
	KPIVCSEClosures             = "vcse_closures"
	KPINeedsMet                 = "needs_met"
	KPINeedsUnmet               = "needs_unmet"
	KPINeedsMetShare            = "needs_met_share"
	KPIPeopleNeedsMet           = "people_needs_met"
	KPILeavers                  = "leavers"
	KPIVacancyWeeks             = "vacancy_weeks"
	KPIPressureMean             = "pressure_mean"
	KPICostLW                   = "cost_lw"
	KPICostRecruitment          = "cost_recruitment"
	KPICostVCSE                 = "cost_vcse"
	KPICostTotal                = "cost_total"
	KPICostPerPersonSupported   = "cost_per_person_supported"
	KPICostPerNeedMet           = "cost_per_need_met"
	KPIGPAppointmentsAvoided    = "gp_appointments_avoided_assumed"
	KPIGPValue                  = "gp_value_assumed"
	KPIAllNeedsMetShare         = "all_needs_met_share" // per profile
	KPIInequityGapNeedsMetShare = "inequity_gap_needs_met_share"
	KPIInequityGapWait          = "inequity_gap_wait_weeks"
	KPIInequityGapRenegedShare  = "inequity_gap_reneged_share"

	KPINewReferrals             = "new_referrals"
	KPIPeopleSupportedPerFTE    = "people_supported_per_fte_year"
	KPIEpisodeWeeksMean         = "episode_weeks_mean"
	KPIContactsPerEpisode       = "contacts_per_episode_mean"
	KPILeaversPerFTE            = "leavers_per_fte_year"
	KPINeedsUnseen              = "needs_unseen"
	KPINeedsMetShareReached     = "needs_met_share_reached"
	KPINeedsMetPer1000Referrals = "needs_met_per_1000_referrals"
	KPIReferredAllNeedsMetShare = "referred_all_needs_met_share"
	KPICostSupervision          = "cost_supervision"
	KPIRoleHandovers            = "role_handovers"
	KPIHandoverWaitMean         = "wait_after_handover_mean_weeks"
)

// Weekly column names. Flows are per week, levels at the week's end
// ("_end") or averaged over it ("_mean": the week's time integral).
const (
	ColWeek                 = "week"
	ColReferrals            = "referrals"
	ColRereferrals          = "rereferrals"
	ColInappropriate        = "inappropriate"
	ColFirstContacts        = "first_contacts"
	ColWaitSum              = "wait_first_contact_sum"
	ColReneged              = "reneged"
	ColListJoins            = "list_joins"
	ColWaitingListEnd       = "waiting_list_end"
	ColWaitingListMean      = "waiting_list_mean"
	ColListExits            = "list_exits"
	ColListSojournSum       = "list_sojourn_sum"
	ColCaseloadEnd          = "caseload_end"
	ColCaseloadMean         = "caseload_mean"
	ColCaseloadEntries      = "caseload_entries"
	ColCaseloadExits        = "caseload_exits"
	ColCaseloadSojournSum   = "caseload_sojourn_sum"
	ColHoldingEnd           = "holding_end"
	ColHoldingWeeks         = "holding_weeks"
	ColCapacityPlacesMean   = "capacity_places_mean"
	ColCapacityPlacesEnd    = "capacity_places_end"
	ColCapacityHours        = "capacity_hours"
	ColSessionHours         = "session_hours"
	ColFTEInPostMean        = "fte_in_post_mean"
	ColPostsFunded          = "posts_funded"
	ColVacanciesEnd         = "vacancies_end"
	ColVacancyWeeks         = "vacancy_weeks"
	ColEpisodesCompleted    = "episodes_completed"
	ColShortSupport         = "needs_unmet_short_support"
	ColDNA                  = "dna"
	ColDropouts             = "dropouts"
	ColVCSEReferrals        = "vcse_referrals"
	ColVCSEAccepted         = "vcse_accepted"
	ColVCSEDeclined         = "vcse_declined"
	ColVCSEWaitlisted       = "vcse_waitlisted"
	ColVCSERefused          = "vcse_refused"
	ColVCSEGaveUp           = "vcse_gave_up"
	ColVCSEWaitingEnd       = "vcse_waiting_end"
	ColVCSEWaitingMean      = "vcse_waiting_mean"
	ColVCSEPlacesMean       = "vcse_places_mean"
	ColVCSEOccupiedMean     = "vcse_occupied_mean"
	ColVCSEFilledMean       = "vcse_filled_mean"
	ColVCSEClosures         = "vcse_closures"
	ColNeedsMet             = "needs_met"
	ColNeedsUnmet           = "needs_unmet"
	ColPeopleNeedsMet       = "people_needs_met"
	ColGPAvoided            = "gp_appointments_avoided"
	ColLeavers              = "leavers"
	ColPostsEnded           = "posts_ended"
	ColHandovers            = "handovers"
	ColPressureSum          = "pressure_sum"
	ColLWAssessed           = "lw_assessed"
	ColCostLW               = "cost_lw"
	ColCostRecruitment      = "cost_recruitment"
	ColCostVCSE             = "cost_vcse"
	ColCostSupervision      = "cost_supervision"
	ColEpisodeWeeksSum      = "episode_weeks_sum"
	ColEpisodeContactsSum   = "episode_contacts_sum"
	ColNeedsUnseen          = "needs_unseen"
	ColReferralsEnded       = "referrals_ended"
	ColRoleHandovers        = "role_handovers"
	ColHandoverWaitSum      = "handover_wait_sum"
	ColHandoversSeen        = "handovers_seen"
	ColSupportedConcluded   = "supported_concluded"     // per profile
	ColSupportedAllNeedsMet = "supported_all_needs_met" // per profile
)

const (
	peopleYear = "people/year"
	refsYear   = "referrals/year"
	gbpYear    = "GBP/year"
)

var kpiTable = []Measure{
	count(KPIReferrals, peopleYear, "Referrals", "referrals received, re-referrals included", Neutral),
	count(KPINewReferrals, peopleYear, "New referrals", "referrals received, re-referrals excluded (calibration: about 1,000-1,100 a PCN)", Neutral),
	count(KPIRereferrals, peopleYear, "Re-referrals", "referrals of people whose needs had stayed unmet", Neutral),
	count(KPIInappropriate, peopleYear, "Inappropriate referrals", "referrals assessed and closed", Neutral),
	count(KPIFirstContacts, peopleYear, "First contacts", "people seen for the first time", HigherIsBetter),
	ratio(KPIWaitMean, UnitWeeks, "Wait to first contact, mean", "mean wait from referral to first contact, of people first seen after the warm-up", "people first seen", LowerIsBetter),
	ratio(KPIWaitMedian, UnitWeeks, "Wait to first contact, median", "median of that wait (daily bins)", "people first seen", LowerIsBetter),
	ratio(KPIWaitP90, UnitWeeks, "Wait to first contact, 90th percentile", "90th percentile of that wait (daily bins)", "people first seen", LowerIsBetter),
	ratio(KPIListTimeMean, UnitWeeks, "Time on the waiting list, mean", "mean time on the waiting list of everyone who left it (seen or gave up)", "people leaving the list", LowerIsBetter),
	count(KPIWaitingListMean, "people", "People on the waiting list, mean", "time-average waiting list", LowerIsBetter),
	count(KPIWaitingListEnd, "people", "People on the waiting list at the end", "waiting list at the end of the run", LowerIsBetter),
	count(KPIReneged, peopleYear, "People who gave up waiting", "people who gave up waiting", LowerIsBetter),
	share(KPIRenegedShare, "Share of waiting list leavers who gave up", "of people leaving the list, the share who gave up", "people leaving the list", LowerIsBetter),
	count(KPIEpisodesCompleted, peopleYear, "Support episodes completed", "discharges from a caseload", HigherIsBetter),
	ratio(KPIPeopleSupportedPerFTE, "people/FTE-year", "People supported per FTE a year", "link workers' support episodes completed per FTE-year in post (calibration: 200-250)", "link workers' FTE-years in post", Neutral),
	ratio(KPIEpisodeWeeksMean, UnitWeeks, "Support episode length, mean", "weeks from first contact to discharge, holding included, of episodes completed (calibration: 9-12)", "episodes completed", Neutral),
	ratio(KPIContactsPerEpisode, "contacts", "Contacts per support episode, mean", "sessions attended, the first contact included, of episodes completed (guidance: 6-12; short-term support's limit of 6 keeps the baseline below)", "episodes completed", Neutral),
	count(KPIShortSupport, peopleYear, "Episodes ended by session limits, needs unmet", "episodes ended by the support model's limits with sessions still needed; a count that rises as more people are seen, so neither way is better", Neutral),
	count(KPIDropouts, peopleYear, "Drop-outs", "episodes ended after consecutive missed sessions; rises as more people are seen, so neither way is better", Neutral),
	count(KPICaseloadMean, "people", "Caseload, mean", "time-average people on caseloads (holding included), every role's", Neutral),
	ratio(KPICaseloadPerFTE, "people/FTE", "Caseload per FTE", "link workers' caseload per FTE in post", "link workers' FTE in post", Neutral),
	count(KPICaseloadCapPerFTE, "people/FTE", "Caseload cap per FTE", "the cap caseloads are held against", Neutral),
	// A share: no caseload passes its cap (checkLinkWorkers), so no interval may pass 100%.
	share(KPIUtilisation, "Link-worker caseload utilisation", "link workers' caseload over their caseload places (time averages); with several roles, each other role has its own", "caseload places", Neutral),
	ratio(KPIHoursUtilisation, UnitShare, "Session hours utilisation", "session hours over contracted session hours (after admin), every role's; above 1 is work beyond contract", "contracted session hours", Neutral),
	count(KPICapacityPlaces, "places", "Caseload places", "caseload places in post, mean, every role's", Neutral),
	count(KPICapacityHours, "hours/week", "Hours available for sessions", "contracted session hours in post, mean", Neutral),
	count(KPISessionHours, "hours/week", "Session hours delivered", "session hours used, mean", Neutral),
	count(KPIHoldingWeeks, "person-weeks/year", "Weeks held on caseload awaiting a community place", "time people spent held on caseload waiting for a community place; rises as more people are seen, so neither way is better", Neutral),
	count(KPIVCSEReferrals, refsYear, "Onward (VCSE) referrals", "onward referrals made", Neutral),
	count(KPIVCSEAccepted, refsYear, "VCSE referrals accepted", "onward referrals taken on, at once or onto the service's list (not those refused when full)", HigherIsBetter),
	count(KPIVCSEWaitlisted, refsYear, "VCSE referrals waitlisted", "onward referrals put on a service's waiting list; rises as more people are referred on and falls when a service closes, so neither way is better", Neutral),
	count(KPIVCSERefused, refsYear, "VCSE referrals refused (full or closed)", "onward referrals refused when full, or with no open service; rises as more people are referred on, so neither way is better", Neutral),
	count(KPIVCSEDeclined, refsYear, "VCSE referrals declined", "onward referrals declined by the acceptance rule; rises as more people are referred on, so neither way is better", Neutral),
	count(KPIVCSEGaveUp, refsYear, "VCSE waiters who gave up", "onward referrals that gave up on the service's list; rises as more people are referred on and falls when a service closes, so neither way is better", Neutral),
	ratio(KPIVCSEOccupancy, UnitShare, "VCSE occupancy", "community places filled: people in places, never more than the places (people still in places a timeline cut removed are not counted as filling any)", "community places", Neutral),
	count(KPIVCSEWaitingMean, "people", "Waiting for a community place, mean", "needs on community services' waiting lists, time average; rises as more people are referred on, so neither way is better", Neutral),
	count(KPIVCSEClosures, "services", "VCSE services closing after the warm-up", "services closed (unfunded) during the measured period; one closed during the warm-up is not counted", LowerIsBetter),
	count(KPINeedsMet, "needs/year", "Needs met", "community needs resolved as met", HigherIsBetter),
	count(KPINeedsUnmet, "needs/year", "Needs unmet, of people seen", "community needs resolved as unmet, of people seen; rises as more people are seen, so neither way is better (needs met per 1,000 referrals counts everyone)", Neutral),
	count(KPINeedsUnseen, "needs/year", "Needs never seen", "community needs of people who gave up waiting for a link worker: unmet, never referred on", LowerIsBetter),
	share(KPINeedsMetShare, "Share of needs met", "headline: needs met over every need of appropriate referrals that ended, including the needs of people who gave up waiting (never seen)", "needs met + unmet + never seen", HigherIsBetter),
	share(KPINeedsMetShareReached, "Share of needs met, of those that reached a service", "needs met over needs resolved by a community service; not a headline: it rises when fewer people are seen, so neither way is better", "needs that reached a service", Neutral),
	ratio(KPINeedsMetPer1000Referrals, "needs/1,000 referrals", "Needs met per 1,000 referrals", "headline: community needs met per 1,000 appropriate referrals", "appropriate referrals (referrals less inappropriate ones)", HigherIsBetter),
	count(KPIPeopleNeedsMet, peopleYear, "People with all needs met", "people discharged with every need met", HigherIsBetter),
	share(KPIReferredAllNeedsMetShare, "Share of referred people with every need met", "headline: of appropriate referrals that ended (supported, or gave up waiting), the share that ended with every need met", "appropriate referrals ended", HigherIsBetter),
	count(KPILeavers, peopleYear, "Link workers leaving", "link workers who left (turnover)", LowerIsBetter),
	ratio(KPILeaversPerFTE, "people/FTE-year", "Link workers leaving per FTE", "link workers leaving per FTE-year in post", "link workers' FTE-years in post", LowerIsBetter),
	count(KPIVacancyWeeks, "post-weeks/year", "Vacancy weeks", "funded posts left empty, every role's", LowerIsBetter),
	ratio(KPIPressureMean, UnitIndex, "Workload pressure index", "mean link-worker pressure: caseload over cap, hours beyond contract, complex share, people waiting per caseload place, people held for a community place per place (each weighted)", "link-worker weeks in post", LowerIsBetter),
	count(KPICostLW, gbpYear, "Staff pay", "pay with on-costs of every post in post: the link workers', and any other role's", LowerIsBetter),
	count(KPICostRecruitment, gbpYear, "Recruitment cost", "recruitment", LowerIsBetter),
	count(KPICostSupervision, gbpYear, "Supervision cost", "clinical supervision of link workers", LowerIsBetter),
	count(KPICostVCSE, gbpYear, "VCSE grants", "community grants: each open service's places at its grant per place", LowerIsBetter),
	count(KPICostTotal, gbpYear, "Total cost", "link workers, supervision, recruitment and community grants", LowerIsBetter),
	ratio(KPICostPerPersonSupported, UnitGBP, "Cost per person supported", "total cost over episodes completed", "episodes completed", LowerIsBetter),
	ratio(KPICostPerNeedMet, UnitGBP, "Cost per need met", "total cost over needs met", "needs met", LowerIsBetter),
	count(KPIGPAppointmentsAvoided, "appointments/year", "GP appointments avoided (assumption-driven)", "**assumption-driven**: from the scenario's effect size for people whose needs were all met", HigherIsBetter),
	count(KPIGPValue, gbpYear, "Value of GP appointments avoided (assumption-driven)", "**assumption-driven**: those appointments valued", HigherIsBetter),

	per(PerGroup, share(KPINeedsMetShare, "Share of needs met", "needs met over every need, never-seen ones included, for the group", "needs met + unmet + never seen", HigherIsBetter)),
	per(PerGroup, ratio(KPIWaitMean, "weeks", "Wait to first contact, mean", "mean wait to first contact, for the group", "people first seen", LowerIsBetter)),
	per(PerGroup, count(KPIShortSupport, peopleYear, "Episodes ended by session limits, needs unmet", "support cut short, for the group", Neutral)),
	per(PerGroup, count(KPIReneged, peopleYear, "People who gave up waiting", "people who gave up waiting, for the group", LowerIsBetter)),
	per(PerProfile, count(KPIShortSupport, peopleYear, "Episodes ended by session limits, needs unmet", "support cut short, for the profile", Neutral)),
	per(PerProfile, count(KPIEpisodesCompleted, peopleYear, "Support episodes completed", "discharges from a caseload, for the profile", HigherIsBetter)),
	per(PerProfile, share(KPIAllNeedsMetShare, "Share of supported people with all needs met", "share of supported people with every need met, for the profile; not a headline: it rises when fewer people are supported, so neither way is better", "supported people concluded", Neutral)),
	per(PerProfile, ratio(KPIWaitMean, UnitWeeks, "Wait to first contact, mean", "mean wait to first contact, for the profile: under tiered support, how long each tier waits; not defined where nobody of the profile was seen", "people first seen", LowerIsBetter)),
	count(KPIRoleHandovers, peopleYear, "People handed from one role to another", "people whose support reached a role's limits and who went on to another role (for example a care navigator to a link worker); with several roles", Neutral),
	ratio(KPIHandoverWaitMean, UnitWeeks, "Wait after a handover, mean", "weeks a person handed on waits for the next role's first session: a second wait, which the wait to first contact leaves out; with several roles", "people seen after a handover", LowerIsBetter),
	per(PerRole, ratio(KPICaseloadPerFTE, "people/FTE", "Caseload per FTE", "caseload per FTE in post, for the role", "FTE in post", Neutral)),
	per(PerRole, count(KPIEpisodesCompleted, peopleYear, "Support episodes completed", "discharges from the role's caseloads", HigherIsBetter)),
	per(PerRole, share(KPIUtilisation, "Caseload utilisation", "the role's caseload over its places", "the role's caseload places", Neutral)),
	per(PerRole, ratio(KPIPressureMean, UnitIndex, "Workload pressure index", "mean pressure of the role's posts in post", "the role's weeks in post", LowerIsBetter)),
	per(PerRole, ratio(KPILeaversPerFTE, "people/FTE-year", "Leaving per FTE", "the role's leavers per FTE-year in post", "the role's FTE-years in post", LowerIsBetter)),
	per(PerService, ratio(KPIVCSEOccupancy, UnitShare, "VCSE occupancy", "the service's places filled: people in its places, never more than its places; where extra places would be taken up, and where they would stand empty", "the service's places", Neutral)),
	per(PerService, count(KPIVCSEWaitingMean, "people", "Waiting for a community place, mean", "needs on the service's waiting list, time average", Neutral)),
	per(PerService, count(KPIVCSERefused, refsYear, "VCSE referrals refused when full", "onward referrals the service refused because it was full (one refused because every service for its need had closed is in vcse_refused alone)", Neutral)),

	{Name: KPIInequityGapNeedsMetShare, Unit: UnitShare, Label: "Inequity gap in needs met (reference group minus rest)",
		Description: "the reference group (e.g. most deprived) minus everyone else: share of needs met (headline definition)", Denominator: "needs met + unmet + never seen", Min: -1, Max: 1, Gap: true},
	{Name: KPIInequityGapWait, Unit: UnitWeeks, Label: "Inequity gap in wait (reference group minus rest)",
		Description: "the reference group minus everyone else: mean wait to first contact of people seen; where the reference group gives up sooner, its longest waits leave the measure (read it with inequity_gap_reneged_share)", Denominator: "people first seen", Min: -inf, Max: inf, Gap: true},
	{Name: KPIInequityGapRenegedShare, Unit: UnitShare, Label: "Inequity gap in giving up waiting (reference group minus rest)",
		Description: "the reference group minus everyone else: share of people leaving the waiting list who gave up rather than being seen", Denominator: "people leaving the waiting list (seen or gave up)", Min: -1, Max: 1, Gap: true},
}

var columnTable = []Measure{
	{Name: ColWeek, Unit: "week", Label: "Week", Description: "week number from 0", Max: inf},
	count(ColReferrals, "people", "Referrals", "referrals received, re-referrals included", Neutral),
	count(ColRereferrals, "people", "Re-referrals", "referrals of people whose needs had stayed unmet", Neutral),
	count(ColInappropriate, "people", "Inappropriate referrals", "referrals assessed and closed", Neutral),
	count(ColFirstContacts, "people", "First contacts", "people seen for the first time", HigherIsBetter),
	count(ColWaitSum, "person-weeks", "Waits to first contact, summed", "sum of the waits of people first seen this week", Neutral),
	count(ColReneged, "people", "People who gave up waiting", "people who gave up waiting", LowerIsBetter),
	count(ColListJoins, "people", "Waiting list joins", "people joining the waiting list (hand-backs included)", Neutral),
	count(ColWaitingListEnd, "people", "Waiting list at the week's end", "people waiting at the week's end", LowerIsBetter),
	count(ColWaitingListMean, "people", "Waiting list, mean", "time-average waiting list over the week", LowerIsBetter),
	count(ColListExits, "people", "Waiting list leavers", "people leaving the list, seen or gave up", Neutral),
	count(ColListSojournSum, "person-weeks", "Time on the list of leavers, summed", "sum of the times on the list of this week's leavers", Neutral),
	count(ColCaseloadEnd, "people", "Caseload at the week's end", "people on caseloads at the week's end", Neutral),
	count(ColCaseloadMean, "people", "Caseload, mean", "time-average people on caseloads (holding included)", Neutral),
	count(ColCaseloadEntries, "people", "Caseload entries", "people joining a caseload (hand-overs aside)", Neutral),
	count(ColCaseloadExits, "people", "Caseload exits", "people leaving a caseload", Neutral),
	count(ColCaseloadSojournSum, "person-weeks", "Time on caseload of leavers, summed", "sum of the times on caseload of this week's leavers", Neutral),
	count(ColHoldingEnd, "people", "Held at the week's end", "people held on caseload awaiting a community place", LowerIsBetter),
	count(ColHoldingWeeks, "person-weeks", "Weeks held awaiting a community place", "time people spent held", LowerIsBetter),
	count(ColCapacityPlacesMean, "places", "Caseload places, mean", "caseload places in post, time average", Neutral),
	count(ColCapacityPlacesEnd, "places", "Caseload places at the week's end", "caseload places in post", Neutral),
	count(ColCapacityHours, "hours", "Hours available for sessions", "contracted session hours in post", Neutral),
	count(ColSessionHours, "hours", "Session hours delivered", "session hours used", Neutral),
	count(ColFTEInPostMean, "FTE", "FTE in post, mean", "link-worker FTE in post, time average", Neutral),
	count(ColPostsFunded, "posts", "Funded posts", "funded link-worker posts", Neutral),
	count(ColVacanciesEnd, "posts", "Vacant posts at the week's end", "funded posts empty", LowerIsBetter),
	count(ColVacancyWeeks, "post-weeks", "Vacancy weeks", "funded posts left empty", LowerIsBetter),
	count(ColEpisodesCompleted, "people", "Support episodes completed", "discharges from a caseload", HigherIsBetter),
	count(ColShortSupport, "people", "Episodes ended by session limits, needs unmet", "episodes ended by the support model's limits", LowerIsBetter),
	count(ColDNA, "sessions", "Missed sessions", "sessions not attended", LowerIsBetter),
	count(ColDropouts, "people", "Drop-outs", "episodes ended after consecutive missed sessions", LowerIsBetter),
	count(ColVCSEReferrals, "referrals", "Onward (VCSE) referrals", "onward referrals made", Neutral),
	count(ColVCSEAccepted, "referrals", "VCSE referrals accepted", "taken on, at once or onto the service's list", HigherIsBetter),
	count(ColVCSEDeclined, "referrals", "VCSE referrals declined", "declined by the acceptance rule", Neutral),
	count(ColVCSEWaitlisted, "referrals", "VCSE referrals waitlisted", "put on a service's waiting list", Neutral),
	count(ColVCSERefused, "referrals", "VCSE referrals refused (full or closed)", "refused when full or no open service", Neutral),
	count(ColVCSEGaveUp, "referrals", "VCSE waiters who gave up", "gave up on a service's list", Neutral),
	count(ColVCSEWaitingEnd, "people", "VCSE waiting at the week's end", "needs waiting for a community place", LowerIsBetter),
	count(ColVCSEWaitingMean, "people", "VCSE waiting, mean", "needs waiting for a community place, time average", LowerIsBetter),
	count(ColVCSEPlacesMean, "places", "Community places, mean", "community places open, time average", Neutral),
	count(ColVCSEOccupiedMean, "people", "People in community places, mean", "people attending a community service, time average: above the places only while people in places a timeline cut removed finish", Neutral),
	count(ColVCSEFilledMean, "places", "Community places filled, mean", "community places filled, time average: people in places, never more than the places", Neutral),
	count(ColVCSEClosures, "services", "VCSE services closed", "services closed (unfunded)", LowerIsBetter),
	count(ColNeedsMet, "needs", "Needs met", "community needs resolved as met", HigherIsBetter),
	count(ColNeedsUnmet, "needs", "Needs unmet", "community needs resolved as unmet", LowerIsBetter),
	count(ColPeopleNeedsMet, "people", "People with all needs met", "people concluded with every need met", HigherIsBetter),
	count(ColGPAvoided, "appointments", "GP appointments avoided (assumption-driven)", "from the scenario's effect size", HigherIsBetter),
	count(ColLeavers, "people", "Link workers leaving", "link workers who left", LowerIsBetter),
	count(ColPostsEnded, "posts", "Posts ended", "funded posts ended by the timeline", Neutral),
	count(ColHandovers, "people", "Hand-overs", "people handed to a colleague when their link worker left", Neutral),
	count(ColPressureSum, UnitIndex, "Workload pressure, summed over link workers", "pressure of each link worker in post, summed", LowerIsBetter),
	count(ColLWAssessed, "link workers", "Link workers assessed for pressure", "link workers in post at the weekly turnover check", Neutral),
	count(ColCostLW, UnitGBP, "Staff pay", "pay with on-costs of FTE in post, every role's", LowerIsBetter),
	count(ColCostRecruitment, UnitGBP, "Recruitment cost", "recruitment started", LowerIsBetter),
	count(ColCostVCSE, UnitGBP, "VCSE grants", "community grants of open services", LowerIsBetter),
	count(ColCostSupervision, UnitGBP, "Supervision cost", "supervision of FTE in post", LowerIsBetter),
	count(ColEpisodeWeeksSum, "person-weeks", "Episode lengths, summed", "weeks from first contact to discharge of episodes completed this week", Neutral),
	count(ColEpisodeContactsSum, "contacts", "Episode contacts, summed", "sessions attended (the first contact included) in episodes completed this week", Neutral),
	count(ColNeedsUnseen, "needs", "Needs never seen", "community needs of people who gave up waiting", LowerIsBetter),
	count(ColReferralsEnded, "people", "Referrals ended", "appropriate referrals whose journey ended (concluded or gave up waiting)", Neutral),

	count(ColRoleHandovers, "people", "People handed from one role to another", "with several roles", Neutral),
	count(ColHandoverWaitSum, "person-weeks", "Waits after a handover, summed", "weeks on the next role's waiting list of people handed on and first seen by it this week; with several roles", Neutral),
	count(ColHandoversSeen, "people", "People seen after a handover", "people handed on and first seen by the next role this week; with several roles", Neutral),
	per(PerRole, count(ColFTEInPostMean, "FTE", "FTE in post, mean", "of the role", Neutral)),
	per(PerRole, count(ColCaseloadMean, "people", "Caseload, mean", "of the role", Neutral)),
	per(PerRole, count(ColEpisodesCompleted, "people", "Support episodes completed", "of the role", HigherIsBetter)),
	per(PerRole, count(ColCapacityPlacesMean, "places", "Caseload places, mean", "of the role's posts", Neutral)),
	per(PerRole, count(ColLeavers, "people", "Leavers", "of the role", LowerIsBetter)),
	per(PerRole, count(ColPressureSum, UnitIndex, "Workload pressure, summed", "over the role's posts in post", LowerIsBetter)),
	per(PerRole, count(ColLWAssessed, "people", "Posts assessed for pressure", "the role's posts in post at the weekly turnover check", Neutral)),
	per(PerService, count(ColVCSEPlacesMean, "places", "Community places, mean", "the service's places open, time average", Neutral)),
	per(PerService, count(ColVCSEOccupiedMean, "people", "People in community places, mean", "people attending the service, time average", Neutral)),
	per(PerService, count(ColVCSEFilledMean, "places", "Community places filled, mean", "the service's places filled, time average: people in its places, never more than its places", Neutral)),
	per(PerService, count(ColVCSEWaitingMean, "people", "VCSE waiting, mean", "needs on the service's waiting list, time average", Neutral)),
	per(PerService, count(ColVCSERefused, "referrals", "VCSE referrals refused when full", "refused by the service because it was full", Neutral)),
	per(PerGroup, count(ColReferrals, "people", "Referrals", "referrals of the group", Neutral)),
	per(PerGroup, count(ColFirstContacts, "people", "First contacts", "first contacts of the group", HigherIsBetter)),
	per(PerGroup, count(ColWaitSum, "person-weeks", "Waits to first contact, summed", "of the group", Neutral)),
	per(PerGroup, count(ColReneged, "people", "People who gave up waiting", "of the group", LowerIsBetter)),
	per(PerGroup, count(ColEpisodesCompleted, "people", "Support episodes completed", "of the group", HigherIsBetter)),
	per(PerGroup, count(ColShortSupport, "people", "Episodes ended by session limits, needs unmet", "of the group", LowerIsBetter)),
	per(PerGroup, count(ColNeedsMet, "needs", "Needs met", "of the group", HigherIsBetter)),
	per(PerGroup, count(ColNeedsUnmet, "needs", "Needs unmet", "of the group", LowerIsBetter)),
	per(PerGroup, count(ColNeedsUnseen, "needs", "Needs never seen", "of the group", LowerIsBetter)),
	per(PerProfile, count(ColEpisodesCompleted, "people", "Support episodes completed", "of the profile", HigherIsBetter)),
	per(PerProfile, count(ColShortSupport, "people", "Episodes ended by session limits, needs unmet", "of the profile", LowerIsBetter)),
	per(PerProfile, count(ColSupportedConcluded, "people", "Supported people concluded", "supported people whose community needs all resolved", Neutral)),
	per(PerProfile, count(ColSupportedAllNeedsMet, "people", "Supported people with all needs met", "of those, with every need met", HigherIsBetter)),
	per(PerProfile, count(ColFirstContacts, "people", "First contacts", "first contacts of the profile", HigherIsBetter)),
	per(PerProfile, count(ColWaitSum, "person-weeks", "Waits to first contact, summed", "of the profile", Neutral)),
}
