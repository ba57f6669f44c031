package workbench

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/spsim/spsim/internal/tomlstr"
	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// plain writes a value in the words people use for its unit: 56.8%,
// £256,464 a year, 3.1 weeks, 1,043 people a year, 0.52 people a year (the
// vocabulary every face shares, experiment.Words).
func plain(v float64, unit string) string { return experiment.Words(v, unit, false) }

// kpiWords writes a KPI's estimate and its interval in plain words. A gap
// between groups' shares is in percentage points (−8.7 percentage points,
// not −8.7%).
func kpiWords(name, unit string, e experiment.Estimate) (value, between string) {
	gap := false
	if m, ok := sim.LookupKPI(name); ok {
		gap = m.Gap && unit == sim.UnitShare
	}
	return experiment.WordsWithin(e.Mean, e.Low, e.High, unit, gap), interval(e, unit, gap)
}

// interval writes an estimate's interval in the same words, without the
// unit after the first number: "2.8 to 3.4 weeks" reads as "2.8–3.4 weeks".
func interval(e experiment.Estimate, unit string, gap bool) string {
	if e.N < 2 || math.IsNaN(e.Low) {
		return "one replication: no interval"
	}
	return experiment.WordsBetween(e.Mean, e.Low, e.High, unit, gap)
}

// count writes v rounded to a whole number, with thousands separators.
func count(v float64) string { return experiment.Number(math.Round(v)) }

// signed writes a difference with its sign: "+1.4 weeks", "−£1,200"; a
// difference of shares in percentage points.
func signed(v float64, unit string) string {
	return experiment.Signed(v, unit, unit == sim.UnitShare)
}

// pageReplacer says the command line's phrases as the page's own controls:
// the From and To dates of a fit, the Compare tab. A phrase about an
// option the page does not offer is dropped.
var pageReplacer = strings.NewReplacer(
	" (to count one, list it with the others in --inappropriate)", "",
	"comparing with the scenario without the change (spsim compare)", "pinning the scenario with and without the change and comparing them (the Compare tab)",
	"compare with the scenario without it (spsim compare)", "pin the scenario with and without it and compare them (the Compare tab)",
	" (--seed and --replications set them for all)", " (the page compares every pin on the reference's seed and replications: set them in the reference to change them)",
	"more trajectories (spsim sensitivity --trajectories) may tell them apart", "more trajectories may tell them apart, on the command line (spsim sensitivity --trajectories)",
	"more samples (spsim sensitivity --samples) may tell them apart", "more samples may tell them apart, on the command line (spsim sensitivity --samples)",
	"write a scenario for each (its areas file changed) and run spsim compare on them", "pin a scenario for each (its areas file changed) and compare them on the Compare tab",
	"give the range whole-number ends (such as 3..4), or vary it with spsim sweep", "give the range whole-number ends (such as 3 to 4), or vary it on the Sweep tab",
	"add replications (spsim sensitivity --reps) before trusting the ranking", "add replications before trusting the ranking, on the command line (spsim sensitivity --reps)",
	"--from or the first", "From, or the first",
	"--to or the last referral", "To, or the last referral",
	"give --from before --to", "give a From before To",
	"give a --from within the extract", "give a From date within the extract",
	"give a --to within the extract", "give a To date within the extract",
	"referred after the run starts (initial.date, ", "referred after the extract date (",
	"referred after the run starts (initial.date)", "referred after the extract date",
	"unless initial.date gives it", "unless the Extract date gives it",
)

// studyReplacer says the command line's advice in the report and
// workbook of a study downloaded from the page (a sweep's, a
// comparison's) as the page's own controls, where the page offers what
// the advice asks for: a sweep's surprising point is confirmed on
// Compare, and a point or pin is run alone on the Results tab.
var studyReplacer = strings.NewReplacer(
	"so confirm a single surprising point with more replications or with spsim compare.",
	"so confirm a single surprising point with more replications or by pinning it and its neighbours and comparing them (the Compare tab).",
	"Run a point with spsim run for its MSER-5 warm-up suggestion.",
	"Run a point alone (its value set on the left, on the Results tab) for its MSER-5 warm-up suggestion, in its report.html.",
	"Run each scenario with spsim run for its MSER-5 warm-up suggestion.",
	"Run each scenario alone (on the Results tab) for its MSER-5 warm-up suggestion, in its report.html.",
)

