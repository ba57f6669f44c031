package scenarios

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spsim/spsim/sim/dist"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// maxAreas bounds areas.count: England has about 1,250 PCNs.
const maxAreas = 10000

// areas checks the [areas] table, which repeats the scenario's PCN as the
// areas of an ICB or of England.
func (v *validator) areas() {
	a := v.c.Areas
	path := func(k ...string) []string { return join(p("areas"), k...) }
	v.whole(path("count"), a.Count, 0, maxAreas)
	if a.Count > 1 && len(a.List) > 0 {
		v.add(path("list"), nil, fmt.Sprintf(
			"give either count = N copies of the area or a list of named areas, not both (count = %d)", a.Count), "areas.count")
	}
	if isSet(a.ReferralsMultiplier) {
		if d := v.duration(path("referrals_multiplier"), a.ReferralsMultiplier); d != nil && !(d.Mean() > 0) {
			v.add(path("referrals_multiplier"), a.ReferralsMultiplier, "the mean must be > 0 (multiplies each area's referrals; 1 is no change)")
		}
	}
	if isSet(a.ReferenceGroupShare) {
		if v.duration(path("reference_group_share"), a.ReferenceGroupShare) != nil {
			if msg := shareBounds(a.ReferenceGroupShare); msg != "" {
				v.add(path("reference_group_share"), a.ReferenceGroupShare, msg)
			}
		}
		v.needsReferenceGroup(path("reference_group_share"))
	}
	// The variation between areas needs areas to vary between.
	if !a.Several() {
		for _, k := range []struct {
			key     string
			spec    dist.Spec
			instead string
		}{{"referrals_multiplier", a.ReferralsMultiplier, "demand.referrals_per_week"}, {"reference_group_share", a.ReferenceGroupShare, "the groups' shares"}} {
			if isSet(k.spec) {
				v.warn(path(k.key), k.spec, fmt.Sprintf("varies between several areas (areas.count or [[areas.list]]); with one area it changes nothing: to change this area, set %s", k.instead))
			}
		}
	}
	var seen NameSet[struct{}]
	for i, area := range a.List {
		ap := func(k string) []string { return path("list", strconv.Itoa(i), k) }
		first, _, twice := seen.Add(area.Name, struct{}{})
		switch {
		case blank(area.Name):
			v.add(ap("name"), area.Name, "an area needs a name"+invisible(area.Name))
		case twice && first == area.Name:
			v.add(ap("name"), area.Name, fmt.Sprintf("area %q is listed twice", area.Name))
		case twice:
			v.add(ap("name"), area.Name, fmt.Sprintf("area %q is listed twice (%s; the first is %q)", area.Name, NamesAlike, first))
		case areaNameProblem(area.Name) != "":
			v.add(ap("name"), area.Name, areaNameProblem(area.Name))
		}
		if area.ReferralsMultiplier != nil {
			v.num(ap("referrals_multiplier"), *area.ReferralsMultiplier, positive)
		}
		if area.ReferenceGroupShare != nil {
			v.num(ap("reference_group_share"), *area.ReferenceGroupShare, probability)
			v.needsReferenceGroup(ap("reference_group_share"))
		}
	}
}

// NameKey is what two names that print alike (two areas', or two
// compared scenarios') have in common:
// the same characters however an accent is encoded (é as one character or
// as e and a combining accent), without those that print as nothing (a
// zero-width space, a soft hyphen), with case folded in full (Straße and
// STRASSE, ΟΔΟΣ and οδος are one name; İ is i, as in strings.ToLower), with
// their spaces collapsed. Two areas with one key are one area typed twice:
// their results would be told apart by nobody; so would two scenarios' in
// a comparison. The key is for comparing names, not for showing.
func NameKey(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point):
			return -1
		case r == 'İ': // folded in full, i and a combining dot
			return 'i'
		}
		return r
	}, norm.NFC.String(name))
	// A Caser holds state: one for each call. Folding may decompose (ǰ is
	// j and a caron), so the result is composed again. It swaps Cherokee's
	// two cases (Ꭰ is ꭰ and ꭰ is Ꭰ) rather than making them one, so each
	// letter is then the least of the letters that are its cases.
	name = strings.Map(leastCase, norm.NFC.String(cases.Fold().String(name)))
	return strings.Join(strings.Fields(name), " ")
}

