package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// adversarial returns files of at most size bytes, each built to make one
// part of loading work hard: many keys, many tables, many timeline steps,
// nesting at the limit, long strings, many errors. Where keys would pass
// maxKeys first, a file stops just short of it (the baseline it extends
// sets the rest), so that every file but the last three is one the limits
// let through to the TOML parser.
func adversarial(size int) map[string][]byte {
	head := "name = \"big\"\nextends = \"baseline\"\n"
	room := maxKeys - 500 // the baseline's keys count too
	// fill repeats unit, which sets keys keys, while size and room allow.
	fill := func(prefix string, keys int, unit func(i int) string) []byte {
		var b strings.Builder
		b.WriteString(head + prefix)
		for i := 0; b.Len() < size-200 && (i+1)*keys < room; i++ {
			b.WriteString(unit(i))
		}
		return []byte(b.String())
	}
	deep := maxNesting - 1
	return map[string][]byte{
		"keys":     fill("[x]\n", 1, func(i int) string { return fmt.Sprintf("k%d = 1\n", i) }),
		"longkeys": fill("[x]\n", 1, func(i int) string { return fmt.Sprintf("k%0200d = 1\n", i) }),
		"tables":   fill("", 2, func(i int) string { return fmt.Sprintf("[t%d]\na = 1\n", i) }),
		"timeline": fill("", 4, func(int) string { return "[[timeline]]\nweek = 10\nlink_workers = 3\n" }),
		"arrays": fill("", deep, func(i int) string {
			return fmt.Sprintf("k%d = %s1%s\n", i, strings.Repeat("[", deep-1), strings.Repeat("]", deep-1))
		}),
		"inline": fill("", deep, func(i int) string {
			return fmt.Sprintf("k%d = %s1%s\n", i, strings.Repeat("{a=", deep-1), strings.Repeat("}", deep-1))
		}),
		"dotted":  fill("", deep, func(i int) string { return fmt.Sprintf("k%d%s = 1\n", i, strings.Repeat(".a", deep-1)) }),
		"numbers": fill("x = [", 1, func(int) string { return "1," }),
		"string":  fill("note = \"", 0, func(int) string { return "abcdefghij" }),
		"profiles": fill("", 5, func(i int) string {
			return fmt.Sprintf("[profiles.p%d]\nshare = 0.001\nneeds = { x%d = 0.5 }\n", i, i)
		}),
		"errors":   fill("[workforce]\n", 1, func(i int) string { return fmt.Sprintf("link_wrokers%d = 3\n", i) }),
		"toomany":  fill("[x]\n", 0, func(i int) string { return fmt.Sprintf("k%d = 1\n", i) }),
		"brackets": []byte("x = " + strings.Repeat("[", size-8)),
		"braces":   []byte("x = " + strings.Repeat("{a=", (size-8)/3)),
	}
}

// BenchmarkLoadAdversarial loads files at the size limit built to be
// expensive. The target (issue 10): any input the size limits accept loads
// or is refused in at most 1 s and 256 MiB.
func BenchmarkLoadAdversarial(b *testing.B) {
	dir := b.TempDir()
	files := adversarial(maxFileSize)
	for _, name := range sortedKeys(files) {
		data := files[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				loadBytes(name+".toml", dir, data)
			}
		})
	}
}

// BenchmarkLoadChain loads the longest extends chain allowed, of files as
// large as the chain's total allows.
func BenchmarkLoadChain(b *testing.B) {
	dir := b.TempDir()
	per := min(maxChainSize/maxDepth, 30*maxKeys/maxDepth)
	for i := 0; i < maxDepth; i++ {
		parent := "baseline"
		if i > 0 {
			parent = fmt.Sprintf("c%d.toml", i-1)
		}
		var s strings.Builder
		fmt.Fprintf(&s, "name = \"c%d\"\nextends = %q\n", i, parent)
		for j := 0; s.Len() < per-100; j++ {
			fmt.Fprintf(&s, "[[timeline]]\nweek = %d\nlink_workers = 3\n", 1+j%50)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%d.toml", i)), []byte(s.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	top := filepath.Join(dir, fmt.Sprintf("c%d.toml", maxDepth-1))
	for b.Loop() {
		Load(top)
	}
}
