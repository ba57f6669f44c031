// Command spsim simulates social prescribing capacity: referrals, link
// workers' waiting lists and caseloads, and the community services they
// refer people on to. Run `spsim help` for the commands.
//
// The command line uses the standard flag package: flags may be written
// -name or --name and may come before or after arguments. help.go gives
// every command the same help layout and exit statuses; commands.go holds
// each command's help text.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/spsim/spsim/internal/tomlstr"
	"github.com/spsim/spsim/internal/usage"
)

// exitError carries a specific exit status.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}

// Main runs spsim with args and returns the exit status: 0 done, 1 failed,
// 2 usage error, 130 interrupted.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		args = append([]string{"help"}, args[1:]...)
	case "-v", "-version", "--version":
		args = append([]string{"version"}, args[1:]...)
	}
	c := findCommand(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "spsim: unknown command %q%s\nRun 'spsim help' for the list of commands.\n", args[0], suggestCommand(args[0]))
		return exitUsage
	}
	return exitStatus(c, c.run(args[1:], stdout, stderr), stdout, stderr)
}

// exitStatus reports a command's outcome and returns its exit status.
func exitStatus(c *command, err error, stdout, stderr io.Writer) int {
	var (
		help    *helpRequest
		badCall *usageError
		flagVal *usage.Error // a flag's value, refused by the package that uses it
		exit    *exitError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &help):
		printHelp(stdout, c, help.fs)
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		printHelp(stdout, c, flagsOf(c))
		return exitOK
	case errors.As(err, &badCall), errors.As(err, &flagVal):
		fmt.Fprintf(stderr, "spsim %s: %s\nRun 'spsim help %s' for its arguments and flags.\n", c.name, printable(err.Error()), c.name)
		return exitUsage
	}
	fmt.Fprintln(stderr, "spsim "+c.name+":", printable(err.Error()))
	if errors.As(err, &exit) {
		return exit.code
	}
	return exitFailed
}

// printable is a message to print with every control character but the
// line break escaped (\x1b): a file name, flag or value given on the
// command line, or found in a folder, may hold an escape sequence, which a
// terminal would otherwise act on. A message's own lines stay lines.
func printable(msg string) string {
	if !strings.ContainsFunc(msg, func(r rune) bool { return r != '\n' && unicode.IsControl(r) }) {
		return msg
	}
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		lines[i] = tomlstr.Comment(l)
	}
	return strings.Join(lines, "\n")
}

// suggestCommand names the command a mistyped one may have meant.
func suggestCommand(name string) string {
	for _, c := range commands {
		if len(name) >= 2 && (strings.HasPrefix(c.name, name) || strings.HasPrefix(name, c.name)) {
			return fmt.Sprintf(" (did you mean %q?)", c.name)
		}
	}
	return ""
}
