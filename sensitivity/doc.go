// Package sensitivity runs global sensitivity analysis of a scenario's
// KPIs over uncertain inputs: Morris elementary effects to screen many
// inputs, and Sobol first-order and total indices for a few.
//
// Inputs vary over ranges [Lo, Hi], scaled to the unit hypercube.
//
//   - Morris (1991), as improved by Campolongo, Cariboni & Saltelli
//     (2007): r trajectories on a p-level grid, each changing one input at
//     a time by Δ = p/(2(p−1)); an input's elementary effects are the
//     output's changes divided by Δ (so in output units per whole range
//     of the input). μ* is the mean absolute effect (importance), σ the
//     standard deviation (interaction or non-linearity), μ the mean.
//   - Sobol indices by Saltelli's scheme (Saltelli et al. 2010, Computer
//     Physics Communications 181: 259–270) with Jansen's estimators:
//     base matrices A and B (N rows) from a scrambled Halton sequence
//     (gonum's samplemv.Halton, Owen's randomisation) in 2k dimensions,
//     and for each input i the matrix A_B^i, A with column i from B. With
//     V the variance of f over A and B,
//     first order S_i = (V − Σ(f(B) − f(A_B^i))²/(2N)) / V and
//     total S_Ti = Σ(f(A) − f(A_B^i))²/(2N) / V (Jansen 1999).
//     Intervals: a percentile bootstrap over the N rows.
//
// A simulation's output is noisy. Each point runs R replications on common
// random numbers (replication j draws the same random numbers at every
// point), and the analysis uses their mean. The share of the variance of
// those means that is noise, the mean within-point variance over R
// divided by their total variance, is reported: a large share means the
// indices measure noise and need more replications.
package sensitivity
