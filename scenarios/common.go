package scenarios

import (
	"slices"
	"strings"

	"github.com/spsim/spsim/internal/usage"
)

// commonRunKeys are the run settings a sweep, a plan's search or a
// sensitivity analysis holds the same at every point: common random
// numbers need one seed and one number of replications. Varying one
// would be overridden, every point alike, and read as "no effect".
var commonRunKeys = map[string]struct{ words, flag string }{
	"run.seed":         {"seed", "--seed"},
	"run.replications": {"number of replications", "--replications"},
}

// CommonRunKey returns an error if key is a run setting every point of an
// experiment shares, and so cannot be varied; what names the flag that
// would vary it ("--vary", "--lever").
func CommonRunKey(what, key string) error {
	k, ok := commonRunKeys[key]
	if !ok {
		return nil
	}
	return usage.Errorf("%s %s: every point runs with one %s (common random numbers), so it cannot be varied; set it for all with %s",
		what, key, k.words, k.flag)
}

// SetAndVaried refuses a key both set for every point (--set KEY=VALUE)
// and varied (what: "--vary", "--lever"): the varied values win at every
// point, and the value set would be dropped without a word. Two flags in
// conflict, it is a usage error (exit status 2).
func SetAndVaried(sets []string, what string, varied []string) error {
	for _, s := range sets {
		key, _, _ := strings.Cut(s, "=")
		key = strings.TrimSpace(key)
		if slices.Contains(varied, key) {
			return usage.Errorf("--set %s and %s %s: the values varied win at every point, so the value set would be dropped; give the key once", s, what, key)
		}
	}
	return nil
}
