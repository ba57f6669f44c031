package dist

import (
	"fmt"
	"strings"

	"github.com/spsim/spsim/internal/editdist"
)

// synonyms maps words people commonly write for a parameter to the key this
// package uses, for suggestions that edit distance would not find.
var synonyms = map[string]string{
	"std":                "sd",
	"stdev":              "sd",
	"stddev":             "sd",
	"standard_deviation": "sd",
	"average":            "mean",
	"minimum":            "min",
	"maximum":            "max",
	"weight":             "weights",
	"probabilities":      "weights",
	"distribution":       "dist",
	"family":             "dist",
	"type":               "dist",
}

// didYouMean returns ` (did you mean "x"?)` for the candidate nearest to
// word, or "" when none is near enough to be a plausible typo. Case is
// ignored, and a word that starts a candidate ("exp") counts as near.
func didYouMean(word string, candidates []string) string {
	w := strings.ToLower(word)
	if s, ok := synonyms[w]; ok && contains(candidates, s) {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editdist.Distance(w, c)
		if len(w) >= 3 && strings.HasPrefix(c, w) {
			d = min(d, 1)
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// Allow about one edit in three letters: enough for typos and
	// transpositions, not so much that unrelated words match.
	limit := max(1, min(len([]rune(w)), len(best))/3)
	if best == "" || bestDist > limit {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
