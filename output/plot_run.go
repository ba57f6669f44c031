package output

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// RunFigures draws the charts of a run from its replications and their
// KPI summaries. The scenario's warm-up is shaded and its timeline events
// marked on every chart over time; level is the confidence level of the
// bands.
func RunFigures(results []*sim.Result, sums []experiment.Summary, cfg *sim.Config, level float64) ([]Figure, error) {
	if len(results) == 0 {
		return nil, fmt.Errorf("charts: no replications")
	}
	r := runCharts{results: results, sums: sums, warmup: cfg.Run.WarmupWeeks, level: level, timeline: cfg.Timeline}
	return drawAll(r.demandSupply, r.waiting, r.caseloadPerFTE, r.vcse, r.workforce, r.needsByGroup, r.costs)
}

type runCharts struct {
	results []*sim.Result
	sums    []experiment.Summary
	warmup  int
	level   float64
	// timeline are the scenario's changes, marked on every chart over time.
	timeline []sim.Change
}

// line is one series of a chart over time.
type line struct {
	label  string
	series experiment.Series
	color  color.Color
	dashes []vg.Length
	scale  float64 // 0 means 1
	// from is the first week drawn: 1 for flows whose week 0 holds the
	// initial caseload's onward referrals, made all at once.
	from int
	// ref, if set, makes the line a constant reference level, such as a
	// cap, instead of a series.
	ref *float64
	// share marks a series of shares (places filled): its band stays
	// within [0, 1], as any other's stays above 0.
	share bool
}

var dashed = []vg.Length{vg.Points(6), vg.Points(3)}

func (r runCharts) note() string {
	s := fmt.Sprintf("Lines: mean of %s, week by week. Bands: %.0f%% confidence interval of that mean. Grey: warm-up, excluded from the KPIs.",
		experiment.Count(len(r.results), "replication"), 100*r.level)
	return s + r.eventsNote()
}

// eventsNote lists the timeline events the dotted lines mark, by number.
func (r runCharts) eventsNote() string {
	if len(r.timeline) == 0 {
		return ""
	}
	var parts []string
	for i, c := range r.timeline {
		note := c.Note
		if note == "" {
			note = "a timeline change"
		}
		parts = append(parts, fmt.Sprintf("%d: week %d, %s", i+1, c.Week, note))
	}
	return "\nDotted lines: " + strings.Join(parts, "; ") + "."
}

// eventMarks is the plotter of the timeline's events, or nil if none.
func (r runCharts) eventMarks() *events {
	if len(r.timeline) == 0 {
		return nil
	}
	e := &events{style: draw.LineStyle{Color: colBlack, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(1.5), vg.Points(2.5)}}, font: textStyle(vg.Points(10), true)}
	for _, c := range r.timeline {
		e.weeks = append(e.weeks, float64(c.Week))
	}
	return e
}

// timePanel draws lines over weeks with their bands and the warm-up shaded,
// and returns the panel and its legend.
func (r runCharts) timePanel(title, yLabel string, yFormat func(v, step float64) string, lines ...line) (*plot.Plot, *plot.Legend) {
	p := newPanel(title, "Week of the run", yLabel)
	p.X.Tick.Marker = weekTicks{}
	if yFormat != nil {
		p.Y.Tick.Marker = niceTicks{format: yFormat}
	}
	lg := newLegend()
	warm := &span{from: 0, to: float64(r.warmup), color: colWarmup}
	p.Add(warm)
	for _, l := range lines {
		if l.ref != nil {
			ref := &refLine{v: *l.ref, style: draw.LineStyle{Color: l.color, Width: vg.Points(2), Dashes: l.dashes}}
			p.Add(ref)
			lg.Add(l.label, ref)
			continue
		}
		b := r.band(l)
		p.Add(b)
		lg.Add(l.label, b)
	}
	if r.warmup > 0 {
		lg.Add(fmt.Sprintf("Warm-up (%d weeks)", r.warmup), warm)
	}
	if ev := r.eventMarks(); ev != nil {
		p.Add(ev)
		lg.Add("Timeline event (numbered)", ev)
	}
	p.X.Min = 0
	p.X.Max = float64(len(r.results[0].Weekly))
	p.Y.Min = math.Min(p.Y.Min, 0)
	if !(p.Y.Max > p.Y.Min) {
		p.Y.Max = p.Y.Min + 1
	}
	return p, lg
}

