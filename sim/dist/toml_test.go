package dist

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

type holder struct {
	D Spec `toml:"d"`
}

func TestUnmarshalTOML(t *testing.T) {
	cases := []struct {
		doc  string
		want Spec
	}{
		{"d = 2", Constant(2)},
		{"d = 2.5", Constant(2.5)},
		{"d = -1", Constant(-1)}, // decodes; Duration refuses it
		{`d = { dist = "lognormal", mean = 3, sd = 1.5 }`, Spec{Dist: "lognormal", Mean: ptr(3), SD: ptr(1.5)}},
		{`d = { dist = "empirical", values = [1, 2.5], weights = [1, 3] }`, Spec{Dist: "empirical", Values: []float64{1, 2.5}, Weights: []float64{1, 3}}},
		{`d = { dist = "empirical", values = [] }`, Spec{Dist: "empirical", Values: []float64{}}},
		{"[d]\ndist = \"triangular\"\nmin = 1\nmode = 2\nmax = 6\n", Spec{Dist: "triangular", Min: ptr(1), Mode: ptr(2), Max: ptr(6)}},
		{"d = {}", Spec{}},
	}
	for _, c := range cases {
		var h holder
		if _, err := toml.Decode(c.doc, &h); err != nil {
			t.Errorf("Decode(%q): %v", c.doc, err)
			continue
		}
		if !reflect.DeepEqual(h.D, c.want) {
			t.Errorf("Decode(%q) = %#v, want %#v", c.doc, h.D, c.want)
		}
	}
}

// TestUnmarshalTOMLReplaces checks that a table replaces a default rather
// than merging with it, which would leave a stray parameter.
func TestUnmarshalTOMLReplaces(t *testing.T) {
	h := holder{D: Constant(7)}
	if _, err := toml.Decode(`d = { dist = "exponential", mean = 2 }`, &h); err != nil {
		t.Fatal(err)
	}
	if want := (Spec{Dist: "exponential", Mean: ptr(2)}); !reflect.DeepEqual(h.D, want) {
		t.Errorf("got %v, want %v", h.D, want)
	}
}

