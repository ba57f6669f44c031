package scenarios

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

func (v *validator) timeline() {
	horizon := v.c.Run.HorizonWeeks
	unfunded := v.unfundedFrom()
	for i, ch := range v.c.Timeline {
		path := func(k ...string) []string { return join(p("timeline", strconv.Itoa(i)), k...) }
		switch {
		case ch.Week < 1:
			v.add(path("week"), ch.Week, "must be at least 1 (a change at week 0 is the scenario's own value: set that instead)")
		case horizon >= 1 && ch.Week >= horizon:
			v.add(path("week"), ch.Week, fmt.Sprintf(
				"a timeline week past the horizon never happens: the run ends at run.horizon_weeks = %d, so weeks must be 1 to %d",
				horizon, horizon-1), "run.horizon_weeks")
		}
		if n := utf8.RuneCountInString(ch.Note); n > maxNoteChars {
			// Notes head the report's and the workbook's rows: too long
			// for them, they failed the run at its end.
			v.add(path("note"), ch.Note, fmt.Sprintf("must be at most %d characters, not %d: a note names the change; keep more in comments (# ...)", maxNoteChars, n))
		}
		if ch.LinkWorkers != nil {
			v.whole(path("link_workers"), *ch.LinkWorkers, 0, 100000)
		}
		if ch.ReferralsPerWeek != nil {
			v.num(path("referrals_per_week"), *ch.ReferralsPerWeek, positive)
		}
		for _, name := range sortedKeys(ch.Services) {
			sc := ch.Services[name]
			if !v.ref(path("services", name), name, "service", v.services, "services") || sc == nil {
				continue
			}
			if sc.Places != nil {
				v.whole(path("services", name, "places"), *sc.Places, 0, math.MaxInt)
				cut, ok := unfunded[name]
				if *sc.Places == 0 && !(ok && cut <= ch.Week) && (sc.FundingPerYear == nil || *sc.FundingPerYear != 0) {
					v.warn(path("services", name, "places"), *sc.Places, fmt.Sprintf(
						"leaves %s open with no places: people referred to it wait on its list (held on caseload meanwhile, if holding is on) until they give up or places return; to model it closing, set funding_per_year = 0 in this step too, and it closes at its closure_hazard_per_year", name))
				}
			}
		}
	}
}

// unfundedFrom is, for each service whose funding a timeline step cuts to
// 0 (or that has none to begin with), the first week it is unfunded.
func (v *validator) unfundedFrom() map[string]int {
	from := map[string]int{}
	for name, s := range v.c.Services {
		if s != nil && s.Grant() == 0 {
			from[name] = 0
		}
	}
	for _, ch := range v.c.Timeline {
		for name, sc := range ch.Services {
			if sc == nil || sc.FundingPerYear == nil || *sc.FundingPerYear != 0 {
				continue
			}
			if w, ok := from[name]; !ok || ch.Week < w {
				from[name] = ch.Week
			}
		}
	}
	return from
}

// timelineSteps checks what each step changes: a step that changes nothing
// is refused (a note alone, "services.x = { }"); a value a step sets to
// what it already is then, or that another step of the same week sets too,
// is warned of: the model applies a week's steps as one change, the later
// value of a key winning (a child's step at its parent's week replaces the
// parent's value rather than passing through it).
func (v *validator) timelineSteps() {
	order := make([]int, len(v.c.Timeline))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return v.c.Timeline[a].Week - v.c.Timeline[b].Week })
	now := map[string]string{
		"link_workers":       strconv.Itoa(v.c.Workforce.LinkWorkers),
		"referrals_per_week": formatNumber(v.c.Demand.ReferralsPerWeek),
		"holding":            strconv.FormatBool(v.c.Holding.Enabled),
	}
	for name, s := range v.c.Services {
		if s != nil {
			now["services."+name+".places"] = strconv.Itoa(s.Places)
		}
	}
	setAt := map[string]int{} // key -> the step of this week that set it
	week := math.MinInt
	for _, i := range order {
		ch := v.c.Timeline[i]
		if ch.Week != week {
			week, setAt = ch.Week, map[string]int{}
		}
		path := p("timeline", strconv.Itoa(i))
		sets := stepValues(ch)
		if len(sets) == 0 {
			v.add(path, nil, "this step changes nothing: give link_workers, referrals_per_week, holding, or a service's places or funding_per_year")
			continue
		}
		for _, kv := range sets {
			if j, dup := setAt[kv.key]; dup {
				v.warn(join(path, splitKey(kv.key)...), kv.raw, fmt.Sprintf("timeline.%d sets %s at week %d too: a week's steps apply as one change, so this later value, %s, is the one that holds", j, kv.key, week, kv.value))
			} else if now[kv.key] == kv.value {
				v.warn(join(path, splitKey(kv.key)...), kv.raw, fmt.Sprintf("changes nothing: %s is already %s at week %d", kv.key, kv.value, week))
			}
			setAt[kv.key], now[kv.key] = i, kv.value
		}
	}
}

// stepValue is one value a timeline step sets, as key and written value.
type stepValue struct {
	key, value string
	raw        any // as written, for messages
}

// stepValues are the values a timeline step sets, in a fixed order.
func stepValues(ch Change) []stepValue {
	var out []stepValue
	if ch.LinkWorkers != nil {
		out = append(out, stepValue{"link_workers", strconv.Itoa(*ch.LinkWorkers), *ch.LinkWorkers})
	}
	if ch.ReferralsPerWeek != nil {
		out = append(out, stepValue{"referrals_per_week", formatNumber(*ch.ReferralsPerWeek), *ch.ReferralsPerWeek})
	}
	if ch.Holding != nil {
		out = append(out, stepValue{"holding", strconv.FormatBool(*ch.Holding), *ch.Holding})
	}
	for _, name := range sortedKeys(ch.Services) {
		sc := ch.Services[name]
		if sc == nil {
			continue
		}
		if sc.Places != nil {
			out = append(out, stepValue{"services." + name + ".places", strconv.Itoa(*sc.Places), *sc.Places})
		}
		if sc.FundingPerYear != nil {
			out = append(out, stepValue{"services." + name + ".funding_per_year", formatNumber(*sc.FundingPerYear), *sc.FundingPerYear})
		}
	}
	return out
}
