package optimise_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spsim/spsim/optimise"
)

// TestLeverEveryAreaSetsSaysWhatToDo: a lever on a key every area sets is
// refused saying what to do instead. "vary it in the areas" sent people
// looking for a lever on one area's value, which there is none of.
func TestLeverEveryAreaSetsSaysWhatToDo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "every.toml")
	text := "name = \"every\"\nextends = \"baseline\"\n" +
		"[[areas.list]]\nname = \"A\"\nset = { \"workforce.link_workers\" = 2 }\n" +
		"[[areas.list]]\nname = \"B\"\nset = { \"workforce.link_workers\" = 4 }\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := optimise.Plan(optimise.Spec{Ref: path, Levers: []string{"workforce.link_workers=2..4"}, Maximise: "needs_met"})
	if err == nil || strings.Contains(err.Error(), "vary it in the areas") ||
		!strings.Contains(err.Error(), "a lever sets a key in every area at once") || !strings.Contains(err.Error(), "spsim compare") {
		t.Errorf("a lever on a key every area sets: %v; want what to do instead", err)
	}
}
