package scenarios

import (
	"strconv"
	"unicode/utf8"
)

// loc is a position in a source file: 1-based line and column, the column
// counted in characters.
type loc struct{ line, col int }

// locate maps every key path in a TOML source to where it is written: a key
// to the start of the key, a [table] or [[array]] to its header, an array
// element to its first character. Keys inside inline tables get their own
// positions. Tables created implicitly by a dotted key or header get the
// position of the first key or header that created them.
//
// BurntSushi/toml does not export positions, hence this scanner. It runs
// only on sources the TOML parser accepted, so it does not check syntax, but
// it never panics or loops on any input.
func locate(src []byte) map[string]loc {
	l := &locator{src: src, line: 1, arrays: map[string]int{}, pos: map[string]loc{}}
	for l.i < len(l.src) {
		start := l.i
		l.skipSpace()
		if l.i >= len(l.src) {
			break
		}
		switch c := l.src[l.i]; c {
		case '\n', '\r':
			l.next()
		case '#':
			l.skipComment()
		case '[':
			l.header()
		default:
			l.keyval(l.table)
			l.skipLine()
		}
		if l.i == start {
			l.next() // unreachable on valid TOML; guarantees progress
		}
	}
	return l.pos
}

type locator struct {
	src       []byte
	i         int
	line      int
	lineStart int
	table     []string       // the current table, with array indices
	arrays    map[string]int // array-of-tables path → entries so far
	pos       map[string]loc
}

func (l *locator) here() loc {
	return loc{l.line, utf8.RuneCount(l.src[l.lineStart:l.i]) + 1}
}

func (l *locator) peek() byte {
	if l.i < len(l.src) {
		return l.src[l.i]
	}
	return 0
}

func (l *locator) next() {
	if l.i >= len(l.src) {
		return
	}
	if l.src[l.i] == '\n' {
		l.line++
		l.lineStart = l.i + 1
	}
	l.i++
}

func (l *locator) skipSpace() {
	for c := l.peek(); c == ' ' || c == '\t'; c = l.peek() {
		l.next()
	}
}

// skipBlank skips whitespace, newlines and comments, as allowed inside
// arrays and (in TOML 1.1) inline tables.
func (l *locator) skipBlank() {
	for l.i < len(l.src) {
		switch l.src[l.i] {
		case ' ', '\t', '\r', '\n':
			l.next()
		case '#':
			l.skipComment()
		default:
			return
		}
	}
}

func (l *locator) skipComment() {
	for l.i < len(l.src) && l.src[l.i] != '\n' {
		l.next()
	}
}

func (l *locator) skipLine() { l.skipComment() }

func (l *locator) set(key string, p loc) { l.pos[key] = p }

func (l *locator) setIfUnset(key string, p loc) {
	if _, ok := l.pos[key]; !ok {
		l.pos[key] = p
	}
}

// header reads a [table] or [[array.of.tables]] header and makes it the
// current table.
func (l *locator) header() {
	p := l.here()
	l.next()
	array := l.peek() == '['
	if array {
		l.next()
	}
	segs := l.key()
	l.skipLine()
	if len(segs) == 0 {
		return
	}
	var path []string
	for k, s := range segs {
		path = append(path, s)
		key := keyString(path)
		if k < len(segs)-1 {
			l.setIfUnset(key, p)
			if n, ok := l.arrays[key]; ok && n > 0 {
				path = append(path, strconv.Itoa(n-1))
			}
			continue
		}
		if !array {
			l.set(key, p)
			break
		}
		n := l.arrays[key]
		l.arrays[key] = n + 1
		l.setIfUnset(key, p)
		path = append(path, strconv.Itoa(n))
		l.set(keyString(path), p)
	}
	l.table = path
}

// keyval reads key = value relative to table base.
func (l *locator) keyval(base []string) {
	l.skipSpace()
	p := l.here()
	segs := l.key()
	if len(segs) == 0 {
		return
	}
	l.skipSpace()
	if l.peek() != '=' {
		return
	}
	l.next()
	for k := 1; k < len(segs); k++ {
		l.setIfUnset(keyString(join(base, segs[:k]...)), p)
	}
	full := join(base, segs...)
	l.set(keyString(full), p)
	l.value(full)
}

// key reads a possibly dotted key and returns its segments, or nil if
// there is no key here.
func (l *locator) key() []string {
	var segs []string
	for {
		l.skipSpace()
		var s string
		switch c := l.peek(); {
		case c == '"':
			s = l.basicString()
		case c == '\'':
			s = l.literalString()
		case isBareKeyByte(c):
			start := l.i
			for isBareKeyByte(l.peek()) {
				l.next()
			}
			s = string(l.src[start:l.i])
		default:
			return segs
		}
		segs = append(segs, s)
		l.skipSpace()
		if l.peek() != '.' {
			return segs
		}
		l.next()
	}
}

// value skips one value, recording the positions of keys and elements
// inside it under path.
func (l *locator) value(path []string) {
	l.skipSpace()
	switch l.peek() {
	case '"':
		l.basicString()
	case '\'':
		l.literalString()
	case '{':
		l.next()
		for l.i < len(l.src) {
			l.skipBlank()
			switch l.peek() {
			case '}':
				l.next()
				return
			case ',':
				l.next()
				continue
			}
			start := l.i
			l.keyval(path)
			if l.i == start {
				return
			}
		}
	case '[':
		l.next()
		for n := 0; l.i < len(l.src); {
			l.skipBlank()
			switch l.peek() {
			case ']':
				l.next()
				return
			case ',':
				l.next()
				continue
			}
			start := l.i
			elem := join(path, strconv.Itoa(n))
			l.set(keyString(elem), l.here())
			l.value(elem)
			n++
			if l.i == start {
				return
			}
		}
	default:
		l.scalar()
	}
}

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
