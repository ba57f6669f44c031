// Package usage marks an error as the command line's: a flag's value that
// spsim cannot take (--jobs -1, --shard 0/2, --target foo). The command
// reports it as it reports an unknown flag, with exit status 2 and a
// pointer to its help; the workbench, as a bad request.
package usage

import "fmt"

// Error is a flag's value refused, in words that name the flag.
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

// Errorf formats an Error as fmt.Sprintf does.
func Errorf(format string, a ...any) error { return &Error{fmt.Sprintf(format, a...)} }
