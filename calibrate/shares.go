package calibrate

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"gonum.org/v1/gonum/stat/distuv"
)

// Share is the share of referrals in one category, with its 95% Wilson
// interval.
type Share struct {
	Name             string
	Count            int
	Value, Low, High float64
}

// DefaultInappropriate are the outcome values counted as an inappropriate
// referral (assessed and closed), compared as extract.Normal does.
var DefaultInappropriate = []string{"inappropriate", "inappropriate_referral", "not_appropriate", "declined", "rejected", "closed_inappropriate", "not_suitable"}

// Shares are the categorical columns of an extract, summarised.
type Shares struct {
	Groups, Profiles, Outcomes []Share
	// ProfileMix is each group's profile shares, when the extract has both.
	ProfileMix map[string][]Share
	// Inappropriate is the share of referrals with an outcome whose outcome
	// is one of the inappropriate values; nil without an outcome column,
	// or when no outcome is one of them (NoneInappropriate).
	Inappropriate *Share
	// NoneInappropriate says the extract has outcomes but none of them is
	// one of the values that mean an inappropriate referral: more likely
	// the extract's own words for it than a service that never closes a
	// referral as inappropriate, so no share is fitted from them.
	NoneInappropriate bool
	// Counted and Uncounted are the outcomes with a value, those taken as
	// inappropriate and the rest, largest first.
	Counted, Uncounted []Share
}

// OutcomeWords says which outcomes were counted as inappropriate and which
// were not, with their counts, so that an extract's own words for a
// declined or unsuitable referral can be added: "" without outcomes, or
// when none was counted (said otherwise).
func (s Shares) OutcomeWords() string {
	if s.Inappropriate == nil {
		return ""
	}
	words := func(sh []Share) string {
		var w []string
		for i, o := range sh {
			if i == maxOutcomesNamed {
				w = append(w, fmt.Sprintf("%d more", len(sh)-i))
				break
			}
			w = append(w, fmt.Sprintf("%q (%d)", o.Name, o.Count))
		}
		return strings.Join(w, ", ")
	}
	out := "counted as inappropriate: " + words(s.Counted)
	if len(s.Uncounted) > 0 {
		out += "; not counted: " + words(s.Uncounted) + " (to count one, list it with the others in --inappropriate)"
	}
	return out
}

// maxOutcomesNamed bounds the outcomes OutcomeWords lists on each side.
const maxOutcomesNamed = 8

// Summarise counts the extract's groups, profiles and outcomes over the
// referrals with a value. inappropriate lists the outcome values that mean
// an inappropriate referral (DefaultInappropriate if nil).
func Summarise(x *Extract, inappropriate []string) Shares {
	if inappropriate == nil {
		inappropriate = DefaultInappropriate
	}
	normal := make([]string, len(inappropriate))
	for i, v := range inappropriate {
		normal[i] = outcomeKey(v)
	}
	inappropriate = normal
	var s Shares
	col := func(get func(Referral) string) []Share {
		counts := map[string]int{}
		for _, r := range x.Referrals {
			if v := get(r); v != "" {
				counts[v]++
			}
		}
		return shares(counts)
	}
	if x.HasGroup {
		s.Groups = col(func(r Referral) string { return r.Group })
	}
	if x.HasProfile {
		s.Profiles = col(func(r Referral) string { return r.Profile })
	}
	if x.HasGroup && x.HasProfile {
		s.ProfileMix = map[string][]Share{}
		for _, g := range s.Groups {
			s.ProfileMix[g.Name] = col(func(r Referral) string {
				if r.Group != g.Name {
					return ""
				}
				return r.Profile
			})
		}
	}
	if x.HasOutcome {
		s.Outcomes = col(func(r Referral) string { return r.Outcome })
		bad, total := 0, 0
		for _, o := range s.Outcomes {
			total += o.Count
			if slices.Contains(inappropriate, outcomeKey(o.Name)) {
				bad += o.Count
				s.Counted = append(s.Counted, o)
			} else {
				s.Uncounted = append(s.Uncounted, o)
			}
		}
		switch {
		case total > 0 && bad == 0:
			s.NoneInappropriate = true
		case total > 0:
			sh := wilson("inappropriate", bad, total)
			s.Inappropriate = &sh
		}
	}
	return s
}

// outcomeKey is an outcome value as compared with the inappropriate ones,
// however written on the command line or in the extract: "Closed - not
// suitable" and closed_not_suitable are both closed_not_suitable.
func outcomeKey(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(words, "_")
}

// shares turns counts into shares, largest first (then by name).
func shares(counts map[string]int) []Share {
	total := 0
	for _, c := range counts {
		total += c
	}
	var out []Share
	for name, c := range counts {
		out = append(out, wilson(name, c, total))
	}
	slices.SortFunc(out, func(a, b Share) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// wilson is the share k/n with Wilson's 95% score interval, which stays
// within 0 and 1.
func wilson(name string, k, n int) Share {
	z := distuv.UnitNormal.Quantile(0.975)
	p, nf := float64(k)/float64(n), float64(n)
	den := 1 + z*z/nf
	mid := (p + z*z/(2*nf)) / den
	half := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / den
	return Share{Name: name, Count: k, Value: p, Low: max(0, mid-half), High: min(1, mid+half)}
}

// rounded returns the shares rounded to 4 decimals by largest remainder,
// so that they still sum to exactly 1.
func rounded(sh []Share) []float64 {
	const unit = 1e4
	out := make([]float64, len(sh))
	type rem struct {
		i int
		r float64
	}
	var rs []rem
	total := 0
	for i, s := range sh {
		f := math.Floor(s.Value * unit)
		out[i] = f
		total += int(f)
		rs = append(rs, rem{i, s.Value*unit - f})
	}
	slices.SortStableFunc(rs, func(a, b rem) int {
		switch {
		case a.r > b.r:
			return -1
		case a.r < b.r:
			return 1
		}
		return 0
	})
	for k := 0; k < int(unit)-total && k < len(rs); k++ {
		out[rs[k].i]++
	}
	for i := range out {
		out[i] /= unit
	}
	return out
}

// Match names the extract's groups and profiles as the scenario does where
// they differ only in case, spaces or punctuation ("Most deprived" and
// "MOST DEPRIVED" are most_deprived), so that their shares are counted
// together and apply. Call it before Summarise.
func (x *Extract) Match(groups, profiles []string) {
	rename := func(name string, names []string) string {
		for _, n := range names {
			if outcomeKey(n) == outcomeKey(name) {
				return n
			}
		}
		return name
	}
	for i := range x.Referrals {
		r := &x.Referrals[i]
		if r.Group != "" {
			r.Group = rename(r.Group, groups)
		}
		if r.Profile != "" {
			r.Profile = rename(r.Profile, profiles)
		}
	}
}
