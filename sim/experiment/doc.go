// Package experiment runs replications of a scenario, in parallel and with
// results independent of the number of workers, and turns them into
// estimates: sample means with Student-t confidence intervals, and paired
// intervals for comparing scenarios run with common random numbers.
//
// Replications, not the people within one run, are the unit of
// independence: waits of successive people in a queue are correlated, so an
// interval is formed from one summary value per replication.
//
// On top of [Replicate] and [Summarise]: [Sequential] adds replications
// until intervals reach a relative precision; [SuggestWarmup] applies
// MSER-5 to the weekly series; [Compare] contrasts scenarios with paired
// and unpaired (Welch) intervals; [RunSweep] runs a grid of parameter
// values; [Weekly] summarises a weekly series across replications for
// charts. The package knows nothing of scenario files or output formats.
package experiment