// studyWords is a study's downloaded text in the page's words
// (studyReplacer, then pageWords). None of the phrases holds a character
// HTML or XML escapes, so they are found alike in a report's HTML and a
// workbook's XML.
func studyWords(s string) string { return pageWords(studyReplacer.Replace(s)) }

// dates of a fit named as the page's From and To.
var fitDate = regexp.MustCompile(`--(from|to) (\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]{2} \d{4})`)

// pageWords is s in the page's words (pageReplacer, fitDate).
func pageWords(s string) string {
	s = pageReplacer.Replace(s)
	return fitDate.ReplaceAllStringFunc(s, func(m string) string {
		sub := fitDate.FindStringSubmatch(m)
		return map[string]string{"from": "From", "to": "To"}[sub[1]] + " " + sub[2]
	})
}

// plannerWords is a planner's refusal of a key or value in the page's words:
// said of the command line's flag and range ("--vary
// workforce.link_workers=3.2..4.2: …"), it is of the key and the range the
// page sent ("workforce.link_workers from 3.2 to 4.2: …").
func plannerWords(msg string) string {
	for _, flag := range []string{"--vary ", "--lever "} {
		msg = strings.TrimPrefix(msg, flag)
	}
	return pageWords(flagRange.ReplaceAllString(msg, "$1 from $2 to $3: "))
}

// flagRange is a key and the range a flag gives it, leading a message:
// "workforce.link_workers=3.2..4.2: ".
var flagRange = regexp.MustCompile(`^([a-z0-9_.]+)=([-+0-9.e]+)\.\.([-+0-9.e]+): `)

// missingTop is the loader's refusal of a file without the scenario's
// required top-level keys: on the page, most often a file of a few
// changes that does not say what it changes.
const missingTop = "missing required keys at the top level"

// pageProblem is a scenario problem in the page's words: a file of only
// some settings is told how to build on a built-in scenario.
func pageProblem(text string) string {
	if strings.Contains(text, missingTop) {
		text += `; to give only some settings, start the file with extends = "baseline" (or another built-in scenario) and they change that scenario`
	}
	return pageWords(text)
}

// areaWarning is a warning about one area of a scenario's list, as the
// loader places it in the generated scenario ("scenario.toml:174:111:
// demand.referrals_per_week = 30: warning: area "Northgate PCN": ...").
var areaWarning = regexp.MustCompile(`^scenario\.toml:\d+(?::\d+)?: (.*?): warning: (area "[^"]*"): `)

// fromAreasFile says an area's warning as of the areas file the user
// chose, not of a line of the scenario the page generated from it:
// "pcns.csv, area "Northgate PCN": demand.referrals_per_week = 30: ...".
func fromAreasFile(text, file string) string {
	return areaWarning.ReplaceAllString(text, file+", ${2}: ${1}: ")
}

// warningWords is a scenario's warning as the page says it above the
// results, in plain words: "Warning: costs.on_cost_share = 28.0: 28 is
// outside the plausible range 0 to 0.6 (…; typical 0.28); did you mean
// 0.28?". The command line's "scenario.toml:164:1: …: warning: …" stays
// the Advanced pane's, beside the text its lines are of: the page wrote
// that scenario.toml, and a commissioner never named it. A file of the
// user's own (a caseload extract) is named, with its line; an area's
// warning names the area first, as an areas file's do; a table named
// alone ("initial") is the file's layout, not a setting, and its message
// says what it is about. Keys and values are clipped and escaped as the
// command line's are.
func warningWords(w scenarios.Warning) string {
	msg := w.Message
	if w.More > 0 { // "... and 3 more warnings": "3 more warnings"
		msg = strings.TrimPrefix(msg, "... and ")
	}
	var where []string
	if w.File != "" && w.File != fileName && !strings.HasPrefix(w.File, "builtin:") {
		at := tomlstr.Comment(w.File)
		if w.Line > 0 {
			at += fmt.Sprintf(", line %d", w.Line)
		}
		where = append(where, at)
	}
	if m := areaMessage.FindStringSubmatch(msg); m != nil {
		where = append(where, m[1])
		msg = msg[len(m[0]):]
	}
	key := w.Key
	if w.Value == "" && !strings.Contains(key, ".") {
		key = ""
	}
	said := (&scenarios.Error{Key: key, Value: w.Value, Msg: msg}).Error()
	if len(where) > 0 {
		said = strings.Join(where, ", ") + ": " + said
	}
	return "Warning: " + said
}