// NamesAlike says how names are compared (NameKey), for a message
// refusing two that print alike.
const NamesAlike = "names are compared as they print, ignoring case, spaces and characters that print as nothing"

// NameSet remembers names by NameKey, to tell a name given twice, or two
// names that print alike, from a new one: the rule for areas' names, in
// a file or listed, and compared scenarios' lives here, not in each
// caller's map. W is what a caller keeps of where a name was given (its
// line, its file). The zero NameSet is empty and ready.
type NameSet[W any] struct {
	seen map[string]namedAt[W]
}

type namedAt[W any] struct {
	name  string
	where W
}

// Add returns the name given before that prints as name does, with where
// it was given, and whether there is one (first == name when name is
// given again exactly); a new name is remembered as given at where, and
// "" and W's zero value are returned.
func (s *NameSet[W]) Add(name string, where W) (first string, firstWhere W, dup bool) {
	key := NameKey(name)
	if f, ok := s.seen[key]; ok {
		return f.name, f.where, true
	}
	if s.seen == nil {
		s.seen = map[string]namedAt[W]{}
	}
	s.seen[key] = namedAt[W]{name, where}
	var none W
	return "", none, false
}

// leastCase is the least of r and the letters that are its other cases.
func leastCase(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// needsReferenceGroup reports a reference-group share given without a
// reference group to apply it to.
func (v *validator) needsReferenceGroup(path []string) {
	if v.c.Outcomes.ReferenceGroup == "" {
		v.add(path, nil, "a reference-group share needs outcomes.reference_group, the group it is the share of", "outcomes")
	}
}

// isSet reports whether an optional distribution is given.
func isSet(s dist.Spec) bool {
	return !reflect.ValueOf(s).IsZero()
}

// shareBounds returns why draws from s might fall outside [0, 1], or "".
func shareBounds(s dist.Spec) string {
	in := func(x *float64) bool { return x != nil && *x >= 0 && *x <= 1 }
	ok := false
	switch s.Dist {
	case "constant":
		ok = in(s.Value)
	case "uniform", "triangular":
		ok = in(s.Min) && in(s.Max)
	case "empirical":
		ok = true
		for _, x := range s.Values {
			ok = ok && x >= 0 && x <= 1
		}
	}
	if ok {
		return ""
	}
	return "a share must stay between 0 and 1: use constant, uniform, triangular or empirical with values from 0 to 1"
}

// formulaStarts are the first characters a spreadsheet takes a cell for a
// formula by: areas.csv carries an area's name as it is.
const formulaStarts = "=+-@\t\r"

// areaNameProblem says what is wrong with a non-empty area name, or "":
// one a spreadsheet would take for a formula, one with a control
// character, which would be printed to the terminal (an escape could
// forge lines), or one longer than a scenario's name may be (areas.csv,
// the workbook's Areas sheet and the report label each area by it, and a
// spreadsheet cell holds at most 32,767 characters).
func areaNameProblem(name string) string {
	switch {
	case utf8.RuneCountInString(name) > MaxNameChars:
		return fmt.Sprintf("an area's name must be at most %d characters, as a scenario's, not %d: it labels the area in areas.csv and the report", MaxNameChars, utf8.RuneCountInString(name))
	case strings.ContainsAny(name[:1], formulaStarts):
		return fmt.Sprintf("area %q starts with %q, which a spreadsheet opening areas.csv would take for a formula: start the name with a letter or digit", name, name[:1])
	case strings.ContainsFunc(name, unicode.IsControl):
		return fmt.Sprintf("area %q: a name must not contain control characters (a line break, tab or escape)", name)
	}
	return ""
}
