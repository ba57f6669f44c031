package workbench

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
)

// posts are a timeline's link-worker steps, as "week:posts".
func posts(cfg *sim.Config) []string {
	var out []string
	for _, c := range cfg.Timeline {
		if c.LinkWorkers != nil {
			out = append(out, fmt.Sprintf("%d:%d", c.Week, *c.LinkWorkers))
		}
	}
	return out
}

// cliffShown is the week the cliff lever shows.
func cliffShown(v *scenarioView) any {
	for _, l := range v.Levers {
		if l.Key == cliffKey {
			return l.Value
		}
	}
	return nil
}

// TestFundingCliffEndsOnePost: the cliff lever means one post fewer than
// are funded just before its week, whatever the posts are, set before it,
// after it or with it, and whatever the scenario's own steps. Before, it
// wrote a fixed step from the posts of the moment and then ignored them:
// extra-link-worker's four posts fell to two, posts lowered to 1 after it
// were raised to 2 at the "cliff", and setting it again added a step.
func TestFundingCliffEndsOnePost(t *testing.T) {
	s := newTestServer()
	open := func(req scenarioRequest) (*sim.Config, *scenarioView) {
		t.Helper()
		cfg, v, err := s.prepare(req)
		if err != nil {
			t.Fatalf("%+v: %v", req.Set, err)
		}
		return cfg, v
	}
	set := func(kvs ...any) []setting {
		var out []setting
		for i := 0; i < len(kvs); i += 2 {
			out = append(out, setting{Key: kvs[i].(string), Value: kvs[i+1]})
		}
		return out
	}
	const lw = "workforce.link_workers"
	for _, c := range []struct {
		what  string
		name  string
		first []setting // a request whose scenario the second starts from
		then  []setting
		want  []string
		shown int
	}{
		{"a cliff in a scenario that funds a fourth post", "extra-link-worker", set(cliffKey, 104.0), nil, []string{"1:4", "104:3"}, 104},
		{"posts lowered after the cliff", "baseline", set(cliffKey, 104.0), set(lw, 1.0), []string{"104:0"}, 104},
		{"posts raised after the cliff", "baseline", set(cliffKey, 104.0), set(lw, 5.0), []string{"104:4"}, 104},
		{"the cliff set again", "baseline", set(cliffKey, 104.0), set(cliffKey, 104.0), []string{"104:2"}, 104},
		{"the cliff moved", "extra-link-worker", set(cliffKey, 104.0), set(cliffKey, 60.0), []string{"1:4", "60:3"}, 60},
		{"the cliff removed", "extra-link-worker", set(cliffKey, 104.0), set(cliffKey, 0.0), []string{"1:4"}, 0},
		{"posts then cliff in one request", "baseline", nil, set(lw, 5.0, cliffKey, 80.0), []string{"80:4"}, 80},
		{"cliff then posts in one request", "baseline", nil, set(cliffKey, 80.0, lw, 5.0), []string{"80:4"}, 80},
		// funding-cliff's own cut is the scenario's: kept, and not the lever's.
		{"posts changed in the funding-cliff scenario", "funding-cliff", nil, set(lw, 5.0), []string{"104:2"}, 0},
		{"a cliff in the funding-cliff scenario", "funding-cliff", set(cliffKey, 150.0), set(lw, 4.0), []string{"104:2", "150:1"}, 150},
		{"posts changed with the extra post and a cliff", "extra-link-worker", set(cliffKey, 104.0), set(lw, 2.0), []string{"1:4", "104:3"}, 104},
	} {
		_, v := open(scenarioRequest{Name: c.name, Set: c.first})
		cfg, v := open(scenarioRequest{TOML: v.TOML, Set: c.then})
		if got := posts(cfg); !slices.Equal(got, c.want) {
			t.Errorf("%s: link-worker steps %v, want %v", c.what, got, c.want)
		}
		if got := cliffShown(v); got != c.shown {
			t.Errorf("%s: the cliff lever shows %v, want %v", c.what, got, c.shown)
		}
		// The lever's cliff never funds more posts than the week before it.
		funded := cfg.Workforce.LinkWorkers
		for _, ch := range cfg.Timeline {
			if ch.LinkWorkers != nil && ch.Note == cliffNote && *ch.LinkWorkers != funded-1 {
				t.Errorf("%s: the cliff at week %d funds %d posts after %d", c.what, ch.Week, *ch.LinkWorkers, funded)
			}
			if ch.LinkWorkers != nil {
				funded = *ch.LinkWorkers
			}
		}
	}

	// One request, either order: the same scenario.
	_, a := open(scenarioRequest{Name: "extra-link-worker", Set: set(lw, 6.0, cliffKey, 90.0)})
	_, b := open(scenarioRequest{Name: "extra-link-worker", Set: set(cliffKey, 90.0, lw, 6.0)})
	if a.TOML != b.TOML {
		t.Error("posts and the cliff in one request give different scenarios in different orders")
	}

	// No posts left to end: refused, not a cliff that raises posts.
	_, v := open(scenarioRequest{Name: "baseline", Set: set(cliffKey, 104.0)})
	if _, _, err := s.prepare(scenarioRequest{TOML: v.TOML, Set: set(lw, 0.0)}); err == nil || !strings.Contains(err.Error(), "no link-worker posts are funded then") {
		t.Errorf("posts set to 0 under a cliff: %v, want a refusal", err)
	}

	// The cliff follows the posts: moving them is not warned of as a value
	// the timeline sets again; extra-link-worker's own step still is.
	if _, v := open(scenarioRequest{TOML: v.TOML, Set: set(lw, 5.0)}); len(v.Warnings) > 0 {
		t.Errorf("posts moved under a cliff warn %q", v.Warnings[0].Text)
	}
	_, v = open(scenarioRequest{Name: "extra-link-worker", Set: set(cliffKey, 104.0)})
	if _, v := open(scenarioRequest{TOML: v.TOML, Set: set(lw, 5.0)}); len(v.Warnings) == 0 || !strings.Contains(v.Warnings[0].Text, "set timeline.0.link_workers instead") {
		t.Errorf("extra-link-worker's own step is not warned of: %v", v.Warnings)
	}
}

