package scenarios

import (
	"fmt"
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
	pos, _ := locateChecked(src, 0)
	return pos
}

// limitHit is where a file first broke one of the limits that keep loading
// cheap, and what it broke.
type limitHit struct {
	at  loc
	msg string
}

// locateChecked is locate, also returning where the file first nested
// deeper than maxNesting or set more than maxKeys keys, if it did. The
// scan stops there. before is the keys already set by the files that
// extend this one.
func locateChecked(src []byte, before int) (map[string]loc, *limitHit) {
	l := &locator{src: src, line: 1, keys: before, arrays: map[string]int{}, pos: map[string]loc{}}
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
	return l.pos, l.stop
}

// nest notes that the point p is nested depth deep. Past maxNesting the
// scan stops: the file is refused, and stopping here is what bounds the
// locator's recursion (a file of a million '[' would otherwise recurse a
// million deep and overflow the stack).
func (l *locator) nest(depth int, p loc) {
	if depth > maxNesting {
		l.halt(p, fmt.Sprintf("nested too deeply: keys, tables and arrays may nest at most %d levels", maxNesting))
	}
}

// halt stops the scan at p, for the reason msg, unless it stopped already.
func (l *locator) halt(p loc, msg string) {
	if l.stop == nil {
		l.stop = &limitHit{p, msg}
	}
	l.i = len(l.src)
}

// maxLocateDepth bounds the key paths recorded: values nested deeper are
// skipped, so that a hostile file cannot make the map huge.
const maxLocateDepth = 24

// maxNesting bounds how deeply keys, tables and arrays may nest in a
// scenario. Real scenarios nest at most 5 deep (a distribution's values
// in a profile); the TOML parser recurses and takes quadratic time on
// absurd nesting, so such files are refused before parsing.
const maxNesting = 10

// maxKeys bounds the keys, tables and array elements in a scenario and the
// files it extends together. The baseline sets about 300 and a list of
// England's 1,250 areas about 4,000; parsing costs about 30 µs a key, so a
// file of a million short keys would take half a minute and gigabytes.
const maxKeys = 10000

type locator struct {
	depth      int       // key segments and arrays around the current point
	tableDepth int       // segments in the current table header
	stop       *limitHit // where the file first broke a limit, if it did
	keys       int       // keys counted towards maxKeys, this file's and those before it
	quiet      int       // > 0 while skipping a value nested too deeply to record
	lost       bool      // the current table is nested too deeply to record
	src        []byte
	i          int
	line       int
	col        int            // characters since the start of the line
	table      []string       // the current table, with array indices
	arrays     map[string]int // array-of-tables path → entries so far
	pos        map[string]loc
}

func (l *locator) here() loc {
	return loc{l.line, l.col + 1}
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
	switch c := l.src[l.i]; {
	case c == '\n':
		l.line++
		l.col = 0
	case utf8.RuneStart(c):
		l.col++
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

func (l *locator) set(key string, p loc) {
	if l.quiet == 0 {
		l.pos[key] = p
		if l.keys++; l.keys > maxKeys {
			l.halt(p, fmt.Sprintf("too many keys: a scenario and the scenarios it extends may set at most %d keys, tables and array elements together (the baseline sets about 300)", maxKeys))
		}
	}
}

func (l *locator) setIfUnset(key string, p loc) {
	if _, ok := l.pos[key]; !ok {
		l.set(key, p)
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
	l.tableDepth = len(segs)
	l.nest(len(segs), p)
	l.lost = len(segs) == 0 || len(segs) > maxLocateDepth
	if l.lost {
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
	l.depth += len(segs)
	defer func() { l.depth -= len(segs) }()
	l.nest(l.tableDepth+l.depth, p)
	if l.quiet > 0 || l.lost || len(base)+len(segs) > maxLocateDepth {
		l.quiet++
		l.value(base)
		l.quiet--
		return
	}
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
		if len(segs) > maxNesting {
			l.nest(len(segs), l.here())
			return segs
		}
		if l.peek() != '.' {
			return segs
		}
		l.next()
	}
}

// value skips one value, recording the positions of keys and elements
// inside it under path.
func (l *locator) value(path []string) {
	if len(path) >= maxLocateDepth && l.quiet == 0 {
		l.quiet++
		defer func() { l.quiet-- }()
	}
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
		l.nest(l.tableDepth+l.depth+1, l.here())
		l.next()
		l.depth++
		defer func() { l.depth-- }()
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
			elem := path
			if l.quiet == 0 {
				elem = join(path, strconv.Itoa(n))
				l.set(keyString(elem), l.here())
			}
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
