package output

import (
	"reflect"
	"testing"
)

func TestNiceStep(t *testing.T) {
	for _, tc := range []struct{ raw, want float64 }{
		{0.7, 1}, {1, 1}, {1.2, 2}, {2.2, 2.5}, {3, 5}, {7, 10}, {23, 25}, {0.031, 0.05}, {4100, 5000}, {0, 0},
	} {
		if got := NiceStep(tc.raw); got != tc.want {
			t.Errorf("NiceStep(%g) = %g, want %g", tc.raw, got, tc.want)
		}
	}
}

func TestTickLabels(t *testing.T) {
	for _, tc := range []struct {
		f       func(v, step float64) string
		v, step float64
		want    string
	}{
		{plainNumber, 40, 10, "40"},
		{plainNumber, 0.25, 0.05, "0.25"},
		{plainNumber, 2.5, 2.5, "2.5"},
		{plainNumber, 25000, 5000, "25k"},
		{plainNumber, 1500000, 500000, "1.5M"},
		{pounds, 250000, 50000, "£250k"},
		{pounds, -50000, 50000, "-£50k"},
		{percent, 60, 20, "60%"},
	} {
		if got := tc.f(tc.v, tc.step); got != tc.want {
			t.Errorf("label of %g (step %g) = %q, want %q", tc.v, tc.step, got, tc.want)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	var labels []string
	for _, tk := range (niceTicks{format: plainNumber}).Ticks(0, 170) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if want := []string{"0", "50", "100", "150"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("ticks over [0, 170] = %v, want %v", labels, want)
	}
	labels = nil
	for _, tk := range (weekTicks{}).Ticks(0, 156) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if want := []string{"0", "26", "52", "78", "104", "130", "156"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("week ticks over [0, 156] = %v, want %v", labels, want)
	}
}

func TestNumberWords(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{thousands(255397.4), "255,397"},
		{thousands(-1234), "-1,234"},
		{thousands(999), "999"},
		{sig3(0.1357), "0.136"},
		{sig3(57.64), "57.6"},
		{sig3(1071.2), "1,071"},
		{money(46592), "£46,592"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
