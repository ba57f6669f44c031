//go:build linux

package output

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestForceRefusesAFolderItCannotEmpty: --force over earlier outputs in a
// folder made read-only is refused before any work; it ran, installed the
// new outputs, then failed to remove the old and left them beside it. Run
// as root, the check is made as nobody (root may write anywhere), by this
// test binary started again under that user.
func TestForceRefusesAFolderItCannotEmpty(t *testing.T) {
	if dir := os.Getenv("SPSIM_READONLY_DIR"); dir != "" {
		if f, err := OpenFolder(dir, true); err == nil {
			f.Close()
			t.Fatal("opened")
		} else {
			t.Fatal(err) // the parent reads the words
		}
	}
	root, err := os.MkdirTemp("", "spsim-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(root)
	os.Chmod(root, 0o777)
	out := filepath.Join(root, "a")
	f, err := OpenFolder(out, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(f.Path(), "summary.csv"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.Remove(filepath.Join(root, ".a.lock")) // root's; nobody takes its own
	if err := os.Chmod(out, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(out, 0o755)
	var msg string
	if os.Geteuid() != 0 {
		_, err := OpenFolder(out, true)
		if err != nil {
			msg = err.Error()
		}
	} else {
		bin := filepath.Join(root, "output.test")
		raw, err := os.ReadFile(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin, raw, 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "-test.run=^TestForceRefusesAFolderItCannotEmpty$")
		cmd.Env = append(os.Environ(), "SPSIM_READONLY_DIR="+out)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		b, _ := cmd.CombinedOutput()
		msg = string(b)
	}
	if !strings.Contains(msg, "cannot be replaced: the earlier outputs in it could not be removed (permission denied); make it writable") {
		t.Errorf("--force over a read-only folder: %q", msg)
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left beside it: %s", e.Name())
		}
	}
}
