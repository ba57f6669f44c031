package scenarios

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const icbHead = `name = "five"
extends = "baseline"
question = "q"
`

// TestAreasDiffer: areas set any key, from [[areas.list]] and from a CSV,
// and each area's scenario carries its own values and the base's rest.
func TestAreasDiffer(t *testing.T) {
	list := icbHead + `
[[areas.list]]
name = "Riverside PCN"
set = { "workforce.link_workers" = 5, "services.wellbeing_groups.places" = 70 }

[[areas.list]]
name = "Northgate PCN"
referrals_multiplier = 1.5
[areas.list.set]
"demand.referrals_per_week" = 30.0
"groups.most_deprived.share" = 0.7
"groups.rest.share" = 0.3
"workforce.recruitment_delay_weeks" = { dist = "gamma", mean = 20.0, sd = 5.0 }
`
	csv := "\uFEFFname,workforce.link_workers,services.wellbeing_groups.places,demand.referrals_per_week,groups.most_deprived.share,groups.rest.share,workforce.recruitment_delay_weeks,referrals_multiplier\r\n" +
		"Riverside PCN,5,70,,,,,\r\n" +
		"Northgate PCN,,,30,0.7,0.3,\"{ dist = \"\"gamma\"\", mean = 20.0, sd = 5.0 }\",1.5\r\n"
	dir := writeFiles(t, map[string]string{"list.toml": list, "file.toml": icbHead + "\n[areas]\nfile = \"pcns.csv\"\n", "pcns.csv": csv})
	for _, name := range []string{"list.toml", "file.toml"} {
		t.Run(name, func(t *testing.T) {
			c, err := LoadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			// The model applies referrals_multiplier; here, each area's
			// resolved scenario and its multiplier.
			areas := c.Areas.List
			if len(areas) != 2 || areas[0].Name != "Riverside PCN" || areas[1].Name != "Northgate PCN" ||
				areas[0].Resolved == nil || areas[1].Resolved == nil || areas[1].ReferralsMultiplier == nil || *areas[1].ReferralsMultiplier != 1.5 {
				t.Fatalf("areas %+v", areas)
			}
			r, n := areas[0].Resolved, areas[1].Resolved
			if r.Workforce.LinkWorkers != 5 || r.Services["wellbeing_groups"].Places != 70 || r.Demand.ReferralsPerWeek != c.Demand.ReferralsPerWeek {
				t.Errorf("Riverside: %d link workers, %d places, %g referrals a week", r.Workforce.LinkWorkers, r.Services["wellbeing_groups"].Places, r.Demand.ReferralsPerWeek)
			}
			if d := n.Workforce.RecruitmentDelayWeeks; n.Workforce.LinkWorkers != c.Workforce.LinkWorkers || n.Demand.ReferralsPerWeek != 30 ||
				n.Groups["most_deprived"].Share != 0.7 || d.Dist != "gamma" || d.Mean == nil || *d.Mean != 20 {
				t.Errorf("Northgate: %d link workers, %g referrals a week (want 30), most deprived %g, delay %v",
					n.Workforce.LinkWorkers, n.Demand.ReferralsPerWeek, n.Groups["most_deprived"].Share, n.Workforce.RecruitmentDelayWeeks)
			}
			// The resolved scenario stands alone and loads to the same areas.
			var b bytes.Buffer
			if err := Encode(&b, c); err != nil {
				t.Fatal(err)
			}
			again, err := loadBytes("resolved.toml", dir, b.Bytes())
			if err != nil {
				t.Fatalf("%v\n%s", err, b.String())
			}
			areas2 := again.Areas.List
			if len(areas2) != 2 || areas2[1].Resolved == nil || areas2[1].Resolved.Demand.ReferralsPerWeek != 30 || areas2[0].Resolved == nil || areas2[0].Resolved.Workforce.LinkWorkers != 5 {
				t.Error("the resolved scenario does not reload to the same areas")
			}
		})
	}
}

