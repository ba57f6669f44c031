package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/spsim/spsim/workbench"
)

// cmdServe serves the browser workbench until interrupted.
func cmdServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on; anything but loopback lets other machines use it")
	jobs := fs.Int("jobs", 0, "parallel workers per run (default: all cores)")
	verbose := fs.Bool("log", false, "log each request to stderr")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no scenario: choose one in the page (got %q)", pos[0])
	}
	if *jobs < 0 {
		return usagef("--jobs must be 0 (all cores) or more, got %d", *jobs)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *addr, err)
	}
	opt := workbench.Options{Version: version, Jobs: *jobs}
	if *verbose {
		opt.Log = log.New(stderr, "", log.LstdFlags)
	}
	if w := exposure(ln.Addr()); w != "" {
		fmt.Fprintln(stderr, "warning:", w)
		opt.AnyHost = true // other machines reach it by names of their own
	}
	srv := &http.Server{Handler: workbench.New(opt), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "spsim workbench on %s; Ctrl-C to stop\n", workbenchURL(ln.Addr()))
	ctx, stop := interruptible()
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// exposure warns when the workbench listens beyond this machine.
func exposure(a net.Addr) string {
	ta, ok := a.(*net.TCPAddr)
	if !ok || ta.IP.IsLoopback() {
		return ""
	}
	return fmt.Sprintf("listening on %s, which other machines can reach: the workbench has no login, so anyone who can reach it can run scenarios. Use --addr 127.0.0.1:PORT to keep it on this machine.", a)
}

// workbenchURL is the address a browser on this machine opens: listening
// on every address (0.0.0.0 or [::]) is http://localhost:PORT/, not the
// http://[::]:PORT/ no browser takes.
func workbenchURL(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok && t.IP.IsUnspecified() {
		return fmt.Sprintf("http://localhost:%d/ and this machine's other addresses", t.Port)
	}
	return "http://" + a.String() + "/"
}
