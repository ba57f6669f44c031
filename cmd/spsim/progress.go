package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spsim/spsim/study"
)

// progress draws a one-line progress bar on stderr while replications
// run: replications done and an estimate of the time left. It draws only
// on a terminal, so logs and pipes stay clean, and never on stdout, which
// carries results.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	label   string
	total   int // replications planned; the bar's full width
	open    bool
	start   time.Time
	drawn   time.Time
	done    int
	noLimit bool // total is a cap, not a plan: show no time estimate
}

// redrawEvery limits redraws, so thousands of quick replications do not
// flood the terminal.
const redrawEvery = 100 * time.Millisecond

// newProgress returns a progress bar for total replications, or nil (on
// which every method is a no-op) if quiet or w is not a terminal.
func newProgress(w io.Writer, quiet bool, label string) *progress {
	if quiet || !isTerminal(w) {
		return nil
	}
	return &progress{w: w, label: label, start: time.Now()}
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// update records how far the study has gone. It is safe to call from
// several goroutines.
func (p *progress) update(s study.Progress) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	done := s.Done
	if done < p.done {
		return // a late call from another worker
	}
	p.done, p.total, p.noLimit = done, s.Total, s.Cap
	if s.Label != "" {
		p.label = s.Label
	}
	now := time.Now()
	if now.Sub(p.drawn) < redrawEvery && done < p.total {
		return
	}
	p.drawn = now
	elapsed := now.Sub(p.start)
	eta := "estimating…"
	switch {
	case p.noLimit:
		eta = fmt.Sprintf("%s elapsed", elapsed.Round(time.Second))
	case done > 0:
		left := time.Duration(float64(elapsed) * float64(p.total-done) / float64(done))
		eta = fmt.Sprintf("about %s left", left.Round(time.Second))
		if left < time.Second {
			eta = "under a second left"
		}
	}
	fmt.Fprint(p.w, "\r\033[K"+progressLine(p.width(), p.label, done, p.total, eta))
	p.open = true
}

// width is the terminal's width now (it may have been resized), else
// $COLUMNS, else 80.
func (p *progress) width() int {
	if f, ok := p.w.(*os.File); ok {
		if w := terminalWidth(f); w > 0 {
			return w
		}
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
		return w
	}
	return 80
}

// progressLine lays out the bar to fit in width columns, less one so the
// cursor never wraps: a wrapped line cannot be redrawn with a carriage
// return, and would leave a stale line on every redraw. As the terminal
// narrows, the bar shrinks, then the word "replications", the label, the
// bar and the estimate go, in that order.
func progressLine(width int, label string, done, total int, eta string) string {
	room := width - 1
	count := fmt.Sprintf("%d/%d", done, total)
	bar := func(n int) string {
		filled := min(n, int(float64(done)/float64(max(total, 1))*float64(n)))
		return strings.Repeat("█", filled) + strings.Repeat("░", n-filled)
	}
	const maxBar, minBar = 30, 10
	layouts := []func(barWidth int) string{
		func(b int) string { return label + " " + bar(b) + " " + count + " replications, " + eta },
		func(b int) string { return label + " " + bar(b) + " " + count + ", " + eta },
		func(b int) string { return bar(b) + " " + count + ", " + eta },
	}
	for _, layout := range layouts {
		fixed := utf8.RuneCountInString(layout(0))
		if b := min(maxBar, room-fixed); b >= minBar {
			return layout(b)
		}
	}
	for _, s := range []string{count + ", " + eta, count} {
		if utf8.RuneCountInString(s) <= room {
			return s
		}
	}
	return ""
}

// finish clears the bar so the results that follow start on a clean line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.open {
		fmt.Fprint(p.w, "\r\033[K")
		p.open = false
	}
}
