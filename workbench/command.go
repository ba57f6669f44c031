package workbench

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/spsim/spsim/optimise"
	"github.com/spsim/spsim/sim"
)

// A tab's command is the spsim command line that writes the tab's files
// from its scenario, downloaded beside them as KIND-scenario.toml. Every
// option the page sets is written out, the defaults among them (KPIs,
// seed, replications), so that the files match whatever the command
// line's defaults become.

// Screenings on the page: Morris, with these trajectories and
// replications a point.
const (
	screenTrajectories = 10
	screenReps         = 3
)

// scenarioFile is the name a tab's scenario downloads under, as its
// download answer names it: "sweep-scenario.toml".
func scenarioFile(kind string) string { return kind + "-" + "scenario.toml" }

// sweepCommand is spsim sweep of cfg, saved as the sweep tab's scenario,
// over vary (--vary each).
func sweepCommand(cfg *sim.Config, vary []string) string {
	args := []string{"spsim", "sweep", scenarioFile("sweep")}
	for _, v := range vary {
		args = append(args, "--vary", v)
	}
	for _, k := range sweepKPIs {
		args = append(args, "--kpi", k)
	}
	return shellLine(append(args, "--seed", strconv.FormatUint(cfg.Run.Seed, 10), "--replications", strconv.Itoa(cfg.Run.Replications)))
}

// sensitivityCommand is spsim sensitivity of cfg, saved as the screening
// tab's scenario, over vary (--vary KEY=LO..HI each).
func sensitivityCommand(cfg *sim.Config, vary []string) string {
	args := []string{"spsim", "sensitivity", scenarioFile("screening"), "--method", "morris"}
	for _, v := range vary {
		args = append(args, "--vary", v)
	}
	for _, k := range sensitivityKPIs {
		args = append(args, "--kpi", k)
	}
	return shellLine(append(args, "--trajectories", strconv.Itoa(screenTrajectories), "--reps", strconv.Itoa(screenReps),
		"--seed", strconv.FormatUint(cfg.Run.Seed, 10)))
}

// optimiseCommand is spsim optimise of cfg, saved as the plan tab's
// scenario, as spec (planned) searches it.
func optimiseCommand(cfg *sim.Config, spec optimise.Spec) string {
	args := []string{"spsim", "optimise", scenarioFile("plan")}
	for _, l := range spec.Levers {
		args = append(args, "--lever", l)
	}
	for _, t := range spec.Targets {
		args = append(args, "--target", t)
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	switch {
	case spec.Maximise != "":
		args = append(args, "--maximise", spec.Maximise)
	case spec.Minimise != "":
		args = append(args, "--minimise", spec.Minimise)
	}
	if spec.Options.Budget > 0 {
		args = append(args, "--budget", num(spec.Options.Budget))
	}
	return shellLine(append(args, "--confidence", num(spec.Options.Confidence), "--first", strconv.Itoa(spec.Options.N0),
		"--max-replications", strconv.Itoa(spec.Options.MaxReps), "--seed", strconv.FormatUint(cfg.Run.Seed, 10)))
}

// plainWord is an argument a shell reads as it is.
var plainWord = regexp.MustCompile(`^[A-Za-z0-9_.,=:/+-]+$`)

// shellLine writes args as one shell command line, quoting those a shell
// would read otherwise ('wait_first_contact_p90_weeks<=4').
func shellLine(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if plainWord.MatchString(a) {
			out[i] = a
		} else {
			out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(out, " ")
}
