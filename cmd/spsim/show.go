package main

import (
	"io"

	"github.com/spsim/spsim/scenarios"
)

func cmdShow(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("show")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("show takes one scenario (a built-in name or a file), got %d", len(pos))
	}
	cfg, err := scenarios.Load(pos[0])
	if err != nil {
		return err
	}
	return scenarios.Encode(stdout, cfg)
}
