// Package tomlstr writes text into TOML that spsim generates (a resolved
// scenario, a calibrated fragment): a string as a basic string, a name as a
// key, and any text as the rest of a comment line. Text from a user's file
// (an extract's outcomes, a group's name) then stays where it is put: a
// line break in it never starts a line of TOML, and a control character
// never makes the file unreadable.
package tomlstr

import (
	"strconv"
	"strings"
	"unicode"
)

// Quote writes s as a TOML basic string. strconv.Quote writes Go escapes,
// \a or \x00, that TOML does not read.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				b.WriteString(`\u00`)
				b.WriteString(strconv.FormatInt(int64(r)>>4, 16))
				b.WriteString(strconv.FormatInt(int64(r)&0xf, 16))
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// IsBare reports whether s can be written as a bare TOML key.
func IsBare(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Key writes one segment of a key: bare if it can be, else quoted.
func Key(s string) string {
	if IsBare(s) {
		return s
	}
	return Quote(s)
}

// Comment makes s safe as the text of a comment line, or of a line
// printed to a terminal: every control
// character (a line break, a carriage return, an escape, a tab) is written
// as its escape, \n or \x1b, so the comment stays one line and the file
// stays TOML; everything else, accents and all, is kept as it is.
func Comment(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
