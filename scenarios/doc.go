// Package scenarios loads, checks and writes spsim scenarios.
//
// A scenario is a TOML file that sets every parameter of the model (see
// [Config]). The built-in library, embedded in the binary, holds
// baseline.toml, a typical primary care network, and scenarios that each
// ask one question by changing a few of its values. [List] describes them,
// [Source] returns their text and [Load] loads one by name or loads a file
// by path.
//
// # Inheritance
//
// A scenario may start from another with extends = "baseline" (a built-in
// name) or extends = "../my-area.toml" (a path relative to the extending
// file's folder; built-ins may extend only built-ins). The two files are
// merged as TOML tables: a child's table merges key by key into its
// parent's, so that
//
//	extends = "baseline"
//	[services.wellbeing_groups]
//	places = 20
//
// changes one field of one service. A child's [[timeline]] steps add to
// its parent's (extends = "funding-cliff" plus a week-120 step keeps the
// week-104 cut), unless the child sets timeline_replace = true, when its
// steps, or none, replace them. The resolved timeline is sorted by week,
// steps of the same week in order (a parent's first). Anything else a
// child sets replaces the parent's value whole: numbers, strings, other
// arrays, distributions, and maps of numbers such as needs and
// profile_mix, whose values belong together. A child can add a profile,
// group or service but not remove one. Chains of extends are followed up
// to 16 deep; a cycle is an error.
//
// name is never inherited: every file names itself. question is inherited
// when a child does not ask its own; the resolved Config's Extends is what
// the child wrote.
//
// # Strict checking
//
// Commissioners write scenarios by hand, and a mistyped key must never give
// a plausible-looking result. So loading fails, reporting every problem at
// once as an [Errors], on: a file that is empty, binary or not TOML; a key
// the format does not have (with a "did you mean" suggestion); a value of
// the wrong type; a required key that no file in the chain sets; and any
// value that breaks the model's rules ([Validate]), such as shares that do
// not sum to 1 or a timeline change after the horizon. Each [Error] gives
// the file, line and column where the offending value was written, in the
// child or in the scenario it extends, and says what is allowed. The first
// 100 problems are described. Warnings (values allowed but unlikely) are
// cut key by key, so that many about one key never push out another's:
// up to 100 about each key (timeline.*.referrals_per_week), three about
// each of today's people's keys (initial.people.*.sessions), the rest
// counted in one line per key. Absurd input is refused outright, before
// the TOML parser sees it, so that any input loads or is refused within a
// second and a few tens of megabytes (BenchmarkLoadAdversarial): a file
// over 1 MiB, an extends chain over 2 MiB or 16 files, more than 10,000
// keys in a chain, or keys, tables and arrays nested more than 10 deep.
//
// [Encode] writes a resolved scenario back as TOML, and [Set] changes one
// value by key path, checking the result, for parameter sweeps.
//
// [Levers] and [KeyLabel] are the keys people most often set or vary, in
// words (words/levers.toml): the workbench's controls, and the names the
// decision tools' answers give to keys, so that both faces say "link-worker
// posts 5" where a script reads workforce.link_workers=5.
package scenarios
