package workbench

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
)

// lever is a control on the page: a lever of scenarios/words/levers.toml with
// its current value.
type lever struct {
	scenarios.Lever
	Value any `json:"value"`
	// Varies says the Sweep and Cheapest plan tabs may vary it: a number
	// that is a scenario key. The funding cliff is a control of the page's
	// own (a timeline step), and every point of a sweep or plan shares
	// one seed and one count of replications.
	Varies bool `json:"varies"`
	// Whole says the key takes whole numbers (posts, sessions, weeks):
	// a value offered for a mistyped one must be whole too.
	Whole bool `json:"whole"`
	// Decision says the Cheapest plan tab offers it: a lever that
	// varies and that a commissioner decides (posts, places, grants,
	// support limits), not demand, a run setting or an uncertain input.
	Decision bool `json:"decision"`
}

// decisionGroups are the groups of scenarios/words/levers.toml whose
// levers are decisions: the workforce funded, the support offered, the
// community services' places and grants. Demand, the run's settings and
// the uncertain inputs are not decided by a plan.
var decisionGroups = []string{"Workforce", "Support", "Community services"}

// notDecisions are levers of those groups that are assumptions about how
// the service behaves, not choices: what caseload a post carries without
// strain, and how much supervision cuts leaving.
var notDecisions = []string{"workforce.sustainable_caseload_per_fte", "workforce.supervision.leaving_hazard_reduction"}

// isDecision reports whether a lever (varying, with its key resolved) is
// a decision a plan may search.
func isDecision(l lever) bool {
	return l.Varies && slices.Contains(decisionGroups, l.Group) && !slices.Contains(notDecisions, l.Key)
}

// levers are the controls for cfg with its current values. doc is cfg
// encoded and decoded as a TOML document, which holds every key by the
// same path a lever names.
func levers(cfg *sim.Config, doc map[string]any) []lever {
	var out []lever
	for _, spec := range scenarios.Levers() {
		if spec.Kind == scenarios.LeverInput {
			continue // named for the decision tools, not a control
		}
		l := lever{Lever: spec}
		l.Varies = l.Kind == scenarios.LeverNumber && canVary(l.Key) == nil // one rule with the API's refusal
		l.Decision = isDecision(l)
		if l.Key == cliffKey {
			l.Value = 0
			if _, c := cliff(cfg); c != nil {
				l.Value = c.Week
			}
			l.Max = float64(cfg.Run.HorizonWeeks - 1)
			l.Whole = true
			if own := ownPostSteps(cfg); own != "" {
				l.Note = own + " " + l.Note
			}
			out = append(out, l)
			continue
		}
		if !strings.Contains(l.Key, "*") {
			if v, ok := lookup(doc, l.Key); ok {
				l.Value, l.Whole = v, isWhole(doc, l.Key)
				out = append(out, l)
			} else if l.Default != nil {
				l.Value = *l.Default
				out = append(out, l)
			}
			continue
		}
		for _, name := range sortedKeys(cfg.Services) {
			e := l
			e.Key = strings.Replace(l.Key, "*", name, 1)
			e.Label = scenarios.Words(name) + ": " + l.Label
			if v, ok := lookup(doc, e.Key); ok {
				e.Value, e.Whole = v, isWhole(doc, e.Key)
				e.Max = max(e.Max, numberOf(v)*2)
				out = append(out, e)
			}
		}
	}
	return out
}

// ownPostSteps names the scenario's own timeline steps that set the
// posts, which the cliff lever keeps and counts from, or is "".
func ownPostSteps(cfg *sim.Config) string {
	i, _ := cliff(cfg)
	var steps []string
	for j, c := range cfg.Timeline {
		if j == i || c.LinkWorkers == nil {
			continue
		}
		s := fmt.Sprintf("to %d at week %d", *c.LinkWorkers, c.Week)
		if c.Note != "" {
			s += " (" + c.Note + ")"
		}
		steps = append(steps, s)
	}
	if len(steps) == 0 {
		return ""
	}
	return "The scenario's own timeline sets the posts " + strings.Join(steps, ", ") + "; the cliff keeps these steps and, from its week, ends one further post of those they fund."
}

// isWhole reports whether key holds a whole number as the scenario file
// types it (an integer key), not a float that happens to be whole.
func isWhole(doc map[string]any, key string) bool {
	_, ok := raw(doc, key).(int64)
	return ok
}

// raw is the value at a key path of a decoded TOML document, as decoded,
// or nil.
func raw(doc map[string]any, key string) any {
	var cur any = doc
	for _, k := range strings.Split(key, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		if cur, ok = m[k]; !ok {
			return nil
		}
	}
	return cur
}

// lookup finds a key path such as "support.short_term.max_weeks" in a
// decoded TOML document; a distribution or table is not a lever's value.
func lookup(doc map[string]any, key string) (any, bool) {
	switch v := raw(doc, key).(type) {
	case int64:
		return float64(v), true
	case float64, bool, string:
		return v, true
	}
	return nil, false
}

func numberOf(v any) float64 {
	f, _ := v.(float64)
	return f
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
