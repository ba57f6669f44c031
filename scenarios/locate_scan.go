package scenarios

import (
	"strconv"
	"unicode/utf8"
)

// This file holds the locator's scanning of values and strings.

// scalar skips a number, boolean or date-time, including a date-time whose
// date and time are separated by a space.
func (l *locator) scalar() {
	start := l.i
	for l.i < len(l.src) {
		switch l.src[l.i] {
		case ',', ']', '}', '#', '\n', '\r', '\t':
			return
		case ' ':
			if l.i-start == 10 && l.src[start+4] == '-' && l.i+1 < len(l.src) && isDigit(l.src[l.i+1]) {
				break // "1979-05-27 07:32:00"
			}
			return
		}
		l.next()
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// basicString reads a "basic" or """multi-line basic""" string and returns
// its value.
func (l *locator) basicString() string {
	if l.hasPrefix(`"""`) {
		l.skipN(3)
		var buf []byte
		for l.i < len(l.src) {
			if l.hasPrefix(`"""`) {
				l.skipN(3)
				for k := 0; k < 2 && l.peek() == '"'; k++ {
					l.next()
				}
				return string(buf)
			}
			if l.peek() == '\\' {
				l.next()
			}
			buf = append(buf, l.peek())
			l.next()
		}
		return string(buf)
	}
	l.next()
	var buf []byte
	for l.i < len(l.src) {
		c := l.peek()
		switch c {
		case '"':
			l.next()
			return string(buf)
		case '\n':
			return string(buf)
		case '\\':
			l.next()
			buf = l.escape(buf)
			continue
		}
		buf = append(buf, c)
		l.next()
	}
	return string(buf)
}

// escape decodes the escape sequence after a backslash, appending it to buf.
func (l *locator) escape(buf []byte) []byte {
	c := l.peek()
	if c == '\n' || l.i >= len(l.src) {
		return buf
	}
	l.next()
	digits := 0
	switch c {
	case 'b', 't', 'n', 'f', 'r', '"', '\\', 'e':
		return append(buf, unescape[c])
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	}
	if digits == 0 || l.i+digits > len(l.src) {
		return append(buf, '\\', c)
	}
	n, err := strconv.ParseUint(string(l.src[l.i:l.i+digits]), 16, 32)
	if err != nil {
		return append(buf, '\\', c)
	}
	l.skipN(digits)
	return utf8.AppendRune(buf, rune(n))
}

// unescape maps the character after a backslash to what it stands for.
var unescape = map[byte]byte{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', '"': '"', '\\': '\\', 'e': 0x1b}

// literalString reads a 'literal' or ”'multi-line literal”' string and
// returns its value.
func (l *locator) literalString() string {
	if l.hasPrefix(`'''`) {
		l.skipN(3)
		start := l.i
		for l.i < len(l.src) {
			if l.hasPrefix(`'''`) {
				s := string(l.src[start:l.i])
				l.skipN(3)
				for k := 0; k < 2 && l.peek() == '\''; k++ {
					l.next()
				}
				return s
			}
			l.next()
		}
		return string(l.src[start:])
	}
	l.next()
	start := l.i
	for l.i < len(l.src) && l.src[l.i] != '\'' && l.src[l.i] != '\n' {
		l.next()
	}
	s := string(l.src[start:l.i])
	if l.peek() == '\'' {
		l.next()
	}
	return s
}

func (l *locator) hasPrefix(s string) bool {
	return len(l.src)-l.i >= len(s) && string(l.src[l.i:l.i+len(s)]) == s
}

func (l *locator) skipN(n int) {
	for ; n > 0; n-- {
		l.next()
	}
}
