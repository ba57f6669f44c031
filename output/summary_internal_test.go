package output

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

func TestKeyNumbersAsPeopleReadThem(t *testing.T) {
	est := func(m, lo, hi float64) experiment.Estimate {
		return experiment.Estimate{Mean: m, Low: lo, High: hi, N: 20}
	}
	sums := []experiment.Summary{
		{Name: "needs_met_share", Unit: "share", Estimate: est(0.568, 0.55, 0.58)},
		{Name: "wait_first_contact_mean_weeks", Unit: "weeks", Estimate: est(3.14, 2.9, 3.3)},
		{Name: "reneged", Unit: "people/year", Estimate: est(403.3, 382, 425)},
		{Name: "lw_utilisation", Unit: "share", Estimate: est(0.999, 0.998, 1)},
		{Name: "cost_total", Unit: "GBP/year", Estimate: est(256464, 255000, 258000)},
		{Name: "cost_per_need_met", Unit: "GBP", Estimate: est(350.2, 342, 358)},
	}
	got := map[string]string{}
	for _, k := range KeyNumbers(sums) {
		got[k.KPI] = k.Value + " " + k.Interval
	}
	want := map[string]string{
		"needs_met_share":               "56.8% 95% CI [55.0%, 58.0%]",
		"wait_first_contact_mean_weeks": "3.14 weeks",
		"reneged":                       "403 a year",
		"cost_total":                    "£256,464 a year 95% CI [£255,000, £258,000]",
		"cost_per_need_met":             "£350",
	}
	if len(got) != 6 {
		t.Errorf("%d key numbers, want 6: %v", len(got), got)
	}
	for kpi, w := range want {
		if !strings.HasPrefix(got[kpi], w) {
			t.Errorf("%s: %q, want it to start %q", kpi, got[kpi], w)
		}
	}
}

// TestRunAnswerReadsTheInterval: the verdict follows the utilisation's
// interval, every figure carries its own, and what a scenario does not
// have (costs, an interval from one replication, anyone giving up) is
// said plainly or not at all.
func TestRunAnswerReadsTheInterval(t *testing.T) {
	est := func(m, lo, hi float64) experiment.Estimate {
		return experiment.Estimate{Mean: m, Low: lo, High: hi, N: 20}
	}
	one := func(m float64) experiment.Estimate {
		return experiment.Estimate{Mean: m, Low: math.NaN(), High: math.NaN(), N: 1}
	}
	sums := func(util, gave, cost experiment.Estimate) []experiment.Summary {
		return []experiment.Summary{
			{Name: "lw_utilisation", Unit: "share", Estimate: util},
			{Name: "wait_first_contact_mean_weeks", Unit: "weeks", Estimate: est(3.14, 2.9, 3.3)},
			{Name: "wait_first_contact_p90_weeks", Unit: "weeks", Estimate: est(6.2, 5.8, 6.6)},
			{Name: "reneged", Unit: "people/year", Estimate: gave},
			{Name: "needs_met_share", Unit: "share", Estimate: est(0.568, 0.55, 0.58)},
			{Name: "cost_total", Unit: "GBP/year", Estimate: cost},
			{Name: "cost_per_need_met", Unit: "GBP", Estimate: est(350.2, 342, 358)},
		}
	}
	costs := est(256464, 255000, 258000)
	for _, c := range []struct {
		name    string
		sums    []experiment.Summary
		want    []string
		wantNot []string
	}{
		{"full", sums(est(0.999, 0.998, 1), est(403.3, 382, 425), costs),
			[]string{"Demand outstrips link-worker supply: caseloads are 99.9% full [99.8%, 100.0%]; ",
				"people wait 3.14 weeks [2.90, 3.30] on average for a first contact, one in ten over 6.20 weeks [5.80, 6.60]; ",
				"403 a year [382, 425] give up waiting.", "56.8% [55.0%, 58.0%] of community needs are met.",
				"The service costs £256,464 a year [£255,000, £258,000], £350 [£342, £358] per need met."}, nil},
		{"room", sums(est(0.90, 0.89, 0.91), est(0, 0, 0), costs),
			[]string{"Link workers have room: caseloads are 90.0% full", "; nobody gives up waiting."}, []string{"outstrips", "yet people queue"}},
		// Tiered support whose reserved places stand empty while the
		// short-term list grows: room that those waiting cannot use.
		{"room, yet a queue", sums(est(0.81, 0.79, 0.83), est(710, 694, 727), costs),
			[]string{"Link workers have room, yet people queue: caseloads are 81.0% full", "710 a year [694, 727] give up waiting.",
				"The empty places are ones those waiting cannot take: places reserved for longer-term support under tiered support, or another role's."}, nil},
		{"straddles 95%", sums(est(0.95, 0.94, 0.96), est(0.2, 0.1, 0.3), costs),
			[]string{"Link workers are close to full: ", "; almost nobody gives up waiting."}, []string{"outstrips", "have room"}},
		{"one replication", sums(one(0.97), one(12), one(250000)),
			[]string{"Demand outstrips link-worker supply: caseloads are 97.0% full; ", "12 a year give up waiting", "The service costs £250,000 a year, "},
			[]string{"NaN", "[]"}},
		{"no costs", sums(est(0.9, 0.89, 0.91), est(1, 0.5, 1.5), est(0, 0, 0)),
			[]string{"Link workers have room"}, []string{"costs", "£"}},
		{"no link workers", sums(est(math.NaN(), math.NaN(), math.NaN()), est(1229, 1194, 1266), costs),
			[]string{"There are no link-worker caseload places: nobody is seen, and 1,229 a year [1,194, 1,266] give up waiting."},
			[]string{"n/a", "full", "close"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			answer := strings.Join(RunAnswer(c.sums), " ")
			for _, w := range c.want {
				if !strings.Contains(answer, w) {
					t.Errorf("answer %q lacks %q", answer, w)
				}
			}
			for _, w := range c.wantNot {
				if strings.Contains(answer, w) {
					t.Errorf("answer %q says %q", answer, w)
				}
			}
		})
	}
}

