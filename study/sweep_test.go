package study_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
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
		{in: "workforce.link_workers=3..6", key: "workforce.link_workers", vals: []string{"3", "4", "5", "6"}},
		{in: "workforce.link_workers=2, 4..5, 8", key: "workforce.link_workers", vals: []string{"2", "4", "5", "8"}},
		{in: `support.model="a..b"`, key: "support.model", vals: []string{`"a..b"`}},
		{in: "workforce.link_workers", bad: true},
		{in: "demand.referrals_per_week=10..20:5", key: "demand.referrals_per_week", vals: []string{"10", "15", "20"}},
		{in: "demand.referrals_per_week=10..x", bad: true},
		{in: "workforce.link_workers=6..3", bad: true},
		{in: "workforce.link_workers=1..5000", bad: true},
		{in: "=1,2", bad: true},
		{in: "a=1,,2", bad: true},
		{in: "a={1,2", bad: true},
		{in: "workforce.link_workers=3,3.0", bad: true},    // a point twice
		{in: "workforce.link_workers=-0,0", bad: true},     // -0 is 0
		{in: "workforce.link_workers=2..4, 3", bad: true},  // a range and a value overlapping
		{in: `support.model="tiered","tiered"`, bad: true}, // a choice twice
		{in: `support.model=tiered,"tiered"`, bad: true},   // a choice twice, once without quotes
		{in: `workforce.recruitment_delay_weeks={ dist = "gamma", mean = 13, sd = 4 },{sd=4.0,mean=13,dist="gamma"}`, bad: true}, // a distribution twice
		{in: "workforce.link_workers=3,4 # three, four", bad: true},                                                              // a comment: was 3 and 4, the comment dropped
		{in: "workforce.link_workers=3..5 # c", bad: true},
		{in: `support.model="a#b",'c#d'`, key: "support.model", vals: []string{`"a#b"`, `'c#d'`}},
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