// areaMessage is the area a warning's message is about, as the loader
// leads it: `area "Northgate PCN": `.
var areaMessage = regexp.MustCompile(`^(area "(?:[^"\\]|\\.)*"): `)

// areasFileWords names the areas file in an area's warning in words, as
// fromAreasFile does in its text: "Warning: pcns.csv, area …: …".
func areasFileWords(words, file string) string {
	if rest, ok := strings.CutPrefix(words, "Warning: area "); ok {
		return "Warning: " + file + ", area " + rest
	}
	return words
}

// flagWarning is the command line's warning of a value a sweep or a plan
// sets (scenarios.Warning.After, AreasWarning) in the page's words, as the
// warnings above the results say theirs: "--vary
// workforce.link_workers=1: initial.active = 80: warning: …" is "Warning:
// at link-worker posts 1: initial.active = 80: …", "--lever
// workforce.link_workers = 3: warning: …" is "Warning: at link-worker
// posts 3: …", and "--vary workforce.link_workers: warning: …" is
// "Warning: link-worker posts: …". flag is "--vary" or "--lever", and
// label names a key as the tab shows its lever. ok is false for a note
// that is not such a warning, left as it is.
func flagWarning(w, flag string, label func(key string) string) (said string, ok bool) {
	rest, ok := strings.CutPrefix(w, flag+" ")
	if !ok {
		return w, false
	}
	m := flagValue.FindStringSubmatch(rest)
	if m == nil {
		return w, false
	}
	rest = rest[len(m[0]):]
	msg, ok := strings.CutPrefix(rest, "warning: ") // of the key set
	if !ok {
		var other string // of another key, which setting this one made unlikely
		if other, msg, ok = strings.Cut(rest, ": warning: "); !ok {
			return w, false
		}
		msg = other + ": " + msg
	}
	where := label(m[1])
	if m[2] != "" {
		where = "at " + where + " " + m[2]
	}
	return "Warning: " + where + ": " + msg, true
}

// flagValue is the key a flag's warning is of, and the value set, if it
// names one: "workforce.link_workers=1: ", "costs.on_cost_share = 28: ",
// "workforce.link_workers: ".
var flagValue = regexp.MustCompile(`^([a-z0-9_.]+)(?: ?= ?([^:,]+))?: `)

// leverLabel is a key as a lever's label names it within a sentence
// ("link-worker posts"), or the key if it has none.
func leverLabel(key string) string {
	if l := scenarios.KeyLabel(key); l != "" {
		return output.Uncapitalise(l)
	}
	return key
}

// pageSentences is pageWords of each.
func pageSentences(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = pageWords(s)
	}
	return out
}

// glosses name in plain words, where the page's notes first use them,
// the methods a commissioner cannot be expected to know. The page's notes
// only: a run's downloads stay as spsim run writes them.
var glosses = strings.NewReplacer(
	"MSER-5 suggests", "MSER-5, a standard test of how long a run takes to settle from its starting state, suggests",
)

// pageNotes are a run's or a comparison's notes as the page shows them,
// with the methods they name glossed (glosses) in the first note that
// names them only: a comparison's notes may each name MSER-5.
func pageNotes(ss []string) []string {
	out := make([]string, len(ss))
	glossed := false
	for i, s := range ss {
		out[i] = s
		if g := glosses.Replace(s); !glossed && g != s {
			out[i], glossed = g, true
		}
	}
	return out
}
