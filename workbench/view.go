package workbench

import (
	"encoding/base64"
	"html"
	"math"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// runView is a run's results as the page shows them.
type runView struct {
	Name         string   `json:"name"`
	Replications int      `json:"replications"`
	Seed         uint64   `json:"seed"`
	Seconds      float64  `json:"seconds"` // server time for the run and its view
	Sentences    []string `json:"sentences"`
	Headline     []row    `json:"headline"`
	Charts       []chart  `json:"charts"`
	Areas        *areas   `json:"areas,omitempty"` // with several areas
	// Notes are the run's own warnings, as spsim run prints them, the
	// methods they name glossed (pageNotes): a warm-up the data suggest
	// should be longer, a precision not reached.
	Notes []string `json:"notes,omitempty"`
}

// areas ranks the areas of a run: the report's per-area table, and its
// chart when there are few enough areas to read one.
type areas struct {
	Caption string     `json:"caption"`
	Head    []string   `json:"head"`
	Rows    [][]string `json:"rows"`
	Chart   *chart     `json:"chart,omitempty"`
}

// svgImage shows an SVG drawn by gonum/plot as an image: it scales with
// the page, and nothing in it can run.
func svgImage(alt string, svg []byte) string {
	return `<img alt="` + html.EscapeString(alt) + `" src="data:image/svg+xml;base64,` + base64.StdEncoding.EncodeToString(svg) + `">`
}

// maxAreaChart is the most areas charted: beyond it the chart is too tall
// to read on a page, and the table (scrollable) carries the ranking.
const maxAreaChart = 60

// newAreas is the per-area view of a run of several areas, or nil.
func newAreas(res []*sim.Result) (*areas, error) {
	if len(res) == 0 || len(res[0].Areas) < 2 {
		return nil, nil
	}
	t := output.AreaTable(res, 0.95)
	a := &areas{Caption: t.Caption, Head: t.Head, Rows: t.Rows}
	if len(res[0].Areas) <= maxAreaChart {
		f, err := output.AreaFigure(res, 0.95)
		if err != nil {
			return nil, err
		}
		a.Chart = &chart{Name: f.Name, Title: f.Title, Caption: f.Caption, SVG: svgImage(f.Title, f.SVG)}
	}
	return a, nil
}

// row is one KPI in plain words, with its interval; the numbers are kept
// for scripts and tests.
type row struct {
	KPI      string  `json:"kpi"`
	Label    string  `json:"label"`
	Value    string  `json:"value"`
	Interval string  `json:"interval"`
	Mean     float64 `json:"mean"`
	Low      float64 `json:"low"`
	High     float64 `json:"high"`
}

// chart is a drawn chart and how to read it.
type chart struct {
	Name    string `json:"name"`
	Title   string `json:"title"`
	Caption string `json:"caption"`
	SVG     string `json:"svg"`
}

// newRow describes one KPI's estimate: its words, and its numbers as
// summary.json has them.
func newRow(s experiment.Summary) row {
	e := s.Estimate
	value, between := kpiWords(s.Name, s.Unit, e)
	return row{KPI: s.Name, Label: output.KPILabel(s.Name), Value: value, Interval: between,
		Mean: jsonNum(e.Mean), Low: jsonNum(e.Low), High: jsonNum(e.High)}
}

// jsonNum keeps NaN and infinities, which JSON cannot hold, out of answers.
func jsonNum(v float64) float64 {
	if finite(v) {
		return v
	}
	return 0
}

// newRunView builds the page's view of a run. Its sentences are the
// terminal's and the report's (output.RunFound): one answer, two faces,
// its advice said in the page's words (the Compare tab, not spsim compare).
func newRunView(rr *study.RunResult) (v *runView, err error) {
	cfg, res := rr.Config, rr.Results
	v = &runView{Name: cfg.Name, Replications: len(res), Seed: cfg.Run.Seed, Sentences: pageSentences(output.RunFound(rr))}
	for _, name := range output.Headline {
		if s, ok := experiment.FindSummary(rr.Summaries, name); ok {
			v.Headline = append(v.Headline, newRow(s))
		}
	}
	// Each community service's occupancy after the headline: where more
	// places would be taken up, and where they would stand empty.
	for _, s := range rr.Summaries {
		if base, fam, _ := sim.SplitMember(s.Name); base == sim.KPIVCSEOccupancy && fam == sim.PerService {
			v.Headline = append(v.Headline, newRow(s))
		}
	}
	v.Charts = runCharts(res, cfg.Run.WarmupWeeks)
	v.Areas, err = newAreas(res)
	return v, err
}

// runCharts draws demand against supply, waiting and the workforce over
// time, each line the mean of the replications with its 95% band.
func runCharts(res []*sim.Result, warmup int) []chart {
	col := experiment.Column
	weeks := "Week of the run (grey: warm-up, not counted)"
	tb := func(name, label string, color int, dashed bool, s experiment.Series) band {
		return weeklyBand(res, name, label, color, dashed, s)
	}
	demand := svgChart("demand_supply", "Demand against supply", []panel{
		{Title: "Link-worker caseload: people needing a place against places", XLabel: weeks, YLabel: "people or places", Shade: float64(warmup), Bands: []band{
			tb("caseload_demand", "Demand: on caseload or waiting", 1, false, experiment.Sum(col(sim.ColCaseloadMean), col(sim.ColWaitingListMean))),
			tb("capacity_places_mean", "Supply: caseload places", 0, true, col(sim.ColCapacityPlacesMean))}},
		{Title: "Link-worker time: session hours against hours available", XLabel: weeks, YLabel: "hours a week", Shade: float64(warmup), Bands: []band{
			tb("session_hours", "Session hours delivered", 1, false, col(sim.ColSessionHours)),
			tb("capacity_hours", "Hours available for sessions", 0, true, col(sim.ColCapacityHours))}},
		{Title: "Community services: people in or waiting for a place against places", XLabel: weeks, YLabel: "people or places", Shade: float64(warmup), Bands: []band{
			tb("vcse_demand", "Demand: in or waiting for a place", 1, false, experiment.Sum(col(sim.ColVCSEOccupiedMean), col(sim.ColVCSEWaitingMean))),
			tb("vcse_places_mean", "Supply: community places", 0, true, col(sim.ColVCSEPlacesMean))}},
	})
	waiting := svgChart("waiting", "Waiting", []panel{
		{Title: "People waiting for a link worker", XLabel: weeks, YLabel: "people", Shade: float64(warmup), Bands: []band{
			tb("waiting_list_mean", "Waiting list (weekly mean)", 0, false, col(sim.ColWaitingListMean))}},
		{Title: "Wait to first contact of people first seen that week", XLabel: weeks, YLabel: "weeks", Shade: float64(warmup), Bands: []band{
			tb("wait_first_contact_weeks", "Mean wait", 1, false, experiment.Ratio(col(sim.ColWaitSum), col(sim.ColFirstContacts)))}},
	})
	workforce := svgChart("workforce", "Workforce", []panel{
		{Title: "Link workers in post against funded posts", XLabel: weeks, YLabel: "FTE or posts", Shade: float64(warmup), Bands: []band{
			tb("fte_in_post_mean", "FTE in post", 2, false, col(sim.ColFTEInPostMean)),
			tb("posts_funded", "Funded posts", 0, true, col(sim.ColPostsFunded))}},
		{Title: "Link workers leaving, cumulative", XLabel: weeks, YLabel: "people", Shade: float64(warmup), Bands: []band{
			tb("leavers_cumulative", "Leavers since the start", 1, false, experiment.Cumulative(col(sim.ColLeavers)))}},
	})
	note := "Lines: the mean of the replications, week by week; shaded bands: its 95% confidence interval."
	return []chart{
		{Name: "demand_supply", Title: "Demand against supply", SVG: demand,
			Caption: "Where the solid line (demand) runs above the dashed line (supply), people queue. " + note},
		{Name: "waiting", Title: "Waiting", SVG: waiting, Caption: note},
		{Name: "workforce", Title: "Workforce", SVG: workforce, Caption: "Vacancies open when link workers leave, and close after recruitment. " + note},
	}
}

// weeklyBand is a weekly series across replications, at mid-week.
func weeklyBand(res []*sim.Result, name, label string, color int, dashed bool, s experiment.Series) band {
	est := experiment.Weekly(res, s, level)
	b := band{Name: name, Label: label, Color: color, Dashed: dashed}
	for w, e := range est {
		lo, hi := e.Low, e.High
		if e.N < 2 || math.IsNaN(lo) {
			lo, hi = e.Mean, e.Mean
		}
		b.X = append(b.X, float64(w)+0.5)
		b.Mean = append(b.Mean, e.Mean)
		b.Low = append(b.Low, lo)
		b.High = append(b.High, hi)
	}
	return b
}
