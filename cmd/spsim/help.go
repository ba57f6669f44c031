package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spsim/spsim/internal/editdist"
)

// Exit statuses, the same for every command.
const (
	exitOK          = 0   // done
	exitFailed      = 1   // the command ran and failed: bad scenario, a file not written...
	exitUsage       = 2   // the command line was wrong: unknown command or flag, wrong arguments
	exitInterrupted = 130 // stopped by Ctrl-C or SIGTERM; finished work is kept
)

const exitStatusHelp = "Exit status: 0 done, 1 failed, 2 usage error, 130 interrupted."

// helpRequest is what parsing returns for -h or --help: the command's flags,
// so that its help can be printed to stdout with exit status 0.
type helpRequest struct{ fs *flag.FlagSet }

func (h *helpRequest) Error() string { return "help requested" }
func (h *helpRequest) Unwrap() error { return flag.ErrHelp }

// usageError is a wrong command line: exit status 2, with a pointer to the
// command's help.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usage error.
func usagef(format string, a ...any) error {
	return &usageError{fmt.Errorf(format, a...)}
}

// newFlags returns a command's flag set. Parse errors come back as errors
// (Main prints them once, with a pointer to the help), never as a dump of
// every flag.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// alias makes long a second name for flag short: `-o DIR` and `--output
// DIR` are the same flag, shown once in the help.
func alias(fs *flag.FlagSet, short, long string) {
	f := fs.Lookup(short)
	fs.Var(f.Value, long, f.Usage)
}

// parse parses flags that may come before or after positional arguments
// (`spsim run baseline -o out` and `spsim run -o out baseline` both work).
// -h and --help give a helpRequest; a bad flag, a usageError.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	twice, restore := onceFlags(fs)
	defer restore()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if *twice != nil {
				return nil, &usageError{*twice}
			}
			if errors.Is(err, flag.ErrHelp) {
				return nil, &helpRequest{fs}
			}
			return nil, &usageError{unknownFlagError(fs, numberFlagError(fs, err))}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, emptyFolder(fs)
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// onceValue is a flag that takes one value (all but the repeatable ones,
// --set, --vary, --kpi...): given again with another value, as in
// `--replications 2 --replications 3` or `-o a --output b`, it records
// the conflict, where the flag package would keep the last silently.
type onceValue struct {
	flag.Value
	names    string // "-o/--output"
	first    string // the value first given
	given    bool
	conflict *error
}

func (o *onceValue) Set(s string) error {
	if !o.given {
		o.given, o.first = true, s
		return o.Value.Set(s)
	}
	g, getter := o.Value.(flag.Getter)
	var before any
	if getter {
		before = g.Get()
	}
	if err := o.Value.Set(s); err != nil {
		return err
	}
	// The same value written twice, or written otherwise (03 and 3), is
	// no conflict.
	if s == o.first || getter && before == g.Get() {
		return nil
	}
	*o.conflict = fmt.Errorf("%s is given twice (%s and %s): give it once", o.names, strconv.Quote(o.first), strconv.Quote(s))
	return *o.conflict
}

// Get and IsBoolFlag are the wrapped flag's, for the flag package (a
// boolean flag takes no value) and numberFlagError.
func (o *onceValue) Get() any {
	if g, ok := o.Value.(flag.Getter); ok {
		return g.Get()
	}
	return nil
}

func (o *onceValue) IsBoolFlag() bool {
	b, ok := o.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// onceFlags makes every flag of fs but the repeatable ones (listFlag) a
// onceValue, its aliases sharing one, until restore puts the flags back
// as they were (the help reads their types). *twice is the first conflict.
func onceFlags(fs *flag.FlagSet) (twice *error, restore func()) {
	twice = new(error)
	orig := map[*flag.Flag]flag.Value{}
	var wrapped []*onceValue
	dash := func(name string) string {
		if len(name) == 1 {
			return "-" + name
		}
		return "--" + name
	}
	fs.VisitAll(func(f *flag.Flag) {
		if _, list := f.Value.(*listFlag); list {
			return
		}
		orig[f] = f.Value
		// An alias is a second name for the same value (a pointer).
		for _, o := range wrapped {
			if samePointer(o.Value, f.Value) {
				o.names += "/" + dash(f.Name)
				f.Value = o
				return
			}
		}
		o := &onceValue{Value: f.Value, names: dash(f.Name), conflict: twice}
		wrapped = append(wrapped, o)
		f.Value = o
	})
	return twice, func() {
		for f, v := range orig {
			f.Value = v
		}
	}
}

// samePointer reports whether a and b are the same pointer.
func samePointer(a, b flag.Value) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	return va.Kind() == reflect.Pointer && vb.Kind() == reflect.Pointer && va.Pointer() == vb.Pointer() && va.Type() == vb.Type()
}

