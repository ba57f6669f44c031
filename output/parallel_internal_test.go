package output

import (
	"errors"
	"strings"
	"testing"
)

// TestParallelPanicIsAnError: a panic in one drawing or file is that
// item's error, reported by index like any other, and the process goes on.
func TestParallelPanicIsAnError(t *testing.T) {
	for _, workers := range []int{1, 3} {
		err := run(4, workers, func(i int) error {
			switch i {
			case 1:
				panic("a chart with no series")
			case 2:
				return errors.New("disk full")
			}
			return nil
		})
		if err == nil || !strings.Contains(err.Error(), "internal error") || !strings.Contains(err.Error(), "a chart with no series") {
			t.Errorf("%d workers: err = %v, want item 1's panic as an internal error", workers, err)
		}
	}
}
