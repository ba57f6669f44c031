package output

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

//go:embed report.html.tmpl
var reportSource string

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	// The SVG is spsim's own output, drawn from numbers and escaped labels.
	"svg":     func(f Figure) template.HTML { return template.HTML(f.InlineSVG()) },
	"percent": func(level float64) string { return fmt.Sprintf("%.0f%%", 100*level) },
	"files":   chartFileNote,
	"answer":  answerHTML,
	"lead":    isLead,
}).Parse(reportSource))

// isLead reports whether a line of an answer introduces the lines after
// it ("Changing support model from short_term to tiered:"): a sweep of
// choices has one per choice, each as bold as the first line.
func isLead(line string) bool { return strings.HasSuffix(line, ":") }

// interval is a bracketed interval in a sentence: "[5.36, 5.9]",
// "[−£2,382, £1,999]".
var interval = regexp.MustCompile(`\[[^\[\]]*\]`)

// answerHTML escapes a sentence of the answer and keeps each interval on
// one line: a printed page should not break "[−£2,382, £1,999]" after
// its minus sign.
func answerHTML(s string) template.HTML {
	esc := template.HTMLEscapeString(s)
	return template.HTML(interval.ReplaceAllString(esc, `<span class="nw">$0</span>`))
}

// chartFileNote names a chart's files beside the report, such as
// "(Files: waits.png, waits.svg.)", or is empty when none was written.
func chartFileNote(name string, formats []string) string {
	if len(formats) == 0 {
		return ""
	}
	files := make([]string, len(formats))
	for i, f := range formats {
		files[i] = name + "." + f
	}
	return "(Files: " + strings.Join(files, ", ") + ".)"
}

// Report is the content of report.html: one self-contained page, with the
// charts inline, no external style, script or font, and a method section
// following the STRESS-DES reporting items.
type Report struct {
	Title    string
	Question string
	Answer   []string // the answer in plain sentences, leading the summary
	Facts    []string // what was run, one sentence each
	Warnings []string
	// KeyNumbers and Lead make the summary page: the figures a reader
	// needs, written as people read them, and the demand-against-supply
	// chart.
	KeyNumbers []KeyNumber
	Lead       *Figure
	// ChartFormats are the formats the charts were also written in,
	// beside the report ("png", "svg"), for their captions to name.
	ChartFormats []string
	Headline     Table
	Tables       []Table // further tables, e.g. the precision reached
	Figures      []Figure
	Sources      []Listing // scenario files as written, with their comments
	Scenarios    []Listing // resolved scenarios, as TOML
	Method       Method
}

// Table is a table of text for the report.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]string
	Code    string // the head of the column of stable snake_case names, set in monospace; "" if none
}

// Listing is a named block of text shown verbatim (HTML-escaped).
type Listing struct{ Name, Text string }

// Method is the STRESS-DES method section, as sentences.
type Method struct {
	// Intervals says how the report's intervals are formed, where that is
	// not Student's t over replications (a sensitivity analysis's
	// bootstrap over trajectories); "" for the usual sentence.
	Intervals    string
	Assumptions  []string
	Warmup       string
	RunLength    string
	Replications string
	Random       string
	Level        float64
	Version      string
	GoVersion    string
	RunTime      string
}

