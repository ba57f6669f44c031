package sim_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
)

// emitted runs a short baseline replication and returns the columns and
// KPIs the model emits.
func emitted(t *testing.T) *sim.Result {
	t.Helper()
	cfg := load(t, "baseline")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 30, 10
	r, err := sim.Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRegistryMatchesModel: every column and KPI the model emits is in the
// registry with the same unit, and every registry entry is emitted (a
// family's entry by at least one member).
func TestRegistryMatchesModel(t *testing.T) {
	// navigator-triage has a role beside the link workers: the per-role family.
	nav := load(t, "navigator-triage")
	nav.Run.HorizonWeeks, nav.Run.WarmupWeeks = 30, 10
	rn, err := sim.Run(nav, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := emitted(t)
	r.Columns = append(r.Columns, rn.Columns...)
	r.KPIs = append(r.KPIs, rn.KPIs...)
	check := func(kind string, names, units []string, reg []sim.Measure, lookup func(string) (sim.Measure, bool)) {
		seen := map[string]bool{}
		for i, n := range names {
			m, ok := lookup(n)
			if !ok {
				t.Errorf("%s %q is emitted but not in the registry", kind, n)
				continue
			}
			if m.Unit != units[i] {
				t.Errorf("%s %q: unit %q, registry says %q", kind, n, units[i], m.Unit)
			}
			seen[fmt.Sprint(m.Name, m.Family)] = true
		}
		for _, m := range reg {
			if !seen[fmt.Sprint(m.Name, m.Family)] {
				t.Errorf("%s %q (family %d) is in the registry but the model never emits it", kind, m.Name, m.Family)
			}
			if m.Label == "" || m.Description == "" || m.Unit == "" {
				t.Errorf("%s %q lacks a label, description or unit", kind, m.Name)
			}
			if !(m.Min < m.Max) {
				t.Errorf("%s %q: empty range [%v, %v]", kind, m.Name, m.Min, m.Max)
			}
		}
	}
	var names, units []string
	for _, c := range r.Columns {
		names, units = append(names, c.Name), append(units, c.Unit)
	}
	check("column", names, units, sim.Columns(), sim.LookupColumn)
	names, units = nil, nil
	for _, k := range r.KPIs {
		names, units = append(names, k.Name), append(units, k.Unit)
	}
	check("KPI", names, units, sim.KPIs(), sim.LookupKPI)
}

// TestKPIValuesWithinRange: every KPI of a replication lies in its
// registered possible range (NaN aside: an undefined ratio).
func TestKPIValuesWithinRange(t *testing.T) {
	for _, k := range emitted(t).KPIs {
		m, _ := sim.LookupKPI(k.Name)
		if !math.IsNaN(k.Value) && (k.Value < m.Min || k.Value > m.Max) {
			t.Errorf("%s = %v outside its possible range [%v, %v]", k.Name, k.Value, m.Min, m.Max)
		}
	}
}

func TestLookupFamilies(t *testing.T) {
	for _, c := range []struct {
		name string
		fam  sim.Family
		base string
		ok   bool
	}{
		{"needs_met_share", sim.Overall, "needs_met_share", true},
		{"needs_met_share.most_deprived", sim.PerGroup, "needs_met_share", true},
		{"needs_met_share.north.east", sim.PerGroup, "needs_met_share", true}, // a dotted group name
		{"all_needs_met_share.profile.complex", sim.PerProfile, "all_needs_met_share", true},
		{"all_needs_met_share", sim.Overall, "", false},
		{"needs_met_share.profile.complex", sim.Overall, "", false}, // no per-profile share
		{"no_such_kpi", sim.Overall, "", false},
		{"needs_met_share.", sim.Overall, "", false},
	} {
		m, ok := sim.LookupKPI(c.name)
		if ok != c.ok || ok && (m.Family != c.fam || m.Name != c.base) {
			t.Errorf("LookupKPI(%q) = %q family %d, %v; want %q family %d, %v", c.name, m.Name, m.Family, ok, c.base, c.fam, c.ok)
		}
	}
	if m, ok := sim.LookupColumn("supported_all_needs_met.profile.low"); !ok || m.Family != sim.PerProfile {
		t.Errorf("LookupColumn of a profile column: %+v %v", m, ok)
	}
	if got := (sim.Measure{Name: "reneged", Family: sim.PerGroup}).Member("a.b"); got != "reneged.a.b" {
		t.Errorf("Member = %q", got)
	}
}

const (
	tableBegin = "<!-- kpi-table: generated from sim/measures.go by go test ./sim/ -run README -update -->"
	tableEnd   = "<!-- end kpi-table -->"
)

// kpiTable renders the registry's KPIs as the README's markdown table.
func kpiTable() string {
	var b strings.Builder
	b.WriteString("| KPI | unit | meaning | denominator |\n| --- | --- | --- | --- |\n")
	for _, m := range sim.KPIs() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", memberPattern(m), m.Unit, m.Description, m.Denominator)
	}
	return b.String()
}

// memberPattern is a measure's name as the README writes it: a family's
// with a letter for its member ("needs_met_share.G").
func memberPattern(m sim.Measure) string {
	return m.Member(map[sim.Family]string{sim.PerGroup: "G", sim.PerProfile: "P", sim.PerRole: "R", sim.PerService: "S"}[m.Family])
}

// columnsTable is the README's table of weekly columns, from the registry.
func columnsTable() string {
	var b strings.Builder
	b.WriteString("| column | unit | meaning |\n| --- | --- | --- |\n")
	for _, m := range sim.Columns() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", memberPattern(m), m.Unit, m.Description)
	}
	return b.String()
}

