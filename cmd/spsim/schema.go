package main

import (
	"io"

	"github.com/spsim/spsim/schema"
)

// cmdSchema prints the JSON Schema of scenario files.
func cmdSchema(args []string, stdout, _ io.Writer) error {
	pos, err := parse(newFlags("schema"), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("schema takes no arguments, got %q", pos[0])
	}
	return schema.Write(stdout)
}
