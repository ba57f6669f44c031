// Package editdist measures how far apart two words are, for "did you
// mean" suggestions: the scenario loader's for keys and names, and the
// distribution parser's for parameters.
package editdist

import "strings"

// maxRunes bounds the words compared: suggestions are for names, and a
// longer input (an adversarial file's) must not cost quadratic memory.
const maxRunes = 64

// Distance is the optimal-string-alignment edit distance between a and b,
// counting runes: insertions, deletions, substitutions and the swap of two
// adjacent letters ("sclae"), the commonest typo, each one edit. Words
// longer than 64 runes are 0 apart if equal, else as far as the longer is
// long.
func Distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	if len(s) > maxRunes || len(t) > maxRunes {
		if a == b {
			return 0
		}
		return max(len(s), len(t))
	}
	// d[i][j] is the distance between s[:i] and t[:j].
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}

// Closest returns the candidate closest to name, ignoring case, if close
// enough to be a likely misspelling (at most one edit in four letters, and
// three in all), never name itself; "" if none is.
func Closest(name string, candidates []string) string {
	lower := strings.ToLower(name)
	n := len([]rune(lower))
	limit := min(1+n/4, 3)
	best, bestD := "", limit+1
	for _, c := range candidates {
		if c == name {
			continue
		}
		lc := strings.ToLower(c)
		if m := len([]rune(lc)); m < n-limit || m > n+limit {
			continue // too different in length to be close
		}
		if d := Distance(lower, lc); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
