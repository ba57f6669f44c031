package output

import (
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
)

// parallel calls do(0..n-1) on as many goroutines as there are cores and
// returns the first error by index, so that what is reported does not
// depend on timing. It is for work that keeps a core busy: drawing.
func parallel(n int, do func(i int) error) error {
	return run(n, min(n, runtime.GOMAXPROCS(0)), do)
}

// concurrently calls do(0..n-1) each on its own goroutine and returns the
// first error by index. It is for writing files: a file's fsync waits on
// the disk, not a core, so every file's wait overlaps the others' work.
func concurrently(n int, do func(i int) error) error { return run(n, n, do) }

func run(n, workers int, do func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				errs[i] = caught(do, i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstErr(errs)
}

// caught calls do(i), turning a panic into its error: on a goroutine of
// its own a panic would end the process, a workbench serving others with it.
func caught(do func(i int) error, i int) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error, please report it: %v\n%s", p, debug.Stack())
		}
	}()
	return do(i)
}

func firstErr(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeFiles writes each file into dir atomically, all at once.
func writeFiles(dir string, files []file) error {
	return concurrently(len(files), func(i int) error {
		return WriteFile(filepath.Join(dir, files[i].name), files[i].write)
	})
}
