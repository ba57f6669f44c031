package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
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
func newProgress(w io.Writer, quiet bool, label string, total int) *progress {
	if quiet || !isTerminal(w) {
		return nil
	}
	return &progress{w: w, label: label, total: total, start: time.Now()}
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

// update records that done replications have finished. It is safe to call
// from several goroutines.
func (p *progress) update(done int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if done < p.done {
		return // a late call from another worker
	}
	p.done = done
	now := time.Now()
	if now.Sub(p.drawn) < redrawEvery && done < p.total {
		return
	}
	p.drawn = now
	const width = 30
	frac := float64(done) / float64(max(p.total, 1))
	filled := min(width, int(frac*width))
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
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
	fmt.Fprintf(p.w, "\r\033[K%s %s %d/%d replications, %s", p.label, bar, done, p.total, eta)
	p.open = true
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
