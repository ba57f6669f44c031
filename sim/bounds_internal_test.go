package sim

import "testing"

// TestBoundTotal: a total's closures are bounded by every area's services
// added up; a ratio by the largest of its areas' bounds where every area
// has one, else not at all; and a count is ruled out only where every
// area rules it out.
func TestBoundTotal(t *testing.T) {
	area := func(closures, occupancy float64, never bool) AreaResult {
		return NewAreaResult("", []KPI{
			{Name: KPIVCSEClosures, Max: closures},
			{Name: KPIVCSEOccupancy, Max: occupancy},
			{Name: KPILeavers, Impossible: never},
		})
	}
	total := []KPI{{Name: KPIVCSEClosures, Max: 5}, {Name: KPIVCSEOccupancy, Max: 1}, {Name: KPILeavers, Impossible: true}}
	boundTotal(total, []AreaResult{area(5, 1, true), area(3, 1, false)})
	if total[0].Max != 8 || total[1].Max != 1 || total[2].Impossible {
		t.Errorf("%+v: want closures at most 8, occupancy at most 1, leavers possible", total)
	}
	boundTotal(total, []AreaResult{area(5, 1, true), area(5, 0, true)})
	if total[1].Max != 0 || !total[2].Impossible {
		t.Errorf("%+v: an area with its places cut leaves the total's occupancy unbounded; leavers ruled out in both", total)
	}
}
