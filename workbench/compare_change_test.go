package workbench

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// TestCompareSaysWhatTheChangeDid: pinning a scenario with a funding cliff
// beside the one without, the comparison says on the page what the cliff
// did in the weeks after it, as the command line does.
func TestCompareSaysWhatTheChangeDid(t *testing.T) {
	base, _ := scenarios.Source("baseline")
	cliff, _ := scenarios.Source("funding-cliff")
	body := `{"pins":[{"name":"now","toml":` + jsonString(string(base)) + `},{"name":"cliff","toml":` + jsonString(string(cliff)) + `}]}`
	r := result(t, post(t, newTestServer(), "/api/compare", body))
	// The table ends with each community service's occupancy.
	if got := fmt.Sprint(r["rows"]); !strings.Contains(got, "VCSE occupancy: wellbeing groups") {
		t.Errorf("the comparison's rows lack the services' occupancy: %.500s", got)
	}
	if got := fmt.Sprint(r["verdict"]); !strings.Contains(got, "From week 104 in cliff (fixed-term funding for one post ends), weeks 104 to 207, against now in the same weeks: Wait to first contact, mean: ") {
		t.Errorf("verdict %s", got)
	}
}

// TestCompareShowsAServiceOnePinLacks: a service only the second pin has
// has its occupancy row, "not in" the first, and the verdict says its
// places stand partly empty.
func TestCompareShowsAServiceOnePinLacks(t *testing.T) {
	const arts = `
[services.arts_on_prescription]
categories = ["mental_wellbeing"]
places = 20
engagement_weeks = { dist = "gamma", mean = 10.0, sd = 3.0 }
acceptance_probability = 0.85
completion_probability = 0.7
when_full = "waitlist"
patience_weeks = { dist = "exponential", mean = 8.0 }
grant_per_place_year = 750.0
closure_hazard_per_year = 0.5
`
	body := `{"pins":[{"name":"now","toml":` + jsonString(small(t)) + `},{"name":"arts","toml":` + jsonString(small(t)+arts) + `}]}`
	r := result(t, post(t, newTestServer(), "/api/compare", body))
	var row map[string]any
	for _, x := range r["rows"].([]any) {
		if m := x.(map[string]any); m["kpi"] == "vcse_occupancy.service.arts_on_prescription" {
			row = m
		}
	}
	if row == nil {
		t.Fatalf("no row for the service only arts has: %.800s", fmt.Sprint(r["rows"]))
	}
	if got := fmt.Sprint(row["values"], row["diffs"]); !strings.HasPrefix(got, "[not in now ") || !strings.Contains(got, "% (") || !strings.Contains(got, "not in now]") {
		t.Errorf("row %s: want the first pin's value and the difference 'not in now', arts's a share", got)
	}
	if got := fmt.Sprint(r["verdict"]); !strings.Contains(got, "arts on prescription (a service now does not have)") {
		t.Errorf("verdict %s", got)
	}
}

// TestCompareSaysWhichPinLacksAService: with the service's pin first,
// the pin without it says "not in" in its value and its difference alike.
func TestCompareSaysWhichPinLacksAService(t *testing.T) {
	const arts = "\n[services.arts_on_prescription]\ncategories = [\"mental_wellbeing\"]\nplaces = 20\nengagement_weeks = { dist = \"gamma\", mean = 10.0, sd = 3.0 }\nacceptance_probability = 0.85\ncompletion_probability = 0.7\nwhen_full = \"waitlist\"\npatience_weeks = { dist = \"exponential\", mean = 8.0 }\ngrant_per_place_year = 750.0\nclosure_hazard_per_year = 0.5\n"
	body := `{"pins":[{"name":"arts","toml":` + jsonString(small(t)+arts) + `},{"name":"now","toml":` + jsonString(small(t)) + `}]}`
	r := result(t, post(t, newTestServer(), "/api/compare", body))
	for _, x := range r["rows"].([]any) {
		if m := x.(map[string]any); m["kpi"] == "vcse_occupancy.service.arts_on_prescription" {
			if got := fmt.Sprint(m["values"].([]any)[1], "|", m["diffs"].([]any)[1]); got != "not in now|not in now" {
				t.Errorf("the pin without the service: %q", got)
			}
			return
		}
	}
	t.Error("no row for the service")
}

