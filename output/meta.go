package output

import (
	"github.com/spsim/spsim/sim/experiment"
)

// PrecisionMeta records in summary.json how a --precision run stopped.
type PrecisionMeta struct {
	// TargetPercent is the largest acceptable half-width, in percent of
	// |mean|.
	TargetPercent   float64         `json:"target_half_width_percent"`
	MaxReplications int             `json:"max_replications"`
	Replications    int             `json:"replications_run"`
	Reached         bool            `json:"reached"`
	Batches         []int           `json:"batches"` // total replications after each batch
	KPIs            []PrecisionKPI  `json:"kpis"`
	Skipped         []PrecisionSkip `json:"skipped,omitempty"`
	check           []experiment.PrecisionCheck
}

// PrecisionKPI is one headline KPI's precision at the end of the run.
type PrecisionKPI struct {
	KPI             string   `json:"kpi"`
	Mean            *float64 `json:"mean"`
	HalfWidth       *float64 `json:"half_width"`
	RelativePercent *float64 `json:"relative_half_width_percent"`
	Met             bool     `json:"met"`
}

// PrecisionSkip is a KPI that could not be judged, and why.
type PrecisionSkip struct {
	KPI    string `json:"kpi"`
	Reason string `json:"reason"`
}

// NewPrecisionMeta describes the outcome of a precision run.
func NewPrecisionMeta(targetPercent float64, maxReps int, out *experiment.PrecisionOutcome) *PrecisionMeta {
	m := &PrecisionMeta{TargetPercent: targetPercent, MaxReplications: maxReps, Replications: len(out.Results),
		Reached: out.Reached, Batches: out.Batches, check: out.Checks}
	for _, c := range out.Checks {
		if c.Skipped != "" {
			m.Skipped = append(m.Skipped, PrecisionSkip{KPI: c.KPI, Reason: c.Skipped})
			continue
		}
		m.KPIs = append(m.KPIs, PrecisionKPI{KPI: c.KPI, Mean: jnum(c.Mean), HalfWidth: jnum(c.HalfWidth),
			RelativePercent: jnum(100 * c.Relative), Met: c.Met})
	}
	return m
}

// Table is the precision reached by each KPI, for the report.
func (m *PrecisionMeta) Table() Table {
	t := Table{
		Caption: "Precision reached: 95% half-width as a percentage of |mean|, target " + compact(m.TargetPercent) + "%",
		Head:    []string{"KPI", "mean", "half-width", "% of mean", "target met"},
	}
	for _, c := range m.check {
		if c.Skipped != "" {
			t.Rows = append(t.Rows, []string{c.KPI, sig3(c.Mean), sig3(c.HalfWidth), "-", "skipped: " + c.Skipped})
			continue
		}
		met := "no"
		if c.Met {
			met = "yes"
		}
		t.Rows = append(t.Rows, []string{c.KPI, sig3(c.Mean), sig3(c.HalfWidth), sig3(100 * c.Relative), met})
	}
	return t
}

// WarmupMeta records in summary.json the MSER-5 warm-up suggestion.
type WarmupMeta struct {
	Method         string         `json:"method"`
	SuggestedWeeks int            `json:"suggested_weeks"`
	ScenarioWeeks  int            `json:"scenario_warmup_weeks"`
	Exceeds        bool           `json:"exceeds_scenario_warmup"`
	PerSeries      []SeriesWarmup `json:"per_series"`
	// BeforeWeek, when set, is the timeline's first change: the series
	// were read only before it.
	BeforeWeek int `json:"before_week,omitempty"`
	// NoSteadyState says referrals grow year on year: the suggestion
	// reads the growth, and is no guide.
	NoSteadyState bool   `json:"no_steady_state,omitempty"`
	Error         string `json:"error,omitempty"`
}

// SeriesWarmup is one series' suggestion.
type SeriesWarmup struct {
	Column string `json:"column"`
	Weeks  int    `json:"weeks"`
}

// NewWarmupMeta describes a warm-up suggestion against the scenario's.
func NewWarmupMeta(s experiment.WarmupSuggestion, scenarioWeeks int) *WarmupMeta {
	m := &WarmupMeta{Method: "MSER-5 on the across-replication mean", SuggestedWeeks: s.Weeks,
		ScenarioWeeks: scenarioWeeks, Exceeds: s.Weeks > scenarioWeeks, BeforeWeek: s.Before, NoSteadyState: s.Growing}
	if s.Before > 0 {
		m.Method += ", weeks before the timeline's first change"
	}
	for _, p := range s.PerSeries {
		m.PerSeries = append(m.PerSeries, SeriesWarmup{Column: p.Column, Weeks: p.Weeks})
	}
	return m
}
