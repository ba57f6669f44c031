// Package queueing gives reference answers from queueing theory against which
// spsim's simulator is checked.
//
// MMc is the Erlang C model: Poisson arrivals, c identical servers and
// exponential service, with everyone waiting as long as it takes. ErlangA
// (M/M/c+M) adds exponential patience: a waiting customer leaves when their
// patience runs out, which keeps the queue finite even when demand exceeds
// capacity. Both are computed in ways that stay accurate for thousands of
// servers, so a model of a whole region's link workers can be checked as
// easily as a single practice.
//
// Times and rates share whatever unit the caller uses (e.g. days); a mean
// wait is in the reciprocal of the rates' unit.
package queueing
