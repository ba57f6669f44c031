package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// parse checks that src is a non-empty TOML text file, decodes it into a
// map and locates its keys. Every failure is reported with the file and,
// where there is one, the line. before is the keys set by the files that
// extend src, which count towards maxKeys.
func parse(src source, before int) (map[string]any, map[string]loc, Errors) {
	data := bytes.TrimPrefix(src.data, []byte("\xef\xbb\xbf")) // a BOM, as Windows editors write
	fail := func(line, col int, msg string) Errors {
		return Errors{{File: src.file, Line: line, Col: col, Msg: msg}}
	}
	if utf16(data) {
		return nil, nil, fail(0, 0, "the file is UTF-16 text (what Windows calls \"Unicode\"); save it as UTF-8")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return nil, nil, fail(line, col, "not a text file (it contains a NUL byte); a scenario is a TOML text file")
	}
	if !utf8.Valid(data) {
		i := invalidUTF8(data)
		line, col := lineCol(data, i)
		return nil, nil, fail(line, col, "not UTF-8 text; save the scenario as UTF-8 (some spreadsheet and word-processor exports are not)")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, fail(0, 0, `empty file: a scenario needs at least name = "...", and extends = "baseline" or a full set of tables`)
	}
	locs, stop := locateChecked(data, before)
	if stop != nil {
		return nil, nil, fail(stop.at.line, stop.at.col, stop.msg)
	}
	m := map[string]any{}
	if _, err := toml.Decode(string(data), &m); err != nil {
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			return nil, nil, fail(0, 0, err.Error())
		}
		msg := "TOML syntax error: " + pe.Message
		h := typingHint(data, pe.Position.Line, pe.Message)
		if h == "" {
			h = notTOML(data, pe.Position.Line)
		}
		if h != "" {
			msg += "; " + h
		}
		return nil, nil, fail(pe.Position.Line, pe.Position.Col, msg)
	}
	if len(m) == 0 {
		return nil, nil, fail(0, 0, `no settings: the file has only comments and blank lines; a scenario needs at least name = "...", and extends = "baseline" or a full set of tables`)
	}
	return m, locs, nil
}

// lineCol converts a byte offset in data to a 1-based line and column.
func lineCol(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// invalidUTF8 returns the offset of the first byte of data that is not
// valid UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

var (
	yamlLine = regexp.MustCompile(`^\s*-?\s*[A-Za-z_][A-Za-z0-9_ -]*:(\s|$)`)
	iniLine  = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*[A-Za-z][^"'\[{]*$`)
)

// notTOML returns a hint when a syntax error on line suggests that the file
// is some other format, or "".
func notTOML(data []byte, line int) string {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	first := bytes.TrimSpace(data)
	text := lines[line-1]
	switch {
	case len(first) > 0 && (first[0] == '{' || first[0] == '[' && bytes.HasPrefix(bytes.TrimLeft(first[1:], " \t\r\n"), []byte("{"))):
		return "this looks like JSON, but scenarios are written in TOML (key = value lines under [table] headers)"
	case yamlLine.Match(text):
		return "this looks like YAML; scenarios are written in TOML: key = value, not key: value"
	case bytes.HasPrefix(first, []byte("<")):
		return "this looks like HTML or XML, but scenarios are written in TOML (key = value lines under [table] headers)"
	case iniLine.Match(text):
		return fmt.Sprintf("text values need quotes in TOML, e.g. %s", quoteExample(text))
	}
	return ""
}

// quoteExample rewrites `key = some text` as `key = "some text"`.
func quoteExample(line []byte) string {
	k, v, _ := bytes.Cut(line, []byte("="))
	return fmt.Sprintf("%s = %q", bytes.TrimSpace(k), bytes.TrimSpace(v))
}

// utf16 reports whether data looks like UTF-16 text: a UTF-16 byte-order
// mark, or ASCII text with every other byte NUL.
func utf16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return true
	}
	n := min(len(data), 64) &^ 1
	if n < 4 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	return even == n/2 && odd == 0 || odd == n/2 && even == 0
}

var (
	decimalComma = regexp.MustCompile(`=\s*[-+]?\d+,\d+\s*(#.*)?$`)
	notANumber   = regexp.MustCompile(`(?i)=\s*[-+]?(nan|inf|infinity)\s*(#.*)?$`)
	tableHeader  = regexp.MustCompile(`^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$`)
)

// typingHint returns a hint for a syntax error on line caused by what
// word processors, spreadsheets and other locales type: curly quotes,
// non-breaking spaces, dashes for minus signs, decimal commas, old Mac line
// endings, NaN, or a [table] written twice. It returns "" if none applies.
func typingHint(data []byte, line int, parserMsg string) string {
	if bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0 {
		return "the lines end in a carriage return alone (old Mac line endings); save the file with ordinary line endings (LF, or CRLF)"
	}
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	text := string(bytes.TrimRight(lines[line-1], "\r"))
	if strings.Contains(parserMsg, "has already been defined") {
		if m := tableHeader.FindStringSubmatch(text); m != nil {
			for i, l := range lines[:line-1] {
				if h := tableHeader.FindStringSubmatch(string(l)); h != nil && h[1] == m[1] {
					return fmt.Sprintf("[%s] is written twice (first at line %d): put all its keys under one [%s] header", m[1], i+1, m[1])
				}
			}
			return fmt.Sprintf("[%s] is written twice: put all its keys under one [%s] header", m[1], m[1])
		}
	}
	for col, r := range []rune(text) {
		switch r {
		case '“', '”', '‘', '’', '„', '«', '»':
			return fmt.Sprintf("curly quotes (%c at column %d) are not quotes in TOML: use straight quotes \" (a word processor may have changed them)", r, col+1)
		case ' ', ' ', ' ', ' ', ' ', ' ', '​', '　':
			return fmt.Sprintf("a non-breaking or other special space (U+%04X) at column %d: replace it with an ordinary space", r, col+1)
		case '–', '—', '−', '‒':
			return fmt.Sprintf("%c (column %d) is not a minus sign in TOML: type the ordinary hyphen-minus -", r, col+1)
		}
	}
	switch {
	case decimalComma.MatchString(text):
		return "numbers take a decimal point, not a comma: write 0.5, not 0,5"
	case notANumber.MatchString(text):
		return "NaN and infinity are not allowed: write a finite number"
	}
	return ""
}
