package spsim_test

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spsim/spsim/calibrate"
)

// block is one fenced code block of a Markdown file.
type block struct {
	lang string
	line int // of the opening fence
	text []string
}

func codeBlocks(t *testing.T, path string) []block {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		blocks []block
		cur    *block
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &block{lang: strings.TrimPrefix(line, "```"), line: n}
		case cur != nil && line == "```":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.text = append(cur.text, line)
		}
	}
	return blocks
}

// setupOnly are the README's set-up lines, which the test stands in for:
// it builds the binary once, as `make build` and `go install` do.
var setupOnly = regexp.MustCompile(`^(git clone|cd |make |go install |go run )`)

// TestReadmeCommandsRun runs every command in the README's shell blocks,
// in order, in a fresh folder holding the binary (as ./spsim and on the
// PATH as spsim), the README's own scenario files and a referral extract.
// A command the README shows must work as shown.
func TestReadmeCommandsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every README command (about 30 s on 2 cores)")
	}
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "spsim"), "./cmd/spsim")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	blocks := codeBlocks(t, "README.md")
	writeReadmeFixtures(t, dir, blocks)

	ran := 0
	for _, b := range blocks {
		if b.lang != "sh" {
			continue
		}
		for i, line := range b.text {
			cmd := strings.TrimSpace(stripComment(line))
			if cmd == "" || setupOnly.MatchString(cmd) {
				continue
			}
			where := "README.md:" + strconv.Itoa(b.line+1+i)
			if !strings.HasPrefix(cmd, "spsim ") && !strings.HasPrefix(cmd, "./spsim ") {
				t.Errorf("%s: %q is neither spsim nor a set-up step; the test cannot run it", where, cmd)
				continue
			}
			runShell(t, dir, where, cmd)
			ran++
		}
	}
	if ran < 10 {
		t.Errorf("ran only %d README commands; the test has lost track of the README", ran)
	}
}

// writeReadmeFixtures writes the files the README's commands assume the
// reader has: each TOML block that names a scenario, as NAME.toml, and a
// referral extract for calibrate.
func writeReadmeFixtures(t *testing.T, dir string, blocks []block) {
	t.Helper()
	name := regexp.MustCompile(`^name\s*=\s*"([^"]+)"`)
	for _, b := range blocks {
		if b.lang != "toml" {
			continue
		}
		for _, l := range b.text {
			if m := name.FindStringSubmatch(l); m != nil {
				text := strings.Join(b.text, "\n") + "\n"
				if err := os.WriteFile(filepath.Join(dir, m[1]+".toml"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// The example extract README's calibrate reads, where a clone has it.
	example := filepath.Join("workbench", "assets", "examples", "referrals.csv")
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(example)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, example), data, 0o644); err != nil {
		t.Fatal(err)
	}
	refs := calibrate.Synthetic(calibrate.Params{Base: 20, Growth: 0.05, Amplitude: 0.1, Peak: 3},
		time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), 104, 1)
	f, err := os.Create(filepath.Join(dir, "referrals.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := calibrate.WriteCSV(f, refs); err != nil {
		t.Fatal(err)
	}
}

// runShell runs one command line through bash, as a reader would type it.
func runShell(t *testing.T, dir, where, line string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, "bash", "-c", line)
	c.Dir = dir
	c.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	start := time.Now()
	out, err := c.CombinedOutput()
	t.Logf("%s: %s (%.1f s)", where, line, time.Since(start).Seconds())
	if err != nil {
		t.Errorf("%s: %s: %v\n%s", where, line, err, out)
	}
}

// stripComment drops a shell comment: a # at the start or after a space.
func stripComment(line string) string {
	if strings.HasPrefix(line, "#") {
		return ""
	}
	if i := strings.Index(line, " #"); i >= 0 {
		return line[:i]
	}
	return line
}
