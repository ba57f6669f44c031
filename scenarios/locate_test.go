package scenarios

import (
	"strings"
	"testing"
)

func TestLocate(t *testing.T) {
	src := strings.Join([]string{
		`name = "x"                      # 1`,
		`"quoted key" = 'v'              # 2`,
		`a.b . c = 1                     # 3`,
		`[services.wellbeing_groups]     # 4`,
		`places = 20                     # 5`,
		`sessions = { dist = "poisson", mean = 3 }`,
		`text = """`,
		`[not.a.table]`,
		`"""`,
		`[[timeline]]                    # 10`,
		`week = 10`,
		`[[timeline]]`,
		`  week = 20`,
		`services = { x = { places = 1 } }`,
		`[timeline.extra]                # 15`,
		`k = [1, 2,`,
		`  { y = 3 },  # comment ] }`,
		`]`,
		`[ "odd.name" . inner ]`,
		"crlf = 1\r",
		`"é" = 1`,
		`[t]`,
		`  "ü" = { "é" = 1, k = 2 }`,
	}, "\n")
	got := locate([]byte(src))
	want := map[string]loc{
		"name":                               {1, 1},
		`"quoted key"`:                       {2, 1},
		"a":                                  {3, 1},
		"a.b":                                {3, 1},
		"a.b.c":                              {3, 1},
		"services":                           {4, 1},
		"services.wellbeing_groups":          {4, 1},
		"services.wellbeing_groups.places":   {5, 1},
		"services.wellbeing_groups.sessions": {6, 1},
		"services.wellbeing_groups.sessions.dist": {6, 14},
		"services.wellbeing_groups.sessions.mean": {6, 32},
		"services.wellbeing_groups.text":          {7, 1},
		"timeline":                                {10, 1},
		"timeline.0":                              {10, 1},
		"timeline.0.week":                         {11, 1},
		"timeline.1":                              {12, 1},
		"timeline.1.week":                         {13, 3},
		"timeline.1.services.x.places":            {14, 20},
		"timeline.1.extra":                        {15, 1},
		"timeline.1.extra.k.0":                    {16, 6},
		"timeline.1.extra.k.2":                    {17, 3},
		"timeline.1.extra.k.2.y":                  {17, 5},
		`"odd.name".inner`:                        {19, 1},
		`"odd.name".inner.crlf`:                   {20, 1},
		`"odd.name".inner."é"`:                    {21, 1},
		`t."ü"`:                                   {23, 3},
		`t."ü"."é"`:                               {23, 11},
		`t."ü".k`:                                 {23, 20},
	}
	for key, w := range want {
		if g, ok := got[key]; !ok || g != w {
			t.Errorf("%s at %v (found %v), want %v", key, g, ok, w)
		}
	}
	for _, key := range []string{"not", "not.a.table", "timeline.1.extra.k.3"} {
		if _, ok := got[key]; ok {
			t.Errorf("found %s, which is not a key", key)
		}
	}
}

func TestSplitKey(t *testing.T) {
	for _, path := range [][]string{
		{"a"}, {"services", "wellbeing_groups", "places"}, {"odd.name", "x"}, {`q"uote`, `back\slash`}, {"timeline", "1", "week"},
	} {
		key := keyString(path)
		got := splitKey(key)
		if strings.Join(got, "|") != strings.Join(path, "|") {
			t.Errorf("splitKey(%s) = %q, want %q", key, got, path)
		}
	}
}

func TestSuggest(t *testing.T) {
	allowed := []string{"link_workers", "fte", "caseload_cap_per_fte", "allocation"}
	for name, want := range map[string]string{
		"link_wrokers":   "link_workers",
		"Link_Workers":   "link_workers",
		"linkworkers":    "link_workers",
		"ftee":           "fte",
		"caseload_cap":   "",
		"completely_new": "",
		"allocaton":      "allocation",
	} {
		if got := suggest(name, allowed); got != want {
			t.Errorf("suggest(%q) = %q, want %q", name, got, want)
		}
	}
}