// TestAreasRefused: bad area overrides are refused naming the file, line,
// column and key.
func TestAreasRefused(t *testing.T) {
	cases := []struct{ name, toml, csv, want string }{
		{"unknown key", `[[areas.list]]
name = "A"
set = { "workforce.link_worker" = 4 }
`, "", `workforce.link_worker is not a scenario key`},
		// The areas' weekly tables are added up member by member: an area
		// with a group of its own had its columns added to the others'.
		{"a group of its own", `[[areas.list]]
name = "B"
set = { "groups.rest.share" = 0.28, "groups.aaa.share" = 0.30, "groups.aaa.profile_mix" = { low = 0.5, moderate = 0.3, complex = 0.2 }, "groups.aaa.patience_multiplier" = 1.0, "groups.aaa.vcse_acceptance_multiplier" = 1.0 }
[[areas.list]]
name = "A"
`, "", `area "B": its groups (aaa, most_deprived, rest) differ from the scenario's (most_deprived, rest)`},
		{"run key", `[[areas.list]]
name = "A"
set = { "run.seed" = 4 }
`, "", `run.seed cannot differ between areas`},
		{"bad value", `[[areas.list]]
name = "A"
set = { "workforce.link_workers" = -1 }
`, "", `area "A": workforce.link_workers: `},
		{"csv unknown column", "[areas]\nfile = \"p.csv\"\n", "name,workforce.linkworkers\nA,3\n", `p.csv:1:2: workforce.linkworkers: not a scenario key`},
		// A typo in a column's key is told the key it most likely meant,
		// as a scenario's unknown key is.
		{"csv misspelt column", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_worker\nA,3\n", `p.csv:1:2: workforce.link_worker: not a scenario key; did you mean workforce.link_workers? (columns are name,`},
		{"csv misspelt table", "[areas]\nfile = \"p.csv\"\n", "name,Workforce.Link_Worker\nA,3\n", `did you mean workforce.link_workers?`},
		{"csv misspelt area column", "[areas]\nfile = \"p.csv\"\n", "name,referals_multiplier\nA,3\n", `did you mean referrals_multiplier?`},
		{"csv misspelt service key", "[areas]\nfile = \"p.csv\"\n", "name,services.wellbeing_groups.place\nA,3\n", `did you mean services.wellbeing_groups.places?`},
		{"csv bad cell", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\nA,3\nB,three\n", `p.csv:3:2: workforce.link_workers = "three": area "B": expected a whole number`},
		{"csv duplicate", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\nA,3\nA,4\n", `p.csv:3:1: name: area "A" is also on line 2`},
		{"csv column without a name", "[areas]\nfile = \"p.csv\"\n", "name,,workforce.link_workers\nA,1,3\n", `p.csv:2:2: column 2 has no name in the header, yet holds "1" here`},
		{"csv column twice", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers,workforce.link_workers\nA,4,5\n", `p.csv:1:3: workforce.link_workers: column workforce.link_workers is also column 2`},
		{"csv totals row", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\nA,3\nB,4\nTotal,7\n", `p.csv:4:1: name: "Total" looks like a spreadsheet's totals row`},
		{"csv named totals row", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\nA,3\nB,4\nICB total,7\n", `p.csv:4:1: name: "ICB total" looks like a spreadsheet's totals row`},
		{"csv total for all", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\nA,3\nB,4\nTotal for all PCNs,7\n", `p.csv:4:1: name: "Total for all PCNs" looks like a spreadsheet's totals row`},
		{"csv name twice but for case", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\nRiverside PCN,3\nRIVERSIDE PCN ,4\n", `p.csv:3:1: name: area "RIVERSIDE PCN" is also on line 2`},
		{"csv capitalised key", "[areas]\nfile = \"p.csv\"\n", "Name,Workforce.Link_Workers\nA,3\n", `p.csv:1:2: Workforce.Link_Workers: keys are lower case: write workforce.link_workers`},
		{"csv decimal comma", "[areas]\nfile = \"p.csv\"\n", "name;workforce.fte\nA;0,9\n", `p.csv:2:2: workforce.fte = 0,9: not a value spsim can read: numbers take a decimal point, not a comma: write 0.9`},
		{"csv dot thousands", "[areas]\nfile = \"p.csv\"\n", "name;costs.salary_per_fte_year\nA;32.000\n", `p.csv:2:2: costs.salary_per_fte_year = 32.000: in a file separated by semicolons, 32.000 reads as 32,000 with a dot for its thousands: write 32000, without separators (or 32 if a decimal was meant)`},
		{"csv thousands", "[areas]\nfile = \"p.csv\"\n", "name,costs.salary_per_fte_year\nA,\"32,000\"\n", `p.csv:2:2: costs.salary_per_fte_year = 32,000: not a value spsim can read: write 32000, without thousands separators`},
		{"csv pounds", "[areas]\nfile = \"p.csv\"\n", "name,costs.salary_per_fte_year\nA,\"£32,000\"\n", `write 32000, without £ or thousands separators`},
		// A whole-number key is not told to write what it refuses in turn.
		{"csv decimal comma of posts", "[areas]\nfile = \"p.csv\"\n", "name;workforce.link_workers\nA;3,5\n", `p.csv:2:2: workforce.link_workers = 3,5: not a value spsim can read: want a whole number (funded link-worker posts, 0-100000)`},
		{"csv percent", "[areas]\nfile = \"p.csv\"\n", "name,demand.inappropriate_share\nA,12%\n", `write a share as a fraction: 0.12 for 12%`},
		{"csv multiplier of 0", "[areas]\nfile = \"p.csv\"\n", "name,referrals_multiplier\nA,0\n", `p.csv:2:2: referrals_multiplier = 0: a number above 0 and at most 100 (multiplies the area's referrals; 1 is no change)`},
		{"csv multiplier of inf", "[areas]\nfile = \"p.csv\"\n", "name,referrals_multiplier\nA,inf\n", `p.csv:2:2: referrals_multiplier = inf: a number above 0 and at most 100`},
		{"csv multiplier of a million", "[areas]\nfile = \"p.csv\"\n", "name,referrals_multiplier\nA,1e6\n", `p.csv:2:2: referrals_multiplier = 1e6: a number above 0 and at most 100`},
		// ParseFloat reads NaN and hexadecimal: NaN passed the share's
		// bounds, refused later at the scenario's line, not the cell's, and
		// 0x1p-1 was read as 0.5.
		{"csv share not a number", "[areas]\nfile = \"p.csv\"\n", "name,reference_group_share\nA,0.3\nB,NaN\n", `p.csv:3:2: reference_group_share = NaN: expected a number`},
		{"csv multiplier in hexadecimal", "[areas]\nfile = \"p.csv\"\n", "name,referrals_multiplier\nA,0x1p-1\n", `p.csv:2:2: referrals_multiplier = 0x1p-1: expected a number`},
		{"csv share as a percentage", "[areas]\nfile = \"p.csv\"\n", "name,reference_group_share\nA,28\n", `p.csv:2:2: reference_group_share = 28: a share from 0 to 1: did you mean 0.28 (28%)?`},
		{"an area's caseload file", `[[areas.list]]
name = "A"
set = { "initial.file" = "c.csv" }
`, "", `initial.file cannot differ between areas`},
		{"csv no name column", "[areas]\nfile = \"p.csv\"\n", "pcn,workforce.link_workers\nA,3\n", `the first column must be "name"`},
		{"csv title above the header", "[areas]\nfile = \"p.csv\"\n", "PCNs in our ICB\n\nName,workforce.link_workers\nA,3\n", `p.csv:1:1: the first column must be "name", then one column per scenario key (e.g. workforce.link_workers); the header seems to be line 3 (["Name" "workforce.link_workers"]), below a title: delete lines 1 to 2, so that the header is the first line`},
		{"csv unknown key below a blank line", "[areas]\nfile = \"p.csv\"\n", "\nname,workforce.link_wokers\nA,3\n", `p.csv:2:2: workforce.link_wokers: not a scenario key`},
		{"csv missing", "[areas]\nfile = \"none.csv\"\n", "", `none.csv: cannot read the areas file`},
		{"csv empty", "[areas]\nfile = \"p.csv\"\n", "\uFEFF\r\n", `p.csv: the areas file is empty`},
		{"csv broken quote", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\n\"A,3\nB,4\n", `quoted field that starts on line 2`},
		{"csv name with an escape", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\nA,3\nnorth\x1b[31mRED,3\n", `a name must not contain control characters`},
		{"csv formula name", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\nA,3\n@south,3\n", `p.csv:3:1: name = @south: area "@south" starts with "@"`},
		{"csv more values", "[areas]\nfile = \"p.csv\"\n", "name;workforce.link_workers\nA;3;4\n", `p.csv:2:3: more values than the 2 columns`},
		// A row cut short kept the scenario's referrals for B without a word.
		{"csv fewer values", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers,demand.referrals_per_week\nA,2,20\nB,3\n", `p.csv:3:3: 2 values for the header's 3 columns, so demand.referrals_per_week has none: write an empty cell (a comma) to keep the scenario's value`},
		{"csv fewer values, two missing", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers,demand.referrals_per_week\nA\nB,,\n", `p.csv:2:2: 1 value for the header's 3 columns, so workforce.link_workers, demand.referrals_per_week have none`},
		// Read as TOML, "3 # was 4" was 3, its comment dropped unseen.
		{"csv cell with a comment", "[areas]\nfile = \"p.csv\"\n", "name,workforce.link_workers\nA,3 # was 4\n", `p.csv:2:2: workforce.link_workers = 3 # was 4: "# was 4" is a TOML comment, which a value given alone may not have (it would be dropped without a word): give the value alone, as 3,`},
		{"csv text with #", "[areas]\nfile = \"p.csv\"\n", "name,workforce.allocation\nA,priority #1\n", `p.csv:2:2: workforce.allocation = priority #1: the # of "#1" would start a TOML comment, which a value given alone may not have: put text holding # in quotes, as "priority #1"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"s.toml": icbHead + c.toml, "p.csv": c.csv})
			_, err := LoadFile(filepath.Join(dir, "s.toml"))
			if err == nil {
				t.Fatal("loaded; want a refusal")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error\n  %v\nwant it to contain\n  %s", err, c.want)
			}
		})
	}
}

// TestAreasWarn: an area's own values are checked for plausible typos as a
// scenario's are, and the warning names the area and its line; an areas
// file repeating one is capped.
func TestAreasWarn(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"s.toml":    icbHead + "[areas]\nfile = \"areas.csv\"\n",
		"areas.csv": "name,workforce.caseload_cap_per_fte,demand.referrals_per_week\nnorth,45,22\nsouth,450,18\neast,45,180\n",
	})
	got := warningsOf(t, filepath.Join(dir, "s.toml"))
	want := []string{
		filepath.Join(dir, "areas.csv") + `:3: workforce.caseload_cap_per_fte = 450: warning: area "south": 450 is outside the plausible range 10 to 150 (caseload places per full-time link worker; typical 30-60); did you mean 45?`,
		filepath.Join(dir, "areas.csv") + `:4: demand.referrals_per_week = 180: warning: area "east": 180 referrals a week for 3 link-worker FTE (workforce.link_workers × fte) is 60 a week each, more than four times the typical 6.67 (about 20 a week for a PCN's three); did you mean 18?`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	many := "name,workforce.caseload_cap_per_fte\n"
	for i := range maxErrors + 20 {
		many += fmt.Sprintf("a%d,450\n", i)
	}
	dir = writeFiles(t, map[string]string{"s.toml": icbHead + "[areas]\nfile = \"areas.csv\"\n", "areas.csv": many})
	// The first three areas' warnings about a key in full, the rest in one
	// line naming each with its line and value: many areas inheriting one
	// value buried the other warnings. Four are shown whole: a line to sum
	// up one says less.
	four := "name,workforce.caseload_cap_per_fte\na,450\nb,450\nc,450\nd,450\n"
	dir4 := writeFiles(t, map[string]string{"s.toml": icbHead + "[areas]\nfile = \"areas.csv\"\n", "areas.csv": four})
	if ws := warningsOf(t, filepath.Join(dir4, "s.toml")); len(ws) != 4 || strings.Contains(strings.Join(ws, "\n"), "more areas") {
		t.Errorf("four areas: %q, want each whole", ws)
	}
	ws := warningsOf(t, filepath.Join(dir, "s.toml"))
	if len(ws) != shownPerKey+1 || !strings.Contains(ws[len(ws)-1], fmt.Sprintf("workforce.caseload_cap_per_fte: warning: and for %d more areas (a3 at line 5, 450; a4 at line 6, 450; a5 at line 7, 450; a6 at line 8, 450; a7 at line 9, 450; a8 at line 10, 450; a9 at line 11, 450; a10 at line 12, 450; a11 at line 13, 450; a12 at line 14, 450; …), as above", maxErrors+20-shownPerKey)) {
		t.Errorf("%d warnings:\n%s\nwant %d, the last counting the rest", len(ws), strings.Join(ws, "\n"), shownPerKey+1)
	}
}

// TestAreasWarningsCountedAndKept: the areas' warnings summed up in one
// line are counted in the total ("ok, with 4 warnings" was said of 120),
// and the cap on them is key by key, so that a hundred warnings about
// other keys never push out and lose a key's only one.
func TestAreasWarningsCountedAndKept(t *testing.T) {
	many := "name,workforce.caseload_cap_per_fte\n"
	for i := range maxErrors + 20 {
		many += fmt.Sprintf("a%d,450\n", i)
	}
	dir := writeFiles(t, map[string]string{"s.toml": icbHead + "[areas]\nfile = \"areas.csv\"\n", "areas.csv": many})
	l, err := LoadWith(filepath.Join(dir, "s.toml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := CountWarnings(l.Warnings); n != maxErrors+20 {
		t.Errorf("%d warnings counted of %d areas' warnings", n, maxErrors+20)
	}

	var ws []Warning
	for i := range maxErrors + 20 {
		ws = append(ws, Warning{File: "areas.csv", Line: i + 2, Key: fmt.Sprintf("services.s%d.places", i), Message: "area: outside"})
	}
	for i := range maxErrors + 5 {
		ws = append(ws, Warning{File: "areas.csv", Line: i + 2, Key: "workforce.fte", Message: "area: outside"})
	}
	ws = append(ws, Warning{File: "areas.csv", Line: 2, Key: "costs.on_cost_share", Message: "area: 28"})
	got := capWarnings(ws)
	kept := map[string]int{}
	for _, w := range got {
		kept[w.Key] += max(w.More, 1)
	}
	if len(kept) != maxErrors+22 || kept["costs.on_cost_share"] != 1 || kept["workforce.fte"] != maxErrors+5 || CountWarnings(got) != len(ws) {
		t.Errorf("%d keys kept of %d, %d warnings counted of %d; costs.on_cost_share %d, workforce.fte %d",
			len(kept), maxErrors+22, CountWarnings(got), len(ws), kept["costs.on_cost_share"], kept["workforce.fte"])
	}
	if last := got[len(got)-1]; last.Key != "workforce.fte" || last.More != 5 || !strings.Contains(last.Message, "5 more warnings") {
		t.Errorf("the last warning is %+v, want the 5 more about workforce.fte", last)
	}
}

// TestAreasDoNotRepeatTheScenariosWarnings: a value the scenario is
// warned of is not warned of again for each area that sets other keys; an
// area that sets it itself is warned at its own line, and a warning that
// only an area's values raise is kept.
func TestAreasDoNotRepeatTheScenariosWarnings(t *testing.T) {
	typo := "[costs]\non_cost_share = 28.0\n"
	csv := filepath.Join("DIR", "areas.csv")
	for _, tt := range []struct {
		name, areas string
		want        []string
	}{
		{"inherited", "name,workforce.link_workers\nnorth,4\nsouth,5\n", []string{
			`s.toml:N: costs.on_cost_share = 28.0: warning: 28 is outside`}},
		{"set by one area", "name,workforce.link_workers,costs.on_cost_share\nnorth,4,28\nsouth,5,\n", []string{
			`s.toml:N: costs.on_cost_share = 28.0: warning: 28 is outside`,
			csv + `:2: costs.on_cost_share = 28: warning: area "north": 28 is outside`}},
		{"raised by an area's own value", "name,demand.referrals_per_week\nnorth,22\neast,180\n", []string{
			`s.toml:N: costs.on_cost_share = 28.0: warning: 28 is outside`,
			csv + `:3: demand.referrals_per_week = 180: warning: area "east": 180 referrals a week`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"s.toml": icbHead + typo + "[areas]\nfile = \"areas.csv\"\n", "areas.csv": tt.areas})
			got := warningsOf(t, filepath.Join(dir, "s.toml"))
			ok := len(got) == len(tt.want)
			for i := 0; ok && i < len(got); i++ {
				want := strings.ReplaceAll(tt.want[i], "DIR", dir)
				if file, rest, _ := strings.Cut(want, ":N:"); rest != "" {
					ok = strings.HasPrefix(got[i], filepath.Join(dir, file)+":") && strings.Contains(got[i], rest)
				} else {
					ok = strings.HasPrefix(got[i], want)
				}
			}
			if !ok {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestAreasTheTimelineOverrides: a key the areas set each for themselves
// that the timeline sets again for every area alike is warned of once.
func TestAreasTheTimelineOverrides(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"s.toml":    icbHead + "[areas]\nfile = \"areas.csv\"\n[[timeline]]\nweek = 104\nlink_workers = 2\nnote = \"funding cut\"\n",
		"areas.csv": "name,workforce.link_workers\nnorth,4\nsouth,3\n",
	})
	got := warningsOf(t, filepath.Join(dir, "s.toml"))
	want := filepath.Join(dir, "areas.csv") + ":2: workforce.link_workers: warning: the areas set workforce.link_workers each, but the scenario's timeline sets it again for every area alike at week 104 (funding cut): each area's own value holds until then"
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestAreasSetting: a value varied for the scenario reaches only the areas
// that do not set the key themselves; when some do, the warning says how
// many keep their own.
func TestAreasSetting(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"s.toml":    icbHead + "[areas]\nfile = \"areas.csv\"\n",
		"areas.csv": "name,workforce.link_workers,demand.referrals_per_week\nnorth,4,20\nsouth,,22\neast,3,18\n",
	})
	c, err := LoadFile(filepath.Join(dir, "s.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if n, of := AreasSetting(c, "workforce.link_workers"); n != 2 || of != 3 {
		t.Errorf("link workers set by %d of %d areas, want 2 of 3", n, of)
	}
	if got, want := AreasWarning(c, "--vary", "workforce.link_workers"), "--vary workforce.link_workers: warning: 2 of the 3 areas set workforce.link_workers themselves and keep their own; the values varied reach the other 1"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	for _, key := range []string{"demand.referrals_per_week", "workforce.fte"} { // every area, or none
		if w := AreasWarning(c, "--vary", key); w != "" {
			t.Errorf("%s: %q, want none", key, w)
		}
	}
}

// warningsOf loads the scenario file at path and returns its warnings as
// spsim validate prints them.
func warningsOf(t *testing.T, path string) []string {
	t.Helper()
	l, err := LoadWith(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, w := range l.Warnings {
		out = append(out, w.String())
	}
	return out
}

// TestAreaSetDottedKeys: set = { workforce.link_workers = 4 }, unquoted,
// is read by TOML as a table; it sets the one key, as the quoted form
// does, rather than replacing the whole of [workforce].
func TestAreaSetDottedKeys(t *testing.T) {
	for _, set := range []string{`set = { workforce.link_workers = 4, services.wellbeing_groups.places = 60 }`,
		`set = { "workforce.link_workers" = 4, "services.wellbeing_groups.places" = 60 }`} {
		l, err := LoadBytes("a.toml", []byte(icbHead+"[[areas.list]]\nname = \"A\"\n"+set+"\n[[areas.list]]\nname = \"B\"\n"), Options{})
		if err != nil {
			t.Fatalf("%s: %v", set, err)
		}
		a := l.Config.Areas.List[0]
		if n, of := AreasSetting(l.Config, "workforce.link_workers"); n != 1 || of != 2 {
			t.Errorf("%s: link workers set by %d of %d areas, want 1 of 2", set, n, of)
		}
		if r := a.Resolved; r == nil || r.Workforce.LinkWorkers != 4 || r.Services["wellbeing_groups"].Places != 60 || r.Workforce.FTE != l.Config.Workforce.FTE {
			t.Errorf("%s: area A resolved to %+v", set, r)
		}
	}
}

// TestNamedAreasReplaceInheritedCopies: a child of icb (30 copies) that
// names its own areas has those areas, not a clash with a count it never
// wrote; a count it writes itself beside them is still refused.
func TestNamedAreasReplaceInheritedCopies(t *testing.T) {
	list := "[[areas.list]]\nname = \"A\"\n[[areas.list]]\nname = \"B\"\n"
	l, err := LoadBytes("c.toml", []byte("name = \"c\"\nextends = \"icb\"\n"+list), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := l.Config.Areas; len(a.List) != 2 || a.Count > 1 {
		t.Errorf("areas: count %d, %d listed; want the 2 listed", a.Count, len(a.List))
	}
	_, err = LoadBytes("c.toml", []byte("name = \"c\"\nextends = \"icb\"\n[areas]\ncount = 5\n"+list), Options{})
	if err == nil || !strings.Contains(err.Error(), "not both") {
		t.Errorf("a count written beside the list: %v, want refused", err)
	}
}

// TestAreasFileAcceptsNamesThatLookLikeOthers: a PCN named "Total Health
// PCN" is an area, not a totals row, and a service named with capitals
// (services.Gym.places) is a column, not a capitalised key.
func TestAreasFileAcceptsNamesThatLookLikeOthers(t *testing.T) {
	list, _, errs := parseAreas("p.csv", []byte("name,services.Gym.places\nTotal Health PCN,10\nRiverside PCN,12\n"))
	if errs != nil || len(list) != 2 || list[0].Name != "Total Health PCN" {
		t.Errorf("areas %+v, errors %v", list, errs)
	}
}

// TestRoleWithoutPostsWarned: a role with no posts takes its profiles'
// referrals and sees nobody; it is warned of, naming the profiles.
func TestRoleWithoutPostsWarned(t *testing.T) {
	dir := writeFiles(t, map[string]string{"s.toml": "name = \"nav0\"\nextends = \"navigator-triage\"\n[roles.care_navigator]\nposts = 0\n"})
	ws := strings.Join(warningsOf(t, filepath.Join(dir, "s.toml")), "\n")
	if !strings.Contains(ws, "roles.care_navigator.posts = 0: warning: nobody takes the role's profiles (low)") {
		t.Errorf("warnings %q", ws)
	}
}

// TestAreasFileErrorsAtTheirCells: an areas file's problems are all said
// at once, each at its cell with the value written there: cells a
// spreadsheet wrote in its own format (a "12%", "£32", a number too large
// to hold), and values out of range for the area.
func TestAreasFileErrorsAtTheirCells(t *testing.T) {
	base, err := Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		csv  string
		want []string
	}{
		{"name,workforce.link_workers,demand.referrals_per_week\nA,12%,25\nB,3,£32\nC,1e400,25\n", []string{
			"p.csv:2:2: workforce.link_workers = 12%: not a value spsim can read: want a whole number (funded link-worker posts, 0-100000)\n",
			"p.csv:3:3: demand.referrals_per_week = £32: not a value spsim can read",
			"p.csv:4:2: workforce.link_workers = 1e400: a number too large to read"}},
		{"name,workforce.link_workers,demand.referrals_per_week\nA,200000,25\nB,3,-4\n", []string{
			`p.csv:2:2: workforce.link_workers = 200000: area "A": must be between 0 and 100000`,
			`p.csv:3:3: demand.referrals_per_week = -4: area "B": must be > 0`}},
	} {
		cfg := *base
		err := SetAreas(&cfg, "p.csv", []byte(c.csv))
		if err == nil {
			t.Fatalf("%q: accepted", c.csv)
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q:\n%v\nlacks %q", c.csv, err, w)
			}
		}
	}
}

// TestAreasAndTodaysCaseload: an area's own counts of people waiting and
// on caseloads replace the scenario's caseload, person by person, which
// won silently before; areas given none start alike from the one caseload,
// and a warning says so.
func TestAreasAndTodaysCaseload(t *testing.T) {
	const caseload = "referral_date,status,sessions,group,profile,awaiting_place\n08/11/2025,waiting,,rest,,\n04/10/2025,active,2,rest,,\n01/10/2025,active,1,rest,,\n"
	head := icbHead + "[initial]\nfile = \"c.csv\"\n[areas]\nfile = \"p.csv\"\n"
	dir := writeFiles(t, map[string]string{"s.toml": head, "c.csv": caseload,
		"p.csv": "name,initial.waiting,initial.active\nA,10,40\nB,5,30\n"})
	l, err := LoadWith(filepath.Join(dir, "s.toml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range [][2]int{{10, 40}, {5, 30}} {
		in := l.Config.Areas.List[i].Resolved.Initial
		if in.Waiting != want[0] || in.Active != want[1] || len(in.People) != 0 {
			t.Errorf("area %d starts with %d waiting, %d active and %d people from the caseload; want %v and none", i, in.Waiting, in.Active, len(in.People), want)
		}
	}
	if got := fmt.Sprint(l.Warnings); strings.Contains(got, "starts each of") {
		t.Errorf("areas with their own counts warned: %s", got)
	}
	dir = writeFiles(t, map[string]string{"s.toml": head, "c.csv": caseload, "p.csv": "name,workforce.link_workers\nA,3\nB,4\n"})
	if l, err = LoadWith(filepath.Join(dir, "s.toml"), Options{}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(l.Warnings); !strings.Contains(got, "today's caseload of 3 people starts each of 2 areas alike (A, B)") {
		t.Errorf("warnings %s: want the shared caseload's", got)
	}
}

// TestAreasTrailingEmptyColumn: a spreadsheet's trailing comma, an unnamed
// column with nothing in it, is no problem; a value in it is (TestAreasRefused).
func TestAreasTrailingEmptyColumn(t *testing.T) {
	dir := writeFiles(t, map[string]string{"p.csv": "name,workforce.link_workers,\nnorth,3,\nsouth,4,\n",
		"s.toml": "name = \"s\"\nextends = \"baseline\"\n[areas]\nfile = \"p.csv\"\n"})
	c, err := LoadFile(filepath.Join(dir, "s.toml"))
	if err != nil || len(c.Areas.List) != 2 {
		t.Fatalf("%v", err)
	}
}

// TestAreasCellsAsToolsWriteThem: numbers TOML does not take but other
// tools write (.9, 26., 007) are read as the numbers they are (".9" was
// refused as "a number too large to read"), and a spreadsheet's TRUE and
// FALSE as true and false; 1e400 is still too large.
func TestAreasCellsAsToolsWriteThem(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"p.csv":  "name,workforce.fte,demand.referrals_per_week,workforce.link_workers,holding.enabled\nnorth,.9,26.,007,FALSE\nsouth,0.8,18,4,True\n",
		"s.toml": "name = \"s\"\nextends = \"baseline\"\n[areas]\nfile = \"p.csv\"\n",
	})
	c, err := LoadFile(filepath.Join(dir, "s.toml"))
	if err != nil {
		t.Fatal(err)
	}
	n, s := c.Areas.List[0].Resolved, c.Areas.List[1].Resolved
	if n.Workforce.FTE != 0.9 || n.Demand.ReferralsPerWeek != 26 || n.Workforce.LinkWorkers != 7 || n.Holding.Enabled || !s.Holding.Enabled {
		t.Errorf("north: fte %v, referrals %v, posts %d, holding %v; south holding %v", n.Workforce.FTE, n.Demand.ReferralsPerWeek, n.Workforce.LinkWorkers, n.Holding.Enabled, s.Holding.Enabled)
	}
	// A file separated by semicolons with decimal points: 0.500 is a half,
	// never thousands (a group of thousands does not start with 0); it was
	// refused, told to write 0500.
	dir = writeFiles(t, map[string]string{
		"p.csv":  "name;workforce.fte;demand.inappropriate_share\nnorth;0.500;0.120\n",
		"s.toml": "name = \"s\"\nextends = \"baseline\"\n[areas]\nfile = \"p.csv\"\n",
	})
	if c, err := LoadFile(filepath.Join(dir, "s.toml")); err != nil {
		t.Errorf("0.500 and 0.120 separated by semicolons: %v", err)
	} else if n := c.Areas.List[0].Resolved; n.Workforce.FTE != 0.5 || n.Demand.InappropriateShare != 0.12 {
		t.Errorf("0.500 and 0.120 separated by semicolons: fte %v, inappropriate share %v", n.Workforce.FTE, n.Demand.InappropriateShare)
	}
	for _, cell := range []string{"1e400", "99999999999999999999"} {
		dir := writeFiles(t, map[string]string{
			"p.csv":  "name,demand.referrals_per_week\nnorth," + cell + "\n",
			"s.toml": "name = \"s\"\nextends = \"baseline\"\n[areas]\nfile = \"p.csv\"\n",
		})
		if _, err := LoadFile(filepath.Join(dir, "s.toml")); err == nil || !strings.Contains(err.Error(), "p.csv:2:2: demand.referrals_per_week = "+cell+": a number too large to read") {
			t.Errorf("%s: %v", cell, err)
		}
	}
}
