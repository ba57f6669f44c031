package sim

import (
	"errors"
	"fmt"
	"math"
)

// CheckFinite is a self-check that no infinite or undefined number reaches
// an output: every weekly value must be finite, and every KPI finite or NaN
// (NaN is a ratio with nothing to divide by, such as a mean wait when nobody
// was seen, written NA). The loader bounds every parameter so that none can
// overflow; a failure here is a bug, reported rather than written as Inf.
func (r *Result) CheckFinite() error {
	if !r.finite && r.rowsGone {
		return errors.New("self-check: a weekly value is not a finite number (its week was not kept)")
	}
	// x·0 is 0 for a finite x and NaN otherwise: one branch-free pass
	// finds whether any weekly value is not finite, and only then is the
	// culprit looked for.
	var any float64
	if !r.finite {
		for _, row := range r.Weekly {
			for _, x := range row {
				any += x * 0
			}
		}
	}
	for w, row := range r.Weekly {
		if any == 0 {
			break
		}
		for j, x := range row {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				name := "?"
				if j < len(r.Columns) {
					name = r.Columns[j].Name
				}
				return fmt.Errorf("self-check: weekly %s in week %d is %v, not a finite number", name, w, x)
			}
		}
	}
	check := func(where string, ks []KPI) error {
		for _, k := range ks {
			if math.IsInf(k.Value, 0) {
				return fmt.Errorf("self-check: KPI %s%s is %v, not a finite number", k.Name, where, k.Value)
			}
		}
		return nil
	}
	if err := check("", r.KPIs); err != nil {
		return err
	}
	for _, a := range r.Areas {
		for k, v := range a.vals {
			if math.IsInf(v.value, 0) {
				return fmt.Errorf("self-check: KPI %s of area %s is %v, not a finite number", a.heads[k].name, a.Name, v.value)
			}
		}
	}
	return nil
}
