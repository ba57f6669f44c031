package dist

import (
	"fmt"
	"strings"
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
		d := editDistance(w, c)
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

// editDistance returns the optimal string alignment distance between a
// and b, counting runes: the Levenshtein distance with the transposition of
// two adjacent letters ("sclae") as one edit, the commonest typo.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// d[i][j] is the distance between ra[:i] and rb[:j].
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
