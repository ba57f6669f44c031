package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version is the software version recorded in outputs. Release builds set
// it with -ldflags "-X main.version=v1.2.3"; `go install ...@v1.2.3` is
// told it by the module's version (see buildVersion).
var version = "0.1.0-dev"

// buildInfo describes the binary: its version, the commit it was built
// from and the Go that built it.
type buildInfo struct {
	version, commit, goVersion, platform string
	modified                             bool
}

// readBuildInfo reads what the Go toolchain stamped into the binary: the
// module version when installed with `go install module@version`, and the
// commit when built in a git checkout (`make build`, `go build`).
func readBuildInfo() buildInfo {
	b := buildInfo{version: version, goVersion: runtime.Version(), platform: runtime.GOOS + "/" + runtime.GOARCH}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" && version == "0.1.0-dev" {
		b.version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.commit = s.Value
		case "vcs.modified":
			b.modified = s.Value == "true"
		}
	}
	return b
}

// cmdVersion prints the version, commit and Go version.
func cmdVersion(args []string, stdout, _ io.Writer) error {
	fs := newFlags("version")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("version takes no arguments, got %q", pos[0])
	}
	b := readBuildInfo()
	commit := b.commit
	switch {
	case commit == "":
		commit = "unknown (not recorded: built outside a git checkout, or with -buildvcs=false)"
	case b.modified:
		commit += " (with uncommitted changes)"
	}
	_, err = fmt.Fprintf(stdout, "spsim %s\ncommit %s\nbuilt with %s %s\n", b.version, commit, b.goVersion, b.platform)
	return err
}