// band is series line l week by week, with its interval, within the
// possible range of what it counts.
func (r runCharts) band(l line) *bandLine {
	within := experiment.NonNegative
	if l.share {
		within = experiment.UnitShare
	}
	est := experiment.WeeklyIn(r.results, l.series, r.level, within)
	scale := l.scale
	if scale == 0 {
		scale = 1
	}
	b := &bandLine{color: l.color, dashes: l.dashes}
	for w, e := range est {
		if w < l.from {
			continue
		}
		b.x = append(b.x, float64(w)+0.5)
		b.mean = append(b.mean, e.Mean*scale)
		b.lo = append(b.lo, e.Low*scale)
		b.hi = append(b.hi, e.High*scale)
	}
	return b
}

// colourNames are the words captions use for the colours drawn, so that
// a caption names the colour a reader sees.
var colourNames = map[color.Color]string{
	Blue: "blue", Orange: "amber", Red: "dark orange", Green: "green",
	colSky: "light blue", colPurple: "pink", colBlack: "black", Grey: "grey",
}

func colourName(c color.Color) string { return colourNames[c] }

func col(name string) experiment.Series { return experiment.Column(name) }

func (r runCharts) demandSupply() (Figure, error) {
	places, lp := r.timePanel("Link-worker caseload: people needing a place against places", "People or places", nil,
		line{label: "Demand: on caseload or waiting", series: experiment.Sum(col(sim.ColCaseloadMean), col(sim.ColWaitingListMean)), color: Red},
		line{label: "Supply: caseload places", series: col(sim.ColCapacityPlacesMean), color: Blue, dashes: dashed})
	hours, lh := r.timePanel("Link-worker time: session hours against hours available", "Hours a week", nil,
		line{label: "Session hours delivered", series: col(sim.ColSessionHours), color: Red},
		line{label: "Hours available for sessions", series: col(sim.ColCapacityHours), color: Blue, dashes: dashed})
	vcse, lv := r.timePanel("Community (VCSE) services: onward referrals against places", "People or places", nil,
		line{label: "Demand: in or waiting for a place", series: experiment.Sum(col(sim.ColVCSEOccupiedMean), col(sim.ColVCSEWaitingMean)), color: Red},
		line{label: "Supply: VCSE places", series: col(sim.ColVCSEPlacesMean), color: Blue, dashes: dashed})
	l := layout{
		title:  "Demand against supply over time",
		note:   r.note(),
		rows:   [][]*plot.Plot{{places}, {hours}, {vcse}},
		legend: []*plot.Legend{lp, lh, lv},
		width:  11 * vg.Inch, height: 11 * vg.Inch,
	}
	return l.render("demand_supply", fmt.Sprintf(
		"Where the %s line (demand) runs above the %s dashed line (supply), people queue: for a link worker (top), for link-worker time (middle), or for a community place (bottom).",
		colourName(Red), colourName(Blue)))
}

func (r runCharts) waiting() (Figure, error) {
	list, ll := r.timePanel("Waiting list for a link worker", "People waiting", nil,
		line{label: "People waiting (weekly mean)", series: col(sim.ColWaitingListMean), color: Blue})
	wait, lw := r.timePanel("Time to first contact", "Weeks", nil,
		line{label: "Mean wait of people first seen that week", series: experiment.Ratio(col(sim.ColWaitSum), col(sim.ColFirstContacts)), color: Red})
	l := layout{
		title:  "Waiting list and time to first contact",
		note:   r.note(),
		rows:   [][]*plot.Plot{{list}, {wait}},
		legend: []*plot.Legend{ll, lw},
		width:  11 * vg.Inch, height: 8 * vg.Inch,
	}
	return l.render("waiting", "The waiting list (top) and the mean wait from referral to first contact of the people first seen each week (bottom).")
}

