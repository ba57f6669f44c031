// Package des is spsim's discrete-event kernel: a clock, a typed event
// calendar (a sorted run or binary heap for the current quarter of a time
// unit, buckets for later ones, and lanes for processes with one next event)
// with cancellation, and named random streams.
//
// The kernel knows nothing about link workers. An Event is a time, a kind and
// two integer operands that the model interprets; the calendar orders events
// by time and then by the order they were scheduled, so a run is fully
// deterministic. Events live in a slab that is reused, so scheduling and
// firing allocate nothing once the calendar has grown to its working size.
package des
