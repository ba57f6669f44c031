// Package dist turns the distributions written in a scenario into samplers
// for the simulator.
//
// A scenario states each random quantity as a [Spec]: a family name and the
// parameters people think in, such as the mean and standard deviation of a
// lognormal waiting time rather than its log-scale mu and sigma. A Spec is
// read from TOML (a bare number or an inline table), from a short text form
// such as "lognormal(mean=3, sd=1.5)" with [Parse], and written back with
// [Spec.String] or a TOML encoder.
//
// [Spec.Duration] and [Spec.Count] check a Spec and build a [Duration]
// (non-negative real, e.g. weeks) or a [Count] (non-negative integer, e.g.
// sessions). Checking happens once, when a scenario is loaded, with errors
// worded for the people who write scenarios; sampling happens in the
// simulation loop, draws from the caller's *rng.Rand and never allocates.
package dist