// badNumber is the flag package's message for a value a number flag
// cannot take.
var badNumber = regexp.MustCompile(`^invalid value (".*") for flag -([\w-]+): (parse error|value out of range)$`)

// emptyFolder refuses -o given an empty folder name, which would otherwise
// mean the default folder, as if -o had not been given; and serve's --addr
// given an empty address (an unset variable, --addr "$ADDR"), which would
// listen on every address of the machine, at a port chosen at random.
func emptyFolder(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if strings.TrimSpace(f.Value.String()) != "" {
			return
		}
		switch f.Name {
		case "o", "output":
			err = usagef("-o: an empty folder name; give a folder, or leave -o out for the default")
		case "addr":
			err = usagef("--addr: an empty address; give host:port, such as 127.0.0.1:8080, or leave --addr out for that default")
		}
	})
	return err
}

// unknownFlag is the flag package's message for a flag not defined.
var unknownFlag = regexp.MustCompile(`^flag provided but not defined: -+([\w.-]+)$`)

// unknownFlagError names the flag a mistyped one may have meant:
// "--replication: no such flag; did you mean --replications?".
func unknownFlagError(fs *flag.FlagSet, err error) error {
	m := unknownFlag.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	dash := func(name string) string { // as the help writes flags
		if len(name) == 1 {
			return "-" + name
		}
		return "--" + name
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	// A one-letter flag is one edit from every other: no guess for it.
	if best := editdist.Closest(m[1], names); best != "" && len(m[1]) > 2 {
		return fmt.Errorf("%s: no such flag; did you mean %s?", dash(m[1]), dash(best))
	}
	return fmt.Errorf("%s: no such flag", dash(m[1]))
}

// numberFlagError says what a number flag takes, where the flag package
// says only "parse error": `--seed "-1": want a whole number, 0 or more`.
func numberFlagError(fs *flag.FlagSet, err error) error {
	m := badNumber.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	f := fs.Lookup(m[2])
	if f == nil {
		return err
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return err
	}
	var want string
	switch g.Get().(type) {
	case int:
		want = "a whole number"
	case uint64:
		want = "a whole number, 0 or more"
	case float64:
		want = "a number"
	default:
		return err
	}
	if m[3] == "value out of range" {
		return fmt.Errorf("--%s %s: too large; want %s", m[2], m[1], want)
	}
	return fmt.Errorf("--%s %s: want %s", m[2], m[1], want)
}

// flagsOf returns a command's flag set, by asking the command for its help.
func flagsOf(c *command) *flag.FlagSet {
	err := c.run([]string{"--help"}, io.Discard, io.Discard)
	var h *helpRequest
	if errors.As(err, &h) {
		return h.fs
	}
	return flag.NewFlagSet(c.name, flag.ContinueOnError)
}

// findCommand returns the command called name, or nil.
func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// printUsage writes spsim's overview: every command with its summary.
func printUsage(w io.Writer) {
	fmt.Fprintln(w, "spsim simulates social prescribing capacity: referrals, link workers'")
	fmt.Fprintln(w, "waiting lists and caseloads, and the community services they refer")
	fmt.Fprintln(w, "people on to, with 95% confidence intervals.")
	fmt.Fprintln(w, "\nUsage:\n  spsim COMMAND [ARGUMENTS] [FLAGS]\n\nCommands:")
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nExamples:")
	fmt.Fprintln(w, "  spsim run                                 the baseline PCN; results in out/baseline/")
	fmt.Fprintln(w, "  spsim compare baseline extra-link-worker  what one more link worker changes")
	fmt.Fprintln(w, "  spsim help run                            everything about one command")
	fmt.Fprintln(w, "\nRun 'spsim help COMMAND' (or 'spsim COMMAND --help') for a command's")
	fmt.Fprintln(w, "arguments, flags and examples; 'spsim version' for the version.")
	fmt.Fprintln(w, exitStatusHelp)
}

// printHelp writes one command's help: usage line, description, arguments,
// flags with their defaults, examples and exit statuses.
func printHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "spsim %s: %s\n\nUsage:\n  spsim %s", c.name, c.summary, c.name)
	if c.args != "" {
		fmt.Fprint(w, " "+c.args)
	}
	if hasFlags(fs) {
		fmt.Fprint(w, " [FLAGS]")
	}
	fmt.Fprintln(w)
	if c.about != "" {
		fmt.Fprintln(w, "\n"+wrap(c.about, 76, ""))
	}
	if len(c.argHelp) > 0 {
		fmt.Fprintln(w, "\nArguments:")
		col := 0
		for _, a := range c.argHelp {
			col = max(col, len(a[0]))
		}
		indent := strings.Repeat(" ", col+5)
		for _, a := range c.argHelp {
			text := wrap(a[1], 78-len(indent), indent)
			fmt.Fprintf(w, "  %-*s%s\n", col+3, a[0], text[len(indent):])
		}
	}
	if hasFlags(fs) {
		fmt.Fprintln(w, "\nFlags:")
		printFlags(w, fs)
	}
	fmt.Fprintln(w, "\nExamples:")
	for _, e := range c.examples {
		fmt.Fprintf(w, "  %s\n%s\n", e[0], wrap(e[1], 72, "      "))
	}
	fmt.Fprintln(w, "\n"+exitStatusHelp)
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// flagLine is one entry of a command's flag list: its names, value and
// usage.
type flagLine struct {
	short, long, value, usage string
	alsoLong                  string // a second long name (--replications for --reps)
}