func (r runCharts) caseloadPerFTE() (Figure, error) {
	lines := []line{{label: "Caseload per FTE in post", series: experiment.Ratio(col(sim.ColCaseloadMean), col(sim.ColFTEInPostMean)), color: Blue}}
	cap, ok := r.kpi(sim.KPICaseloadCapPerFTE)
	if ok && defined(cap.Mean) {
		lines = append(lines, line{label: "Caseload cap (" + compact(cap.Mean) + " per FTE)", ref: &cap.Mean, color: Red, dashes: dashed})
	}
	p, lg := r.timePanel("", "People per FTE", nil, lines...)
	if ok && defined(cap.Mean) {
		// Headroom, so that the cap line does not sit on the frame.
		p.Y.Max = math.Max(p.Y.Max, 1.15*cap.Mean)
	}
	l := layout{title: "Caseload per full-time link worker against the cap", note: r.note(), rows: [][]*plot.Plot{{p}}, legend: []*plot.Legend{lg},
		width: 11 * vg.Inch, height: 5.5 * vg.Inch}
	return l.render("caseload_per_fte", "People on caseload per full-time-equivalent link worker in post ("+colourName(Blue)+"), against the caseload cap ("+colourName(Red)+", dashed). Near the cap, new referrals can only wait; above it, link workers carry more than the cap, as when a leaver's caseload is handed to colleagues.")
}

// occupancyLine is the share of community places filled, in percent.
func occupancyLine() line {
	return line{label: "Occupied places", series: experiment.Ratio(col(sim.ColVCSEFilledMean), col(sim.ColVCSEPlacesMean)), color: Blue, scale: 100, share: true}
}

func (r runCharts) vcse() (Figure, error) {
	occ, lo := r.timePanel("Community (VCSE) occupancy", "Places occupied (%)", percent, occupancyLine())
	if occ.Y.Max < 100 {
		occ.Y.Max = 100
	}
	ref, lr := r.timePanel("Onward referrals that did not get a place", "Referrals a week", nil,
		line{label: "Refused: service full", series: col(sim.ColVCSERefused), color: Red, from: 1},
		line{label: "Declined by the service", series: col(sim.ColVCSEDeclined), color: Orange, dashes: dashed, from: 1},
		line{label: "Gave up waiting for a place", series: col(sim.ColVCSEGaveUp), color: colPurple, dashes: []vg.Length{vg.Points(2), vg.Points(2)}, from: 1})
	l := layout{
		title:  "Community (VCSE) services: occupancy and refusals",
		note:   r.note(),
		rows:   [][]*plot.Plot{{occ}, {ref}},
		legend: []*plot.Legend{lo, lr},
		width:  11 * vg.Inch, height: 8 * vg.Inch,
	}
	return l.render("vcse", "Share of community places occupied (top) and onward referrals each week that were refused, declined or abandoned (bottom). "+
		"The bottom panel starts at week 1: in week 0 the people already on caseloads at the start are all referred on at once.")
}

func (r runCharts) workforce() (Figure, error) {
	posts, lp := r.timePanel("Link-worker posts", "Posts or FTE", nil,
		line{label: "Posts funded", series: col(sim.ColPostsFunded), color: colBlack, dashes: dashed},
		line{label: "FTE in post", series: col(sim.ColFTEInPostMean), color: Blue},
		line{label: "Vacant posts", series: col(sim.ColVacanciesEnd), color: Red})
	leavers, ll := r.timePanel("Link workers who left, cumulative", "People", nil,
		line{label: "Leavers since the start", series: experiment.Cumulative(col(sim.ColLeavers)), color: colPurple})
	l := layout{
		title:  "Workforce: posts, staff in post, vacancies and leavers",
		note:   r.note(),
		rows:   [][]*plot.Plot{{posts}, {leavers}},
		legend: []*plot.Legend{lp, ll},
		width:  11 * vg.Inch, height: 8 * vg.Inch,
	}
	return l.render("workforce", "Funded posts, full-time equivalents actually in post and vacant posts (top); link workers who have left since the start (bottom).")
}

func (r runCharts) kpi(name string) (experiment.Estimate, bool) {
	s, ok := experiment.FindSummary(r.sums, name)
	return s.Estimate, ok
}

