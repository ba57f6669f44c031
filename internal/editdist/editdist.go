// Package editdist measures how far apart two words are, for "did you
// mean" suggestions: the scenario loader's for keys and names, and the
// distribution parser's for parameters.
package editdist

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
