package dist

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	cases := []struct {
		spec Spec
		want string
	}{
		{Constant(2), "constant(value=2)"},
		{Spec{Dist: "lognormal", Mean: ptr(3), SD: ptr(1.5)}, "lognormal(mean=3, sd=1.5)"},
		{Spec{Dist: "triangular", Min: ptr(1), Max: ptr(6), Mode: ptr(2)}, "triangular(min=1, mode=2, max=6)"},
		{Spec{Dist: "weibull", Scale: ptr(2), Shape: ptr(1.5)}, "weibull(shape=1.5, scale=2)"},
		{Spec{Dist: "empirical", Values: []float64{1, 2}, Weights: []float64{0.5, 0.5}}, "empirical(values=[1, 2], weights=[0.5, 0.5])"},
		{Spec{Dist: "empirical", Values: []float64{}}, "empirical(values=[])"},
		{Spec{Dist: "exponential", Mean: ptr(1e-7)}, "exponential(mean=1e-07)"},
		{Spec{Dist: "exponential", Mean: ptr(123456789)}, "exponential(mean=123456789)"},
		{Spec{Dist: "exponential", Mean: ptr(1e20)}, "exponential(mean=1e+20)"},
		{Spec{Mean: ptr(3)}, "(mean=3)"},
		{Spec{}, "()"},
	}
	for _, c := range cases {
		if got := c.spec.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		text string
		want Spec
	}{
		{"2", Constant(2)},
		{" 2.5 ", Constant(2.5)},
		{"-1", Constant(-1)},
		{"1e3", Constant(1000)},
		{"constant(value=2)", Constant(2)},
		{"lognormal(mean=3, sd=1.5)", Spec{Dist: "lognormal", Mean: ptr(3), SD: ptr(1.5)}},
		{" lognormal ( sd = 1.5 ,mean=3 ) ", Spec{Dist: "lognormal", Mean: ptr(3), SD: ptr(1.5)}},
		{"empirical(values=[1, 2.5], weights=[ 1 ,3 ])", Spec{Dist: "empirical", Values: []float64{1, 2.5}, Weights: []float64{1, 3}}},
		{"empirical(values=[])", Spec{Dist: "empirical", Values: []float64{}}},
		{"whatever()", Spec{Dist: "whatever"}},
	}
	for _, c := range cases {
		got, err := Parse(c.text)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.text, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Parse(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"", "empty distribution"},
		{"   ", "empty distribution"},
		{"2 hours", `cannot read "2 hours": expected a number, or a distribution name`},
		{"1e400", "too large"},
		{"lognormal", `expected "(" after lognormal, as in lognormal(mean=3)`},
		{"lognormal(mean=3", `expected "," or ")" at the end`},
		{"lognormal(mean=3 sd=1)", `expected "," or ")" before "sd=1)"`},
		{"lognormal(mean=)", "expected a number for mean"},
		{"lognormal(mean=abc)", "mean = abc is not a number"},
		{"lognormal(mean=3weeks)", "mean = 3weeks is not a number"},
		{"lognormal(mean=1e999)", "mean = 1e999 is too large a number"},
		{"lognormal(meen=3, sd=1)", `unknown parameter "meen" (did you mean "mean"?); allowed: value, mean, sd,`},
		{"lognormal(dist=3)", `unknown parameter "dist"`},
		{"lognormal(mean=3, mean=4)", "mean is given twice"},
		{"lognormal(mean 3)", `expected "=" after mean`},
		{"lognormal(,)", "expected a parameter name"},
		{"lognormal(mean=3,)", "expected a parameter name"},
		{"empirical(values=1)", "values needs a list of numbers in brackets, such as values=[1, 2, 3]"},
		{"empirical(values=[1 2])", `expected "," or "]" in the list of values`},
		{"empirical(values=[1,", "expected a number for values at the end"},
		{"exponential(mean=[1])", "mean takes a single number, not a list"},
		{"exponential(mean=3) x", `unexpected "x" after ")"`},
		{"(mean=3)", "expected a number, or a distribution name"},
		{"lognormal(mean=3, sd=1.5", `cannot read "lognormal(mean=3, sd=1.5": expected "," or ")" at the end`},
		{"логнормаль(mean=3)", "expected a number, or a distribution name"},
	}
	for _, c := range cases {
		_, err := Parse(c.text)
		if err == nil {
			t.Errorf("Parse(%q): no error, want one containing %q", c.text, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q): error %q\ndoes not contain %q", c.text, err, c.want)
		}
	}
}

// TestStringParseRoundTrip checks Parse(s.String()) == s for every spec of
// the sampling tests and for numbers that need all their digits.
func TestStringParseRoundTrip(t *testing.T) {
	specs := []Spec{
		Constant(0.1 + 0.2),
		Constant(1.0 / 3),
		{Dist: "exponential", Mean: ptr(5e-324)},
		{Dist: "exponential", Mean: ptr(1.7976931348623157e308)},
		{Dist: "lognormal", Mean: ptr(math.Copysign(0, -1)), SD: ptr(123456789.125)},
		{Dist: "empirical", Values: []float64{}, Weights: []float64{}},
	}
	for _, c := range durationCases {
		specs = append(specs, mustParse(t, c.text))
	}
	for _, c := range countCases {
		specs = append(specs, mustParse(t, c.text))
	}
	for _, s := range specs {
		got, err := Parse(s.String())
		if err != nil {
			t.Errorf("Parse(%q): %v", s.String(), err)
			continue
		}
		if !reflect.DeepEqual(got, s) {
			t.Errorf("Parse(%q) = %#v, want %#v", s.String(), got, s)
		}
	}
}

// FuzzParse checks that Parse never panics, and that a spec it accepts and
// that is a valid distribution is written by String in a form Parse reads
// back to the same spec.
func FuzzParse(f *testing.F) {
	for _, c := range durationCases {
		f.Add(c.text)
	}
	for _, c := range countCases {
		f.Add(c.text)
	}
	for _, s := range []string{
		"2", " 2.5 ", "-0", "0x1p-2", "inf", "NaN", "1e400", "",
		"lognormal", "lognormal(", "lognormal(mean=3", "lognormal(mean=3,,sd=1)",
		"lognormal(meen=3)", "empirical(values=[1, 2], weights=[1])",
		"empirical(values=[])", "empirical(values=[1,", "x(mean=[1])", "()",
		"uniform(min=1e-320, max=1e308)", "a(b=c)", "é(mean=1)", "\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := Parse(text)
		if err != nil {
			return
		}
		_, derr := s.Duration()
		_, cerr := s.Count()
		if derr != nil && cerr != nil {
			return
		}
		back, err := Parse(s.String())
		if err != nil {
			t.Fatalf("Parse(%q) = %v; Parse of its String %q: %v", text, s, s.String(), err)
		}
		if !reflect.DeepEqual(back, s) {
			t.Fatalf("Parse(%q) = %#v; Parse of its String %q = %#v", text, s, s.String(), back)
		}
	})
}
