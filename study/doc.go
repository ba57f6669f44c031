// Package study runs spsim's studies: a scenario's replications (run), two
// or more scenarios on common random numbers (compare), a grid of
// parameter values (sweep), and the shards of a run or sweep put back
// together (merge).
//
// A study is planned, then executed. Planning loads the scenarios, applies
// the options and checks the whole study's estimated cost against the
// limits, so that a study too large for the machine is refused before any
// work. Executing takes a context, for cancellation, reports progress
// through a callback and returns a typed result. Study writes no files:
// package output writes a result's files, and the command line and the
// browser workbench are two faces on this one core.
package study
