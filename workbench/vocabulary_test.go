package workbench

import (
	"os"
	"regexp"
	"testing"

	"github.com/spsim/spsim/scenarios"
)

// TestDriverLabelsAreTheVocabulary: the screening's inputs on the page are
// named as scenarios/words/levers.toml names them, the words the command
// line's answers use too.
func TestDriverLabelsAreTheVocabulary(t *testing.T) {
	js, err := os.ReadFile("assets/tools.js")
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`\['([a-z_.]+)', '([^']+)', [-0-9.]+, [-0-9.]+\]`).FindAllStringSubmatch(string(js), -1)
	if len(rows) < 5 {
		t.Fatalf("found %d screening inputs in tools.js", len(rows))
	}
	for _, r := range rows {
		if want := scenarios.KeyLabel(r[1]); r[2] != want {
			t.Errorf("%s is %q on the page, %q in levers.toml", r[1], r[2], want)
		}
	}
}