// TestREADMEColumnsTable: the README's table of weekly.csv's columns is
// the registry's, so that every column a script meets is explained.
func TestREADMEColumnsTable(t *testing.T) {
	checkGenerated(t, "<!-- columns-table: generated from sim/measures.go by go test ./sim/ -run README -update -->", "<!-- end columns-table -->", columnsTable())
}

// checkGenerated checks the README's text between the markers begin and
// end against want, or with -update writes want there.
func checkGenerated(t *testing.T, begin, end, want string) {
	t.Helper()
	const path = "../README.md"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(src, []byte(begin)), bytes.Index(src, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("%s: no generated table between the markers %q and %q", path, begin, end)
	}
	i += len(begin) + 1
	if got := string(src[i:j]); got != want {
		if *update {
			out := append(append(append([]byte{}, src[:i]...), want...), src[j:]...)
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("%s's table between %q and %q differs from the registry; run go test ./sim/ -run README -update", path, begin, end)
	}
}

// TestREADMEKPITable: the README's KPI table is the registry's.
func TestREADMEKPITable(t *testing.T) {
	checkGenerated(t, tableBegin, tableEnd, kpiTable())
}

// TestGroupNameThatReadsAsAProfile: a group named like a profile member is
// refused, naming the group; a dotted group name is fine.
func TestGroupNameThatReadsAsAProfile(t *testing.T) {
	for name, bad := range map[string]bool{"profile.x": true, "role": true, "north.east": false} {
		cfg := load(t, "baseline")
		cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 10, 2
		cfg.Groups[name] = cfg.Groups["rest"]
		delete(cfg.Groups, "rest")
		_, err := sim.New(cfg, 0)
		if bad != (err != nil) || bad && !strings.Contains(err.Error(), "groups."+name) {
			t.Errorf("group %q: New error %v", name, err)
		}
		if !bad {
			r, err := sim.Run(cfg, 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := r.KPI(sim.KPINeedsMetShare + "." + name); !ok {
				t.Errorf("no KPI for group %q", name)
			}
		}
	}
}

// TestNewHonoursAreas: sim.New(...).Run() on a scenario of several areas
// gives what sim.Run gives: every area, not the first.
func TestNewHonoursAreas(t *testing.T) {
	cfg := load(t, "icb")
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 20, 4
	m, err := sim.New(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	a, err := m.Run()
	if err != nil {
		t.Fatal(err)
	}
	b, err := sim.Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := a.KPI(sim.KPIReferrals)
	y, _ := b.KPI(sim.KPIReferrals)
	if x != y || len(a.Areas) != len(b.Areas) || len(a.Areas) != cfg.Areas.Count {
		t.Errorf("New(icb).Run(): %v referrals over %d areas; Run: %v over %d", x, len(a.Areas), y, len(b.Areas))
	}
}

// TestNotAHeadlineIsNeutral: a measure its description calls "not a
// headline" (it rises when fewer people are seen or supported) is neither
// better nor worse, so that a comparison says it changed, not that it got
// worse (extra-link-worker's needs met of those reaching a service fell by
// 9.6 points and read "worse", while every headline improved).
func TestNotAHeadlineIsNeutral(t *testing.T) {
	n := 0
	for _, m := range sim.KPIs() {
		if !strings.Contains(m.Description, "not a headline") {
			continue
		}
		n++
		if m.Direction != sim.Neutral {
			t.Errorf("%s is not a headline, yet one way is better (%v): %s", m.Name, m.Direction, m.Description)
		}
	}
	if n < 2 {
		t.Errorf("%d measures say they are not headlines; want needs_met_share_reached and all_needs_met_share", n)
	}
}
