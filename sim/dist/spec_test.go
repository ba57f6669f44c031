package dist

import (
	"strings"
	"testing"
)

func ptr(v float64) *float64 { return &v }

const (
	asDuration = "duration"
	asCount    = "count"
)

func check(s Spec, kind string) error {
	if kind == asCount {
		_, err := s.Count()
		return err
	}
	_, err := s.Duration()
	return err
}

// TestInvalid lists specs that must be refused, each with a part of the
// message that says what is wrong; where the message is short the whole of
// it is given.
func TestInvalid(t *testing.T) {
	cases := []struct {
		kind, text string
		want       string
	}{
		// Family names.
		{asDuration, "lognorml(mean=3, sd=1)", `unknown distribution "lognorml" for a duration (did you mean "lognormal"?); allowed: constant, exponential, uniform, triangular, gamma, lognormal, weibull, empirical`},
		{asDuration, "LogNormal(mean=3, sd=1)", `(did you mean "lognormal"?)`},
		{asDuration, "exp(mean=3)", `(did you mean "exponential"?)`},
		{asDuration, "gaussian(mean=3, sd=1)", `unknown distribution "gaussian" for a duration; allowed:`},
		{asDuration, "poisson(mean=3)", `"poisson" is a distribution for a count, not a duration; allowed for a duration: constant,`},
		{asCount, "lognormal(mean=3, sd=1)", `"lognormal" is a distribution for a duration, not a count`},
		{asCount, "poison(mean=3)", `unknown distribution "poison" for a count (did you mean "poisson"?); allowed: constant, poisson, geometric, negative_binomial, empirical`},

		// Parameters that do not belong, or are missing.
		{asDuration, "lognormal(mean=3, sd=1, shape=2)", `lognormal takes mean and sd, not shape`},
		{asDuration, "exponential(mean=3, min=1, max=2)", `exponential takes mean, not min or max`},
		{asDuration, "constant(value=1, mean=1)", `constant takes value, not mean`},
		{asDuration, "empirical(values=[1], mean=1)", `empirical takes values and optionally weights, not mean`},
		{asDuration, "lognormal(mean=3)", `lognormal is missing sd (it takes mean and sd)`},
		{asDuration, "triangular(mode=3)", `triangular is missing min and max (it takes min, mode and max)`},
		{asDuration, "empirical(weights=[1])", `empirical is missing values`},
		{asCount, "negative_binomial(sd=3)", `negative_binomial is missing mean`},

		// Impossible values.
		{asDuration, "constant(value=-1)", `constant needs value >= 0 (a duration cannot be negative), got value = -1`},
		{asDuration, "exponential(mean=0)", `exponential needs mean > 0, got mean = 0`},
		{asDuration, "exponential(mean=-2)", `exponential needs mean > 0, got mean = -2`},
		{asDuration, "exponential(mean=inf)", `exponential needs finite numbers, got mean = +Inf`},
		{asDuration, "uniform(min=5, max=3)", `uniform needs 0 <= min < max, got min = 5, max = 3`},
		{asDuration, "uniform(min=3, max=3)", `uniform needs 0 <= min < max`},
		{asDuration, "uniform(min=-1, max=3)", `uniform needs 0 <= min < max`},
		{asDuration, "uniform(min=nan, max=3)", `uniform needs finite numbers, got min = NaN`},
		{asDuration, "triangular(min=1, mode=5, max=3)", `triangular needs 0 <= min <= mode <= max and min < max, got min = 1, mode = 5, max = 3`},
		{asDuration, "triangular(min=1, mode=0.5, max=3)", `triangular needs 0 <= min <= mode <= max`},
		{asDuration, "triangular(min=2, mode=2, max=2)", `triangular needs 0 <= min <= mode <= max and min < max`},
		{asDuration, "gamma(mean=3, sd=0)", `gamma needs mean > 0 and sd > 0, got sd = 0`},
		{asDuration, "gamma(mean=-3, sd=-1)", `gamma needs mean > 0 and sd > 0, got mean = -3 and sd = -1`},
		{asDuration, "lognormal(mean=3, sd=-1)", `lognormal needs mean > 0 and sd > 0, got sd = -1`},
		{asDuration, "lognormal(mean=0, sd=1)", `lognormal needs mean > 0 and sd > 0, got mean = 0`},
		{asDuration, "lognormal(mean=1e-200, sd=1e200)", `is too extreme to simulate`},
		{asDuration, "gamma(mean=1e200, sd=1e-200)", `is too extreme to simulate`},
		{asDuration, "weibull(shape=0, scale=1)", `weibull needs shape > 0 and scale > 0, got shape = 0`},
		{asDuration, "weibull(shape=1, scale=-1)", `weibull needs shape > 0 and scale > 0, got scale = -1`},
		{asDuration, "weibull(shape=0.001, scale=1)", `weibull(shape=0.001, scale=1) is too extreme to simulate`},
		{asDuration, "empirical(values=[])", `empirical needs at least one value, got values = []`},
		{asDuration, "empirical(values=[1, 2], weights=[1])", `empirical needs one weight per value, got 2 values and 1 weights`},
		{asDuration, "empirical(values=[1, 2], weights=[])", `got 2 values and 0 weights`},
		{asDuration, "empirical(values=[1, 2], weights=[1, -1])", `empirical needs weights >= 0, got weights[1] = -1`},
		{asDuration, "empirical(values=[1, 2], weights=[0, 0])", `empirical needs at least one weight > 0, got all weights 0`},
		{asDuration, "empirical(values=[1, -2])", `empirical needs values >= 0 (a duration cannot be negative), got values[1] = -2`},
		{asDuration, "empirical(values=[1, nan])", `empirical needs finite numbers, got values[1] = NaN`},
		{asDuration, "empirical(values=[1, 2], weights=[1, inf])", `empirical needs finite numbers, got weights[1] = +Inf`},
		{asDuration, "empirical(values=[1, 2], weights=[1e308, 1e308])", `too extreme to simulate`},
		{asCount, "constant(value=2.5)", `constant needs a whole number value from 0 to 1e9 for a count, got value = 2.5`},
		{asCount, "constant(value=-1)", `constant needs a whole number value`},
		{asCount, "constant(value=1e10)", `got value = 10000000000`},
		{asCount, "poisson(mean=-1)", `poisson needs mean from 0 to 1e9, got mean = -1`},
		{asCount, "poisson(mean=1e12)", `poisson needs mean from 0 to 1e9`},
		{asCount, "geometric(mean=-0.5)", `geometric needs mean from 0 to 1e9, got mean = -0.5`},
		{asCount, "negative_binomial(mean=3, sd=1.5)", `negative_binomial needs sd² > mean, that is sd > 1.7320508075688772 here, got mean = 3, sd = 1.5 (sd² = 2.25); use poisson when sd² = mean`},
		{asCount, "negative_binomial(mean=4, sd=2)", `negative_binomial needs sd² > mean`},
		{asCount, "negative_binomial(mean=0, sd=2)", `negative_binomial needs mean and sd above 0 and at most 1e9, got mean = 0, sd = 2`},
		{asCount, "negative_binomial(mean=3, sd=-2)", `negative_binomial needs mean and sd above 0`},
		{asCount, "empirical(values=[1, 2.5])", `empirical needs whole-number values from 0 to 1e9 for a count, got values[1] = 2.5`},
		{asCount, "empirical(values=[-1])", `got values[0] = -1`},
	}
	for _, c := range cases {
		t.Run(c.kind+"/"+c.text, func(t *testing.T) {
			err := check(mustParse(t, c.text), c.kind)
			if err == nil {
				t.Fatalf("no error, want one containing %q", c.want)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q\ndoes not contain %q", err, c.want)
			}
		})
	}
}

