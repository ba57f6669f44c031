package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValueWithACommentIsRefused: a value on the command line holding a
// TOML comment is a usage error (exit 2) saying what to give instead,
// where --set 'workforce.link_workers=3 # comment' ran with 3 and the
// comment dropped; nothing is run or written.
func TestValueWithACommentIsRefused(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"run", "baseline", "--replications", "2", "--set", "workforce.link_workers=3 # comment"},
			`--set workforce.link_workers=3 # comment: "# comment" is a TOML comment, which a value given alone may not have (it would be dropped without a word): give the value alone, as workforce.link_workers=3, and put text holding # in quotes`},
		{[]string{"run", "baseline", "--replications", "2", "--set", "name=Ward #3"}, `put text holding # in quotes, as name="Ward #3"`},
		{[]string{"sweep", "baseline", "--replications", "2", "--vary", "workforce.link_workers=3,4 # three, four"},
			`--vary workforce.link_workers=3,4 # three, four: "# three, four" is a TOML comment`},
		{[]string{"sweep", "baseline", "--replications", "2", "--vary", "workforce.link_workers=3,4", "--set", "demand.referrals_per_week=25 #x"}, `--set demand.referrals_per_week=25 #x: "#x" is a TOML comment`},
		{[]string{"optimise", "baseline", "--lever", "workforce.link_workers=3,4 # four", "--target", "reneged<=100"},
			`--lever workforce.link_workers=3,4 # four: "# four" is a TOML comment`},
		{[]string{"compare", "baseline", "extra-link-worker", "--replications", "2", "--set", "workforce.fte=0.8 # part-time"}, `"# part-time" is a TOML comment`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			code, _, stderr := cli(append(tt.args, "-o", out)...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, exitUsage, tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("wrote %s", out)
			}
		})
	}
}
