// Package optimise finds the cheapest combination of levers (posts, places
// per service, support model) that meets every target at a stated
// confidence, by simulation.
//
// Candidates are the grid of lever values, ordered by their known cost
// (what the levers cost to fund, computed from the scenario before any
// simulation). They are checked in that order; the first one shown
// feasible is the plan, the next one the runner-up. Each check is the
// fully sequential feasibility procedure of Andradóttir & Kim (2010) and
// Batur & Kim (2010), one target at a time: replications are added one at
// a time only while the decision is still uncertain, and the check stops
// as soon as the running sum of (value − threshold) leaves a triangular
// continuation region whose size follows from the confidence, a first
// batch's variance and a tolerance ε (the indifference zone: a candidate
// whose true mean is within ε of a threshold may be judged either way).
// Every candidate runs replications 0, 1, 2, ... of the same seed, so
// candidates are compared on common random numbers.
//
// References:
//
//   - S. Andradóttir and S.-H. Kim (2010). Fully sequential procedures for
//     comparing constrained systems via simulation. Naval Research
//     Logistics 57(5): 403–421.
//   - D. Batur and S.-H. Kim (2010). Finding feasible systems in the
//     presence of constraints on multiple performance measures. ACM
//     Transactions on Modeling and Computer Simulation 20(3): 13.
//   - S.-H. Kim and B. L. Nelson (2001). A fully sequential procedure for
//     indifference-zone selection in simulation. ACM TOMACS 11(3): 251–273
//     (the triangular region and its constant η).
package optimise