func (r runCharts) needsByGroup() (Figure, error) {
	var names []string
	var est []experiment.Estimate
	for _, s := range r.sums {
		// Population groups only: a group name has no dot, unlike the
		// per-profile KPIs ("...profile.low").
		if g, ok := strings.CutPrefix(s.Name, "needs_met_share."); ok && !strings.Contains(g, ".") {
			names = append(names, strings.ReplaceAll(g, "_", " "))
			est = append(est, s.Estimate)
		}
	}
	if all, ok := r.kpi(sim.KPINeedsMetShare); ok {
		names = append(names, "all referrals")
		est = append(est, all)
	}
	p := newBarPanel("", "Population group", "Needs met (%)", false)
	b := &bars{width: 0.6, color: Blue}
	for i, e := range est {
		b.pos = append(b.pos, float64(i))
		b.val = append(b.val, 100*e.Mean)
		b.lo = append(b.lo, 100*e.Low)
		b.hi = append(b.hi, 100*e.High)
		b.labels = append(b.labels, sig3(100*e.Mean)+"%")
		c := color.Color(Blue)
		if i == len(est)-1 {
			c = Grey
		}
		b.colors = append(b.colors, c)
	}
	p.Add(b)
	p.X.Tick.Marker = constantTicks(names)
	p.X.Min, p.X.Max = -0.6, float64(len(names))-0.4
	p.Y.Tick.Marker = niceTicks{format: percent}
	p.Y.Max = math.Max(p.Y.Max, 100)
	p.Y.Min = 0
	l := layout{
		title: "Community needs met, by population group",
		note:  fmt.Sprintf("Bars: mean after the warm-up over %s. Whiskers: %.0f%% confidence interval.", experiment.Count(len(r.results), "replication"), 100*r.level),
		rows:  [][]*plot.Plot{{p}},
		width: 9 * vg.Inch, height: 5.5 * vg.Inch,
	}
	return l.render("needs_by_group", "The share of community needs met for each population group; a gap between groups is an inequity the service produces or fails to close.")
}

func (r runCharts) costs() (Figure, error) {
	items := []struct{ kpi, label string }{
		{sim.KPICostLW, "Link workers"},
		{sim.KPICostRecruitment, "Recruitment"},
		{sim.KPICostVCSE, "VCSE grants"},
		{sim.KPICostTotal, "Total cost"},
		{sim.KPIGPValue, "GP time freed\n(assumption-driven)"},
	}
	p := newBarPanel("", "£ a year", "", true)
	p.X.Tick.Marker = niceTicks{format: pounds}
	b := &bars{width: 0.6, color: Blue, horizontal: true}
	var names []string
	for _, it := range slices.Backward(items) {
		e, ok := r.kpi(it.kpi)
		if !ok {
			continue
		}
		k := len(names)
		names = append(names, it.label)
		b.pos = append(b.pos, float64(k))
		b.val = append(b.val, e.Mean)
		b.lo = append(b.lo, e.Low)
		b.hi = append(b.hi, e.High)
		b.labels = append(b.labels, money(e.Mean))
		switch it.kpi {
		case sim.KPIGPValue:
			b.colors = append(b.colors, Orange)
		case sim.KPICostTotal:
			b.colors = append(b.colors, colBlack)
		default:
			b.colors = append(b.colors, Blue)
		}
	}
	p.Add(b)
	p.Y.Tick.Marker = constantTicks(names)
	p.Y.Min, p.Y.Max = -0.6, float64(len(names))-0.4
	p.X.Min = 0
	l := layout{
		title: "Costs a year, and the assumption-driven value of GP time freed",
		note:  "Means after the warm-up; whiskers: 95% confidence interval. The GP value rests on an assumed effect size, not on evidence.",
		rows:  [][]*plot.Plot{{p}},
		width: 10 * vg.Inch, height: 5.5 * vg.Inch,
	}
	return l.render("costs", "Yearly costs of link workers, their recruitment and community grants, against the value of GP appointments avoided. That value is driven by an assumed effect size (outcomes.gp_effect_size) and is labelled so.")
}

// compact formats a number for a label: 3 significant figures at most,
// without trailing zeros (40, 0.65, 255397).
func compact(v float64) string { return trimZeros(sig3(v)) }

// thousands formats a whole number with comma separators: 255,397.
func thousands(v float64) string {
	if !defined(v) {
		return "NA"
	}
	s := fmt.Sprintf("%.0f", math.Abs(v))
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if v < 0 && s != "0" {
		return "-" + b.String()
	}
	return b.String()
}
