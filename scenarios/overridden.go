package scenarios

import (
	"fmt"
	"strings"

	"github.com/spsim/spsim/internal/usage"
)

// timelineKeys are the scenario keys a timeline change sets again, each
// with the change's own key for it.
func timelineKeys(ch Change) map[string]string {
	keys := map[string]string{}
	if ch.LinkWorkers != nil {
		keys["workforce.link_workers"] = "link_workers"
	}
	if ch.ReferralsPerWeek != nil {
		keys["demand.referrals_per_week"] = "referrals_per_week"
	}
	if ch.Holding != nil {
		keys["holding.enabled"] = "holding"
	}
	for name, s := range ch.Services {
		if s == nil {
			continue
		}
		if s.Places != nil {
			keys["services."+name+".places"] = "services." + name + ".places"
		}
		if s.FundingPerYear != nil {
			keys["services."+name+".funding_per_year"] = "services." + name + ".funding_per_year"
		}
	}
	return keys
}

// overriding is the first timeline change that sets key again (the
// timeline is in week order, as loaded): its index, the change, and its
// own key for it.
func overriding(c *Config, key string) (i int, ch Change, own string, ok bool) {
	for i, ch := range c.Timeline {
		if own, ok := timelineKeys(ch)[key]; ok {
			return i, ch, own, true
		}
	}
	return 0, Change{}, "", false
}

// changeWords names a timeline change by its week and note.
func changeWords(ch Change) string {
	s := fmt.Sprintf("the scenario's timeline sets it again at week %d", ch.Week)
	if ch.Note != "" {
		s += " (" + ch.Note + ")"
	}
	return s
}

// Overridden says, of a value set at key, that the scenario's timeline
// sets key again, and from when: before the KPIs start, the value set
// cannot reach them. It is "" when no change sets key. Setting a value
// (--set, a lever) warns of it.
func Overridden(c *Config, key string) string {
	if mixes := groupsMixing(c, key); mixes != "" {
		return "every population group sets its own profile mix, so the profiles' shares are not used; set " + mixes + " instead, with another profile's entry of each mix so that it still sums to 1"
	}
	i, ch, own, ok := overriding(c, key)
	switch {
	case !ok:
		return ""
	case ch.Week <= c.Run.WarmupWeeks:
		return fmt.Sprintf("%s, before the KPIs start at week %d, so the value set here does not reach them; set timeline.%d.%s instead",
			changeWords(ch), c.Run.WarmupWeeks, i, own)
	}
	return fmt.Sprintf("%s, so the value set here holds until then; timeline.%d.%s sets the value after", changeWords(ch), i, own)
}

// Unreached refuses to vary key (what names the flag: "--vary",
// "--lever") when the scenario's timeline sets it again before the KPIs
// start: every value would give the same KPIs, and a sweep or a plan
// would read that as "no effect" of the key.
func Unreached(c *Config, what, key string) error {
	if mixes := groupsMixing(c, key); mixes != "" {
		return usage.Errorf("%s %s: every population group sets its own profile mix, so the profiles' shares are not used and the values varied would change nothing; vary %s instead, with another profile's entry of each mix so that it still sums to 1", what, key, mixes)
	}
	i, ch, own, ok := overriding(c, key)
	if !ok || ch.Week > c.Run.WarmupWeeks {
		return nil
	}
	return usage.Errorf("%s %s: %s, before the KPIs start at week %d, so the values varied cannot reach them; vary timeline.%d.%s instead",
		what, key, changeWords(ch), c.Run.WarmupWeeks, i, own)
}

// areasOverridden says, of a key the areas set each for themselves, that
// the scenario's timeline sets it again for every area alike, or "".
func areasOverridden(c *Config, key string) string {
	_, ch, _, ok := overriding(c, key)
	if !ok {
		return ""
	}
	what := fmt.Sprintf("the areas set %s each, but the scenario's timeline sets it again for every area alike at week %d", key, ch.Week)
	if ch.Note != "" {
		what += " (" + ch.Note + ")"
	}
	if ch.Week <= c.Run.WarmupWeeks {
		return fmt.Sprintf("%s, before the KPIs start at week %d, so no area's own value reaches them", what, c.Run.WarmupWeeks)
	}
	return what + ": each area's own value holds until then"
}

// AreasSetting counts the listed areas of c that set key themselves, of
// how many: a value set for the scenario reaches only the others.
func AreasSetting(c *Config, key string) (setting, areas int) {
	for _, a := range c.Areas.List {
		if _, ok := a.Set[key]; ok {
			setting++
		}
	}
	return setting, len(c.Areas.List)
}

// EveryAreaSets reports whether c lists areas and each sets key itself,
// so that a value for the scenario reaches none of them.
func EveryAreaSets(c *Config, key string) bool {
	n, of := AreasSetting(c, key)
	return of > 0 && n == of
}

// AreasWarning says, of a value set or varied at key (what: "--set",
// "--vary", "--lever"), that some of c's areas set key themselves and keep
// their own, or "" when none (or all: that is refused elsewhere) do.
func AreasWarning(c *Config, what, key string) string {
	msg := AreasKeeping(c, key, what != "--set")
	if msg == "" || EveryAreaSets(c, key) {
		return ""
	}
	return fmt.Sprintf("%s %s: warning: %s", what, key, msg)
}

// AreasKeeping says which of c's areas set key themselves and so keep
// their own value against one set for the scenario (several, varied),
// "2 of the 3 areas set workforce.link_workers themselves and keep their
// own; the value set reaches the other 1", or "" when no area does.
func AreasKeeping(c *Config, key string, varied bool) string {
	n, of := AreasSetting(c, key)
	reach := "the value set reaches"
	if varied {
		reach = "the values varied reach"
	}
	switch {
	case n == 0:
		return ""
	case n == of:
		return fmt.Sprintf("every area sets %s itself, so %s none of them", key, reach)
	}
	return fmt.Sprintf("%d of the %d areas set %s themselves and keep their own; %s the other %d", n, of, key, reach, of-n)
}

// groupsMixing names, for key profiles.P.share, the keys that decide P's
// share instead when every group of c sets its own profile_mix
// ("groups.most_deprived.profile_mix.complex and
// groups.rest.profile_mix.complex"); it is "" for any other key, or when
// some group takes the profiles' shares.
func groupsMixing(c *Config, key string) string {
	rest, ok := strings.CutPrefix(key, "profiles.")
	if !ok {
		return ""
	}
	profile, ok := strings.CutSuffix(rest, ".share")
	if !ok || len(c.Groups) == 0 || c.Profiles[profile] == nil {
		return ""
	}
	var keys []string
	for _, g := range sortedKeys(c.Groups) {
		if c.Groups[g].ProfileMix == nil {
			return ""
		}
		keys = append(keys, "groups."+g+".profile_mix."+profile)
	}
	if len(keys) == 1 {
		return keys[0]
	}
	return strings.Join(keys[:len(keys)-1], ", ") + " and " + keys[len(keys)-1]
}