// flagLines gathers a flag set's flags, joining aliases (two names for
// one value) into one entry, sorted by long name.
func flagLines(fs *flag.FlagSet) []*flagLine {
	var lines []*flagLine
	byValue := map[flag.Value]*flagLine{}
	fs.VisitAll(func(f *flag.Flag) {
		// A slice-typed Value cannot be a map key: such a flag has no alias.
		comparable := reflect.TypeOf(f.Value).Comparable()
		var l *flagLine
		if comparable {
			l = byValue[f.Value]
		}
		if l == nil {
			l = &flagLine{}
			lines = append(lines, l)
			if comparable {
				byValue[f.Value] = l
			}
		}
		switch {
		case len(f.Name) == 1:
			l.short = f.Name
		case l.long == "":
			l.long = f.Name
		default:
			l.alsoLong = f.Name
		}
		if l.usage != "" {
			return // the alias's text is the flag's
		}
		value, usage := flag.UnquoteUsage(f)
		if isBool(f) {
			value = ""
		} else if v, ok := valueNames[value]; ok {
			value = v
		}
		// "`KEY=VALUE`: a value..." reads as "KEY=VALUE: a value..." once
		// unquoted; the value is already on the flag's line.
		usage = strings.TrimPrefix(usage, value+": ")
		l.value, l.usage = strings.ToUpper(value), usage
		if def := f.DefValue; def != "" && def != "0" && def != "false" && def != "[]" && !strings.Contains(usage, "default") {
			l.usage += fmt.Sprintf(" (default %s)", def)
		}
	})
	sort.SliceStable(lines, func(i, j int) bool { return name(lines[i]) < name(lines[j]) })
	return lines
}

// valueNames replace the flag package's type names for a flag's value
// (a usage text can name it instead, in backquotes).
var valueNames = map[string]string{"int": "N", "uint": "N", "float": "NUMBER", "string": "TEXT", "value": "VALUE", "": "VALUE"}

func name(l *flagLine) string {
	if l.long != "" {
		return l.long
	}
	return l.short
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// printFlags writes the flags in --long form, with the short name first
// where there is one, each with its value and default.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	for _, l := range flagLines(fs) {
		var names string
		switch {
		case l.short != "" && l.long != "":
			names = "-" + l.short + ", --" + l.long
		case l.short != "":
			names = "-" + l.short
		default:
			names = "    --" + l.long
		}
		if l.alsoLong != "" {
			names += ", --" + l.alsoLong
		}
		if l.value != "" {
			names += " " + l.value
		}
		fmt.Fprintf(w, "  %s\n%s\n", names, wrap(l.usage, 68, "          "))
	}
}

// wrap fills text to width columns, each line after indent. Blank lines
// in text separate paragraphs.
func wrap(text string, width int, indent string) string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		line := indent
		for _, word := range strings.Fields(para) {
			if len(line) > len(indent) && len(line)+1+len(word) > width+len(indent) {
				out = append(out, line)
				line = indent
			}
			if len(line) > len(indent) {
				line += " "
			}
			line += word
		}
		out = append(out, line, "")
	}
	return strings.Join(out[:len(out)-1], "\n")
}
