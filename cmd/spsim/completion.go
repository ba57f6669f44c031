package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spsim/spsim/scenarios"
)

// cmdCompletion prints a completion script for a shell. The scripts are
// generated from the command table and each command's flag set, so they
// stay in step with the commands.
func cmdCompletion(args []string, stdout, _ io.Writer) error {
	pos, err := parse(newFlags("completion"), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("completion takes one shell (bash, zsh or fish), got %d arguments", len(pos))
	}
	switch pos[0] {
	case "bash":
		return bashCompletion(stdout)
	case "zsh":
		// zsh runs bash completion scripts through bashcompinit.
		fmt.Fprintln(stdout, "#compdef spsim\nautoload -U +X bashcompinit && bashcompinit")
		return bashCompletion(stdout)
	case "fish":
		return fishCompletion(stdout)
	}
	return usagef("completion knows bash, zsh and fish, not %q", pos[0])
}

// completionWords are each command's flags in --long form (and -x for
// one-letter flags).
func completionWords(c *command) []string {
	var words []string
	for _, l := range flagLines(flagsOf(c)) {
		if l.short != "" {
			words = append(words, "-"+l.short)
		}
		if l.long != "" {
			words = append(words, "--"+l.long)
		}
	}
	return append(words, "--help")
}

// takesScenario reports whether a command's arguments are scenarios.
func takesScenario(c *command) bool {
	return strings.Contains(c.args, "SCENARIO") || strings.Contains(c.args, "REFERENCE") || c.name == "validate"
}

func scenarioNames() string {
	var names []string
	for _, s := range scenarios.List() {
		names = append(names, s.Name)
	}
	return strings.Join(names, " ")
}

func commandNames() string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return strings.Join(names, " ")
}

func bashCompletion(w io.Writer) error {
	var b strings.Builder
	b.WriteString(`# bash completion for spsim: source <(spsim completion bash)
_spsim() {
    local cur=${COMP_WORDS[COMP_CWORD]} cmd=${COMP_WORDS[1]} words=""
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "` + commandNames() + ` --version --help" -- "$cur"))
        return
    fi
    case "$cmd" in
`)
	for i := range commands {
		c := &commands[i]
		fmt.Fprintf(&b, "        %s) words=%q", c.name, strings.Join(completionWords(c), " "))
		switch {
		case takesScenario(c):
			fmt.Fprintf(&b, "; [[ $cur != -* ]] && words=\"$words %s\"", scenarioNames())
		case c.name == "help":
			fmt.Fprintf(&b, "; words=\"$words %s\"", commandNames())
		case c.name == "completion":
			b.WriteString("; words=\"$words bash zsh fish\"")
		}
		b.WriteString(" ;;\n")
	}
	b.WriteString(`    esac
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    if [[ $cur != -* ]]; then
        case "$cmd" in
            run|compare|sweep|show|validate) COMPREPLY+=($(compgen -f -X '!*.toml' -- "$cur") $(compgen -d -- "$cur")) ;;
            merge) COMPREPLY+=($(compgen -d -- "$cur")) ;;
        esac
    fi
}
complete -o filenames -F _spsim spsim
`)
	_, err := io.WriteString(w, b.String())
	return err
}

func fishCompletion(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# fish completion for spsim: spsim completion fish > ~/.config/fish/completions/spsim.fish\n")
	b.WriteString("complete -c spsim -f\n")
	for i := range commands {
		c := &commands[i]
		fmt.Fprintf(&b, "complete -c spsim -n __fish_use_subcommand -a %s -d %q\n", c.name, c.summary)
		for _, l := range flagLines(flagsOf(c)) {
			fmt.Fprintf(&b, "complete -c spsim -n '__fish_seen_subcommand_from %s'", c.name)
			if l.short != "" {
				fmt.Fprintf(&b, " -s %s", l.short)
			}
			if l.long != "" {
				fmt.Fprintf(&b, " -l %s", l.long)
			}
			if l.value != "" {
				b.WriteString(" -r")
			}
			fmt.Fprintf(&b, " -d %q\n", firstSentence(l.usage))
		}
		if takesScenario(c) {
			fmt.Fprintf(&b, "complete -c spsim -n '__fish_seen_subcommand_from %s' -a %q -F\n", c.name, scenarioNames())
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// firstSentence shortens a flag's usage for a completion menu.
func firstSentence(s string) string {
	if i := strings.IndexAny(s, ";("); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
