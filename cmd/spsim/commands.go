package main

import "io"

// command is one of spsim's commands and its help. The flags are the
// command's own flag set, so the help can never list a flag the command
// does not take.
type command struct {
	name     string
	args     string      // the usage line's arguments, e.g. "[SCENARIO]"
	summary  string      // one line, for the overview
	about    string      // what it does, for `spsim help NAME`
	argHelp  [][2]string // each argument and what it is
	examples [][2]string // a command line and what it does (2-3)
	run      func(args []string, stdout, stderr io.Writer) error
}

const scenarioArg = "a built-in scenario (see spsim list) or a scenario file (.toml)"

// commands is every command, in the order the overview lists them.
var commands []command

func init() {
	commands = []command{
		{
			name: "run", args: "[SCENARIO]",
			summary: "run a scenario's replications and write its results and report",
			about: `Runs the scenario's replications in parallel and writes, into the output
folder, weekly.csv, summary.csv, summary.json, the resolved scenario.toml, charts and
report.html, then prints what the run found in words and the headline KPIs with
their 95% intervals. A scenario whose timeline changes something after the
warm-up (a post ending, grants cut) is also told how waits, the waiting list,
people giving up and needs met compare after the change with before it; one
whose referrals grow, how they compare in the last year with the first.

The same scenario and seed give byte-identical files whatever --jobs is
(report.html, which records the run time, aside). Ctrl-C stops cleanly:
finished replications are written, marked partial, and spsim exits with
status 130.`,
			argHelp: [][2]string{{"SCENARIO", scenarioArg + "; default baseline"}},
			examples: [][2]string{
				{"spsim run", "the built-in baseline PCN; results in out/baseline/"},
				{"spsim run my-area.toml --precision 5", "your own scenario, adding replications until the intervals of the figures the answer leads with are within ±5% of their means"},
				{"spsim run baseline --set workforce.link_workers=4", "the baseline with one change, without writing a file (the change is in scenario.toml and the report)"},
			},
			run: cmdRun,
		},
		{
			name: "compare", args: "REFERENCE SCENARIO...",
			summary: "compare scenarios with the first, on common random numbers",
			about: `Runs two or more scenarios with the same seed and replications (common random
numbers) and compares each with the first, the reference: every KPI's paired
difference with its 95% interval, and a verdict in plain words. Scenarios
that all cost more than the reference, all less or all about the same are
options for the same money, and are also set head to head, on the same
random numbers. Writes
compare.csv, compare.json, charts and report.html; for scenarios of several
areas, compare_areas.csv (each area's paired difference) too.`,
			argHelp: [][2]string{
				{"REFERENCE", scenarioArg + ": the one the others are compared with"},
				{"SCENARIO...", "one or more scenarios to compare with it"},
			},
			examples: [][2]string{
				{"spsim compare baseline extra-link-worker", "what a fourth link worker changes"},
				{"spsim compare baseline vcse-investment extra-link-worker -o out/money", "the same money spent two ways: each against the baseline, then head to head"},
				{"spsim compare short-term longer-term tiered --replications 40", "three support models, with more replications for tighter intervals"},
			},
			run: cmdCompare,
		},
		{
			name: "sweep", args: "SCENARIO --vary KEY=V1,V2,...",
			summary: "run a scenario over a grid of parameter values",
			about: `Runs the scenario at every point of a grid: each --vary gives a scenario key
(as in the TOML, e.g. workforce.link_workers) and its values, and several
--vary flags make a grid. A range LO..HI[:STEP] stands for every value
from LO to HI in steps of STEP (1 unless given), as optimise's levers do:
workforce.link_workers=2..6 is 2,3,4,5,6, and 40..100:20 is 40,60,80,100.
Every point uses the same random numbers, so differences between points are
paired and far less noisy than between separate runs; a small change can
still be lost in what noise is left, and the answer says so. A sweep of one key says how each KPI goes from the first value to
the last, and where demand outstrips link-worker supply; one of two keys reads
its grid's corners: each key's change at the other's two ends, and whether the
two interact (places help only where there are posts). Writes sweep.csv, a
chart of the chosen KPIs against the first parameter, and report.html.`,
			argHelp: [][2]string{{"SCENARIO", scenarioArg}},
			examples: [][2]string{
				{"spsim sweep baseline --vary workforce.link_workers=2..6", "waits and outcomes as the team grows from 2 to 6"},
				{"spsim sweep short-term --vary demand.referrals_per_week=8..24:2", "the referrals a week at which short-term support stops keeping up"},
				{"spsim sweep baseline --vary workforce.link_workers=3,5 --vary services.wellbeing_groups.places=40,80,120", "a 2 x 3 grid: do more places help without more link workers?"},
			},
			run: cmdSweep,
		},
		{
			name: "optimise", args: "SCENARIO --lever KEY=LO..HI[:STEP] (--target 'KPI<=X' | --maximise KPI --budget GBP)",
			summary: "find the cheapest combination of levers that meets every target, or the best a budget buys",
			about: `Searches a grid of levers (posts, places per service, support model) for the
cheapest combination that meets every target at the stated confidence.
Candidates are checked in order of their known cost (posts at salary and
on-costs, services' funding), each by a fully sequential feasibility check
(Andradóttir & Kim 2010; Batur & Kim 2010) that adds replications only while
its decision is uncertain, on common random numbers. A target is KPI<=X or
KPI>=X, with an optional tolerance ±E (default 5% of X, at least 0.1 weeks, half a percentage point, 1 of a count or £100): a candidate within E
of a threshold may be judged either way. Writes optimise.csv, optimise.json,
a cost–outcome frontier chart and report.html; refuses in plain words when no
combination meets the targets. With --maximise or --minimise KPI instead of
targets, it chooses the combination within --budget with the best mean, by
Kim and Nelson's fully sequential selection (2001) on common random numbers.`,
			argHelp: [][2]string{{"SCENARIO", scenarioArg}},
			examples: [][2]string{
				{"spsim optimise baseline --lever workforce.link_workers=2..8 --target 'wait_first_contact_p90_weeks<=4'", "the fewest link workers that keep the 90th-percentile wait under 4 weeks"},
				{"spsim optimise baseline --lever workforce.link_workers=3..6 --lever services.wellbeing_groups.places=40..100:20 --target 'wait_first_contact_p90_weeks<=4' --target 'needs_met>=700'", "posts and places together, with a floor on needs met"},
				{"spsim optimise baseline --lever workforce.link_workers=3..5 --lever services.wellbeing_groups.places=40..120:40 --maximise needs_met --budget 340000", "of the posts and places £340,000 a year buys, the mix that meets the most needs"},
			},
			run: cmdOptimise,
		},
		{
			name: "sensitivity", args: "SCENARIO [--vary KEY=LO..HI ...]",
			summary: "find which uncertain inputs drive the results (Morris or Sobol)",
			about: `Global sensitivity analysis over uncertain inputs, each varied over its range:
Morris elementary effects (μ*, σ) to screen many inputs, or Sobol first-order
and total indices (Saltelli's design, Jansen's estimators) for a few, with
bootstrap intervals. Every point runs --reps replications on common random
numbers, and the share of variance that is replication noise is reported.
With no --vary, it screens the model's uncertain inputs (leaving, pressure,
inappropriate referrals, re-referral, seasonality, weeks between sessions)
over their plausible ranges. Writes sensitivity.csv, sensitivity.json, tornado and μ*–σ charts
and report.html.`,
			argHelp: [][2]string{{"SCENARIO", scenarioArg}},
			examples: [][2]string{
				{"spsim sensitivity baseline", "which of the model's uncertain inputs move needs met and leavers most"},
				{"spsim sensitivity baseline --vary workforce.leaving_hazard_per_year=0.1..0.3 --vary demand.referrals_per_week=20..30", "which of two assumptions moves needs met and leavers more"},
				{"spsim sensitivity baseline --method sobol --samples 64 --vary workforce.pressure_sensitivity=0..2 --vary workforce.leaving_hazard_per_year=0.1..0.3 --kpi leavers", "Sobol indices for leavers"},
			},
			run: cmdSensitivity,
		},
		{
			name: "calibrate", args: "REFERRALS.csv",
			summary: "fit referrals a week, growth and seasonality to your own referral extract",
			about: `Reads an extract with one row per referral (a date column, and optionally an
outcome, group and profile) and fits the referral rate, annual growth and
seasonality by maximum likelihood, with profile-likelihood intervals. Writes
calibrated.toml, a scenario that extends another with the fitted values,
calibration.csv and a chart of the fit.`,
			argHelp: [][2]string{{"REFERRALS.csv", "the extract: one row per referral"}},
			examples: [][2]string{
				{"spsim calibrate referrals.csv", "fit to the whole extract; writes out/calibrate-referrals/"},
				{"spsim calibrate referrals.csv --extends deprived-area --from 2024-01-01 -o out/mine", "fit from 2024 on, extending deprived-area"},
				{"spsim calibrate referrals.csv --no-season", "fit without seasonality"},
			},
			run: cmdCalibrate,
		},
		{
			name: "merge", args: "SHARD_FOLDER...",
			summary: "combine the shards of a run or sweep into the whole study's outputs",
			about: `Reads the folders written by 'spsim run --shard i/n' or 'spsim sweep --shard
i/n' and writes the outputs the unsharded study would have written, byte for
byte (the report's run time aside). Every shard of the study must be there,
once.`,
			argHelp: [][2]string{{"SHARD_FOLDER...", "the output folders of every shard of one run or sweep"}},
			examples: [][2]string{
				{"spsim merge shards/* -o out/icb", "put a sharded run of icb back together"},
				{"spsim merge sw/1 sw/2 -o out/sweep --force", "a sweep run in two shards, into an existing folder"},
			},
			run: cmdMerge,
		},
		{
			name:    "serve",
			summary: "serve the browser workbench: controls, results, comparisons, sweeps, plans, local data and downloads",
			about: `Starts a local web app and prints its URL. Choose a built-in scenario or upload
your own, move the main levers (posts, caseload cap, support model, holding,
referrals, community places and grants, a funding cliff) and the results follow:
verdict sentences, the headline table with 95% intervals, and charts of demand
against supply, waiting and the workforce. Pin up to 4 settings and compare them
on common random numbers; sweep one lever, or two as a grid; find the cheapest plan that meets a
target (as spsim optimise); rank which uncertain inputs matter (as spsim
sensitivity); fit demand to your referral extract, or start from your caseload
or your PCNs' areas; and download the scenario (which spsim run turns into the
same numbers) and, from every result tab, the files the command line writes:
the Excel workbook, report.html and the CSVs.

Everything is embedded: the page works offline. It listens on 127.0.0.1 unless
told otherwise, and warns when --addr reaches beyond this machine.`,
			examples: [][2]string{
				{"spsim serve", "the workbench on http://127.0.0.1:8080/"},
				{"spsim serve --addr 127.0.0.1:9000", "on another port"},
			},
			run: cmdServe,
		},
		{
			name:     "list",
			summary:  "list the built-in scenarios and the question each answers",
			examples: [][2]string{{"spsim list", "every built-in scenario"}, {"spsim list | grep vcse", "the scenarios about community services"}},
			run:      cmdList,
		},
		{
			name: "show", args: "SCENARIO",
			summary: "print a scenario fully resolved, as TOML",
			about: `Prints the scenario with everything it inherits (extends) filled in: a
starting point for your own scenario file.`,
			argHelp: [][2]string{{"SCENARIO", scenarioArg}},
			examples: [][2]string{
				{"spsim show tiered", "the tiered-support scenario with every value"},
				{"spsim show baseline > my-area.toml", "a copy of the baseline to edit"},
			},
			run: cmdShow,
		},
		{
			name: "validate", args: "FILE...",
			summary: "check scenario files and report every error",
			about: `Loads each scenario file and reports every error with its file, line, column,
key and what is allowed. Exit status 1 if any file has errors.`,
			argHelp: [][2]string{{"FILE...", "one or more scenario files (.toml), or built-in names"}},
			examples: [][2]string{
				{"spsim validate my-area.toml", "check one file"},
				{"spsim validate scenarios/*.toml", "check many"},
			},
			run: cmdValidate,
		},
		{
			name:    "schema",
			summary: "print the JSON Schema of scenario files, for editors",
			about: `Prints a JSON Schema (draft 2020-12) of scenario files, generated from the
typed configuration: every key with its description, unit, range and allowed
values. Editors that read JSON Schema for TOML (Taplo, VS Code's Even Better
TOML) then complete keys and underline mistakes as you type. Point a scenario
at it with a first line '#:schema ./spsim.schema.json'.`,
			examples: [][2]string{
				{"spsim schema > spsim.schema.json", "write the schema beside your scenarios"},
				{"spsim schema | grep -A3 '\"link_workers\"'", "what the schema says about one key"},
			},
			run: cmdSchema,
		},
		{
			name:     "version",
			summary:  "print the version, the commit and the Go version",
			examples: [][2]string{{"spsim version", "the version; 'spsim --version' is the same"}},
			run:      cmdVersion,
		},
		{
			name: "completion", args: "SHELL",
			summary: "print a shell completion script (bash, zsh or fish)",
			about: `Prints a script that completes spsim's commands, flags and built-in scenario
names in your shell.`,
			argHelp: [][2]string{{"SHELL", "bash, zsh or fish"}},
			examples: [][2]string{
				{"source <(spsim completion bash)", "complete in this bash session; add it to ~/.bashrc to keep it"},
				{"spsim completion zsh > \"${fpath[1]}/_spsim\"", "install for zsh"},
				{"spsim completion fish > ~/.config/fish/completions/spsim.fish", "install for fish"},
			},
			run: cmdCompletion,
		},
		{
			name: "help", args: "[COMMAND]",
			summary: "show the help of spsim or of one command",
			argHelp: [][2]string{{"COMMAND", "a command; without one, the list of commands"}},
			examples: [][2]string{
				{"spsim help", "every command"},
				{"spsim help run", "run's arguments, flags and examples (as 'spsim run --help')"},
			},
			run: cmdHelp,
		},
	}
}

// cmdHelp prints spsim's help, or one command's.
func cmdHelp(args []string, stdout, _ io.Writer) error {
	pos, err := parse(newFlags("help"), args)
	if err != nil {
		return err
	}
	switch len(pos) {
	case 0:
		printUsage(stdout)
		return nil
	case 1:
		c := findCommand(pos[0])
		if c == nil {
			return usagef("no command %q%s", pos[0], suggestCommand(pos[0]))
		}
		printHelp(stdout, c, flagsOf(c))
		return nil
	}
	return usagef("help takes at most one command, got %d", len(pos))
}
