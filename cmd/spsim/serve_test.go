package main

import (
	"bytes"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/workbench"
)

// TestWorkbenchTOMLRunsToTheSameNumbers: the scenario the workbench offers
// for download gives, under spsim run with its seed, the very summary the
// workbench computed for it.
func TestWorkbenchTOMLRunsToTheSameNumbers(t *testing.T) {
	srv := httptest.NewServer(workbench.New(workbench.Options{Version: version}))
	defer srv.Close()
	page := "name = \"five\"\nextends = \"baseline\"\n[workforce]\nlink_workers = 5\n[run]\nreplications = 3\nseed = 7\n"
	download := func(file, toml string) []byte {
		t.Helper()
		res, err := http.PostForm(srv.URL+"/api/download", url.Values{"toml": {toml}, "file": {file}})
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("download %s: %d %s", file, res.StatusCode, b.String())
		}
		return b.Bytes()
	}
	toml := download("scenario.toml", page)
	want := download("summary.csv", string(toml))
	dir := t.TempDir()
	path := filepath.Join(dir, "five.toml")
	if err := os.WriteFile(path, toml, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if code := Main([]string{"run", path, "-o", filepath.Join(dir, "out"), "--quiet"}, &out, &errs); code != 0 {
		t.Fatalf("spsim run on the workbench's TOML: exit %d: %s", code, errs.String())
	}
	got, err := os.ReadFile(filepath.Join(dir, "out", "summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("spsim run gives a different summary.csv from the workbench's for the same TOML and seed")
	}
	if !strings.Contains(string(toml), "seed = 7") || !strings.Contains(string(toml), "link_workers = 5") {
		t.Errorf("the downloaded TOML lost the page's settings:\n%s", toml)
	}
}

func TestServeWarnsBeyondLoopback(t *testing.T) {
	for _, c := range []struct {
		ip   string
		warn bool
	}{{"127.0.0.1", false}, {"::1", false}, {"0.0.0.0", true}, {"192.0.2.1", true}} {
		w := exposure(&net.TCPAddr{IP: net.ParseIP(c.ip), Port: 8080})
		if (w != "") != c.warn {
			t.Errorf("listening on %s: warning %q", c.ip, w)
		}
	}
}

func TestServeRefusesArguments(t *testing.T) {
	var out, errs bytes.Buffer
	if code := Main([]string{"serve", "baseline"}, &out, &errs); code == 0 || !strings.Contains(errs.String(), "no scenario") {
		t.Errorf("serve baseline: exit %d, %s", code, errs.String())
	}
	if code := Main([]string{"serve", "--addr", "256.0.0.1:1"}, &out, &errs); code == 0 {
		t.Errorf("serve on an impossible address exited 0")
	}
}

// TestWorkbenchURL: the address serve prints is one a browser opens:
// listening on every address is localhost, not [::].
func TestWorkbenchURL(t *testing.T) {
	for _, c := range []struct{ ip, want string }{
		{"0.0.0.0", "http://localhost:8091/ and this machine's other addresses"},
		{"::", "http://localhost:8091/ and this machine's other addresses"},
		{"127.0.0.1", "http://127.0.0.1:8091/"},
	} {
		if got := workbenchURL(&net.TCPAddr{IP: net.ParseIP(c.ip), Port: 8091}); got != c.want {
			t.Errorf("%s: %q, want %q", c.ip, got, c.want)
		}
	}
}
