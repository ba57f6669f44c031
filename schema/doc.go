// Package schema generates a JSON Schema for spsim's scenario files from
// the typed configuration, so that editors (Taplo, VS Code's Even Better
// TOML) complete and check keys as they are typed: every key with its
// description, unit, range and allowed values, and no key the loader would
// refuse. It also holds a small validator for the subset of JSON Schema it
// writes, which the tests use to check every built-in scenario.
package schema
