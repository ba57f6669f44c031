package dist

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// writeParams writes the set parameters as key, assign, value, separated
// by ", " and each preceded by lead; the text form and the TOML form differ
// only in how they spell the assignment and the numbers.
func (s Spec) writeParams(b *strings.Builder, lead, assign string, format func(float64) string) {
	for i, k := range s.setKeys() {
		if i > 0 {
			b.WriteString(", ")
		} else {
			b.WriteString(lead)
		}
		b.WriteString(k)
		b.WriteString(assign)
		if p := s.scalar(k); p != nil {
			b.WriteString(format(**p))
			continue
		}
		b.WriteByte('[')
		for j, v := range *s.list(k) {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(format(v))
		}
		b.WriteByte(']')
	}
}

// String returns the canonical text form of s, such as
// "lognormal(mean=3, sd=1.5)", "constant(value=2)" or
// "empirical(values=[1, 2], weights=[0.5, 0.5])". Parameters are written in
// a fixed order and numbers in their shortest exact form, so [Parse] gives
// back an equal Spec.
func (s Spec) String() string {
	var b strings.Builder
	b.WriteString(s.Dist)
	b.WriteByte('(')
	s.writeParams(&b, "", "=", formatNumber)
	b.WriteByte(')')
	return b.String()
}

// formatNumber writes v in the shortest form that reads back exactly,
// without an exponent for whole numbers of up to 15 digits.
func formatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Parse reads the text form written by [Spec.String]: a family name and
// parameters in parentheses, as in "lognormal(mean=3, sd=1.5)" or
// "empirical(values=[1, 2, 3], weights=[1, 1, 2])". A bare number such as
// "2.5" is a constant. Spaces between the parts are optional.
//
// Parse checks only the form; [Spec.Duration] and [Spec.Count] check that the
// family and its parameters make sense.
func Parse(text string) (Spec, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return Spec{}, errors.New(`empty distribution: write a number such as 3, or a form such as lognormal(mean=3, sd=1.5)`)
	}
	if v, err := strconv.ParseFloat(t, 64); err == nil {
		return Constant(v), nil
	} else if errors.Is(err, strconv.ErrRange) {
		return Spec{}, fmt.Errorf("cannot read %q: the number is too large", t)
	}
	p := parser{text: t}
	s, err := p.spec()
	if err != nil {
		return Spec{}, fmt.Errorf("cannot read %q: %w", t, err)
	}
	return s, nil
}

// parser is a recursive-descent reader of the text form over ASCII bytes.
type parser struct {
	text string
	pos  int
}

func (p *parser) spec() (Spec, error) {
	var s Spec
	name := p.ident()
	if name == "" {
		return s, errors.New(`expected a number, or a distribution name such as lognormal followed by its parameters in parentheses`)
	}
	s.Dist = name
	if !p.eat('(') {
		return s, fmt.Errorf(`expected "(" after %s, as in %s(mean=3)`, name, name)
	}
	if !p.eat(')') {
		for {
			if err := p.param(&s); err != nil {
				return s, err
			}
			if p.eat(')') {
				break
			}
			if !p.eat(',') {
				return s, fmt.Errorf(`expected "," or ")" %s`, p.where())
			}
		}
	}
	p.space()
	if p.pos < len(p.text) {
		return s, fmt.Errorf(`unexpected %q after ")"`, p.text[p.pos:])
	}
	return s, nil
}

// param reads key=number or key=[number, ...] into s.
func (p *parser) param(s *Spec) error {
	key := p.ident()
	if key == "" {
		return fmt.Errorf("expected a parameter name such as mean %s", p.where())
	}
	if key == "dist" || !contains(paramKeys, key) {
		return fmt.Errorf("unknown parameter %q%s; allowed: %s", key, didYouMean(key, paramKeys), strings.Join(paramKeys, ", "))
	}
	if s.isSet(key) {
		return fmt.Errorf("%s is given twice", key)
	}
	if !p.eat('=') {
		return fmt.Errorf(`expected "=" after %s`, key)
	}
	if l := s.list(key); l != nil {
		if !p.eat('[') {
			return fmt.Errorf("%s needs a list of numbers in brackets, such as %s=[1, 2, 3]", key, key)
		}
		list := []float64{} // non-nil: "values=[]" is given, though empty
		if !p.eat(']') {
			for {
				v, err := p.number(key)
				if err != nil {
					return err
				}
				list = append(list, v)
				if p.eat(']') {
					break
				}
				if !p.eat(',') {
					return fmt.Errorf(`expected "," or "]" in the list of %s %s`, key, p.where())
				}
			}
		}
		*l = list
		return nil
	}
	if p.peek() == '[' {
		return fmt.Errorf("%s takes a single number, not a list", key)
	}
	v, err := p.number(key)
	if err != nil {
		return err
	}
	*s.scalar(key) = &v
	return nil
}

// number reads a number for key. It takes every byte up to the next
// delimiter and lets strconv judge it, so "1e-3", "inf" and "0x1p-2" read as
// strconv reads them and "3weeks" is reported whole.
func (p *parser) number(key string) (float64, error) {
	p.space()
	start := p.pos
	for p.pos < len(p.text) && !strings.ContainsRune(" \t\r\n,()[]=", rune(p.text[p.pos])) {
		p.pos++
	}
	tok := p.text[start:p.pos]
	if tok == "" {
		return 0, fmt.Errorf("expected a number for %s %s", key, p.where())
	}
	v, err := strconv.ParseFloat(tok, 64)
	if errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("%s = %s is too large a number", key, tok)
	}
	if err != nil {
		return 0, fmt.Errorf("%s = %s is not a number", key, tok)
	}
	return v, nil
}

// ident reads a name of ASCII letters, digits and underscores that does not
// start with a digit, after optional space; it returns "" if there is none.
func (p *parser) ident() string {
	p.space()
	start := p.pos
	for p.pos < len(p.text) {
		c := p.text[p.pos]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || p.pos > start && '0' <= c && c <= '9' {
			p.pos++
			continue
		}
		break
	}
	return p.text[start:p.pos]
}

// eat skips space and then c, reporting whether c was there.
func (p *parser) eat(c byte) bool {
	if p.peek() == c {
		p.pos++
		return true
	}
	return false
}

// peek skips space and returns the next byte, or 0 at the end.
func (p *parser) peek() byte {
	p.space()
	if p.pos < len(p.text) {
		return p.text[p.pos]
	}
	return 0
}

func (p *parser) space() {
	for p.pos < len(p.text) && strings.IndexByte(" \t\r\n", p.text[p.pos]) >= 0 {
		p.pos++
	}
}

// where describes the parse position for an error: what comes next.
func (p *parser) where() string {
	if p.pos >= len(p.text) {
		return "at the end"
	}
	rest := p.text[p.pos:]
	if len(rest) > 12 {
		rest = rest[:12] + "..."
	}
	return fmt.Sprintf("before %q", rest)
}