// TestSweepWarnsOfUnlikelyValues: a plausible typo in --vary or --set
// (on-costs of 28 for 0.28) is warned of once, naming the typical value,
// as a scenario file's would be; under --strict it stops the sweep.
func TestSweepWarnsOfUnlikelyValues(t *testing.T) {
	spec := study.SweepSpec{Ref: short, Vary: []string{"costs.on_cost_share=28,0.3"},
		Sets: []string{"workforce.link_workers=2"}, Options: study.Options{Replications: 2, Jobs: 1}}
	p, err := study.PlanSweep(spec)
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Execute(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range r.LoadWarnings {
		if strings.Contains(w, "on_cost_share") {
			got = append(got, w)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "--vary costs.on_cost_share = 28") || !strings.Contains(got[0], "0.28") {
		t.Errorf("warnings about on_cost_share: %q, want one for --vary 28 naming 0.28", got)
	}

	spec.Vary, spec.Sets = []string{"workforce.link_workers=2,3"}, []string{"costs.on_cost_share=28"}
	spec.Load.Strict = true
	if _, err := study.PlanSweep(spec); err == nil || !strings.Contains(err.Error(), "--strict") {
		t.Errorf("--set costs.on_cost_share=28 under --strict: %v, want an error", err)
	}
}

// TestSweepRefusesAKeyEveryAreaSets: a value for the whole scenario would
// reach no area, so a sweep, or a run's or comparison's --set, would
// silently change nothing.
func TestSweepRefusesAKeyEveryAreaSets(t *testing.T) {
	dir := t.TempDir()
	write := func(name, areas string) string {
		path := filepath.Join(dir, name+".toml")
		text := "name = \"" + name + "\"\nextends = \"baseline\"\n" + areas
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	area := func(name, set string) string {
		return "[[areas.list]]\nname = \"" + name + "\"\n" + set + "\n"
	}
	every := write("every", area("A", `set = { "workforce.link_workers" = 2 }`)+area("B", `set = { "workforce.link_workers" = 4 }`))
	some := write("some", area("A", `set = { "workforce.link_workers" = 2 }`)+area("B", ""))
	for _, c := range []struct {
		ref, vary string
		refused   bool
	}{
		{every, "workforce.link_workers=2,4", true},
		{every, "demand.referrals_per_week=20,30", false},
		{some, "workforce.link_workers=2,4", false},
	} {
		_, err := study.PlanSweep(study.SweepSpec{Ref: c.ref, Vary: []string{c.vary}, Options: study.Options{Replications: 2, Jobs: 1}})
		if refused := err != nil && strings.Contains(err.Error(), "every area"); refused != c.refused {
			t.Errorf("%s --vary %s: %v, want refused %v", filepath.Base(c.ref), c.vary, err, c.refused)
		}
		// --set, on a run or a comparison, likewise.
		set := c.vary[:strings.Index(c.vary, ",")] // the first value
		_, err = study.PlanRun(study.RunSpec{Ref: c.ref, Sets: []string{set}, Options: study.Options{Replications: 2, Jobs: 1}})
		if refused := err != nil && strings.Contains(err.Error(), "every area"); refused != c.refused {
			t.Errorf("run %s --set %s: %v, want refused %v", filepath.Base(c.ref), set, err, c.refused)
		}
		_, err = study.PlanCompare(study.CompareSpec{Refs: []string{c.ref, "baseline"}, Sets: []string{set}, Options: study.Options{Replications: 2, Jobs: 1}})
		if refused := err != nil && strings.Contains(err.Error(), "every area"); refused != c.refused {
			t.Errorf("compare %s --set %s: %v, want refused %v", filepath.Base(c.ref), set, err, c.refused)
		}
	}
	// The refusal says what to do instead: no --vary key reaches one
	// area's value ("areas.A.workforce.link_workers" is an unknown key), so
	// "vary it in the areas" sent people looking for one.
	_, err := study.PlanSweep(study.SweepSpec{Ref: every, Vary: []string{"workforce.link_workers=2,4"}, Options: study.Options{Replications: 2, Jobs: 1}})
	if err == nil || strings.Contains(err.Error(), "vary it in the areas") ||
		!strings.Contains(err.Error(), "a sweep varies a key in every area at once") || !strings.Contains(err.Error(), "spsim compare") {
		t.Errorf("sweep of a key every area sets: %v; want how to vary one area's value", err)
	}
	// Where some areas set the key, --set reaches the others: a warning
	// says how many keep their own.
	p, err := study.PlanRun(study.RunSpec{Ref: some, Sets: []string{"workforce.link_workers=3"}, Options: study.Options{Replications: 2, Jobs: 1}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Execute(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := "--set workforce.link_workers: warning: 1 of the 2 areas set workforce.link_workers themselves and keep their own; the value set reaches the other 1"
	if !slices.Contains(r.LoadWarnings, want) {
		t.Errorf("warnings %q, want %q", r.LoadWarnings, want)
	}
}

// TestSetsCheckedTogether: --set values are checked as one change, so two
// groups' shares that sum to 1 can be set, though either alone would not.
func TestSetsCheckedTogether(t *testing.T) {
	for _, c := range []struct {
		sets []string
		want string
	}{
		{[]string{"groups.most_deprived.share=0.6", "groups.rest.share=0.4"}, ""},
		{[]string{"groups.most_deprived.share=0.6"}, "--set groups.most_deprived.share=0.6: groups: group shares sum to 1.18, not 1: most_deprived 0.6 + rest 0.58; two shares are each 1 minus the other: most_deprived 0.6 with rest 0.4"},
	} {
		p, err := study.PlanRun(study.RunSpec{Ref: "baseline", Sets: c.sets, Options: study.Options{Replications: 2, Jobs: 1}})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v", c.sets, err)
		case c.want == "" && p.Config().Groups["most_deprived"].Share != 0.6:
			t.Errorf("%q: most_deprived's share %g", c.sets, p.Config().Groups["most_deprived"].Share)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%q: %v, want %q", c.sets, err, c.want)
		}
	}
}

// TestSweepPointSetTogether: a sweep point's values are checked as one
// change, as --set's are: two groups' shares varied side by side, which
// sum to 1 only together, make a point; a grid that pairs them otherwise
// is refused at the point that does not sum.
func TestSweepPointSetTogether(t *testing.T) {
	for _, c := range []struct {
		vary []string
		want string
	}{
		{[]string{"groups.most_deprived.share=0.2", "groups.rest.share=0.8"}, ""},
		{[]string{"groups.most_deprived.share=0.2,0.42", "groups.rest.share=0.8,0.58"},
			"--vary groups.most_deprived.share=0.2, groups.rest.share=0.58 (a point of the sweep): groups: group shares sum to 0.78, not 1"},
	} {
		p, err := study.PlanSweep(study.SweepSpec{Ref: "baseline", Vary: c.vary, Options: study.Options{Replications: 2, Jobs: 1}})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v", c.vary, err)
		case c.want == "" && p.Points() != 1:
			t.Errorf("%q: %d points, want 1", c.vary, p.Points())
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%q: %v, want %q", c.vary, err, c.want)
		}
	}
}
