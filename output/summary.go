package output

import (
	"fmt"
	"strings"

	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// KeyNumber is one figure of a report's summary page, written as people
// read it (56.8%, £256,464 a year, 3.1 weeks) with its interval.
type KeyNumber struct {
	Label    string
	Value    string
	Interval string
	KPI      string // the stable name, for those who look it up
}

// keyNumberSlots are the summary's figures. Each slot takes the first KPI
// of its list that the run has, so the summary keeps working as KPIs are
// added (the headline outcome counts every referral once it exists).
var keyNumberSlots = []struct {
	label string
	kpis  []string
}{
	{"Referred people with every need met", []string{sim.KPIReferredAllNeedsMetShare, sim.KPINeedsMetShare}},
	{"Wait to first contact, mean", []string{sim.KPIWaitMean}},
	{"People who gave up waiting", []string{sim.KPIReneged}},
	{"Link-worker caseload places in use", []string{sim.KPIUtilisation}},
	{"Total cost", []string{sim.KPICostTotal}},
	{"Cost per need met", []string{sim.KPICostPerNeedMet}},
}

// KeyNumbers picks the summary's figures from a run's KPI summaries.
func KeyNumbers(sums []experiment.Summary) []KeyNumber {
	var out []KeyNumber
	for _, slot := range keyNumberSlots {
		for _, name := range slot.kpis {
			s, ok := experiment.FindSummary(sums, name)
			if !ok {
				continue
			}
			label := slot.label
			if name == sim.KPINeedsMetShare {
				label = "Community needs met"
			}
			value, ci := kpiWords(s)
			k := KeyNumber{Label: label, KPI: name, Value: value}
			if defined(s.Estimate.Low, s.Estimate.High) {
				k.Interval = "95% CI " + ci
			}
			out = append(out, k)
			break
		}
	}
	return out
}

// Sentence formats a sentence for people: a capital first letter and a
// full stop, as every face writes its answers.
func Sentence(format string, args ...any) string {
	s := fmt.Sprintf(format, args...)
	if s == "" {
		return s
	}
	return capitalise(s) + "."
}

// RunAnswer is a run's result in plain sentences, for the top of its
// report, the terminal and the workbench alike: whether link workers'
// places are the constraint, what that means for waiting, the outcome and
// the cost, each figure with its 95% interval in brackets. The verdict is
// read from the utilisation's interval, not its mean alone: an interval
// either side of 95% full says "close to full", not a verdict the noise
// could reverse.
func RunAnswer(sums []experiment.Summary) []string {
	get := func(name string) (experiment.Summary, bool) { return experiment.FindSummary(sums, name) }
	var out []string
	if s := capacitySentence(get, capacityWordsFor(sums)); s != "" {
		out = append(out, s)
	}
	if s := handoverWords(get); s != "" {
		out = append(out, capitalise(s)+".")
	}
	for _, name := range []string{sim.KPIReferredAllNeedsMetShare, sim.KPINeedsMetShare} {
		if s, ok := get(name); ok {
			// Every need: the sessions they needed with a link worker
			// (support cut short leaves them unmet) and each community need.
			what := "of referred people end with every need met (their own sessions completed, and each community need)"
			if name == sim.KPINeedsMetShare {
				what = "of community needs are met"
			}
			out = append(out, fmt.Sprintf("%s %s.", capitalise(withInterval(s)), what))
			break
		}
	}
	// A scenario without costs (the validation queues) has nothing to say.
	if cost, ok := get(sim.KPICostTotal); ok && cost.Estimate.Mean > 0 {
		s := fmt.Sprintf("The service costs %s", withInterval(cost))
		if per, ok := get(sim.KPICostPerNeedMet); ok && defined(per.Estimate.Mean) {
			s += fmt.Sprintf(", %s per need met", withInterval(per))
		}
		out = append(out, s+".")
	}
	return out
}

// capacitySentence says whether link workers' places are the constraint,
// and what that means for waiting and giving up; "" without those KPIs.
func capacitySentence(get func(string) (experiment.Summary, bool), words map[capacity]string) string {
	util, okU := get(sim.KPIUtilisation)
	wait, okW := get(sim.KPIWaitMean)
	gave, okG := get(sim.KPIReneged)
	if !okU || !okW || !okG {
		return ""
	}
	if capacityOf(util.Estimate) == capacityNone {
		return fmt.Sprintf("%s: nobody is seen, and %s give up waiting.", capitalise(words[capacityNone]), withInterval(gave))
	}
	full := fmt.Sprintf("caseloads are %s full%s", quantity(util), bracket(util))
	waits := fmt.Sprintf("people wait %s on average for a first contact", withInterval(wait))
	if p90, ok := get(sim.KPIWaitP90); ok {
		waits += ", one in ten over " + withInterval(p90)
	}
	giveUp := withInterval(gave) + " give up waiting"
	switch e := gave.Estimate; {
	case e.Mean == 0 && (!defined(e.High) || e.High == 0):
		giveUp = "nobody gives up waiting"
	case e.Mean < 0.5 && (!defined(e.High) || e.High < 0.5):
		giveUp = "almost nobody gives up waiting"
	}
	c := capacityOf(util.Estimate)
	if c == capacityRoom && queueing(wait.Estimate, gave.Estimate) {
		// Room, yet a queue: the empty places are ones those waiting
		// cannot take, and "have room" alone would read as no problem.
		return fmt.Sprintf("%s, yet people queue: %s; %s; %s. The empty places are ones those waiting cannot take: places reserved for longer-term support under tiered support, or another role's.",
			capitalise(words[c]), full, waits, giveUp)
	}
	return fmt.Sprintf("%s: %s; %s; %s.", capitalise(words[c]), full, waits, giveUp)
}

// queueing reports whether people detectably queue for a first contact:
// the wait's interval lies above a week and some give up.
func queueing(wait, gave experiment.Estimate) bool {
	return defined(wait.Low) && wait.Low > 1 && gave.Mean > 0 && (!defined(gave.Low) || gave.Low > 0)
}

// capacity is what the caseloads' utilisation says of link workers'
// places, read from its interval.
type capacity int

const (
	capacityFull  capacity = iota // the interval is at or above fullUtilisation
	capacityClose                 // the interval straddles it
	capacityRoom                  // the interval is below it
	capacityNone                  // no caseload places at all: nothing to fill
)

// capacityWords say each reading, for a run's verdict and a sweep's.
var capacityWords = map[capacity]string{capacityFull: "demand outstrips link-worker supply",
	capacityClose: "link workers are close to full", capacityRoom: "link workers have room",
	capacityNone: "there are no link-worker caseload places"}

// capacityWordsFor is capacityWords, or for a team of several roles (link
// workers and care navigators), the same said of the team: its caseloads'
// utilisation is all of theirs together, so "link workers have room" could
// mean the navigators have.
func capacityWordsFor(sums []experiment.Summary) map[capacity]string {
	roles := teamRoles(sums)
	if len(roles) < 2 {
		return capacityWords
	}
	together := " (" + strings.Join(roles, " and ") + " together)"
	return map[capacity]string{capacityFull: "demand outstrips the team's supply" + together,
		capacityClose: "the team is close to full" + together, capacityRoom: "the team has room" + together,
		capacityNone: "there are no caseload places"}
}

// teamRoles names the roles whose caseloads the summaries count, in words:
// "link workers", "care navigator".
func teamRoles(sums []experiment.Summary) []string {
	const prefix = sim.KPICaseloadPerFTE + ".role."
	var roles []string
	for _, s := range sums {
		if r, ok := strings.CutPrefix(s.Name, prefix); ok {
			roles = append(roles, strings.ReplaceAll(r, "_", " "))
		}
	}
	return roles
}

// capacityOf reads a utilisation estimate; with one replication, from its
// mean.
func capacityOf(e experiment.Estimate) capacity {
	switch {
	case !defined(e.Mean):
		return capacityNone
	case e.Low >= fullUtilisation || !defined(e.Low) && e.Mean >= fullUtilisation:
		return capacityFull
	case e.High < fullUtilisation || !defined(e.High) && e.Mean < fullUtilisation:
		return capacityRoom
	}
	return capacityClose
}

// fullUtilisation is the share of caseload places filled from which
// demand, not supply, is the constraint: people queue for the last few.
const fullUtilisation = 0.95

// quantity writes a KPI's mean as a sentence carries it (kpiWords: a gap
// between groups' shares in percentage points).
func quantity(s experiment.Summary) string {
	v, _ := kpiWords(s)
	return v
}

// withInterval writes a KPI's mean and its 95% interval as a sentence
// carries them, in the style of every face's answers: "5.62 weeks [5.36,
// 5.9]", "17.9% [17.4%, 18.5%]", "£255,790 a year [£254,131, £257,460]".
func withInterval(s experiment.Summary) string { return quantity(s) + bracket(s) }

// bracket is a KPI's 95% interval after a space; one replication has no
// interval, and gets none.
func bracket(s experiment.Summary) string {
	if !defined(s.Estimate.Low, s.Estimate.High) {
		return ""
	}
	_, ci := kpiWords(s)
	return " " + ci
}

// tomlDiff lists the lines of other that the reference lacks, each under
// its [section] header: what a compared scenario changes.
func tomlDiff(ref, other string) string {
	type key struct{ section, line string }
	have := map[key]bool{}
	section := ""
	for _, l := range strings.Split(ref, "\n") {
		if strings.HasPrefix(l, "[") {
			section = l
		}
		have[key{section, l}] = true
	}
	var b strings.Builder
	section, shown := "", ""
	for _, l := range strings.Split(other, "\n") {
		if strings.HasPrefix(l, "[") {
			section = l
			continue
		}
		if strings.TrimSpace(l) == "" || have[key{section, l}] {
			continue
		}
		if section != shown {
			b.WriteString(section + "\n")
			shown = section
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

// differingAssumptions lists the reference's assumptions in full, then
// for each other scenario only those that differ from the reference's.
func differingAssumptions(names []string, sets [][]string) []string {
	if len(sets) == 0 {
		return nil
	}
	out := make([]string, 0, len(sets[0]))
	for _, a := range sets[0] {
		out = append(out, names[0]+" (and the others unless listed below): "+a)
	}
	ref := map[string]bool{}
	for _, a := range sets[0] {
		ref[a] = true
	}
	for i := 1; i < len(sets); i++ {
		n := 0
		for _, a := range sets[i] {
			if !ref[a] {
				out = append(out, names[i]+": "+a)
				n++
			}
		}
		if n == 0 {
			out = append(out, names[i]+": the same assumptions as "+names[0]+".")
		}
	}
	return out
}
