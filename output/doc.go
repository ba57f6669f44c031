// Package output writes spsim's results: the weekly table and the summary
// as CSV and JSON, the headline table for the terminal, all written
// atomically so that a run never leaves a half-written file behind.
package output
