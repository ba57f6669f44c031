package scenarios

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// want is one error a test expects: at file (default: the file loaded) and
// line (0: no line), with key and a message containing msg.
type want struct {
	file string
	line int
	key  string
	msg  string
}

// checkErrors fails t unless err is an Errors holding exactly wants.
func checkErrors(t *testing.T, file string, err error, wants []want) {
	t.Helper()
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got error %v (%T), want scenarios.Errors", err, err)
	}
	if len(es) != len(wants) {
		t.Errorf("got %d errors, want %d:\n%v", len(es), len(wants), err)
	}
	for _, w := range wants {
		wf := file
		if w.file != "" {
			wf = w.file
		}
		found := false
		for _, e := range es {
			if e.File == wf && e.Line == w.line && e.Key == w.key && strings.Contains(e.Msg, w.msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error %s:%d: %s: ...%s...; got:\n%v", wf, w.line, w.key, w.msg, err)
		}
	}
	if t.Failed() {
		return
	}
	// Every error reads file:line:col: key = value: msg.
	for _, e := range es {
		if !strings.HasPrefix(e.Error(), e.File) {
			t.Errorf("error %q does not start with its file", e.Error())
		}
	}
}

func TestLoadFileErrors(t *testing.T) {
	tests := []struct {
		file  string
		wants []want
	}{
		{"unknown_key.toml", []want{{line: 5, key: "workforce.link_wrokers", msg: `unknown key; did you mean "link_workers"?`}}},
		{"wrong_table.toml", []want{{line: 5, key: "workforce.referrals_per_week", msg: `"referrals_per_week" is a key of [demand]`}}},
		{"negative_rate.toml", []want{{line: 5, key: "demand.referrals_per_week", msg: "must be > 0"}}},
		{"many_errors.toml", []want{
			{line: 6, key: "workforce.caseload_cap_per_fte", msg: "must be > 0 (caseload places per full-time link worker; typical 30-60)"},
			{line: 7, key: "workforce.allocation", msg: `must be one of "fcfs", "priority"`},
			{line: 10, key: "demand.seasonal_amplitude", msg: "less than 1"},
			{line: 13, key: "services.wellbeing_groups.acceptance_probability", msg: "between 0 and 1"},
			{line: 14, key: "services.wellbeing_groups.when_full", msg: `"waitlist", "refuse"`},
		}},
		{"mixed.toml", []want{
			{line: 7, key: "workforce.fte", msg: "expected a number, got a string"},
			{line: 8, key: "workforce.link_wrokers", msg: "unknown key"},
			{line: 11, key: "demand.referrals_per_week", msg: "must be > 0"},
			{line: 14, key: "profiles.low.share", msg: "expected a number, got a string"},
		}},
		{"type_error.toml", []want{{line: 5, key: "workforce.link_workers", msg: "expected a whole number, got a string"}}},
		{"nan.toml", []want{
			{line: 5, key: "demand.annual_growth", msg: "finite"},
			{line: 8, key: "costs.recruitment_cost", msg: "finite"},
		}},
		{"timeline.toml", []want{{line: 11, key: "timeline.1.week", msg: "a timeline week past the horizon"}}},
		{"warmup.toml", []want{{line: 6, key: "run.warmup_weeks", msg: "a warm-up at least as long as the horizon"}}},
		{"shares.toml", []want{{line: 5, key: "profiles", msg: "profile shares sum to "}}},
		{"bad_refs.toml", []want{
			{line: 5, key: "profiles.low.needs.social_conection", msg: `did you mean "social_connection"?`},
			{line: 8, key: "groups.rest.profile_mix.moderat", msg: `"moderat" is not a profile; did you mean "moderate"?`},
			{line: 9, key: "groups.rest.service_acceptance.wellbeing_group", msg: `is not a service; did you mean "wellbeing_groups"?`},
			{line: 13, key: "timeline.0.services.walking", msg: `"walking" is not a service`},
		}},
		{"new_service_typo.toml", []want{{line: 4, key: "services.wellbeing_grups", msg: "did you mean to change [services.wellbeing_groups]?"}}},
		{"cycle_a.toml", []want{{file: "testdata/cycle_b.toml", line: 2, key: "extends", msg: "extends cycle: testdata/cycle_a.toml extends testdata/cycle_b.toml extends testdata/cycle_a.toml"}}},
		{"missing_parent.toml", []want{{line: 2, key: "extends", msg: "testdata/no_such_parent.toml does not exist"}}},
		{"misspelt_builtin.toml", []want{{line: 2, key: "extends", msg: `did you mean "baseline"?`}}},
		{"empty.toml", []want{{msg: "empty file"}}},
		{"deep.toml", []want{{line: 5, msg: "nested too deeply"}}},
		{"comments_only.toml", []want{{msg: "no settings"}}},
		{"binary.toml", []want{{line: 3, msg: "not a text file"}}},
		{"latin1.toml", []want{{line: 2, msg: "not UTF-8"}}},
		{"json.toml", []want{{line: 1, msg: "looks like JSON"}}},
		{"yaml.toml", []want{{line: 1, msg: "looks like YAML"}}},
		{"syntax.toml", []want{{line: 5, msg: "TOML syntax error"}}},
		{"unquoted.toml", []want{{line: 5, msg: `text values need quotes in TOML, e.g. allocation = "priority"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			c, err := LoadFile(path)
			if c != nil {
				t.Errorf("got a Config with error %v", err)
			}
			checkErrors(t, path, err, tt.wants)
		})
	}
}

// writeFiles writes name → text files into a new folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// baselineWithout returns baseline.toml without the lines that start with
// any of prefixes.
func baselineWithout(t *testing.T, prefixes ...string) string {
	t.Helper()
	src, ok := Source("baseline")
	if !ok {
		t.Fatal("no baseline")
	}
	var kept []string
	for _, line := range strings.Split(string(src), "\n") {
		drop := false
		for _, p := range prefixes {
			drop = drop || strings.HasPrefix(line, p)
		}
		if !drop {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}

// baselineWithoutTable returns baseline.toml without the table whose
// header is header.
func baselineWithoutTable(t *testing.T, header string) string {
	t.Helper()
	src, _ := Source("baseline")
	var kept []string
	in := false
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "[") {
			in = strings.TrimSpace(line) == header
		}
		if !in {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}

func TestMissingKeys(t *testing.T) {
	noFTE := baselineWithout(t, "fte =")
	noSeed := baselineWithout(t, "seed =", "replications =")
	tests := []struct {
		name  string
		text  string
		wants []want
	}{
		{"one key", noFTE, []want{{line: lineOf(noFTE, "[workforce]"), key: "workforce.fte", msg: "missing: this key is required"}}},
		{"several keys", noSeed, []want{{line: lineOf(noSeed, "[run]"), key: "run", msg: "missing required keys in [run]: replications, seed"}}},
		{"a table", baselineWithoutTable(t, "[holding]"), []want{{line: 0, key: "holding", msg: "missing"}}},
		{"own name", "extends = \"baseline\"\n", []want{{line: 0, key: "name", msg: "every scenario file needs its own name"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"s.toml": tt.text})
			path := filepath.Join(dir, "s.toml")
			_, err := LoadFile(path)
			checkErrors(t, path, err, tt.wants)
		})
	}
}

// lineOf returns the number of the first line of text that starts with
// prefix.
func lineOf(text, prefix string) int {
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	return -1
}

func TestExtendsBuiltinOverride(t *testing.T) {
	base, err := Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	c, err := LoadFile("testdata/override.toml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "fewer-wellbeing-places" || c.Extends != "baseline" || !strings.HasPrefix(c.Question, "What if") {
		t.Errorf("name, extends, question = %q, %q, %q", c.Name, c.Extends, c.Question)
	}
	got, was := *c.Services["wellbeing_groups"], *base.Services["wellbeing_groups"]
	if got.Places != 20 {
		t.Errorf("places = %d, want 20", got.Places)
	}
	got.Places = was.Places
	if !reflect.DeepEqual(got, was) {
		t.Errorf("other fields of the service changed:\n got %+v\nwant %+v", got, was)
	}
	c.Services["wellbeing_groups"].Places = was.Places
	c.Name, c.Question, c.Extends = base.Name, base.Question, base.Extends
	if !reflect.DeepEqual(c, base) {
		t.Error("the override changed more than one value")
	}
}

func TestExtendsRelativeFile(t *testing.T) {
	c, err := LoadFile("testdata/relative.toml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Workforce.LinkWorkers != 8 {
		t.Errorf("link_workers = %d, want 8 (the child's)", c.Workforce.LinkWorkers)
	}
	if c.Demand.ReferralsPerWeek != 30 {
		t.Errorf("referrals_per_week = %v, want 30 (the parent's)", c.Demand.ReferralsPerWeek)
	}
	if base := loadBaseline(t); c.Run.HorizonWeeks != base.Run.HorizonWeeks {
		t.Errorf("horizon_weeks = %d, want %d (the grandparent's)", c.Run.HorizonWeeks, base.Run.HorizonWeeks)
	}
	if c.Name != "my-area-more-staff" || c.Extends != "area/area.toml" {
		t.Errorf("name, extends = %q, %q", c.Name, c.Extends)
	}
	if c.Question != "How does my area's service perform?" {
		t.Errorf("question = %q, want the parent's", c.Question)
	}
}

// Distributions and maps of numbers are replaced whole; timeline steps add
// up (TestTimelineInheritance).
func TestExtendsReplacesWhole(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"parent.toml": `name = "parent"
extends = "baseline"
[[timeline]]
week = 10
link_workers = 5
[[timeline]]
week = 20
link_workers = 6
`,
		"child.toml": `name = "child"
extends = "parent.toml"
[workforce]
recruitment_delay_weeks = { dist = "exponential", mean = 10 }   # the parent's sd must not survive
[profiles.low]
needs = { social_connection = 1.0 }
[[timeline]]
week = 30
referrals_per_week = 25
`,
	})
	c, err := LoadFile(filepath.Join(dir, "child.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Workforce.RecruitmentDelayWeeks; s.Dist != "exponential" || s.SD != nil {
		t.Errorf("recruitment_delay_weeks = %v, want exponential with no sd", s)
	}
	if n := c.Profiles["low"].Needs; len(n) != 1 || n["social_connection"] != 1 {
		t.Errorf("needs = %v, want only social_connection", n)
	}
	if len(c.Timeline) != 3 || c.Timeline[2].Week != 30 {
		t.Errorf("timeline = %+v, want the parent's two changes and the child's (steps add up)", c.Timeline)
	}
}

func TestErrorInParentIsPlacedInParent(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"parent.toml": "name = \"parent\"\nextends = \"baseline\"\n[workforce]\nfte = 2.0\n",
		"child.toml":  "name = \"child\"\nextends = \"parent.toml\"\n\n[demand]\nannual_growth = -2\n",
	})
	path := filepath.Join(dir, "child.toml")
	_, err := LoadFile(path)
	checkErrors(t, path, err, []want{
		{file: filepath.Join(dir, "parent.toml"), line: 4, key: "workforce.fte", msg: "at most 1.5"},
		{line: 5, key: "demand.annual_growth", msg: "must be > -1"},
	})
}

func TestErrorPointsAtChildChange(t *testing.T) {
	// The built-in's table is not what is wrong: the child's new profile is.
	dir := writeFiles(t, map[string]string{
		"s.toml": "name = \"s\"\nextends = \"baseline\"\n\n[profiles.extra]\nshare = 0.1\ncomplex = false\nsessions = 2\npatience_weeks = 8\ndna_probability = 0\ngp_appointments_per_year = 4\n",
	})
	path := filepath.Join(dir, "s.toml")
	_, err := LoadFile(path)
	checkErrors(t, path, err, []want{{line: 5, key: "profiles", msg: "sum to 1.1, not 1"}})
}

func TestExtendsDepth(t *testing.T) {
	// s0 extends baseline, and each sN extends s(N-1): sN is N+1 levels.
	flat := map[string]string{"s0.toml": "name = \"s0\"\nextends = \"baseline\"\n"}
	for i := 1; i <= maxDepth; i++ {
		flat["s"+itoa(i)+".toml"] = "name = \"s\"\nextends = \"s" + itoa(i-1) + ".toml\"\n"
	}
	dir := writeFiles(t, flat)
	if _, err := LoadFile(filepath.Join(dir, "s"+itoa(maxDepth-1)+".toml")); err != nil {
		t.Errorf("%d levels: %v", maxDepth, err)
	}
	_, err := LoadFile(filepath.Join(dir, "s"+itoa(maxDepth)+".toml"))
	if err == nil || !strings.Contains(err.Error(), "too many levels of extends") {
		t.Errorf("%d levels: got %v, want too many levels", maxDepth+1, err)
	}
}

func TestBuiltinExtendsOnlyBuiltins(t *testing.T) {
	src := source{file: "builtin:x.toml", id: "builtin:x", builtin: true, data: []byte("name = \"x\"\nextends = \"testdata/override.toml\"\n")}
	_, err := (&loader{}).load(src)
	checkErrors(t, "builtin:x.toml", err, []want{{line: 2, key: "extends", msg: "a built-in scenario can only extend another built-in"}})
}

func TestLoadRefs(t *testing.T) {
	if _, err := Load("baseline"); err != nil {
		t.Errorf("Load(baseline): %v", err)
	}
	if _, err := Load("testdata/override.toml"); err != nil {
		t.Errorf("Load(a path): %v", err)
	}
	_, err := Load("no-such-scenario")
	if err == nil || !strings.Contains(err.Error(), `no built-in scenario or file named "no-such-scenario"`) {
		t.Errorf("Load(unknown name) = %v", err)
	}
	_, err = Load("testdata/no-such-file.toml")
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing file) = %v, want ErrNotExist", err)
	}
	_, err = LoadFile("testdata")
	if err == nil || !strings.Contains(err.Error(), "a folder, not a file") {
		t.Errorf("LoadFile(folder) = %v", err)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestPartialNeedsWarn: a child's needs replace its parent's whole, so one
// written as a single dotted key drops the others; the warning names
// them. A child giving every entry is not warned of.
func TestPartialNeedsWarn(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"[profiles.low]\nneeds.physical_activity = 0.9\n", "profiles.low.needs: warning: replaces the parent scenario's needs as a whole, so mental_wellbeing, social_connection, not given here, are dropped"},
		{"[profiles.low]\nneeds = { physical_activity = 0.9, mental_wellbeing = 0.2, social_connection = 0 }\n", ""},
	} {
		l, err := LoadBytes("x.toml", []byte("name = \"x\"\nextends = \"baseline\"\n"+c.body), Options{})
		if err != nil {
			t.Fatal(err)
		}
		all := warningLines(l.Warnings)
		if c.want == "" && strings.Contains(all, "dropped") || c.want != "" && !strings.Contains(all, c.want) {
			t.Errorf("%q: warnings %q, want %q", c.body, all, c.want)
		}
	}
}

// TestUnfundedServiceWarns: a service given places but no grant at all
// would cost nothing and close with its hazard; a grant written as 0 is a
// choice and is not warned of, nor is a grant or funding given.
func TestUnfundedServiceWarns(t *testing.T) {
	const svc = "[services.gardening]\ncategories = [\"physical_activity\"]\nplaces = 10\nengagement_weeks = 12.0\n" +
		"acceptance_probability = 0.9\ncompletion_probability = 0.75\nwhen_full = \"waitlist\"\npatience_weeks = 8.0\nclosure_hazard_per_year = 0.5\n"
	const want = "x.toml:4:1: services.gardening: warning: has 10 places but no grant_per_place_year or funding_per_year, so its places cost nothing"
	for _, c := range []struct {
		name, body string
		warned     bool
	}{
		{"no grant", svc, true},
		{"grant 0", svc + "grant_per_place_year = 0.0\n", false},
		{"grant given", svc + "grant_per_place_year = 500.0\n", false},
		{"funding given", svc + "funding_per_year = 5000.0\n", false},
	} {
		l, err := LoadBytes("x.toml", []byte("name = \"x\"\nextends = \"baseline\"\n\n"+c.body), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		all := warningLines(l.Warnings)
		if got := strings.Contains(all, want); got != c.warned {
			t.Errorf("%s: warnings %q; want the unfunded warning: %v", c.name, all, c.warned)
		}
	}
	// A service that never closes is not said to close.
	never := strings.Replace(svc, "closure_hazard_per_year = 0.5", "closure_hazard_per_year = 0.0", 1)
	l, err := LoadBytes("x.toml", []byte("name = \"x\"\nextends = \"baseline\"\n\n"+never), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if all := fmt.Sprint(l.Warnings); !strings.Contains(all, "so its places cost nothing: give grant_per_place_year") {
		t.Errorf("a service that never closes: %s", all)
	}
}

// warningLines are the warnings as the command line prints them, a line
// each.
func warningLines(ws []Warning) string {
	lines := make([]string, len(ws))
	for i, w := range ws {
		lines[i] = w.String()
	}
	return strings.Join(lines, "\n")
}
