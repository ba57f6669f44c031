package scenarios

import (
	"fmt"
	"strings"

	"github.com/spsim/spsim/internal/usage"
)

// commentIn returns the TOML comment in a value given alone (--set
// KEY=VALUE, a sweep's --vary, a lever's value, an areas file's cell): from
// a # outside quoted strings to the end, or "". Read as TOML, `3 # four`
// is 3, the rest dropped without a word; a value given on its own has no
// room for a comment, so one is refused rather than read so.
func commentIn(s string) string {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '#':
			return s[i:]
		case strings.HasPrefix(s[i:], `"""`), strings.HasPrefix(s[i:], `'''`):
			delim := s[i : i+3]
			end := closing(s, i+3, delim, delim[0] == '"')
			if end < 0 {
				return "" // the rest is inside an unclosed string
			}
			i = end + len(delim) - 1
		case s[i] == '"' || s[i] == '\'':
			end := closing(s, i+1, s[i:i+1], s[i] == '"')
			if end < 0 {
				return ""
			}
			i = end
		}
	}
	return ""
}

// closing is the index in s, from start, of the delimiter that closes a
// string (a basic string's backslash escapes the byte after it), or -1.
func closing(s string, start int, delim string, escapes bool) int {
	for i := start; i < len(s); i++ {
		if escapes && s[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], delim) {
			return i
		}
	}
	return -1
}

// commentMsg says why value, holding comment, is refused, and what to
// give instead. prefix is what the value is written after ("KEY=" on the
// command line, "" in an areas file's cell). The value before the comment,
// if it is one (3 in `3 # was 4`), is given alone; text that the #
// belongs to (Ward #3) is put in quotes.
func commentMsg(prefix, value, comment string) string {
	shown := quoteString(clipValue(strings.TrimSpace(comment)))
	if before := withoutComment(value, comment); before != "" {
		_, err := parseValue(before)
		// A list of values or a range (--vary KEY=3,4 # …) is no one
		// TOML value, but no text either.
		if err == nil || strings.Contains(before, ",") || strings.Contains(before, "..") {
			return fmt.Sprintf("%s is a TOML comment, which a value given alone may not have (it would be dropped without a word): give the value alone, as %s%s, and put text holding # in quotes", shown, prefix, clipValue(before))
		}
	}
	return fmt.Sprintf("the # of %s would start a TOML comment, which a value given alone may not have: put text holding # in quotes, as %s%s", shown, prefix, clipValue(quoteString(value)))
}

// withoutComment is value with its comment cut off, trimmed.
func withoutComment(value, comment string) string {
	return strings.TrimSpace(strings.TrimSuffix(value, comment))
}

// NoComment refuses, as a usage error naming flag, a value given on the
// command line (--set KEY=VALUE, --vary KEY=V1,V2, --lever KEY=V1,V2) that
// holds a TOML comment outside its quoted strings: `--set
// 'workforce.link_workers=3 # was 4'` would otherwise set 3 and drop the
// rest without a word. value is all that follows the =, a list of values
// as well as one.
func NoComment(flag, key, value string) error {
	value = strings.TrimSpace(value)
	c := commentIn(value)
	if c == "" {
		return nil
	}
	return usage.Errorf("%s %s=%s: %s", flag, key, clipValue(value), commentMsg(key+"=", value, c))
}

// commentError is a value SetAll refuses for its comment: an Errors naming
// the key, as SetAll's other refusals are, and a usage error, so that the
// command line that gave it (optimise's --lever) exits as for other misuse
// of a flag.
type commentError struct {
	Errors
	usage error
}

func (e commentError) Unwrap() []error { return []error{e.Errors, e.usage} }

// refuseComment returns a commentError for kv if its value holds a
// comment, else nil.
func refuseComment(kv KeyValue) error {
	value := strings.TrimSpace(kv.Value)
	c := commentIn(value)
	if c == "" {
		return nil
	}
	es := Errors{{Key: kv.Key, Value: value, Msg: commentMsg(kv.Key+"=", value, c)}}
	return commentError{es, usage.Errorf("%s", es.Error())}
}
