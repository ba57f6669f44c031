// Package experiment runs replications of a scenario, in parallel and with
// results independent of the number of workers, and turns them into
// estimates: sample means with Student-t confidence intervals, and paired
// intervals for comparing scenarios run with common random numbers.
//
// Replications, not the people within one run, are the unit of
// independence: waits of successive people in a queue are correlated, so an
// interval is formed from one summary value per replication.
//
// No interval leaves the range its quantity can take: a count, time or
// cost is never below 0 and a share never outside [0, 1]. [IntervalIn]
// forms Student's t interval on a scale on which the range is the whole
// line (log for a quantity bounded below, logit for one bounded on both
// sides) and maps it back; near an end of the range the interval is
// asymmetric, as the sampling distribution of a skewed mean is. On an
// M/M/c queue near zero wait it covers Erlang C's value more often than
// the plain interval, which it matches away from the ends (see
// docs/statistics.md and TestBoundedIntervalCoverage).
//
// On top of [Replicate] and [Summarise]: [Sequential] adds replications
// until intervals reach a relative precision; [SuggestWarmup] applies
// MSER-5 to the weekly series; [Compare] contrasts scenarios with paired
// and unpaired (Welch) intervals; [RunSweep] runs a grid of parameter
// values; [Weekly] summarises a weekly series across replications for
// charts. The package knows nothing of scenario files or output formats.
package experiment
