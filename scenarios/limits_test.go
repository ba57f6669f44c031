package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAdversarialFiles loads 4 MiB files built to exhaust the stack or
// memory: each must be refused with a message, never a crash. Before the
// locator stopped at the nesting limit, 3,000,000 '[' overflowed the stack.
func TestAdversarialFiles(t *testing.T) {
	const size = 4 << 20
	tests := []struct {
		name string
		data string
		msg  string
	}{
		{"brackets", "x = " + strings.Repeat("[", size-4), "nested too deeply"},
		{"braces", "x = " + strings.Repeat("{a=", size/3), "nested too deeply"},
		{"headers", "[" + strings.Repeat("a.", size/2-1) + "a]", "nested too deeply"},
		{"dotted keys", strings.Repeat("a.", size/2-1) + "a = 1", "nested too deeply"},
		{"array of tables", "[[" + strings.Repeat("a.", size/2-2) + "a]]", "nested too deeply"},
		{"mixed", "x = " + strings.Repeat("[{a=", size/4), "nested too deeply"},
		{"many keys", strings.Repeat("a = 1\n", size/6), "too many keys"},
		{"long array", "x = [" + strings.Repeat("1,", size/2-4) + "]", "too many keys"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			// Past the file size limit when read from disk...
			path := filepath.Join(dir, "big.toml")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "file too large") {
				t.Errorf("Load: got %v, want file too large", err)
			}
			// ... and refused by the locator's limits when given as bytes.
			_, err := loadBytes("big.toml", dir, data)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("loadBytes: got %v, want %q", err, tt.msg)
			}
			if _, stop := locateChecked(data, 0); stop == nil || !strings.Contains(stop.msg, tt.msg) {
				t.Errorf("locateChecked: got %v, want %q", stop, tt.msg)
			}
		})
	}
}

// TestChainLimits: an extends chain is bounded in depth, in total size and
// in total keys, so that it costs no more to load than one file.
func TestChainLimits(t *testing.T) {
	write := func(dir string, n int, body func(i int) string) string {
		for i := 0; i < n; i++ {
			parent := "baseline"
			if i > 0 {
				parent = fmt.Sprintf("c%d.toml", i-1)
			}
			text := fmt.Sprintf("name = \"c%d\"\nextends = %q\n%s", i, parent, body(i))
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%d.toml", i)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return filepath.Join(dir, fmt.Sprintf("c%d.toml", n-1))
	}
	tests := []struct {
		name  string
		files int
		body  func(i int) string
		msg   string
	}{
		{"deep", maxDepth + 2, func(int) string { return "" }, "too many levels of extends"},
		{"large", 4, func(int) string { return "# " + strings.Repeat("x", maxFileSize-100) + "\n" }, "too large together"},
		{"many keys", 4, func(int) string {
			return "[[timeline]]\nweek = 1\n" + strings.Repeat("[[timeline]]\nweek = 2\n", maxKeys/8)
		}, "too many keys"},
		{"fine", maxDepth - 1, func(i int) string { return fmt.Sprintf("[[timeline]]\nweek = %d\nlink_workers = 3\n", i+1) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := write(t.TempDir(), tt.files, tt.body)
			_, err := Load(top)
			switch {
			case tt.msg == "" && err != nil:
				t.Fatalf("Load: %v", err)
			case tt.msg != "" && (err == nil || !strings.Contains(err.Error(), tt.msg)):
				t.Fatalf("Load: got %v, want %q", err, tt.msg)
			}
		})
	}
}
