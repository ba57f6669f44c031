package experiment

import (
	"math"
	"strconv"
	"strings"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/scenarios"
)

// MaxSteps is the most values a range LO..HI[:STEP] may stand for.
const MaxSteps = 1000

// Steps reads a range of values, LO..HI[:STEP] (whole numbers or decimals;
// STEP is 1 unless given), as every value from LO to HI in steps of STEP:
// "3..6" is 3, 4, 5, 6 and "40..100:20" is 40, 60, 80, 100. ok is false
// for text that is not a range, which is then a value in its own right.
// Sweeps, plans and screenings write ranges the same way.
func Steps(text string) (values []string, ok bool, err error) {
	lo, rest, isRange := strings.Cut(text, "..")
	if !isRange || strings.ContainsAny(text, `"'{[`) {
		return nil, false, nil
	}
	hi, stepText, hasStep := strings.Cut(rest, ":")
	if !hasStep {
		stepText = "1"
	}
	a, err1 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
	b, err2 := strconv.ParseFloat(strings.TrimSpace(hi), 64)
	step, err3 := strconv.ParseFloat(strings.TrimSpace(stepText), 64)
	if err1 != nil || err2 != nil || err3 != nil || !(step > 0) || !(a <= b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return nil, true, usage.Errorf("%q: want LO..HI[:STEP] with LO <= HI and STEP > 0, such as 3..8 or 40..100:20", text)
	}
	if (b-a)/step >= MaxSteps {
		return nil, true, usage.Errorf("%q: %g..%g in steps of %g is over %d values", text, a, b, step, MaxSteps)
	}
	// Values are rounded to the places the range was written to (0.1..0.3:0.1
	// gives 0.3, not the 0.30000000000000004 that adding 0.1 twice makes).
	places := max(decimals(lo), decimals(hi), decimals(stepText))
	// HI is a value of the range: a step that passes it would silently
	// leave out the end the user named (10..30:7 stopped at 24).
	if n := (b - a) / step; math.Abs(n-math.Round(n)) > 1e-9*max(1, n) {
		last := a + math.Floor(n)*step
		return nil, true, usage.Errorf("%q: %s is not a whole number of steps of %s from %s: end at %s or %s, or take a step that divides %s",
			text, strings.TrimSpace(hi), strings.TrimSpace(stepText), strings.TrimSpace(lo), format(last, places), format(last+step, places), format(b-a, places))
	}
	for i := 0; a+float64(i)*step <= b+1e-9*step; i++ {
		v := strconv.FormatFloat(a+float64(i)*step, 'f', places, 64)
		if places > 0 {
			v = strings.TrimSuffix(strings.TrimRight(v, "0"), ".")
		}
		if v == "-0" {
			v = "0"
		}
		values = append(values, v)
	}
	return values, true, nil
}

// decimals is the number of places after the point in a number as
// written, or -1 (as many as it takes) for one in exponent form.
func decimals(text string) int {
	text = strings.TrimSpace(text)
	if strings.ContainsAny(text, "eE") {
		return -1
	}
	if _, frac, ok := strings.Cut(text, "."); ok {
		return len(frac)
	}
	return 0
}

// format writes x to places decimals, without trailing zeros.
func format(x float64, places int) string {
	v := strconv.FormatFloat(x, 'f', places, 64)
	if places > 0 {
		v = strings.TrimSuffix(strings.TrimRight(v, "0"), ".")
	}
	return v
}

// Repeated returns the first value of a sweep's or a lever's that is given
// twice ("3" and "3.0" are one number), and whether there is one: a point
// run twice adds nothing, and a sweep of 3 and 3 reads "from 3 to 3".
// Failing that, it looks for one value written two ways the scenario reads
// alike (fcfs and "fcfs", a distribution's keys in another order).
func Repeated(values []string) (string, bool) {
	if v, twice := repeatedNumber(values); twice {
		return v, true
	}
	return scenarios.RepeatedValue(values)
}

// repeatedNumber is Repeated by text, numbers compared as numbers.
func repeatedNumber(values []string) (string, bool) {
	seen := map[string]bool{}
	for _, v := range values {
		k := strings.TrimSpace(v)
		if x, err := strconv.ParseFloat(k, 64); err == nil {
			if x == 0 {
				x = 0 // -0 is 0
			}
			k = strconv.FormatFloat(x, 'g', -1, 64)
		}
		if seen[k] {
			return v, true
		}
		seen[k] = true
	}
	return "", false
}
