package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimelineInheritance: a child's steps add to its parent's, in week
// order, unless it sets timeline_replace; errors still point at the step
// as written.
func TestTimelineInheritance(t *testing.T) {
	type step struct{ week, posts int }
	tests := []struct {
		name  string
		body  string
		want  []step
		error string // a message the load fails with, if any
	}{
		{"adds to the parent's", "extends = \"funding-cliff\"\n[[timeline]]\nweek = 120\nlink_workers = 4\n",
			[]step{{104, 2}, {120, 4}}, ""},
		{"sorted by week", "extends = \"funding-cliff\"\n[[timeline]]\nweek = 150\nlink_workers = 5\n[[timeline]]\nweek = 100\nlink_workers = 1\n",
			[]step{{100, 1}, {104, 2}, {150, 5}}, ""},
		{"same week: the child's step last, so it wins", "extends = \"funding-cliff\"\n[[timeline]]\nweek = 104\nlink_workers = 3\n",
			[]step{{104, 2}, {104, 3}}, ""},
		{"inline array adds too", "extends = \"funding-cliff\"\ntimeline = [{ week = 60, link_workers = 4 }]\n",
			[]step{{60, 4}, {104, 2}}, ""},
		{"replace", "extends = \"funding-cliff\"\ntimeline_replace = true\n[[timeline]]\nweek = 120\nlink_workers = 4\n",
			[]step{{120, 4}}, ""},
		{"replace with none", "extends = \"funding-cliff\"\ntimeline_replace = true\n", nil, ""},
		{"no timeline of its own", "extends = \"funding-cliff\"\n[workforce]\nlink_workers = 4\n", []step{{104, 2}}, ""},
		{"replace is not a bool", "extends = \"funding-cliff\"\ntimeline_replace = \"yes\"\n", nil,
			`child.toml:3:1: timeline_replace = "yes": must be true or false`},
		{"error in an added step names its line", "extends = \"funding-cliff\"\n[[timeline]]\nweek = 5000\nlink_workers = 4\n", nil,
			"child.toml:4:1: timeline.1.week = 5000: a timeline week past the horizon"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "child.toml")
			if err := os.WriteFile(path, []byte("name = \"child\"\n"+tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := Load(path)
			if tt.error != "" {
				if err == nil || !strings.Contains(err.Error(), tt.error) {
					t.Fatalf("got %v, want %q", err, tt.error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []step
			for _, ch := range c.Timeline {
				got = append(got, step{ch.Week, *ch.LinkWorkers})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("timeline %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("timeline %v, want %v", got, tt.want)
				}
			}
		})
	}
}
