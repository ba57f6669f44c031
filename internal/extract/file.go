package extract

import (
	"fmt"
	"io"
	"os"
)

// MaxFileBytes bounds an extract read from disk: a national year of
// referrals is about 100 MB, and reading takes several times the file's
// size in memory.
const MaxFileBytes = 512 << 20

// ReadFile reads the extract at path, refusing what is not a regular file
// (a device such as /dev/zero, or a named pipe, which would never end or
// block) and a file over limit bytes, in words that say so.
func ReadFile(path string, limit int64) ([]byte, error) {
	// Stat before opening: opening a named pipe would block.
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fmt.Errorf("a folder, not a file")
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (a device or a pipe): give a CSV file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > limit {
		return nil, fmt.Errorf("over %s, more than an extract of this kind needs: is it the right file?", Bytes(limit))
	}
	return raw, nil
}

// Bytes says a size in MiB or GiB.
func Bytes(n int64) string {
	if n >= 1<<30 && n%(1<<30) == 0 {
		return fmt.Sprintf("%d GiB", n>>30)
	}
	return fmt.Sprintf("%d MiB", n>>20)
}
