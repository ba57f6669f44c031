package optimise_test

import (
	"fmt"

	"github.com/spsim/spsim/optimise"
)

func ExampleParseTarget() {
	t, _ := optimise.ParseTarget("wait_first_contact_p90_weeks<=4")
	fmt.Println(t.KPI, t.Words(), "±", t.Tolerance)
	t, _ = optimise.ParseTarget("needs_met_per_1000_referrals>=486.5±10")
	fmt.Println(t.KPI, t.Words(), "±", t.Tolerance)
	// Output:
	// wait_first_contact_p90_weeks at most 4 ± 0.2
	// needs_met_per_1000_referrals at least 486.5 ± 10
}
