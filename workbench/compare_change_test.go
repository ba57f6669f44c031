package workbench

import (
	"fmt"
	"strings"
	"testing"

	"github.com/spsim/spsim/scenarios"
)

// TestCompareSaysWhatTheChangeDid: pinning a scenario with a funding cliff
// beside the one without, the comparison says on the page what the cliff
// did in the weeks after it, as the command line does.
func TestCompareSaysWhatTheChangeDid(t *testing.T) {
	base, _ := scenarios.Source("baseline")
	cliff, _ := scenarios.Source("funding-cliff")
	body := `{"pins":[{"name":"now","toml":` + jsonString(string(base)) + `},{"name":"cliff","toml":` + jsonString(string(cliff)) + `}]}`
	r := result(t, post(t, newTestServer(), "/api/compare", body))
	// The table ends with each community service's occupancy.
	if got := fmt.Sprint(r["rows"]); !strings.Contains(got, "VCSE occupancy: wellbeing groups") {
		t.Errorf("the comparison's rows lack the services' occupancy: %.500s", got)
	}
	if got := fmt.Sprint(r["verdict"]); !strings.Contains(got, "From week 104 in cliff (fixed-term funding for one post ends), weeks 104 to 207, against now in the same weeks: Wait to first contact, mean: ") {
		t.Errorf("verdict %s", got)
	}
}
