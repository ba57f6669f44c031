package scenarios

import (
	"strconv"
	"strings"

	"github.com/spsim/spsim/internal/tomlstr"
)

// keyString renders a key path the way TOML writes a dotted key: bare
// segments joined by dots, a segment that is not a bare key quoted. Array
// elements are numbered from 0, so the second [[timeline]] entry's week is
// "timeline.1.week". Key paths are compared as these strings throughout the
// package.
func keyString(path []string) string {
	var b strings.Builder
	for i, s := range path {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tomlstr.Key(s))
	}
	return b.String()
}

// splitKey is the inverse of keyString.
func splitKey(key string) []string {
	var path []string
	for key != "" {
		if key[0] == '"' {
			end := 1
			for end < len(key) && key[end] != '"' {
				if key[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(key) {
				return append(path, key)
			}
			s, err := strconv.Unquote(key[:end+1])
			if err != nil {
				s = key[1:end]
			}
			path = append(path, s)
			rest, dot := strings.CutPrefix(key[end+1:], ".")
			if dot && rest == "" {
				path = append(path, "")
			}
			key = rest
			continue
		}
		seg, rest, dot := strings.Cut(key, ".")
		path = append(path, seg)
		key = rest
		if dot && rest == "" {
			// "services." ends in an empty part, which the caller refuses,
			// rather than being read as "services".
			path = append(path, "")
		}
	}
	return path
}

// join returns path extended by more, without aliasing path's backing array.
func join(path []string, more ...string) []string {
	p := make([]string, 0, len(path)+len(more))
	p = append(p, path...)
	return append(p, more...)
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// QuoteString writes s as a TOML basic string, for a value set in a
// scenario's text (strconv.Quote writes Go escapes, \a or \x00, that TOML
// does not read).
func QuoteString(s string) string { return quoteString(s) }

func quoteString(s string) string { return tomlstr.Quote(s) }