// WriteReport writes the report as HTML. The markup is also well-formed
// XML, so that strict tools can read it.
func WriteReport(w io.Writer, r Report) error {
	if err := reportTemplate.Execute(w, r); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// HeadlineTable is the run's headline KPIs as people read them (56.8%,
// £256,464 a year, 3.1 weeks) with their intervals, and last the KPI's
// stable name for finding it in the CSV.
func HeadlineTable(sums []experiment.Summary, names []string, level float64) Table {
	t := Table{Head: []string{"measure", "mean", fmt.Sprintf("%.0f%% CI", 100*level), "name in summary.csv"}, Code: "name in summary.csv"}
	for _, name := range names {
		if s, ok := experiment.FindSummary(sums, name); ok {
			value, ci := kpiWords(s)
			t.Rows = append(t.Rows, []string{KPILabel(s.Name), value, ci, s.Name})
		}
	}
	return t
}

// RandomMethod describes the random number streams and seeds.
func RandomMethod(seed uint64, crn bool) string {
	s := fmt.Sprintf("Scenario seed %d. Each random process draws from its own stream (%s), a PCG generator seeded from the scenario seed, the replication number and the stream's name (hashed with FNV-1a and SplitMix64). Replication i is therefore the same whatever the number of parallel workers, and changing one process leaves the others' draws unchanged.",
		seed, strings.Join(sim.StreamNames, ", "))
	if crn {
		s += " All scenarios here share the seed, so replication i of each uses the same draws process by process (common random numbers), and differences are estimated from paired replications."
	}
	return s
}

// WarmupMethod describes the warm-up and the MSER-5 suggestion.
func WarmupMethod(warmup int, sug *experiment.WarmupSuggestion) string {
	s := fmt.Sprintf("The first %d weeks are excluded from every KPI so that the initial state (today's waiting list and caseloads) does not bias the results.", warmup)
	if sug == nil {
		return s
	}
	var parts []string
	for _, p := range sug.PerSeries {
		parts = append(parts, fmt.Sprintf("%s %d weeks", p.Column, p.Weeks))
	}
	span := "the run"
	if sug.Before > 0 {
		// A planned change is part of the question, not a start-up transient.
		span = fmt.Sprintf("the weeks before the timeline's first change at week %d", sug.Before)
	}
	s += fmt.Sprintf(" MSER-5 (batch means of %d weeks, truncation point minimising the MSER statistic over the first half of %s) applied to the mean over replications suggests %d weeks (%s).",
		experiment.MSERBatch, span, sug.Weeks, strings.Join(parts, "; "))
	switch {
	case sug.Growing:
		s += " Referrals grow year on year here, so the run has no steady state: MSER-5 reads the growth as a transient, and its suggestion is no guide. The KPIs average a changing service; the reading by year says how it changes."
	case sug.Weeks > warmup:
		s += " The suggestion exceeds the scenario's warm-up: consider raising run.warmup_weeks."
	default:
		s += " The scenario's warm-up is at least as long."
	}
	return s
}

// profileMix is the share of referrals of each profile, as the model
// draws them group by group: each group's own mix, or the profiles' shares
// for a group without one, weighted by the group's share. fromGroups says
// some group has a mix of its own.
func profileMix(c *sim.Config) (mix map[string]float64, fromGroups bool) {
	mix = map[string]float64{}
	if len(c.Groups) == 0 {
		for name, p := range c.Profiles {
			mix[name] = p.Share
		}
		return mix, false
	}
	for _, gname := range sortedNames(c.Groups) { // in order: a float sum depends on it
		g := c.Groups[gname]
		fromGroups = fromGroups || g.ProfileMix != nil
		for _, name := range sortedNames(c.Profiles) {
			mix[name] += g.Share * sim.ProfileShare(c, g, name)
		}
	}
	return mix, fromGroups
}

// Assumptions lists the scenario's main assumptions in words, those a
// reader should weigh before acting on the results.
func Assumptions(c *sim.Config) []string {
	var out []string
	add := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }
	add("Referrals: %s a week, annual growth %s, seasonal amplitude ±%s; %s of referrals inappropriate.",
		compact(c.Demand.ReferralsPerWeek), pct(c.Demand.AnnualGrowth), pct(c.Demand.SeasonalAmplitude), pct(c.Demand.InappropriateShare))
	mix, fromGroups := profileMix(c)
	var profiles, without []string
	for _, name := range sortedNames(c.Profiles) {
		profiles = append(profiles, fmt.Sprintf("%s %s", name, pct(mix[name])))
	}
	for _, g := range sortedNames(c.Groups) {
		if c.Groups[g].ProfileMix == nil {
			without = append(without, g)
		}
	}
	switch {
	case fromGroups && len(without) > 0:
		add("Need profile mix: %s, from the population groups' own mixes, and the profiles' shares for %s.", strings.Join(profiles, ", "), strings.Join(without, " and "))
	case fromGroups:
		add("Need profile mix: %s, from the population groups' own mixes.", strings.Join(profiles, ", "))
	default:
		add("Need profile mix: %s.", strings.Join(profiles, ", "))
	}
	w := c.Workforce
	add("Link workers: %d funded posts of %s FTE, caseload cap %s per FTE, %s of time for admin and networking, %s allocation.",
		w.LinkWorkers, compact(w.FTE), compact(w.CaseloadCapPerFTE), pct(w.AdminShare), w.Allocation)
	add("Leaving: a base hazard of %s a year, rising with pressure (sensitivity %s); vacancies are recruited to after a delay and new starters ramp up over %s weeks.",
		pct(w.LeavingHazardPerYear), compact(w.PressureSensitivity), compact(w.RampUpWeeks))
	add("Support model %q: short-term support at most %d sessions over %s weeks; longer-term at most %d sessions over %s weeks.",
		c.Support.Model, c.Support.ShortTerm.MaxSessions, compact(c.Support.ShortTerm.MaxWeeks), c.Support.LongerTerm.MaxSessions, compact(c.Support.LongerTerm.MaxWeeks))
	places := 0
	for _, s := range c.Services {
		places += s.Places
	}
	add("Community (VCSE) services: %d services with %d places at the start; they receive no money per referral.", len(c.Services), places)
	if c.Holding.Enabled {
		add("Holding is on: people awaiting a community place may stay on caseload for up to %s weeks with check-ins.", compact(c.Holding.MaxWeeks))
	} else {
		add("Holding is off: people are discharged when no community place is free.")
	}
	add("Re-referral: %s of people with unmet needs are referred again after a delay.", pct(c.Rereferral.Probability))
	add("Costs: £%s per FTE a year plus %s on-costs; recruitment £%s per post.",
		thousands(c.Costs.SalaryPerFTEYear), pct(c.Costs.OnCostShare), thousands(c.Costs.RecruitmentCost))
	add("Assumption-driven: GP appointments avoided use an assumed effect size of %s for %s weeks once all of a person's needs are met, valued at £%s each. The claimed 28%% reduction (Polley 2017) rests on weak evidence.",
		pct(c.Outcomes.GPEffectSize), compact(c.Outcomes.GPEffectDurationWeeks), compact(c.Costs.GPAppointmentValue))
	if len(c.Timeline) > 0 {
		var steps []string
		for _, ch := range c.Timeline {
			note := ch.Note
			if note == "" {
				note = "a change"
			}
			steps = append(steps, fmt.Sprintf("week %d: %s", ch.Week, note))
		}
		add("Timeline: %s.", strings.Join(steps, "; "))
	}
	return out
}

func pct(v float64) string {
	if math.IsNaN(v) {
		return "NA"
	}
	return compact(100*v) + "%"
}

func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
