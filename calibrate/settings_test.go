package calibrate

import (
	"math"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestSettingsAreTheFragments: the settings the workbench applies are the
// keys and values the fragment writes, so the browser and the command line
// calibrate a scenario alike.
func TestSettingsAreTheFragments(t *testing.T) {
	refs := Synthetic(Params{Base: 25, Growth: 0.05, Amplitude: 0.15, Peak: 10}, from, 104, 3)
	for i := range refs {
		refs[i].Group = []string{"most_deprived", "rest", "rest"}[i%3]
		refs[i].Outcome = []string{"accepted", "accepted", "accepted", "inappropriate"}[i%4]
		refs[i].Profile = []string{"complex", "low", "moderate", "moderate", "low"}[i%5]
	}
	x := &Extract{Referrals: refs, HasGroup: true, HasOutcome: true, HasProfile: true}
	profiles := []string{"complex", "low", "moderate"}
	f, err := FitExtract(x, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sh := Summarise(x, nil)
	for _, groups := range [][]string{{"most_deprived", "rest"}, {"north", "south"}} {
		var b strings.Builder
		spec := FragmentSpec{Name: "n", Source: "x.csv", Extends: "baseline", Fit: f, Shares: sh, Groups: groups, Profiles: profiles}
		if err := WriteFragment(&b, spec); err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if _, err := toml.Decode(b.String(), &doc); err != nil {
			t.Fatal(err)
		}
		got := Settings(f, sh, groups)
		keys := map[string]bool{}
		for _, s := range got {
			keys[s.Key] = true
			v, ok := lookup(doc, s.Key)
			if !ok || v != s.Value {
				t.Errorf("groups %v: %s = %v; the fragment has %v (%v)", groups, s.Key, s.Value, v, ok)
			}
			if !(s.Low <= s.High) {
				t.Errorf("%s: interval [%v, %v]", s.Key, s.Low, s.High)
			}
		}
		if want := groups[0] == "most_deprived"; keys["groups.rest.share"] != want {
			t.Errorf("groups %v: group shares set = %v, want %v", groups, !want, want)
		}
		if len(got) < 5 {
			t.Errorf("only %d settings: %+v", len(got), got)
		}
		mixes := ProfileMixes(sh, groups, profiles)
		if want := groups[0] == "most_deprived"; (len(mixes) == 2) != want {
			t.Errorf("groups %v: %d profile mixes, want them set %v", groups, len(mixes), want)
		}
		for _, m := range mixes {
			sum := 0.0
			for _, x := range m.Shares {
				v, ok := lookup(doc, m.Key+"."+x.Name)
				if !ok || v != x.Value {
					t.Errorf("%s.%s = %v; the fragment has %v (%v)", m.Key, x.Name, x.Value, v, ok)
				}
				sum += x.Value
			}
			if math.Abs(sum-1) > 1e-9 {
				t.Errorf("%s sums to %v", m.Key, sum)
			}
		}
	}
}

// lookup finds a dotted key's number in a decoded TOML document.
func lookup(doc map[string]any, key string) (float64, bool) {
	parts := strings.Split(key, ".")
	var cur any = doc
	for _, p := range parts {
		m, ok := cur.(map[string]any)
		if !ok {
			return 0, false
		}
		cur = m[p]
	}
	v, ok := cur.(float64)
	return v, ok
}

// TestInappropriateOutcomes: outcome values are compared as the extract's
// columns are, however written ("Closed - not suitable" is
// closed_not_suitable); an extract none of whose outcomes means an
// inappropriate referral fits no share, rather than a share of 0, and says so.
func TestInappropriateOutcomes(t *testing.T) {
	x := &Extract{HasOutcome: true}
	for i := range 100 {
		x.Referrals = append(x.Referrals, Referral{Outcome: []string{"Accepted", "Accepted", "Accepted", "Closed - not suitable"}[i%4]})
	}
	for _, c := range []struct {
		list []string
		want float64 // the share; NaN for none fitted
	}{
		{nil, math.NaN()},
		{[]string{"Closed - not suitable"}, 0.25},
		{[]string{"closed_not_suitable"}, 0.25},
		{[]string{"CLOSED  -  NOT SUITABLE"}, 0.25},
	} {
		sh := Summarise(x, c.list)
		switch {
		case math.IsNaN(c.want) && (sh.Inappropriate != nil || !sh.NoneInappropriate):
			t.Errorf("%q: %+v, none fitted and NoneInappropriate wanted", c.list, sh.Inappropriate)
		case !math.IsNaN(c.want) && (sh.Inappropriate == nil || sh.Inappropriate.Value != c.want || sh.NoneInappropriate):
			t.Errorf("%q: %+v, want %g", c.list, sh.Inappropriate, c.want)
		}
	}
	// Which outcomes were counted is said, with the others, so that an
	// extract's own word for a declined referral can be added.
	if got, want := Summarise(x, []string{"closed_not_suitable"}).OutcomeWords(),
		`counted as inappropriate: "Closed - not suitable" (25); not counted: "Accepted" (75) (to count one, list it with the others in --inappropriate)`; got != want {
		t.Errorf("outcome words %q, want %q", got, want)
	}
}

// TestExtractColumnsAndNames: a column of counts is refused (each row
// would count as one referral); other columns not read are noted; groups
// written otherwise than the scenario's ("Most deprived") are matched to
// its names, so that their shares apply, and unmatched ones are noted.
func TestExtractColumnsAndNames(t *testing.T) {
	if _, err := Read("c.csv", strings.NewReader("referral_date,count\n2024-01-01,20\n")); err == nil || !strings.Contains(err.Error(), "column 2 (count) looks like a count of referrals") {
		t.Errorf("a count column: %v", err)
	}
	x, err := Read("t.csv", strings.NewReader("referral_date,team,group\n2024-01-01,north,Most deprived\n2024-01-02,south,Rest\n2024-01-03,south,REST\n"))
	if err != nil {
		t.Fatal(err)
	}
	x.Match([]string{"most_deprived", "rest"}, nil)
	sh := Summarise(x, nil)
	notes := Notes(x, sh, []string{"most_deprived", "rest"})
	if len(notes) != 1 || !strings.Contains(notes[0], "columns not read: team") {
		t.Errorf("notes %q, want one naming the team column", notes)
	}
	names := map[string]int{}
	for _, g := range sh.Groups {
		names[g.Name] += g.Count
	}
	if len(sh.Groups) != 2 || names["most_deprived"] != 1 || names["rest"] != 2 {
		t.Errorf("groups %+v, want most_deprived and rest", sh.Groups)
	}
	if notes := Notes(x, sh, []string{"north", "south"}); len(notes) != 2 || !strings.Contains(notes[1], "are not the scenario's (north, south)") {
		t.Errorf("notes %q, want the groups unmatched", notes)
	}
}
