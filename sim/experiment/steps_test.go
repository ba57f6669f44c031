package experiment

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestSteps(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    []string
		isRange bool
		err     string
	}{
		{in: "3..6", want: []string{"3", "4", "5", "6"}, isRange: true},
		{in: " 40 .. 100 : 20 ", want: []string{"40", "60", "80", "100"}, isRange: true},
		{in: "0.1..0.3:0.1", want: []string{"0.1", "0.2", "0.3"}, isRange: true},
		{in: "0..0.5:0.25", want: []string{"0", "0.25", "0.5"}, isRange: true},
		{in: "1e-3..3e-3:1e-3", want: []string{"0.001", "0.002", "0.003"}, isRange: true},
		{in: "5..5", want: []string{"5"}, isRange: true},
		{in: "-0.2..0.2:0.1", want: []string{"-0.2", "-0.1", "0", "0.1", "0.2"}, isRange: true},
		{in: "0..999", isRange: true, want: nil}, // 1,000 values: checked by length below
		{in: "4"},
		{in: `"a..b"`},
		{in: "6..3", isRange: true, err: "LO <= HI"},
		{in: "1..2:0", isRange: true, err: "STEP > 0"},
		{in: "10..30:7", isRange: true, err: `30 is not a whole number of steps of 7 from 10: end at 24 or 31, or take a step that divides 20`},
		{in: "0.1..0.35:0.1", isRange: true, err: "end at 0.3 or 0.4"},
		{in: "x..2", isRange: true, err: "such as 3..8"},
		{in: "0..1000", isRange: true, err: "over 1000 values"},
	} {
		got, isRange, err := Steps(tc.in)
		if isRange != tc.isRange {
			t.Errorf("Steps(%q): range %v, want %v", tc.in, isRange, tc.isRange)
		}
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Steps(%q) error %v, want one saying %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Steps(%q): %v", tc.in, err)
			continue
		}
		if tc.in == "0..999" {
			if len(got) != MaxSteps || got[len(got)-1] != "999" {
				t.Errorf("Steps(%q): %d values ending %v", tc.in, len(got), got[len(got)-1])
			}
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Steps(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func ExampleSteps() {
	posts, _, _ := Steps("3..6")
	places, _, _ := Steps("40..100:20")
	fmt.Println(posts, places)
	// Output: [3 4 5 6] [40 60 80 100]
}
