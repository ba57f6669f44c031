package study_test

import (
	"reflect"
	"testing"

	"github.com/spsim/spsim/study"
)

func TestParseVary(t *testing.T) {
	for _, tc := range []struct {
		in   string
		key  string
		vals []string
		bad  bool
	}{
		{in: "workforce.link_workers=2,3,4", key: "workforce.link_workers", vals: []string{"2", "3", "4"}},
		{in: " demand.referrals_per_week = 15, 20 ", key: "demand.referrals_per_week", vals: []string{"15", "20"}},
		{in: `workforce.recruitment_delay_weeks={ dist = "gamma", mean = 13, sd = 4 },{ dist = "fixed", value = 4 }`,
			key: "workforce.recruitment_delay_weeks", vals: []string{`{ dist = "gamma", mean = 13, sd = 4 }`, `{ dist = "fixed", value = 4 }`}},
		{in: `support.model="short_term","a,b"`, key: "support.model", vals: []string{`"short_term"`, `"a,b"`}},
		{in: "workforce.link_workers", bad: true},
		{in: "=1,2", bad: true},
		{in: "a=1,,2", bad: true},
		{in: "a={1,2", bad: true},
	} {
		f, err := study.ParseVary(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("study.ParseVary(%q) = %+v, want an error", tc.in, f)
			}
			continue
		}
		if err != nil || f.Key != tc.key || !reflect.DeepEqual(f.Values, tc.vals) {
			t.Errorf("study.ParseVary(%q) = %+v, %v; want %s %q", tc.in, f, err, tc.key, tc.vals)
		}
	}
}
