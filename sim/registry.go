package sim

import (
	"math"
	"strings"

	"github.com/spsim/spsim/scenarios"
)

// Direction says which way a measure improves, so that a comparison can say
// "better" or "worse" without knowing the measure.
type Direction int8

// Directions.
const (
	Neutral        Direction = iota // neither way is better (a volume, a utilisation)
	HigherIsBetter                  // e.g. needs met
	LowerIsBetter                   // e.g. waits, costs, leavers
)

// Family says whether a measure is one figure or one per member of a set.
type Family int8

// Families. A member's name is the family's base name, a dot and the
// member: "needs_met_share.most_deprived" (a group),
// "all_needs_met_share.profile.complex" (a need profile),
// "caseload_mean.role.navigator" (a workforce role).
const (
	Overall    Family = iota // one figure
	PerGroup                 // one per population group
	PerProfile               // one per need profile
	PerRole                  // one per workforce role
	PerService               // one per community service
)

// Member prefixes of the profile and role families; a group's member has none.
const (
	ProfilePrefix = scenarios.ProfileFamily + "."
	RolePrefix    = scenarios.RoleFamily + "."
	ServicePrefix = scenarios.ServiceFamily + "."
)

// Measure describes one weekly column or KPI: what it is called in files
// (Name), in words (Label), its unit, what it counts over (Denominator, for
// ratios and shares), which way is better and its possible range, which
// bounds any interval drawn around it. A family's entry has the base name,
// e.g. "needs_met_share" with Family PerGroup.
type Measure struct {
	Name, Unit, Label, Description, Denominator string
	Direction                                   Direction
	Min, Max                                    float64 // possible range; Max may be +Inf, Min -Inf
	Family                                      Family
	// Gap marks a difference between groups: a gap between two shares is
	// in percentage points, not a share itself.
	Gap bool
}

// Member names a family's member: for PerGroup "needs_met_share.most_deprived",
// for PerProfile "all_needs_met_share.profile.complex". Overall returns the name.
func (m Measure) Member(member string) string {
	switch m.Family {
	case PerGroup:
		return m.Name + "." + member
	case PerProfile:
		return m.Name + "." + ProfilePrefix + member
	case PerRole:
		return m.Name + "." + RolePrefix + member
	case PerService:
		return m.Name + "." + ServicePrefix + member
	}
	return m.Name
}

// SplitMember splits a measure's name into its family's base name, the
// family and the member. The base is everything before the first dot; the
// member is the rest after a "profile.", "role." or "service." prefix, so
// a group whose name contains a dot ("a.b") stays one member. A group may
// not be named "profile", "role" or "service" (or start with them and a
// dot): validation and the model refuse such names.
func SplitMember(name string) (base string, fam Family, member string) {
	base, rest, ok := strings.Cut(name, ".")
	if !ok {
		return name, Overall, ""
	}
	if m, ok := strings.CutPrefix(rest, ProfilePrefix); ok {
		return base, PerProfile, m
	}
	if m, ok := strings.CutPrefix(rest, RolePrefix); ok {
		return base, PerRole, m
	}
	if m, ok := strings.CutPrefix(rest, ServicePrefix); ok {
		return base, PerService, m
	}
	return base, PerGroup, rest
}

// KPIs returns every KPI's description, overall ones first then families,
// in the order the model emits them. The slice is a copy.
func KPIs() []Measure { return append([]Measure(nil), kpiReg.list...) }

// Columns returns every weekly column's description, in the order of the
// weekly table. The slice is a copy.
func Columns() []Measure { return append([]Measure(nil), columnReg.list...) }

// LookupKPI finds a KPI by name; a family member resolves to its family's entry.
func LookupKPI(name string) (Measure, bool) { return kpiReg.lookup(name) }

// LookupColumn finds a weekly column by name; a family member resolves to
// its family's entry.
func LookupColumn(name string) (Measure, bool) { return columnReg.lookup(name) }

// registry indexes a table of measures by base name and family.
type registry struct {
	list []Measure
	idx  map[registryKey]int
}

type registryKey struct {
	name string
	fam  Family
}

func newRegistry(list []Measure) registry {
	r := registry{list: list, idx: make(map[registryKey]int, len(list))}
	for i, m := range list {
		k := registryKey{m.Name, m.Family}
		if _, dup := r.idx[k]; dup {
			panic("sim: measure registered twice: " + m.Name)
		}
		r.idx[k] = i
	}
	return r
}

func (r registry) lookup(name string) (Measure, bool) {
	if i, ok := r.idx[registryKey{name, Overall}]; ok {
		return r.list[i], true
	}
	base, fam, member := SplitMember(name)
	if fam == Overall || member == "" {
		return Measure{}, false
	}
	if i, ok := r.idx[registryKey{base, fam}]; ok {
		return r.list[i], true
	}
	return Measure{}, false
}

// unit is the unit of a registered measure; the model names only
// registered measures, so a miss is a bug caught by the registry's tests.
func (r registry) unit(name string) string {
	m, ok := r.lookup(name)
	if !ok {
		panic("sim: measure not in the registry: " + name)
	}
	return m.Unit
}

var (
	kpiReg    = newRegistry(kpiTable)
	columnReg = newRegistry(columnTable)
)

var inf = math.Inf(1)

// Measure constructors for the tables below.
func count(name, unit, label, desc string, d Direction) Measure {
	return Measure{Name: name, Unit: unit, Label: label, Description: desc, Direction: d, Max: inf}
}

func share(name, label, desc, denom string, d Direction) Measure {
	return Measure{Name: name, Unit: UnitShare, Label: label, Description: desc, Denominator: denom, Direction: d, Max: 1}
}

func ratio(name, unit, label, desc, denom string, d Direction) Measure {
	return Measure{Name: name, Unit: unit, Label: label, Description: desc, Denominator: denom, Direction: d, Max: inf}
}

func per(f Family, m Measure) Measure { m.Family = f; return m }

// The units that outputs format specially; the registry's other units
// ("people", "needs/year", ...) are words shown as they are. A rate's unit
// is its count's with "/year" added.
const (
	UnitShare      = "share"    // a proportion from 0 to 1, shown as a percentage
	UnitGBP        = "GBP"      // pounds sterling
	UnitGBPPerYear = "GBP/year" // pounds a year
	UnitWeeks      = "weeks"
	UnitIndex      = "index" // a pressure index, no unit
)
