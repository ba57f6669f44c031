// Package output writes spsim's results: the weekly table and the summary
// as CSV and JSON, the headline table for the terminal, comparison and
// sweep tables, charts (PNG and SVG, drawn with gonum.org/v1/plot) and a
// self-contained HTML report with a STRESS-DES method section. Every file
// is written atomically, so that a run never leaves a half-written file
// behind, and every output but the report's run time is a deterministic
// function of the results.
package output
