package scenarios

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// library holds the built-in scenarios, one NAME.toml file each.
//
//go:embed *.toml
var library embed.FS

// Info describes a built-in scenario.
type Info struct {
	Name     string // what Load takes, e.g. "baseline"
	Question string // the question the scenario answers
}

// builtinNames returns the names of the built-in scenarios, sorted.
var builtinNames = sync.OnceValue(func() []string {
	entries, _ := fs.ReadDir(library, ".")
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".toml"); ok && !e.IsDir() {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
})

// Source returns the text of the built-in scenario name, as shipped.
func Source(name string) ([]byte, bool) {
	if !slices.Contains(builtinNames(), name) {
		return nil, false
	}
	data, err := library.ReadFile(name + ".toml")
	return data, err == nil
}

// builtinSource returns the built-in scenario name as a source to load.
func builtinSource(name string) (source, bool) {
	data, ok := Source(name)
	if !ok {
		return source{}, false
	}
	return source{file: "builtin:" + name + ".toml", id: "builtin:" + name, builtin: true, data: data}, true
}

// List describes every built-in scenario, sorted by name. The name and
// question are read from each file's name and question keys; a scenario
// that does not ask its own question has the one it extends.
func List() []Info {
	infos := make([]Info, 0, len(builtinNames()))
	for _, file := range builtinNames() {
		info := Info{Name: file}
		head := readHead(file)
		if head.Name != "" {
			info.Name = head.Name
		}
		for i := 0; head.Question == "" && head.Extends != "" && i < maxDepth; i++ {
			head = readHead(head.Extends)
		}
		info.Question = head.Question
		infos = append(infos, info)
	}
	slices.SortFunc(infos, func(a, b Info) int { return strings.Compare(a.Name, b.Name) })
	return infos
}

// head is the identifying part of a scenario file.
type head struct{ Name, Question, Extends string }

// readHead reads the head of built-in name, leniently: any problem leaves
// fields empty, for Load to report.
func readHead(name string) head {
	var h head
	data, ok := Source(name)
	if !ok {
		return h
	}
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		return h
	}
	h.Name, _ = m["name"].(string)
	h.Question, _ = m["question"].(string)
	h.Extends, _ = m["extends"].(string)
	return h
}
