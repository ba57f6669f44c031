package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"

	"github.com/spsim/spsim/sim"
)

// weeklyChunk is how many rows of weekly.csv one goroutine formats at a
// time: enough to make the hand-over cheap, few enough that the buffers
// in flight stay small (a row is about a kilobyte).
const weeklyChunk = 256

// WriteWeekly writes the tidy weekly table: one row per replication and
// week, with every weekly column of the model. It is the largest output,
// so rows are formatted straight into buffers, by every core, and written
// strictly in order: numbers never need CSV quoting, and the bytes are
// those encoding/csv would write.
func WriteWeekly(w io.Writer, results []*sim.Result) error {
	return writeWeekly(w, results, runtime.GOMAXPROCS(0), weeklyChunk)
}

// weeklySpan is a run of rows of one replication: weeks lo to hi-1.
type weeklySpan struct {
	r      *sim.Result
	lo, hi int
}

// weeklySpans cuts the table into spans of at most rows rows.
func weeklySpans(results []*sim.Result, rows int) []weeklySpan {
	var spans []weeklySpan
	for _, r := range results {
		for lo := 0; lo < len(r.Weekly); lo += rows {
			spans = append(spans, weeklySpan{r, lo, min(lo+rows, len(r.Weekly))})
		}
	}
	return spans
}

// format appends the span's rows to buf.
func (s weeklySpan) format(buf []byte) []byte {
	for _, row := range s.r.Weekly[s.lo:s.hi] {
		buf = strconv.AppendInt(buf, int64(s.r.Replication), 10)
		for _, v := range row {
			buf = appendNum(append(buf, ','), v)
		}
		buf = append(buf, '\n')
	}
	return buf
}

// writeWeekly is WriteWeekly with workers goroutines formatting spans of
// at most rows rows.
func writeWeekly(w io.Writer, results []*sim.Result, workers, rows int) error {
	cw := csv.NewWriter(w)
	if len(results) == 0 {
		cw.Flush()
		return cw.Error()
	}
	head := []string{"replication"}
	for _, c := range results[0].Columns {
		head = append(head, c.Name)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	if cw.Flush(); cw.Error() != nil {
		return cw.Error()
	}
	return writeSpans(w, weeklySpans(results, rows), workers, weeklySpan.format)
}

// writeSpans writes the spans' rows, each formatted by format (the tests'
// way to make one panic), on workers goroutines.
func writeSpans(w io.Writer, spans []weeklySpan, workers int, format func(weeklySpan, []byte) []byte) error {
	if workers < 2 || len(spans) < 2 {
		var buf []byte
		for _, s := range spans {
			var err error
			if buf, err = formatCaught(format, s, buf[:0]); err != nil {
				return err
			}
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
		return nil
	}
	return writeInOrder(w, spans, workers, format)
}

// formatCaught formats span s into buf, turning a panic into its error
// through caught: on a worker's goroutine a panic would end the process, a
// workbench serving others with it, and leave the writer waiting for the
// span. One core or many, the answer is the same.
func formatCaught(format func(weeklySpan, []byte) []byte, s weeklySpan, buf []byte) ([]byte, error) {
	err := caught(func(int) error { buf = format(s, buf); return nil }, 0)
	if err != nil {
		return nil, fmt.Errorf("weekly.csv, a row of replication %d: %w", s.r.Replication, err)
	}
	return buf, nil
}

// writeInOrder formats the spans on workers goroutines and writes them in
// order. A ring of 2×workers buffers bounds the memory: span k is
// formatted into slot k mod len(ring) once the writer has written span
// k-len(ring) from it. A failed write, or a span whose formatting
// panicked, stops the goroutines.
func writeInOrder(w io.Writer, spans []weeklySpan, workers int, format func(weeklySpan, []byte) []byte) error {
	ring := make([]struct {
		buf  []byte
		err  error // the span's formatting panicked
		done chan struct{}
	}, 2*workers)
	free := make(chan struct{}, len(ring)) // a token a slot, given back in order
	for i := range ring {
		ring[i].done = make(chan struct{}, 1)
		free <- struct{}{}
	}
	jobs := make(chan int)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	// Deferred, so that a Write that panics on this goroutine still stops
	// the others rather than leave them blocked for good.
	defer func() {
		close(quit)
		wg.Wait()
	}()
	for range workers {
		wg.Go(func() {
			for k := range jobs {
				slot := &ring[k%len(ring)]
				slot.buf, slot.err = formatCaught(format, spans[k], slot.buf[:0])
				slot.done <- struct{}{}
			}
		})
	}
	wg.Go(func() {
		defer close(jobs)
		for k := range spans {
			select {
			case <-free:
			case <-quit:
				return
			}
			select {
			case jobs <- k:
			case <-quit:
				return
			}
		}
	})
	for k := range spans {
		slot := &ring[k%len(ring)]
		<-slot.done
		if slot.err != nil {
			return slot.err
		}
		if _, err := w.Write(slot.buf); err != nil {
			return err
		}
		free <- struct{}{}
	}
	return nil
}
