// Package experiment turns the outputs of independent replications of a
// simulation into estimates: sample means with Student-t confidence
// intervals, paired intervals for comparing scenarios run with common random
// numbers, and a fixed-memory histogram for quantiles of waiting times.
//
// Replications, not the people within one run, are the unit of
// independence: waits of successive people in a queue are correlated, so an
// interval is formed from one summary value per replication.
package experiment