func TestInvalidNoDist(t *testing.T) {
	for _, kind := range []string{asDuration, asCount} {
		err := check(Spec{Mean: ptr(3)}, kind)
		want := "no distribution given for a " + kind + ": set dist to one of constant, "
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one containing %q", kind, err, want)
		}
	}
}

// TestValid checks edge cases that must be accepted, beside the specs of
// the sampling tests.
func TestValid(t *testing.T) {
	cases := []struct{ kind, text string }{
		{asDuration, "0"},
		{asDuration, "2.5"},
		{asDuration, "uniform(min=0, max=0.001)"},
		{asDuration, "triangular(min=0, mode=3, max=3)"},
		{asDuration, "gamma(mean=1, sd=100)"},
		{asDuration, "lognormal(mean=1000, sd=0.001)"},
		{asDuration, "empirical(values=[7])"},
		{asDuration, "empirical(values=[7, 8], weights=[0, 2])"},
		{asDuration, "empirical(values=[0, 0.5], weights=[0.25, 0.75])"},
		{asCount, "0"},
		{asCount, "12"},
		{asCount, "constant(value=1e9)"},
		{asCount, "poisson(mean=1e9)"},
		{asCount, "geometric(mean=0.01)"},
		{asCount, "negative_binomial(mean=3, sd=1.7321)"},
		{asCount, "empirical(values=[1, 2, 3], weights=[1, 1, 2])"},
	}
	for _, c := range cases {
		if err := check(mustParse(t, c.text), c.kind); err != nil {
			t.Errorf("%s as a %s: %v", c.text, c.kind, err)
		}
	}
	for _, c := range durationCases {
		if err := check(mustParse(t, c.text), asDuration); err != nil {
			t.Errorf("%s as a duration: %v", c.text, err)
		}
	}
	for _, c := range countCases {
		if err := check(mustParse(t, c.text), asCount); err != nil {
			t.Errorf("%s as a count: %v", c.text, err)
		}
	}
}

// TestEmpiricalZeroWeight checks that a value of weight 0 is never drawn,
// even at the ends of the list where a search could land on it.
func TestEmpiricalZeroWeight(t *testing.T) {
	d, err := mustParse(t, "empirical(values=[1, 2, 3, 4], weights=[0, 1, 1, 0])").Duration()
	if err != nil {
		t.Fatal(err)
	}
	r := newRand()
	for range 10000 {
		if x := d.Rand(r); x != 2 && x != 3 {
			t.Fatalf("drew %v, which has weight 0", x)
		}
	}
}

func TestConstant(t *testing.T) {
	s := Constant(2.5)
	if s.Dist != "constant" || s.Value == nil || *s.Value != 2.5 || s.String() != "constant(value=2.5)" {
		t.Fatalf("Constant(2.5) = %v", s)
	}
	d, err := s.Duration()
	if err != nil || d.Rand(newRand()) != 2.5 || d.Mean() != 2.5 || d.Variance() != 0 {
		t.Fatalf("Constant(2.5).Duration() = %v, %v", d, err)
	}
}

func TestDidYouMean(t *testing.T) {
	cases := []struct{ word, want string }{
		{"meen", "mean"},
		{"stdev", "sd"},
		{"Mean", "mean"},
		{"weight", "weights"},
		{"sclae", "scale"},
		{"xyzzy", ""},
		{"rate", ""},
	}
	for _, c := range cases {
		got := didYouMean(c.word, tableKeys)
		want := ""
		if c.want != "" {
			want = ` (did you mean "` + c.want + `"?)`
		}
		if got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", c.word, got, want)
		}
	}
}
