package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSafeToServe: under Options a scenario reads only built-ins and files
// under the root, and no error echoes a file that is not a scenario.
func TestSafeToServe(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	files := map[string]string{
		filepath.Join(outside, "secret.toml"): "DB_PASSWORD = \"hunter2\"\n",
		filepath.Join(outside, "secret.env"):  "DB_PASSWORD = \"hunter2\"\n",
		filepath.Join(outside, "ok.toml"):     "name = \"ok\"\nextends = \"baseline\"\n",
		filepath.Join(root, "secret.toml"):    "DB_PASSWORD = \"hunter2\"\n",
		filepath.Join(root, "broken.toml"):    "DB_PASSWORD = hunter2\n",
		filepath.Join(root, "parent.toml"):    "name = \"parent\"\nextends = \"baseline\"\n",
	}
	for path, text := range files {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "ok.toml"), filepath.Join(root, "link.toml")); err != nil {
		t.Fatal(err)
	}
	child := func(ext string) []byte { return []byte("name = \"up\"\nextends = " + quoteString(ext) + "\n") }
	tests := []struct {
		name string
		ext  string
		opts Options
		msg  string // "" if it loads
	}{
		{"built-in", "baseline", Options{BuiltinOnly: true}, ""},
		{"file, built-ins only", "parent.toml", Options{BuiltinOnly: true, Root: root}, "only built-in scenarios can be extended here"},
		{"built-in with .toml", "baseline.toml", Options{BuiltinOnly: true}, `did you mean extends = "baseline"?`},
		{"file under the root", "parent.toml", Options{Root: root}, ""},
		{"file outside the root", filepath.Join(outside, "ok.toml"), Options{Root: root}, "outside the folder scenarios may be read from"},
		{"escape by ..", "../" + filepath.Base(outside) + "/ok.toml", Options{Root: root}, "outside the folder"},
		{"escape by a link", "link.toml", Options{Root: root}, "outside the folder"},
		{"not a .toml file", filepath.Join(outside, "secret.env"), Options{}, "name ends in .toml"},
		{"a .toml that is not a scenario", filepath.Join(outside, "secret.toml"), Options{}, "not a spsim scenario"},
		{"a .toml that is not TOML", "broken.toml", Options{Root: root}, "TOML syntax error (spsim validate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadBytes(filepath.Join(root, "up.toml"), child(tt.ext), tt.opts)
			switch {
			case tt.msg == "" && err != nil:
				t.Fatal(err)
			case tt.msg != "" && (err == nil || !strings.Contains(err.Error(), tt.msg)):
				t.Fatalf("got %v, want %q", err, tt.msg)
			case err != nil && strings.Contains(err.Error(), "hunter2"):
				t.Fatalf("the error echoes a secret: %v", err)
			}
		})
	}
	if _, err := LoadWith(filepath.Join(outside, "ok.toml"), Options{Root: root}); err == nil {
		t.Error("LoadWith read a file outside the root")
	}
	if files := FilesWith(filepath.Join(root, "link.toml"), Options{Root: root}); len(files) != 0 {
		t.Errorf("FilesWith read %d files through a link out of the root", len(files))
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"baseline":               "baseline",
		"../../escaped":          "escaped",
		"/etc/passwd":            "etc-passwd",
		"a/b\\c":                 "a-b-c",
		"..":                     "scenario",
		"":                       "scenario",
		"Funding cliff 2025":     "Funding-cliff-2025",
		"nul":                    "nul_",
		"COM1.toml":              "COM1.toml_",
		"été":                    "t",
		strings.Repeat("x", 100): strings.Repeat("x", 64),
	} {
		got := SafeName(in)
		if got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
		if strings.ContainsAny(got, `/\`) || got == "." || got == ".." || strings.HasPrefix(got, ".") {
			t.Errorf("SafeName(%q) = %q can escape its folder", in, got)
		}
	}
}

// TestUploadReadsNoDataFiles: a scenario's own data files, areas.file and
// initial.file, are refused unread in an upload (BuiltinOnly) and outside
// the root, and read under it.
func TestUploadReadsNoDataFiles(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	for _, dir := range []string{root, outside} {
		files := map[string]string{
			"caseload.csv": "referral_date,status\nhunter2,waiting\n",
			"areas.csv":    "name,workforce.link_workers\nhunter2,x\n",
		}
		for name, text := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range []struct {
		table, file string
		opts        Options
		want        string
	}{
		{"initial", filepath.Join(outside, "caseload.csv"), Options{BuiltinOnly: true}, "caseload files cannot be read here"},
		{"initial", "/etc/passwd", Options{BuiltinOnly: true}, "caseload files cannot be read here"},
		{"areas", filepath.Join(outside, "areas.csv"), Options{BuiltinOnly: true}, "areas files cannot be read here"},
		{"initial", filepath.Join(outside, "caseload.csv"), Options{Root: root}, "outside the folder scenarios may be read from"},
		{"initial", "caseload.csv", Options{Root: root}, `"hunter2" is not a date`}, // under the root: read
	} {
		text := "name = \"up\"\nextends = \"baseline\"\n[" + c.table + "]\nfile = " + quoteString(c.file) + "\n"
		_, err := LoadBytes(filepath.Join(root, "up.toml"), []byte(text), c.opts)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s.file %q under %+v: %v, want %q", c.table, c.file, c.opts, err, c.want)
		}
		if c.opts.BuiltinOnly && err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s.file %q: the error echoes the file: %v", c.table, c.file, err)
		}
	}
}

// TestSetReadsNoFilesOfAnUpload: an uploaded scenario stays unable to read
// files whatever sets the key later (SetAll, as a lever does; an areas
// file's column, through SetAreas); a scenario from the command line still
// reads the file it is given. No area reads its own caseload file.
func TestSetReadsNoFilesOfAnUpload(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "caseload.csv")
	if err := os.WriteFile(csv, []byte("referral_date,status\nhunter2,waiting\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	upload := func() *Config {
		l, err := LoadBytes("up.toml", []byte("name = \"up\"\nextends = \"baseline\"\n"), Options{BuiltinOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		return l.Config
	}
	for _, c := range []struct {
		what string
		err  error
		want string
	}{
		{"SetAll initial.file", func() error { _, err := SetAll(upload(), []KeyValue{{"initial.file", quoteString(csv)}}); return err }(), "caseload files cannot be read here"},
		{"SetAll areas.file", func() error { _, err := SetAll(upload(), []KeyValue{{"areas.file", quoteString(csv)}}); return err }(), "areas files cannot be read here"},
		{"SetAll initial table", func() error {
			_, err := SetAll(upload(), []KeyValue{{"initial", "{ file = " + quoteString(csv) + " }"}})
			return err
		}(), "caseload files cannot be read here"},
		{"SetAreas column", SetAreas(upload(), "a.csv", []byte("name,initial.file\nA,"+csv+"\nB,\n")), "initial.file cannot differ between areas"},
		{"command line", func() error {
			c, err := Load("baseline")
			if err != nil {
				return err
			}
			return Set(c, "initial.file", quoteString(csv))
		}(), `"hunter2" is not a date`},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.what, c.err, c.want)
		}
		if c.what != "command line" && c.err != nil && strings.Contains(c.err.Error(), "hunter2") {
			t.Errorf("%s: the error echoes the file: %v", c.what, c.err)
		}
	}
}
