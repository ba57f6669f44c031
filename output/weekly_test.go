package output

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
)

// TestWeeklyBytesAsEncodingCSV: the fast weekly writer writes the bytes
// encoding/csv would, for every kind of number.
func TestWeeklyBytesAsEncodingCSV(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1.5, 57.6, 1e21, 1e-7, 123456789.123, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64}
	res := []*sim.Result{
		{Replication: 0, Columns: []sim.Column{{Name: "a"}, {Name: "b, quoted"}}, Weekly: [][]float64{vals[:2], vals[2:4]}},
		{Replication: 11, Weekly: [][]float64{vals[4:6], vals[6:8], vals[8:10], vals[10:12], {vals[12], 3}}},
	}
	var want bytes.Buffer
	cw := csv.NewWriter(&want)
	cw.Write([]string{"replication", "a", "b, quoted"})
	for _, r := range res {
		for _, row := range r.Weekly {
			rec := []string{strconv.Itoa(r.Replication)}
			for _, v := range row {
				rec = append(rec, num(v))
			}
			cw.Write(rec)
		}
	}
	cw.Flush()
	var got bytes.Buffer
	if err := WriteWeekly(&got, res); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("weekly.csv:\n%s\nencoding/csv:\n%s", got.Bytes(), want.Bytes())
	}
}

// weeklySequential is the weekly table written row by row, as it was
// before it was written in parallel: the reference.
func weeklySequential(t *testing.T, res []*sim.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeWeekly(&b, res, 1, 1<<30); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWeeklyParallelBytes: on a real run of several replications, the
// parallel writer writes the sequential bytes whatever the number of
// goroutines and the size of the spans they format.
func TestWeeklyParallelBytes(t *testing.T) {
	cfg, err := scenarios.Load("baseline")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 60, 10
	res, err := experiment.Replicate(context.Background(), cfg, experiment.Options{Replications: 5, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := weeklySequential(t, res)
	if n := bytes.Count(want, []byte{'\n'}); n != 1+5*60 {
		t.Fatalf("sequential weekly.csv has %d lines, want a header and 300 rows", n)
	}
	for _, c := range []struct{ workers, rows int }{{2, 1}, {2, 7}, {3, 60}, {8, 13}, {2, 1000}} {
		var got bytes.Buffer
		if err := writeWeekly(&got, res, c.workers, c.rows); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%d workers, spans of %d rows: %d bytes differ from the sequential %d", c.workers, c.rows, got.Len(), len(want))
		}
	}
	var got bytes.Buffer
	if err := WriteWeekly(&got, res); err != nil || !bytes.Equal(got.Bytes(), want) {
		t.Errorf("WriteWeekly differs from the sequential writer (err %v)", err)
	}
}

// failAfter accepts n writes, then fails.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

// TestWeeklyParallelWriteError: a failed write stops the writer and its
// goroutines and is returned.
func TestWeeklyParallelWriteError(t *testing.T) {
	row := []float64{1, 2.5, 3}
	var res []*sim.Result
	for r := range 4 {
		weekly := make([][]float64, 100)
		for w := range weekly {
			weekly[w] = row
		}
		res = append(res, &sim.Result{Replication: r, Columns: []sim.Column{{Name: "a"}, {Name: "b"}, {Name: "c"}}, Weekly: weekly})
	}
	for _, n := range []int{0, 1, 5, 30} {
		if err := writeWeekly(&failAfter{n}, res, 2, 3); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("failing after %d writes: error %v, want disk full", n, err)
		}
	}
}

// TestWeeklyPanicIsAnError: a span whose formatting panics, on a
// worker's goroutine or the caller's, first or last, comes back as an
// error naming its replication: never a crash of the process (a
// workbench serving others) nor a writer waiting for the span for good.
func TestWeeklyPanicIsAnError(t *testing.T) {
	row := []float64{1, 2.5, 3}
	var res []*sim.Result
	for r := range 4 {
		weekly := make([][]float64, 100)
		for w := range weekly {
			weekly[w] = row
		}
		res = append(res, &sim.Result{Replication: r, Weekly: weekly})
	}
	spans := weeklySpans(res, 3)
	for _, c := range []struct{ workers, at int }{{1, 0}, {1, 70}, {2, 0}, {2, 1}, {3, 50}, {8, 70}, {8, len(spans) - 1}} {
		bad := spans[c.at]
		format := func(s weeklySpan, buf []byte) []byte {
			if s == bad {
				panic("a bad row")
			}
			return s.format(buf)
		}
		got := make(chan error, 1)
		go func() { got <- writeSpans(io.Discard, spans, c.workers, format) }()
		select {
		case err := <-got:
			want := fmt.Sprintf("weekly.csv, a row of replication %d: internal error, please report it: a bad row", bad.r.Replication)
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%d workers, span %d panics: error %.200v, want %q", c.workers, c.at, err, want)
			}
		case <-time.After(time.Minute):
			t.Fatalf("%d workers, span %d panics: no answer after a minute", c.workers, c.at)
		}
	}
}

// TestWeeklyRowsAllocateNothing: formatting rows allocates nothing once
// the buffer has grown.
func TestWeeklyRowsAllocateNothing(t *testing.T) {
	row := []float64{12, 57.6, 0.56789123456, -3, 1e-9, 256464.37512}
	weekly := make([][]float64, 50)
	for w := range weekly {
		weekly[w] = row
	}
	s := weeklySpan{&sim.Result{Replication: 7, Weekly: weekly}, 0, 50}
	buf := s.format(nil)
	if n := testing.AllocsPerRun(20, func() { buf = s.format(buf[:0]) }); n != 0 {
		t.Errorf("formatting 50 rows allocates %v times", n)
	}
}
