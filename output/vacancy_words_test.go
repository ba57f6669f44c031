package output_test

import (
	"strings"
	"testing"

	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestVacancySavingsSaid: a scenario detectably cheaper while its posts
// detectably stand empty longer is told that the saving is pay not spent
// on empty posts, or part of it where it funds other posts too (a post
// cut); one whose vacancies do not detectably change, or whose cost does
// not detectably fall, is not.
func TestVacancySavingsSaid(t *testing.T) {
	diff := func(m, lo, hi float64) experiment.Estimate {
		return experiment.Estimate{Mean: m, Low: lo, High: hi, N: 20}
	}
	none := experiment.Estimate{}
	c := &experiment.Comparison{
		Names: []string{"baseline", "high-turnover", "steady", "dearer"},
		KPIs: []experiment.KPIComparison{
			{Name: sim.KPICostTotal, Paired: []experiment.Estimate{none, diff(-13910, -17202, -10618), diff(-5000, -6000, -4000), diff(900, 100, 1700)}},
			{Name: sim.KPIVacancyWeeks, Paired: []experiment.Estimate{none, diff(19.1, 14.4, 23.8), diff(0.5, -0.2, 1.2), diff(3, 1, 5)}},
			{Name: sim.KPILeaversPerFTE, Paired: []experiment.Estimate{none, diff(0.316, 0.196, 0.436), diff(0, -0.1, 0.1), diff(0.1, 0.05, 0.15)}},
			{Name: sim.KPICostLW, Paired: []experiment.Estimate{none, diff(-17110, -21297, -12923), diff(-4000, -5000, -3000), diff(-900, -1700, -100)}},
		},
	}
	base := &sim.Config{}
	base.Workforce.LinkWorkers, base.Workforce.FTE = 3, 1
	cut := *base
	cut.Workforce.LinkWorkers = 2
	cfgs := []*sim.Config{base, base, base, base}
	got := output.VacancySavings(c, cfgs)
	want := "In high-turnover, the lower cost is pay not spent on posts standing empty: they stand empty 19.1 more post-weeks a year [14.4, 23.8], and pay is £17,110 a year [£12,923, £21,297] lower, as more link workers leave (+0.316 per FTE a year [0.196, 0.436]). Pay not spent on an empty post is not a saving the service chose."
	if len(got) != 1 || got[0] != want {
		t.Errorf("%q\nwant only %q", got, want)
	}
	if s := strings.Join(output.CompareNotes(c, cfgs), " "); !strings.Contains(s, want) {
		t.Errorf("the comparison's notes lack it: %q", s)
	}
	// A post cut as well: part of the saving is the post.
	if got := output.VacancySavings(c, []*sim.Config{base, &cut, base, base}); len(got) != 1 || !strings.HasPrefix(got[0], "In high-turnover, part of the lower cost is pay not spent on posts standing empty") {
		t.Errorf("with a post cut: %q", got)
	}
}
