package scenarios

// Describe says in a few words what a scenario key means, as error
// messages do, or "" if there is no hint. key is generic: "*" stands for
// any profile, group, service, timeline entry or map key, as in
// "services.*.places". The JSON Schema (package schema) uses it for its
// descriptions.
func Describe(key string) string { return hints[key] }