func TestUnmarshalTOMLErrors(t *testing.T) {
	cases := []struct{ doc, want string }{
		{`d = { dist = "lognormal", meen = 3, sd = 1 }`, `unknown key "meen" in a distribution (did you mean "mean"?); allowed keys: dist, value, mean, sd, min, mode, max, shape, scale, values, weights`},
		{`d = { dist = "lognormal", mean = 3, stdev = 1 }`, `unknown key "stdev" in a distribution (did you mean "sd"?)`},
		{`d = { dist = "lognormal", mean = "3", sd = 1 }`, `key "mean" must be a number, got string "3"`},
		{`d = { dist = 3 }`, `key "dist" must be a string such as "lognormal", got integer 3`},
		{`d = { dist = "empirical", values = 3 }`, `key "values" must be an array of numbers such as [1, 2, 3], got integer 3`},
		{`d = { dist = "empirical", values = [1, "x"] }`, `key "values" must be an array of numbers, got string "x" at position 2`},
		{`d = true`, `a distribution must be a number or a table such as { dist = "lognormal", mean = 3, sd = 1.5 }, got boolean true`},
		{`d = "lognormal"`, `got string "lognormal"`},
		{`d = [1, 2]`, `got an array`},
		{`d = 2024-01-01`, `got a date or time`},
	}
	for _, c := range cases {
		var h holder
		_, err := toml.Decode(c.doc, &h)
		if err == nil {
			t.Errorf("Decode(%q): no error, want one containing %q", c.doc, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("Decode(%q): error %q\ndoes not contain %q", c.doc, err, c.want)
		}
	}
}

func TestMarshalTOML(t *testing.T) {
	cases := []struct {
		spec Spec
		want string
	}{
		{Constant(2), "2.0"},
		{Constant(0.25), "0.25"},
		{Constant(1e21), "1e+21"},
		{Spec{Dist: "lognormal", Mean: ptr(3), SD: ptr(1.5)}, `{ dist = "lognormal", mean = 3.0, sd = 1.5 }`},
		{Spec{Dist: "empirical", Values: []float64{1, 2}, Weights: []float64{0.5, 0.5}}, `{ dist = "empirical", values = [1.0, 2.0], weights = [0.5, 0.5] }`},
		{Spec{Dist: "constant", Value: ptr(1), Mean: ptr(2)}, `{ dist = "constant", value = 1.0, mean = 2.0 }`},
		{Spec{Dist: "exponential", Mean: ptr(-1e-7)}, `{ dist = "exponential", mean = -1e-07 }`},
		{Spec{Dist: `a"b\c` + "\n"}, `{ dist = "a\"b\\c\u000A" }`},
		{Spec{}, "{}"},
	}
	for _, c := range cases {
		got, err := c.spec.MarshalTOML()
		if err != nil || string(got) != c.want {
			t.Errorf("MarshalTOML(%v) = %s, %v; want %s", c.spec, got, err, c.want)
		}
	}
}

// document has Specs in the places a scenario puts them: fields, pointers,
// map values, slices, and structs inside maps of pointers.
type document struct {
	Name     string                 `toml:"name"`
	A        Spec                   `toml:"a"`
	B        *Spec                  `toml:"b"`
	None     *Spec                  `toml:"none"`
	Map      map[string]Spec        `toml:"map"`
	List     []Spec                 `toml:"list"`
	Profiles map[string]*docProfile `toml:"profiles"`
}

type docProfile struct {
	Share    float64 `toml:"share"`
	Sessions Spec    `toml:"sessions"`
	Patience Spec    `toml:"patience"`
}

// TestTOMLRoundTrip encodes Specs with toml.NewEncoder and decodes them
// back: the encoder must write valid TOML that gives equal Specs.
func TestTOMLRoundTrip(t *testing.T) {
	b := Spec{Dist: "empirical", Values: []float64{1, 2, 4}, Weights: []float64{1, 0, 3}}
	in := document{
		Name: "round trip",
		A:    Spec{Dist: "lognormal", Mean: ptr(3), SD: ptr(1.5)},
		B:    &b,
		Map: map[string]Spec{
			"c": Constant(2),
			"t": {Dist: "triangular", Min: ptr(0.1), Mode: ptr(1.0 / 3), Max: ptr(1e30)},
			"z": {},
		},
		List: []Spec{Constant(1), {Dist: "poisson", Mean: ptr(3.5)}, {Dist: "empirical", Values: []float64{}}},
		Profiles: map[string]*docProfile{
			"complex": {Share: 0.3, Sessions: Spec{Dist: "negative_binomial", Mean: ptr(6), SD: ptr(3)}, Patience: Constant(8)},
			"simple":  {Share: 0.7, Sessions: Constant(3), Patience: Spec{Dist: "exponential", Mean: ptr(4)}},
		},
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	if want := `a = { dist = "lognormal", mean = 3.0, sd = 1.5 }`; !strings.Contains(text, want) {
		t.Errorf("encoded TOML lacks %q:\n%s", want, text)
	}
	var out document
	md, err := toml.Decode(text, &out)
	if err != nil {
		t.Fatalf("decoding the encoder's output: %v\n%s", err, text)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Errorf("undecoded keys %v in\n%s", u, text)
	}
	if !reflect.DeepEqual(out, in) {
		t.Errorf("round trip changed the document\nin:  %+v\nout: %+v\nTOML:\n%s", in, out, text)
	}
	// Every Spec written this way must also read back as a valid one.
	for _, s := range []Spec{out.A, out.Map["t"], out.Profiles["simple"].Patience} {
		if _, err := s.Duration(); err != nil {
			t.Errorf("%v: %v", s, err)
		}
	}
}
