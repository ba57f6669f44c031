// Package workbench serves spsim in the browser: a page of controls for a
// commissioner's main levers, results that follow them, pinned scenarios
// compared on common random numbers, one-lever sweeps and downloads.
//
// It is the second face on the same core as the command line: runs,
// comparisons and sweeps go through the same functions, so a scenario
// downloaded from the page gives the same numbers under `spsim run` with
// the same seed.
//
// The server uses only net/http. Every asset is embedded and charts are
// drawn on the server as SVG, so the page works offline. It binds to
// loopback by default and is built to face one user's browser safely:
// bodies and scenarios have size limits, the scenario estimate limits
// apply, uploaded scenarios may extend built-in scenarios only (the server
// never reads its own files for them), a run stops when its page goes away,
// and runs queue one at a time so that several browsers cannot exhaust
// memory.
package workbench
