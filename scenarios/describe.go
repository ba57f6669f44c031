package scenarios

// Describe says in a few words what a scenario key means, as error
// messages do, or "" if there is no hint. key is generic: "*" stands for
// any profile, group, service, timeline entry or map key, as in
// "services.*.places". The JSON Schema (package schema) uses it for its
// descriptions.
func Describe(key string) string { return hints[key] }

// Range returns a numeric key's ranges: a value outside hard is refused
// by the loader, one outside typical draws a warning. key is generic, as
// for Describe; ok is false for a key without ranges.
func Range(key string) (hardLo, hardHi, typicalLo, typicalHi float64, ok bool) {
	bd, ok := ranges[key]
	return bd.hard.lo, bd.hard.hi, bd.typical.lo, bd.typical.hi, ok
}

// shareKeys are the generic keys whose values are fractions: shares,
// probabilities and rates, which people read as percentages.
var shareKeys = map[string]bool{
	"demand.annual_growth": true, "demand.seasonal_amplitude": true, "demand.inappropriate_share": true,
	"profiles.*.share": true, "profiles.*.needs.*": true, "profiles.*.dna_probability": true,
	"groups.*.share": true, "groups.*.profile_mix.*": true,
	"workforce.admin_share": true, "workforce.ramp_up_cap_share": true, "workforce.supervision.leaving_hazard_reduction": true,
	"roles.*.supervision_leaving_hazard_reduction": true, "support.tiered_reserved_share": true,
	"services.*.acceptance_probability": true, "services.*.completion_probability": true,
	"rereferral.probability": true, "costs.on_cost_share": true, "outcomes.gp_effect_size": true,
	"areas.reference_group_share": true, "areas.list.*.reference_group_share": true,
}

// IsShare reports whether key's value is a fraction people read as a
// percentage (0.2 as 20%): a share, a probability or a yearly rate.
func IsShare(key string) bool { return shareKeys[genericKey(splitKey(key))] }
