package scenarios

import "testing"

func TestRepeatedValue(t *testing.T) {
	tests := []struct {
		values []string
		want   string // "" for none repeated
	}{
		{[]string{"3", "4"}, ""},
		{[]string{"3", "3.0"}, "3.0"},
		{[]string{"0", "-0"}, "-0"},
		{[]string{"0.5", "5e-1"}, "5e-1"},
		{[]string{"fcfs", `"fcfs"`}, `"fcfs"`},
		{[]string{"fcfs", `'fcfs'`}, `'fcfs'`},
		{[]string{"fcfs", "priority"}, ""},
		{[]string{"true", "false"}, ""},
		{[]string{`{ dist = "gamma", mean = 13, sd = 4 }`, `{sd=4.0,mean=13,dist="gamma"}`}, `{sd=4.0,mean=13,dist="gamma"}`},
		{[]string{`{ dist = "gamma", mean = 13, sd = 4 }`, `{ dist = "gamma", mean = 13, sd = 5 }`}, ""},
		{[]string{"nan", "nan"}, ""}, // refused when set, not here
		{[]string{"3", `"3"`}, ""},   // a number and a text differ
	}
	for _, tt := range tests {
		got, twice := RepeatedValue(tt.values)
		if got != tt.want || twice != (tt.want != "") {
			t.Errorf("RepeatedValue(%q) = %q, %v; want %q", tt.values, got, twice, tt.want)
		}
	}
}
