package sim

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func baselineConfig(t *testing.T) *Config {
	t.Helper()
	var c Config
	if _, err := toml.DecodeFile("../scenarios/baseline.toml", &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// TestCheckCatchesViolations shows that the end-of-run self-checks can fail:
// each corruption of the state must be reported by name.
func TestCheckCatchesViolations(t *testing.T) {
	for _, c := range []struct {
		name    string
		corrupt func(m *Model)
		want    string
	}{
		{"lost referral", func(m *Model) { m.m.referred++ }, "invariant conservation"},
		{"caseload count", func(m *Model) { m.lws[0].caseload++ }, "invariant caseload"},
		{"waiting counter", func(m *Model) { m.m.waiting.v++ }, "invariant counts"},
		{"negative community queue", func(m *Model) { m.svcs[0].waiting = -1 }, "invariant non-negative"},
		{"missing week", func(m *Model) { m.m.rows = m.m.rows[:len(m.m.rows)-1] }, "invariant clock"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := New(baselineConfig(t), 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.Run(); err != nil {
				t.Fatalf("clean run failed its checks: %v", err)
			}
			c.corrupt(m)
			err = m.check()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("check() = %v, want an error containing %q", err, c.want)
			}
		})
	}
}