func TestCompareShowsOnlyWhatDiffers(t *testing.T) {
	ref := "name = \"baseline\"\n[workforce]\nlink_workers = 3\nfte = 1.0\n[costs]\nrecruitment_cost = 5000.0\n"
	other := "name = \"extra\"\n[workforce]\nlink_workers = 4\nfte = 1.0\n[costs]\nrecruitment_cost = 5000.0\n"
	if got, want := tomlDiff(ref, other), "name = \"extra\"\n[workforce]\nlink_workers = 4\n"; got != want {
		t.Errorf("tomlDiff:\n%s\nwant\n%s", got, want)
	}
	as := differingAssumptions([]string{"baseline", "a", "b"}, [][]string{{"x", "y"}, {"x", "y2"}, {"x", "y"}})
	joined := strings.Join(as, "\n")
	if strings.Count(joined, ": x") != 1 {
		t.Errorf("a shared assumption is repeated:\n%s", joined)
	}
	for _, w := range []string{"a: y2", "b: the same assumptions as baseline."} {
		if !strings.Contains(joined, w) {
			t.Errorf("assumptions lack %q:\n%s", w, joined)
		}
	}
}

func TestReportSummaryPageAndPrintCSS(t *testing.T) {
	var b strings.Builder
	r := Report{Title: "t", Answer: []string{"Demand outstrips supply."},
		KeyNumbers: []KeyNumber{{Label: "Total cost", Value: "£256,464 a year", KPI: "cost_total"}},
		Lead:       &Figure{Name: "demand_supply", Caption: "c", SVG: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")}}
	if err := WriteReport(&b, r); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	summary := html[strings.Index(html, `<section id="summary">`):strings.Index(html, `<section id="headline">`)]
	for _, w := range []string{"Demand outstrips supply.", `class="keys"`, "£256,464 a year", `id="fig-demand_supply"`} {
		if !strings.Contains(summary, w) {
			t.Errorf("summary section lacks %q", w)
		}
	}
	for _, w := range []string{"@media print", "size: A4", "#summary { break-after: page; }", "#scenario"} {
		if !strings.Contains(html, w) {
			t.Errorf("print CSS lacks %q", w)
		}
	}
}

// TestKPIWords: a share is in per cent, a gap between groups' shares in
// percentage points, a gap in weeks in weeks, as the terminal table, the
// report and the one-page summary all write them.
func TestKPIWords(t *testing.T) {
	for _, tc := range []struct {
		s         experiment.Summary
		value, ci string
	}{
		{experiment.Summary{Name: "needs_met_share", Unit: "share", Estimate: experiment.Estimate{Mean: 0.341, Low: 0.334, High: 0.349}},
			"34.1%", "[33.4%, 34.9%]"},
		{experiment.Summary{Name: "inequity_gap_needs_met_share", Unit: "share", Estimate: experiment.Estimate{Mean: -0.087, Low: -0.095, High: -0.079}},
			"−8.7 percentage points", "[−9.5, −7.9]"},
		{experiment.Summary{Name: "inequity_gap_wait_weeks", Unit: "weeks", Estimate: experiment.Estimate{Mean: 0.5, Low: 0.2, High: 0.8}},
			"0.500 weeks", "[0.200, 0.800]"},
	} {
		value, ci := kpiWords(tc.s)
		if value != tc.value || ci != tc.ci {
			t.Errorf("%s: %q %q, want %q %q", tc.s.Name, value, ci, tc.value, tc.ci)
		}
	}
	var b strings.Builder
	if err := PrintHeadline(&b, []experiment.Summary{{Name: "inequity_gap_needs_met_share", Unit: "share",
		Estimate: experiment.Estimate{Mean: -0.087, Low: -0.095, High: -0.079}}}, []string{"inequity_gap_needs_met_share"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "−8.7 percentage points") {
		t.Errorf("headline table:\n%s\nwant the gap in percentage points", b.String())
	}
}

// TestVerdictTableNoRatioOverNoExtraCost: an outcome that clearly improves
// at a cost that does not differ detectably gets "no detectable extra
// cost", not a ratio whose numerator may be 0; a clear extra cost keeps
// its ratio.
func TestVerdictTableNoRatioOverNoExtraCost(t *testing.T) {
	ratio := &experiment.RatioEstimate{Value: -4.72, Low: -71.46, High: 44.29}
	needs := experiment.Change{KPI: "needs_met", Label: "Needs met", Unit: "needs/year", Effect: experiment.Better,
		Diff: experiment.Estimate{Mean: 40.6, Low: 28.6, High: 52.5, N: 20}, CostPer: ratio}
	cost := func(e experiment.Effect) experiment.Change {
		return experiment.Change{KPI: "cost_total", Label: "Total cost", Unit: "GBP/year", Effect: e,
			Diff: experiment.Estimate{Mean: -191, Low: -2382, High: 1999, N: 20}}
	}
	for _, c := range []struct {
		cost experiment.Effect
		want string
	}{{experiment.NoDifference, "no detectable extra cost"}, {experiment.Worse, "−£4.72 [−£71.46, £44.29] per need met"}} {
		n := needs
		if c.cost != experiment.Worse {
			n.CostPer = nil // NewVerdict gives a ratio only where the cost clearly rises
		}
		tab := verdictTable([]experiment.Verdict{{Scenario: "a", Reference: "b", Cost: cost(c.cost), Outcomes: []experiment.Change{n}}}, "t")
		if got := tab.Rows[1][5]; got != c.want {
			t.Errorf("cost %s: %q, want %q", c.cost, got, c.want)
		}
	}
}

// TestVerdictTableCostPerAlike: the verdict table's cost per unit is
// written to its interval's precision, as the verdict's sentence writes
// it ("£44 [£28, £434]"); the figure had kept its own pence beside whole
// pounds ("£43.90 [£28, £434]").
func TestVerdictTableCostPerAlike(t *testing.T) {
	for _, c := range []struct {
		r    experiment.RatioEstimate
		want string
	}{
		{experiment.RatioEstimate{Value: 43.9, Low: 28.15, High: 434}, "£44 [£28, £434] per need met"},
		{experiment.RatioEstimate{Value: 231.4, Low: 28.15, High: 434}, "£231 [£28, £434] per need met"},
		{experiment.RatioEstimate{Value: 43.9, Low: 37.23, High: 50.57}, "£43.90 [£37.23, £50.57] per need met"},
		{experiment.RatioEstimate{Value: -4.72, Low: -71.46, High: 44.29}, "−£4.72 [−£71.46, £44.29] per need met"},
	} {
		r := c.r
		needs := experiment.Change{KPI: "needs_met", Label: "Needs met", Unit: "needs/year", Effect: experiment.Better,
			Diff: experiment.Estimate{Mean: 40.6, Low: 28.6, High: 52.5, N: 20}, CostPer: &r}
		cost := experiment.Change{KPI: "cost_total", Label: "Total cost", Unit: "GBP/year", Effect: experiment.Worse,
			Diff: experiment.Estimate{Mean: 1780, Low: 1140, High: 2420, N: 20}}
		tab := verdictTable([]experiment.Verdict{{Scenario: "a", Reference: "b", Cost: cost, Outcomes: []experiment.Change{needs}}}, "t")
		if got := tab.Rows[1][5]; got != c.want {
			t.Errorf("%+v: %q, want %q", c.r, got, c.want)
		}
	}
}

// TestAnswerHTMLKeepsIntervalsWhole: each bracketed interval of a report's
// answer is kept on one line, and the rest is escaped.
func TestAnswerHTMLKeepsIntervalsWhole(t *testing.T) {
	got := string(answerHTML("a's cost (−£191 a year [−£2,382, £1,999]); waits fall by 3.07 weeks [2.88, 3.27] <b>"))
	want := `a&#39;s cost (−£191 a year <span class="nw">[−£2,382, £1,999]</span>); waits fall by 3.07 weeks <span class="nw">[2.88, 3.27]</span> &lt;b&gt;`
	if got != want {
		t.Errorf("answerHTML:\n%s\nwant\n%s", got, want)
	}
}

// TestReportAnswerBold: the answer's first line is bold, and so is each
// later line that introduces those after it (a sweep of choices reads
// each choice against the first); the rest are plain, not a wall of bold.
func TestReportAnswerBold(t *testing.T) {
	answer := []string{"Changing support model from short_term to longer_term:", "Share of needs met: falls.",
		"Changing support model from short_term to tiered:", "Share of needs met: rises.", "Demand outstrips supply at every point."}
	var b strings.Builder
	if err := WriteReport(&b, Report{Title: "t", Answer: answer}); err != nil {
		t.Fatal(err)
	}
	for i, line := range answer {
		bold := strings.Contains(b.String(), "<strong>"+line+"</strong>")
		if want := i == 0 || i == 2; bold != want {
			t.Errorf("%q bold %v, want %v", line, bold, want)
		}
	}
}

// TestCapacityOfATeam: with several roles the caseloads' utilisation is all
// of theirs together, and the sentence says so of the team, not of link
// workers, who may be full while navigators have room.
func TestCapacityOfATeam(t *testing.T) {
	sum := func(name string, mean float64) experiment.Summary {
		return experiment.Summary{Name: name, Estimate: experiment.Estimate{Mean: mean, Low: mean * 0.9, High: min(1, mean*1.1), N: 5}}
	}
	base := []experiment.Summary{sum(sim.KPIUtilisation, 0.7), sum(sim.KPIWaitMean, 1), sum(sim.KPIReneged, 10)}
	one := append(slices.Clone(base), sum(sim.KPICaseloadPerFTE+".role.link_workers", 44))
	two := append(slices.Clone(one), sum(sim.KPICaseloadPerFTE+".role.care_navigator", 27))
	if got := RunAnswer(one)[0]; !strings.HasPrefix(got, "Link workers have room:") {
		t.Errorf("one role: %q", got)
	}
	if got := RunAnswer(two)[0]; !strings.HasPrefix(got, "The team has room (link workers and care navigator together):") {
		t.Errorf("two roles: %q", got)
	}
}

// TestRunAnswerSaysEveryNeed: the headline share counts a person's own
// sessions as a need beside their community needs (support cut short
// leaves them unmet), so the answer does not call it community needs
// alone: with no community need met, people whose support was completed
// still count.
func TestRunAnswerSaysEveryNeed(t *testing.T) {
	got := strings.Join(RunAnswer([]experiment.Summary{{Name: "referred_all_needs_met_share", Unit: "share",
		Estimate: experiment.Estimate{Mean: 0.185, Low: 0.177, High: 0.194, N: 20}}}), " ")
	want := "18.5% [17.7%, 19.4%] of referred people end with every need met (their own sessions completed, and each community need)."
	if got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
