//go:build !unix

package output

import (
	"errors"
	"fmt"
	"os"
)

// lockFolder creates the file at path exclusively, or fails if it exists
// (another run is writing, or one was killed: then remove the file).
func lockFolder(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("%w (lock %s; remove it if none is running)", ErrBusy, path)
	}
	if err != nil {
		return nil, fmt.Errorf("locking the output folder: %w", err)
	}
	return func() { f.Close(); os.Remove(path) }, nil
}