// TestCliffLeverNamesTheScenariosOwnSteps: beside the cliff lever, the
// steps of the scenario's own timeline that set the posts, which the
// lever keeps.
func TestCliffLeverNamesTheScenariosOwnSteps(t *testing.T) {
	_, v, err := newTestServer().prepare(scenarioRequest{Name: "funding-cliff"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range v.Levers {
		if l.Key == cliffKey && !strings.HasPrefix(l.Note, "The scenario's own timeline sets the posts to 2 at week 104 (fixed-term funding for one post ends); the cliff keeps") {
			t.Errorf("the cliff lever's note %q", l.Note)
		}
	}
}

// TestCliffAsWrittenRunsAsWritten: a scenario whose cliff step the page
// wrote earlier (here one cutting two of three posts, as an earlier page's
// bug could) runs as written when neither the cliff nor the posts move,
// as spsim run runs it; moving the posts remakes it as one post fewer.
func TestCliffAsWrittenRunsAsWritten(t *testing.T) {
	cfg, err := scenarios.Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	one := 1
	cfg.Timeline = append(cfg.Timeline, sim.Change{Week: 50, Note: cliffNote, LinkWorkers: &one})
	if err := apply(cfg, []setting{{Key: "demand.referrals_per_week", Value: 22.0}}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(posts(cfg)); got != "[50:1]" {
		t.Errorf("another lever moved: steps %s, want the step as written, [50:1]", got)
	}
	if err := apply(cfg, []setting{{Key: postsKey, Value: 4.0}}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(posts(cfg)); got != "[50:3]" {
		t.Errorf("posts moved to 4: steps %s, want [50:3]", got)
	}
}

// TestCliffRefusesASweepOfPosts: a sweep or plan over the posts of a
// scenario with the page's cliff is refused in words, as each point would
// keep the cliff's fixed count (adding posts at 1, cutting three at 5).
func TestCliffRefusesASweepOfPosts(t *testing.T) {
	cfg, err := scenarios.Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Extends = ""
	if err := apply(cfg, []setting{{Key: cliffKey, Value: 150.0}}); err != nil {
		t.Fatal(err)
	}
	text, err := encode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := newTestServer()
	for path, body := range map[string]string{
		"/api/sweep":    `{"toml":` + jsonString(text) + `,"key":"workforce.link_workers","values":[1,5]}`,
		"/api/optimise": `{"toml":` + jsonString(text) + `,"levers":[{"key":"workforce.link_workers","values":[3,4]}],"target":{"kpi":"wait_first_contact_p90_weeks","op":"<=","value":4}}`,
	} {
		if w := post(t, h, path, body); w.Code != 400 || !strings.Contains(w.Body.String(), "set the funding cliff to 0 (never) to vary the posts") {
			t.Errorf("%s: %d %.300s", path, w.Code, w.Body.String())
		}
	}
	if w := post(t, h, "/api/sweep", `{"toml":`+jsonString(text)+`,"key":"demand.referrals_per_week","values":[20,24]}`); strings.Contains(w.Body.String(), "funding cliff") {
		t.Errorf("a sweep of referrals with the cliff was refused: %.300s", w.Body.String())
	}
}
