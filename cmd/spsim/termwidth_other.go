//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package main

import "os"

// terminalWidth cannot be told here; the progress bar falls back to
// $COLUMNS or 80 columns.
func terminalWidth(*os.File) int { return 0 }
