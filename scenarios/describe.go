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

// IsShare reports whether key's value is a fraction people read as a
// percentage (0.2 as 20%): a share, a probability or a yearly rate.
func IsShare(key string) bool { return ranges[genericKey(splitKey(key))].share }