// TestCompareAsTheCommandLine: the page's comparison gives spsim
// compare's answer in its order (output.CompareAnswer: what a change did,
// the verdicts, head to head, the notes), its table the rows spsim compare
// prints (output.Headline, in order, then each service's occupancy) and
// its chart the report's measures in the report's order
// (output.CompareKPIs). The table had left out the inequity gap, referrals
// and cost per need met, and the chart led with cost.
func TestCompareAsTheCommandLine(t *testing.T) {
	names := []string{"baseline", "funding-cliff", "extra-link-worker"}
	var pins []pin
	for _, n := range names {
		text, ok := scenarios.Source(n)
		if !ok {
			t.Fatalf("no scenario %s", n)
		}
		pins = append(pins, pin{Name: n, TOML: string(text)})
	}
	body, _ := json.Marshal(compareRequest{Pins: pins})
	r := result(t, post(t, newTestServer(), "/api/compare", string(body)))

	// The command line's comparison of the same scenarios.
	plan, err := study.PlanCompare(study.CompareSpec{Refs: names})
	if err != nil {
		t.Fatal(err)
	}
	cr, err := plan.Execute(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := pageSentences(output.CompareAnswer(cr.Comparison, cr.Configs))
	if got := r["verdict"].([]any); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the page's answer\n%q\nspsim compare's, in its order\n%q", got, want)
	}
	if len(want) < 3 || !strings.HasPrefix(want[0], "From week 104") {
		t.Errorf("the answer does not lead with what the cliff did: %q", want)
	}

	var rows []string
	for _, row := range r["rows"].([]any) {
		if k := row.(map[string]any)["kpi"].(string); !strings.HasPrefix(k, sim.KPIVCSEOccupancy) {
			rows = append(rows, k)
		}
	}
	var headline []string
	for _, k := range output.Headline {
		if slices.ContainsFunc(cr.Comparison.KPIs, func(c experiment.KPIComparison) bool { return c.Name == k }) {
			headline = append(headline, k)
		}
	}
	if fmt.Sprint(rows) != fmt.Sprint(headline) {
		t.Errorf("the table's rows %v, spsim compare's %v", rows, headline)
	}
	for _, k := range []string{sim.KPIInequityGapNeedsMetShare, sim.KPIReferrals, sim.KPICostPerNeedMet} {
		if !slices.Contains(rows, k) {
			t.Errorf("the table has no row for %s", k)
		}
	}

	svg := r["chart"].(map[string]any)["svg"].(string)
	var panels, report []string
	for _, part := range strings.Split(svg, `<g class="panel" data-kpi="`)[1:] {
		panels = append(panels, html.UnescapeString(part[:strings.IndexByte(part, '"')]))
	}
	for _, k := range output.CompareKPIs {
		report = append(report, output.KPILabel(k))
	}
	if fmt.Sprint(panels) != fmt.Sprint(report) {
		t.Errorf("the chart's panels %q, the report's %q", panels, report)
	}
}

// TestCompareSaysNotDefined: a KPI a pin reports with no value (the wait
// where no link worker sees anybody) is "not defined", as compare.csv's
// not_defined, not "not in" the pin, which is for a service it lacks.
func TestCompareSaysNotDefined(t *testing.T) {
	body := `{"pins":[{"name":"now","toml":` + jsonString(small(t)) + `},{"name":"none","toml":` + jsonString(small(t, "workforce.link_workers=0")) + `}]}`
	r := result(t, post(t, newTestServer(), "/api/compare", body))
	for _, x := range r["rows"].([]any) {
		if m := x.(map[string]any); m["kpi"] == "wait_first_contact_mean_weeks" {
			if got := fmt.Sprint(m["values"].([]any)[1], "|", m["diffs"].([]any)[1]); got != "not defined in none|not defined in none" {
				t.Errorf("the wait where nobody is seen: %q", got)
			}
			return
		}
	}
	t.Error("no row for the wait")
}
